// 积分排名: quarter and year rankings per unit kind, every score opened into its explained lines, a bar chart
// per kind, what-if comparison under another installed policy, and frozen snapshots.
'use strict';

import {
  el, svg, api, has, fmtNum, fmtSigned, fmtDate, fmtDateTime, dataTable, field, select, message, busy, section,
  downloadSheet, downloadCsv, today, thisQuarter, KIND, ApiError
} from './lib.js';

const QUARTERS = [['', '全年'], ['Q1', '第一季度'], ['Q2', '第二季度'], ['Q3', '第三季度'], ['Q4', '第四季度']];

const REASONS = [
  [/adopted by prefecture briefing/g, '巴州乡村振兴简报录用'],
  [/adopted by regional publication/g, '自治区乡村振兴局信息刊物录用'],
  [/instructed on by a regional leader/g, '自治区领导批示'],
  [/qualifying research submitted/g, '报送合格调研信息'],
  [/commissioned item delivered by the deadline of/g, '约稿按期报送，通知'],
  [/commissioned item/g, '约稿信息'],
  [/no accepted item by the deadline/g, '截止时间前未报送约稿'],
  [/reported late/g, '逾期报送'],
  [/emergency reported later than/g, '突发事件报送超过'],
  [/meeting item reported after/g, '会议/决策信息报送晚于'],
  [/(\d+) of (\d+) monthly items/g, '月度任务完成 $1/$2 条'],
  [/outlet level unknown/g, '媒体级别未知']
];

export function reasonText(r) {
  let s = r || '';
  for (const [re, zh] of REASONS) s = s.replace(re, zh);
  return s;
}

function periodLabel(p) {
  const m = /^(\d{4})(?:-Q(\d))?$/.exec(p || '');
  if (!m) return p;
  return m[1] + '年' + (m[2] ? '第' + '一二三四'[m[2] - 1] + '季度' : '全年');
}

export async function rankingsPage(page) {
  page.append(el('div', { class: 'page-head' }, el('h2', {}, '积分排名')));
  const q = thisQuarter();
  const year = el('input', { type: 'number', id: 'rank-year', min: '2000', max: '2100', value: q.substring(0, 4), required: true });
  const quarter = select('quarter', QUARTERS, q.substring(5), { id: 'rank-quarter' });
  const policies = await api('GET', '/api/v1/policies').then(r => r.policies || []).catch(() => []);
  const active = policies.find(p => p.active);
  const compare = select('policy', [['', '不比较'], ...policies.filter(p => !p.active)
    .map(p => [p.id, p.id + ' ' + p.version + '（' + fmtDate(p.effective_from) + '起）'])], '', { id: 'rank-compare' });
  const go = el('button', { type: 'submit', id: 'rank-go' }, '查询');
  const form = el('form', { class: 'filters card', id: 'ranking-form' },
    field('年度', year), field('期间', quarter), field('对比计分办法（测算）', compare), go);
  const out = el('div', { class: 'messages', id: 'ranking-error' });
  const result = el('div', { id: 'ranking' });
  page.append(form, out, result);
  if (policies.length) {
    page.insertBefore(el('p', { class: 'hint' }, '已安装的计分办法：' + policies.map(p => p.id + ' ' + p.version
      + (p.active ? '（现行）' : '') + '，' + fmtDate(p.effective_from) + '起').join('；')), form);
  }
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    const period = year.value + (quarter.value ? '-' + quarter.value : '');
    busy(go, out, () => show(result, period, compare.value, active));
  });
  form.requestSubmit();
}

