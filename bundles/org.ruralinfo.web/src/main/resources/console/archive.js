// 归档 (Art. 12, 16): year volumes of everything forwarded to the region, the paper registry, the archive package
// download and its verification.
'use strict';

import {
  el, api, apiOptional, has, unitName, fmtDate, fmtDateTime, fmtNum, dataTable, field, message, busy, section,
  notInstalled, downloadFile, today, TYPE, LEVEL, ApiError, state, select
} from './lib.js';

const REASON = { forwarded: '报送自治区', region_publication: '自治区刊物录用', region_instruction: '自治区领导批示' };

export async function archivePage(page, rest) {
  page.append(el('div', { class: 'page-head' }, el('h2', {}, '归档')));
  const r = await apiOptional('GET', '/api/v1/archive/volumes');
  page.append(el('div', { class: 'tail' }, verifyBox(), exchangeBox(), await keysBox()));
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

const COUNT = {
  calendar: '工作日历', units: '单位', groups: '专项组', outlets: '宣传媒体', notices: '约稿通知', items: '信息',
  adoptions: '录用记录', publicity: '宣传报送'
};

/** Offline exchange (Art. 16, the CD path): a unit's signed package out, another installation's package in. */
function exchangeBox() {
  const unit = select('unit', [['', '请选择单位'], ...state.unitList.map(u => [u.id, u.name])], '', { id: 'xp-unit', required: true });
  const year = today().substring(0, 4);
  const from = el('input', { type: 'date', id: 'xp-from', required: true, value: year + '-01-01' });
  const to = el('input', { type: 'date', id: 'xp-to', required: true, value: today() });
  const dl = el('button', { type: 'submit', id: 'xp-download' }, '下载交换包');
  const outDl = el('div', { class: 'messages' });
  const exp = el('form', { class: 'filters', id: 'exchange-export' }, field('单位', unit), field('报送起', from), field('报送止', to), dl);
  exp.addEventListener('submit', ev => {
    ev.preventDefault();
    busy(dl, outDl, () => {
      if (to.value < from.value) throw new Error('截止日期早于起始日期。');
      const p = new URLSearchParams({ unit: unit.value, from: from.value, to: to.value });
      return downloadFile('/api/v1/archive/exchange-packages?' + p, 'ruralinfo-exchange-' + unit.value + '.zip', 'application/zip');
    });
  });

  const file = el('input', { type: 'file', accept: '.zip,application/zip', id: 'xp-file' });
  const imp = el('button', { type: 'submit', id: 'xp-import' }, '导入');
  const outImp = el('div', { class: 'messages', id: 'xp-result' });
  const form = el('form', { class: 'filters', id: 'exchange-import' }, field('交换包（ZIP）', file), imp);
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    busy(imp, outImp, async () => {
      if (!file.files.length) throw new Error('请选择要导入的交换包。');
      const r = await api('POST', '/api/v1/archive/exchange-packages', new Blob([file.files[0]], { type: 'application/zip' }),
        { 'Content-Type': 'application/zip' });
      const signer = r.signer ? '签名密钥 ' + String(r.signer).substring(0, 16) + '…' : '';
      if (r.already_imported) {
        message(outImp, '该交换包此前已导入，本次未作任何更改' + (signer ? '（' + signer + '）' : '') + '。', true);
        return;
      }
      const counts = Object.entries(r.imported || {}).filter(([, n]) => n);
      message(outImp, '交换包校验通过并已导入' + (signer ? '（' + signer + '）' : '') + '：'
        + (counts.length ? '' : '没有新的记录。') + (r.attachments ? '附件 ' + fmtNum(r.attachments) + ' 个。' : ''), true);
      if (counts.length) {
        outImp.append(el('ul', { class: 'counts' }, ...counts.map(([k, n]) => el('li', { 'data-count': k }, (COUNT[k] || k) + '：' + fmtNum(n) + ' 条'))));
      }
    });
  });
  return section('离线交换包',
    el('p', { class: 'hint' }, '无网络连接的单位之间以光盘交换：导出某单位在期间内经筛选的信息（含录用与附件，已签名）；'
      + '导入前先校验完整性和签名（须为受信任的公钥），全部导入或全不导入，重复导入不会重复记录。'),
    el('h4', {}, '导出'), exp, outDl, el('h4', {}, '导入'), form, outImp);
}

