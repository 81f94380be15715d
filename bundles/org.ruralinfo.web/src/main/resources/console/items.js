// 信息报送: drafting with attachments, the queues of each role, the item with its deadline clock, copy check,
// actions, adoptions and history.
'use strict';

import {
  state, el, api, apiOptional, has, hasAny, unitName, fmtDate, fmtDateTime, clock, dataTable, field, select,
  message, busy, tabs, section, localToIso, downloadFile, TYPE, STATUS, ACTION, LEVEL, REJECT_REASON, DEADLINE_RULE, today
} from './lib.js';
import { publicityView } from './publicity.js';

const TIMED = new Set(['meeting', 'emergency']);

/** The queues each role works from: [key, label, query]. */
function queues() {
  const q = [];
  if (has('officer')) q.push(['drafts', '我的草稿', { status: 'draft' }], ['returned', '被退回', { status: 'returned' }]);
  if (has('reviewer')) q.push(['review', '待审核', { status: 'submitted' }]);
  if (has('signer')) q.push(['sign', '待签发', { status: 'approved' }]);
  if (has('editor')) q.push(['screen', '待筛选', { status: 'signed' }], ['adopt', '已采用·待录用', { status: 'accepted' }]);
  q.push(['all', '全部信息', {}]);
  q.push(['publicity', '宣传报送', null]);
  return q;
}

export async function itemsPage(page, rest, live) {
  if (rest[0] === 'new') return draftForm(page, null);
  if (rest[0] && rest[1] === 'edit') {
    const item = await api('GET', '/api/v1/items/' + encodeURIComponent(rest[0]));
    return draftForm(page, item);
  }
  if (rest[0]) return itemView(page, rest[0], live);
  return listView(page);
}

function listView(page) {
  const head = el('div', { class: 'page-head' }, el('h2', {}, '信息报送'));
  if (has('officer')) head.append(el('a', { class: 'button', href: '#items/new', id: 'new-item' }, '起草信息'));
  page.append(head);
  const list = queues();
  const box = el('div', { class: 'card' });
  let current = sessionStorage.getItem('ri-queue');
  if (!list.some(q => q[0] === current)) current = list[0][0];
  page.append(tabs(list.map(q => [q[0], q[1]]), key => { sessionStorage.setItem('ri-queue', key); show(key); }, current), box);

  function show(key) {
    const q = list.find(x => x[0] === key);
    box.replaceChildren();
    if (key === 'publicity') {
      publicityView(box).catch(e => box.append(el('p', { class: 'error', role: 'alert' }, e.message)));
      return;
    }
    const filters = { ...q[2] };
    let table;
    if (key === 'all') box.append(filterForm(filters, () => table.reload()));
    table = itemTable(filters, q[1]);
    box.append(table);
  }
  show(current);
}

function filterForm(filters, apply) {
  const status = select('status', [['', '全部状态'], ...Object.entries(STATUS)], '');
  const type = select('type', [['', '全部类别'], ...Object.entries(TYPE)], '');
  const unit = select('unit', [['', '全部单位'], ...state.unitList.map(u => [u.id, u.name])], '');
  const from = el('input', { type: 'date', name: 'from' });
  const to = el('input', { type: 'date', name: 'to' });
  const q = el('input', { type: 'search', name: 'q', placeholder: '标题或正文关键词', maxlength: '200' });
  const form = el('form', { class: 'filters' },
    field('状态', status), field('类别', type), state.user.unit ? null : field('单位', unit),
    field('报送起', from), field('报送止', to), field('关键词', q),
    el('button', { type: 'submit' }, '查询'));
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    for (const k of ['status', 'type', 'unit', 'from', 'to', 'q']) delete filters[k];
    const set = (k, v) => { if (v) filters[k] = v; };
    set('status', status.value); set('type', type.value); set('unit', state.user.unit ? '' : unit.value);
    set('from', from.value); set('to', to.value); set('q', q.value.trim());
    apply();
  });
  return form;
}

