output "peering_id" {
  value = aws_vpc_peering_connection.app_shared.id
}

output "prefix_list_id" {
  value = aws_ec2_managed_prefix_list.office.id
}

output "instance_id" {
  value = aws_instance.web.id
}

output "eip_public_ip" {
  value = aws_eip.web.public_ip
}
