output "cluster_name" {
  value = aws_ecs_cluster.this.name
}

output "service_name" {
  value = aws_ecs_service.frontend.name
}

output "vpc_id" {
  value = aws_vpc.this.id
}

output "public_subnet_ids" {
  value = aws_subnet.public[*].id
}

output "security_group_id" {
  value = aws_security_group.tasks.id
}

output "namespace_id" {
  value = aws_service_discovery_http_namespace.this.id
}

output "ecs_ami" {
  value = nonsensitive(data.aws_ssm_parameter.ecs_ami.value)
}

output "read_parameters_policy_arn" {
  value = aws_iam_policy.read_parameters.arn
}