function itemTable(filters, label) {
  return dataTable([
    { key: 'id', label: '编号', render: r => el('a', { href: '#items/' + encodeURIComponent(r.id) }, r.id) },
    { key: 'title', label: '标题', render: r => el('a', { href: '#items/' + encodeURIComponent(r.id), class: 'title-link' }, r.title) },
    { key: 'unit', label: '单位', value: r => unitName(r.unit) },
    { key: 'type', label: '类别', value: r => TYPE[r.type] || r.type },
    { key: 'status', label: '状态', value: r => STATUS[r.status] || r.status, render: r => el('span', { class: 'status s-' + r.status }, STATUS[r.status] || r.status) },
    { key: 'created_at', label: '起草时间', value: r => r.created_at, render: r => fmtDate(r.created_at), csv: r => fmtDateTime(r.created_at) },
    { key: 'submitted_at', label: '报送时间', value: r => r.submitted_at, render: r => fmtDateTime(r.submitted_at), csv: r => fmtDateTime(r.submitted_at) },
    { key: 'deadline', label: '时限', value: r => r.deadline ? r.deadline.due : '',
      render: r => r.deadline ? clock(r.deadline.due, r.submitted_at, r.late, r.deadline.rule) : '',
      csv: r => r.deadline ? fmtDateTime(r.deadline.due) + (r.late ? '（逾期）' : '') : '' }
  ], {
    filename: '信息-' + label, pageSize: 20, empty: '没有待办的信息',
    load: async ({ page, size }) => {
      const p = new URLSearchParams({ ...filters, page, size });
      const r = await api('GET', '/api/v1/items?' + p);
      return { rows: r.items, total: r.total };
    },
    loadAll: async () => { // the whole filtered list for the spreadsheet, at most 10,000 rows
      const rows = [];
      for (let page = 1; page <= 100; page++) {
        const r = await api('GET', '/api/v1/items?' + new URLSearchParams({ ...filters, page, size: 100 }));
        rows.push(...r.items);
        if (rows.length >= r.total || !r.items.length) break;
      }
      return rows;
    }
  });
}

// ---- drafting ----------------------------------------------------------------------------------------