async function show(result, period, other, active) {
  result.replaceChildren(el('p', { class: 'muted' }, '正在计算…'));
  const [cur, alt] = await Promise.all([
    api('GET', '/api/v1/rankings?period=' + encodeURIComponent(period)),
    other ? api('GET', '/api/v1/rankings?period=' + encodeURIComponent(period) + '&policy=' + encodeURIComponent(other)) : null
  ]);
  result.replaceChildren();
  const head = el('div', { class: 'card ranking-head' },
    el('p', {}, el('strong', {}, periodLabel(cur.period)), ' · 计分办法 ' + cur.policy.id + ' ' + cur.policy.version
      + (alt ? ' ，对比测算 ' + alt.policy.id + ' ' + alt.policy.version : '') + ' · 计算于 ' + fmtDateTime(new Date().toISOString())),
    el('p', { class: 'hint' }, '点击单位所在行，展开其得分明细（条款、依据、说明）。未结束期间的任务缺口在期末后才扣分。'));
  const dl = el('button', { type: 'button', class: 'secondary', id: 'rank-download' }, '下载全部排名表');
  dl.addEventListener('click', () => downloadSheet('/api/v1/rankings?period=' + encodeURIComponent(period), '积分排名-' + period,
    () => downloadCsv('积分排名-' + period + '.csv', ['类别', '名次', '单位代码', '单位', '总分', '信息积分', '新闻宣传', '网络宣传', '减分'],
      Object.entries(cur.kinds).flatMap(([k, rows]) => rows.map(r => [KIND[k] || k, r.rank, r.unit, r.name, r.score,
        r.information, r.news, r.online, r.deductions])))));
  head.append(dl);
  result.append(head);
  result.append(await snapshotBox(period, cur));
  if (cur.evaluation) result.append(evaluation(cur));
  for (const [kind, rows] of Object.entries(cur.kinds)) {
    const altRows = alt ? (alt.kinds[kind] || []) : null;
    result.append(kindBlock(kind, rows, altRows, period, cur, alt));
  }
}

function evaluation(r) {
  const box = section('年度评价（表彰与通报）');
  const names = new Map();
  for (const rows of Object.values(r.kinds)) for (const row of rows) names.set(row.unit, row.name);
  const list = el('dl', { class: 'meta' });
  for (const k of Object.keys(KIND)) {
    const c = (r.evaluation.commended || {})[k] || [];
    const n = (r.evaluation.named || {})[k] || [];
    list.append(el('div', { class: 'term' }, el('dt', {}, KIND[k] + ' · 表彰'), el('dd', { class: 'ok' }, c.map(u => names.get(u) || u).join('、') || '无')));
    list.append(el('div', { class: 'term' }, el('dt', {}, KIND[k] + ' · 通报'), el('dd', { class: 'late' }, n.map(u => names.get(u) || u).join('、') || '无')));
  }
  box.append(list);
  return box;
}

function linesTable(lines) {
  if (!lines || !lines.length) return el('p', { class: 'muted' }, '本期无得分或扣分记录。');
  const t = el('table', { class: 'lines' }, el('thead', {}, el('tr', {}, el('th', { class: 'num' }, '分值'),
    el('th', {}, '条款'), el('th', {}, '依据'), el('th', {}, '说明'))));
  const b = el('tbody');
  for (const l of lines) {
    const m = /^item:(.+)$/.exec(l.ref || '');
    const ref = m ? el('a', { href: '#items/' + encodeURIComponent(m[1]), class: 'ref' }, l.ref) : el('span', { class: 'ref' }, l.ref);
    b.append(el('tr', { class: 'line', 'data-rule': l.rule, 'data-ref': l.ref },
      el('td', { class: 'num ' + (l.points < 0 ? 'late' : 'ok') }, fmtSigned(l.points)),
      el('td', { class: 'rule' }, l.rule), el('td', {}, ref), el('td', { title: l.reason }, reasonText(l.reason))));
  }
  t.append(b);
  return t;
}

function kindBlock(kind, rows, altRows, period, cur, alt) {
  const box = el('section', { class: 'card kind', 'data-kind': kind }, el('h3', {}, KIND[kind] || kind));
  const altBy = new Map((altRows || []).map(r => [r.unit, r]));
  box.append(chart(rows, altRows ? altBy : null, alt ? alt.policy.id : null, cur.policy.id));
  const columns = [
    { key: 'rank', label: '名次', num: true },
    { key: 'name', label: '单位' },
    { key: 'score', label: '总分', num: true },
    { key: 'information', label: '信息积分', num: true },
    { key: 'news', label: '新闻宣传', num: true },
    { key: 'online', label: '网络宣传', num: true },
    { key: 'deductions', label: '减分', num: true }
  ];
  if (altRows) {
    const a = r => altBy.get(r.unit) || {};
    columns.push(
      { key: 'alt_rank', label: '测算名次', num: true, value: r => a(r).rank },
      { key: 'alt_score', label: '测算总分', num: true, value: r => a(r).score },
      { key: 'd_score', label: '分数变化', num: true, value: r => a(r).score === undefined ? null : a(r).score - r.score,
        render: r => change(a(r).score === undefined ? null : a(r).score - r.score, false) },
      { key: 'd_rank', label: '名次变化', num: true, value: r => a(r).rank === undefined ? null : r.rank - a(r).rank,
        render: r => change(a(r).rank === undefined ? null : r.rank - a(r).rank, true) });
  }
  box.append(dataTable(columns, {
    rows, pageSize: 20, filename: '积分排名-' + (KIND[kind] || kind) + '-' + period,
    sheetUrl: '/api/v1/rankings?period=' + encodeURIComponent(period),
    rowAttrs: r => ({ 'data-unit': r.unit }),
    expand: r => {
      if (!altRows) return linesTable(r.lines);
      return el('div', { class: 'split compare' },
        el('div', {}, el('h4', {}, '现行 ' + cur.policy.id), linesTable(r.lines)),
        el('div', {}, el('h4', {}, '测算 ' + alt.policy.id), linesTable((altBy.get(r.unit) || {}).lines)));
    }
  }));
  return box;
}

