# A dual-stack VPC the way terraform-aws-modules/vpc 5.x builds one with enable_ipv6 = true: the module's default
# network ACL rules (100 for IPv4, 101 for IPv6), public subnets in three zones with IPv6 /64s, an internet gateway
# for both families, an egress-only internet gateway for the private subnet, a secondary IPv4 CIDR with a subnet in
# it, and a subnet CIDR reservation.

resource "aws_vpc" "this" {
  cidr_block                       = "10.60.0.0/16"
  assign_generated_ipv6_cidr_block = true
  enable_dns_support               = true
  enable_dns_hostnames             = true
  tags                             = { Name = "${var.name}-vpc" }
}

resource "aws_vpc_ipv4_cidr_block_association" "secondary" {
  vpc_id     = aws_vpc.this.id
  cidr_block = "100.64.0.0/16"
}

resource "aws_default_network_acl" "this" {
  default_network_acl_id = aws_vpc.this.default_network_acl_id

  ingress {
    rule_no    = 100
    action     = "allow"
    from_port  = 0
    to_port    = 0
    protocol   = "-1"
    cidr_block = "0.0.0.0/0"
  }
  ingress {
    rule_no         = 101
    action          = "allow"
    from_port       = 0
    to_port         = 0
    protocol        = "-1"
    ipv6_cidr_block = "::/0"
  }
  egress {
    rule_no    = 100
    action     = "allow"
    from_port  = 0
    to_port    = 0
    protocol   = "-1"
    cidr_block = "0.0.0.0/0"
  }
  egress {
    rule_no         = 101
    action          = "allow"
    from_port       = 0
    to_port         = 0
    protocol        = "-1"
    ipv6_cidr_block = "::/0"
  }

  tags = { Name = "${var.name}-default" }

  lifecycle {
    ignore_changes = [subnet_ids]
  }
}

locals {
  zones = ["${var.region}a", "${var.region}b", "${var.region}c"]
}

resource "aws_subnet" "public" {
  count                           = 3
  vpc_id                          = aws_vpc.this.id
  availability_zone               = local.zones[count.index]
  cidr_block                      = cidrsubnet(aws_vpc.this.cidr_block, 8, count.index)
  ipv6_cidr_block                 = cidrsubnet(aws_vpc.this.ipv6_cidr_block, 8, count.index)
  assign_ipv6_address_on_creation = true
  map_public_ip_on_launch         = true
  tags                            = { Name = "${var.name}-public-${local.zones[count.index]}" }
}

resource "aws_subnet" "private" {
  vpc_id                          = aws_vpc.this.id
  availability_zone               = local.zones[0]
  cidr_block                      = "10.60.10.0/24"
  ipv6_cidr_block                 = cidrsubnet(aws_vpc.this.ipv6_cidr_block, 8, 10)
  assign_ipv6_address_on_creation = true
  tags                            = { Name = "${var.name}-private" }
}

# Where tasks go once the primary CIDR's subnets are full.
resource "aws_subnet" "secondary" {
  vpc_id            = aws_vpc_ipv4_cidr_block_association.secondary.vpc_id
  availability_zone = local.zones[1]
  cidr_block        = "100.64.0.0/20"
  tags              = { Name = "${var.name}-secondary" }
}

resource "aws_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id
  tags   = { Name = "${var.name}-igw" }
}

resource "aws_egress_only_internet_gateway" "this" {
  vpc_id = aws_vpc.this.id
  tags   = { Name = "${var.name}-eigw" }
}

resource "aws_route_table" "public" {
  vpc_id = aws_vpc.this.id
  tags   = { Name = "${var.name}-public" }
}

resource "aws_route" "public_internet_gateway" {
  route_table_id         = aws_route_table.public.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.this.id
}

resource "aws_route" "public_internet_gateway_ipv6" {
  route_table_id              = aws_route_table.public.id
  destination_ipv6_cidr_block = "::/0"
  gateway_id                  = aws_internet_gateway.this.id
}

resource "aws_route_table_association" "public" {
  count          = 3
  subnet_id      = aws_subnet.public[count.index].id
  route_table_id = aws_route_table.public.id
}

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.this.id
  tags   = { Name = "${var.name}-private" }
}

resource "aws_route" "private_ipv6_egress" {
  route_table_id              = aws_route_table.private.id
  destination_ipv6_cidr_block = "::/0"
  egress_only_gateway_id      = aws_egress_only_internet_gateway.this.id
}

resource "aws_route_table_association" "private" {
  subnet_id      = aws_subnet.private.id
  route_table_id = aws_route_table.private.id
}

resource "aws_route_table_association" "secondary" {
  subnet_id      = aws_subnet.secondary.id
  route_table_id = aws_route_table.private.id
}

resource "aws_ec2_subnet_cidr_reservation" "private" {
  subnet_id        = aws_subnet.private.id
  cidr_block       = "10.60.10.16/28"
  reservation_type = "explicit"
  description      = "addresses assigned by hand"
}
