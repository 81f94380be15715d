// 约稿: commissioning notices (Art. 9): the editor issues them; each addressed unit's status; a unit sees its inbox.
'use strict';

import {
  state, el, api, apiOptional, has, unitName, fmtDateTime, clock, dataTable, field, message, busy, section,
  notInstalled, localToIso, KIND
} from './lib.js';

export const DELIVERY = { pending: '待报送', delivered: '已按时报送', late: '逾期报送', missing: '未报送' };

function listOf(r) {
  if (!r) return [];
  return Array.isArray(r) ? r : (r.notices || r.items || []);
}

export async function noticesPage(page, rest) {
  if (rest[0]) return noticeView(page, rest[0]);
  page.append(el('div', { class: 'page-head' }, el('h2', {}, '约稿')));
  const r = await apiOptional('GET', '/api/v1/notices');
  if (r === null) {
    page.append(notInstalled('约稿通知'));
    return;
  }
  if (has('editor')) page.append(issueForm());
  const rows = listOf(r);
  page.append(section(has('editor') ? '约稿通知' : '本单位收到的约稿通知', dataTable([
    { key: 'id', label: '编号', render: n => el('a', { href: '#notices/' + encodeURIComponent(n.id) }, n.id) },
    { key: 'title', label: '主题', render: n => el('a', { href: '#notices/' + encodeURIComponent(n.id) }, n.title) },
    { key: 'issued_at', label: '发布时间', render: n => fmtDateTime(n.issued_at), csv: n => fmtDateTime(n.issued_at) },
    { key: 'deadline', label: '截止时间', render: n => fmtDateTime(n.deadline), csv: n => fmtDateTime(n.deadline) },
    { key: 'clock', label: '剩余时间', value: n => n.deadline, render: n => clock(n.deadline), csv: () => '' },
    { key: 'units', label: '约稿单位', num: true, value: n => (n.units || []).length },
    { key: 'delivered', label: '已报送', num: true, value: n => (n.units || []).filter(u => u.status === 'delivered' || u.status === 'late').length },
    { key: 'missing', label: '未报送', num: true, value: n => (n.units || []).filter(u => u.status === 'missing').length }
  ], { rows, filename: '约稿通知', empty: '暂无约稿通知' })));
}

function issueForm() {
  const title = el('input', { id: 'notice-title', required: true, maxlength: '200' });
  const req = el('textarea', { id: 'notice-requirements', rows: '3', maxlength: '4000' });
  const deadline = el('input', { type: 'datetime-local', id: 'notice-deadline', required: true });
  const units = el('div', { class: 'checks', id: 'notice-units' });
  for (const kind of Object.keys(KIND)) {
    const list = state.unitList.filter(u => u.kind === kind);
    if (!list.length) continue;
    const all = el('input', { type: 'checkbox' });
    const boxes = list.map(u => el('input', { type: 'checkbox', name: 'unit', value: u.id }));
    all.addEventListener('change', () => boxes.forEach(b => { b.checked = all.checked; }));
    units.append(el('fieldset', {}, el('legend', {}, el('label', {}, all, KIND[kind] + '（全选）')),
      ...list.map((u, i) => el('label', { class: 'check' }, boxes[i], u.name))));
  }
  const out = el('div', { class: 'messages' });
  const b = el('button', { type: 'submit', class: 'primary', id: 'notice-issue' }, '发布约稿通知');
  const form = el('form', { id: 'notice-form' }, field('主题', title), field('写作要求', req),
    field('截止时间（北京时间）', deadline), field('约稿单位', units), out, b);
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    busy(b, out, async () => {
      const chosen = [...units.querySelectorAll('input[name=unit]:checked')].map(c => c.value);
      if (!chosen.length) throw new Error('请至少选择一个约稿单位。');
      const n = await api('POST', '/api/v1/notices', { title: title.value.trim(), requirements: req.value.trim() || null,
        deadline: localToIso(deadline.value), units: chosen });
      location.hash = '#notices/' + encodeURIComponent(n.id);
    });
  });
  const d = el('details', { class: 'card' }, el('summary', {}, '发布约稿通知'), form);
  return d;
}

async function noticeView(page, id) {
  page.append(el('div', { class: 'page-head' }, el('h2', {}, '约稿通知'), el('a', { href: '#notices', class: 'button secondary' }, '返回列表')));
  let n;
  try {
    n = await api('GET', '/api/v1/notices/' + encodeURIComponent(id));
  } catch (e) {
    page.append(e.status === 404 && /no such resource/.test((e.problem || {}).detail || '') ? notInstalled('约稿通知')
      : el('p', { class: 'error' }, e.status === 404 ? '约稿通知“' + id + '”不存在，或未发给本单位。' : e.message));
    return;
  }
  page.append(el('div', { class: 'card' }, el('h3', {}, n.title),
    el('dl', { class: 'meta' },
      el('div', { class: 'term' }, el('dt', {}, '编号'), el('dd', {}, n.id)),
      el('div', { class: 'term' }, el('dt', {}, '截止时间'), el('dd', {}, fmtDateTime(n.deadline) + ' ', clock(n.deadline))),
      n.issued_at ? el('div', { class: 'term' }, el('dt', {}, '发布'), el('dd', {}, (n.issued_by || '') + ' ' + fmtDateTime(n.issued_at))) : null),
    n.requirements ? el('div', { class: 'body-text' }, n.requirements) : null,
    has('officer') && state.user.unit ? el('a', { class: 'button', href: '#items/new?notice=' + encodeURIComponent(n.id), id: 'answer-notice' }, '起草约稿信息') : null));
  const out = el('div', { class: 'messages' });
  page.append(section('各单位报送情况', out, dataTable([
    { key: 'unit', label: '单位', value: u => unitName(u.unit) },
    { key: 'status', label: '状态', value: u => DELIVERY[u.status] || u.status, render: u => el('span', { class: 'status d-' + u.status }, DELIVERY[u.status] || u.status) },
    { key: 'writer', label: '撰稿人', value: u => u.writer || '', render: u => {
      if (!(has('editor') || state.user.unit === u.unit)) return u.writer || '';
      const input = el('input', { value: u.writer || '', maxlength: '200', placeholder: '指定撰稿人', 'aria-label': '撰稿人', class: 'writer' });
      const b = el('button', { type: 'button', class: 'small secondary' }, '保存');
      b.addEventListener('click', () => busy(b, out, async () => {
        if (!input.value.trim()) throw new Error('请填写撰稿人。');
        await api('PUT', '/api/v1/notices/' + encodeURIComponent(n.id) + '/units/' + encodeURIComponent(u.unit) + '/writer', { writer: input.value.trim() });
        message(out, '已指定' + unitName(u.unit) + '的撰稿人：' + input.value.trim() + '。', true);
      }));
      return el('span', { class: 'inline-edit' }, input, b);
    } },
    { key: 'items', label: '报送信息', value: u => (u.items || []).join(' '), render: u => el('span', {},
      ...(u.items || []).flatMap((i, k) => [k ? '、' : '', el('a', { href: '#items/' + encodeURIComponent(i) }, i)])) }
  ], { rows: n.units || [], filename: '约稿报送情况-' + n.id })));
}
