// ruralinfo staff console: shared helpers. Every piece of user-supplied text goes into the page through
// textContent / DOM APIs (el() below), never through innerHTML; every change carries the CSRF header.
'use strict';

export const state = { user: null, units: new Map(), unitList: [] };

export const KIND = { county: '县市乡村振兴局', member: '领导小组成员单位', department: '州乡村振兴局科室' };
export const ROLE = { officer: '信息员', reviewer: '审核人', signer: '签发人', editor: '宣教统计科编辑', admin: '系统管理员' };
export const TYPE = {
  work_results: '工作成效类', experience: '经验做法类', business: '业务工作信息', research: '调研信息',
  commissioned: '约稿信息', meeting: '重要会议精神、重大决策落实', emergency: '突发事件、事故、灾情',
  opinion: '舆情类', group_summary: '专项组汇总信息'
};
export const STATUS = {
  draft: '草稿', submitted: '待审核', approved: '待签发', signed: '待筛选（已报州局）', returned: '已退回',
  accepted: '已采用入库', rejected: '未采用'
};
export const ACTION = {
  submit: '提交审核', approve: '审核通过（含保密审查）', sign: '签发报送', return: '退回',
  accept: '筛选采用', reject: '不予采用', qualify: '认定为合格调研', forward: '报送自治区',
  create: '起草', update: '修改', adopt: '录用', withdraw_adoption: '撤销录用', attach: '上传附件'
};
export const LEVEL = {
  prefecture_briefing: '巴州乡村振兴简报', region_publication: '自治区乡村振兴局信息刊物',
  region_instruction: '自治区领导批示'
};
export const CHANNEL = { news: '新闻媒体（附件二）', online: '网络媒体（附件三）' };
export const MEDIA_LEVEL = { national: '国家级', region: '自治区级', prefecture: '州级' };
export const REJECT_REASON = { not_rural_revitalization: '非乡村振兴信息（一般业务通知）', copied: '照抄照搬' };
export const DEADLINE_RULE = {
  emergency: '突发事件：发生后 2 小时内报送', meeting: '会议/决策：3 个工作日内报送', commissioned: '约稿：截止时间前报送'
};

const FIELD = {
  title: '标题', body: '正文', type: '信息类别', occurred_at: '发生时间', comment: '意见', reason: '不予采用原因',
  verdict: '保密审查意见', unit: '单位', notice: '约稿通知', group: '专项组', follows: '续报所接信息', username: '用户名',
  password: '密码', current_password: '原密码', roles: '角色', name: '名称', id: '代码', kind: '类别', level: '录用级别',
  at: '日期', issue: '期号', period: '期间', policy: '计分办法', year: '年份', holidays: '节假日', workdays: '调休工作日',
  deadline: '截止时间', units: '单位', requirements: '写作要求', month: '月份', subject: '催办事项', note: '备注',
  action: '操作', status: '状态', q: '关键词', from: '起始日期', to: '截止日期', page: '页码', size: '每页条数',
  file: '文件', actor: '操作人', target: '对象', box: '盒号', volume: '卷号', piece: '件号', shelf: '架位',
  filed_by: '立卷人', filed_on: '归档日期', item: '信息', writer: '撰稿人', channel: '媒体类型', outlet: '媒体名称',
  manuscript: '稿件', published: '刊发日期', lead: '牵头单位', public_key: '公钥', label: '名称', quarter: '季度'
};

const STATUS_TEXT = {
  400: '输入有误', 401: '未登录或登录已过期', 403: '无权执行此操作', 404: '未找到', 405: '不支持此操作',
  409: '当前状态不允许此操作', 413: '内容过大', 415: '文件类型不被接受', 500: '服务器内部错误，未作任何更改',
  503: '服务暂不可用（计分办法未生效或服务未启动）'
};

