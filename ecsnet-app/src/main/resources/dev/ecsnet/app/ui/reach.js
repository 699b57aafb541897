// "Can SOURCE open PORT on DESTINATION?": the ends to pick from, the verdict in words, and the verdict drawn on the
// picture (the path through the ENIs and gateways it crosses, green when allowed, red up to the first blocker,
// which is outlined, as are the security groups whose rules allow it).
import { esc } from './format.js';

/** The names /_ecsnet/reach understands, grouped for the two pickers. */
export function endOptions(topo, asDestination) {
  const groups = [
    ['services', topo.services.filter(s => s.status !== 'INACTIVE').map(s => [s.name, `service ${s.name}`])],
    ['load balancers', topo.loadBalancers.map(lb => [lb.name, `load balancer ${lb.name}`])],
    ['security groups', topo.vpcs.flatMap(v => v.securityGroups.map(g => [g.id, `${g.groupName} (${g.id})`]))],
    ['tasks', topo.tasks.filter(t => t.lastStatus === 'RUNNING').slice(0, 200)
      .map(t => [t.id, `task ${t.id.slice(0, 8)}… ${t.ip || ''} ${t.service || ''}`])],
  ];
  if (asDestination) groups.unshift(['internet', [['0.0.0.0/0', 'the internet (0.0.0.0/0)'], ['::/0', 'the IPv6 internet (::/0)']]]);
  return '<option value="">pick…</option>' + groups.filter(([, items]) => items.length).map(([label, items]) =>
    `<optgroup label="${esc(label)}">${items.map(([v, text]) => `<option value="${esc(v)}">${esc(text)}</option>`).join('')}</optgroup>`).join('');
}

/** The panel text: one verdict line overall, then each pair's rule or blocker. */
export function verdictHtml(result) {
  const allowed = result.answers.filter(a => a.allowed).length;
  const verdict = allowed === result.answers.length ? 'allowed' : allowed === 0 ? 'blocked' : 'mixed';
  const answers = result.answers.slice(0, 20).map(a => `<div class="answer ${a.allowed ? 'allowed' : 'blocked'}">`
    + `<b>${a.allowed ? 'ALLOWED' : 'BLOCKED'}</b> ${esc(a.from)} → ${esc(a.to)}<br>`
    + (a.allowed ? `by ${esc(a.allowedBy.map(r => r.rule).join('; '))}` : `${esc(a.blockedBy)} <span class="mono">[${esc(a.explanationCode)}]</span>`)
    + '</div>').join('');
  return `<h2>reach ${esc(result.source)} → ${esc(result.destination)} ${esc(result.protocol)} ${result.port}</h2>
    <p id="reach-verdict" class="verdict ${verdict}" data-verdict="${verdict}">${verdict.toUpperCase()}`
    + ` (${allowed} of ${result.answers.length} pair(s) allowed)</p>${answers}
    ${result.answers.length > 20 ? `<p>… and ${result.answers.length - 20} more pairs</p>` : ''}`;
}

/** Where a path component is drawn: ENIs, gateways, groups; placed interfaces stand at their group's box. */
function boxOf(id, at, ruleGroups) {
  if (at.has(id)) return at.get(id);
  if (id.startsWith('sgr-')) return at.get(ruleGroups.get(id));
  const placed = /^sg:(sg-[0-9a-f]+)@/.exec(id);
  if (placed) return at.get(placed[1]);
  if (id.startsWith('twin:')) return at.get(id.slice(5));
  return undefined;
}

export function overlay(result, topo, at) {
  const ruleGroups = new Map();
  topo.vpcs.forEach(v => v.securityGroups.forEach(g => [...g.ingress, ...g.egress].forEach(r => ruleGroups.set(r.id, g.id))));
  const out = [];
  const outlined = new Set();
  const enis = new Map();
  topo.vpcs.forEach(v => v.subnets.forEach(s => s.enis.forEach(e => enis.set(e.id, e))));
  const outline = (box, cls) => {
    const key = box && `${box.x},${box.y},${cls}`;
    if (!box || outlined.has(key)) return;
    outlined.add(key);
    out.push(`<rect class="${cls}" x="${box.x - 3}" y="${box.y - 3}" width="${box.w + 6}" height="${box.h + 6}" rx="7" fill="none"/>`);
  };
  for (const a of result.answers.slice(0, 20)) {
    const stops = a.path.filter(h => ['network-interface', 'nat-gateway', 'internet-gateway', 'vpc-endpoint',
      'egress-only-internet-gateway'].includes(h.kind)).map(h => boxOf(h.id, at, ruleGroups)).filter(Boolean);
    const blocker = a.allowed ? undefined : a.component && boxOf(a.component, at, ruleGroups);
    if (blocker && !stops.includes(blocker)) stops.push(blocker);
    if (a.allowed && /0\.0\.0\.0\/0|::\/0|internet/.test(a.to)) stops.push(at.get('internet'));
    const points = stops.map(b => `${b.x + b.w / 2},${b.y + b.h / 2}`);
    if (points.length > 1) out.push(`<polyline class="reach-line ${a.allowed ? 'allowed' : 'blocked'}" points="${points.join(' ')}"/>`);
    stops.forEach(b => outline(b, a.allowed ? 'hl-allowed' : 'hl-blocked'));
    a.path.filter(h => h.kind === 'security-group-rule').forEach(h => {
      const box = boxOf(h.id, at, ruleGroups);
      if (box) outline(box, 'hl-allowed');
    });
    if (blocker) {
      outline(blocker, 'hl-blocked');
      // an interface whose groups refuse the traffic: those groups are the thing to change
      (enis.get(a.component)?.groups || []).forEach(g => outline(at.get(g), 'hl-blocked'));
    }
  }
  return out.join('');
}
