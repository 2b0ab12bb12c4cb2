// Tracer console: three views over the tracer API. No framework, no build step: this file is served as written.
// The token lives in sessionStorage only and is sent only in the Authorization header; never in a URL or a log.
'use strict';
(function () {
  const TOKEN_KEY = 'hcTracerToken';
  const T = {
    en: {title: 'Tracer console', viewPlace: 'Place and window', viewPerson: 'Person', viewCompanions: 'Companions',
      forget: 'Forget token', tokenTitle: 'Tracer token', token: 'Token', signIn: 'Use token', place: 'Place',
      from: 'From', to: 'To', show: 'Show', byCode: 'By health code', byDocument: 'Or by identity document',
      issuer: 'Issuer', subject: 'Subject', docType: 'Type', docNumber: 'Number', within: '± minutes',
      next: 'Next page', loading: 'Loading…', empty: 'Nothing found in this window.',
      needToken: 'Type the tracer token to continue.', badToken: 'The token was refused. Type it again.',
      unavailable: 'The passages store is unavailable right now. Nothing is lost; try again in a minute.',
      notConfigured: 'This gateway has no passages store configured; ask its operators.',
      failed: 'The query failed: ', zone: 'Times in ', time: 'Time', gate: 'Gate', decision: 'Decision',
      colour: 'Colour', perGate: 'Passages per gate', count: 'Count', histogram: 'Passages over time',
      passages: 'passages', loaded: 'loaded', more: 'more pages: press “Next page”',
      encounters: 'Encounters', companion: 'Companion', theirTime: 'Their time', caseTime: 'Case’s time',
      select: 'Select', selectAll: 'Select all', exportCsv: 'Export selected (CSV)', document: 'Document',
      needPerson: 'Give issuer and subject, or a document number.', selected: 'selected'},
    zh: {title: '流调查询台', viewPlace: '地点与时段', viewPerson: '个人轨迹', viewCompanions: '密接人员',
      forget: '清除令牌', tokenTitle: '流调令牌', token: '令牌', signIn: '使用令牌', place: '地点',
      from: '开始', to: '结束', show: '查询', byCode: '按健康码', byDocument: '或按身份证件',
      issuer: '签发方', subject: '主体编号', docType: '证件类型', docNumber: '证件号码', within: '前后分钟数',
      next: '下一页', loading: '正在加载…', empty: '该时段内没有记录。',
      needToken: '请输入流调令牌。', badToken: '令牌无效，请重新输入。',
      unavailable: '通行记录库暂时不可用。记录不会丢失，请稍后重试。',
      notConfigured: '本网关未配置通行记录库，请联系运维人员。',
      failed: '查询失败：', zone: '时区：', time: '时间', gate: '闸机', decision: '判定',
      colour: '颜色', perGate: '各闸机通行数', count: '次数', histogram: '通行时间分布',
      passages: '条通行记录', loaded: '已加载', more: '还有更多：请点“下一页”',
      encounters: '接触次数', companion: '密接人员', theirTime: '对方时间', caseTime: '病例时间',
      select: '选择', selectAll: '全选', exportCsv: '导出所选 (CSV)', document: '证件',
      needPerson: '请填写签发方和主体编号，或证件号码。', selected: '已选'}
  };
  const $ = (id) => document.getElementById(id);
  let lang = localStorage.getItem('hcLang') || ((navigator.language || 'en').toLowerCase().startsWith('zh') ? 'zh' : 'en');
  let zone = 'Asia/Shanghai';
  let places = [];
  let next = null;      // continues the current query: a function, or null
  let lastRun = null;   // re-runs the current query after a new token
  const t = (k) => T[lang][k] || k;

  function applyLang() {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.querySelectorAll('[data-i18n]').forEach((el) => { el.textContent = t(el.dataset.i18n); });
    $('lang').textContent = lang === 'zh' ? 'English' : '中文';
    $('zone').textContent = t('zone') + zone;
    document.title = t('title');
  }

  // ---- time in the configured zone ----
  function offsetAt(ms) { // zone offset in ms at an instant
    const p = {};
    new Intl.DateTimeFormat('en-US', {timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit',
      day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit'}).formatToParts(new Date(ms))
      .forEach((x) => { p[x.type] = x.value; });
    return Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute, +p.second) - Math.floor(ms / 1000) * 1000;
  }
  function localToIso(value) { // "YYYY-MM-DDTHH:MM" in the zone -> ISO instant
    const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value || '');
    if (!m) return null;
    const guess = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5]);
    let ms = guess - offsetAt(guess);
    ms = guess - offsetAt(ms);
    return new Date(ms).toISOString();
  }
  function isoToLocal(iso) {
    const ms = Date.parse(iso);
    if (isNaN(ms)) return '';
    return new Date(ms + offsetAt(ms)).toISOString().slice(0, 16);
  }
  function show(iso) {
    return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', {timeZone: zone, year: 'numeric', month: '2-digit',
      day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23'}).format(new Date(iso));
  }

  // ---- calls ----
  class Refused extends Error {}
  async function call(path, init) {
    const token = sessionStorage.getItem(TOKEN_KEY);
    if (!token) { askToken('needToken'); throw new Refused(); }
    const headers = Object.assign({'Authorization': 'Bearer ' + token}, (init && init.headers) || {});
    const r = await fetch(path, Object.assign({}, init || {}, {headers: headers, cache: 'no-store', credentials: 'omit'}));
    if (r.status === 401) { sessionStorage.removeItem(TOKEN_KEY); askToken('badToken'); throw new Refused(); }
    let body = null;
    try { body = await r.json(); } catch (e) { body = null; }
    if (r.status === 503) {
      throw new Error(t(body && body.error === 'passages_store_not_configured' ? 'notConfigured' : 'unavailable'));
    }
    if (!r.ok) throw new Error(t('failed') + ((body && body.message) || r.status));
    return body;
  }
  function askToken(why) {
    $('token-why').textContent = t(why);
    $('token-form').hidden = false;
    $('token').value = '';
    $('token').focus();
  }
  function status(text, isError) {
    $('status').textContent = text;
    $('status').className = isError ? 'error' : '';
  }
  async function guarded(run) {
    lastRun = run;
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
  function placeName(id) { const p = places.find((x) => x.id === id); return p ? p.name + ' (' + id + ')' : id; }
  function who(p) { return p.subject ? p.issuer + ' / ' + p.subject : (p.document ? t('document') + ' ' + p.document.slice(0, 12) + '…' : '—'); }
  function setUrl(params) {
    const q = new URLSearchParams(params).toString();
    history.pushState(null, '', '?' + q);
  }
  const params = () => new URLSearchParams(location.search);

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
    const rows = [];
    const page = async (cursor) => {
      const q = new URLSearchParams({place: p.place, from: p.from, to: p.to});
      if (p.limit) q.set('limit', p.limit); // a smaller page, for long windows on slow links
      if (cursor) q.set('cursor', cursor);
      const body = await call('/tracer/v1/passages?' + q);
      rows.push(...body.passages);
      const res = $('results');
      res.replaceChildren();
      if (rows.length === 0) { status(t('empty')); return; }
      const perGate = {};
      rows.forEach((r) => { perGate[r.gate] = (perGate[r.gate] || 0) + 1; });
      res.append(el('h2', {text: placeName(p.place)}),
        el('div', {class: 'grid'},
          el('div', {}, el('h3', {text: t('perGate')}), table([t('gate'), t('count')], Object.entries(perGate).sort())),
          el('div', {}, el('h3', {text: t('histogram')}), histogram(rows, p.from, p.to))),
        table([t('time'), t('gate'), t('decision'), t('colour'), t('issuer') + ' / ' + t('subject')],
          rows.map((r) => [show(r.at), r.gate, r.decision, r.colour, who(r)])));
      status(rows.length + ' ' + t('passages') + (body.next ? ' — ' + t('more') : ''));
      setNext(body.next ? () => guarded(() => page(body.next)) : null);
    };
    guarded(() => page(null));
  }
  function setNext(fn) { next = fn; $('next').hidden = !fn; }

  // ---- view 2: person ----
  function runPerson(p) {
    const rows = [];
    const page = async (cursor) => {
      const q = new URLSearchParams(p.document ? {document: p.document} : {issuer: p.issuer, subject: p.subject});
      q.set('from', p.from); q.set('to', p.to);
      if (cursor) q.set('cursor', cursor);
      const body = await call('/tracer/v1/passages?' + q);
      rows.push(...body.passages);
      const res = $('results');
      res.replaceChildren();
      if (rows.length === 0) { status(t('empty')); return; }
      const list = el('ol', {class: 'timeline'});
      rows.forEach((r) => list.append(el('li', {}, el('strong', {text: show(r.at)}), ' ', placeName(r.place),
        el('span', {class: 'muted', text: ' · ' + r.gate + ' · ' + r.decision + ' · ' + r.colour}))));
      res.append(el('h2', {text: p.document ? t('document') + ' ' + p.document.slice(0, 12) + '…' : p.issuer + ' / ' + p.subject}), list);
      status(rows.length + ' ' + t('passages') + (body.next ? ' — ' + t('more') : ''));
      setNext(body.next ? () => guarded(() => page(body.next)) : null);
    };
    guarded(() => page(null));
  }

  // ---- view 3: companions ----
  function csvCell(v) { const s = v == null ? '' : String(v); return /[",\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s; }
  function runCompanions(p) {
    guarded(async () => {
      const q = new URLSearchParams({issuer: p.issuer, subject: p.subject, from: p.from, to: p.to, withinMinutes: p.within});
      const body = await call('/tracer/v1/companions?' + q);
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
      res.append(el('h2', {text: t('viewCompanions') + ': ' + p.issuer + ' / ' + p.subject + ' ±' + p.within}), exportButton, link, tbl);
      status(list.length + ' ' + t('companion'));
    });
  }

  // ---- views and forms ----
  function defaults() {
    const now = Date.now();
    return {from: new Date(now - 86400000).toISOString(), to: new Date(now).toISOString()};
  }
  function route() {
    const p = params(), view = ['place', 'person', 'companions'].includes(p.get('view')) ? p.get('view') : 'place';
    ['place', 'person', 'companions'].forEach((v) => {
      $('form-' + v).hidden = v !== view;
      const a = $('nav-' + v);
      if (v === view) a.setAttribute('aria-current', 'page'); else a.removeAttribute('aria-current');
    });
    $('results').replaceChildren(); setNext(null); status('');
    const d = defaults(), from = p.get('from') || d.from, to = p.get('to') || d.to;
    if (view === 'place') {
      $('place').value = p.get('place') || $('place').value;
      $('place-from').value = isoToLocal(from); $('place-to').value = isoToLocal(to);
      if (p.get('place')) runPlace({place: p.get('place'), from: from, to: to, limit: p.get('limit')});
    } else if (view === 'person') {
      $('person-issuer').value = p.get('issuer') || ''; $('person-subject').value = p.get('subject') || '';
      $('person-from').value = isoToLocal(from); $('person-to').value = isoToLocal(to);
      if (p.get('document') || (p.get('issuer') && p.get('subject'))) {
        runPerson({issuer: p.get('issuer'), subject: p.get('subject'), document: p.get('document'), from: from, to: to});
      }
    } else {
      $('comp-issuer').value = p.get('issuer') || ''; $('comp-subject').value = p.get('subject') || '';
      $('comp-within').value = p.get('within') || '30';
      $('comp-from').value = isoToLocal(from); $('comp-to').value = isoToLocal(to);
      if (p.get('issuer') && p.get('subject')) {
        runCompanions({issuer: p.get('issuer'), subject: p.get('subject'), from: from, to: to, within: p.get('within') || '30'});
      }
    }
  }
  function wire() {
    $('form-place').addEventListener('submit', (ev) => {
      ev.preventDefault();
      setUrl({view: 'place', place: $('place').value, from: localToIso($('place-from').value), to: localToIso($('place-to').value)});
      route();
    });
    $('form-person').addEventListener('submit', (ev) => {
      ev.preventDefault();
      const from = localToIso($('person-from').value), to = localToIso($('person-to').value);
      const number = $('person-number').value.trim();
      if (number) { // hashed through the gateway in a POST body; the number never enters the URL
        guarded(async () => {
          const body = await call('/tracer/v1/document-hash', {method: 'POST', headers: {'Content-Type': 'application/json'},
            body: JSON.stringify({type: $('person-doctype').value, number: number})});
          $('person-number').value = '';
          setUrl({view: 'person', document: body.hash, from: from, to: to});
          route();
        });
        return;
      }
      if (!$('person-issuer').value || !$('person-subject').value) { status(t('needPerson'), true); return; }
      setUrl({view: 'person', issuer: $('person-issuer').value, subject: $('person-subject').value, from: from, to: to});
      route();
    });
    $('form-companions').addEventListener('submit', (ev) => {
      ev.preventDefault();
      setUrl({view: 'companions', issuer: $('comp-issuer').value, subject: $('comp-subject').value,
        from: localToIso($('comp-from').value), to: localToIso($('comp-to').value), within: $('comp-within').value});
      route();
    });
    document.querySelectorAll('header nav a').forEach((a) => a.addEventListener('click', (ev) => {
      ev.preventDefault(); history.pushState(null, '', a.getAttribute('href')); route();
    }));
    window.addEventListener('popstate', route);
    $('next').addEventListener('click', () => { if (next) next(); });
    $('lang').addEventListener('click', () => { lang = lang === 'zh' ? 'en' : 'zh'; localStorage.setItem('hcLang', lang); applyLang(); route(); });
    $('forget').addEventListener('click', () => { sessionStorage.removeItem(TOKEN_KEY); askToken('needToken'); });
    $('token-form').addEventListener('submit', (ev) => {
      ev.preventDefault();
      sessionStorage.setItem(TOKEN_KEY, $('token').value);
      $('token').value = '';
      $('token-form').hidden = true;
      start();
    });
  }
  async function start() {
    status(t('loading'));
    try {
      const body = await call('/tracer/v1/places');
      zone = body.timeZone || zone;
      places = body.places;
      $('place').replaceChildren(...places.map((p) => el('option', {value: p.id, text: p.name + ' (' + p.id + ')'})));
      applyLang();
      route();
    } catch (e) {
      if (!(e instanceof Refused)) status(e.message, true); else status('');
    }
  }
  wire();
  applyLang();
  start();
})();
