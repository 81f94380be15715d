// ruralinfo staff console. No inline script (CSP), user text only ever set as textContent.
'use strict';

const KIND_NAMES = { county: '县市乡村振兴局', member: '领导小组成员单位', department: '州乡村振兴局科室' };
const state = { user: null };

function $(id) { return document.getElementById(id); }

function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v; else e.setAttribute(k, v);
  }
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

function cookie(name) {
  const m = document.cookie.split('; ').find(c => c.startsWith(name + '='));
  return m ? decodeURIComponent(m.substring(name.length + 1)) : '';
}

async function api(method, path, body) {
  const headers = { 'Accept': 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') headers['X-CSRF-Token'] = cookie('ri_csrf');
  const resp = await fetch(path, { method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body) });
  const type = resp.headers.get('Content-Type') || '';
  const data = type.includes('json') ? await resp.json() : null;
  if (!resp.ok) {
    const err = new Error(problemText(resp.status, data));
    err.status = resp.status;
    throw err;
  }
  return data;
}

function problemText(status, p) {
  const base = { 400: '输入有误', 401: '请先登录', 403: '无权操作', 404: '未找到', 409: '状态冲突',
    413: '内容过大', 503: '服务暂不可用' }[status] || '操作失败';
  if (!p) return base;
  const details = (p.errors || []).map(e => e.path + '：' + e.message).join('；');
  return base + '：' + (details || p.detail || '');
}

function showUser(user) {
  state.user = user;
  $('login').hidden = !!user;
  $('nav').hidden = !user;
  $('who').hidden = !user;
  if (user) {
    $('who-name').textContent = user.name + '（' + user.username + '）';
    for (const a of document.querySelectorAll('#nav a[data-role]')) {
      a.hidden = !user.roles.includes(a.dataset.role);
    }
    route();
  } else {
    for (const s of document.querySelectorAll('section.page')) s.hidden = true;
  }
}

function route() {
  if (!state.user) return;
  let id = (location.hash || '#rankings').substring(1);
  const link = document.querySelector('#nav a[data-section="' + CSS.escape(id) + '"]');
  if (!link || link.hidden) id = 'rankings';
  for (const s of document.querySelectorAll('section.page')) s.hidden = s.id !== id;
  for (const a of document.querySelectorAll('#nav a')) a.classList.toggle('current', a.dataset.section === id);
  if (id === 'admin') loadUsers();
}

async function login(ev) {
  ev.preventDefault();
  $('login-error').textContent = '';
  try {
    const r = await api('POST', '/api/v1/session', { username: $('username').value, password: $('password').value });
    $('password').value = '';
    showUser(r.user);
  } catch (e) {
    $('login-error').textContent = e.status === 401 ? '用户名或密码错误' : e.message;
  }
}

async function logout() {
  try { await api('DELETE', '/api/v1/session'); } catch (e) { /* already gone */ }
  showUser(null);
}

function num(n) { return el('td', { class: 'num' }, n.toLocaleString('zh-CN')); }

async function loadRanking(ev) {
  if (ev) ev.preventDefault();
  $('ranking-error').textContent = '';
  const out = $('ranking');
  out.replaceChildren();
  try {
    const r = await api('GET', '/api/v1/rankings?period=' + encodeURIComponent($('period').value.trim()));
    out.append(el('p', {}, '期间 ' + r.period + ' · 计分办法 ' + r.policy.id + ' ' + r.policy.version));
    for (const [kind, rows] of Object.entries(r.kinds)) {
      out.append(el('h3', {}, KIND_NAMES[kind] || kind));
      const table = el('table', { 'data-kind': kind },
        el('thead', {}, el('tr', {}, el('th', { class: 'num' }, '名次'), el('th', {}, '单位'),
          el('th', { class: 'num' }, '总分'), el('th', { class: 'num' }, '信息积分'), el('th', { class: 'num' }, '新闻宣传'),
          el('th', { class: 'num' }, '网络宣传'), el('th', { class: 'num' }, '减分'))));
      const body = el('tbody');
      for (const row of rows) {
        const tr = el('tr', { 'data-unit': row.unit }, num(row.rank), el('td', {}, row.name), num(row.score),
          num(row.information), num(row.news), num(row.online), num(row.deductions));
        const detail = el('tr', { class: 'lines', hidden: '' }, el('td', { colspan: '7' },
          el('ul', {}, ...row.lines.map(l => el('li', {}, (l.points > 0 ? '+' : '') + l.points + ' 分 · ' + l.rule + ' · ' + l.ref + ' · ' + l.reason)))));
        tr.addEventListener('click', () => { detail.hidden = !detail.hidden; });
        body.append(tr, detail);
      }
      table.append(body);
      out.append(table);
    }
  } catch (e) {
    $('ranking-error').textContent = e.message;
  }
}

async function loadUsers() {
  const box = $('users');
  box.replaceChildren();
  try {
    const r = await api('GET', '/api/v1/users');
    const body = el('tbody');
    for (const u of r.users) {
      body.append(el('tr', {}, el('td', {}, u.username), el('td', {}, u.name), el('td', {}, u.roles.join('、')), el('td', {}, u.unit || '州乡村振兴局')));
    }
    box.append(el('h3', {}, '用户'), el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, '用户名'), el('th', {}, '姓名'), el('th', {}, '角色'), el('th', {}, '单位'))), body));
  } catch (e) {
    box.append(el('p', { class: 'error' }, e.message));
  }
}

document.addEventListener('DOMContentLoaded', async () => {
  const now = new Date();
  $('period').value = now.getFullYear() + '-Q' + (Math.floor(now.getMonth() / 3) + 1);
  $('login-form').addEventListener('submit', login);
  $('logout').addEventListener('click', logout);
  $('ranking-form').addEventListener('submit', loadRanking);
  window.addEventListener('hashchange', route);
  try {
    const r = await api('GET', '/api/v1/session');
    showUser(r.user);
  } catch (e) {
    showUser(null);
  }
});
