output "cluster_arn" {
  value = aws_ecs_cluster.this.arn
}

output "namespace_arn" {
  value = aws_service_discovery_http_namespace.this.arn
}

output "namespace_id" {
  value = aws_service_discovery_http_namespace.this.id
}

output "task_definition_arn" {
  value = aws_ecs_task_definition.frontend.arn
}