// English messages of the API, in Chinese. Unknown messages are shown as they are, after a Chinese lead.
const MESSAGES = [
  [/^is required(?: \((.*)\))?$/, () => '必须填写'],
  [/^must not be empty$/, () => '不能为空'],
  [/^must be a string$/, () => '必须是文本'],
  [/^at most (\d+) characters$/, m => '最多 ' + m[1] + ' 个字符'],
  [/^at least (\d+) characters$/, m => '至少 ' + m[1] + ' 个字符'],
  [/the current password is wrong/, () => '原密码不正确'],
  [/must not contain the user name/, () => '不能包含用户名'],
  [/^too simple$/, () => '过于简单，请混用字母、数字和符号'],
  [/only an admin changes another user's password/, () => '只有系统管理员可以设置他人的密码'],
  [/is not in the outlets table, so the level is required/, () => '该媒体不在媒体级别表中，请选择媒体级别'],
  [/a unit (?:reports|reads) its own publicity only/, () => '只能报送或查看本单位的宣传报道'],
  [/not signed by a trusted key|untrusted|not trusted/i, () => '交换包的签名密钥不在受信任公钥中'],
  [/not a valid (?:PEM|public key)|Ed25519/i, () => '公钥格式不正确（应为 PEM 格式的 Ed25519 公钥）'],
  [/^unknown field/, () => '不认识的字段'],
  [/^unknown (?:value|role|level|status|type) "?([^"]*)"?/, m => '取值“' + m[1] + '”无效'],
  [/^unknown unit "([^"]*)"/, m => '单位“' + m[1] + '”不存在'],
  [/a date like [\d-]+ is required/, () => '请填写日期，格式如 2025-07-03'],
  [/ISO-8601 time with offset/, () => '请填写完整的时间（日期和时刻）'],
  [/a timestamp with an offset/, () => '请填写完整的时间（日期和时刻）'],
  [/a (?:whole )?number from (\d+) to (\d+)/, m => '请填写 ' + m[1] + ' 到 ' + m[2] + ' 之间的整数'],
  [/a quarter like .* or a year like/, () => '请选择季度（如 2025-Q3）或年度（如 2025）'],
  [/a year like \d+ is required/, () => '请填写四位年份，如 2025'],
  [/wrong user name or password/, () => '用户名或密码错误'],
  [/missing or wrong X-CSRF-Token/, () => '页面会话校验失败，请刷新页面后重试'],
  [/this needs the role (.*)$/, m => '需要以下角色之一：' + m[1].split(' or ').map(r => ROLE[r] || r).join('、')],
  [/a JSON object is required|not valid JSON/, () => '提交的数据格式不正确'],
  [/a non-empty array of roles/, () => '请至少选择一个角色'],
  [/no such resource|^no (?:item|notice|user|attachment)/, () => '记录不存在或无权查看'],
  [/the scoring engine is not running|no scoring policy/, () => '计分办法尚未生效'],
  [/the request could not be completed/, () => '请求未能完成，未作任何更改'],
  [/already exists|duplicate/i, () => '已存在'],
  [/only an admin/, () => '只有系统管理员可以执行'],
  [/not addressed to unit/, () => '该约稿通知未发给本单位'],
  [/the body may have at most (\d+) bytes/, m => '内容过大（最多 ' + m[1] + ' 字节）'],
  [/a file part is required/, () => '请选择文件'],
  [/has nothing still overdue after a reminder|none? (?:unit )?remained overdue/, () => '没有经催办后仍逾期的单位'],
  [/is already closed/, () => '该年度卷已立卷'],
  [/is frozen already/, () => '本期排名已冻结'],
  [/has not ended: a ranking is published after it/, () => '期间尚未结束，期满后才能冻结排名'],
  [/is required for a commissioned item/, () => '约稿信息必须选择约稿通知'],
  [/is required for a group summary/, () => '专项组汇总信息必须填写专项组'],
  [/is required for a/, () => '此类信息必须填写'],
  [/at least one unit is required/, () => '请至少选择一个单位'],
  [/at least one attendee/, () => '请至少填写一名参训人员'],
  [/must not be in the future|cannot be made in the future/, () => '不能晚于当前时间'],
  [/a session is recorded once it was held/, () => '培训举办后才能登记'],
  [/an officer drafts only for its own unit/, () => '信息员只能为本单位起草信息'],
  [/business items .* come from departments only/, () => '业务工作信息仅限州乡村振兴局科室报送'],
  [/is not an emergency item of unit/, () => '所接信息不是本单位的突发事件信息'],
  [/does not lead group/, () => '本单位不是该专项组的牵头单位'],
  [/is before from/, () => '截止日期早于起始日期'],
  [/must be a unit id/, () => '必须是单位代码'],
  [/is named twice/, () => '重复选择'],
  [/was a phone call: it has no document/, () => '电话催办没有书面通知'],
  [/a quarter like 2025-Q3/, () => '请选择季度（如 2025-Q3）'],
  [/a year such as \d+/, () => '请填写四位年份，如 2025'],
  [/needs the role (\w+)/, m => '需要角色：' + (ROLE[m[1]] || m[1])]
];