function change(d, rank) {
  if (d === null || d === undefined) return '';
  const s = el('span', { class: d > 0 ? 'up' : d < 0 ? 'down' : 'same' }, d === 0 ? '—' : (d > 0 ? '↑' : '↓') + fmtNum(Math.abs(d)));
  s.title = rank ? (d > 0 ? '名次上升' : d < 0 ? '名次下降' : '不变') : (d > 0 ? '增加' : d < 0 ? '减少' : '不变');
  return s;
}

/** A horizontal bar chart of the scores (negative to the left of zero), drawn with SVG DOM calls. */
function chart(rows, altBy, altId, curId) {
  const shown = rows.slice(0, 40);
  if (!rows.length) return el('p', { class: 'muted' }, '本类别暂无单位。');
  const barH = altBy ? 22 : 16, gap = 8, right = 60, width = 900;
  const values = shown.flatMap(r => altBy && altBy.get(r.unit) ? [r.score, altBy.get(r.unit).score] : [r.score]);
  const max = Math.max(1, ...values), min = Math.min(0, ...values);
  const left = min < 0 ? 220 : 170;
  const span = max - min || 1;
  const plot = width - left - right;
  const x = v => left + (v - min) / span * plot;
  const height = shown.length * (barH + gap) + 30;
  const g = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, class: 'chart', role: 'img', 'aria-label': '得分柱状图' });
  g.append(svg('line', { x1: x(0), x2: x(0), y1: 0, y2: height - 24, class: 'axis' }));
  shown.forEach((r, i) => {
    const y = i * (barH + gap) + 4;
    g.append(svg('text', { x: (min < 0 ? left - 48 : left - 8), y: y + barH * 0.72, class: 'label', 'text-anchor': 'end', text: r.name.length > 12 ? r.name.substring(0, 12) + '…' : r.name }));
    const h = altBy ? barH / 2 : barH;
    const bar = (v, yy, cls) => {
      const x0 = Math.min(x(0), x(v)), w = Math.max(1, Math.abs(x(v) - x(0)));
      const rect = svg('rect', { x: x0, y: yy, width: w, height: h - 1, class: cls + (v < 0 ? ' neg' : '') });
      rect.append(svg('title', { text: r.name + '：' + fmtNum(v) + ' 分' }));
      g.append(rect);
      g.append(svg('text', { x: v < 0 ? x0 - 4 : x0 + w + 4, y: yy + h * 0.8, class: 'value', 'text-anchor': v < 0 ? 'end' : 'start', text: fmtNum(v) }));
    };
    bar(r.score, y, 'bar');
    if (altBy && altBy.get(r.unit)) bar(altBy.get(r.unit).score, y + h, 'bar alt');
  });
  const ly = height - 8;
  g.append(svg('rect', { x: left, y: ly - 9, width: 12, height: 10, class: 'bar' }));
  g.append(svg('text', { x: left + 16, y: ly, class: 'label', text: '现行' + (curId ? ' ' + curId : '') }));
  if (altBy) {
    g.append(svg('rect', { x: left + 120, y: ly - 9, width: 12, height: 10, class: 'bar alt' }));
    g.append(svg('text', { x: left + 136, y: ly, class: 'label', text: '测算 ' + altId }));
  }
  const wrap = el('div', { class: 'chart-wrap' }, g);
  if (rows.length > shown.length) wrap.append(el('p', { class: 'hint' }, '图中显示前 ' + shown.length + ' 名，完整名单见下表。'));
  return wrap;
}

