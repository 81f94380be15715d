// 归档 (Art. 12, 16): year volumes of everything forwarded to the region, the paper registry, the archive package
// download and its verification.
'use strict';

import {
  el, api, apiOptional, has, unitName, fmtDate, fmtDateTime, fmtNum, dataTable, field, message, busy, section,
  notInstalled, downloadFile, today, TYPE, LEVEL, ApiError
} from './lib.js';

const REASON = { forwarded: '报送自治区', region_publication: '自治区刊物录用', region_instruction: '自治区领导批示' };

export async function archivePage(page, rest) {
  page.append(el('div', { class: 'page-head' }, el('h2', {}, '归档')));
  const r = await apiOptional('GET', '/api/v1/archive/volumes');
  page.append(verifyBox());
  if (r === null) {
    page.insertBefore(notInstalled('年度卷宗'), page.lastChild);
    return;
  }
  const volumes = Array.isArray(r) ? r : (r.volumes || []);
  const year = rest[0] || String(volumes.length ? volumes[0].year : today().substring(0, 4));
  const list = section('年度卷宗', dataTable([
    { key: 'year', label: '年度', render: v => el('a', { href: '#archive/' + v.year }, v.year + '年') },
    { key: 'closed', label: '状态', value: v => v.closed ? '已立卷' : '未立卷' },
    { key: 'closed_at', label: '立卷时间', render: v => fmtDateTime(v.closed_at), csv: v => fmtDateTime(v.closed_at) },
    { key: 'items', label: '信息数', num: true, value: v => Array.isArray(v.items) ? v.items.length : v.items },
    { key: 'paper', label: '纸质件', num: true }
  ], { rows: volumes, filename: '年度卷宗', empty: '尚无可归档的信息' }));
  page.insertBefore(list, page.lastChild);
  page.insertBefore(await volumeBox(year), page.lastChild);
}

async function volumeBox(year) {
  const box = el('div', { id: 'volume' });
  let v;
  try {
    v = await api('GET', '/api/v1/archive/volumes/' + encodeURIComponent(year));
  } catch (e) {
    box.append(section(year + '年卷', el('p', { class: e.status === 404 ? 'muted' : 'error' }, e.status === 404 ? year + '年尚无卷宗。' : e.message)));
    return box;
  }
  const out = el('div', { class: 'messages' });
  const head = section(year + '年卷' + (v.closed ? '（已立卷）' : '（未立卷）'), out,
    el('p', {}, v.closed ? '立卷：' + (v.closed_by || '') + ' ' + fmtDateTime(v.closed_at) + '；封存校验值（SHA-256）' + (v.sealed_sha256 || v.sealed || '') : '本年度报送自治区或获自治区录用的信息，立卷后冻结、只可加注。'));
  const actions = el('div', { class: 'actions' });
  if (!v.closed && has('editor')) {
    const b = el('button', { type: 'button', class: 'primary', id: 'close-volume' }, '立卷（关闭' + year + '年卷）');
    b.addEventListener('click', () => busy(b, out, async () => {
      if (!confirm('立卷后本卷冻结，不可再增删。确定立卷？')) return;
      await api('POST', '/api/v1/archive/volumes?year=' + encodeURIComponent(year));
      box.replaceWith(await volumeBox(year));
    }));
    actions.append(b);
  }
  const dl = el('button', { type: 'button', id: 'download-package' }, '下载归档包（光盘报送）');
  dl.addEventListener('click', () => busy(dl, out, () => downloadFile('/api/v1/archive/packages/' + encodeURIComponent(year), 'ruralinfo-archive-' + year + '.zip', 'application/zip')));
  actions.append(dl);
  head.append(actions);
  if ((v.pending || []).length) head.append(el('p', { class: 'soon' }, '立卷后新报送或录用、未入卷的信息（请加注）：' + v.pending.join('、')));
  box.append(head);
  box.append(section('卷内信息', dataTable([
    { key: 'id', label: '编号', render: i => el('a', { href: '#items/' + encodeURIComponent(i.id) }, i.id) },
    { key: 'title', label: '标题' },
    { key: 'unit', label: '单位', value: i => unitName(i.unit) },
    { key: 'type', label: '类别', value: i => TYPE[i.type] || i.type },
    { key: 'submitted_at', label: '报送时间', render: i => fmtDate(i.submitted_at), csv: i => fmtDateTime(i.submitted_at) },
    { key: 'reasons', label: '入卷原因', value: i => (i.reasons || []).map(x => REASON[x] || x).join('、') },
    { key: 'adoptions', label: '录用', value: i => (i.adoptions || []).map(x => LEVEL[x] || x).join('、') },
    { key: 'attachments', label: '附件数', num: true }
  ], { rows: v.items || [], filename: year + '年卷内目录', empty: '卷内暂无信息' })));
  box.append(await paperBox(year, v));
  if (v.closed) box.append(await annotationsBox(year));
  return box;
}

