output "ecs_ami" {
  value = data.aws_ssm_parameter.ecs_ami.insecure_value
}

output "fluent_bit_image" {
  value = data.aws_ssm_parameter.fluent_bit.insecure_value
}

output "image_parameter_arn" {
  value = aws_ssm_parameter.image.arn
}

output "db_password_version" {
  value = data.aws_ssm_parameter.db_password.version
}

output "read_parameters_policy_arn" {
  value = aws_iam_policy.read_parameters.arn
}

output "scalable_target_arn" {
  value = aws_appautoscaling_target.web.arn
}

output "cpu_policy_alarms" {
  value = aws_appautoscaling_policy.cpu.alarm_arns
}

output "cluster_name" {
  value = aws_ecs_cluster.main.name
}

output "service_name" {
  value = aws_ecs_service.web.name
}
