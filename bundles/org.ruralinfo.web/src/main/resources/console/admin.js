// 系统管理 (admin): users, units, the working-day calendar, policies and their effective dates, the audit trail.
'use strict';

import {
  state, el, api, unitName, fmtDate, fmtDateTime, dataTable, field, select, message, busy, section, tabs,
  downloadFile, today, ROLE, KIND, CHANNEL, MEDIA_LEVEL
} from './lib.js';

export async function adminPage(page, rest) {
  page.append(el('div', { class: 'page-head' }, el('h2', {}, '系统管理')));
  const body = el('div');
  const list = [['users', '用户'], ['units', '单位'], ['groups', '专项组'], ['outlets', '宣传媒体'], ['calendar', '工作日历'], ['policies', '计分办法'], ['audit', '审计日志']];
  const first = list.some(x => x[0] === rest[0]) ? rest[0] : 'users';
  page.append(tabs(list, k => show(k), first), body);
  const views = { users, units, groups, outlets, calendar, policies, audit };
  async function show(k) {
    body.replaceChildren();
    try { await views[k](body); } catch (e) { body.append(el('p', { class: 'error', role: 'alert' }, e.message)); }
  }
  show(first);
}

async function users(body) {
  const r = await api('GET', '/api/v1/users');
  const table = dataTable([
    { key: 'username', label: '用户名' },
    { key: 'name', label: '姓名' },
    { key: 'roles', label: '角色', value: u => u.roles.map(x => ROLE[x] || x).join('、') },
    { key: 'unit', label: '单位', value: u => unitName(u.unit) },
    { key: 'set_password', label: '操作', value: () => '', csv: () => '', render: u => el('button', {
      type: 'button', class: 'secondary small', 'data-set-password': u.username, onclick: () => pickForPassword(u.username)
    }, '设置密码') }
  ], { rows: r.users, filename: '用户', id: 'users-table' });
  const pwUser = el('input', { id: 'set-password-user', required: true, maxlength: '64', autocomplete: 'off', list: 'user-names' });
  const names = el('datalist', { id: 'user-names' }, ...r.users.map(u => el('option', { value: u.username }, u.name)));
  const pwNew = el('input', { id: 'set-password-new', type: 'password', required: true, minlength: '10', autocomplete: 'new-password' });
  const pwOut = el('div', { class: 'messages', id: 'set-password-messages' });
  const pwB = el('button', { type: 'submit', id: 'set-password-save' }, '设置密码');
  const pwForm = el('form', { class: 'filters', id: 'set-password-form' }, field('用户名', pwUser), names, field('新密码', pwNew), pwB);
  const pwBox = section('设置用户密码', el('p', { class: 'hint' }, '为忘记密码的用户设置新密码；该用户的所有登录随即退出。'), pwForm, pwOut);
  function pickForPassword(username) {
    pwUser.value = username;
    message(pwOut, '');
    pwBox.scrollIntoView({ block: 'nearest' });
    pwNew.focus();
  }
  pwForm.addEventListener('submit', ev => {
    ev.preventDefault();
    busy(pwB, pwOut, async () => {
      const who = pwUser.value.trim();
      await api('POST', '/api/v1/users/' + encodeURIComponent(who) + '/password', { password: pwNew.value });
      pwNew.value = '';
      message(pwOut, '已为用户 ' + who + ' 设置新密码，其原有登录均已退出。', true);
    });
  });
  const username = el('input', { id: 'new-username', required: true, maxlength: '64', autocomplete: 'off' });
  const name = el('input', { id: 'new-name', required: true, maxlength: '200' });
  const password = el('input', { id: 'new-password', type: 'password', required: true, autocomplete: 'new-password' });
  const roles = el('div', { class: 'checks' }, ...Object.entries(ROLE).map(([k, v]) =>
    el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'role', value: k }), v)));
  const unit = select('unit', [['', '州乡村振兴局（全州）'], ...state.unitList.map(u => [u.id, u.name])], '', { id: 'new-unit' });
  const out = el('div', { class: 'messages' });
  const b = el('button', { type: 'submit', class: 'primary', id: 'create-user' }, '创建用户');
  const form = el('form', { class: 'filters', id: 'user-form' }, field('用户名', username), field('姓名', name), field('初始密码', password),
    field('单位', unit), field('角色', roles), b);
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    busy(b, out, async () => {
      const chosen = [...roles.querySelectorAll('input:checked')].map(c => c.value);
      if (!chosen.length) throw new Error('请至少选择一个角色。');
      const u = await api('POST', '/api/v1/users', { username: username.value.trim(), name: name.value.trim(),
        password: password.value, roles: chosen, unit: unit.value || null });
      password.value = '';
      const fresh = await api('GET', '/api/v1/users');
      table.setRows(fresh.users);
      message(out, '已创建用户 ' + u.username + '。', true);
    });
  });
  body.append(section('新建用户', form, out), section('用户', table), pwBox);
}

