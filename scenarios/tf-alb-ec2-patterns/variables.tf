variable "endpoint" {
  description = "Base URL of the AWS-compatible endpoint (the emulator). Loopback only."
  type        = string
  default     = "http://127.0.0.1:4566"
}

variable "region" {
  type    = string
  default = "us-east-1"
}

variable "name" {
  description = "Prefix for resource names."
  type        = string
  default     = "elb"
}

variable "skip_credentials_validation" {
  type    = bool
  default = true
}

variable "certificate_arn" {
  description = "Default certificate of the HTTPS listener (ecsnet has no ACM: any certificate ARN is accepted)."
  type        = string
  default     = "arn:aws:acm:us-east-1:000000000000:certificate/11111111-2222-3333-4444-555555555555"
}

variable "extra_certificate_arn" {
  type    = string
  default = "arn:aws:acm:us-east-1:000000000000:certificate/66666666-7777-8888-9999-000000000000"
}
