variable "endpoint" {
  description = "Base URL of the AWS-compatible endpoint (the emulator). Loopback only."
  type        = string
  default     = "http://127.0.0.1:4566"
}

provider "aws" {
  region     = "us-east-1"
  access_key = "test"
  secret_key = "test"

  skip_credentials_validation = true
  skip_metadata_api_check     = true
  skip_requesting_account_id  = false

  endpoints {
    sts              = var.endpoint
    ec2              = var.endpoint
    ecs              = var.endpoint
    elbv2            = var.endpoint
    iam              = var.endpoint
    cloudwatchlogs   = var.endpoint
    servicediscovery = var.endpoint
    route53          = var.endpoint
  }

  # every resource gets these; rules, prefix lists, DHCP options and peerings must not drift on tags_all
  default_tags {
    tags = {
      Project = "ecsnet"
      Stack   = "ec2-draft"
    }
  }
}
