output "vpc_id" {
  value = aws_vpc.this.id
}

output "vpc_ipv6_cidr_block" {
  value = aws_vpc.this.ipv6_cidr_block
}

output "private_subnet_ipv6_cidr_block" {
  value = aws_subnet.private.ipv6_cidr_block
}

output "secondary_subnet_id" {
  value = aws_subnet.secondary.id
}

output "egress_only_internet_gateway_id" {
  value = aws_egress_only_internet_gateway.this.id
}
