// Events: full-text search (POST /events/search), newest first, paged by the API's cursor.
import { post } from '../api.js';
import { fill, errorBox, field, h, render, routeParams, select, setRouteParams, table, time } from '../ui.js';

const SEVERITIES = [['', 'any severity'], ...['emerg', 'alert', 'crit', 'err', 'warning', 'notice', 'info', 'debug']
  .map((s) => [s, s])];

function iso(local) {
  return local ? new Date(local + 'Z').toISOString() : undefined;
}

export async function show(_id, current) {
  const p = routeParams();
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Search events' },
    field('Words', h('input', { name: 'q', type: 'search', id: 'events-query', value: p.get('q') || '' })),
    field('Host', h('input', { name: 'host', value: p.get('host') || '' })),
    field('Service', h('input', { name: 'service', value: p.get('service') || '' })),
    field('Severity', select('severity', SEVERITIES, p.get('severity') || '')),
    field('Signature', h('input', { name: 'signature', value: p.get('signature') || '' })),
    field('Since (UTC)', h('input', { name: 'since', type: 'datetime-local', value: p.get('since') || '' })),
    field('Until (UTC)', h('input', { name: 'until', type: 'datetime-local', value: p.get('until') || '' })),
    h('div', { class: 'field' }, h('button', { type: 'submit', id: 'events-submit' }, 'Search')));
  const results = h('div', { id: 'event-results' });
  render(h('h1', {}, 'Events'), form, results);

  let rows = [];
  const load = async (cursor) => {
    const f = new FormData(form);
    const filters = { q: f.get('q').trim(), host: f.get('host').trim(), service: f.get('service').trim(),
      severity: f.get('severity'), signature: f.get('signature').trim(), since: f.get('since'), until: f.get('until') };
    setRouteParams('/events', filters);
    const body = { limit: 50, cursor };
    if (filters.q) body.query = filters.q;
    if (filters.host) body.host = filters.host;
    if (filters.service) body.service = filters.service;
    if (filters.severity) body.severity = filters.severity;
    if (filters.signature) body.signature_id = filters.signature;
    body.since = iso(filters.since);
    body.until = iso(filters.until);
    try {
      const r = await post('/events/search', body);
      if (!current()) return;
      rows = cursor ? rows.concat(r.results) : r.results;
      fill(results,
        table(`${rows.length} events, newest first`, ['time', 'host', 'service', 'severity', 'message', 'signature'],
          rows.map((e) => h('tr', { 'data-event': e.event_id },
            h('td', {}, time(e.timestamp)), h('td', {}, e.host || '–'), h('td', {}, e.service || '–'),
            h('td', {}, h('span', { class: 'sev sev-' + e.severity }, e.severity || '–')),
            h('td', { class: 'msg' }, e.message),
            h('td', {}, e.signature_id ? h('a', { href: '#/signatures/' + encodeURIComponent(e.signature_id) },
              e.signature_id) : '–')))),
        r.next_cursor ? h('button', { type: 'button', class: 'more', id: 'events-next',
          onclick: () => load(r.next_cursor) }, 'Older events') : h('p', { class: 'muted' }, 'No more events.'));
    } catch (e) {
      fill(results, errorBox(e));
    }
  };
  form.addEventListener('submit', (e) => { e.preventDefault(); load(undefined); });
  await load(undefined);
}
