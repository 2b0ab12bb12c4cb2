// Tracer console: four views over the tracer API. No framework, no build step: this file is served as written.
// The credential lives in sessionStorage only and is sent only in the Authorization header; never in a URL or a log.
// Every query carries the case it serves (typed once per session); the gateway audits it before answering.
'use strict';
(function () {
  const TOKEN_KEY = 'hcTracerToken';
  const CASE_KEY = 'hcTracerCase';
  const DOC_TYPES = ['resident_id', 'passport', 'hk_macao_permit', 'taiwan_permit', 'foreign_permanent_id'];
  const T = {
    en: {title: 'Tracer console', viewPlace: 'Place and window', viewPerson: 'Person', viewCompanions: 'Companions',
      viewAudit: 'Audit', forget: 'Sign out', tokenTitle: 'Sign in', token: 'Officer token (JWT) or tracer token',
      signIn: 'Sign in', place: 'Place', from: 'From', to: 'To', show: 'Show', byCode: 'By health code',
      byDocument: 'Or by identity document', issuer: 'Issuer', subject: 'Subject', docType: 'Type',
      docNumber: 'Number', within: '± minutes', next: 'Next page', loading: 'Loading…',
      empty: 'Nothing found in this window.', needToken: 'Sign in to continue.',
      badToken: 'The token was refused (wrong, expired, or not from the identity provider). Sign in again.',
      unavailable: 'The passages store is unavailable right now. Nothing is lost; try again in a minute.',
      notConfigured: 'This gateway has no passages store configured; ask its operators.',
      auditDown: 'The query could not be recorded in the audit, so it was not answered. Try again in a minute.',
      forbidden: 'Your role does not allow this.', failed: 'The query failed: ', zone: 'Times in ',
      time: 'Time', gate: 'Gate', decision: 'Decision', colour: 'Colour', perGate: 'Passages per gate',
      offline: 'recorded offline (gate clock)',
      count: 'Count', histogram: 'Passages over time', more: 'more pages: press “Next page”',
      passagesOne: 'passage', passagesMany: 'passages', companionsOne: 'companion', companionsMany: 'companions',
      rowsOne: 'audit row', rowsMany: 'audit rows', encounters: 'Encounters', companion: 'Companion',
      theirTime: 'Their time', caseTime: 'Case’s time', select: 'Select', selectAll: 'Select all',
      exportCsv: 'Export selected (CSV)', document: 'Document',
      needPerson: 'Give issuer and subject, or a document number.', caseTitle: 'Case',
      caseWhy: 'Every query is recorded with the case it serves. Type the case number.', caseId: 'Case number',
      useCase: 'Use this case', changeCase: 'Change case', caseShown: 'Case: ',
      badCase: 'A case number is 1 to 64 characters, with no line breaks.', signedInAs: 'Signed in: ',
      badWhen: 'Give times as YYYY-MM-DD HH:MM (24-hour).', officer: 'Officer', kind: 'Query',
      parameters: 'Parameters', rows: 'Rows'},
    zh: {title: '流调查询台', viewPlace: '地点与时段', viewPerson: '个人轨迹', viewCompanions: '密接人员',
      viewAudit: '审计记录', forget: '退出', tokenTitle: '登录', token: '工作人员令牌 (JWT) 或流调令牌',
      signIn: '登录', place: '地点', from: '开始', to: '结束', show: '查询', byCode: '按健康码',
      byDocument: '或按身份证件', issuer: '签发方', subject: '主体编号', docType: '证件类型',
      docNumber: '证件号码', within: '前后分钟数', next: '下一页', loading: '正在加载…',
      empty: '该时段内没有记录。', needToken: '请登录后继续。',
      badToken: '令牌无效（错误、过期或非身份提供方签发），请重新登录。',
      unavailable: '通行记录库暂时不可用。记录不会丢失，请稍后重试。',
      notConfigured: '本网关未配置通行记录库，请联系运维人员。',
      auditDown: '本次查询无法写入审计记录，因此未予答复。请稍后重试。',
      forbidden: '您的角色无权进行此操作。', failed: '查询失败：', zone: '时区：',
      time: '时间', gate: '闸机', decision: '判定', colour: '颜色', perGate: '各闸机通行数',
      offline: '离线记录（闸机时钟）',
      count: '次数', histogram: '通行时间分布', more: '还有更多：请点“下一页”',
      passagesOne: '条通行记录', passagesMany: '条通行记录', companionsOne: '名密接人员', companionsMany: '名密接人员',
      rowsOne: '条审计记录', rowsMany: '条审计记录', encounters: '接触次数', companion: '密接人员',
      theirTime: '对方时间', caseTime: '病例时间', select: '选择', selectAll: '全选',
      exportCsv: '导出所选 (CSV)', document: '证件', needPerson: '请填写签发方和主体编号，或证件号码。',
      caseTitle: '案件', caseWhy: '每次查询都会连同所服务的案件记入审计。请输入案件编号。', caseId: '案件编号',
      useCase: '使用此案件', changeCase: '更换案件', caseShown: '案件：',
      badCase: '案件编号为 1 至 64 个字符，不含换行。', signedInAs: '已登录：',
      badWhen: '时间格式为 YYYY-MM-DD HH:MM（24 小时制）。', officer: '工作人员', kind: '查询类型',
      parameters: '参数', rows: '条数'}
  };
  const VIEWS = ['place', 'person', 'companions', 'audit'];
  const PREFIX = {place: 'place', person: 'person', companions: 'comp', audit: 'audit'}; // of each view's fields
  const $ = (id) => document.getElementById(id);
  let lang = localStorage.getItem('hcLang') || ((navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en');
  let zone = 'Asia/Shanghai';
  let places = [];
  let me = null;        // the officer: {officer, name, roles}
  let next = null;      // continues the current query: a function, or null
  const t = (k) => T[lang][k] || k;
  // "1 passage", "3 passages": the count and its noun, by the language's plural rules.
  const counted = (n, noun) => n + ' ' + t(noun + (new Intl.PluralRules(lang === 'zh' ? 'zh-CN' : 'en').select(n) === 'one' ? 'One' : 'Many'));
  const caseId = () => sessionStorage.getItem(CASE_KEY);

  function applyLang() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    document.querySelectorAll('input.when').forEach((el) => { el.placeholder = 'YYYY-MM-DD HH:MM'; el.title = t('badWhen'); });
    $('lang').textContent = lang === 'zh' ? 'English' : '中文';
    $('zone').textContent = t('zone') + zone;
    $('who').textContent = me ? t('signedInAs') + me.name : '';
    $('case-shown').textContent = caseId() ? t('caseShown') + caseId() : '';
    $('change-case').hidden = !caseId();
    document.title = t('title');
  }

  // ---- time in the configured zone, one unambiguous format everywhere: YYYY-MM-DD HH:MM(:SS), 24-hour ----
  function parts(ms) {
    const p = {};
    new Intl.DateTimeFormat('en-US', {timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit',
      day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit'}).formatToParts(new Date(ms))
      .forEach((x) => { p[x.type] = x.value; });
    return p;
  }
  function offsetAt(ms) { // zone offset in ms at an instant
    const p = parts(ms);
    return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - Math.floor(ms / 1000) * 1000;
  }
  function localToIso(value) { // "YYYY-MM-DD HH:MM" in the zone -> ISO instant, or null
    const m = /^\s*(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})\s*$/.exec(value || '');
    if (!m || +m[2] < 1 || +m[2] > 12 || +m[3] < 1 || +m[3] > 31 || +m[4] > 23 || +m[5] > 59) return null;
    const guess = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
    let ms = guess - offsetAt(guess);
    ms = guess - offsetAt(ms);
    return new Date(ms).toISOString();
  }
  function isoToLocal(iso) {
    const ms = Date.parse(iso);
    if (isNaN(ms)) return '';
    const p = parts(ms);
    return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute;
  }
  function show(iso) {
    const ms = Date.parse(iso);
    if (isNaN(ms)) return '';
    const p = parts(ms);
    return p.year + '-' + p.month + '-' + p.day + ' ' + p.hour + ':' + p.minute + ':' + p.second;
  }

  // ---- calls ----
  class Refused extends Error {}
  async function call(path, init) {
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (!token) { askToken('needToken'); throw new Refused(); }
    const headers = Object.assign({'Authorization': 'Bearer ' + token}, (init && init.headers) || {});
    const r = await fetch(path, Object.assign({}, init || {}, {headers: headers, cache: 'no-store', credentials: 'omit'}));
    if (r.status === 401) { sessionStorage.removeItem(TOKEN_KEY); me = null; askToken('badToken'); throw new Refused(); }
    let body = null;
    try { body = await r.json(); } catch (e) { body = null; }
    const error = body && body.error;
    if (r.status === 400 && error === 'case_required') { sessionStorage.removeItem(CASE_KEY); askCase(); throw new Refused(); }
    if (r.status === 403) throw new Error(t('forbidden'));
    if (r.status === 503) {
      throw new Error(t(error === 'passages_store_not_configured' ? 'notConfigured' : error === 'audit_unavailable' ? 'auditDown' : 'unavailable'));
    }
    if (!r.ok) throw new Error(t('failed') + ((body && body.message) || r.status));
    return body;
  }
  function get(path, params, withCase) { // a query: the session's case goes with it (not with an audit read)
    const q = new URLSearchParams(params);
    if (withCase !== false && caseId()) q.set('case', caseId());
    return call(path + '?' + q);
  }
  function hashDocument(type, number) { // the number travels only in this body; never in a URL
    return call('/tracer/v1/document-hash', {method: 'POST', headers: {'Content-Type': 'application/json'},
      body: JSON.stringify({type: type, number: number, case: caseId()})}).then((b) => b.hash);
  }
  function askToken(why) {
    $('case-form').hidden = true;
    $('token-why').textContent = t(why);
    $('token-form').hidden = false;
    $('token').value = '';
    $('token').focus();
  }
  function askCase(why) {
    VIEWS.forEach((v) => { $('form-' + v).hidden = true; });
    $('results').replaceChildren(); setNext(null); status('');
    $('case-why').textContent = t(why || 'caseWhy');
    $('case-form').hidden = false;
    $('case-id').focus();
    applyLang();
  }
  function validCase(c) { return c.trim().length > 0 && [...c].length <= 64 && !/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/.test(c); }
  function status(text, isError) {
    $('status').textContent = text;
    $('status').className = isError ? 'error' : '';
  }
  async function guarded(run) {
    status(t('loading'));
    try { await run(); } catch (e) {
      if (e instanceof Refused) { status(''); return; }
      status(e.message, true);
    }
  }

  // ---- rendering helpers ----
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => { if (k === 'text') e.textContent = v; else e.setAttribute(k, v); });
    children.forEach((c) => e.append(c));
    return e;
  }
  function table(headers, rows) {
    const tb = el('tbody');
    rows.forEach((r) => tb.append(el('tr', {}, ...r.map((c) => c instanceof Node ? el('td', {}, c) : el('td', {text: c == null ? '' : String(c)})))));
    return el('table', {}, el('thead', {}, el('tr', {}, ...headers.map((h) => el('th', {scope: 'col', text: h})))), tb);
  }
  // A passage an offline gate handed in later: its time is the gate's clock, which officers should weigh.
  function offline(r) { return r.offline ? ' · ' + t('offline') : ''; }
  function placeName(id) { const p = places.find((x) => x.id === id); return p ? p.name + ' (' + id + ')' : id; }
  function who(p) { return p.subject ? p.issuer + ' / ' + p.subject : (p.document ? t('document') + ' ' + p.document.slice(0, 12) + '…' : '—'); }
  function setUrl(params) {
    Object.keys(params).forEach((k) => { if (params[k] == null || params[k] === '') delete params[k]; });
    history.pushState(null, '', '?' + new URLSearchParams(params).toString());
  }
  const params = () => new URLSearchParams(location.search);
  function setNext(fn) { next = fn; $('next').hidden = !fn; }
  // Runs a paged query: each page appended, drawn by render(rows, lastBody).
  function paged(path, query, key, render, withCase) {
    const rows = [];
    const page = async (cursor) => {
      const q = Object.assign({}, query);
      if (cursor) q.cursor = cursor;
      const body = await get(path, q, withCase);
      rows.push(...body[key]);
      $('results').replaceChildren();
      setNext(body.next ? () => guarded(() => page(body.next)) : null);
      if (rows.length === 0) { status(t('empty')); return; }
      render(rows);
      status(counted(rows.length, key === 'audit' ? 'rows' : 'passages') + (body.next ? ' — ' + t('more') : ''));
    };
    guarded(() => page(null));
  }

  // ---- view 1: place and window ----
  function histogram(rows, from, to) {
    const bins = 24, a = Date.parse(from), b = Date.parse(to), w = (b - a) / bins, counts = new Array(bins).fill(0);
    rows.forEach((r) => { const i = Math.min(bins - 1, Math.max(0, Math.floor((Date.parse(r.at) - a) / w))); counts[i]++; });
    const max = Math.max(1, ...counts), ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('class', 'hist'); svg.setAttribute('viewBox', '0 0 480 180'); svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', t('histogram'));
    counts.forEach((c, i) => {
      const h = Math.round(c / max * 140), r = document.createElementNS(ns, 'rect');
      r.setAttribute('x', 10 + i * 19); r.setAttribute('y', 150 - h); r.setAttribute('width', 16); r.setAttribute('height', h);
      const tip = document.createElementNS(ns, 'title'); tip.textContent = show(new Date(a + i * w).toISOString()) + ': ' + c;
      r.append(tip); svg.append(r);
      if (c > 0) { const tx = document.createElementNS(ns, 'text'); tx.setAttribute('x', 12 + i * 19); tx.setAttribute('y', 146 - h); tx.textContent = c; svg.append(tx); }
    });
    [[0, from], [bins, to]].forEach(([i, iso]) => {
      const tx = document.createElementNS(ns, 'text'); tx.setAttribute('x', i === 0 ? 10 : 330); tx.setAttribute('y', 170);
      tx.textContent = show(iso); svg.append(tx);
    });
    return svg;
  }
  function runPlace(p) {
    const q = {place: p.place, from: p.from, to: p.to};
    if (p.limit) q.limit = p.limit; // a smaller page, for long windows on slow links
    paged('/tracer/v1/passages', q, 'passages', (rows) => {
      const perGate = {};
      rows.forEach((r) => { perGate[r.gate] = (perGate[r.gate] || 0) + 1; });
      $('results').append(el('h2', {text: placeName(p.place)}),
        el('div', {class: 'grid'},
          el('div', {}, el('h3', {text: t('perGate')}), table([t('gate'), t('count')], Object.entries(perGate).sort())),
          el('div', {}, el('h3', {text: t('histogram')}), histogram(rows, p.from, p.to))),
        table([t('time'), t('gate'), t('decision'), t('colour'), t('issuer') + ' / ' + t('subject')],
          rows.map((r) => [show(r.at) + offline(r), r.gate, r.decision, r.colour, who(r)])));
    });
  }

  // ---- view 2: person ----
  function runPerson(p) {
    const q = p.document ? {document: p.document} : {issuer: p.issuer, subject: p.subject};
    paged('/tracer/v1/passages', Object.assign(q, {from: p.from, to: p.to}), 'passages', (rows) => {
      const list = el('ol', {class: 'timeline'});
      rows.forEach((r) => list.append(el('li', {}, el('strong', {text: show(r.at)}), ' ', placeName(r.place),
        el('span', {class: 'muted', text: ' · ' + r.gate + ' · ' + r.decision + ' · ' + r.colour + offline(r)}))));
      $('results').append(el('h2', {text: p.document ? t('document') + ' ' + p.document.slice(0, 12) + '…' : p.issuer + ' / ' + p.subject}), list);
    });
  }

  // ---- view 3: companions ----
  function csvCell(v) { const s = v == null ? '' : String(v); return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; }
  function runCompanions(p) {
    guarded(async () => {
      const q = p.document ? {document: p.document} : {issuer: p.issuer, subject: p.subject};
      const body = await get('/tracer/v1/companions', Object.assign(q, {from: p.from, to: p.to, withinMinutes: p.within}));
      const res = $('results');
      res.replaceChildren();
      setNext(null);
      const list = body.companions;
      if (list.length === 0) { status(t('empty')); return; }
      const boxes = list.map((c, i) => el('input', {type: 'checkbox', 'data-row': i, 'aria-label': t('select') + ' ' + who(c)}));
      const all = el('input', {type: 'checkbox', id: 'select-all', 'aria-label': t('selectAll')});
      all.addEventListener('change', () => { boxes.forEach((b) => { b.checked = all.checked; }); });
      const exportButton = el('button', {type: 'button', id: 'export', text: t('exportCsv')});
      const link = el('a', {id: 'csv', hidden: ''});
      exportButton.addEventListener('click', () => {
        const lines = [['issuer', 'subject', 'document', 'encounters', 'place', 'their_time', 'case_time'].join(',')];
        boxes.forEach((b, i) => {
          if (!b.checked) return;
          const c = list[i];
          c.encounters.forEach((e) => lines.push([c.issuer, c.subject, c.document, c.count, e.place, e.companionAt, e.at].map(csvCell).join(',')));
        });
        if (link.href) URL.revokeObjectURL(link.href);
        link.href = URL.createObjectURL(new Blob(['\ufeff' + lines.join('\r\n') + '\r\n'], {type: 'text/csv'}));
        link.download = 'companions.csv';
        link.click();
      });
      const rows = list.map((c, i) => [boxes[i], who(c), String(c.count),
        el('ul', {}, ...c.encounters.map((e) => el('li', {text: placeName(e.place) + ': ' + t('theirTime') + ' ' + show(e.companionAt)
          + ', ' + t('caseTime') + ' ' + show(e.at)})))]);
      const tbl = table(['', t('companion'), t('encounters'), t('place') + ' · ' + t('theirTime') + ' · ' + t('caseTime')], rows);
      tbl.querySelector('th').append(all);
      const whom = p.document ? t('document') + ' ' + p.document.slice(0, 12) + '…' : p.issuer + ' / ' + p.subject;
      res.append(el('h2', {text: t('viewCompanions') + ': ' + whom + ' ±' + p.within}), exportButton, link, tbl);
      status(counted(list.length, 'companions'));
    });
  }

  // ---- view 4: audit (supervisors) ----
  function runAudit(p) {
    const q = {from: p.from, to: p.to};
    if (p.officer) q.officer = p.officer;
    if (p.case) q.case = p.case; // a filter here: the session's case is not added
    paged('/tracer/v1/audit', q, 'audit', (rows) => {
      const tbl = table([t('time'), t('officer'), t('caseId'), t('kind'), t('parameters'), t('rows')],
        rows.map((r) => [show(r.at), r.officerName + ' (' + r.officer + ')', r.case || '—', r.kind,
          Object.entries(r.parameters).map(([k, v]) => k + '=' + v).join(', '), String(r.rows)]));
      tbl.setAttribute('class', 'audit');
      $('results').append(tbl);
    }, false);
  }

  // ---- views and forms ----
  function defaults() {
    const now = Date.now();
    return {from: new Date(now - 86400000).toISOString(), to: new Date(now).toISOString()};
  }
  function route() {
    const p = params(), asked = VIEWS.includes(p.get('view')) ? p.get('view') : 'place';
    const view = asked === 'audit' && !(me && me.roles.includes('supervisor')) ? 'place' : asked;
    if (!caseId() && view !== 'audit') { askCase(); return; }
    $('case-form').hidden = true;
    VIEWS.forEach((v) => {
      $('form-' + v).hidden = v !== view;
      const a = $('nav-' + v);
      if (v === view) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    });
    $('results').replaceChildren(); setNext(null); status('');
    const d = defaults(), from = p.get('from') || d.from, to = p.get('to') || d.to;
    $(PREFIX[view] + '-from').value = isoToLocal(from); $(PREFIX[view] + '-to').value = isoToLocal(to);
    if (view === 'place') {
      $('place').value = p.get('place') || $('place').value;
      if (p.get('place')) runPlace({place: p.get('place'), from: from, to: to, limit: p.get('limit')});
    } else if (view === 'person') {
      $('person-issuer').value = p.get('issuer') || ''; $('person-subject').value = p.get('subject') || '';
      if (p.get('document') || (p.get('issuer') && p.get('subject'))) {
        runPerson({issuer: p.get('issuer'), subject: p.get('subject'), document: p.get('document'), from: from, to: to});
      }
    } else if (view === 'companions') {
      $('comp-issuer').value = p.get('issuer') || ''; $('comp-subject').value = p.get('subject') || '';
      $('comp-within').value = p.get('within') || '30';
      if (p.get('document') || (p.get('issuer') && p.get('subject'))) {
        runCompanions({issuer: p.get('issuer'), subject: p.get('subject'), document: p.get('document'), from: from,
          to: to, within: p.get('within') || '30'});
      }
    } else {
      $('audit-officer').value = p.get('officer') || ''; $('audit-case').value = p.get('case') || '';
      if (p.get('from')) runAudit({from: from, to: to, officer: p.get('officer'), case: p.get('case')});
    }
  }
  // Reads a view's window from its form; null (said on the page) when a time is not YYYY-MM-DD HH:MM.
  function windowOf(view) {
    const from = localToIso($(PREFIX[view] + '-from').value), to = localToIso($(PREFIX[view] + '-to').value);
    if (!from || !to) { status(t('badWhen'), true); return null; }
    return {from: from, to: to};
  }
  // Submits a person or companions form: by document number (hashed through the gateway first) or by code.
  function submitWho(view, prefix, extra) {
    const w = windowOf(view);
    if (!w) return;
    const number = $(prefix + '-number').value.trim();
    if (number) {
      guarded(async () => {
        const hash = await hashDocument($(prefix + '-doctype').value, number);
        $(prefix + '-number').value = '';
        setUrl(Object.assign({view: view, document: hash}, w, extra));
        route();
      });
      return;
    }
    if (!$(prefix + '-issuer').value || !$(prefix + '-subject').value) { status(t('needPerson'), true); return; }
    setUrl(Object.assign({view: view, issuer: $(prefix + '-issuer').value, subject: $(prefix + '-subject').value}, w, extra));
    route();
  }
  function wire() {
    document.querySelectorAll('select.doctype').forEach((s) => s.replaceChildren(...DOC_TYPES.map((d) => el('option', {value: d, text: d}))));
    $('form-place').addEventListener('submit', (ev) => {
      ev.preventDefault();
      const w = windowOf('place');
      if (w) { setUrl(Object.assign({view: 'place', place: $('place').value}, w)); route(); }
    });
    $('form-person').addEventListener('submit', (ev) => { ev.preventDefault(); submitWho('person', 'person', {}); });
    $('form-companions').addEventListener('submit', (ev) => {
      ev.preventDefault();
      submitWho('companions', 'comp', {within: $('comp-within').value});
    });
    $('form-audit').addEventListener('submit', (ev) => {
      ev.preventDefault();
      const w = windowOf('audit');
      if (w) { setUrl(Object.assign({view: 'audit', officer: $('audit-officer').value, case: $('audit-case').value}, w)); route(); }
    });
    $('case-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      const c = $('case-id').value;
      if (!validCase(c)) { $('case-why').textContent = t('badCase'); return; }
      sessionStorage.setItem(CASE_KEY, c);
      $('case-id').value = '';
      applyLang();
      route();
    });
    $('change-case').addEventListener('click', () => { sessionStorage.removeItem(CASE_KEY); askCase(); });
    document.querySelectorAll('header nav a').forEach((a) => a.addEventListener('click', (ev) => {
      ev.preventDefault(); history.pushState(null, '', a.getAttribute('href')); route();
    }));
    window.addEventListener('popstate', route);
    $('next').addEventListener('click', () => { if (next) next(); });
    $('lang').addEventListener('click', () => { lang = lang === 'zh' ? 'en' : 'zh'; localStorage.setItem('hcLang', lang); applyLang(); route(); });
    $('forget').addEventListener('click', () => {
      sessionStorage.removeItem(TOKEN_KEY); sessionStorage.removeItem(CASE_KEY); me = null; applyLang(); askToken('needToken');
    });
    $('token-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      sessionStorage.setItem(TOKEN_KEY, $('token').value.trim());
      $('token').value = '';
      $('token-form').hidden = true;
      start();
    });
  }
  async function start() {
    status(t('loading'));
    try {
      me = await call('/tracer/v1/me');
      $('nav-audit').hidden = !me.roles.includes('supervisor');
      const body = await call('/tracer/v1/places');
      zone = body.timeZone || zone;
      places = body.places;
      $('place').replaceChildren(...places.map((p) => el('option', {value: p.id, text: p.name + ' (' + p.id + ')'})));
      applyLang();
      status('');
      route();
    } catch (e) {
      if (!(e instanceof Refused)) status(e.message, true); else status('');
    }
  }
  wire();
  applyLang();
  start();
})();
