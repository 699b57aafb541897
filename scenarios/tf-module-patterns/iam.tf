data "aws_iam_policy_document" "ecs_tasks_trust" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ecs-tasks.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "execution" {
  name               = "${var.name}-execution"
  assume_role_policy = data.aws_iam_policy_document.ecs_tasks_trust.json
}

resource "aws_iam_role_policy_attachment" "execution_managed" {
  role       = aws_iam_role.execution.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"
}

# A customer managed policy that lets the execution role read the stack's parameters.
resource "aws_iam_policy" "read_parameters" {
  name        = "${var.name}-read-parameters"
  path        = "/ecs/"
  description = "Read the ${var.name} SSM parameters"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["ssm:GetParameters", "ssm:GetParameter"]
        Resource = [aws_ssm_parameter.image.arn, aws_ssm_parameter.db_password.arn]
      },
      {
        Effect   = "Allow"
        Action   = "kms:Decrypt"
        Resource = "*"
      }
    ]
  })
  tags = {
    Stack = var.name
  }
}

resource "aws_iam_role_policy_attachment" "execution_parameters" {
  role       = aws_iam_role.execution.name
  policy_arn = aws_iam_policy.read_parameters.arn
}
