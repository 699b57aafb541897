provider "aws" {
  region     = var.region
  access_key = "test"
  secret_key = "test"

  skip_credentials_validation = var.skip_credentials_validation
  skip_metadata_api_check     = true
  # false: the provider asks STS for the account id, as it does against AWS.
  skip_requesting_account_id = false

  endpoints {
    sts         = var.endpoint
    ec2         = var.endpoint
    ecs         = var.endpoint
    iam         = var.endpoint
    autoscaling = var.endpoint
  }
}
