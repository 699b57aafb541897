// The admin API the page reads (GET /_ecsnet lists it). Every call names the account and region picked.

async function getJson(path, params = {}) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== ''));
  const response = await fetch(`/_ecsnet/${path}${query.size ? '?' + query : ''}`, { cache: 'no-store' });
  const body = await response.json();
  if (!response.ok) throw new Error(body.error || `${path}: HTTP ${response.status}`);
  return body;
}

export const api = {
  version: () => getJson('version'),
  regions: () => getJson('regions'),
  topology: scope => getJson('topology', scope),
  task: (scope, id) => getJson('task', { ...scope, id }),
  service: (scope, name, cluster) => getJson('service', { ...scope, name, cluster }),
  reach: (scope, q) => getJson('reach', { ...scope, ...q }),
};
