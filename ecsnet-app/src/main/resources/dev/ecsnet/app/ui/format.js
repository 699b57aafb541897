// Small text helpers shared by the drawing and the panels.

const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text made safe for HTML and SVG markup. */
export function esc(value) {
  return String(value ?? '').replace(/[&<>"']/g, c => ESCAPES[c]);
}

/** A stable colour per security group, so an ENI's chip matches its group's box. */
export function groupColor(id) {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0;
  return `hsl(${h % 360}, 62%, 44%)`;
}

/** The part of a task ARN or id worth showing in a small box. */
export function shortTask(id) {
  return id.length > 12 ? id.slice(0, 8) + '…' : id;
}

/** A rule as people read it: "tcp 8080 from sg-…", "all traffic to 0.0.0.0/0". */
export function ruleText(rule, egress) {
  const proto = rule.protocol === '-1' ? 'all traffic'
    : rule.fromPort === rule.toPort ? `${rule.protocol} ${rule.fromPort}`
    : `${rule.protocol} ${rule.fromPort}-${rule.toPort}`;
  return `${proto} ${egress ? 'to' : 'from'} ${rule.peer}`;
}

/** ECS and ELB times come as epoch seconds. */
export function time(epochSeconds) {
  return epochSeconds ? new Date(epochSeconds * 1000).toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z') : '';
}
