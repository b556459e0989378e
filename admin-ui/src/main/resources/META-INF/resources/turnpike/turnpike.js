import {ApiError, call} from './api.js';
import {count, el, replace, time} from './dom.js';
import {Rates, rateText, sparkline} from './rates.js';

/**
 * Turnpike's page: what `/caucho-status` shows, read from the admin API every few seconds (the
 * configuration and its last load, the rules with their hits and switches, the backends with
 * their figures and request rate), and a form that explains a request.
 *
 * Nothing the API answers is parsed as markup: the page is built with DOM calls and text nodes
 * (dom.js). Every failed call is shown in the page with the server's message.
 *
 * `?refresh=SECONDS` changes how often it reads (1 to 300 seconds; 5 by default).
 */

/** Every 5 seconds, or as `?refresh=SECONDS` (1 to 300) asks. */
const REFRESH_MILLIS = (() => {
  const seconds = Number(new URLSearchParams(location.search).get('refresh'));
  return seconds >= 1 && seconds <= 300 ? seconds * 1000 : 5000;
})();

const byId = (id) => document.getElementById(id);
const rates = new Rates();
let refreshTimer = null;

// ---- messages -------------------------------------------------------------------------------

const messages = new Map();

/** Shows (or, with `null`, clears) the message of one source: `refresh`, `rules`, `reload`... */
function report(source, error, text) {
  if (error === null && text === undefined) {
    messages.delete(source);
  } else {
    messages.set(source, {error, text});
  }
  const area = byId('messages');
  replace(area, [...messages.entries()].map(([key, message]) => messageItem(key, message)));
  area.hidden = messages.size === 0;
}

function messageItem(source, {error, text}) {
  const dismiss = el('button', {type: 'button', class: 'dismiss'}, 'Dismiss');
  dismiss.addEventListener('click', () => report(source, null));
  return el('div', {class: error ? 'message error' : 'message info', 'data-source': source},
      el('p', {}, error ? errorText(error) : text), error ? detailList(error) : null, dismiss);
}

function errorText(error) {
  if (error instanceof ApiError) {
    return `${error.call}: ${error.status} ${error.message}`;
  }
  return `${error.message || error}`;
}

function detailList(error) {
  const details = error instanceof ApiError ? error.details : [];
  return details.length === 0 ? null : el('ul', {class: 'details'}, details.map((d) => el('li', {}, d)));
}

// ---- configuration and last load ------------------------------------------------------------

function showStatus(status) {
  const configuration = status.configuration;
  replace(byId('configuration'),
      'Configuration ', el('code', {}, configuration.source ?? 'none'),
      ' · loaded ', time(configuration.loadedAt),
      ' · ', configuration.serving ? `${count(status.rules.length)} top-level rules serving` : 'no rules serving',
      ' · Turnpike ', status.version);
}

function showErrors(load) {
  const parts = [];
  if (load.failedAt) {
    parts.push(el('p', {class: 'bad'}, 'The last load failed at ', time(load.failedAt), '; ',
        load.serving ? ['the rules loaded at ', time(load.loadedAt), ' still serve.'] : 'no rules serve.'));
  } else {
    parts.push(el('p', {class: 'good'}, 'The last load succeeded at ', time(load.loadedAt), ': ',
        `${count(load.rules)} top-level rules from `, el('code', {}, load.source ?? 'none'), '.'));
  }
  if (load.problems.length > 0) {
    parts.push(el('ul', {class: 'problems', 'aria-label': 'Problems of the last load'},
        load.problems.map((problem) => el('li', {}, el('code', {}, problem)))));
  }
  if (load.importErrors.length > 0) {
    parts.push(el('p', {}, 'Imports whose last change did not load:'),
        el('ul', {class: 'problems', 'aria-label': 'Import errors'},
            load.importErrors.map((problem) => el('li', {}, el('code', {}, problem)))));
  }
  replace(byId('errors'), parts);
}

/**
 * Where a rule is declared, `file:line:column`, shown without the file's directories (the whole
 * place is the element's title).
 */
function origin(place) {
  if (!place) {
    return '';
  }
  const short = /^.*[/\\]([^/\\]+:\d+:\d+)$/.exec(place);
  return el('code', {class: 'origin', title: place}, short ? short[1] : place);
}

// ---- rules ------------------------------------------------------------------------------------

function showRules(rules) {
  const focused = document.activeElement?.dataset?.switch;
  const body = el('tbody', {}, rules.map(ruleRow));
  byId('rules').tBodies[0].replaceWith(body);
  if (rules.length === 0) {
    body.append(el('tr', {}, el('td', {colspan: 7, class: 'muted'}, 'No rules are serving.')));
  }
  if (focused) {
    body.querySelector(`[data-switch="${CSS.escape(focused)}"]`)?.focus();
  }
}

