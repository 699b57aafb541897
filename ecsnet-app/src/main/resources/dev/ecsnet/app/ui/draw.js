// Topology JSON → one SVG string, laid out in a single pass (no per-node layout search, so 1,000 ENIs cost about
// what 10 do, times 100). VPCs stack downwards; inside a VPC: its gateways and endpoints, then one column per
// Availability Zone with the zone's subnets stacked in it, each subnet's ENIs in a fixed grid; then its load
// balancers and its security groups, with an arrow for each rule that names another group. Positions of everything
// drawn are kept in `at` (id → box) so that a reach verdict can be drawn over the picture.
import { esc, groupColor, shortTask, ruleText } from './format.js';

const CELL_W = 164, CELL_H = 42, GAP = 6, PAD = 12;
const SUBNET_HEAD = 74, ZONE_HEAD = 22, CHIP_H = 30, SG_W = 210, SG_H = 50, LB_W = 380;

export function drawTopology(topo, width) {
  const tasks = new Map(topo.tasks.map(t => [t.id, t]));
  const out = [];
  const at = new Map();
  const internet = { x: PAD, y: PAD, w: 160, h: 34 };
  at.set('internet', internet);
  out.push(`<g class="internet" data-kind="internet"><rect x="${internet.x}" y="${internet.y}" width="${internet.w}" height="${internet.h}" rx="17"/>`
    + `<text x="${internet.x + 80}" y="${internet.y + 22}" text-anchor="middle" class="title">Internet</text></g>`);
  const uplinks = [];
  let y = internet.y + internet.h + 26;
  let maxWidth = width;
  for (const vpc of topo.vpcs) {
    const drawn = drawVpc(vpc, topo, tasks, PAD, y, width - 2 * PAD, at, uplinks);
    out.push(drawn.svg);
    y += drawn.h + 24;
    maxWidth = Math.max(maxWidth, drawn.w + 2 * PAD);
  }
  if (!topo.vpcs.length) {
    out.push(`<text x="${PAD}" y="${y + 20}" class="empty">${topo.exists === false
      ? 'Nothing in this account and region yet: the first AWS call here creates it (with its default VPC).'
      : 'No VPCs.'}</text>`);
    y += 40;
  }
  // each internet gateway's link runs up the left margin, clear of everything drawn inside the VPCs
  const lines = uplinks.map(g => `<path class="uplink" d="M${g.x},${g.y + g.h / 2} H${PAD / 2} V${internet.y + internet.h / 2} H${internet.x}"/>`);
  const svg = `<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">`
    + `<path d="M0,0 L10,5 L0,10 z" fill="#5d6b7e"/></marker></defs>`
    + out.join('') + lines.join('') + '<g id="overlay"></g>';
  return { svg, width: maxWidth, height: y, at };
}

