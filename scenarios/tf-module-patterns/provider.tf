provider "aws" {
  region     = var.region
  access_key = "test"
  secret_key = "test"

  skip_credentials_validation = var.skip_credentials_validation
  skip_metadata_api_check     = true
  skip_requesting_account_id  = false

  endpoints {
    sts                    = var.endpoint
    ec2                    = var.endpoint
    ecs                    = var.endpoint
    elbv2                  = var.endpoint
    iam                    = var.endpoint
    cloudwatchlogs         = var.endpoint
    servicediscovery       = var.endpoint
    ssm                    = var.endpoint
    applicationautoscaling = var.endpoint
  }

  # As the public modules' users set them: every resource carries these, and tags_all must never drift.
  default_tags {
    tags = {
      Project   = "ecsnet"
      Stack     = var.name
      ManagedBy = "terraform"
    }
  }
}
