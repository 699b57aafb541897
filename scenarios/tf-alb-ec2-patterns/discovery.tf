resource "aws_service_discovery_http_namespace" "this" {
  name        = "${var.name}-http"
  description = "HTTP namespace for the ELB draft stack"
}