async function draftForm(page, item) {
  const params = new URLSearchParams(location.hash.split('?')[1] || '');
  page.append(el('div', { class: 'page-head' }, el('h2', {}, item ? '修改信息 ' + item.id : '起草信息'),
    el('a', { href: item ? '#items/' + encodeURIComponent(item.id) : '#items', class: 'button secondary' }, '返回')));
  if (!has('officer')) {
    page.append(el('p', { class: 'error' }, '只有信息员可以起草信息。'));
    return;
  }
  const type = select('type', Object.entries(TYPE), item ? item.type : (params.get('notice') ? 'commissioned' : 'work_results'), { id: 'item-type', required: true });
  const title = el('input', { name: 'title', id: 'item-title', required: true, maxlength: '200', value: item ? item.title : '' });
  const body = el('textarea', { name: 'body', id: 'item-body', rows: '9', required: true });
  body.value = item ? item.body : '';
  const occurred = el('input', { type: 'datetime-local', name: 'occurred_at', id: 'item-occurred' });
  if (item && item.occurred_at) occurred.value = isoToLocal(item.occurred_at);
  const notice = el('select', { name: 'notice', id: 'item-notice' }, el('option', { value: '' }, '（请选择约稿通知）'));
  const group = el('input', { name: 'group', id: 'item-group', value: item ? item.group || '' : '', placeholder: '专项组代码' });
  const follows = el('input', { name: 'follows', id: 'item-follows', value: item ? item.follows || '' : '', placeholder: '首报信息编号（续报时填写）' });
  const files = el('input', { type: 'file', name: 'files', id: 'item-files', multiple: true });
  const out = el('div', { class: 'messages' });
  const save = el('button', { type: 'submit', id: 'save-draft', value: 'save' }, '保存草稿');
  const submit = el('button', { type: 'submit', id: 'save-submit', class: 'primary', value: 'submit' }, '保存并提交审核');
  const occField = field('发生/作出时间（北京时间）', occurred, '突发事件须在发生后 2 小时内报送；会议/决策须在 3 个工作日内报送');
  const noticeField = field('约稿通知', notice);
  const groupField = field('专项组', group);
  const followsField = field('续报所接信息', follows);

  const notices = await apiOptional('GET', '/api/v1/notices');
  const noticeList = notices ? (notices.notices || notices.items || (Array.isArray(notices) ? notices : [])) : [];
  for (const n of noticeList) notice.append(el('option', { value: n.id }, n.title + '（截止 ' + fmtDateTime(n.deadline) + '）'));
  const wanted = item ? item.notice : params.get('notice');
  if (wanted && ![...notice.options].some(o => o.value === wanted)) notice.append(el('option', { value: wanted }, wanted));
  if (wanted) notice.value = wanted;

  const sync = () => {
    occField.hidden = !TIMED.has(type.value);
    occurred.required = TIMED.has(type.value);
    noticeField.hidden = type.value !== 'commissioned';
    groupField.hidden = type.value !== 'group_summary';
    followsField.hidden = type.value !== 'emergency';
  };
  type.addEventListener('change', sync);
  sync();

  const form = el('form', { class: 'card draft-form', id: 'draft-form' },
    el('div', { class: 'grid2' }, field('信息类别', type), field('报送单位', el('input', { value: unitName(state.user.unit), disabled: true }))),
    field('标题', title), field('正文', body),
    el('div', { class: 'grid2' }, occField, noticeField, groupField, followsField),
    field('附件（图片、PDF、Word 等，可多选）', files),
    item && item.attachments.length ? el('p', { class: 'hint' }, '已有附件：' + item.attachments.map(a => a.name).join('、')) : null,
    out, el('div', { class: 'actions' }, save, submit));
  page.append(form);

  form.addEventListener('submit', async ev => {
    ev.preventDefault();
    const andSubmit = ev.submitter === submit;
    const draft = { type: type.value, title: title.value.trim(), body: body.value };
    if (TIMED.has(type.value)) draft.occurred_at = localToIso(occurred.value);
    if (type.value === 'commissioned' && notice.value) draft.notice = notice.value;
    if (type.value === 'group_summary' && group.value.trim()) draft.group = group.value.trim();
    if (type.value === 'emergency' && follows.value.trim()) draft.follows = follows.value.trim();
    await busy(ev.submitter, out, async () => {
      const saved = item ? await api('PUT', '/api/v1/items/' + encodeURIComponent(item.id), draft)
        : await api('POST', '/api/v1/items', draft);
      const failed = [];
      for (const f of files.files) {
        try {
          await api('POST', '/api/v1/items/' + encodeURIComponent(saved.id) + '/attachments?name=' + encodeURIComponent(f.name), f);
        } catch (e) {
          failed.push(f.name + '：' + e.message);
        }
      }
      if (andSubmit && !failed.length) {
        await api('POST', '/api/v1/items/' + encodeURIComponent(saved.id) + '/transitions', { action: 'submit' });
      }
      if (failed.length) {
        sessionStorage.setItem('ri-flash', '信息已保存，但以下附件未能上传：' + failed.join('；'));
      }
      location.hash = '#items/' + encodeURIComponent(saved.id);
    });
  });
}

function isoToLocal(iso) {
  const d = new Date(Date.parse(iso) + 8 * 3600 * 1000);
  return d.toISOString().substring(0, 16);
}

// ---- one item ------------------------------------------------------------------------------------------