export function zhMessage(msg) {
  if (!msg) return '';
  for (const [re, f] of MESSAGES) {
    const m = re.exec(msg);
    if (m) return f(m);
  }
  return msg;
}

export function fieldName(path) {
  if (!path) return '';
  const key = String(path).replace(/^\$\.?/, '').replace(/\[\d+\]$/, '');
  return FIELD[key] || key;
}

/** @return the Chinese text of a problem+json answer */
export function problemText(status, p) {
  const base = STATUS_TEXT[status] || ('操作失败（' + status + '）');
  if (!p) return base;
  const parts = (p.errors || []).map(e => (e.path && e.path !== '$' ? fieldName(e.path) + '：' : '') + zhMessage(e.message));
  if (status === 409 && Array.isArray(p.allowed)) {
    parts.push(p.allowed.length ? '当前可执行：' + p.allowed.map(a => ACTION[a] || a).join('、') : '该信息已办结');
  }
  if (!parts.length && p.detail) parts.push(zhMessage(p.detail));
  return parts.length ? base + '：' + parts.join('；') : base;
}

export function $(id) { return document.getElementById(id); }

/** Builds an element; children are nodes or text (always as text nodes, never parsed as HTML). */
export function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v;
    else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on') && typeof v === 'function') e.addEventListener(k.substring(2), v);
    else if (k === 'value') e.value = v;
    else if (k === 'checked' || k === 'selected' || k === 'disabled' || k === 'hidden' || k === 'required' || k === 'multiple') e[k] = !!v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  append(e, children);
  return e;
}

function append(e, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(e, c);
    else e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

const SVGNS = 'http://www.w3.org/2000/svg';
export function svg(tag, attrs, ...children) {
  const e = document.createElementNS(SVGNS, tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'text') e.textContent = v; else if (k === 'class') e.setAttribute('class', v); else e.setAttribute(k, String(v));
  }
  for (const c of children) if (c) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

export function cookie(name) {
  const m = document.cookie.split('; ').find(c => c.startsWith(name + '='));
  return m ? decodeURIComponent(m.substring(name.length + 1)) : '';
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(problemText(status, problem));
    this.status = status;
    this.problem = problem;
  }
}

/** Calls the API; a JSON body is sent as JSON, a Blob/File as it is. Throws ApiError with Chinese text. */
export async function api(method, path, body, extraHeaders) {
  const headers = Object.assign({ 'Accept': 'application/json' }, extraHeaders || {});
  let payload;
  if (body instanceof Blob) {
    payload = body;
    if (!headers['Content-Type']) headers['Content-Type'] = body.type || 'application/octet-stream';
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  if (method !== 'GET') headers['X-CSRF-Token'] = cookie('ri_csrf');
  let resp;
  try {
    resp = await fetch(path, { method, headers, credentials: 'same-origin', body: payload });
  } catch (e) {
    throw new ApiError(0, { detail: '无法连接服务器，请检查网络' });
  }
  const type = resp.headers.get('Content-Type') || '';
  let data = null;
  if (type.includes('json')) {
    try { data = await resp.json(); } catch (e) { data = null; }
  }
  if (!resp.ok) {
    if (resp.status === 401 && path !== '/api/v1/session' && onUnauthorized) onUnauthorized();
    throw new ApiError(resp.status, data);
  }
  return data;
}

let onUnauthorized = null;
export function setUnauthorizedHandler(f) { onUnauthorized = f; }

/** Like api(), but a 404 (the API is not installed yet) gives null instead of an error. */
export async function apiOptional(method, path, body) {
  try {
    return await api(method, path, body);
  } catch (e) {
    if (e.status === 404 || e.status === 405) return null;
    throw e;
  }
}

export function notInstalled(what) {
  return el('p', { class: 'notice' }, what + '功能的服务接口尚未安装（服务器答复 404）。其余功能不受影响，请联系系统管理员。');
}

// ---- formatting ----------------------------------------------------------------------------------------

const partsFmt = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit',
  hourCycle: 'h23'
});

