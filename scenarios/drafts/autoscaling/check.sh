#!/usr/bin/env bash
# Checks what `terraform apply` built, through the AWS CLI: the group scales out from its launch template, its
# instances register with the cluster, and they stay (protected from scale-in) for destroy to drain.
# Env: ENDPOINT, OUTPUTS_JSON (terraform output -json). Prints "N passed, M failed".
set -uo pipefail
export AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID:-test} AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY:-test}
export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER="" AWS_MAX_ATTEMPTS=1
aws() { command aws --endpoint-url "$ENDPOINT" --output json "$@"; }
out() { python3 -c "import json,sys; v=json.load(open(sys.argv[1]))[sys.argv[2]]['value']; print(v if isinstance(v,str) else ' '.join(v))" "$OUTPUTS_JSON" "$1"; }
passed=0; failed=0
check() { local what=$1; shift; if "$@"; then passed=$((passed+1)); echo "ok   - $what"; else failed=$((failed+1)); echo "FAIL - $what"; fi; }
ASG=$(out asg_name); CLUSTER=$(out cluster_name); LT=$(out launch_template_id); SUBNETS=$(out private_subnet_ids)

data=$(aws ec2 describe-launch-template-versions --launch-template-id "$LT" --versions '$Latest')
check "the launch template's user data names the cluster" python3 -c "
import base64,json,sys; d=json.loads(sys.argv[1])['LaunchTemplateVersions'][0]['LaunchTemplateData']
assert 'ECS_CLUSTER='+sys.argv[2] in base64.b64decode(d['UserData']).decode(), d
assert d['MetadataOptions']=={'HttpEndpoint':'enabled','HttpTokens':'required','HttpPutResponseHopLimit':2}, d['MetadataOptions']" "$data" "$CLUSTER"

aws autoscaling set-desired-capacity --auto-scaling-group-name "$ASG" --desired-capacity 2 >/dev/null
group=""
for _ in $(seq 1 60); do
  group=$(aws autoscaling describe-auto-scaling-groups --auto-scaling-group-names "$ASG")
  python3 -c "import json,sys; i=json.loads(sys.argv[1])['AutoScalingGroups'][0]['Instances']; assert [x['LifecycleState'] for x in i]==['InService']*2" "$group" 2>/dev/null && break
  sleep 1
done
check "2 instances InService, protected from scale-in, in two of the group's subnets' zones" python3 -c "
import json,sys; g=json.loads(sys.argv[1])['AutoScalingGroups'][0]; i=g['Instances']
assert [x['LifecycleState'] for x in i]==['InService']*2, i
assert all(x['ProtectedFromScaleIn'] and x['HealthStatus']=='Healthy' for x in i), i
assert len({x['AvailabilityZone'] for x in i})==2, i
assert set(g['VPCZoneIdentifier'].split(','))==set(sys.argv[2].split()), g['VPCZoneIdentifier']" "$group" "$SUBNETS"
registered=0
for _ in $(seq 1 30); do
  registered=$(aws ecs list-container-instances --cluster "$CLUSTER" --query 'length(containerInstanceArns)' --output text 2>/dev/null)
  [ "$registered" = 2 ] && break; sleep 1
done
check "both instances registered with $CLUSTER (got $registered)" test "$registered" = 2
ids=$(python3 -c "import json,sys; print(' '.join(x['InstanceId'] for x in json.loads(sys.argv[1])['AutoScalingGroups'][0]['Instances']))" "$group")
# shellcheck disable=SC2086
tags=$(aws ec2 describe-instances --instance-ids $ids --query 'Reservations[].Instances[].Tags[]')
check "instances carry the propagated tags and the group name" python3 -c "
import json,sys; t={(x['Key'],x['Value']) for x in json.loads(sys.argv[1])}
assert ('AmazonECSManaged','true') in t and ('aws:autoscaling:groupName',sys.argv[2]) in t, t" "$tags" "$ASG"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