/** Whether this user may take `action` on `item` (the server decides; this only hides useless buttons). */
function may(item, action) {
  const own = state.user.unit === item.unit;
  switch (action) {
    case 'submit': return own && has('officer');
    case 'approve': return own && has('reviewer');
    case 'sign': return own && has('signer');
    case 'return': return item.status === 'signed' ? has('editor') : own && hasAny('reviewer', 'signer');
    default: return has('editor');
  }
}

async function itemView(page, id, live) {
  let item;
  try {
    item = await api('GET', '/api/v1/items/' + encodeURIComponent(id));
  } catch (e) {
    page.append(el('h2', {}, '信息报送'), el('p', { class: 'error', role: 'alert', id: 'item-error' },
      e.status === 404 ? '信息“' + id + '”不存在，或不属于您的单位，无权查看。' : e.message),
      el('a', { href: '#items', class: 'button secondary' }, '返回列表'));
    return;
  }
  if (!live()) return;
  const flash = sessionStorage.getItem('ri-flash');
  sessionStorage.removeItem('ri-flash');
  const out = el('div', { class: 'messages', id: 'item-messages' });
  if (flash) message(out, flash);
  const ok = sessionStorage.getItem('ri-flash-ok');
  sessionStorage.removeItem('ri-flash-ok');
  if (ok && !flash) message(out, ok, true);
  const reload = () => { page.replaceChildren(); itemView(page, id, live); };

  const head = el('div', { class: 'page-head' },
    el('h2', { id: 'item-title-view' }, item.title),
    el('a', { href: '#items', class: 'button secondary' }, '返回列表'));
  const meta = el('dl', { class: 'meta' },
    term('编号', item.id), term('单位', unitName(item.unit)), term('类别', TYPE[item.type] || item.type),
    term('状态', el('span', { class: 'status s-' + item.status, id: 'item-status' }, STATUS[item.status] || item.status)),
    term('起草', (item.created_by || '') + ' ' + fmtDateTime(item.created_at)),
    item.occurred_at ? term('发生时间', fmtDateTime(item.occurred_at)) : null,
    item.submitted_at ? term('报送州局', fmtDateTime(item.submitted_at)) : null,
    item.notice ? term('约稿通知', el('a', { href: '#notices/' + encodeURIComponent(item.notice) }, item.notice)) : null,
    item.group ? term('专项组', item.group) : null,
    item.follows ? term('续报所接', el('a', { href: '#items/' + encodeURIComponent(item.follows) }, item.follows)) : null,
    item.research_qualified ? term('调研认定', '合格调研信息') : null,
    item.confidentiality_check ? term('保密审查', item.confidentiality_check.reviewer + '：' + (item.confidentiality_check.verdict || '通过')) : null,
    item.signed ? term('签发', item.signed.signer + ' ' + fmtDateTime(item.signed.at)) : null,
    item.screened ? term('筛选', item.screened.editor + ' ' + fmtDateTime(item.screened.at)
      + (item.screened.reject_reason ? '（' + (REJECT_REASON[item.screened.reject_reason] || item.screened.reject_reason) + '）' : '')) : null,
    item.forwarded ? term('报送自治区', item.forwarded.by + ' ' + fmtDateTime(item.forwarded.at)) : null);
  if (item.deadline) {
    meta.append(term('报送时限', el('span', {}, (DEADLINE_RULE[item.deadline.rule] || item.deadline.rule) + '，截止 '
      + fmtDateTime(item.deadline.due) + ' ', clock(item.deadline.due, item.submitted_at, item.late, item.deadline.rule)), true));
  }

  // the text with the copy check beside it
  const bodyBox = el('article', { class: 'card item-body' }, el('h3', {}, '正文'), el('div', { class: 'body-text', id: 'item-body-view' }, item.body));
  const cc = item.copy_check;
  const copyBox = el('aside', { class: 'card copy-check', id: 'copy-check' }, el('h3', {}, '查重结果'));
  if (!cc) {
    copyBox.append(el('p', { class: item.submitted_at || item.status !== 'draft' ? 'ok' : 'muted' },
      item.status === 'draft' || item.status === 'returned' ? '提交时自动查重。' : '未发现与已有信息明显雷同。'));
  } else {
    const pct = Math.round(cc.similarity * 100);
    copyBox.append(
      el('p', { class: pct >= 50 ? 'late strong' : 'soon strong' }, '相似度 ' + pct + '%'),
      el('meter', { min: '0', max: '100', value: String(pct), high: '50', optimum: '0' }),
      el('p', {}, '相似信息：', el('a', { href: '#items/' + encodeURIComponent(cc.similar_to) }, cc.similar_to)),
      cc.overlap ? el('div', {}, el('p', { class: 'hint' }, '重合段落：'), el('blockquote', { class: 'overlap' }, cc.overlap)) : null,
      el('p', { class: 'hint' }, '查重时间 ' + fmtDateTime(cc.checked_at)));
  }

  page.append(head, out, el('div', { class: 'card' }, meta), el('div', { class: 'split' }, bodyBox, copyBox));
  page.append(actionsBox(item, out, reload));
  page.append(attachmentsBox(item, out, reload));
  page.append(adoptionsBox(item, out, reload));
  page.append(section('办理记录', dataTable([
    { key: 'at', label: '时间', render: h => fmtDateTime(h.at), csv: h => fmtDateTime(h.at) },
    { key: 'actor', label: '办理人' },
    { key: 'action', label: '操作', value: h => ACTION[h.action] || h.action },
    { key: 'to', label: '办理后状态', value: h => STATUS[h.to] || h.to },
    { key: 'comment', label: '意见' }
  ], { rows: item.history, filename: '办理记录-' + item.id, pageSize: 10 })));
}

