output "cluster_name" { value = aws_ecs_cluster.this.name }
output "asg_name" { value = aws_autoscaling_group.ecs.name }
output "launch_template_id" { value = aws_launch_template.ecs.id }
output "private_subnet_ids" { value = aws_subnet.private[*].id }
output "capacity_provider_name" { value = aws_ecs_capacity_provider.nodes.name }
output "service_name" { value = aws_ecs_service.web.name }
