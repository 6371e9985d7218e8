// The admin front-end's entry: sign-in, the header, and the routes #/queue, #/case/{id}, #/completeness, #/summary.
import * as auth from './auth.js';
import {h, clear} from './dom.js';
import {hideBanner} from '/common/js/dom.js';
import {renderQueue} from './queue.js';
import {renderCase} from './case.js';
import {renderCompleteness} from './completeness.js';
import {renderSummary} from './summary.js';

const app = document.getElementById('app');
function parseRoute() {
  const hash = location.hash.replace(/^#/, '') || '/queue';
  const [path, query] = hash.split('?');
  return {parts: path.split('/').filter(Boolean).map(decodeURIComponent), params: new URLSearchParams(query || '')};
}

let renderToken = 0;

async function route() {
  const mine = ++renderToken;
  const {parts, params} = parseRoute();
  for (const a of document.querySelectorAll('#nav a')) {
    a.classList.toggle('active', a.dataset.nav === (parts[0] === 'case' ? 'queue' : parts[0]));
  }
  const view = h('div.view');
  const current = () => mine === renderToken;
  try {
    if (parts[0] === 'case' && parts[1]) {
      await renderCase(view, parts[1], {current});
    } else if (parts[0] === 'completeness') {
      await renderCompleteness(view, params, {current});
    } else if (parts[0] === 'summary') {
      await renderSummary(view, params, {current});
    } else {
      await renderQueue(view, params, {current});
    }
  } catch (e) {
    view.append(h('p.error', {role: 'alert'}, e.message || String(e)));
  }
  if (current()) app.replaceChildren(view);
}

function signInPage(message) {
  clear(app).append(h('section.signin',
    h('h1', '县级审核人员登录'),
    h('p', '请使用统一身份认证账号登录，审核本县乡镇报送的政府信息公开工作年度报告。'),
    message ? h('p.error', {role: 'alert'}, message) : null,
    h('button', {type: 'button', id: 'sign-in', class: 'primary', onclick: () => auth.signIn()}, '登录')));
}

async function start() {
  try {
    await auth.init();
  } catch (e) {
    clear(app).append(h('p.error', {role: 'alert'}, e.message));
    return;
  }
  let message = null;
  try {
    await auth.handleCallback();
  } catch (e) {
    message = e.message;
  }
  if (!auth.signedIn()) {
    signInPage(message);
    return;
  }
  const u = auth.user();
  document.getElementById('user-name').textContent = u.name + (u.org ? '（' + u.org + '）' : '');
  document.getElementById('user').hidden = false;
  document.getElementById('nav').hidden = false;
  if (u.roles.includes('province-admin')) {
    document.querySelector('#nav a[data-nav="summary"]').textContent = '全省汇总';
  }
  document.getElementById('sign-out').addEventListener('click', () => auth.signOut());
  window.addEventListener('hashchange', () => {
    hideBanner();
    route();
  });
  await route();
}

/** Draws the current route again (after an action, or a conflict). */
export function reload() {
  return route();
}

start();
