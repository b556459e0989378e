/**
 * Calls to Turnpike's admin API (`/turnpike/api/...`, beside this page).
 *
 * The browser sends the login it gave for the page (HTTP Basic) with every call. A call that
 * changes something also sends the user's CSRF token, fetched once from `api/csrf`, in the header
 * the server named; when the server refuses the token (the application restarted), it is fetched
 * again and the call is tried once more.
 */

const BASE = new URL('api/', import.meta.url);
// A page opened as http://user:password@host/turnpike/ would pass its credentials on to every
// URL made from it, and fetch() refuses those; the browser sends the login it keeps for the page.
BASE.username = '';
BASE.password = '';

/** An answer other than the one expected, with what the server said about it. */
export class ApiError extends Error {
  constructor(status, message, details, call) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.details = details;
    this.call = call;
  }
}

let csrf = null;

/**
 * Calls the API and returns its JSON answer.
 *
 * @param {string} path relative to `api/`, e.g. `rules` or `rules/closed/stop`
 * @param {object} options `method`, `body` (sent as JSON), `changes` (true: sends the CSRF token),
 *                         `accept` (statuses whose JSON body is returned rather than thrown)
 */
export async function call(path, {method = 'GET', body, changes = false, accept = [200]} = {}) {
  const attempt = async () => {
    const headers = {'Accept': 'application/json'};
    if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    if (changes) {
      const token = await csrfToken();
      headers[token.header] = token.token;
    }
    return fetch(new URL(path, BASE), {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  };
  let response = await attempt();
  if (changes && response.status === 403) {
    const refusal = await failure(response, method, path);
    if (!/X-Turnpike-Csrf|token/i.test(refusal.message)) {
      throw refusal;
    }
    csrf = null;
    response = await attempt();
  }
  if (!accept.includes(response.status)) {
    throw await failure(response, method, path);
  }
  return {status: response.status, body: await response.json()};
}

async function csrfToken() {
  if (csrf === null) {
    csrf = (await call('csrf')).body;
  }
  return csrf;
}

/** The error of an unexpected answer: the API's `{status, message, details}`, or the body's text. */
async function failure(response, method, path) {
  const text = await response.text();
  const type = response.headers.get('Content-Type') || '';
  let message = '';
  let details = [];
  if (type.includes('json')) {
    try {
      const error = JSON.parse(text);
      message = typeof error.message === 'string' ? error.message : '';
      details = Array.isArray(error.details) ? error.details.map(String) : [];
    } catch (e) {
      message = '';
    }
  }
  if (!message) {
    message = plainText(text, type) || response.statusText || 'no explanation given';
  }
  if (response.status === 401) {
    message = 'not logged in (' + message + '): reload the page to log in';
  }
  return new ApiError(response.status, message, details, method + ' api/' + path);
}

/** The text of an error page, without its markup; parsed inertly, never put into this page. */
function plainText(text, type) {
  if (!type.includes('html')) {
    return text.trim().slice(0, 500);
  }
  const page = new DOMParser().parseFromString(text, 'text/html');
  return (page.body ? page.body.textContent : '').replace(/\s+/g, ' ').trim().slice(0, 500);
}