const SOURCE = { own: '本机', config: '配置文件', configured: '配置文件', registered: '管理员登记', admin: '管理员登记' };

/** This installation's signing key (to hand to the receivers) and the keys whose packages it accepts. */
async function keysBox() {
  const box = el('div', { id: 'keys' });
  const out = el('div', { class: 'messages' });
  const pem = el('pre', { class: 'pem', id: 'own-key' }, '正在加载…');
  const fp = el('p', { class: 'hint', id: 'own-key-fp' });
  try {
    const resp = await fetch('/api/v1/archive/key', { headers: { 'Accept': 'application/x-pem-file' }, credentials: 'same-origin' });
    if (!resp.ok) throw new ApiError(resp.status, null);
    pem.textContent = await resp.text();
    const f = resp.headers.get('X-Key-Fingerprint');
    fp.textContent = f ? '公钥指纹（SHA-256）：' + f : '';
  } catch (e) {
    pem.textContent = '';
    message(out, e.message || String(e));
  }
  const dl = el('button', { type: 'button', class: 'secondary', id: 'own-key-download' }, '下载本机公钥（PEM）');
  dl.addEventListener('click', () => busy(dl, out, () => downloadFile('/api/v1/archive/key', 'ruralinfo-archive-key.pem', 'application/x-pem-file')));
  box.append(section('本机签名公钥', el('p', { class: 'hint' }, '本机导出的归档包和交换包用此密钥签名；请将公钥交给接收方登记为受信任公钥。'),
    fp, pem, el('div', { class: 'actions' }, dl), out));

  let keys = [];
  const keysOut = el('div', { class: 'messages' });
  try {
    keys = (await api('GET', '/api/v1/archive/trusted-keys')).keys || [];
  } catch (e) {
    message(keysOut, e.message);
  }
  const table = dataTable([
    { key: 'label', label: '名称', value: k => k.label || '' },
    { key: 'fingerprint', label: '指纹（SHA-256）', render: k => el('span', { class: 'fp' }, k.fingerprint) },
    { key: 'source', label: '来源', value: k => SOURCE[k.source] || k.source || '' },
    { key: 'added_by', label: '登记人', value: k => k.added_by || '' },
    { key: 'added_at', label: '登记时间', render: k => fmtDateTime(k.added_at), csv: k => fmtDateTime(k.added_at) }
  ], { rows: keys, filename: '受信任公钥', empty: '尚无受信任公钥', expand: k => el('pre', { class: 'pem' }, k.public_key || '') });
  const keyBox = section('受信任的公钥', el('p', { class: 'hint' }, '只接受由下列公钥签名的交换包。点击一行查看公钥全文。'), keysOut, table);
  if (has('admin')) {
    const label = el('input', { id: 'key-label', maxlength: '200', placeholder: '如：和静县乡村振兴局' });
    const text = el('textarea', { id: 'key-pem', rows: '5', required: true, placeholder: '-----BEGIN PUBLIC KEY-----\n…\n-----END PUBLIC KEY-----' });
    const file = el('input', { type: 'file', accept: '.pem,.txt,application/x-pem-file', id: 'key-file' });
    file.addEventListener('change', async () => { if (file.files.length) text.value = await file.files[0].text(); });
    const b = el('button', { type: 'submit', class: 'primary', id: 'key-save' }, '登记为受信任公钥');
    const addOut = el('div', { class: 'messages' });
    const form = el('form', { id: 'trust-key-form' }, el('div', { class: 'filters' }, field('名称', label), field('或从文件读取', file)),
      field('公钥（PEM）', text), addOut, b);
    form.addEventListener('submit', ev => {
      ev.preventDefault();
      busy(b, addOut, async () => {
        const k = await api('POST', '/api/v1/archive/trusted-keys', { public_key: text.value.trim() + '\n', label: label.value.trim() || null });
        table.setRows((await api('GET', '/api/v1/archive/trusted-keys')).keys || []);
        message(addOut, '已登记受信任公钥' + (k && k.fingerprint ? '，指纹 ' + k.fingerprint : '') + '。', true);
        text.value = ''; label.value = ''; file.value = '';
      });
    });
    keyBox.append(el('h4', {}, '登记受信任公钥（系统管理员）'), form);
  }
  box.append(keyBox);
  return box;
}