function parts(d) {
  const o = {};
  for (const p of partsFmt.formatToParts(d)) o[p.type] = p.value;
  return o;
}

/** 2025年7月3日 of a date (2025-07-03) or an instant (shown in Asia/Shanghai) */
export function fmtDate(v) {
  if (!v) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m) return Number(m[1]) + '年' + Number(m[2]) + '月' + Number(m[3]) + '日';
  const d = new Date(v);
  if (isNaN(d)) return String(v);
  const p = parts(d);
  return p.year + '年' + Number(p.month) + '月' + Number(p.day) + '日';
}

/** 2025年7月3日 14:05 */
export function fmtDateTime(v) {
  if (!v) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return fmtDate(v);
  const d = new Date(v);
  if (isNaN(d)) return String(v);
  const p = parts(d);
  return p.year + '年' + Number(p.month) + '月' + Number(p.day) + '日 ' + p.hour + ':' + p.minute;
}

export function fmtNum(n) {
  if (n === null || n === undefined || n === '') return '';
  return Number(n).toLocaleString('zh-CN');
}

export function fmtSigned(n) { return (n > 0 ? '+' : '') + fmtNum(n); }

/** today in Asia/Shanghai as 2025-07-03 */
export function today() {
  const p = parts(new Date());
  return p.year + '-' + p.month.padStart(2, '0') + '-' + p.day.padStart(2, '0');
}

export function thisMonth() { return today().substring(0, 7); }

export function thisQuarter() {
  const t = today();
  return t.substring(0, 4) + '-Q' + (Math.floor((Number(t.substring(5, 7)) - 1) / 3) + 1);
}

/** A datetime-local value (Beijing time) as an ISO instant with +08:00 */
export function localToIso(v) {
  if (!v) return null;
  return (v.length === 16 ? v + ':00' : v) + '+08:00';
}

export function unitName(id) {
  if (!id) return '州乡村振兴局';
  const u = state.units.get(id);
  return u ? u.name : id;
}

export function has(role) { return !!state.user && state.user.roles.includes(role); }
export function hasAny(...roles) { return roles.some(has); }

/** Text of a duration in ms: 1天 2小时 3分 4秒 */
export function duration(ms) {
  let s = Math.floor(Math.abs(ms) / 1000);
  const d = Math.floor(s / 86400); s -= d * 86400;
  const h = Math.floor(s / 3600); s -= h * 3600;
  const m = Math.floor(s / 60); s -= m * 60;
  if (d > 0) return d + '天' + h + '小时' + m + '分';
  return (h > 0 ? h + '小时' : '') + m + '分' + String(s).padStart(2, '0') + '秒';
}

/**
 * A live countdown to `due` (re-drawn every second by tickClocks): "剩余 1小时23分" or "已超时 …";
 * when `sentAt` is given, whether it was sent on time.
 */
export function clock(due, sentAt, late, rule) {
  const span = el('span', { class: 'clock', 'data-due': due || '' });
  if (rule) span.title = DEADLINE_RULE[rule] || rule;
  if (sentAt) {
    span.dataset.done = '1';
    span.textContent = late ? '逾期报送' : '按时报送';
    span.classList.add(late ? 'late' : 'ok');
  } else {
    drawClock(span);
  }
  return span;
}

