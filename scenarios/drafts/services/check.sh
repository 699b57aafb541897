#!/usr/bin/env bash
# Checks what `terraform apply` of the services stack built, through the AWS CLI.
# Env: ENDPOINT, OUTPUTS_JSON (terraform output -json). Prints "N passed, M failed".
set -uo pipefail
export AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID:-test} AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY:-test}
export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER="" AWS_MAX_ATTEMPTS=1
aws() { command aws --endpoint-url "$ENDPOINT" --output json "$@"; }
out() { python3 -c "import json,sys; v=json.load(open(sys.argv[1]))[sys.argv[2]]['value']; print(v if isinstance(v,str) else ' '.join(map(str,v)))" "$OUTPUTS_JSON" "$1"; }
passed=0; failed=0
check() { local what=$1; shift; if "$@"; then passed=$((passed+1)); echo "ok   - $what"; else failed=$((failed+1)); echo "FAIL - $what"; fi; }
CLUSTER=$(out cluster_name); SERVICE=$(out service_name); AMI=$(out ecs_ami); POLICY=$(out read_parameters_policy_arn)

check "the ECS-optimized AMI parameter names an image DescribeImages knows ($AMI)" \
  test "$(aws ec2 describe-images --image-ids "$AMI" --query 'Images[0].Name' --output text)" = "amzn2-ami-ecs-hvm-2.0.20250110-x86_64-ebs"
check "the FireLens image parameter names the region's aws-for-fluent-bit image" \
  test "$(out fluent_bit_image)" = "906394416424.dkr.ecr.us-east-1.amazonaws.com/aws-for-fluent-bit:stable"
check "the SecureString reads back as ciphertext without decryption" python3 -c "
import json,sys; p=json.loads(sys.argv[1])['Parameter']; assert p['Type']=='SecureString' and p['Value']!='correct-horse-battery-staple', p" \
  "$(aws ssm get-parameter --name /svc/web/db-password)"
check "the aws:ec2:image parameter was created" test "$(aws ssm get-parameter --name /svc/ami --query Parameter.DataType --output text)" = "aws:ec2:image"

running=0
for _ in $(seq 1 60); do
  running=$(aws ecs describe-services --cluster "$CLUSTER" --services "$SERVICE" --query 'services[0].runningCount' --output text 2>/dev/null)
  [ "$running" = 1 ] && break; sleep 1
done
check "the service's task, whose secret is an existing SSM parameter, runs (runningCount $running)" test "$running" = 1

check "the scalable target keeps its bounds and the service-linked role" python3 -c "
import json,sys; t=json.loads(sys.argv[1])['ScalableTargets']; assert len(t)==1, t; t=t[0]
assert (t['MinCapacity'],t['MaxCapacity'])==(1,4), t
assert t['RoleARN'].endswith(':role/aws-service-role/ecs.application-autoscaling.amazonaws.com/AWSServiceRoleForApplicationAutoScaling_ECSService'), t" \
  "$(aws application-autoscaling describe-scalable-targets --service-namespace ecs --resource-ids "service/$CLUSTER/$SERVICE")"
check "the target tracking policy has AWS's AlarmHigh and AlarmLow alarms" python3 -c "
import json,sys; p=json.loads(sys.argv[1])['ScalingPolicies'][0]; names=sorted(a['AlarmName'].split('-Alarm')[1].split('-')[0] for a in p['Alarms'])
assert names==['High','Low'] and all(a['AlarmName'].startswith('TargetTracking-service/') for a in p['Alarms']), p" \
  "$(aws application-autoscaling describe-scaling-policies --service-namespace ecs --resource-id "service/$CLUSTER/$SERVICE")"
check "both scheduled actions are described with their time zone" python3 -c "
import json,sys; a=json.loads(sys.argv[1])['ScheduledActions']; assert sorted(x['Timezone'] for x in a)==['Europe/Berlin']*2, a" \
  "$(aws application-autoscaling describe-scheduled-actions --service-namespace ecs --resource-id "service/$CLUSTER/$SERVICE")"
check "the customer managed policy is attached once, to the execution role" python3 -c "
import json,sys; r=json.loads(sys.argv[1])['PolicyRoles']; assert [x['RoleName'] for x in r]==['svc-execution'], r" \
  "$(aws iam list-entities-for-policy --policy-arn "$POLICY")"
check "GetPolicy counts the attachment" test "$(aws iam get-policy --policy-arn "$POLICY" --query Policy.AttachmentCount --output text)" = 1
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
