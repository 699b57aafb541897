#!/usr/bin/env bash
# Checks what `terraform apply` of the Fargate/Service Connect stack built, through the AWS CLI.
# Env: ENDPOINT, OUTPUTS_JSON (terraform output -json). Prints "N passed, M failed".
set -uo pipefail
export AWS_ACCESS_KEY_ID=${AWS_ACCESS_KEY_ID:-test} AWS_SECRET_ACCESS_KEY=${AWS_SECRET_ACCESS_KEY:-test}
export AWS_DEFAULT_REGION=us-east-1 AWS_PAGER="" AWS_MAX_ATTEMPTS=1
aws() { command aws --endpoint-url "$ENDPOINT" --output json "$@"; }
out() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]]['value'])" "$OUTPUTS_JSON" "$1"; }
passed=0; failed=0
check() { local what=$1; shift; if "$@"; then passed=$((passed+1)); echo "ok   - $what"; else failed=$((failed+1)); echo "FAIL - $what"; fi; }
CLUSTER=$(out cluster_arn); NS=$(out namespace_arn); NSID=$(out namespace_id); TD=$(out task_definition_arn)

running=0
for _ in $(seq 1 90); do
  running=$(aws ecs describe-services --cluster "$CLUSTER" --services frontend --query 'services[0].runningCount' --output text 2>/dev/null)
  [ "$running" = 3 ] && break; sleep 1
done
check "service frontend reaches runningCount 3 (got $running)" test "$running" = 3
svc=$(aws ecs describe-services --cluster "$CLUSTER" --services frontend client)
check "services and deployments name the task definition by its full ARN" python3 -c "
import json,sys; s=json.loads(sys.argv[1])['services']
assert all(x['taskDefinition']==sys.argv[2] and all(d['taskDefinition']==sys.argv[2] for d in x['deployments']) for x in s), s" "$svc" "$TD"
check "frontend's deployment shows its Service Connect configuration and resource" python3 -c "
import json,sys; d=json.loads(sys.argv[1])['services'][0]['deployments'][0]
sc=d['serviceConnectConfiguration']; assert sc['enabled'] and sc['namespace']==sys.argv[2], sc
assert sc['services'][0]['portName']=='frontend' and sc['services'][0]['clientAliases'][0]['port']==3000, sc
r=d['serviceConnectResources']; assert [x['discoveryName'] for x in r]==['frontend'] and r[0]['discoveryArn'].startswith('arn:aws:servicediscovery:'), r
assert d['capacityProviderStrategy'], d" "$svc" "$NS"
check "the client-only service uses the cluster's default namespace and has no resources" python3 -c "
import json,sys; d=json.loads(sys.argv[1])['services'][1]['deployments'][0]
assert d['serviceConnectConfiguration']['namespace']==sys.argv[2] and not d.get('serviceConnectResources'), d" "$svc" "$NS"
tasks=$(aws ecs list-tasks --cluster "$CLUSTER" --service-name frontend --query 'taskArns' --output text)
# shellcheck disable=SC2086
desc=$(aws ecs describe-tasks --cluster "$CLUSTER" --tasks $tasks)
check "frontend's 3 tasks are split by the strategy: FARGATE holds its base, FARGATE_SPOT the larger share" python3 -c "
import json,sys; t=json.loads(sys.argv[1])['tasks']; p=[x['capacityProviderName'] for x in t]
assert len(p)==3 and p.count('FARGATE')>=1 and p.count('FARGATE_SPOT')>=1 and all(x['launchType']=='FARGATE' for x in t), p" "$desc"
srv=$(aws servicediscovery list-services --filters Name=NAMESPACE_ID,Values="$NSID",Condition=EQ)
SRVID=$(python3 -c "import json,sys; print([s['Id'] for s in json.loads(sys.argv[1])['Services'] if s['Name']=='frontend'][0])" "$srv" 2>/dev/null)
inst=$(aws servicediscovery list-instances --service-id "$SRVID")
check "Cloud Map service frontend holds the 3 RUNNING tasks, port 3000" python3 -c "
import json,sys; i=json.loads(sys.argv[1])['Instances']
assert len(i)==3 and all(x['Attributes']['AWS_INSTANCE_PORT']=='3000' and x['Attributes']['ECS_SERVICE_NAME']=='frontend' for x in i), i" "$inst"
cl=$(aws ecs describe-clusters --clusters "$CLUSTER" --include ATTACHMENTS SETTINGS)
check "cluster shows its providers, default strategy, Service Connect default and sc attachment" python3 -c "
import json,sys; c=json.loads(sys.argv[1])['clusters'][0]
assert sorted(c['capacityProviders'])==['FARGATE','FARGATE_SPOT'] and len(c['defaultCapacityProviderStrategy'])==2, c
assert c['serviceConnectDefaults']['namespace']==sys.argv[2], c
assert [a['type'] for a in c['attachments'] if a['status']=='ATTACHED']==['sc'] and c['attachmentsStatus']=='UPDATE_COMPLETE', c
assert 'tags' not in c, c" "$cl" "$NS"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