function drawClock(span) {
  const due = Date.parse(span.dataset.due);
  if (isNaN(due)) return;
  const left = due - Date.now();
  span.textContent = left >= 0 ? '剩余 ' + duration(left) : '已超时 ' + duration(left);
  span.classList.toggle('late', left < 0);
  span.classList.toggle('soon', left >= 0 && left < 2 * 3600 * 1000);
}

export function tickClocks() {
  for (const span of document.querySelectorAll('span.clock[data-due]:not([data-done])')) drawClock(span);
}

// ---- downloads -----------------------------------------------------------------------------------------

function saveBlob(blob, filename) {
  const url = URL.createObjectURL(blob);
  const a = el('a', { href: url, download: filename, class: 'hidden-link' });
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(url); a.remove(); }, 1000);
}

function csvCell(v) {
  let s = v === null || v === undefined ? '' : String(v);
  if (s && '=+-@'.includes(s[0]) && !/^-?\d+(\.\d+)?$/.test(s)) s = "'" + s; // never a formula
  return '"' + s.replace(/"/g, '""') + '"';
}

/** A CSV file with a BOM (Excel reads the Chinese correctly) of a header and rows of cells. */
export function downloadCsv(filename, header, rows) {
  const lines = [header.map(csvCell).join(',')].concat(rows.map(r => r.map(csvCell).join(',')));
  saveBlob(new Blob(['\uFEFF' + lines.join('\r\n') + '\r\n'], { type: 'text/csv;charset=utf-8' }), filename);
}

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Asks the server for the spreadsheet of `url` (Accept: xlsx); where it answers with JSON instead (no xlsx
 * there yet), falls back to `csv()`, which builds a CSV with BOM in the browser. @return 'xlsx' or 'csv'
 */
export async function downloadSheet(url, filename, csv) {
  try {
    const resp = await fetch(url, { headers: { 'Accept': XLSX }, credentials: 'same-origin' });
    if (resp.ok && (resp.headers.get('Content-Type') || '').includes('spreadsheetml')) {
      saveBlob(await resp.blob(), filename + '.xlsx');
      return 'xlsx';
    }
  } catch (e) { /* fall back */ }
  csv();
  return 'csv';
}

/**
 * Downloads an authenticated GET (attachments, packages, forms) as a file: named as the server names it, or,
 * with `named`, as `filename` (the console's Chinese name of a form, e.g. 附件二-2025-Q3.xlsx).
 */
export async function downloadFile(url, filename, accept, named) {
  const resp = await fetch(url, { headers: { 'Accept': accept || '*/*' }, credentials: 'same-origin' });
  if (!resp.ok) {
    let p = null;
    try { p = await resp.json(); } catch (e) { /* none */ }
    throw new ApiError(resp.status, p);
  }
  const cd = resp.headers.get('Content-Disposition') || '';
  const m = /filename\*=UTF-8''([^;]+)/i.exec(cd) || /filename="([^"]+)"/i.exec(cd);
  saveBlob(await resp.blob(), m && !named ? decodeURIComponent(m[1]) : filename);
}

// ---- data table: paged, sortable, filterable, downloadable -----------------------------------------------

/**
 * columns: [{key, label, num, value(row) (sort/filter/CSV value), render(row) (node or text)}]
 * opts: {rows, pageSize, filename, sheetUrl (server spreadsheet), expand(row) → node, rowAttrs(row),
 *        onRow(row), caption, filter (bool), empty}
 * or server paging: {load({page,size}) → {rows,total|more}} with rows sorted client-side within the page.
 */
