// Today: the digest, /interesting, the ingest rate, sources and parse failures.
import { get, post } from '../api.js';
import { band, breakdownBar, buckets, errorBox, fill, h, render, score, sparkline, table, time } from '../ui.js';

function candidateLink(id, title) {
  return h('a', { href: '#/candidates/' + encodeURIComponent(id) }, title);
}

function digestItem(item) {
  return h('li', { class: 'item', 'data-candidate': item.candidate_id },
    h('div', { class: 'item-head' }, band(item.decision_band), h('span', { class: 'score' }, score(item.score_total)),
      candidateLink(item.candidate_id, item.title),
      item.is_new ? h('span', { class: 'tag' }, 'new') : null,
      item.matches_memory ? h('span', { class: 'tag tag-memory' }, 'matches an incident') : null),
    h('p', {}, item.why_it_matters));
}

function interestingItem(c) {
  return h('li', { class: 'item', 'data-candidate': c.candidate_id },
    h('div', { class: 'item-head' }, band(c.decision_band), h('span', { class: 'score' }, score(c.score_total)),
      candidateLink(c.candidate_id, c.title), h('span', { class: 'tag' }, c.candidate_type)),
    breakdownBar(c.score_breakdown),
    h('p', { class: 'explanation' }, c.explanation),
    (c.facets || []).length ? h('p', { class: 'muted' }, 'Also: ', c.facets.map((f, i) => [i ? ', ' : '',
      candidateLink(f.candidate_id, f.candidate_type)])) : null);
}

export async function show(_id, current) {
  // what deserves a look first: the counts and sources scan the store and come after (they are the slow
  // answers on a large one), each into its own card
  const [digest, interesting] = await Promise.all([
    post('/digest/daily', { limit: 20 }),
    get('/interesting', { limit: 20 }),
  ]);
  if (!current()) {
    return;
  }
  const rateCard = h('div', { class: 'card', id: 'ingest-rate' }, h('h2', {}, 'Ingest rate'),
    h('p', { class: 'muted' }, 'Loading…'));
  const countsCard = h('div', { class: 'card', id: 'counts' }, h('h2', {}, 'Counts'),
    h('p', { class: 'muted' }, 'Loading…'));
  const sourcesSection = h('section', { 'aria-labelledby': 'sources-h' },
    h('h2', { id: 'sources-h' }, 'Sources'), h('p', { class: 'muted' }, 'Loading…'));
  render(
    h('h1', {}, 'Today'),
    h('section', { class: 'cards', 'aria-label': 'Ingest' }, rateCard, countsCard),
    h('section', { 'aria-labelledby': 'digest-h' },
      h('h2', { id: 'digest-h' }, 'Digest since ', time(digest.since)),
      digest.items.length ? h('ol', { class: 'items', id: 'digest' }, digest.items.map(digestItem))
        : h('p', { class: 'muted', id: 'digest' }, 'Nothing new deserves a look.')),
    h('section', { 'aria-labelledby': 'interesting-h' },
      h('h2', { id: 'interesting-h' }, 'Most interesting'),
      interesting.items.length ? h('ol', { class: 'items', id: 'interesting' }, interesting.items.map(interestingItem))
        : h('p', { class: 'muted', id: 'interesting' }, 'Nothing is interesting right now.')),
    sourcesSection);
  counts(countsCard, current);
  sourceStatus(sourcesSection, current);
  ingestRate(rateCard, current);
}

async function counts(card, current) {
  try {
    const stats = await get('/stats');
    if (!current()) return;
    fill(card, h('h2', {}, 'Counts'),
      h('dl', { class: 'counts' },
        h('dt', {}, 'received'), h('dd', {}, stats.received),
        h('dt', {}, 'events'), h('dd', {}, stats.canonicalized),
        h('dt', {}, 'parse failures'), h('dd', { id: 'parse-failures' },
          h('a', { href: '#/failures' }, String(stats.parse_failed))),
        h('dt', {}, 'unsupported'), h('dd', {}, stats.unsupported),
        h('dt', {}, 'pending'), h('dd', {}, stats.pending),
        h('dt', {}, 'signatures'), h('dd', {}, stats.signatures),
        h('dt', {}, 'candidates'), h('dd', {}, stats.candidates_generated)));
  } catch (e) {
    fill(card, h('h2', {}, 'Counts'), errorBox(e));
  }
}

async function sourceStatus(section, current) {
  try {
    const sources = await get('/sources/status', { limit: 20 });
    if (!current()) return;
    fill(section, h('h2', { id: 'sources-h' }, 'Sources'),
      table('Sources and their status, most envelopes first',
        ['tenant', 'type', 'source', 'path', 'envelopes', 'events', 'failed', 'last received'],
        sources.items.map((s) => h('tr', { class: s.failed_count ? 'warn' : '' },
          h('td', {}, s.tenant_id), h('td', {}, s.source_type || '–'), h('td', {}, s.source_id || '–'),
          h('td', {}, s.source_path || '–'), h('td', { class: 'num' }, s.raw_count),
          h('td', { class: 'num' }, s.canonicalized_count), h('td', { class: 'num' }, s.failed_count),
          h('td', {}, time(s.last_received_at))))));
  } catch (e) {
    fill(section, h('h2', { id: 'sources-h' }, 'Sources'), errorBox(e));
  }
}

/** The ingest rate, after the rest of the page: the latest 1,000 envelopes by 10 minutes (the heaviest answer). */
async function ingestRate(card, current) {
  try {
    const recent = await get('/ingest/recent', { limit: 1000 });
    if (!current()) return;
    const newest = recent.items.length ? recent.items[0].received_at : null;
    const oldest = recent.items.length ? recent.items[recent.items.length - 1].received_at : null;
    fill(card, h('h2', {}, 'Ingest rate'),
      sparkline(`envelopes per 10 minutes, the latest ${recent.items.length}`,
        buckets(recent.items.map((e) => e.received_at), 600)),
      h('p', { class: 'muted' }, oldest ? `${time(oldest)} to ${time(newest)}` : 'nothing received yet'));
  } catch (e) {
    fill(card, h('h2', {}, 'Ingest rate'), errorBox(e));
  }
}
