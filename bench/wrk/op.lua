-- One canned AWS request, sent to whatever URL wrk is given (ecsnet's "/" or the bare Jetty baseline's "/NAME").
-- OP_BODY: the request body; OP_TARGET: the X-Amz-Target header (JSON protocols), empty for EC2 Query;
-- OP_SERVICE: the service in the SigV4 credential scope; OP_MATCH: text a good answer contains (counted as matched).
dofile(os.getenv("ECSNET_WRK_DIR") .. "/common.lua")

local target = os.getenv("OP_TARGET") or ""
local service = os.getenv("OP_SERVICE") or "ec2"
wrk.method = "POST"
wrk.body = os.getenv("OP_BODY") or error("OP_BODY is not set")
if target == "" then
   wrk.headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8"
else
   wrk.headers["Content-Type"] = "application/x-amz-json-1.1"
   wrk.headers["X-Amz-Target"] = target
end
wrk.headers["Authorization"] = "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/" .. service ..
   "/aws4_request, SignedHeaders=host, Signature=0"
local m = os.getenv("OP_MATCH") or ""
if m ~= "" then MATCH = m end