export function dataTable(columns, opts) {
  const o = Object.assign({ pageSize: 20, filter: true, empty: '暂无记录' }, opts);
  const st = { page: 1, sort: null, dir: 1, q: '', rows: o.rows || [], total: null, more: false };
  const wrap = el('div', { class: 'dt' });
  const filterInput = el('input', { type: 'search', placeholder: o.load ? '筛选本页…' : '筛选本表…', 'aria-label': '筛选', class: 'dt-filter' });
  const count = el('span', { class: 'dt-count' });
  const dl = el('button', { type: 'button', class: 'secondary dt-download', title: '下载电子表格' }, '下载表格');
  const toolbar = el('div', { class: 'dt-toolbar' }, o.filter ? filterInput : null, count, dl);
  const thead = el('thead');
  const tbody = el('tbody');
  const table = el('table', { class: 'grid' }, o.caption ? el('caption', {}, o.caption) : null, thead, tbody);
  const scroll = el('div', { class: 'dt-scroll' }, table);
  const prev = el('button', { type: 'button', class: 'secondary' }, '上一页');
  const next = el('button', { type: 'button', class: 'secondary' }, '下一页');
  const pageInfo = el('span', { class: 'dt-page' });
  const pager = el('div', { class: 'dt-pager' }, prev, pageInfo, next);
  wrap.append(toolbar, scroll, pager);

  const val = (c, r) => c.value ? c.value(r) : r[c.key];
  const headerRow = el('tr');
  for (const c of columns) {
    const th = el('th', { class: (c.num ? 'num ' : '') + 'sortable', scope: 'col', tabindex: '0', 'aria-sort': 'none' }, c.label);
    const sortBy = () => {
      if (st.sort === c) st.dir = -st.dir; else { st.sort = c; st.dir = 1; }
      for (const h of headerRow.children) { h.setAttribute('aria-sort', 'none'); h.classList.remove('asc', 'desc'); }
      th.setAttribute('aria-sort', st.dir > 0 ? 'ascending' : 'descending');
      th.classList.add(st.dir > 0 ? 'asc' : 'desc');
      draw();
    };
    th.addEventListener('click', sortBy);
    th.addEventListener('keydown', e => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); sortBy(); } });
    headerRow.append(th);
  }
  thead.append(headerRow);

  function filtered() {
    let rows = st.rows;
    if (st.q) {
      const q = st.q.toLowerCase();
      rows = rows.filter(r => columns.some(c => String(val(c, r) ?? '').toLowerCase().includes(q)));
    }
    if (st.sort) {
      const c = st.sort;
      rows = rows.slice().sort((a, b) => {
        const x = val(c, a), y = val(c, b);
        if (x === y) return 0;
        if (x === null || x === undefined || x === '') return 1;
        if (y === null || y === undefined || y === '') return -1;
        return (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'zh-CN')) * st.dir;
      });
    }
    return rows;
  }

  function draw() {
    tbody.replaceChildren();
    let rows = filtered();
    let total = rows.length;
    if (!o.load) {
      const pages = Math.max(1, Math.ceil(total / o.pageSize));
      if (st.page > pages) st.page = pages;
      rows = rows.slice((st.page - 1) * o.pageSize, st.page * o.pageSize);
      pageInfo.textContent = '第 ' + st.page + ' / ' + pages + ' 页';
      prev.disabled = st.page <= 1;
      next.disabled = st.page >= pages;
      count.textContent = '共 ' + fmtNum(total) + ' 条';
    } else {
      const known = typeof st.total === 'number';
      const pages = known ? Math.max(1, Math.ceil(st.total / o.pageSize)) : null;
      pageInfo.textContent = '第 ' + st.page + (pages ? ' / ' + pages : '') + ' 页';
      prev.disabled = st.page <= 1;
      next.disabled = known ? st.page >= pages : !st.more;
      count.textContent = known ? '共 ' + fmtNum(st.total) + ' 条' : '本页 ' + fmtNum(rows.length) + ' 条';
    }
    pager.hidden = prev.disabled && next.disabled;
    if (!rows.length) {
      tbody.append(el('tr', { class: 'empty-row' }, el('td', { colspan: String(columns.length) }, o.empty)));
      return;
    }
    for (const r of rows) {
      const tr = el('tr', o.rowAttrs ? o.rowAttrs(r) : {});
      for (const c of columns) {
        const content = c.render ? c.render(r) : val(c, r);
        tr.append(el('td', { class: c.num ? 'num' : null, 'data-label': c.label },
          content instanceof Node ? content : (content === null || content === undefined ? '' : (c.num && typeof content === 'number' ? fmtNum(content) : String(content)))));
      }
      tbody.append(tr);
      if (o.expand) {
        const detail = el('tr', { class: 'detail', hidden: true }, el('td', { colspan: String(columns.length) }));
        tr.classList.add('expandable');
        tr.tabIndex = 0;
        tr.setAttribute('aria-expanded', 'false');
        const toggle = () => {
          if (!detail.firstChild.firstChild) detail.firstChild.append(o.expand(r));
          detail.hidden = !detail.hidden;
          tr.setAttribute('aria-expanded', String(!detail.hidden));
        };
        tr.addEventListener('click', e => { if (!e.target.closest('a,button,input,select')) toggle(); });
        tr.addEventListener('keydown', e => { if (e.key === 'Enter' && e.target === tr) toggle(); });
        tbody.append(detail);
      } else if (o.onRow) {
        tr.classList.add('clickable');
        tr.addEventListener('click', e => { if (!e.target.closest('a,button,input,select')) o.onRow(r); });
      }
    }
  }

  async function load() {
    try {
      const r = await o.load({ page: st.page, size: o.pageSize });
      st.rows = r.rows; st.total = typeof r.total === 'number' ? r.total : null; st.more = !!r.more;
      draw();
    } catch (e) {
      tbody.replaceChildren(el('tr', {}, el('td', { colspan: String(columns.length), class: 'error' }, e.message)));
    }
  }

  filterInput.addEventListener('input', () => { st.q = filterInput.value.trim(); st.page = 1; draw(); });
  prev.addEventListener('click', () => { st.page--; o.load ? load() : draw(); });
  next.addEventListener('click', () => { st.page++; o.load ? load() : draw(); });
  dl.addEventListener('click', async () => {
    const name = (o.filename || '表格') + '-' + today();
    const all = o.loadAll ? await o.loadAll().catch(() => st.rows) : (o.load ? st.rows : filtered());
    const csv = () => downloadCsv(name + '.csv', columns.map(c => c.label),
      all.map(r => columns.map(c => c.csv ? c.csv(r) : val(c, r))));
    if (o.sheetUrl) await downloadSheet(typeof o.sheetUrl === 'function' ? o.sheetUrl() : o.sheetUrl, name, csv);
    else csv();
  });
  wrap.refresh = () => (o.load ? load() : draw());
  wrap.setRows = rows => { st.rows = rows; st.page = 1; draw(); };
  wrap.reload = () => { st.page = 1; return load(); };
  if (o.load) load(); else draw();
  return wrap;
}

