# The ECS side of the ec2-autoscaling examples: a capacity provider over the Auto Scaling group with managed
# scaling (target 100) and managed termination protection, the cluster's capacity providers with it as the default
# strategy, and a service of small awsvpc tasks placed through it. The group starts at 0 instances; six tasks wait
# in PROVISIONING until managed scaling has grown it to 3 t3.medium (2 ENI slots each).

resource "aws_ecs_capacity_provider" "nodes" {
  name = "${var.name}-nodes"

  auto_scaling_group_provider {
    auto_scaling_group_arn         = aws_autoscaling_group.ecs.arn
    managed_termination_protection = "ENABLED"
    managed_draining               = "ENABLED"

    managed_scaling {
      status                    = "ENABLED"
      target_capacity           = 100
      minimum_scaling_step_size = 1
      maximum_scaling_step_size = 5
      instance_warmup_period    = 60
    }
  }

  tags = { Name = "${var.name}-nodes" }
}

resource "aws_ecs_cluster_capacity_providers" "this" {
  cluster_name       = aws_ecs_cluster.this.name
  capacity_providers = [aws_ecs_capacity_provider.nodes.name]

  default_capacity_provider_strategy {
    capacity_provider = aws_ecs_capacity_provider.nodes.name
    weight            = 1
    base              = 0
  }
}

resource "aws_ecs_task_definition" "web" {
  family                   = "${var.name}-web"
  network_mode             = "awsvpc"
  requires_compatibilities = ["EC2"]
  cpu                      = "128"
  memory                   = "256"

  container_definitions = jsonencode([{
    name         = "web"
    image        = "nginx:1.27"
    essential    = true
    portMappings = [{ containerPort = 8080, protocol = "tcp" }]
  }])
}

resource "aws_ecs_service" "web" {
  name            = "${var.name}-web"
  cluster         = aws_ecs_cluster.this.id
  task_definition = aws_ecs_task_definition.web.arn
  desired_count   = var.desired_count

  capacity_provider_strategy {
    capacity_provider = aws_ecs_capacity_provider.nodes.name
    weight            = 1
    base              = 0
  }

  network_configuration {
    subnets         = aws_subnet.private[*].id
    security_groups = [aws_security_group.instances.id]
  }

  depends_on = [aws_ecs_cluster_capacity_providers.this]
}
