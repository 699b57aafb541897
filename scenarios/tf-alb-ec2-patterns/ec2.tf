# The EC2 resource families users' stacks add beside VPCs and subnets: security group rules as their own
# resources (with tags), a customer-managed prefix list used by a rule and a route, DHCP options, a VPC peering
# with routes on both sides, an extra network interface attached to an instance, and an Elastic IP on it.

resource "aws_vpc" "app" {
  cidr_block           = "10.20.0.0/16"
  enable_dns_hostnames = true
  tags                 = { Name = "app" }
}

resource "aws_vpc" "shared" {
  cidr_block = "10.30.0.0/16"
  tags       = { Name = "shared" }
}

resource "aws_subnet" "app" {
  vpc_id            = aws_vpc.app.id
  cidr_block        = "10.20.1.0/24"
  availability_zone = "us-east-1a"
  tags              = { Name = "app-a" }
}

resource "aws_subnet" "shared" {
  vpc_id            = aws_vpc.shared.id
  cidr_block        = "10.30.1.0/24"
  availability_zone = "us-east-1a"
}

resource "aws_internet_gateway" "app" {
  vpc_id = aws_vpc.app.id
}

resource "aws_route_table" "app" {
  vpc_id = aws_vpc.app.id
}

resource "aws_route_table_association" "app" {
  subnet_id      = aws_subnet.app.id
  route_table_id = aws_route_table.app.id
}

resource "aws_route" "app_internet" {
  route_table_id         = aws_route_table.app.id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = aws_internet_gateway.app.id
}

# ---- DHCP options ------------------------------------------------------------------------------------------

resource "aws_vpc_dhcp_options" "corp" {
  domain_name         = "corp.example"
  domain_name_servers = ["AmazonProvidedDNS"]
  ntp_servers         = ["169.254.169.123"]
  tags                = { Name = "corp" }
}

resource "aws_vpc_dhcp_options_association" "app" {
  vpc_id          = aws_vpc.app.id
  dhcp_options_id = aws_vpc_dhcp_options.corp.id
}

# ---- Prefix list, used by a security group rule and a route ------------------------------------------------

resource "aws_ec2_managed_prefix_list" "office" {
  name           = "office"
  address_family = "IPv4"
  max_entries    = 5

  entry {
    cidr        = "203.0.113.0/24"
    description = "head office"
  }
  entry {
    cidr        = "198.51.100.0/28"
    description = "branch"
  }
  tags = { Name = "office" }
}

resource "aws_route" "office" {
  route_table_id             = aws_route_table.app.id
  destination_prefix_list_id = aws_ec2_managed_prefix_list.office.id
  gateway_id                 = aws_internet_gateway.app.id
}

# ---- Security group with rules as resources of their own --------------------------------------------------

resource "aws_security_group" "web" {
  name        = "web"
  description = "web servers"
  vpc_id      = aws_vpc.app.id
}

resource "aws_vpc_security_group_ingress_rule" "https_from_office" {
  security_group_id = aws_security_group.web.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  prefix_list_id    = aws_ec2_managed_prefix_list.office.id
  description       = "HTTPS from the office"
  tags              = { Name = "https-office" }
}

resource "aws_vpc_security_group_ingress_rule" "ssh_from_shared" {
  security_group_id = aws_security_group.web.id
  ip_protocol       = "tcp"
  from_port         = 22
  to_port           = 22
  cidr_ipv4         = aws_vpc.shared.cidr_block
  tags              = { Name = "ssh-shared" }
}

resource "aws_vpc_security_group_egress_rule" "all" {
  security_group_id = aws_security_group.web.id
  ip_protocol       = "-1"
  cidr_ipv4         = "0.0.0.0/0"
}

# ---- VPC peering with routes on both sides ----------------------------------------------------------------

resource "aws_vpc_peering_connection" "app_shared" {
  vpc_id      = aws_vpc.app.id
  peer_vpc_id = aws_vpc.shared.id
  auto_accept = true
  tags        = { Name = "app-shared" }
}

resource "aws_route" "app_to_shared" {
  route_table_id            = aws_route_table.app.id
  destination_cidr_block    = aws_vpc.shared.cidr_block
  vpc_peering_connection_id = aws_vpc_peering_connection.app_shared.id
}

resource "aws_route" "shared_to_app" {
  route_table_id            = aws_vpc.shared.main_route_table_id
  destination_cidr_block    = aws_vpc.app.cidr_block
  vpc_peering_connection_id = aws_vpc_peering_connection.app_shared.id
}

# ---- An instance with a second network interface and an Elastic IP -----------------------------------------

data "aws_ami" "ecs" {
  most_recent = true
  owners      = ["amazon"]
  filter {
    name   = "name"
    values = ["al2023-ami-ecs-hvm-*"]
  }
  filter {
    name   = "architecture"
    values = ["x86_64"]
  }
}

resource "aws_instance" "web" {
  ami                    = data.aws_ami.ecs.id
  instance_type          = "t3.medium"
  subnet_id              = aws_subnet.app.id
  vpc_security_group_ids = [aws_security_group.web.id]
  tags                   = { Name = "web" }
}

resource "aws_network_interface" "web_extra" {
  subnet_id         = aws_subnet.app.id
  security_groups   = [aws_security_group.web.id]
  description       = "second interface of web"
  source_dest_check = false
  tags              = { Name = "web-extra" }
}

resource "aws_network_interface_attachment" "web_extra" {
  instance_id          = aws_instance.web.id
  network_interface_id = aws_network_interface.web_extra.id
  device_index         = 1

  # AssociateAddress by instance needs the instance to have one interface only, as in AWS
  depends_on = [aws_eip.web]
}

resource "aws_eip" "web" {
  domain   = "vpc"
  instance = aws_instance.web.id
  tags     = { Name = "web" }

  depends_on = [aws_internet_gateway.app]
}
