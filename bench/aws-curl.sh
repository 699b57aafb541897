# Sourced by the bench scripts: EC2 Query and ECS JSON 1.1 calls with curl against $BASE (127.0.0.1 only), with
# the unchecked signature ecsnet accepts without --verify-signatures. Needs BASE and the CURL array set.
bench_auth() { echo "AWS4-HMAC-SHA256 Credential=test/20260101/us-east-1/$1/aws4_request, SignedHeaders=host, Signature=0"; }
ec2() { # ec2 <form body without Version>
  "${CURL[@]}" -f -X POST "$BASE/" -H "Authorization: $(bench_auth ec2)" \
    -H 'Content-Type: application/x-www-form-urlencoded; charset=utf-8' --data "$1&Version=2016-11-15"
}
ecs() { # ecs <operation> <json>
  "${CURL[@]}" -f -X POST "$BASE/" -H "Authorization: $(bench_auth ecs)" -H 'Content-Type: application/x-amz-json-1.1' \
    -H "X-Amz-Target: AmazonEC2ContainerServiceV20141113.$1" --data "$2"
}
xml_field() { sed -n "s:.*<$1>\([^<]*\)</$1>.*:\1:p" | head -n1; }
