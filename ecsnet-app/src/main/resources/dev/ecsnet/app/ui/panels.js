// The side panel: an overview of what runs, and the details of what was clicked. Each function returns HTML;
// links carry data-open="kind:id" and app.js follows them.
import { esc, ruleText, time, groupColor } from './format.js';

const row = (name, value) => value === undefined || value === null || value === '' ? ''
  : `<tr><td>${esc(name)}</td><td class="mono">${value}</td></tr>`;
const link = (kind, id, text) => `<a data-open="${esc(kind)}:${esc(id)}">${esc(text ?? id)}</a>`;

export function overview(topo) {
  const running = topo.tasks.filter(t => t.lastStatus === 'RUNNING').length;
  const services = topo.services.map(s => `<li>${link('service', s.cluster + '/' + s.name, s.name)} <span class="mono">`
    + `${s.running}/${s.desired} running${s.pending ? `, ${s.pending} pending` : ''}</span> · ${esc(s.cluster)} · ${esc(s.status)}</li>`).join('');
  const stopped = topo.stoppedTasks.map(t => `<li>${link('task', t.id, t.id.slice(0, 12) + '…')} ${esc(t.stopCode || '')}`
    + ` <span class="mono">${esc(t.taskDefinition)}</span></li>`).join('');
  return `<h2>${esc(topo.region)} · ${esc(topo.account)}</h2>
    <table>${row('VPCs', topo.vpcs.length)}${row('live tasks', `${topo.tasks.length} (${running} RUNNING)`)}
    ${row('stopped tasks', topo.stoppedCount)}${row('load balancers', topo.loadBalancers.length)}</table>
    <h3>services</h3>${services ? `<ul>${services}</ul>` : '<p>none</p>'}
    <h3>recently stopped tasks</h3>${stopped ? `<ul id="stopped-tasks">${stopped}</ul>` : '<p>none</p>'}
    <p class="small">Click a task, an ENI, a gateway, a load balancer or a security group for its details.</p>`;
}

function groupsHtml(groups) {
  return groups.map(g => `<div><span style="color:${groupColor(g.id)}">■</span> ${link('sg', g.id, g.id)} ${esc(g.groupName)}
    <ul>${g.ingress.map(r => `<li class="mono">${esc(ruleText(r, false))} <span class="small">${esc(r.id)}</span></li>`).join('')}
    ${g.egress.map(r => `<li class="mono">${esc(ruleText(r, true))} <span class="small">${esc(r.id)}</span></li>`).join('')}</ul></div>`).join('');
}

function findingsHtml(report) {
  return report.findings.map(f => `<div class="finding ${esc(f.status)}"><b>${esc(f.status)}</b> ${esc(f.message)}`
    + `${f.resource ? ` <span class="mono">(${esc(f.resource)})</span>` : ''}</div>`).join('');
}

export function taskDetails(d) {
  const t = d.task;
  const a = t.attachments[0];
  const details = Object.fromEntries((a?.details || []).map(x => [x.name, x.value]));
  const eni = d.networkInterface;
  const id = t.taskArn.slice(t.taskArn.lastIndexOf('/') + 1);
  return `<h2 id="task-details" data-task="${esc(id)}">task ${esc(id)}</h2>
    <table>${row('status', `${esc(t.lastStatus)} (desired ${esc(t.desiredStatus)})`)}
    ${row('service', d.service ? link('service', t.clusterArn.slice(t.clusterArn.lastIndexOf('/') + 1) + '/' + d.service, d.service) : '')}
    ${row('task definition', esc(t.taskDefinitionArn.slice(t.taskDefinitionArn.lastIndexOf('/') + 1)))}
    ${row('launch type', esc(t.launchType))}${row('zone', esc(t.availabilityZone))}
    ${row('stop code', esc(t.stopCode || ''))}${row('stopped reason', esc(t.stoppedReason || ''))}</table>
    <h3>ENI and attachment</h3>
    <table>${row('ENI', `<span id="task-eni">${esc(details.networkInterfaceId || '')}</span>`)}
    ${row('private IP', esc(details.privateIPv4Address || ''))}${row('IPv6', esc(details.ipv6Address || ''))}
    ${row('subnet', esc(details.subnetId || ''))}${row('MAC', esc(details.macAddress || ''))}
    ${row('attachment', a ? `${esc(a.id)} · ${esc(a.status)}` : 'none')}
    ${eni ? row('ENI status', `${esc(eni.status)} · ${esc(eni.interfaceType)}${eni.attachment ? ` · device ${eni.attachment.deviceIndex}` : ''}`) : ''}
    ${eni?.publicIp ? row('public IP', esc(eni.publicIp)) : ''}</table>
    ${!eni && details.networkInterfaceId ? '<p class="small">The ENI is gone: deleted when the task stopped.</p>' : ''}
    <button data-reach="source:${esc(id)}">reach from here</button><button data-reach="destination:${esc(id)}">reach to here</button>
    <h3>security groups</h3><div id="task-groups">${groupsHtml(d.securityGroups)}</div>
    <h3>diagnose</h3>${findingsHtml(d.diagnose)}`;
}

