# A dual-stack VPC the way the terraform-aws-modules/vpc 5.x module builds one (enable_ipv6 = true), plus a
# secondary IPv4 CIDR with a subnet in it and subnet CIDR reservations.

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

# The vpc module's default_network_acl_ingress/egress: rule 100 for IPv4 and rule 101 for IPv6, all traffic.
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

resource "aws_subnet" "public" {
  vpc_id                          = aws_vpc.this.id
  availability_zone               = "${var.region}a"
  cidr_block                      = "10.60.0.0/24"
  ipv6_cidr_block                 = cidrsubnet(aws_vpc.this.ipv6_cidr_block, 8, 0)
  assign_ipv6_address_on_creation = true
  map_public_ip_on_launch         = true
  tags                            = { Name = "${var.name}-public" }
}

resource "aws_subnet" "private" {
  vpc_id                          = aws_vpc.this.id
  availability_zone               = "${var.region}b"
  cidr_block                      = "10.60.1.0/24"
  ipv6_cidr_block                 = cidrsubnet(aws_vpc.this.ipv6_cidr_block, 8, 1)
  assign_ipv6_address_on_creation = true
  tags                            = { Name = "${var.name}-private" }
}

# A subnet in the secondary CIDR: where tasks go once the primary CIDR's subnets are full.
resource "aws_subnet" "secondary" {
  vpc_id            = aws_vpc_ipv4_cidr_block_association.secondary.vpc_id
  availability_zone = "${var.region}c"
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

resource "aws_route_table" "private" {
  vpc_id = aws_vpc.this.id
  tags   = { Name = "${var.name}-private" }
}

resource "aws_route" "private_ipv6_egress" {
  route_table_id              = aws_route_table.private.id
  destination_ipv6_cidr_block = "::/0"
  egress_only_gateway_id      = aws_egress_only_internet_gateway.this.id
}

resource "aws_route_table_association" "public" {
  subnet_id      = aws_subnet.public.id
  route_table_id = aws_route_table.public.id
}

resource "aws_route_table_association" "private" {
  subnet_id      = aws_subnet.private.id
  route_table_id = aws_route_table.private.id
}

resource "aws_route_table_association" "secondary" {
  subnet_id      = aws_subnet.secondary.id
  route_table_id = aws_route_table.private.id
}

resource "aws_ec2_subnet_cidr_reservation" "explicit" {
  subnet_id        = aws_subnet.private.id
  cidr_block       = "10.60.1.16/28"
  reservation_type = "explicit"
  description      = "addresses assigned by hand"
}

resource "aws_ec2_subnet_cidr_reservation" "ipv6_prefix" {
  subnet_id        = aws_subnet.private.id
  cidr_block       = cidrsubnet(aws_subnet.private.ipv6_cidr_block, 16, 1)
  reservation_type = "prefix"
}
