// 督办 (Art. 6, 10, 17): quota progress per unit and month, the overdue list, reminders and circulars, and the
// monthly summary (一月一汇总).
'use strict';

import {
  state, el, api, apiOptional, has, hasAny, unitName, downloadFile, today, fmtDate, fmtDateTime, fmtNum, dataTable, field, select, message, busy,
  section, tabs, notInstalled, thisMonth, KIND, LEVEL
} from './lib.js';

const REMINDER = { phone: '电话催办', notice: '催办通知' };
const TRAINING = { shadowing: '跟班学习', meeting: '以会代训', seminar: '专题培训、研讨', exchange: '交流', visit: '考察学习' };

function monthLabel(m) {
  const x = /^(\d{4})-(\d{2})$/.exec(m || '');
  return x ? x[1] + '年' + Number(x[2]) + '月' : m;
}

function progress(p) {
  if (!p) return '';
  const done = p.counted >= p.required;
  return el('span', { class: 'progress' }, el('meter', { min: '0', max: String(Math.max(1, p.required)), value: String(Math.min(p.counted, p.required)),
    low: String(Math.max(1, p.required) - 0.5), optimum: String(p.required) }), ' ', el('span', { class: done ? 'ok' : 'soon' }, fmtNum(p.counted) + ' / ' + fmtNum(p.required)));
}

