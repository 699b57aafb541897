output "alb_arn" { value = aws_lb.this.arn }
output "alb_dns_name" { value = aws_lb.this.dns_name }
output "https_listener_arn" { value = aws_lb_listener.https.arn }
output "http_namespace_id" { value = aws_service_discovery_http_namespace.this.id }
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
