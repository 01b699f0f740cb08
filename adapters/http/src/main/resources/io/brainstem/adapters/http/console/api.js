// The public HTTP API of brainstem (docs/api.md), with the API token kept in this tab.
// The token travels only in the X-API-Token header, never in a URL.

const TOKEN_KEY = 'brainstem.apiToken';

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

let asking = null;

// Without a token the console cannot work: Escape does not close the token dialog.
document.getElementById('token-dialog').addEventListener('cancel', (e) => e.preventDefault());

function storedToken() {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** Shows the token dialog once for all requests that need it; resolves when a token was entered. */
function askForToken(refused) {
  if (asking) {
    return asking;
  }
  const dialog = document.getElementById('token-dialog');
  const form = document.getElementById('token-form');
  const input = document.getElementById('token-input');
  const error = document.getElementById('token-error');
  error.hidden = !refused;
  error.textContent = refused ? 'That token was refused (401). Check it and try again.' : '';
  input.value = '';
  asking = new Promise((resolve) => {
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      const token = input.value.trim();
      if (!token) {
        return;
      }
      sessionStorage.setItem(TOKEN_KEY, token);
      dialog.close();
      asking = null;
      resolve();
    }, { once: true });
  });
  if (!dialog.open) {
    dialog.showModal();
  }
  input.focus();
  return asking;
}

async function send(method, path, body) {
  const headers = { Accept: 'application/json' };
  const token = storedToken();
  if (token) {
    headers['X-API-Token'] = token;
  }
  const init = { method, headers, cache: 'no-store' };
  if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const res = await fetch(path, init);
  let json = null;
  try {
    json = await res.json();
  } catch (e) {
    json = null;
  }
  return { res, json, usedToken: token };
}

/** Calls the API; on 401 asks for the token (saying so when one was refused) and tries again. */
export async function call(method, path, body) {
  for (;;) {
    const { res, json, usedToken } = await send(method, path, body);
    if (res.status === 401) {
      const now = storedToken();
      if (now && now !== usedToken) {
        continue; // a newer token was entered while this request was under way
      }
      if (usedToken) {
        sessionStorage.removeItem(TOKEN_KEY);
      }
      await askForToken(Boolean(usedToken));
      continue;
    }
    if (!res.ok || !json || json.ok === false) {
      const err = (json && json.error) || {};
      throw new ApiError(res.status, err.code || 'http_' + res.status, err.message || res.statusText);
    }
    return json;
  }
}

export const get = (path, params) => call('GET', path + query(params));
export const post = (path, body) => call('POST', path, body);

/** A query string of the non-empty parameters. */
export function query(params) {
  if (!params) {
    return '';
  }
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== '') {
      q.set(k, String(v));
    }
  }
  const s = q.toString();
  return s ? '?' + s : '';
}