function ruleRow(rule) {
  const depth = rule.order.split('.').length - 1;
  const place = rule.level === 'web-app' ? `web-app ${rule.webApp} of ${rule.host}`
      : rule.level === 'host' ? `host ${rule.host}` : rule.level;
  return el('tr', {class: rule.enabled ? null : 'off', 'data-order': rule.order, 'data-name': rule.name},
      el('td', {class: 'order', style: `padding-left: ${0.6 + depth}em`}, rule.order),
      el('td', {title: place}, rule.level),
      el('td', {}, rule.name ?? ''),
      el('td', {title: rule.rule}, el('code', {}, rule.kind)),
      el('td', {}, origin(rule.origin)),
      el('td', {class: 'number'}, count(rule.hits),
          rule.lastError ? el('div', {class: 'bad small', title: rule.lastErrorAt}, rule.lastError) : null),
      el('td', {}, ruleSwitch(rule)));
}

function ruleSwitch(rule) {
  if (!rule.switchable || !rule.name) {
    return el('span', {class: rule.enabled ? 'state-on' : 'state-off'}, rule.enabled ? 'on' : 'off');
  }
  const key = `${rule.host} ${rule.webApp ?? ''} ${rule.name}`;
  const box = el('input', {type: 'checkbox', role: 'switch', 'data-switch': key, 'data-rule': rule.name,
    'aria-label': `Rule ${rule.name} enabled`});
  box.checked = rule.enabled;
  box.addEventListener('change', () => switchRule(rule, box));
  return el('label', {class: 'switch'}, box, el('span', {}, rule.enabled ? 'on' : 'off'));
}

async function switchRule(rule, box) {
  const action = box.checked ? 'start' : 'stop';
  const query = new URLSearchParams({host: rule.host});
  if (rule.webApp !== null) {
    query.set('webApp', rule.webApp);
  }
  box.disabled = true;
  try {
    await call(`rules/${encodeURIComponent(rule.name)}/${action}?${query}`, {method: 'POST', changes: true});
    report('rules', null);
  } catch (error) {
    box.checked = !box.checked;
    report('rules', error);
  } finally {
    box.disabled = false;
  }
  await refreshNow();
}

// ---- backends ---------------------------------------------------------------------------------

function showBackends(backends, atMillis) {
  const keys = new Set();
  const rows = backends.map((backend) => {
    const key = `${backend.cluster}\n${backend.server}`;
    keys.add(key);
    const series = rates.record(key, backend.requests, atMillis);
    const now = series.length > 0 ? series[series.length - 1] : undefined;
    const label = `${backend.server} of ${backend.cluster}: ${rateText(now)} requests per second now`;
    return el('tr', {'data-cluster': backend.cluster, 'data-server': backend.server},
        el('td', {}, backend.cluster),
        el('td', {title: `${backend.address}:${backend.port}${backend.backup ? ' (backup)' : ''}`}, backend.server),
        el('td', {class: backend.failed ? 'bad' : null},
            backend.state + (backend.failed ? ` (failed ${backend.failCount}×)` : '')),
        el('td', {class: 'number'}, count(backend.active)),
        el('td', {class: 'number'}, count(backend.idle)),
        el('td', {class: 'number'}, count(backend.weight)),
        el('td', {class: 'number'}, count(backend.requests)),
        el('td', {class: 'number'}, count(backend.failures)),
        el('td', {class: 'rate', 'data-readings': series.length}, sparkline(series, label), el('span', {class: 'rate-now'}, rateText(now))));
  });
  rates.keep(keys);
  const body = el('tbody', {}, rows);
  if (rows.length === 0) {
    body.append(el('tr', {}, el('td', {colspan: 9, class: 'muted'}, 'No backends are configured.')));
  }
  byId('backends').tBodies[0].replaceWith(body);
}

// ---- refreshing -------------------------------------------------------------------------------

async function refresh() {
  const sections = [
    ['status', showStatus],
    ['errors', showErrors],
    ['rules', showRules],
    ['backends', (backends) => showBackends(backends, Date.now())],
  ];
  const answers = await Promise.allSettled(sections.map(([path]) => call(path)));
  const failed = answers.find((answer) => answer.status === 'rejected');
  answers.forEach((answer, i) => {
    if (answer.status === 'fulfilled') {
      sections[i][1](answer.value.body);
    }
  });
  report('refresh', failed ? failed.reason : null);
  replace(byId('refreshed'), failed ? 'Update failed ' : 'Updated ', time(new Date().toISOString()));
}

async function refreshNow() {
  clearTimeout(refreshTimer);
  try {
    await refresh();
  } finally {
    refreshTimer = setTimeout(refreshNow, REFRESH_MILLIS);
  }
}

async function reload() {
  const button = byId('reload');
  button.disabled = true;
  try {
    const answer = await call('reload', {method: 'POST', changes: true, accept: [200, 422]});
    const load = answer.body;
    report('reload', null, answer.status === 200
        ? `Reloaded: ${count(load.rules)} top-level rules serving.`
        : `The configuration did not load (${load.problems.length} problems, below); the rules that were serving still serve.`);
  } catch (error) {
    report('reload', error);
  } finally {
    button.disabled = false;
  }
  await refreshNow();
}