async function units(body) {
  const r = await api('GET', '/api/v1/units');
  const table = dataTable([
    { key: 'id', label: '代码' }, { key: 'name', label: '名称' }, { key: 'kind', label: '类别', value: u => KIND[u.kind] || u.kind }
  ], { rows: r.units, filename: '单位' });
  const id = el('input', { id: 'unit-id', required: true, maxlength: '64', pattern: '[a-z0-9][a-z0-9_-]*', title: '小写字母、数字、-、_' });
  const name = el('input', { id: 'unit-name', required: true, maxlength: '200' });
  const kind = select('kind', Object.entries(KIND), 'county', { id: 'unit-kind' });
  const out = el('div', { class: 'messages' });
  const b = el('button', { type: 'submit', class: 'primary' }, '添加单位');
  const form = el('form', { class: 'filters' }, field('代码', id), field('名称', name), field('类别', kind), b);
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    busy(b, out, async () => {
      await api('POST', '/api/v1/units', { id: id.value.trim(), name: name.value.trim(), kind: kind.value });
      const fresh = await api('GET', '/api/v1/units');
      state.unitList = fresh.units; state.units = new Map(fresh.units.map(u => [u.id, u]));
      table.setRows(fresh.units);
      message(out, '已添加单位 ' + name.value.trim() + '。', true);
      id.value = ''; name.value = '';
    });
  });
  body.append(section('添加单位', form, out), section('单位', table),
    el('p', { class: 'hint' }, '专项组、媒体级别表等也可通过数据交换文件导入（POST /api/v1/exchange）。'));
}

async function groups(body) {
  const r = await api('GET', '/api/v1/groups');
  const table = dataTable([
    { key: 'id', label: '代码' }, { key: 'name', label: '名称' },
    { key: 'lead', label: '牵头单位', value: g => unitName(g.lead) }
  ], { rows: r.groups || [], filename: '专项组', empty: '尚无专项组' });
  const members = state.unitList.filter(u => u.kind === 'member');
  const id = el('input', { id: 'group-id', required: true, maxlength: '64', pattern: '[a-z0-9][a-z0-9_-]*', title: '小写字母、数字、-、_' });
  const name = el('input', { id: 'group-name', required: true, maxlength: '200' });
  const lead = select('lead', [['', '请选择牵头单位'], ...members.map(u => [u.id, u.name])], '', { id: 'group-lead', required: true });
  const out = el('div', { class: 'messages', id: 'group-messages' });
  const b = el('button', { type: 'submit', class: 'primary', id: 'group-save' }, '添加专项组');
  const form = el('form', { class: 'filters', id: 'group-form' }, field('代码', id), field('名称', name), field('牵头单位', lead), b);
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    busy(b, out, async () => {
      const g = await api('POST', '/api/v1/groups', { id: id.value.trim(), name: name.value.trim(), lead: lead.value });
      table.setRows((await api('GET', '/api/v1/groups')).groups || []);
      message(out, '已保存专项组 ' + ((g && g.name) || name.value.trim()) + '（同代码的专项组被替换）。', true);
      id.value = ''; name.value = '';
    });
  });
  body.append(section('添加或修改专项组', el('p', { class: 'hint' },
    members.length ? '专项组由一个领导小组成员单位牵头，牵头单位报送专项组汇总信息。代码相同即修改原专项组。'
      : '尚无领导小组成员单位，请先在“单位”中添加。'), form, out), section('专项组', table));
}

async function outlets(body) {
  const r = await api('GET', '/api/v1/outlets');
  const table = dataTable([
    { key: 'name', label: '媒体名称' },
    { key: 'channel', label: '媒体类型', value: o => CHANNEL[o.channel] || o.channel },
    { key: 'level', label: '级别', value: o => MEDIA_LEVEL[o.level] || o.level }
  ], { rows: r.outlets || [], filename: '宣传媒体', empty: '尚无宣传媒体' });
  const name = el('input', { id: 'outlet-name', required: true, maxlength: '200' });
  const channel = select('channel', Object.entries(CHANNEL), 'news', { id: 'outlet-channel' });
  const level = select('level', Object.entries(MEDIA_LEVEL), 'prefecture', { id: 'outlet-level' });
  const out = el('div', { class: 'messages', id: 'outlet-messages' });
  const b = el('button', { type: 'submit', class: 'primary', id: 'outlet-save' }, '添加媒体');
  const form = el('form', { class: 'filters', id: 'outlet-form' }, field('媒体名称', name), field('媒体类型', channel), field('级别', level), b);
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    busy(b, out, async () => {
      await api('POST', '/api/v1/outlets', { name: name.value.trim(), channel: channel.value, level: level.value });
      table.setRows((await api('GET', '/api/v1/outlets')).outlets || []);
      message(out, '已保存媒体 ' + name.value.trim() + '（' + MEDIA_LEVEL[level.value] + '）。', true);
      name.value = '';
    });
  });
  body.append(section('添加或修改宣传媒体', el('p', { class: 'hint' },
    '宣传报送（附件二、附件三）按本表确定媒体级别；同名同类型即修改原级别。'), form, out), section('宣传媒体', table));
}

