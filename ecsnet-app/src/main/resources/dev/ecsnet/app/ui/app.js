// The topology page: polls the state version (a cheap counter, GET /_ecsnet/version) every 250 ms and fetches
// and redraws the topology only when it moved (or every 5 s, since target health follows the clock on its own),
// then refreshes what the side panel shows and re-checks the reach question, if one is asked.
import { api } from './api.js';
import { drawTopology } from './draw.js';
import { esc } from './format.js';
import * as panels from './panels.js';
import { endOptions, overlay, verdictHtml } from './reach.js';

const POLL_MS = 250;
const REFETCH_MS = 5000;
const $ = id => document.getElementById(id);

const shown = new WeakMap();

/** Sets an element's markup only when it changed, so that a refresh keeps hover, focus and selection. */
function show(element, html) {
  if (shown.get(element) !== html) {
    element.innerHTML = html;
    shown.set(element, html);
  }
}

const state = { scope: scopeFromHash(), topo: null, at: new Map(), version: -1, fetchedAt: 0, busy: false,
  selected: null, reach: null, reachResult: null };

function scopeFromHash() {
  const h = new URLSearchParams(location.hash.slice(1));
  return { account: h.get('account') || '000000000000', region: h.get('region') || 'us-east-1' };
}

async function loadRegions() {
  const { regions } = await api.regions();
  const known = regions.some(r => r.account === state.scope.account && r.region === state.scope.region);
  const options = (known ? regions : [{ ...state.scope, vpcs: 0 }, ...regions]).map(r => {
    const value = `${r.account}/${r.region}`;
    return `<option value="${esc(value)}">${esc(`${r.account} / ${r.region}`)} (${r.vpcs} VPC${r.vpcs === 1 ? '' : 's'})</option>`;
  }).join('');
  if ($('scope').innerHTML !== options) $('scope').innerHTML = options;
  $('scope').value = `${state.scope.account}/${state.scope.region}`;
}

function render(topo) {
  const svg = $('topology');
  const started = performance.now();
  const drawn = drawTopology(topo, Math.max(900, $('canvas').clientWidth - 20));
  svg.setAttribute('width', drawn.width);
  svg.setAttribute('height', drawn.height);
  svg.innerHTML = drawn.svg;
  svg.getBBox(); // lay it out now, so that the time measured includes the browser's layout
  const ms = performance.now() - started;
  state.at = drawn.at;
  markSelected();
  const enis = topo.vpcs.reduce((n, v) => n + v.subnets.reduce((m, s) => m + s.enis.length, 0), 0);
  const frameStarted = started;
  window.ecsnetRender = { ms, tasks: topo.tasks.length, enis, version: topo.version, frameMs: undefined };
  requestAnimationFrame(() => requestAnimationFrame(() => {
    if (window.ecsnetRender.version === topo.version) window.ecsnetRender.frameMs = performance.now() - frameStarted;
  }));
  $('live').textContent = `live · state ${topo.version} · ${enis} ENIs drawn in ${Math.round(ms)} ms`;
  fillReachPickers(topo);
  if (state.reachResult) $('overlay').innerHTML = overlay(state.reachResult, topo, state.at);
}

function fillReachPickers(topo) {
  for (const [id, asDestination] of [['reach-source', false], ['reach-destination', true]]) {
    const select = $(id);
    const value = select.value;
    const options = endOptions(topo, asDestination);
    if (select.dataset.options !== options) {
      select.innerHTML = options;
      select.dataset.options = options;
      choose(select, value);
    }
  }
}

/** Picks a value in a reach picker, adding it when the topology does not list it (a task not shown, say). */
function choose(select, value) {
  if (value && ![...select.options].some(o => o.value === value)) {
    select.insertAdjacentHTML('beforeend', `<option value="${esc(value)}">${esc(value)}</option>`);
  }
  select.value = value;
}

function markSelected() {
  document.querySelectorAll('#topology .selected').forEach(n => n.classList.remove('selected'));
  const s = state.selected;
  if (!s) return;
  const selector = s.kind === 'task' ? `[data-task="${CSS.escape(s.id)}"]` : `[data-id="${CSS.escape(s.id)}"]`;
  document.querySelectorAll(`#topology ${selector}`).forEach(n => n.classList.add('selected'));
}

