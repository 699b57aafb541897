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
  default     = "ex-ec2"
}

variable "skip_credentials_validation" {
  type    = bool
  default = true
}

variable "instance_type" {
  description = "t3.medium: 3 ENIs, so 2 awsvpc tasks per instance without trunking."
  type        = string
  default     = "t3.medium"
}

variable "desired_count" {
  description = "Tasks of the service: 6 need 3 t3.medium without trunking."
  type        = number
  default     = 6
}
