# ECS on EC2 as the public ec2-autoscaling examples build it (capacity provider and service: ecs.tf): the
# ECS-optimized AMI in a launch template whose user data names the cluster, behind an Auto Scaling group that starts
# empty and is protected from scale-in (a capacity provider with managed termination protection needs that), tagged
# AmazonECSManaged. desired_capacity is ignored after creation because ECS managed scaling changes it.
#
# No iam_instance_profile: ecsnet has no IAM instance profiles yet, so the template cannot name one.

data "aws_ami" "ecs" {
  most_recent = true
  owners      = ["amazon"]

  filter {
    name   = "name"
    values = ["al2023-ami-ecs-hvm-*-x86_64"]
  }
}

resource "aws_ecs_cluster" "this" {
  name = "${var.name}-cluster"
}

resource "aws_launch_template" "ecs" {
  name                   = "${var.name}-nodes"
  description            = "ECS container instances"
  image_id               = data.aws_ami.ecs.id
  instance_type          = var.instance_type
  vpc_security_group_ids = [aws_security_group.instances.id]

  user_data = base64encode(<<-EOT
    #!/bin/bash
    cat <<'EOF' >> /etc/ecs/ecs.config
    ECS_CLUSTER=${aws_ecs_cluster.this.name}
    ECS_LOGLEVEL=debug
    EOF
  EOT
  )

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 2
  }

  monitoring {
    enabled = true
  }

  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size           = 30
      volume_type           = "gp3"
      delete_on_termination = true
    }
  }

  tag_specifications {
    resource_type = "instance"
    tags          = { Name = "${var.name}-node" }
  }

  tag_specifications {
    resource_type = "volume"
    tags          = { Name = "${var.name}-node-root" }
  }
}

resource "aws_autoscaling_group" "ecs" {
  name                      = "${var.name}-nodes"
  min_size                  = 0
  max_size                  = 3
  desired_capacity          = 0
  vpc_zone_identifier       = aws_subnet.private[*].id
  health_check_type         = "EC2"
  health_check_grace_period = 0
  default_instance_warmup   = 60
  protect_from_scale_in     = true

  launch_template {
    id      = aws_launch_template.ecs.id
    version = "$Latest"
  }

  tag {
    key                 = "AmazonECSManaged"
    value               = true
    propagate_at_launch = true
  }

  tag {
    key                 = "Name"
    value               = "${var.name}-node"
    propagate_at_launch = true
  }

  lifecycle {
    ignore_changes = [desired_capacity]
  }
}
