output "alb_arn" { value = aws_lb.this.arn }
output "alb_dns_name" { value = aws_lb.this.dns_name }
output "https_listener_arn" { value = aws_lb_listener.https.arn }
output "http_namespace_id" { value = aws_service_discovery_http_namespace.this.id }