// ---- frozen snapshots ----------------------------------------------------------------------------------

async function findSnapshot(period) {
  try {
    return { snapshot: await api('GET', '/api/v1/rankings/snapshots/' + encodeURIComponent(period)) };
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      // the fallback servlet answers "no such resource" while the snapshot API is not installed
      return /no such resource/.test((e.problem || {}).detail || '') ? null : { snapshot: null };
    }
    throw e;
  }
}

async function snapshotBox(period, cur) {
  const box = el('section', { class: 'card snapshot', id: 'snapshot' }, el('h3', {}, '冻结排名'));
  if (!/-Q\d$/.test(period)) {
    box.append(el('p', { class: 'muted' }, '季度排名发布后可冻结（一季度一排名）；年度积分为四个季度之和。'));
    return box;
  }
  let found;
  try {
    found = await findSnapshot(period);
  } catch (e) {
    box.append(el('p', { class: 'error' }, e.message));
    return box;
  }
  if (found === null) {
    box.append(el('p', { class: 'notice' }, '冻结排名的服务接口尚未安装（服务器答复 404）；当前显示的是实时计算的排名。'));
    return box;
  }
  const out = el('div', { class: 'messages' });
  const s = found.snapshot;
  if (!s) {
    box.append(el('p', { class: 'muted' }, periodLabel(period) + '的排名尚未冻结，显示的是实时计算结果。'));
    if (has('editor')) {
      const b = el('button', { type: 'button', id: 'freeze' }, '冻结本期排名');
      b.addEventListener('click', () => busy(b, out, async () => {
        if (!confirm('冻结后本期排名不再随数据更正而改变，更正将显示为调整。确定冻结？')) return;
        await api('POST', '/api/v1/rankings/snapshots?period=' + encodeURIComponent(period));
        const fresh = await snapshotBox(period, cur);
        box.replaceWith(fresh);
      }));
      box.append(b);
    }
    box.append(out);
    return box;
  }
  box.append(el('p', { class: 'strong', id: 'snapshot-frozen' }, '已于 ' + fmtDateTime(s.frozen_at) + ' 由 ' + (s.frozen_by || '') + ' 冻结（计分办法 '
    + ((s.policy && s.policy.id) || '') + ' ' + ((s.policy && s.policy.version) || '') + '）。已发布的排名以冻结为准。'));
  if (s.report && s.report.kinds) {
    const frozen = el('details', {}, el('summary', {}, '查看冻结时的排名'));
    for (const [kind, rows] of Object.entries(s.report.kinds)) {
      frozen.append(el('h4', {}, KIND[kind] || kind), dataTable([
        { key: 'rank', label: '名次', num: true }, { key: 'name', label: '单位' }, { key: 'score', label: '总分', num: true },
        { key: 'information', label: '信息积分', num: true }, { key: 'news', label: '新闻宣传', num: true },
        { key: 'online', label: '网络宣传', num: true }, { key: 'deductions', label: '减分', num: true }
      ], { rows, filename: '冻结排名-' + (KIND[kind] || kind) + '-' + period, expand: r => linesTable(r.lines) }));
    }
    box.append(frozen);
  }
  const adj = s.adjustments || [];
  if (!adj.length) {
    box.append(el('p', { class: 'ok' }, '冻结后无数据更正，冻结排名与实时排名一致。'));
  } else {
    const names = new Map();
    for (const rows of Object.values(cur.kinds)) for (const r of rows) names.set(r.unit, r.name);
    box.append(el('p', {}, '冻结后的更正（实时 − 冻结），不改变已发布的排名：'), dataTable([
      { key: 'unit', label: '单位', value: a => names.get(a.unit) || a.unit },
      { key: 'kind', label: '类别', value: a => KIND[a.kind] || a.kind },
      { key: 'frozen_rank', label: '冻结名次', num: true },
      { key: 'current_rank', label: '实时名次', num: true },
      { key: 'frozen_score', label: '冻结总分', num: true },
      { key: 'current_score', label: '实时总分', num: true },
      { key: 'score', label: '调整', num: true, render: a => fmtSigned(a.score) }
    ], { rows: adj, filename: '排名调整-' + period }));
  }
  return box;
}


