// Candidates: search with filters, and one candidate's explanation, evidence, timeline, history and actions.
import { post } from '../api.js';
import {
  fill, band, breakdownBar, errorBox, field, h, limitPaged, render, routeParams, score, select,
  setRouteParams, sparkline, buckets, table, time,
} from '../ui.js';

const BANDS = [['', 'any band'], ['urgent_human_review', 'urgent'], ['review', 'review'], ['watch', 'watch'],
  ['ignore', 'ignore']];
const TYPES = [['', 'any type'], ['self_heal', 'self_heal'], ['recurrence', 'recurrence'], ['flapping', 'flapping'],
  ['burst', 'burst'], ['unrecovered', 'unrecovered']];

export function show(id, current) {
  return id ? detail(id, current) : list(current);
}

async function list(current) {
  const p = routeParams();
  const form = h('form', { class: 'filters', role: 'search', 'aria-label': 'Filter candidates' },
    field('Band', select('band', BANDS, p.get('band') || '')),
    field('Type', select('type', TYPES, p.get('type') || '')),
    field('Host', h('input', { name: 'host', type: 'text', value: p.get('host') || '' })),
    field('Text', h('input', { name: 'q', type: 'search', value: p.get('q') || '' })),
    h('div', { class: 'field check' }, h('input', { type: 'checkbox', id: 'f-suppressed', name: 'suppressed',
      checked: p.get('suppressed') === '1' }), h('label', { for: 'f-suppressed' }, 'include reviewed as noise')),
    h('div', { class: 'field' }, h('button', { type: 'submit' }, 'Search')));
  const results = h('div', { id: 'candidate-results' });
  render(h('h1', {}, 'Candidates'), form, results);
  await limitPaged(form, results, async (limit) => {
    const f = new FormData(form);
    const filters = { band: f.get('band'), type: f.get('type'), host: f.get('host').trim(), q: f.get('q').trim(),
      suppressed: f.get('suppressed') ? '1' : '' };
    setRouteParams('/candidates', filters);
    const body = { limit, include_suppressed: Boolean(filters.suppressed) };
    if (filters.band) body.decision_band = filters.band;
    if (filters.type) body.candidate_type = filters.type;
    if (filters.host) body.host = filters.host;
    if (filters.q) body.query = filters.q;
    const r = await post('/candidates/search', body);
    if (!current()) return null;
    return {
      count: r.results.length,
      nodes: table(`${r.results.length} candidates, highest score first`,
          ['band', 'score', 'breakdown', 'type', 'title', 'hosts', 'updated'],
          r.results.map((c) => h('tr', { 'data-candidate': c.candidate_id, class: c.suppressed ? 'suppressed' : '' },
            h('td', {}, band(c.decision_band)), h('td', { class: 'num' }, score(c.score_total)),
            h('td', { class: 'bar-cell' }, breakdownBar(c.score_breakdown)), h('td', {}, c.candidate_type),
            h('td', {}, h('a', { href: '#/candidates/' + encodeURIComponent(c.candidate_id) }, c.title),
              c.suppressed ? h('span', { class: 'tag' }, 'reviewed: ' + (c.review_reason || 'suppressed')) : null),
            h('td', {}, (c.evidence.hosts || []).join(', ')), h('td', {}, time(c.updated_at))))),
    };
  });
}

const RECOVERY = /recover|establish|restor|back up|came back|\bup\b|clear|resum|online|healed/i;

function timeline(candidate, events) {
  const selfHeal = candidate.candidate_type === 'self_heal' || candidate.candidate_type === 'flapping'
    || candidate.candidate_type === 'unrecovered';
  return h('ol', { class: 'timeline', id: 'timeline' }, events.map((e) => {
    const kind = selfHeal ? (RECOVERY.test(e.message) ? 'recovery' : 'failure') : 'event';
    return h('li', { class: 'tl-' + kind, 'data-kind': kind },
      h('span', { class: 'tl-mark' }, kind === 'event' ? '' : kind), h('time', { datetime: e.timestamp }, time(e.timestamp)),
      h('span', { class: 'tl-host' }, e.host || '–'), h('span', { class: 'sev sev-' + e.severity }, e.severity || ''),
      h('span', { class: 'tl-msg' }, e.message));
  }));
}