export function serviceDetails(d) {
  const s = d.service;
  const deployments = s.deployments.map(x => `<tr><td>${esc(x.status)}</td><td class="mono">${esc(x.id)}<br>`
    + `${esc(x.taskDefinition.slice(x.taskDefinition.lastIndexOf('/') + 1))} · ${x.runningCount}/${x.desiredCount} running`
    + `${x.pendingCount ? `, ${x.pendingCount} pending` : ''}${x.failedTasks ? `, ${x.failedTasks} failed` : ''} · ${esc(x.rolloutState)}</td></tr>`).join('');
  const events = s.events.slice(0, 30).map(e => `<div class="event"><time>${esc(time(e.createdAt))}</time>${esc(e.message)}</div>`).join('');
  return `<h2 id="service-details">service ${esc(s.serviceName)}</h2>
    <table>${row('status', esc(s.status))}<tr><td>tasks</td><td class="mono" id="service-counts">${s.runningCount}/${s.desiredCount} running`
    + `${s.pendingCount ? `, ${s.pendingCount} pending` : ''}</td></tr>
    ${row('task definition', esc(s.taskDefinition.slice(s.taskDefinition.lastIndexOf('/') + 1)))}
    ${row('load balancers', esc(s.loadBalancers.map(l => `${l.containerName}:${l.containerPort}`).join(', ')))}</table>
    <button data-reach="source:${esc(s.serviceName)}">reach from here</button><button data-reach="destination:${esc(s.serviceName)}">reach to here</button>
    <h3>deployments</h3><table>${deployments}</table>
    <h3>events</h3>${events || '<p>none</p>'}`;
}

export function eniDetails(e, subnet) {
  const h = e.holder;
  return `<h2>ENI ${esc(e.id)}</h2><table>${row('private IP', esc(e.ip))}${row('IPv6', esc((e.ipv6 || []).join(', ')))}
    ${row('public IP', esc(e.publicIp || ''))}${row('type', esc(e.type))}${row('status', esc(e.status))}
    ${row('subnet', `${esc(subnet.id)} (${esc(subnet.cidr)})`)}
    ${row('held by', h ? esc(`${h.kind} ${h.name || h.service || ''} ${h.role || ''} ${h.id}`) : esc(e.description || 'nothing'))}
    ${row('groups', e.groups.map(g => link('sg', g)).join(', '))}</table>`;
}

export function groupDetails(g, members) {
  return `<h2>security group ${esc(g.groupName)}</h2><table>${row('id', esc(g.id))}${row('description', esc(g.description))}
    ${row('interfaces', members)}</table>${groupsHtml([g])}
    <button data-reach="source:${esc(g.id)}">reach from here</button><button data-reach="destination:${esc(g.id)}">reach to here</button>`;
}

export function loadBalancerDetails(lb) {
  const groups = lb.targetGroups.map(g => `<h3>${esc(g.name)} ${esc(g.protocol || '')}:${g.port ?? ''}</h3><table>`
    + g.targets.map(t => `<tr><td>${esc(t.id)}:${t.port}</td><td>${esc(t.state)} ${esc(t.reason || '')}</td></tr>`).join('')
    + '</table>').join('');
  return `<h2>load balancer ${esc(lb.name)}</h2><table>${row('type', esc(`${lb.type} · ${lb.scheme} · ${lb.state}`))}
    ${row('DNS name', esc(lb.dnsName))}${row('nodes', esc(lb.nodes.map(n => `${n.ip} (${n.zone})`).join(', ')))}
    ${row('groups', lb.groups.map(g => link('sg', g)).join(', '))}
    ${row('listeners', esc(lb.listeners.map(l => `${l.protocol}:${l.port}`).join(', ')))}</table>
    <button data-reach="source:${esc(lb.name)}">reach from here</button><button data-reach="destination:${esc(lb.name)}">reach to here</button>
    ${groups}`;
}

/** A gateway or endpoint chip, or anything else the topology holds as plain fields. */
export function plainDetails(title, object) {
  const rows = Object.entries(object).filter(([, v]) => typeof v !== 'object' || Array.isArray(v))
    .map(([k, v]) => row(k, esc(Array.isArray(v) ? v.join(', ') : v))).join('');
  return `<h2>${esc(title)}</h2><table>${rows}</table>`;
}
