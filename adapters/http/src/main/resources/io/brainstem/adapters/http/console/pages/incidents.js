// Incidents: search incident memory; one incident's snapshot and the candidates that matched it since.
import { get, post } from '../api.js';
import { band, errorBox, field, h, limitPaged, render, routeParams, score, setRouteParams, table, time } from '../ui.js';
import { relatedLists } from './candidates.js';

export function show(id, current) {
  return id ? detail(id, current) : list(current);
}

async function list(current) {
  const p = routeParams();
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Search incidents' },
    field('Words', h('input', { name: 'q', type: 'search', id: 'incidents-query', required: true,
      value: p.get('q') || '' })),
    h('div', { class: 'field' }, h('button', { type: 'submit', id: 'incidents-submit' }, 'Search')));
  const results = h('div', { id: 'incident-results' },
    h('p', { class: 'muted' }, 'Search incident memory by words of a title, summary, type or template.'));
  render(h('h1', {}, 'Incidents'), form, results);
  await limitPaged(form, results, async (limit) => {
    const q = new FormData(form).get('q').trim();
    setRouteParams('/incidents', { q });
    if (!q) return null;
    const r = await post('/incidents/search', { query: q, limit });
    if (!current()) return null;
    return {
      count: r.results.length,
      nodes: r.results.length ? table(`${r.results.length} incidents, best match first`,
          ['title', 'type', 'hosts', 'band at promotion', 'promoted'],
          r.results.map((i) => h('tr', { 'data-incident': i.incident_memory_id },
            h('td', {}, h('a', { href: '#/incidents/' + encodeURIComponent(i.incident_memory_id) }, i.title)),
            h('td', {}, i.incident_type), h('td', {}, i.hosts.join(', ')),
            h('td', {}, band(i.decision_band_at_promotion)), h('td', {}, time(i.promoted_at)))))
        : h('p', { class: 'muted' }, 'No incident matches.'),
    };
  });
}

async function detail(id, current) {
  const [r, related] = await Promise.all([
    get('/incidents/' + encodeURIComponent(id)),
    post('/history/related', { subject_type: 'incident', subject_id: id, limit: 20 }).catch((e) => ({ error: e })),
  ]);
  if (!current()) return;
  const i = r.incident;
  render(
    h('p', { class: 'crumbs' }, h('a', { href: '#/incidents' }, 'Incidents'), ' / ', i.incident_memory_id),
    h('h1', { id: 'incident-title' }, i.title),
    h('p', {}, i.summary || h('span', { class: 'muted' }, 'no summary')),
    h('h2', {}, 'Snapshot at promotion'),
    h('dl', { class: 'facts' },
      h('dt', {}, 'type'), h('dd', {}, i.incident_type), h('dt', {}, 'promoted'),
      h('dd', {}, time(i.promoted_at), i.promoted_by ? ` by ${i.promoted_by}` : ''),
      h('dt', {}, 'candidate'), h('dd', {}, h('a', { href: '#/candidates/' + encodeURIComponent(i.candidate_id) },
        i.candidate_id), ` (${i.candidate_type})`),
      h('dt', {}, 'score'), h('dd', {}, score(i.score_at_promotion), ' ', band(i.decision_band_at_promotion)),
      h('dt', {}, 'hosts'), h('dd', {}, i.hosts.join(', ')), i.subject ? [h('dt', {}, 'subject'), h('dd', {}, i.subject)] : null,
      h('dt', {}, 'seen'), h('dd', {}, `${time(i.first_seen)} to ${time(i.last_seen)}, ${i.event_count} events`),
      h('dt', {}, 'explanation'), h('dd', {}, i.explanation_at_promotion)),
    h('h3', {}, 'Templates'), h('ul', {}, i.templates.map((t) => h('li', {}, h('code', {}, t)))),
    h('h3', {}, 'Sample messages'), h('ul', {}, i.sample_messages.map((m) => h('li', {}, h('code', {}, m)))),
    h('h2', {}, 'Matched since'), related.error ? errorBox(related.error) : relatedLists(related));
}