async function detail(id, current) {
  const x = await post('/candidates/explain', { candidate_id: id });
  const c = x.candidate;
  const ev = x.evidence;
  const [related, ...pages] = await Promise.all([
    post('/history/related', { subject_type: 'candidate', subject_id: id, limit: 10 }).catch((e) => ({ error: e })),
    ...ev.signature_ids.slice(0, 4).map((s) => post('/events/search', { signature_id: s, limit: 100 })),
  ]);
  if (!current()) return;
  const signatureIds = ev.signature_ids.slice(0, 4);
  const cursors = pages.map((p) => p.next_cursor);
  const seen = new Map();
  const timelineBox = h('div', { id: 'timeline-box' });
  const drawTimeline = (more) => {
    for (const p of more) {
      p.results.forEach((e) => seen.set(e.event_id, e));
    }
    const events = [...seen.values()].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
    fill(timelineBox,
      sparkline('events per hour', buckets(events.map((e) => e.timestamp), 3600), { width: 600, height: 60 }),
      h('p', { class: 'muted' }, `${events.length} events of ${signatureIds.length} signature(s), oldest first.`),
      cursors.some(Boolean) ? h('button', { type: 'button', class: 'more', id: 'timeline-older', onclick: older },
        'Older events') : null,
      timeline(c, events));
  };
  const older = async () => {
    const next = await Promise.all(signatureIds.map((s, i) => (cursors[i]
      ? post('/events/search', { signature_id: s, limit: 100, cursor: cursors[i] }) : null)));
    next.forEach((p, i) => { if (p) cursors[i] = p.next_cursor; });
    drawTimeline(next.filter(Boolean));
  };
  drawTimeline(pages);

  const promoteOut = h('div', { id: 'promote-result', 'aria-live': 'polite' });
  const promoteForm = h('form', { id: 'promote-form', class: 'action-form', 'aria-labelledby': 'promote-h' },
    h('h3', { id: 'promote-h' }, 'Promote to incident memory'),
    field('Title', h('input', { name: 'title', id: 'promote-title', required: true, maxlength: 300, value: c.title })),
    field('Summary', h('textarea', { name: 'summary', id: 'promote-summary', rows: 3 }, c.explanation)),
    field('Incident type', h('input', { name: 'incident_type', id: 'promote-type', value: c.candidate_type })),
    field('Promoted by', h('input', { name: 'promoted_by', id: 'promote-by' })),
    h('button', { type: 'submit', id: 'promote-submit' }, 'Promote'), promoteOut);
  promoteForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(promoteForm);
    try {
      const r = await post('/candidates/promote', { candidate_id: id, title: f.get('title'), summary: f.get('summary'),
        incident_type: f.get('incident_type') || undefined, promoted_by: f.get('promoted_by') || undefined });
      fill(promoteOut, h('p', { class: 'ok' }, r.created ? 'Promoted as ' : 'Already promoted as ',
        h('a', { href: '#/incidents/' + encodeURIComponent(r.incident_memory_id), id: 'promoted-incident' },
          r.incident_memory_id), '.'));
    } catch (err) {
      fill(promoteOut, errorBox(err));
    }
  });

  const reviewOut = h('div', { id: 'review-result', 'aria-live': 'polite' });
  const decisions = [['useful', 'useful'], ['noise', 'noise'], ['expected', 'expected (planned or known)'],
    ['duplicate', 'duplicate']];
  const reviewForm = h('form', { id: 'review-form', class: 'action-form', 'aria-labelledby': 'review-h' },
    h('h3', { id: 'review-h' }, 'Review'),
    h('fieldset', {}, h('legend', {}, 'Decision'), decisions.map(([v, label]) => h('div', { class: 'radio' },
      h('input', { type: 'radio', name: 'decision', value: v, id: 'decision-' + v, required: true }),
      h('label', { for: 'decision-' + v }, label)))),
    field('Notes', h('textarea', { name: 'notes', id: 'review-notes', rows: 2 })),
    field('Reviewer', h('input', { name: 'reviewer', id: 'review-by' })),
    h('button', { type: 'submit', id: 'review-submit' }, 'Record review'), reviewOut);
  reviewForm.addEventListener('submit', async (e) => {
    e.preventDefault();
    const f = new FormData(reviewForm);
    try {
      const r = await post('/review/record', { tenant_id: c.tenant_id, subject_type: 'candidate', subject_id: id,
        decision: f.get('decision'), notes: f.get('notes') || undefined, reviewer: f.get('reviewer') || undefined });
      fill(reviewOut, h('p', { class: 'ok' }, `Recorded ${r.review.decision} as ${r.review_id}.`));
    } catch (err) {
      fill(reviewOut, errorBox(err));
    }
  });

  const measures = Object.entries(ev.measures || {});
  render(
    h('p', { class: 'crumbs' }, h('a', { href: '#/candidates' }, 'Candidates'), ' / ', id),
    h('h1', {}, c.title),
    h('div', { class: 'item-head' }, band(c.decision_band), h('span', { class: 'score' }, score(c.score_total)),
      h('span', { class: 'tag' }, c.candidate_type), c.suppressed ? h('span', { class: 'tag' }, 'suppressed') : null),
    breakdownBar(x.score_breakdown),
    h('section', { 'aria-labelledby': 'why-h' }, h('h2', { id: 'why-h' }, 'Why'),
      h('p', { id: 'explanation', class: 'explanation' }, x.explanation),
      h('p', { id: 'why-it-matters' }, x.why_it_matters),
      h('dl', { class: 'parts' }, Object.entries(x.score_breakdown).flatMap(([k, v]) => [h('dt', {}, k),
        h('dd', {}, score(v))]))),
    h('section', { 'aria-labelledby': 'evidence-h' }, h('h2', { id: 'evidence-h' }, 'Evidence'),
      h('dl', { class: 'facts' },
        h('dt', {}, 'events'), h('dd', {}, ev.event_count),
        h('dt', {}, 'hosts'), h('dd', {}, (ev.hosts || []).join(', ') || '–'),
        h('dt', {}, 'first seen'), h('dd', {}, time(ev.first_seen)),
        h('dt', {}, 'last seen'), h('dd', {}, time(ev.last_seen)),
        ev.subject ? [h('dt', {}, 'subject'), h('dd', {}, ev.subject)] : null,
        measures.flatMap(([k, v]) => [h('dt', {}, k.replaceAll('_', ' ')), h('dd', {}, Number(v.toFixed(2)))])),
      table('Signatures', ['template', 'family', 'count', 'hosts', 'first seen', 'last seen'],
        ev.signatures.map((s) => h('tr', {},
          h('td', {}, h('a', { href: '#/signatures/' + encodeURIComponent(s.signature_id) }, h('code', {}, s.template))),
          h('td', {}, s.event_family), h('td', { class: 'num' }, s.occurrence_count), h('td', {}, s.hosts.join(', ')),
          h('td', {}, time(s.first_seen)), h('td', {}, time(s.last_seen)))))),
    h('section', { 'aria-labelledby': 'timeline-h' }, h('h2', { id: 'timeline-h' }, 'Timeline'),
      timelineBox),
    h('section', { 'aria-labelledby': 'related-h' }, h('h2', { id: 'related-h' }, 'Related history'),
      related.error ? errorBox(related.error) : relatedLists(related)),
    h('section', { class: 'actions-row', 'aria-label': 'Actions' }, promoteForm, reviewForm),
    x.reviews.length ? h('section', { 'aria-labelledby': 'reviews-h' }, h('h2', { id: 'reviews-h' }, 'Reviews'),
      h('ul', {}, x.reviews.map((r) => h('li', {}, `${time(r.recorded_at)} ${r.decision}`,
        r.reviewer ? ` by ${r.reviewer}` : '', r.notes ? `: ${r.notes}` : '')))) : null);
}

export function relatedLists(r) {
  const why = (w) => h('span', { class: 'muted' }, ' — ', w.join('; '));
  return h('div', { class: 'related' },
    h('h3', {}, 'Incidents'), r.related_incidents.length ? h('ul', { id: 'related-incidents' },
      r.related_incidents.map((i) => h('li', {}, h('a', { href: '#/incidents/' + encodeURIComponent(i.incident_memory_id) },
        i.title), ` (promoted ${time(i.promoted_at)})`, why(i.why)))) : h('p', { class: 'muted' }, 'none'),
    h('h3', {}, 'Lessons'), r.related_lessons.length ? h('ul', {}, r.related_lessons.map((l) => h('li', {},
      h('q', {}, l.text), ` ${l.kind.replaceAll('_', ' ')}${l.author ? ' by ' + l.author : ''}`, why(l.why))))
      : h('p', { class: 'muted' }, 'none'),
    h('h3', {}, 'Similar candidates'), r.related_candidates.length ? h('ul', {}, r.related_candidates.map((c) =>
      h('li', {}, band(c.decision_band), ' ', h('a', { href: '#/candidates/' + encodeURIComponent(c.candidate_id) },
        c.title), why(c.why)))) : h('p', { class: 'muted' }, 'none'));
}
