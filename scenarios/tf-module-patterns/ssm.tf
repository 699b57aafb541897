# Public parameters, as stacks read the ECS-optimized AMI and the FireLens image.
data "aws_ssm_parameter" "ecs_ami" {
  name = "/aws/service/ecs/optimized-ami/amazon-linux-2/recommended/image_id"
}

data "aws_ssm_parameter" "fluent_bit" {
  name = "/aws/service/aws-for-fluent-bit/stable"
}

# The stack's own parameters: the image to deploy, and a secret the task reads.
resource "aws_ssm_parameter" "image" {
  name        = "/${var.name}/web/image"
  description = "Container image of the web service"
  type        = "String"
  value       = "nginx:1.27"
  tags = {
    Stack = var.name
  }
}

resource "aws_ssm_parameter" "db_password" {
  name  = "/${var.name}/web/db-password"
  type  = "SecureString"
  value = "correct-horse-battery-staple"
  tags = {
    Stack = var.name
  }
}

resource "aws_ssm_parameter" "ami" {
  name      = "/${var.name}/ami"
  type      = "String"
  data_type = "aws:ec2:image"
  value     = data.aws_ssm_parameter.ecs_ami.insecure_value
}

data "aws_ssm_parameter" "image" {
  name = aws_ssm_parameter.image.name
}

data "aws_ssm_parameter" "db_password" {
  name = aws_ssm_parameter.db_password.name
}