function drawVpc(vpc, topo, tasks, x, y, width, at, uplinks) {
  const out = [];
  const cidrs = vpc.cidrBlocks.filter(b => b.state === 'associated').map(b => b.cidr)
    .concat(vpc.ipv6CidrBlocks.filter(b => b.state === 'associated').map(b => b.cidr));
  const title = `${vpc.name ? vpc.name + '  ' : ''}${vpc.id}${vpc.isDefault ? ' (default)' : ''}`;
  let cy = y + 26;
  const body = [];
  body.push(`<text x="${x + PAD}" y="${y + 20}"><tspan class="title">${esc(title)}</tspan>`
    + `<tspan dx="14" class="mono cidrs">${esc(cidrs.join('  ·  '))}</tspan></text>`);

  // gateways and endpoints: the VPC's doors
  cy += 8;
  let cx = x + PAD;
  const chip = (cls, id, label, data) => {
    const w = Math.max(120, 7 * label.length + 20);
    if (cx + w > x + width - PAD) { cx = x + PAD; cy += CHIP_H + 6; }
    at.set(id, { x: cx, y: cy, w, h: CHIP_H });
    body.push(`<g class="chip ${cls}" data-kind="${cls}" data-id="${esc(id)}" data-vpc="${esc(vpc.id)}"${data || ''}>`
      + `<rect x="${cx}" y="${cy}" width="${w}" height="${CHIP_H}" rx="6"/>`
      + `<text x="${cx + 10}" y="${cy + 19}">${esc(label)}</text><title>${esc(id)}</title></g>`);
    const box = at.get(id);
    cx += w + 8;
    return box;
  };
  vpc.internetGateways.forEach(g => uplinks.push(chip('igw', g.id, `internet gateway ${g.name || g.id}`)));
  vpc.egressOnlyInternetGateways.forEach(g => uplinks.push(chip('eigw', g.id, `egress-only IGW ${g.name || g.id}`)));
  vpc.natGateways.forEach(n => chip('nat', n.id, `NAT ${n.name || n.id} · ${n.state} · ${n.publicIp}`));
  vpc.endpoints.forEach(e => chip('endpoint', e.id, `endpoint ${e.service} · ${e.type}${e.type === 'Interface'
    ? ` · ${e.networkInterfaceIds.length} ENI` : ''} · ${e.state}`));
  if (cx > x + PAD) cy += CHIP_H + 12;

  // subnets, one column per zone
  const zones = [...new Set(vpc.subnets.map(s => s.zone))].sort();
  const tables = new Map(vpc.routeTables.map(t => [t.id, t]));
  const colW = Math.max(CELL_W + 2 * PAD, Math.floor((width - 2 * PAD - GAP * (zones.length - 1)) / Math.max(1, zones.length)));
  const perRow = Math.max(1, Math.floor((colW - 2 * PAD + GAP) / (CELL_W + GAP)));
  let bottom = cy;
  zones.forEach((zone, i) => {
    const zx = x + PAD + i * (colW + GAP);
    body.push(`<text x="${zx}" y="${cy + 14}" class="zone-head">${esc(zone)}</text>`);
    let zy = cy + ZONE_HEAD;
    for (const s of vpc.subnets.filter(s => s.zone === zone)) {
      zy += drawSubnet(s, tables.get(s.routeTableId), tasks, zx, zy, colW, perRow, body, at) + GAP * 2;
    }
    bottom = Math.max(bottom, zy);
  });
  const w = Math.max(width, zones.length * colW + (zones.length - 1) * GAP + 2 * PAD);
  cy = bottom + 6;

  // load balancers with their target groups' health
  const lbs = topo.loadBalancers.filter(lb => lb.vpcId === vpc.id);
  cx = x + PAD;
  let rowH = 0;
  for (const lb of lbs) {
    const h = 52 + lb.targetGroups.length * 34;
    if (cx + LB_W > x + w - PAD) { cx = x + PAD; cy += rowH + 10; rowH = 0; }
    drawLoadBalancer(lb, cx, cy, h, body, at);
    cx += LB_W + 10;
    rowH = Math.max(rowH, h);
  }
  if (lbs.length) cy += rowH + 14;

  // security groups and the edges of group-reference rules
  cy = drawGroups(vpc, x + PAD, cy, w - 2 * PAD, body, at);
  const h = cy - y + PAD;
  out.push(`<g class="vpc" data-id="${esc(vpc.id)}"><rect class="box" x="${x}" y="${y}" width="${w}" height="${h}" rx="10"/>`);
  out.push(body.join(''), '</g>');
  at.set(vpc.id, { x, y, w, h });
  return { svg: out.join(''), w, h };
}

/** Text cut to what fits in {@code px} at about {@code charPx} per character (no measuring: that would cost a layout). */
function fit(text, px, charPx) {
  const max = Math.max(4, Math.floor(px / charPx));
  return text.length > max ? text.slice(0, max - 1) + '…' : text;
}

/** How a subnet leaves its VPC: its route table's default routes, and gateway endpoints. */
export function wayOut(table) {
  if (!table) return { cls: 'isolated', text: 'no route table' };
  const v4 = table.routes.find(r => r.destination === '0.0.0.0/0' && r.state === 'active');
  const v6 = table.routes.find(r => r.destination === '::/0' && r.state === 'active');
  const endpoints = table.routes.filter(r => r.kind === 'vpc-endpoint').map(r => r.target);
  const parts = [];
  if (v4) parts.push(`0.0.0.0/0 → ${v4.target}`);
  if (v6) parts.push(`::/0 → ${v6.target}`);
  if (endpoints.length) parts.push(`endpoints ${endpoints.join(', ')}`);
  const blackholes = table.routes.filter(r => r.state !== 'active').length;
  if (blackholes) parts.push(`${blackholes} blackhole route(s)`);
  const cls = v4?.kind === 'internet-gateway' ? 'public' : v4 ? 'private' : 'isolated';
  return { cls, text: `${table.id}${table.main ? ' (main)' : ''}: ${parts.length ? parts.join(' · ') : 'local routes only'}` };
}