function term(label, value, wide) {
  return el('div', { class: wide ? 'term wide' : 'term' }, el('dt', {}, label), el('dd', {}, value));
}

function actionsBox(item, out, reload) {
  const mine = item.actions.filter(a => may(item, a));
  const editable = (item.status === 'draft' || item.status === 'returned') && has('officer') && state.user.unit === item.unit;
  if (!mine.length && !editable) return el('div');
  const comment = el('textarea', { id: 'action-comment', rows: '2', maxlength: '2000', placeholder: '意见（退回时必填）' });
  const verdict = el('input', { id: 'action-verdict', maxlength: '500', value: '不涉密，同意报送' });
  const reason = select('reason', Object.entries(REJECT_REASON), 'not_rural_revitalization', { id: 'action-reason' });
  const buttons = el('div', { class: 'actions' });
  if (editable) buttons.append(el('a', { class: 'button secondary', href: '#items/' + encodeURIComponent(item.id) + '/edit', id: 'edit-item' }, '修改'));
  for (const a of mine) {
    const b = el('button', { type: 'button', 'data-action': a, class: a === 'return' || a === 'reject' ? 'danger' : 'primary' }, ACTION[a] || a);
    b.addEventListener('click', () => busy(b, out, async () => {
      const body = { action: a };
      if (comment.value.trim()) body.comment = comment.value.trim();
      if (a === 'approve') body.verdict = verdict.value.trim() || '不涉密';
      if (a === 'reject') body.reason = reason.value;
      if (a === 'return' && !body.comment) throw new Error('退回时请填写意见。');
      if ((a === 'reject' || a === 'return') && !confirm('确定' + ACTION[a] + '？')) return;
      await api('POST', '/api/v1/items/' + encodeURIComponent(item.id) + '/transitions', body);
      sessionStorage.setItem('ri-flash-ok', '已' + ACTION[a] + '。');
      reload();
    }));
    buttons.append(b);
  }
  return section('办理', mine.length ? field('意见', comment) : null,
    mine.includes('approve') ? field('保密审查意见', verdict) : null,
    mine.includes('reject') ? field('不予采用原因', reason) : null, buttons);
}

