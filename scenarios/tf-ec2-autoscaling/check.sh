#!/usr/bin/env bash
# Checks what `terraform apply` built, through the AWS CLI: the capacity provider as ECS shows it, the group tagged
# AmazonECSManaged, and ECS managed scaling at work: the service's six awsvpc tasks wait for capacity, the group
# grows from 0 to 3 t3.medium (2 ENI slots each), the instances register and are protected from scale-in, and
# every task ends RUNNING, two per instance, with its ENI address in its subnet.
# Env: ENDPOINT, OUTPUTS_JSON (terraform output -json). Prints "N passed, M failed".
set -uo pipefail
export AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID:-test} AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY:-test}
export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER="" AWS_MAX_ATTEMPTS=1
aws() { command aws --endpoint-url "$ENDPOINT" --output json "$@"; }
out() { python3 -c "import json,sys; v=json.load(open(sys.argv[1]))[sys.argv[2]]['value']; print(v if isinstance(v,str) else ' '.join(v))" "$OUTPUTS_JSON" "$1"; }
passed=0; failed=0
check() { local what=$1; shift; if "$@"; then passed=$((passed+1)); echo "ok   - $what"; else failed=$((failed+1)); echo "FAIL - $what"; fi; }
ASG=$(out asg_name); CLUSTER=$(out cluster_name); LT=$(out launch_template_id); CP=$(out capacity_provider_name); SERVICE=$(out service_name)

data=$(aws ec2 describe-launch-template-versions --launch-template-id "$LT" --versions '$Latest')
check "the launch template's user data names the cluster" python3 -c "
import base64,json,sys; d=json.loads(sys.argv[1])['LaunchTemplateVersions'][0]['LaunchTemplateData']
assert 'ECS_CLUSTER='+sys.argv[2] in base64.b64decode(d['UserData']).decode(), d" "$data" "$CLUSTER"

cp=$(aws ecs describe-capacity-providers --capacity-providers "$CP" --include TAGS)
check "the capacity provider is ACTIVE with managed scaling at 100 and termination protection" python3 -c "
import json,sys; p=json.loads(sys.argv[1])['capacityProviders'][0]; g=p['autoScalingGroupProvider']; m=g['managedScaling']
assert p['status']=='ACTIVE' and g['managedTerminationProtection']=='ENABLED', p
assert (m['status'],m['targetCapacity'],m['minimumScalingStepSize'],m['maximumScalingStepSize'],m['instanceWarmupPeriod'])==('ENABLED',100,1,5,60), m
assert {t['key']:t['value'] for t in p['tags']}=={'Name':sys.argv[2]}, p['tags']" "$cp" "$CP"
check "the cluster has the provider as its default strategy" python3 -c "
import json,sys; c=json.loads(sys.argv[1])['clusters'][0]
assert c['capacityProviders']==[sys.argv[2]] and c['defaultCapacityProviderStrategy'][0]['capacityProvider']==sys.argv[2], c" \
  "$(aws ecs describe-clusters --clusters "$CLUSTER")" "$CP"

group=""; tasks=""
for _ in $(seq 1 90); do
  group=$(aws autoscaling describe-auto-scaling-groups --auto-scaling-group-names "$ASG")
  arns=$(aws ecs list-tasks --cluster "$CLUSTER" --service-name "$SERVICE" --query 'taskArns' --output text)
  # shellcheck disable=SC2086
  [ -n "$arns" ] && tasks=$(aws ecs describe-tasks --cluster "$CLUSTER" --tasks $arns)
  python3 -c "
import json,sys; t=json.loads(sys.argv[1])['tasks']; assert len(t)==6 and all(x['lastStatus']=='RUNNING' for x in t)" "$tasks" 2>/dev/null && break
  sleep 1
done
check "managed scaling grew the group from 0 to 3 InService t3.medium, protected from scale-in" python3 -c "
import json,sys; g=json.loads(sys.argv[1])['AutoScalingGroups'][0]; i=g['Instances']
assert g['DesiredCapacity']==3 and [x['LifecycleState'] for x in i]==['InService']*3, g
assert all(x['ProtectedFromScaleIn'] and x['InstanceType']=='t3.medium' for x in i), i
assert any(t['Key']=='AmazonECSManaged' for t in g['Tags']), g['Tags']" "$group"
check "six tasks RUNNING through the provider, two per instance (ENI-bound)" python3 -c "
import collections,json,sys; t=json.loads(sys.argv[1])['tasks']
assert len(t)==6 and all(x['lastStatus']=='RUNNING' and x['capacityProviderName']==sys.argv[2] for x in t), [(x['lastStatus'],x.get('capacityProviderName')) for x in t]
assert sorted(collections.Counter(x['containerInstanceArn'] for x in t).values())==[2,2,2], t" "$tasks" "$CP"
subnets=$(aws ec2 describe-subnets --subnet-ids $(out private_subnet_ids))
check "every task's ENI address lies in its subnet" python3 -c "
import ipaddress,json,sys; s={x['SubnetId']:x['CidrBlock'] for x in json.loads(sys.argv[2])['Subnets']}
for t in json.loads(sys.argv[1])['tasks']:
    d={x['name']:x['value'] for x in t['attachments'][0]['details']}
    assert ipaddress.ip_address(d['privateIPv4Address']) in ipaddress.ip_network(s[d['subnetId']]), d" "$tasks" "$subnets"
registered=$(aws ecs list-container-instances --cluster "$CLUSTER" --query 'length(containerInstanceArns)' --output text)
check "the three instances registered with $CLUSTER (got $registered)" test "$registered" = 3
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
