# Security group rules as resources of their own, with tags (the style of terraform-aws-modules 5.x): each rule's
# tags and the provider's default_tags must read back, or every plan shows tags_all drift.

resource "aws_security_group" "tasks" {
  name        = "${var.name}-tasks"
  description = "ECS tasks of the frontend service"
  vpc_id      = aws_vpc.this.id
  tags        = { Name = "${var.name}-tasks" }
}

resource "aws_vpc_security_group_ingress_rule" "frontend_ipv4" {
  security_group_id = aws_security_group.tasks.id
  description       = "frontend from the VPC"
  ip_protocol       = "tcp"
  from_port         = 3000
  to_port           = 3000
  cidr_ipv4         = aws_vpc.this.cidr_block
  tags              = { Name = "frontend-ipv4" }
}

resource "aws_vpc_security_group_ingress_rule" "frontend_ipv6" {
  security_group_id = aws_security_group.tasks.id
  description       = "frontend from the VPC over IPv6"
  ip_protocol       = "tcp"
  from_port         = 3000
  to_port           = 3000
  cidr_ipv6         = aws_vpc.this.ipv6_cidr_block
  tags              = { Name = "frontend-ipv6" }
}

resource "aws_vpc_security_group_ingress_rule" "frontend_self" {
  security_group_id            = aws_security_group.tasks.id
  description                  = "Service Connect clients in the same group"
  ip_protocol                  = "tcp"
  from_port                    = 3000
  to_port                      = 3000
  referenced_security_group_id = aws_security_group.tasks.id
}

resource "aws_vpc_security_group_egress_rule" "all_ipv4" {
  security_group_id = aws_security_group.tasks.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
  tags              = { Name = "all-ipv4" }
}

resource "aws_vpc_security_group_egress_rule" "all_ipv6" {
  security_group_id = aws_security_group.tasks.id
  ip_protocol       = "-1"
  cidr_ipv6         = "::/0"
  tags              = { Name = "all-ipv6" }
}