async function refreshPanel() {
  const s = state.selected;
  const topo = state.topo;
  const details = $('details');
  if (!s) { show(details, panels.overview(topo)); return; }
  if (s.kind === 'task') { show(details, panels.taskDetails(await api.task(state.scope, s.id))); return; }
  if (s.kind === 'service') {
    const [cluster, name] = s.id.split('/');
    show(details, panels.serviceDetails(await api.service(state.scope, name, cluster)));
    return;
  }
  const vpcs = topo.vpcs;
  const subnets = vpcs.flatMap(v => v.subnets);
  if (s.kind === 'eni') {
    const subnet = subnets.find(x => x.enis.some(e => e.id === s.id));
    show(details, subnet ? panels.eniDetails(subnet.enis.find(e => e.id === s.id), subnet) : '<p>That ENI is gone.</p>');
  } else if (s.kind === 'sg') {
    const group = vpcs.flatMap(v => v.securityGroups).find(g => g.id === s.id);
    const members = subnets.reduce((n, x) => n + x.enis.filter(e => e.groups.includes(s.id)).length, 0);
    show(details, group ? panels.groupDetails(group, members) : '<p>That security group is gone.</p>');
  } else if (s.kind === 'lb') {
    const lb = topo.loadBalancers.find(l => l.arn === s.id);
    show(details, lb ? panels.loadBalancerDetails(lb) : '<p>That load balancer is gone.</p>');
  } else {
    const all = [...subnets.map(x => ({ ...x, enis: x.enis.length })), ...vpcs.flatMap(v => [...v.internetGateways,
      ...v.egressOnlyInternetGateways, ...v.natGateways, ...v.endpoints])];
    const object = all.find(x => x.id === s.id);
    show(details, object ? panels.plainDetails(`${s.kind} ${s.id}`, object) : '<p>That is gone.</p>');
  }
}

async function runReach() {
  if (!state.reach) return;
  try {
    state.reachResult = await api.reach(state.scope, state.reach);
    show($('reach-result'), verdictHtml(state.reachResult));
  } catch (e) {
    state.reachResult = null;
    show($('reach-result'), `<p id="reach-verdict" class="verdict blocked" data-verdict="error">${esc(e.message)}</p>`);
  }
  $('overlay').innerHTML = state.reachResult && state.topo ? overlay(state.reachResult, state.topo, state.at) : '';
}

async function refresh() {
  state.busy = true;
  try {
    const topo = await api.topology(state.scope);
    state.fetchedAt = Date.now();
    state.version = topo.version;
    // timers move the version without changing what is drawn (a service's resync, say): redraw only on a change
    const drawn = JSON.stringify({ ...topo, version: 0 });
    if (drawn !== state.drawn) {
      state.drawn = drawn;
      state.topo = topo;
      render(topo);
    }
    state.topo = topo;
    await Promise.all([refreshPanel(), runReach(), loadRegions()]);
  } finally {
    state.busy = false;
  }
}

async function poll() {
  if (!state.busy) {
    try {
      const { version } = await api.version();
      $('live').classList.remove('stale');
      if (version !== state.version || Date.now() - state.fetchedAt > REFETCH_MS) await refresh();
    } catch (e) {
      $('live').textContent = `not answering: ${e.message}`;
      $('live').classList.add('stale');
    }
  }
  setTimeout(poll, POLL_MS);
}

function select(kind, id) {
  state.selected = kind ? { kind, id } : null;
  markSelected();
  refreshPanel().catch(e => show($('details'), `<p>${esc(e.message)}</p>`));
}

function wire() {
  $('panel').innerHTML = '<div id="reach-result"></div><div id="details"></div>';
  $('topology').addEventListener('click', event => {
    const node = event.target.closest('[data-kind]');
    if (!node) { select(null); return; }
    const kind = node.dataset.kind;
    if (node.dataset.task) select('task', node.dataset.task);
    else if (kind === 'internet') select(null);
    else select(kind, node.dataset.id);
  });
  $('panel').addEventListener('click', event => {
    const open = event.target.closest('[data-open]');
    if (open) {
      const [kind, ...rest] = open.dataset.open.split(':');
      select(kind, rest.join(':'));
      return;
    }
    const reach = event.target.closest('[data-reach]');
    if (reach) {
      const [end, ...rest] = reach.dataset.reach.split(':');
      choose($(`reach-${end}`), rest.join(':'));
      if ($('reach-source').value && $('reach-destination').value) $('reach').requestSubmit();
    }
  });
  $('reach').addEventListener('submit', event => {
    event.preventDefault();
    const source = $('reach-source').value;
    const destination = $('reach-destination').value;
    if (!source || !destination) return;
    state.reach = { source, destination, port: $('reach-port').value || '0', protocol: $('reach-protocol').value };
    runReach();
  });
  $('reach-clear').addEventListener('click', () => {
    state.reach = null;
    state.reachResult = null;
    show($('reach-result'), '');
    $('overlay').innerHTML = '';
  });
  $('scope').addEventListener('change', () => {
    const [account, region] = $('scope').value.split('/');
    state.scope = { account, region };
    location.hash = new URLSearchParams(state.scope).toString();
    state.selected = null;
    state.version = -1;
  });
}

wire();
loadRegions().catch(() => {}).finally(poll);