function drawSubnet(s, table, tasks, x, y, w, perRow, body, at) {
  const rows = Math.ceil(s.enis.length / perRow);
  const h = SUBNET_HEAD + Math.max(1, rows) * (CELL_H + GAP) + PAD / 2;
  const way = wayOut(table);
  const barW = w - 2 * PAD;
  const usedW = s.usable ? Math.round(barW * s.used / s.usable) : 0;
  at.set(s.id, { x, y, w, h });
  body.push(`<g class="subnet ${way.cls}" data-kind="subnet" data-id="${esc(s.id)}"><rect class="box" x="${x}" y="${y}" width="${w}" height="${h}" rx="6"/>`
    + `<text x="${x + PAD}" y="${y + 17}"><tspan font-weight="700">${esc(fit(s.name || s.id, barW, 7.4))}</tspan>`
    + `${s.name ? `<tspan class="small" dx="6">${esc(fit(s.id, barW - 7.4 * s.name.length - 6, 5.6))}</tspan>` : ''}`
    + `<title>${esc(`${s.name ? s.name + ' ' : ''}${s.id} ${s.cidr}`)}</title></text>`
    + `<text x="${x + PAD}" y="${y + 33}" class="mono cidr">${esc(s.cidr)}${s.ipv6Cidr ? `  ${esc(s.ipv6Cidr)}` : ''}</text>`
    + `<rect class="bar-bg" x="${x + PAD}" y="${y + 40}" width="${barW}" height="7" rx="3"/>`
    + `<rect class="bar-used${s.free === 0 ? ' full' : ''}" x="${x + PAD}" y="${y + 40}" width="${usedW}" height="7" rx="3"/>`
    + `<text x="${x + PAD}" y="${y + 59}" class="small">${s.used} used · ${s.free} free of ${s.usable}</text>`
    + `<text x="${x + PAD}" y="${y + 70}" class="small way ${way.cls}">${esc(fit(way.text, barW, 5.6))}<title>${esc(way.text)}</title></text>`);
  if (!s.enis.length) body.push(`<text x="${x + PAD}" y="${y + SUBNET_HEAD + 24}" class="small empty">no network interfaces</text>`);
  s.enis.forEach((e, i) => {
    const ex = x + PAD + (i % perRow) * (CELL_W + GAP);
    const ey = y + SUBNET_HEAD + Math.floor(i / perRow) * (CELL_H + GAP);
    at.set(e.id, { x: ex, y: ey, w: CELL_W, h: CELL_H });
    body.push(drawEni(e, tasks, ex, ey));
  });
  body.push('</g>');
  return h;
}

/** What an ENI's box says about its holder: [css class, label, extra data attributes]. */
function holderOf(e, tasks) {
  const h = e.holder;
  if (!h) return ['none', e.description || 'no holder', ''];
  switch (h.kind) {
    case 'task': {
      const t = tasks.get(h.id);
      if (!t) return ['task', 'task ' + shortTask(h.id), ` data-task="${esc(h.id)}"`];
      const who = t.service || 'task ' + shortTask(t.id);
      return [`task s-${t.lastStatus.toLowerCase()}`, `${who} · ${t.taskDefinition}`,
        ` data-task="${esc(t.id)}" data-status="${esc(t.lastStatus)}"`];
    }
    case 'nat-gateway': return ['nat-gateway', 'NAT ' + h.id, ''];
    case 'vpc-endpoint': return ['vpc-endpoint', 'endpoint ' + h.service, ''];
    case 'load-balancer': return ['load-balancer', 'LB ' + h.name, ''];
    case 'instance': return ['instance', `${h.id} ${h.role}`, ''];
    default: return ['none', h.kind, ''];
  }
}

function drawEni(e, tasks, x, y) {
  const [cls, label, data] = holderOf(e, tasks);
  const chips = e.groups.slice(0, 5).map((g, i) =>
    `<rect x="${x + CELL_W - 12 - i * 11}" y="${y + 5}" width="8" height="8" rx="1" fill="${groupColor(g)}"/>`).join('');
  // trunk and branch ENIs say so; other types (nat_gateway, vpc_endpoint...) are named by their holder's label
  const badge = e.type === 'trunk' || e.type === 'branch' ? `<tspan class="small" dx="5">${esc(e.type)}</tspan>` : '';
  return `<g class="eni ${cls}" data-kind="eni" data-id="${esc(e.id)}" data-ip="${esc(e.ip)}"${data}>`
    + `<rect class="box" x="${x}" y="${y}" width="${CELL_W}" height="${CELL_H}" rx="4"/>`
    + `<rect class="stripe" x="${x}" y="${y}" width="5" height="${CELL_H}" rx="2"/>`
    + `<text x="${x + 10}" y="${y + 16}" class="mono ip">${esc(e.ip)}${badge}</text>`
    + `<text x="${x + 10}" y="${y + 33}" class="small">${esc(fit(label, CELL_W - 14, 5.8))}</text>`
    + chips + `<title>${esc(`${e.id} ${label}${e.ipv6 ? '\n' + e.ipv6.join(', ') : ''}\n${e.groups.join(', ')}`)}</title></g>`;
}