export async function supervisionPage(page) {
  page.append(el('div', { class: 'page-head' }, el('h2', {}, '督办')));
  const month = el('input', { type: 'month', id: 'sup-month', value: thisMonth(), required: true });
  const go = el('button', { type: 'submit' }, '查询');
  const form = el('form', { class: 'filters card' }, field('月份', month), go);
  const out = el('div', { class: 'messages' });
  const body = el('div');
  let current = 'progress';
  const bar = tabs([['progress', '任务进度'], ['overdue', '逾期清单'], ['reminders', '催办'], ['circulars', '通报'], ['summary', '月度汇总'], ['training', '培训']],
    key => { current = key; show(); }, current);
  page.append(form, out, bar, body);
  form.addEventListener('submit', ev => { ev.preventDefault(); show(); });

  let report = null, reportMonth = null;
  async function getReport() {
    if (reportMonth !== month.value) {
      report = await apiOptional('GET', '/api/v1/supervision?month=' + encodeURIComponent(month.value));
      reportMonth = month.value;
    }
    return report;
  }

  async function show() {
    body.replaceChildren(el('p', { class: 'muted' }, '正在加载…'));
    message(out, '');
    try {
      const node = await ({ progress: progressTab, overdue: overdueTab, reminders: remindersTab, circulars: circularsTab, summary: summaryTab, training: trainingTab })[current]();
      body.replaceChildren(node);
    } catch (e) {
      body.replaceChildren(el('p', { class: 'error', role: 'alert' }, e.message));
    }
  }

  async function progressTab() {
    const r = await getReport();
    if (r === null) return notInstalled('督办');
    return section(monthLabel(r.month || month.value) + '任务进度' + (r.as_of ? '（截至 ' + fmtDateTime(r.as_of) + '）' : ''), dataTable([
      { key: 'unit', label: '单位', value: u => u.name || unitName(u.unit), render: u => el('span', { class: u.behind ? 'late' : '' }, u.name || unitName(u.unit)) },
      { key: 'kind', label: '类别', value: u => KIND[u.kind] || u.kind },
      { key: 'quota', label: '月度任务', num: true, value: u => u.quota ? u.quota.counted - u.quota.required : null, render: u => progress(u.quota),
        csv: u => u.quota ? u.quota.counted + '/' + u.quota.required : '' },
      { key: 'groups', label: '专项组汇总', num: true, value: u => (u.groups || []).reduce((s, g) => s + g.counted, 0),
        render: u => el('span', {}, ...(u.groups || []).map(g => el('span', { class: 'block' }, (g.group || '') + ' ', progress(g)))),
        csv: u => (u.groups || []).map(g => (g.group || '') + ' ' + g.counted + '/' + g.required).join('；') },
      { key: 'research', label: '调研任务', num: true, value: u => u.research ? u.research.counted - u.research.required : null,
        render: u => u.research ? el('span', {}, el('small', { class: 'hint' }, (u.research.period || '') + ' '), progress(u.research)) : '',
        csv: u => u.research ? (u.research.period || '') + ' ' + u.research.counted + '/' + u.research.required : '' },
      { key: 'overdue', label: '逾期', num: true, value: u => (u.overdue || []).length },
      { key: 'reminders', label: '已催办', num: true, value: u => (u.reminders || []).length },
      { key: 'lost', label: '已扣分', num: true, value: u => u.lost || 0 },
      { key: 'behind', label: '状态', value: u => u.behind ? '滞后' : '正常', render: u => el('span', { class: u.behind ? 'late' : 'ok' }, u.behind ? '滞后' : '正常') }
    ], { rows: r.units || [], filename: '督办-' + month.value, sheetUrl: () => '/api/v1/supervision?month=' + encodeURIComponent(month.value) }));
  }

  async function overdueTab() {
    const r = await getReport();
    if (r === null) return notInstalled('督办');
    const rows = (r.units || []).flatMap(u => (u.overdue || []).map(o => ({ ...o, unit: u.unit, name: u.name, reminders: (u.reminders || []).length })));
    return section('逾期清单', dataTable([
      { key: 'name', label: '单位', value: o => o.name || unitName(o.unit) },
      { key: 'ref', label: '事项', render: o => {
        const m = /^item:(.+)$/.exec(o.ref) || /^notice:([^:]+)/.exec(o.ref);
        return m ? el('a', { href: (o.ref.startsWith('item:') ? '#items/' : '#notices/') + encodeURIComponent(m[1]) }, o.ref) : o.ref;
      } },
      { key: 'title', label: '标题' },
      { key: 'deadline', label: '截止时间', render: o => fmtDateTime(o.deadline), csv: o => fmtDateTime(o.deadline) },
      { key: 'reminders', label: '已催办次数', num: true },
      { key: 'op', label: '操作', value: () => '', render: o => has('editor') ? remindButton(o) : '' }
    ], { rows, filename: '逾期清单-' + month.value, empty: '本月没有逾期事项' }));
  }

  function remindButton(o) {
    const b = el('button', { type: 'button', class: 'small secondary' }, '登记催办');
    b.addEventListener('click', () => { current = 'reminders'; pending = { unit: o.unit, subject: o.ref }; bar.querySelector('[data-tab=reminders]').click(); });
    return b;
  }
  let pending = null;

  async function remindersTab() {
    const list = await apiOptional('GET', '/api/v1/reminders');
    const box = el('div');
    if (has('editor')) {
      const unit = select('unit', state.unitList.map(u => [u.id, u.name]), pending ? pending.unit : '', { id: 'rem-unit' });
      const kind = select('kind', Object.entries(REMINDER), 'phone', { id: 'rem-kind' });
      const subject = el('input', { id: 'rem-subject', required: true, maxlength: '200', value: pending ? pending.subject : '', placeholder: '如 quota:korla:2025-07 或 notice:N-1:korla' });
      const note = el('textarea', { id: 'rem-note', rows: '2', maxlength: '2000' });
      pending = null;
      const msg = el('div', { class: 'messages' });
      const b = el('button', { type: 'submit', class: 'primary' }, '登记');
      const form = el('form', { class: 'filters' }, field('单位', unit), field('方式', kind), field('催办事项', subject), field('说明', note), b);
      form.addEventListener('submit', ev => {
        ev.preventDefault();
        busy(b, msg, async () => {
          await api('POST', '/api/v1/reminders', { unit: unit.value, kind: kind.value, subject: subject.value.trim(), note: note.value.trim() || null });
          reportMonth = null;
          message(msg, '已登记' + REMINDER[kind.value] + '。', true);
          subject.value = ''; note.value = '';
        });
      });
      box.append(section('登记电话催办 / 发出催办通知', form, msg));
      box.append(await suggestionsBox(unit, subject));
    }
    if (list === null) {
      box.append(notInstalled('催办记录'));
      return box;
    }
    const rows = Array.isArray(list) ? list : (list.reminders || []);
    box.append(section('催办记录', dataTable([
      { key: 'at', label: '时间', render: x => fmtDateTime(x.at), csv: x => fmtDateTime(x.at) },
      { key: 'unit', label: '单位', value: x => unitName(x.unit) },
      { key: 'kind', label: '方式', value: x => REMINDER[x.kind] || x.kind },
      { key: 'subject', label: '事项' },
      { key: 'doc_no', label: '文号', render: x => {
        if (!x.document) return x.doc_no || '';
        const a = el('a', { href: x.document }, x.doc_no || '催办通知');
        a.addEventListener('click', ev => { ev.preventDefault(); downloadFile(x.document, '催办通知-' + x.id + '.docx', null, true).catch(e => message(out, e.message)); });
        return a;
      } },
      { key: 'caller', label: '催办人' },
      { key: 'callee', label: '接听人' },
      { key: 'note', label: '说明' }
    ], { rows, filename: '催办记录', empty: '暂无催办记录' })));
    return box;
  }

  async function suggestionsBox(unitSelect, subjectInput) {
    const r = await apiOptional('GET', '/api/v1/reminders/suggested');
    if (r === null) return el('div');
    const msg = el('div', { class: 'messages' });
    const run = el('button', { type: 'button', class: 'secondary', id: 'run-check' }, '立即检查');
    run.addEventListener('click', () => busy(run, msg, async () => {
      const found = await api('POST', '/api/v1/supervision/checks');
      const n = (found && (found.suggestions || (Array.isArray(found) ? found : []))).length || 0;
      reportMonth = null;
      show();
      message(out, '检查完成，新增 ' + n + ' 条催办建议。', true);
    }));
    const box = section('系统建议催办（每日检查）', el('div', { class: 'actions' }, run), msg, dataTable([
      { key: 'check_date', label: '检查日期', render: s => fmtDate(s.check_date), csv: s => fmtDate(s.check_date) },
      { key: 'unit', label: '单位', value: s => unitName(s.unit) },
      { key: 'subject', label: '事项' },
      { key: 'reason', label: '原因' },
      { key: 'due', label: '期限', render: s => fmtDateTime(s.due), csv: s => fmtDateTime(s.due) },
      { key: 'op', label: '操作', value: () => '', render: s => {
        const b = el('button', { type: 'button', class: 'small secondary' }, '据此登记');
        b.addEventListener('click', () => { unitSelect.value = s.unit; subjectInput.value = s.subject; subjectInput.focus(); });
        return b;
      } }
    ], { rows: r.suggestions || [], filename: '催办建议', empty: '暂无催办建议' }));
    return box;
  }

  async function trainingTab() {
    const r = await apiOptional('GET', '/api/v1/training');
    const box = el('div');
    if (hasAny('editor', 'reviewer', 'signer')) {
      const unit = select('unit', state.unitList.filter(u => !state.user.unit || u.id === state.user.unit).map(u => [u.id, u.name]), state.user.unit || '', { id: 'train-unit' });
      const form_ = select('form', Object.entries(TRAINING), 'meeting', { id: 'train-form' });
      const date = el('input', { type: 'date', id: 'train-date', value: today(), required: true });
      const title = el('input', { id: 'train-title', required: true, maxlength: '200' });
      const attendees = el('input', { id: 'train-attendees', required: true, placeholder: '以顿号或逗号分隔' });
      const note = el('input', { id: 'train-note', maxlength: '2000' });
      const msg = el('div', { class: 'messages' });
      const b = el('button', { type: 'submit', class: 'primary' }, '登记培训');
      const form = el('form', { class: 'filters' }, field('单位', unit), field('形式', form_), field('日期', date), field('主题', title),
        field('参训人员', attendees), field('备注', note), b);
      form.addEventListener('submit', ev => {
        ev.preventDefault();
        busy(b, msg, async () => {
          await api('POST', '/api/v1/training', { unit: unit.value, form: form_.value, date: date.value, title: title.value.trim(),
            attendees: attendees.value.split(/[、,，;；\s]+/).map(x => x.trim()).filter(Boolean), note: note.value.trim() || null });
          show();
        });
      });
      box.append(section('登记信息员培训（第十三条）', form, msg));
    }
    if (r === null) {
      box.append(notInstalled('培训记录'));
      return box;
    }
    box.append(section('培训记录', dataTable([
      { key: 'date', label: '日期', render: s => fmtDate(s.date), csv: s => fmtDate(s.date) },
      { key: 'unit', label: '单位', value: s => unitName(s.unit) },
      { key: 'form', label: '形式', value: s => TRAINING[s.form] || s.form },
      { key: 'title', label: '主题' },
      { key: 'attendee_count', label: '人数', num: true },
      { key: 'attendees', label: '参训人员', value: s => (s.attendees || []).join('、') },
      { key: 'note', label: '备注' }
    ], { rows: r.sessions || r.training || (Array.isArray(r) ? r : []), filename: '培训记录', empty: '暂无培训记录' })));
    return box;
  }

  async function circularsTab() {
    const list = await apiOptional('GET', '/api/v1/circulars');
    const box = el('div');
    if (has('editor')) {
      const title = el('input', { id: 'circ-title', required: true, maxlength: '200', value: monthLabel(month.value) + '信息报送情况通报' });
      const note = el('textarea', { id: 'circ-note', rows: '3', maxlength: '4000' });
      const msg = el('div', { class: 'messages' });
      const b = el('button', { type: 'submit', class: 'primary' }, '发出通报');
      const form = el('form', {}, field('标题', title), field('说明', note),
        el('p', { class: 'hint' }, '通报将点名经催办后仍逾期的单位。'), msg, b);
      form.addEventListener('submit', ev => {
        ev.preventDefault();
        busy(b, msg, async () => {
          if (!confirm('确定发出通报？')) return;
          await api('POST', '/api/v1/circulars', { title: title.value.trim(), note: note.value.trim() || null, units: [] });
          message(msg, '通报已发出。', true);
        });
      });
      box.append(section('发出通报', form));
    }
    if (list === null) {
      box.append(notInstalled('通报'));
      return box;
    }
    const rows = Array.isArray(list) ? list : (list.circulars || []);
    box.append(section('通报记录', dataTable([
      { key: 'issued_at', label: '时间', render: c => fmtDateTime(c.issued_at), csv: c => fmtDateTime(c.issued_at) },
      { key: 'doc_no', label: '文号' },
      { key: 'title', label: '标题' },
      { key: 'units', label: '点名单位', value: c => (c.units || []).map(u => u.name || unitName(u.unit)).join('、') }
    ], { rows, filename: '通报记录', empty: '暂无通报', expand: c => dataTable([
      { key: 'name', label: '单位', value: u => u.name || unitName(u.unit) },
      { key: 'subject', label: '逾期事项' },
      { key: 'history', label: '催办经过', value: u => (u.history || []).map(h => fmtDateTime(h.at) + ' ' + (REMINDER[h.kind] || h.kind) + (h.doc_no ? '（' + h.doc_no + '）' : '')).join('；') }
    ], { rows: c.units || [], filename: '通报点名-' + (c.doc_no || c.id), filter: false }) })));
    return box;
  }

  async function summaryTab() {
    const r = await apiOptional('GET', '/api/v1/summaries?month=' + encodeURIComponent(month.value));
    if (r === null) return notInstalled('月度汇总');
    const ad = (u, k) => (u.adopted || {})[k] || 0;
    return section(monthLabel(r.month || month.value) + '汇总（一月一汇总）', dataTable([
      { key: 'unit', label: '单位', value: u => u.name || unitName(u.unit) },
      { key: 'submitted', label: '报送', num: true },
      { key: 'accepted', label: '采用', num: true },
      { key: 'rejected', label: '未采用', num: true },
      ...Object.entries(LEVEL).map(([k, v]) => ({ key: k, label: v, num: true, value: u => ad(u, k) })),
      { key: 'shortfall', label: '任务缺口', num: true }
    ], { rows: r.units || [], filename: '月度汇总-' + month.value, sheetUrl: () => '/api/v1/summaries?month=' + encodeURIComponent(month.value) }));
  }

  show();
}


