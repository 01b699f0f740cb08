// Signatures: templates by occurrences, with a detail of example messages and occurrences over time.
import { get, post } from '../api.js';
import {
  buckets, field, fill, h, limitPaged, render, routeParams, select, setRouteParams, sparkline, table, time,
} from '../ui.js';

const FAMILIES = [['', 'any family'], ...['vpn', 'link', 'auth', 'disk', 'power', 'hardware', 'config', 'service',
  'security', 'generic'].map((f) => [f, f])];

export function show(id, current) {
  return id ? detail(id, current) : list(current);
}

async function list(current) {
  const p = routeParams();
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter signatures' },
    field('Family', select('family', FAMILIES, p.get('family') || '')),
    field('Service', h('input', { name: 'service', value: p.get('service') || '' })),
    field('At least', h('input', { name: 'min', type: 'number', min: 1, value: p.get('min') || '' })),
    field('New since', h('input', { name: 'since', type: 'date', value: p.get('since') || '' })),
    h('div', { class: 'field' }, h('button', { type: 'submit' }, 'Filter')));
  const results = h('div', { id: 'signature-results' });
  render(h('h1', {}, 'Signatures'), form, results);
  await limitPaged(form, results, async (limit) => {
    const f = new FormData(form);
    const filters = { family: f.get('family'), service: f.get('service').trim(), min: f.get('min'),
      since: f.get('since') };
    setRouteParams('/signatures', filters);
    const r = await get('/signatures', { limit, event_family: filters.family, service: filters.service,
      min_occurrence_count: filters.min });
    if (!current()) return null;
    const since = filters.since ? Date.parse(filters.since + 'T00:00:00Z') : null;
    const rows = r.items.filter((s) => since === null || Date.parse(s.first_seen) >= since);
    return {
      count: r.items.length,
      nodes: table(since === null ? `${rows.length} signatures, most occurrences first`
          : `${rows.length} of the ${r.items.length} loaded signatures first seen since ${filters.since}`,
        ['template', 'family', 'service', 'count', 'recent occurrences', 'hosts', 'first seen', 'last seen'],
        rows.map((s) => h('tr', { 'data-signature': s.signature_id },
          h('td', {}, h('a', { href: '#/signatures/' + encodeURIComponent(s.signature_id) }, h('code', {}, s.template))),
          h('td', {}, s.event_family), h('td', {}, s.service || '–'), h('td', { class: 'num' }, s.occurrence_count),
          occurrencesCell(s.signature_id, current),
          h('td', {}, `${s.hosts.slice(0, 3).join(', ')}${s.distinct_host_count > 3 ? ` +${s.distinct_host_count - 3}` : ''}`),
          h('td', {}, time(s.first_seen)), h('td', {}, time(s.last_seen))))),
    };
  });
}

/** A cell that fills itself with a sparkline of the signature's latest 100 events, a few requests at a time. */
function occurrencesCell(id, current) {
  const cell = h('td', { class: 'spark-cell' });
  queue.push(async () => {
    if (!current()) return;
    const r = await post('/events/search', { signature_id: id, limit: 100 });
    if (current()) {
      fill(cell, sparkline('per hour', buckets(r.results.map((e) => e.timestamp), 3600), { width: 140, height: 24 }));
    }
  });
  drain();
  return cell;
}

const queue = [];
let running = 0;

function drain() {
  while (running < 3 && queue.length) {
    running += 1;
    queue.shift()().catch(() => {}).finally(() => { running -= 1; drain(); });
  }
}

async function detail(id, current) {
  const [sig, events] = await Promise.all([
    get('/signatures/' + encodeURIComponent(id)),
    post('/events/search', { signature_id: id, limit: 200 }),
  ]);
  if (!current()) return;
  const s = sig.item;
  render(
    h('p', { class: 'crumbs' }, h('a', { href: '#/signatures' }, 'Signatures'), ' / ', s.signature_id),
    h('h1', {}, h('code', {}, s.template)),
    sig.resolved_from ? h('p', { class: 'muted' }, `${sig.resolved_from} was merged into this signature.`) : null,
    h('dl', { class: 'facts' },
      h('dt', {}, 'family'), h('dd', {}, s.event_family), h('dt', {}, 'service'), h('dd', {}, s.service || '–'),
      h('dt', {}, 'occurrences'), h('dd', {}, s.occurrence_count),
      h('dt', {}, 'hosts'), h('dd', {}, `${s.hosts.join(', ')} (${s.distinct_host_count})`),
      h('dt', {}, 'first seen'), h('dd', {}, time(s.first_seen)), h('dt', {}, 'last seen'), h('dd', {}, time(s.last_seen)),
      h('dt', {}, 'example'), h('dd', {}, h('code', {}, s.example)),
      s.merged_from.length ? [h('dt', {}, 'merged from'), h('dd', {}, s.merged_from.join(', '))] : null),
    sparkline(`occurrences per hour, the latest ${events.results.length}`,
      buckets(events.results.map((e) => e.timestamp), 3600), { width: 600, height: 80 }),
    h('p', {}, h('a', { href: '#/events?signature=' + encodeURIComponent(s.signature_id) }, 'All its events')),
    table('Example messages, newest first', ['time', 'host', 'severity', 'message'],
      events.results.slice(0, 20).map((e) => h('tr', {}, h('td', {}, time(e.timestamp)), h('td', {}, e.host || '–'),
        h('td', {}, e.severity || '–'), h('td', { class: 'msg' }, e.message)))));
}