function drawLoadBalancer(lb, x, y, h, body, at) {
  at.set(lb.arn, { x, y, w: LB_W, h });
  const listeners = lb.listeners.map(l => `${l.protocol}:${l.port}`).join(', ') || 'no listeners';
  body.push(`<g class="lb" data-kind="lb" data-id="${esc(lb.arn)}"><rect class="box" x="${x}" y="${y}" width="${LB_W}" height="${h}" rx="8"/>`
    + `<text x="${x + PAD}" y="${y + 19}"><tspan font-weight="700">${esc(lb.name)}</tspan>`
    + `<tspan class="small" dx="8">${esc(lb.type)} · ${esc(lb.scheme)} · ${esc(lb.state)}</tspan></text>`
    + `<text x="${x + PAD}" y="${y + 37}" class="small">listeners ${esc(listeners)} · ${lb.nodes.length} node(s)</text>`);
  lb.targetGroups.forEach((g, i) => {
    const gy = y + 52 + i * 34;
    const counts = {};
    g.targets.forEach(t => { counts[t.state] = (counts[t.state] || 0) + 1; });
    const summary = Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ') || 'no targets';
    body.push(`<text x="${x + PAD}" y="${gy + 6}" class="small">${esc(g.name)} ${esc(g.protocol || '')}:${g.port ?? ''} · ${esc(summary)}</text>`);
    g.targets.slice(0, 40).forEach((t, j) => body.push(`<circle class="t-${esc(t.state)}" cx="${x + PAD + 5 + j * 9}" cy="${gy + 17}" r="3.5">`
      + `<title>${esc(`${t.id}:${t.port} ${t.state}${t.reason ? ' (' + t.reason + ')' : ''}`)}</title></circle>`));
  });
  body.push('</g>');
}

function drawGroups(vpc, x, y, width, body, at) {
  const groups = vpc.securityGroups;
  if (!groups.length) return y;
  body.push(`<text x="${x}" y="${y + 12}" class="zone-head">security groups</text>`);
  y += 20;
  const perRow = Math.max(1, Math.floor((width + 12) / (SG_W + 12)));
  groups.forEach((g, i) => {
    const gx = x + (i % perRow) * (SG_W + 12);
    const gy = y + Math.floor(i / perRow) * (SG_H + 70);
    at.set(g.id, { x: gx, y: gy, w: SG_W, h: SG_H });
    body.push(`<g class="sg" data-kind="sg" data-id="${esc(g.id)}"><rect class="box" x="${gx}" y="${gy}" width="${SG_W}" height="${SG_H}" rx="6" stroke="${groupColor(g.id)}"/>`
      + `<rect x="${gx + 8}" y="${gy + 9}" width="9" height="9" rx="1" fill="${groupColor(g.id)}"/>`
      + `<text x="${gx + 23}" y="${gy + 18}" font-weight="700">${esc(g.groupName.length > 24 ? g.groupName.slice(0, 23) + '…' : g.groupName)}</text>`
      + `<text x="${gx + 8}" y="${gy + 33}" class="mono small">${esc(g.id)}</text>`
      + `<text x="${gx + 8}" y="${gy + 45}" class="small">${g.ingress.length} in · ${g.egress.length} out</text>`
      + `<title>${esc([...g.ingress.map(r => ruleText(r, false)), ...g.egress.map(r => ruleText(r, true))].join('\n'))}</title></g>`);
  });
  const rows = Math.ceil(groups.length / perRow);
  // an arrow from the group whose members may send to the group that admits them
  let n = 0;
  for (const g of groups) {
    for (const [rules, egress] of [[g.ingress, false], [g.egress, true]]) {
      for (const r of rules) {
        if (!r.group) continue;
        const from = at.get(egress ? g.id : r.group);
        const to = at.get(egress ? r.group : g.id);
        if (!from || !to) continue;
        body.push(edge(from, to, ruleText(r, egress).replace(/ (from|to) sg-\w+$/, ''), n++));
      }
    }
  }
  return y + rows * (SG_H + 70) - 16;
}

function edge(from, to, label, n) {
  const x1 = from.x + from.w / 2 + 6, y1 = from.y + from.h;
  const x2 = to.x + to.w / 2 - 6, y2 = to.y + to.h;
  const dip = 24 + (n % 3) * 10;
  if (from === to) {
    return `<path class="edge" marker-end="url(#arrow)" d="M${x1 + 30},${y1} C${x1 + 60},${y1 + dip + 10} ${x1 - 60},${y1 + dip + 10} ${x2 - 30},${y2}"/>`
      + `<text class="edge-label" x="${x1}" y="${y1 + dip + 14}" text-anchor="middle">${esc(label)}</text>`;
  }
  const low = Math.max(y1, y2) + dip;
  return `<path class="edge" marker-end="url(#arrow)" d="M${x1},${y1} C${x1},${low} ${x2},${low} ${x2},${y2}"/>`
    + `<text class="edge-label" x="${(x1 + x2) / 2}" y="${low - 2}" text-anchor="middle">${esc(label)}</text>`;
}