// ---- explaining a request ---------------------------------------------------------------------

/** The form as the API's explain request; the lines of the headers field become a map. */
function explainRequest(form) {
  const value = (name) => form.elements[name].value.trim();
  const headers = {};
  const bad = [];
  value('headers').split(/\r?\n/).forEach((line, i) => {
    if (line.trim() === '') {
      return;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      bad.push(`headers, line ${i + 1}: "${line.trim()}" is not Name: value`);
      return;
    }
    headers[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
  });
  if (bad.length > 0) {
    throw new ApiError(400, 'the headers are not one Name: value per line', bad, 'the form');
  }
  const roles = value('roles').split(/[\s,]+/).filter((role) => role !== '');
  const secure = value('secure');
  const request = {url: value('url'), headers};
  const optional = {method: value('method'), remoteAddr: value('remoteAddr'), user: value('user')};
  for (const [name, text] of Object.entries(optional)) {
    if (text !== '') {
      request[name] = text;
    }
  }
  if (secure !== '') {
    request.secure = secure === 'true';
  }
  if (roles.length > 0) {
    request.roles = roles;
  }
  return request;
}

async function explain(event) {
  event.preventDefault();
  const form = event.target;
  const output = byId('explanation');
  const button = byId('explain-submit');
  button.disabled = true;
  try {
    const answer = await call('explain', {method: 'POST', body: explainRequest(form)});
    replace(output, explanation(answer.body));
  } catch (error) {
    replace(output, el('div', {class: 'message error', role: 'alert'}, el('p', {}, errorText(error)),
        detailList(error)));
  } finally {
    button.disabled = false;
  }
}

function explanation(result) {
  const seen = result.request;
  const decision = result.decision;
  return [
    el('p', {class: 'seen'}, 'Seen as ', el('code', {}, `${seen.method} ${seen.scheme}://${seen.host}:${seen.port}`
        + `${seen.path}${seen.query ? '?' + seen.query : ''}`), ` from ${seen.remoteAddr}`,
        seen.secure ? ', secure' : '', seen.user ? `, user ${seen.user}` : ''),
    decisionBox(decision),
    result.effects.length === 0 ? null : el('div', {class: 'effects'}, el('h3', {}, 'Effects'),
        el('ul', {}, result.effects.map((effect) => el('li', {}, el('code', {}, effect))))),
    result.levels.map(levelTable),
  ];
}

function decisionBox(decision) {
  const rows = [['Decision', decision.kind + (decision.status ? ' ' + decision.status : '')]];
  if (decision.target) {
    rows.push(['Target', decision.target]);
  }
  if (decision.backend) {
    rows.push(['Backend', decision.backend]);
  }
  rows.push(['Deciding rule', decision.rule ?? 'none: the request goes on to the application']);
  if (decision.origin) {
    rows.push(['Declared at', decision.origin]);
  }
  return el('dl', {class: 'decision', id: 'decision'},
      rows.map(([term, text]) => [el('dt', {}, term), el('dd', {}, el('code', {}, text))]));
}

function levelTable(level) {
  return el('div', {class: 'level'},
      el('h3', {}, `${level.level} level`, ' · matched against ', el('code', {}, level.subject ?? '')),
      el('div', {class: 'scroll'}, el('table', {class: 'steps'},
          el('thead', {}, el('tr', {},
              ['Rule', 'Result', 'Subject', 'Groups', 'Conditions', 'Outcome']
                  .map((heading) => el('th', {scope: 'col'}, heading)))),
          el('tbody', {}, level.rules.map(stepRow)))));
}

function stepRow(step) {
  const deciding = step.result === 'decided';
  const quiet = step.result === 'not a candidate' || step.result === 'not reached';
  return el('tr', {class: deciding ? 'deciding' : quiet ? 'quiet' : null, 'aria-current': deciding ? 'true' : null},
      el('th', {scope: 'row'},
          deciding ? el('span', {class: 'badge'}, 'deciding rule') : null,
          step.name ? el('strong', {class: 'step-name'}, step.name) : null,
          el('code', {class: 'rule-text'}, step.rule),
          origin(step.origin)),
      el('td', {class: 'result'}, step.result),
      el('td', {}, step.subject ? el('code', {}, step.subject) : ''),
      el('td', {}, step.groups.length === 0 ? '' : el('ol', {start: 0, class: 'groups'},
          step.groups.map((group) => el('li', {}, el('code', {}, group ?? '(none)'))))),
      el('td', {}, step.conditions.length === 0 ? '' : el('ul', {class: 'conditions'},
          step.conditions.map((c) => el('li', {class: c.result === 'passed' ? 'good' : 'bad'},
              el('code', {}, c.condition), ` ${c.result}`)))),
      el('td', {}, step.outcome ? el('code', {}, step.outcome) : ''));
}

// ---- start ------------------------------------------------------------------------------------

byId('reload').addEventListener('click', reload);
byId('explain-form').addEventListener('submit', explain);
refreshNow();
