-- ECS JSON 1.1 RunTask (count 10, Fargate, awsvpc, assignPublicIp DISABLED) against 127.0.0.1.
-- SUBNET_ID names the subnet; MAX_REQUESTS/WRK_THREADS cap the run (see common.lua) so the /16 is never exhausted.
dofile(os.getenv("ECSNET_WRK_DIR") .. "/common.lua")

local subnet = os.getenv("SUBNET_ID") or error("SUBNET_ID is not set")
wrk.method = "POST"
wrk.body = '{"cluster":"bench","taskDefinition":"bench","count":10,"launchType":"FARGATE",' ..
   '"networkConfiguration":{"awsvpcConfiguration":{"subnets":["' .. subnet .. '"],"assignPublicIp":"DISABLED"}}}'
wrk.headers["Content-Type"] = "application/x-amz-json-1.1"
wrk.headers["X-Amz-Target"] = "AmazonEC2ContainerServiceV20141113.RunTask"
wrk.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/ecs/aws4_request, SignedHeaders=host, Signature=0"
-- A response with an empty failures list placed all 10 tasks.
MATCH = '"failures":[]'