async function annotationsBox(year) {
  const r = await apiOptional('GET', '/api/v1/archive/volumes/' + encodeURIComponent(year) + '/annotations');
  if (r === null) return section('加注', notInstalled('卷宗加注'));
  const box = section('加注（已立卷的卷宗只可加注）', dataTable([
    { key: 'at', label: '时间', render: a => fmtDateTime(a.at), csv: a => fmtDateTime(a.at) },
    { key: 'author', label: '加注人' }, { key: 'item', label: '信息', value: a => a.item || '（整卷）' }, { key: 'note', label: '内容' }
  ], { rows: r.annotations || [], filename: year + '年卷加注', empty: '尚无加注' }));
  if (has('editor')) {
    const item = el('input', { maxlength: '100', placeholder: '信息编号（空为整卷）' });
    const note = el('input', { maxlength: '2000', required: true });
    const out = el('div', { class: 'messages' });
    const b = el('button', { type: 'submit' }, '加注');
    const form = el('form', { class: 'filters' }, field('信息', item), field('内容', note), b);
    form.addEventListener('submit', ev => {
      ev.preventDefault();
      busy(b, out, async () => {
        await api('POST', '/api/v1/archive/volumes/' + encodeURIComponent(year) + '/annotations', { item: item.value.trim() || null, note: note.value.trim() });
        box.replaceWith(await annotationsBox(year));
      });
    });
    box.append(form, out);
  }
  return box;
}

async function paperBox(year, v) {
  const r = await apiOptional('GET', '/api/v1/archive/volumes/' + encodeURIComponent(year) + '/paper');
  if (r === null) return section('纸质归档登记', notInstalled('纸质归档登记'));
  const rows = Array.isArray(r) ? r : (r.paper || r.copies || []);
  const box = section('纸质归档登记', dataTable([
    { key: 'item', label: '信息', value: p => p.item || '（整卷）' },
    { key: 'box', label: '盒号' }, { key: 'volume', label: '卷号' }, { key: 'piece', label: '件号' },
    { key: 'shelf', label: '架位' }, { key: 'filed_by', label: '立卷人' },
    { key: 'filed_on', label: '归档日期', render: p => fmtDate(p.filed_on), csv: p => fmtDate(p.filed_on) },
    { key: 'note', label: '备注' }
  ], { rows, filename: year + '年纸质归档登记', empty: '尚无纸质件登记' }));
  if (has('editor') && !v.closed) {
    const f = {};
    for (const k of ['item', 'box', 'volume', 'piece', 'shelf', 'filed_by', 'note']) f[k] = el('input', { name: k, maxlength: '200' });
    f.filed_on = el('input', { type: 'date', name: 'filed_on', value: today() });
    const out = el('div', { class: 'messages' });
    const b = el('button', { type: 'submit' }, '登记纸质件');
    const form = el('form', { class: 'filters' }, field('信息编号（空为整卷）', f.item), field('盒号', f.box), field('卷号', f.volume),
      field('件号', f.piece), field('架位', f.shelf), field('立卷人', f.filed_by), field('归档日期', f.filed_on), field('备注', f.note), b);
    form.addEventListener('submit', ev => {
      ev.preventDefault();
      busy(b, out, async () => {
        const body = {};
        for (const [k, i] of Object.entries(f)) if (i.value.trim()) body[k] = i.value.trim();
        await api('POST', '/api/v1/archive/volumes/' + encodeURIComponent(year) + '/paper', body);
        box.replaceWith(await paperBox(year, v));
      });
    });
    box.append(form, out);
  }
  return box;
}

function verifyBox() {
  const file = el('input', { type: 'file', accept: '.zip,application/zip', id: 'verify-file' });
  const b = el('button', { type: 'submit', id: 'verify-go' }, '校验');
  const out = el('div', { class: 'messages', id: 'verify-result' });
  const form = el('form', { class: 'filters' }, field('归档包（ZIP）', file), b);
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    busy(b, out, async () => {
      if (!file.files.length) throw new Error('请选择要校验的归档包。');
      let r;
      try {
        r = await api('POST', '/api/v1/archive/verify', new Blob([file.files[0]], { type: 'application/zip' }));
      } catch (e) {
        if (e instanceof ApiError && e.status === 404) throw new Error('归档包校验的服务接口尚未安装（服务器答复 404）。');
        throw e;
      }
      out.replaceChildren(el('p', { class: r.intact ? 'success' : 'error', role: 'status' },
        r.intact ? '归档包完整：全部 ' + fmtNum(r.files || 0) + ' 个文件与清单一致' + (r.signer ? '，签名密钥 ' + r.signer.substring(0, 16) + '…' : '') + '。'
          : '归档包不完整或被改动，共 ' + (r.problems || []).length + ' 处问题：'));
      if (!r.intact) {
        out.append(dataTable([{ key: 'path', label: '文件' }, { key: 'message', label: '问题' }],
          { rows: r.problems || [], filename: '归档包校验问题' }));
      }
    });
  });
  return section('归档包校验', el('p', { class: 'hint' }, '接收方校验光盘上的归档包：每个文件与清单、清单与签名是否一致。校验不写入任何数据。'), form, out);
}