async function calendar(body) {
  const year = el('input', { type: 'number', id: 'cal-year', min: '2000', max: '2100', value: today().substring(0, 4) });
  const holidays = el('textarea', { id: 'cal-holidays', rows: '10', placeholder: '每行一个日期，如 2025-10-01' });
  const workdays = el('textarea', { id: 'cal-workdays', rows: '10', placeholder: '每行一个日期，如 2025-09-28' });
  const out = el('div', { class: 'messages' });
  const load = el('button', { type: 'button', class: 'secondary' }, '读取');
  const save = el('button', { type: 'submit', class: 'primary' }, '保存');
  const preview = el('p', { class: 'hint' });
  const draw = c => {
    holidays.value = c.holidays.join('\n');
    workdays.value = c.workdays.join('\n');
    preview.textContent = c.year + '年：节假日 ' + c.holidays.length + ' 天，调休工作日 ' + c.workdays.length + ' 天'
      + (c.holidays.length ? '（首个节假日 ' + fmtDate(c.holidays[0]) + '）' : '');
  };
  const get = () => busy(load, out, async () => draw(await api('GET', '/api/v1/calendar/' + encodeURIComponent(year.value))));
  load.addEventListener('click', get);
  const lines = t => t.value.split(/[\s,，]+/).map(s => s.trim()).filter(Boolean);
  const form = el('form', {}, el('div', { class: 'filters' }, field('年份', year), load),
    el('div', { class: 'grid2' }, field('节假日（休息）', holidays), field('调休工作日（上班的周末）', workdays)), preview, out, save);
  form.addEventListener('submit', ev => {
    ev.preventDefault();
    busy(save, out, async () => {
      draw(await api('PUT', '/api/v1/calendar/' + encodeURIComponent(year.value), { holidays: lines(holidays), workdays: lines(workdays) }));
      message(out, '已保存' + year.value + '年工作日历。', true);
    });
  });
  body.append(section('工作日历（国家法定节假日与调休）', el('p', { class: 'hint' }, '周末休息；节假日休息；调休的周末上班。日历每年由管理员载入，用于“3 个工作日”等时限的计算。'), form));
  get();
}

async function policies(body) {
  const r = await api('GET', '/api/v1/policies');
  body.append(section('计分办法', el('p', { class: 'hint' }, '计分办法以独立模块安装，按生效日期启用；现行办法之外的办法可在“积分排名”中测算对比。'),
    dataTable([
      { key: 'id', label: '代码' }, { key: 'version', label: '版本' },
      { key: 'effective_from', label: '生效日期', render: p => fmtDate(p.effective_from), csv: p => fmtDate(p.effective_from) },
      { key: 'bundle', label: '模块' },
      { key: 'active', label: '状态', value: p => p.active ? '现行' : '未生效/已替代', render: p => el('span', { class: p.active ? 'ok strong' : 'muted' }, p.active ? '现行' : '未生效/已替代') }
    ], { rows: r.policies || [], filename: '计分办法', empty: '未安装计分办法' })));
}

async function audit(body) {
  const actor = el('input', { id: 'audit-actor', maxlength: '64' });
  const action = el('input', { id: 'audit-action', maxlength: '64' });
  const target = el('input', { id: 'audit-target', maxlength: '200' });
  const from = el('input', { type: 'date', id: 'audit-from' });
  const to = el('input', { type: 'date', id: 'audit-to' });
  const out = el('div', { class: 'messages' });
  const params = () => {
    const p = new URLSearchParams();
    if (actor.value.trim()) p.set('actor', actor.value.trim());
    if (action.value.trim()) p.set('action', action.value.trim());
    if (target.value.trim()) p.set('target', target.value.trim());
    if (from.value) p.set('from', from.value + 'T00:00:00+08:00');
    if (to.value) p.set('to', to.value + 'T23:59:59+08:00');
    return p;
  };
  const size = 50;
  const table = dataTable([
    { key: 'id', label: '序号', num: true },
    { key: 'at', label: '时间', render: e => fmtDateTime(e.at), csv: e => fmtDateTime(e.at) },
    { key: 'actor', label: '操作人' }, { key: 'action', label: '操作' }, { key: 'target', label: '对象' }, { key: 'detail', label: '详情' }
  ], {
    pageSize: size, filename: '审计日志',
    load: async ({ page }) => {
      const p = params(); p.set('page', page); p.set('size', size);
      const r = await api('GET', '/api/v1/audit?' + p);
      return { rows: r.entries, more: r.entries.length === size };
    }
  });
  const go = el('button', { type: 'submit' }, '查询');
  const csv = el('button', { type: 'button', class: 'secondary' }, '导出 CSV（服务器生成，至多 1 万行）');
  csv.addEventListener('click', () => busy(csv, out, () => { const p = params(); p.set('format', 'csv'); return downloadFile('/api/v1/audit?' + p, '审计日志.csv', 'text/csv', true); }));
  const form = el('form', { class: 'filters' }, field('操作人', actor), field('操作', action), field('对象', target),
    field('起', from), field('止', to), go, csv);
  form.addEventListener('submit', ev => { ev.preventDefault(); table.reload(); });
  body.append(section('审计日志', form, out, table));
}


