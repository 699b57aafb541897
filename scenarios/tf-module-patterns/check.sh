#!/usr/bin/env bash
# Checks what `terraform apply` of the module-patterns stack built, through the AWS CLI.
# Env: ENDPOINT, OUTPUTS_JSON (terraform output -json). Prints "N passed, M failed".
set -uo pipefail
export AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID:-test} AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY:-test}
export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER="" AWS_MAX_ATTEMPTS=1
aws() { command aws --endpoint-url "$ENDPOINT" --output json "$@"; }
out() { python3 -c "import json,sys; v=json.load(open(sys.argv[1]))[sys.argv[2]]['value']; print(v if isinstance(v,str) else ' '.join(map(str,v)))" "$OUTPUTS_JSON" "$1"; }
passed=0; failed=0
check() { local what=$1; shift; if "$@"; then passed=$((passed+1)); echo "ok   - $what"; else failed=$((failed+1)); echo "FAIL - $what"; fi; }
CLUSTER=$(out cluster_name); SERVICE=$(out service_name); VPC=$(out vpc_id); SG=$(out security_group_id)
NAMESPACE=$(out namespace_id); AMI=$(out ecs_ami); POLICY=$(out read_parameters_policy_arn)

running=0
for _ in $(seq 1 60); do
  running=$(aws ecs describe-services --cluster "$CLUSTER" --services "$SERVICE" --query 'services[0].runningCount' --output text 2>/dev/null)
  [ "$running" = 3 ] && break; sleep 1
done
check "the service runs its 3 tasks (runningCount $running)" test "$running" = 3

TASKS=$(aws ecs list-tasks --cluster "$CLUSTER" --service-name "$SERVICE" --desired-status RUNNING --query taskArns --output text)
# shellcheck disable=SC2086
DESCRIBED=$(aws ecs describe-tasks --cluster "$CLUSTER" --tasks $TASKS)
check "the tasks are split over FARGATE (the base) and FARGATE_SPOT by the strategy" python3 -c "
import json,sys; t=json.loads(sys.argv[1])['tasks']; names=sorted(x['capacityProviderName'] for x in t)
assert len(t)==3 and 'FARGATE' in names and 'FARGATE_SPOT' in names, names" "$DESCRIBED"
# ECS gives tasks IPv6 addresses only with the dualStackIPv6 account setting (the suite enables it before apply;
# the provider's aws_ecs_account_setting_default does not accept that name).
DUAL=$(aws ecs list-account-settings --name dualStackIPv6 --effective-settings --query 'settings[0].value' --output text)
[ -n "${EXPECT_DUAL_STACK:-}" ] && check "the dualStackIPv6 account setting is $EXPECT_DUAL_STACK, as the runner set it" test "$DUAL" = "$EXPECT_DUAL_STACK"
check "every task's ENI has an IPv4 address in its subnet, and an IPv6 address from the subnet's /64 exactly when dualStackIPv6 is enabled ($DUAL)" python3 -c "
import json,sys,ipaddress; t=json.loads(sys.argv[1])['tasks']; subnets={s['SubnetId']:s for s in json.loads(sys.argv[2])['Subnets']}
dual=sys.argv[3]=='enabled'
for task in t:
    d={x['name']:x['value'] for x in task['attachments'][0]['details']}
    s=subnets[d['subnetId']]
    assert ipaddress.ip_address(d['privateIPv4Address']) in ipaddress.ip_network(s['CidrBlock']), d
    assert ('ipv6Address' in d)==dual, d
    if dual:
        block=s['Ipv6CidrBlockAssociationSet'][0]['Ipv6CidrBlock']
        assert ipaddress.ip_address(d['ipv6Address']) in ipaddress.ip_network(block), (d, block)
        assert task['containers'][0]['networkInterfaces'][0]['ipv6Address']==d['ipv6Address'], task['containers']" \
  "$DESCRIBED" "$(aws ec2 describe-subnets --filters Name=vpc-id,Values="$VPC")" "$DUAL"