function attachmentsBox(item, out, reload) {
  const rows = item.attachments || [];
  const table = dataTable([
    { key: 'n', label: '序号', num: true },
    { key: 'name', label: '文件名', render: a => {
      const link = el('a', { href: a.href, class: 'download' }, a.name);
      link.addEventListener('click', ev => { ev.preventDefault(); downloadFile(a.href, a.name).catch(e => message(out, e.message)); });
      return link;
    } },
    { key: 'type', label: '类型' },
    { key: 'size', label: '大小（字节）', num: true },
    { key: 'created_by', label: '上传人' },
    { key: 'created_at', label: '上传时间', render: a => fmtDateTime(a.created_at), csv: a => fmtDateTime(a.created_at) }
  ], { rows, filename: '附件-' + item.id, pageSize: 10, empty: '没有附件' });
  const box = section('附件', table);
  if ((item.status === 'draft' || item.status === 'returned') && has('officer') && state.user.unit === item.unit) {
    const files = el('input', { type: 'file', multiple: true, id: 'attach-files' });
    const up = el('button', { type: 'button', id: 'attach-upload' }, '上传');
    up.addEventListener('click', () => busy(up, out, async () => {
      if (!files.files.length) throw new Error('请先选择文件。');
      for (const f of files.files) {
        await api('POST', '/api/v1/items/' + encodeURIComponent(item.id) + '/attachments?name=' + encodeURIComponent(f.name), f);
      }
      reload();
    }));
    box.append(el('div', { class: 'inline' }, files, up));
  }
  return box;
}

function adoptionsBox(item, out, reload) {
  const editor = has('editor');
  const rows = item.adoptions || [];
  if (!rows.length && !(editor && item.status === 'accepted')) return el('div');
  const columns = [
    { key: 'level', label: '录用级别', value: a => LEVEL[a.level] || a.level },
    { key: 'at', label: '录用日期', render: a => fmtDate(a.at), csv: a => fmtDate(a.at) },
    { key: 'issue', label: '期号' }
  ];
  if (editor) {
    columns.push({ key: 'op', label: '操作', value: () => '', render: a => {
      const b = el('button', { type: 'button', class: 'danger small', 'data-withdraw': a.level }, '撤销');
      b.addEventListener('click', () => busy(b, out, async () => {
        if (!confirm('撤销“' + (LEVEL[a.level] || a.level) + '”录用？相应积分将随之取消。')) return;
        await api('DELETE', '/api/v1/items/' + encodeURIComponent(item.id) + '/adoptions/' + encodeURIComponent(a.level));
        reload();
      }));
      return b;
    } });
  }
  const box = section('录用情况', dataTable(columns, { rows, filename: '录用-' + item.id, pageSize: 10, empty: '尚未录用' }));
  if (editor && item.status === 'accepted') {
    const level = select('level', Object.entries(LEVEL), 'prefecture_briefing', { id: 'adopt-level' });
    const at = el('input', { type: 'date', id: 'adopt-at', value: today(), required: true });
    const issue = el('input', { id: 'adopt-issue', maxlength: '100', placeholder: '如 2025年第12期' });
    const b = el('button', { type: 'submit', id: 'adopt-save', class: 'primary' }, '记录录用');
    const form = el('form', { class: 'filters', id: 'adopt-form' }, field('录用级别', level), field('录用日期', at), field('期号', issue), b);
    form.addEventListener('submit', ev => {
      ev.preventDefault();
      busy(b, out, async () => {
        const body = { level: level.value, at: at.value };
        if (issue.value.trim()) body.issue = issue.value.trim();
        await api('POST', '/api/v1/items/' + encodeURIComponent(item.id) + '/adoptions', body);
        sessionStorage.setItem('ri-flash-ok', '已记录录用：' + (LEVEL[level.value] || level.value) + '。');
        reload();
      });
    });
    box.append(form);
  }
  return box;
}

