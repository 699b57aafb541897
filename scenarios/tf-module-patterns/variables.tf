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
  default     = "patterns"
}

variable "skip_credentials_validation" {
  description = "Provider setting. true (default) skips sts:GetCallerIdentity for credential validation; the account id is then looked up via iam:GetUser."
  type        = bool
  default     = true
}
