// 宣传报送 (附件二 news / 附件三 online; Art. 19(2)/(3)): a unit's staff report their publications, editors any
// unit's; the quarter's list, and for editors the two forms as spreadsheets. A tab of 信息报送.
'use strict';

import {
  state, el, api, has, unitName, fmtDate, fmtDateTime, dataTable, field, select, message, busy, section,
  downloadFile, today, thisQuarter, XLSX, CHANNEL, MEDIA_LEVEL
} from './lib.js';

function quarterOf(date) {
  return date.substring(0, 4) + '-Q' + (Math.floor((Number(date.substring(5, 7)) - 1) / 3) + 1);
}

export async function publicityView(box) {
  const wide = !state.user.unit; // editors: every unit
  const outletRows = ((await api('GET', '/api/v1/outlets').catch(() => null)) || {}).outlets || [];

  // ---- the report form
  const channel = select('channel', Object.entries(CHANNEL), 'news', { id: 'pub-channel' });
  const outlet = el('input', { id: 'pub-outlet', required: true, maxlength: '200', list: 'pub-outlets', autocomplete: 'off' });
  const outletList = el('datalist', { id: 'pub-outlets' });
  const level = select('level', [['', '按宣传媒体表确定'], ...Object.entries(MEDIA_LEVEL)], '', { id: 'pub-level' });
  const title = el('input', { id: 'pub-title', required: true, maxlength: '500' });
  const manuscript = el('input', { id: 'pub-manuscript', maxlength: '500', placeholder: '稿件名称或作者（可不填）' });
  const published = el('input', { type: 'date', id: 'pub-published', required: true, value: today(), max: today() });
  const unit = wide ? select('unit', [['', '请选择单位'], ...state.unitList.map(u => [u.id, u.name])], '', { id: 'pub-unit', required: true }) : null;
  const drawOutlets = () => {
    outletList.replaceChildren(...outletRows.filter(o => o.channel === channel.value)
      .map(o => el('option', { value: o.name }, MEDIA_LEVEL[o.level] || o.level)));
  };
  channel.addEventListener('change', drawOutlets);
  drawOutlets();
  const out = el('div', { class: 'messages', id: 'pub-messages' });
  const b = el('button', { type: 'submit', class: 'primary', id: 'pub-save' }, '报送');
  const form = el('form', { class: 'filters', id: 'publicity-form' }, unit ? field('单位', unit) : null,
    field('媒体类型', channel), field('媒体名称', outlet), outletList, field('媒体级别', level),
    field('标题', title), field('稿件', manuscript), field('刊发日期', published), b);

  // ---- the quarter's list
  const quarter = el('input', { id: 'pub-quarter', required: true, value: thisQuarter(), pattern: '\\d{4}-Q[1-4]', title: '如 2025-Q3', size: '8' });
  const filterUnit = wide ? select('unit', [['', '全部单位'], ...state.unitList.map(u => [u.id, u.name])], '', { id: 'pub-filter-unit' }) : null;
  const listOut = el('div', { class: 'messages' });
  const table = dataTable([
    { key: 'unit', label: '单位', value: p => unitName(p.unit) },
    { key: 'channel', label: '媒体类型', value: p => CHANNEL[p.channel] || p.channel },
    { key: 'outlet', label: '媒体名称' },
    { key: 'level', label: '级别', value: p => MEDIA_LEVEL[p.level] || p.level || '' },
    { key: 'title', label: '标题' },
    { key: 'manuscript', label: '稿件' },
    { key: 'published', label: '刊发日期', render: p => fmtDate(p.published), csv: p => fmtDate(p.published) },
    { key: 'reported_at', label: '报送时间', render: p => fmtDateTime(p.reported_at), csv: p => fmtDateTime(p.reported_at) }
  ], { rows: [], filename: '宣传报送', empty: '本季度尚无宣传报送', rowAttrs: p => ({ 'data-id': p.id }) });
  const params = () => {
    const p = new URLSearchParams({ quarter: quarter.value.trim() });
    if (filterUnit && filterUnit.value) p.set('unit', filterUnit.value);
    return p;
  };
  const load = () => busy(null, listOut, async () => {
    const r = await api('GET', '/api/v1/publicity?' + params());
    table.setRows(r.publicity || []);
  });
  const go = el('button', { type: 'submit', id: 'pub-go' }, '查询');
  const listForm = el('form', { class: 'filters', id: 'publicity-filter' }, field('季度', quarter), filterUnit ? field('单位', filterUnit) : null, go);
  listForm.addEventListener('submit', ev => { ev.preventDefault(); if (listForm.reportValidity()) load(); });
  if (has('editor')) {
    for (const [ch, label] of [['news', '下载附件二（新闻媒体）'], ['online', '下载附件三（网络媒体）']]) {
      const d = el('button', { type: 'button', class: 'secondary', 'data-form': ch }, label);
      d.addEventListener('click', () => busy(d, listOut, () => {
        if (!listForm.reportValidity()) return undefined;
        const p = params(); p.set('channel', ch);
        return downloadFile('/api/v1/publicity?' + p, (ch === 'news' ? '附件二' : '附件三') + '-' + quarter.value.trim() + '.xlsx', XLSX, true);
      }));
      listForm.append(d);
    }
  }

  form.addEventListener('submit', ev => {
    ev.preventDefault();
    busy(b, out, async () => {
      const body = { channel: channel.value, outlet: outlet.value.trim(), title: title.value.trim(), published: published.value };
      if (level.value) body.level = level.value;
      if (manuscript.value.trim()) body.manuscript = manuscript.value.trim();
      if (unit) body.unit = unit.value;
      await api('POST', '/api/v1/publicity', body);
      message(out, '已报送：' + body.title + '（' + fmtDate(body.published) + '，' + body.outlet + '）。', true);
      title.value = ''; manuscript.value = '';
      quarter.value = quarterOf(body.published);
      if (filterUnit && unit) filterUnit.value = '';
      await load();
    });
  });

  box.append(
    section('报送宣传报道', el('p', { class: 'hint' }, '在新闻媒体（附件二）或网络媒体（附件三）刊发的乡村振兴宣传报道，刊发后及时报送；'
      + '媒体级别按宣传媒体表确定，表中没有的媒体请选择级别。'), form, out),
    section('本季度宣传报送', listForm, listOut, table));
  load();
}
