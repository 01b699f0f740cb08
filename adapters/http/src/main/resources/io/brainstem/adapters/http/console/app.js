// The console's router: #/page[/id][?filters]. Each page module renders into <main>.
import { errorBox, h, render } from './ui.js';
import * as today from './pages/today.js';
import * as candidates from './pages/candidates.js';
import * as signatures from './pages/signatures.js';
import * as events from './pages/events.js';
import * as incidents from './pages/incidents.js';
import * as failures from './pages/failures.js';

const PAGES = { today, candidates, signatures, events, incidents, failures };

let generation = 0;

async function route(event) {
  const hash = location.hash || '#/today';
  const path = hash.slice(1).split('?')[0];
  const [, name = 'today', id] = path.split('/').map(decodeURIComponent);
  const page = PAGES[name];
  for (const a of document.querySelectorAll('#nav a')) {
    if (a.dataset.page === name) {
      a.setAttribute('aria-current', 'page');
    } else {
      a.removeAttribute('aria-current');
    }
  }
  const mine = ++generation;
  if (!page) {
    render(h('h1', {}, 'Not found'), h('p', {}, 'No console page ', h('code', {}, path), '.'));
    return;
  }
  document.title = `${name[0].toUpperCase()}${name.slice(1)} · brainstem`;
  render(h('p', { class: 'muted' }, 'Loading…'));
  try {
    await page.show(id, () => mine === generation);
  } catch (e) {
    if (mine === generation) {
      render(h('h1', {}, 'Something went wrong'), errorBox(e));
    }
  }
  if (mine === generation) {
    const main = document.getElementById('main');
    main.dataset.ready = name + (id ? '/' + id : '');
    main.dataset.readyAt = String(Math.round(performance.now())); // ms since navigation, for the tests' report
    if (event) { // moved here by a link: put the keyboard and screen reader at the new page's heading
      (main.querySelector('h1') || main).focus({ preventScroll: false });
    }
  }
}

window.addEventListener('hashchange', route);
route();