check "the task definition is echoed as its full ARN in the service and its deployment" python3 -c "
import json,sys; s=json.loads(sys.argv[1])['services'][0]
assert s['taskDefinition'].startswith('arn:aws:ecs:us-east-1:') and ':task-definition/patterns-frontend:' in s['taskDefinition'], s['taskDefinition']
assert all(d['taskDefinition']==s['taskDefinition'] for d in s['deployments']), s['deployments']
sc=s['deployments'][0]['serviceConnectConfiguration']; assert sc['enabled'] and sc['namespace'].endswith('/$NAMESPACE'), sc" \
  "$(aws ecs describe-services --cluster "$CLUSTER" --services "$SERVICE")"
SC_SERVICE=$(aws servicediscovery list-services --filters Name=NAMESPACE_ID,Values="$NAMESPACE",Condition=EQ --query "Services[?Name=='frontend'].Id | [0]" --output text)
# (list-instances, not discover-instances: the CLI sends DiscoverInstances to a data- host prefix, which an
# --endpoint-url on 127.0.0.1 cannot resolve)
check "Service Connect registered the 3 tasks in the namespace's frontend service" python3 -c "
import json,sys; i=json.loads(sys.argv[1])['Instances']; assert len(i)==3, i" \
  "$(aws servicediscovery list-instances --service-id "$SC_SERVICE")"
check "the security group's rules carry their tags and the provider's default_tags" python3 -c "
import json,sys; r=json.loads(sys.argv[1])['SecurityGroupRules']
named={t['Value'] for x in r for t in x.get('Tags',[]) if t['Key']=='Name'}
assert {'frontend-ipv4','frontend-ipv6','all-ipv4','all-ipv6'} <= named, named
assert all(any(t['Key']=='Project' for t in x.get('Tags',[])) for x in r), r" \
  "$(aws ec2 describe-security-group-rules --filters Name=group-id,Values="$SG")"
check "the default network ACL allows ::/0 as rule 101 both ways" python3 -c "
import json,sys; e=json.loads(sys.argv[1])['NetworkAcls'][0]['Entries']
assert {(x['Egress'],x['RuleNumber']) for x in e if x.get('Ipv6CidrBlock')=='::/0' and x['RuleAction']=='allow'}=={(False,101),(True,101)}, e" \
  "$(aws ec2 describe-network-acls --filters Name=vpc-id,Values="$VPC" Name=default,Values=true)"
check "the scalable target keeps the service inside [1, 4] with a target tracking policy and two scheduled actions" python3 -c "
import json,sys; t=json.loads(sys.argv[1])['ScalableTargets']; p=json.loads(sys.argv[2])['ScalingPolicies']; a=json.loads(sys.argv[3])['ScheduledActions']
assert [(x['MinCapacity'],x['MaxCapacity']) for x in t]==[(1,4)], t
assert [x['PolicyType'] for x in p]==['TargetTrackingScaling'] and len(p[0]['Alarms'])==2, p
assert len(a)==2, a" \
  "$(aws application-autoscaling describe-scalable-targets --service-namespace ecs --resource-ids "service/$CLUSTER/$SERVICE")" \
  "$(aws application-autoscaling describe-scaling-policies --service-namespace ecs --resource-id "service/$CLUSTER/$SERVICE")" \
  "$(aws application-autoscaling describe-scheduled-actions --service-namespace ecs --resource-id "service/$CLUSTER/$SERVICE")"
check "the customer managed policy is attached to the execution role" python3 -c "
import json,sys; r=json.loads(sys.argv[1])['PolicyRoles']; assert [x['RoleName'] for x in r]==['patterns-execution'], r" \
  "$(aws iam list-entities-for-policy --policy-arn "$POLICY")"
check "the ECS-optimized AMI parameter names an image DescribeImages knows ($AMI)" \
  test "$(aws ec2 describe-images --image-ids "$AMI" --query 'length(Images)' --output text)" = 1
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
