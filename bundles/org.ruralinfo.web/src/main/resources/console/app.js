// ruralinfo staff console: login, navigation by role, and the router. CSP: no inline script or style.
'use strict';

import { state, $, el, api, ROLE, unitName, tickClocks, setUnauthorizedHandler, field, busy } from './lib.js';
import { itemsPage } from './items.js';
import { noticesPage } from './notices.js';
import { supervisionPage } from './supervision.js';
import { rankingsPage } from './rankings.js';
import { archivePage } from './archive.js';
import { adminPage } from './admin.js';

const PAGES = {
  items: itemsPage, notices: noticesPage, supervision: supervisionPage, rankings: rankingsPage,
  archive: archivePage, admin: adminPage
};
const TITLES = {
  items: '信息报送', notices: '约稿', supervision: '督办', rankings: '积分排名', archive: '归档', admin: '系统管理'
};

function allowed(link) {
  return state.user && link.dataset.roles.split(' ').some(r => state.user.roles.includes(r));
}

async function loadUnits() {
  try {
    const r = await api('GET', '/api/v1/units');
    state.unitList = r.units || [];
    state.units = new Map(state.unitList.map(u => [u.id, u]));
  } catch (e) {
    state.unitList = [];
    state.units = new Map();
  }
}

async function showUser(user) {
  state.user = user;
  $('login').hidden = !!user;
  $('nav').hidden = !user;
  $('who').hidden = !user;
  $('view').hidden = !user;
  document.body.dataset.roles = user ? user.roles.join(' ') : '';
  if (user) {
    await loadUnits();
    $('who-name').textContent = user.name + '（' + user.roles.map(r => ROLE[r] || r).join('、') + ' · '
      + unitName(user.unit) + '）';
    for (const a of document.querySelectorAll('#nav a[data-section]')) a.hidden = !allowed(a);
    route();
  } else {
    $('view').replaceChildren();
    $('username').focus();
  }
}

let routeSeq = 0;
async function route() {
  if (!state.user) return;
  const hash = decodeURIComponent((location.hash || '').substring(1));
  let [id, ...rest] = hash.split('?')[0].split('/');
  if (id === 'password') return passwordPage(++routeSeq);
  const links = [...document.querySelectorAll('#nav a[data-section]')].filter(a => !a.hidden);
  const link = links.find(a => a.dataset.section === id);
  if (!link) {
    id = links.length ? links[0].dataset.section : 'rankings';
    rest = [];
  }
  for (const a of links) a.classList.toggle('current', a.dataset.section === id);
  document.title = TITLES[id] + ' · 乡村振兴信息工作平台';
  const seq = ++routeSeq;
  const view = $('view');
  const page = el('div', { class: 'page', id: 'page-' + id, 'data-page': id });
  view.replaceChildren(page);
  try {
    await PAGES[id](page, rest, () => seq === routeSeq);
  } catch (e) {
    page.append(el('p', { class: 'error', role: 'alert' }, e.message || String(e)));
  }
}

/** Changing one's own password: every session of the user ends, so the user logs in again with the new one. */
function passwordPage(seq) {
  for (const a of document.querySelectorAll('#nav a[data-section]')) a.classList.remove('current');
  document.title = '修改密码 · 乡村振兴信息工作平台';
  const current = el('input', { type: 'password', id: 'pw-current', required: true, autocomplete: 'current-password' });
  const fresh = el('input', { type: 'password', id: 'pw-new', required: true, minlength: '10', autocomplete: 'new-password' });
  const again = el('input', { type: 'password', id: 'pw-again', required: true, minlength: '10', autocomplete: 'new-password' });
  const out = el('div', { class: 'messages', id: 'pw-messages' });
  const b = el('button', { type: 'submit', class: 'primary', id: 'pw-save' }, '修改密码');
  const form = el('form', { id: 'password-form', class: 'narrow' }, field('原密码', current),
    field('新密码', fresh, '至少 10 个字符，不能包含用户名，不宜过于简单'), field('再次输入新密码', again), out, b);
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    busy(b, out, async () => {
      if (fresh.value !== again.value) throw new Error('两次输入的新密码不一致。');
      await api('POST', '/api/v1/users/' + encodeURIComponent(state.user.username) + '/password',
        { current_password: current.value, password: fresh.value });
      current.value = fresh.value = again.value = '';
      history.replaceState(null, '', location.pathname);
      await showUser(null);
      $('login-info').textContent = '密码已修改，所有登录已退出，请用新密码重新登录。';
    });
  });
  const page = el('div', { class: 'page', id: 'page-password', 'data-page': 'password' },
    el('div', { class: 'page-head' }, el('h2', {}, '修改密码')),
    el('section', { class: 'card' }, el('h3', {}, '修改本人密码（' + state.user.username + '）'),
      el('p', { class: 'hint' }, '修改后，本账号在所有设备上的登录都将退出。'), form));
  if (seq === routeSeq) $('view').replaceChildren(page);
  current.focus();
}

async function login(ev) {
  ev.preventDefault();
  $('login-error').textContent = '';
  $('login-info').textContent = '';
  $('login-button').disabled = true;
  try {
    const r = await api('POST', '/api/v1/session', { username: $('username').value.trim(), password: $('password').value });
    $('password').value = '';
    await showUser(r.user);
  } catch (e) {
    $('login-error').textContent = e.status === 401 ? '用户名或密码错误' : e.message;
  } finally {
    $('login-button').disabled = false;
  }
}

async function logout() {
  try { await api('DELETE', '/api/v1/session'); } catch (e) { /* already gone */ }
  history.replaceState(null, '', location.pathname);
  showUser(null);
}

async function boot() {
  $('login-form').addEventListener('submit', login);
  $('logout').addEventListener('click', logout);
  window.addEventListener('hashchange', route);
  setUnauthorizedHandler(() => { if (state.user) { showUser(null); $('login-error').textContent = '登录已过期，请重新登录'; } });
  setInterval(tickClocks, 1000);
  try {
    const r = await api('GET', '/api/v1/session');
    await showUser(r.user);
  } catch (e) {
    showUser(null);
  }
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', boot); else boot();
