-- EC2 Query DescribeVpcs against 127.0.0.1 (the URL given to wrk).
dofile(os.getenv("ECSNET_WRK_DIR") .. "/common.lua")

wrk.method = "POST"
wrk.body = "Action=DescribeVpcs&Version=2016-11-15"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8"
wrk.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=0"
MATCH = "<vpcId>"