// ---- forms -----------------------------------------------------------------------------------------------

export function field(label, input, hint) {
  return el('label', { class: 'field' }, el('span', { class: 'label' }, label), input, hint ? el('small', { class: 'hint' }, hint) : null);
}

export function select(name, options, value, attrs) {
  const s = el('select', Object.assign({ name }, attrs || {}));
  for (const [v, t] of options) s.append(el('option', { value: v, selected: v === value }, t));
  return s;
}

export function message(box, text, ok) {
  box.replaceChildren();
  if (!text) return;
  box.append(el('p', { class: ok ? 'success' : 'error', role: ok ? 'status' : 'alert' }, text));
}

/** Runs an async change with the button disabled; shows the Chinese error in `box`. */
export async function busy(button, box, f) {
  if (button) button.disabled = true;
  if (box) message(box, '');
  try {
    return await f();
  } catch (e) {
    if (box) message(box, e.message || String(e)); else throw e;
    return undefined;
  } finally {
    if (button) button.disabled = false;
  }
}

export function section(title, ...children) {
  return el('section', { class: 'card' }, el('h3', {}, title), ...children);
}

export function tabs(list, onPick, current) {
  const bar = el('div', { class: 'tabs', role: 'tablist' });
  for (const [key, label] of list) {
    const b = el('button', { type: 'button', role: 'tab', class: 'tab', 'data-tab': key, 'aria-selected': String(key === current) }, label);
    b.addEventListener('click', () => {
      for (const x of bar.children) x.setAttribute('aria-selected', String(x === b));
      onPick(key);
    });
    bar.append(b);
  }
  return bar;
}
