// The team dashboard: a Telegram Mini App with no library. Everything a trainee wrote (names, transcript lines)
// reaches the screen through textContent or attribute values only, never as HTML.
'use strict';

(function () {
  const INIT_DATA = 'coach.initData';
  const THEME = 'coach.theme';
  const TELEGRAM_WEB = 'https://web.telegram.org';
  const PALETTE = ['#e8710a', '#1a73e8', '#12a4b8', '#d01884', '#6aa121', '#9334e6', '#c99700', '#7a7f85'];
  const OUTCOMES = {
    SUCCESS: '客户满意', FAILURE: '客户挂断要投诉', GAVE_UP: '客户放弃', ENDED: '主动结束',
    EXPIRED: '超时结束', DRILL_DONE: '专项完成'
  };
  const STATUS = { DONE: '已完成', OVERDUE: '已逾期', NOT_STARTED: '未开始' };
  const THEME_VARIABLES = {
    bg_color: '--tg-bg', text_color: '--tg-text', hint_color: '--tg-hint', link_color: '--tg-link',
    button_color: '--tg-button', button_text_color: '--tg-button-text', secondary_bg_color: '--tg-secondary-bg',
    section_bg_color: '--tg-section-bg', section_header_text_color: '--tg-section-header',
    destructive_text_color: '--tg-destructive'
  };
  const collator = new Intl.Collator('zh-CN');
  /** Rows put on screen at once; more follow as the table is scrolled, so a sort of 500 lays out only these. */
  const BATCH = 100;

  const state = {
    initData: null,
    table: null,
    dimensions: new Map(),
    rows: new Map(),
    order: [],
    visible: [],
    shown: 0,
    sort: { key: null, dir: 1 },
    picked: new Set(),
    trainee: null,
    targets: null,
    assignTo: [],
    day: null,
    time: null
  };

  const $ = (id) => document.getElementById(id);

  /** An element with attributes and children; strings become text nodes. */
  function el(tag, attributes, ...children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value !== null && value !== undefined && value !== false) {
        node.setAttribute(name, value === true ? '' : String(value));
      }
    }
    for (const child of children) {
      if (child !== null && child !== undefined) {
        node.append(child instanceof Node ? child : document.createTextNode(String(child)));
      }
    }
    return node;
  }

  function svg(tag, attributes) {
    const node = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      node.setAttribute(name, String(value));
    }
    return node;
  }

  class Failure extends Error {
    constructor(message, status) {
      super(message);
      this.status = status || 0;
    }
  }

  // ---- Telegram: launch parameters, methods and events (docs: core.telegram.org/bots/webapps) ----

  function postEvent(type, data) {
    const payload = data || {};
    if (window.TelegramWebviewProxy && typeof window.TelegramWebviewProxy.postEvent === 'function') {
      window.TelegramWebviewProxy.postEvent(type, JSON.stringify(payload));
    } else if (window.parent !== window) {
      window.parent.postMessage(JSON.stringify({ eventType: type, eventData: payload }), TELEGRAM_WEB);
    }
  }

  function receiveEvent(type, data) {
    if (type === 'theme_changed' && data && data.theme_params) {
      applyTheme(data.theme_params);
      sessionStorage.setItem(THEME, JSON.stringify(data.theme_params));
    } else if (type === 'back_button_pressed') {
      showTeam();
    }
  }

  window.Telegram = { WebView: { receiveEvent: receiveEvent } };
  window.TelegramGameProxy = { receiveEvent: receiveEvent };
  window.addEventListener('message', (event) => {
    if (event.origin !== TELEGRAM_WEB || typeof event.data !== 'string') {
      return;
    }
    let message = null;
    try {
      message = JSON.parse(event.data);
    } catch (notJson) {
      return;
    }
    if (message && typeof message.eventType === 'string') {
      receiveEvent(message.eventType, message.eventData);
    }
  });

  function applyTheme(params) {
    if (!params || typeof params !== 'object') {
      return;
    }
    const root = document.documentElement;
    const color = (key) => (typeof params[key] === 'string' && /^#[0-9a-fA-F]{6}$/.test(params[key]))
      ? params[key] : null;
    root.classList.add('telegram');
    for (const [key, variable] of Object.entries(THEME_VARIABLES)) {
      const value = color(key) || (key === 'section_bg_color' || key === 'secondary_bg_color' ? color('bg_color') : null);
      if (value) {
        root.style.setProperty(variable, value);
      }
    }
    const bg = color('bg_color');
    if (bg) {
      const [r, g, b] = [1, 3, 5].map((i) => parseInt(bg.slice(i, i + 2), 16));
      root.classList.toggle('dark', 0.299 * r + 0.587 * g + 0.114 * b < 128);
    }
  }

  /** The signed initData: from Telegram's launch parameters, a console one-time link, or this tab's earlier visit. */
  async function signIn() {
    const launch = new URLSearchParams(location.hash.slice(1));
    const theme = launch.get('tgWebAppThemeParams') || sessionStorage.getItem(THEME);
    if (theme) {
      try {
        applyTheme(JSON.parse(theme));
        sessionStorage.setItem(THEME, theme);
      } catch (notJson) {
        // A theme we cannot read leaves the default colours.
      }
    }
    const fromTelegram = launch.get('tgWebAppData');
    if (fromTelegram) {
      sessionStorage.setItem(INIT_DATA, fromTelegram);
      return fromTelegram;
    }
    const code = launch.get('login');
    if (code) {
      // The code works once; it leaves the address bar (and the history) before it is used.
      history.replaceState(null, '', location.pathname + location.search);
      const response = await fetch('api/login', {
        method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: code })
      });
      const body = await response.json();
      if (!response.ok) {
        throw new Failure(body.message, response.status);
      }
      sessionStorage.setItem(INIT_DATA, body.initData);
      return body.initData;
    }
    const earlier = sessionStorage.getItem(INIT_DATA);
    if (earlier) {
      return earlier;
    }
    throw new Failure('请在 Telegram 里点菜单按钮「团队看板」或 /team 下面的按钮打开。', 401);
  }

  async function api(path, options) {
    const request = { method: 'GET', headers: { Authorization: 'tma ' + state.initData }, cache: 'no-store' };
    if (options && options.body) {
      request.method = 'POST';
      request.headers['Content-Type'] = 'application/json';
      request.body = JSON.stringify(options.body);
    }
    let response;
    try {
      response = await fetch('api/' + path, request);
    } catch (offline) {
      throw new Failure('连不上服务器,请检查网络后再试。');
    }
    let body = null;
    try {
      body = await response.json();
    } catch (notJson) {
      body = null;
    }
    if (!response.ok) {
      throw new Failure(body && body.message ? body.message : '服务器返回了错误 ' + response.status, response.status);
    }
    return body;
  }

  // ---- formatting ----

  function formatters(zone) {
    const make = (options) => {
      try {
        return new Intl.DateTimeFormat('zh-CN', Object.assign({ timeZone: zone }, options));
      } catch (unknownZone) {
        return new Intl.DateTimeFormat('zh-CN', options);
      }
    };
    state.day = make({ month: 'numeric', day: 'numeric' });
    state.time = make({ month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
  }

  const day = (millis) => state.day.format(new Date(millis));
  const time = (millis) => state.time.format(new Date(millis));
  const score = (value) => (value === null || value === undefined) ? '—' : String(Math.round(value));
  const dimensionName = (id) => state.dimensions.get(id) || id;
  const isoDay = (iso) => {
    const [y, m, d] = iso.split('-').map(Number);
    const thisYear = new Date(state.table ? state.table.now : Date.now()).getFullYear();
    return m + '月' + d + '日' + (y !== thisYear ? '(' + y + ')' : '');
  };

  function status(message, failed) {
    const line = $('status');
    line.textContent = message || '';
    line.hidden = !message;
    line.classList.toggle('error', Boolean(failed));
  }

  function toast(message) {
    const box = $('toast');
    box.textContent = message;
    box.hidden = false;
    clearTimeout(toast.timer);
    toast.timer = setTimeout(() => { box.hidden = true; }, 4000);
  }

  // ---- the team table ----

  async function loadTeam() {
    const table = await api('team');
    state.table = table;
    formatters(table.zone);
    state.dimensions = new Map(table.dimensions.map((d) => [d.id, d.name]));
    $('viewer').textContent = table.viewer;
    state.rows = new Map();
    state.order = table.rows.map((r) => r.id);
    for (const row of table.rows) {
      state.rows.set(row.id, { data: row, node: rowElement(row, table.passMark) });
    }
    for (const id of [...state.picked]) {
      if (!state.rows.has(id)) {
        state.picked.delete(id);
      }
    }
    summary(table);
    renderRows();
    updateSelection();
  }

  function summary(table) {
    const rows = table.rows;
    const chips = $('summary');
    chips.replaceChildren(
      el('span', { class: 'chip' }, '学员 ' + rows.length + ' 人'),
      el('span', { class: 'chip' }, '近 7 天练习 ' + rows.filter((r) => r.week > 0).length + ' 人'),
      el('span', { class: 'chip' }, '达标 ' + rows.filter((r) => r.passed === true).length + ' 人'),
      el('span', { class: 'chip' }, '合格线 ' + table.passMark + ' 分'),
      el('span', { class: 'chip' }, '作业逾期 ' + rows.reduce((n, r) => n + r.overdue, 0) + ' 项'));
  }

  function rowElement(r, passMark) {
    const box = el('input', { type: 'checkbox', 'aria-label': '选择 ' + r.name });
    box.checked = state.picked.has(r.id);
    box.addEventListener('change', () => {
      if (box.checked) {
        state.picked.add(r.id);
      } else {
        state.picked.delete(r.id);
      }
      updateSelection();
    });
    const open = el('button', { type: 'button', class: 'open' }, r.name);
    open.addEventListener('click', () => openTrainee(r.id));
    const verdict = r.passed === null ? el('span', { class: 'muted' }, '—')
      : r.passed ? el('span', { class: 'good' }, '达标') : el('span', { class: 'bad' }, '未达标');
    const weakest = r.weakest === null ? '—' : dimensionName(r.weakest) + ' ' + score(r.weakestScore);
    return el('tr', { 'data-id': r.id },
      el('td', { class: 'pick' }, box),
      el('td', { class: 'name' }, open),
      el('td', { class: 'num' }, r.week),
      el('td', { class: 'num' }, r.month),
      el('td', { class: 'num' + (r.average !== null && r.average < passMark ? ' bad' : '') }, score(r.average)),
      el('td', {}, weakest),
      el('td', {}, verdict),
      el('td', { class: 'num' }, r.due),
      el('td', { class: 'num' + (r.overdue > 0 ? ' bad' : '') }, r.overdue),
      el('td', {}, r.last === null ? '从未练习' : day(r.last)));
  }

  const SORTS = {
    name: (a, b) => collator.compare(a.name, b.name),
    week: (a, b) => a.week - b.week,
    month: (a, b) => a.month - b.month,
    average: (a, b) => a.average - b.average,
    weakest: (a, b) => a.weakestScore - b.weakestScore,
    passed: (a, b) => Number(a.passed) - Number(b.passed),
    due: (a, b) => a.due - b.due,
    overdue: (a, b) => a.overdue - b.overdue,
    last: (a, b) => a.last - b.last
  };
  const NULLABLE = { average: 'average', weakest: 'weakestScore', passed: 'passed', last: 'last' };

  function visibleRows() {
    const query = $('filter').value.trim().toLowerCase();
    const show = $('show').value;
    const keep = (r) => {
      if (query && !r.name.toLowerCase().includes(query)) {
        return false;
      }
      switch (show) {
        case 'fail': return r.passed !== true;
        case 'overdue': return r.overdue > 0;
        case 'due': return r.due > 0;
        case 'idle': return r.week === 0;
        default: return true;
      }
    };
    const rows = state.order.map((id) => state.rows.get(id).data).filter(keep);
    const { key, dir } = state.sort;
    if (key) {
      const field = NULLABLE[key];
      rows.sort((a, b) => {
        // Rows with nothing to compare stay at the bottom whichever way the column is sorted.
        const missingA = field && a[field] === null;
        const missingB = field && b[field] === null;
        if (missingA || missingB) {
          return missingA === missingB ? 0 : missingA ? 1 : -1;
        }
        return dir * SORTS[key](a, b) || collator.compare(a.name, b.name);
      });
    }
    return rows;
  }

  function renderRows() {
    const rows = visibleRows();
    state.visible = rows;
    state.shown = 0;
    $('rows').replaceChildren();
    document.querySelector('.table-wrap').scrollTop = 0;
    showMore();
    $('empty').hidden = rows.length > 0;
    $('count').textContent = '显示 ' + rows.length + ' / ' + state.rows.size + ' 人'
      + (state.sort.key ? '' : ',需要关注的排在前面');
    $('pick-all').checked = rows.length > 0 && rows.every((r) => state.picked.has(r.id));
  }

  /** Appends the next batch of the sorted, filtered rows. */
  function showMore() {
    const next = state.visible.slice(state.shown, state.shown + BATCH);
    const body = document.createDocumentFragment();
    for (const r of next) {
      body.append(state.rows.get(r.id).node);
    }
    $('rows').append(body);
    state.shown += next.length;
  }

  function sortBy(key) {
    state.sort = state.sort.key === key ? { key: key, dir: -state.sort.dir } : { key: key, dir: key === 'name' ? 1 : -1 };
    for (const th of document.querySelectorAll('#team th[data-sort]')) {
      th.setAttribute('aria-sort', th.dataset.sort !== key ? 'none'
        : state.sort.dir > 0 ? 'ascending' : 'descending');
    }
    renderRows();
  }

  function updateSelection() {
    const n = state.picked.size;
    $('picked').textContent = String(n);
    $('selection').hidden = n === 0 || !$('trainee-view').hidden;
    for (const { data, node } of state.rows.values()) {
      node.querySelector('input').checked = state.picked.has(data.id);
    }
  }

  // ---- the team's weeks ----

  async function loadWeeks() {
    const result = await api('weeks');
    const dims = result.dimensions;
    const weeks = result.weeks;
    $('weeks-legend').replaceChildren(...dims.map((d, i) =>
      el('span', {}, swatch(PALETTE[i % PALETTE.length]), d.name)));
    $('weeks-chart').replaceChildren(weekChart(weeks, dims, result.passMark));
    const head = el('tr', {}, el('th', {}, '周'), el('th', { class: 'num' }, '人数'), el('th', { class: 'num' }, '次数'),
      ...dims.map((d) => el('th', { class: 'num' }, d.name)));
    const rows = weeks.map((w, i) => el('tr', {},
      el('td', {}, isoDay(w.start) + (i === weeks.length - 1 ? ' 起(本周)' : ' 起')), el('td', { class: 'num' }, w.trainees), el('td', { class: 'num' }, w.sessions),
      ...dims.map((d) => {
        const value = w.averages[d.id];
        return el('td', { class: 'num' + (value !== undefined && value < result.passMark ? ' bad' : '') },
          value === undefined ? '—' : score(value));
      }))).reverse();
    $('weeks').replaceChildren(el('thead', {}, head), el('tbody', {}, ...rows));
  }

  /** The lowest score a chart shows: ten below the lowest value or the pass mark, in tens; the top is always 100. */
  function floor(values, passMark) {
    return Math.max(0, Math.floor((Math.min(passMark, ...values) - 10) / 10) * 10);
  }

  function swatch(color) {
    const box = el('i', {});
    box.style.background = color;
    return box;
  }

  function weekChart(weeks, dims, passMark) {
    const width = 600;
    const height = 220;
    const left = 28;
    const right = 18;
    const top = 10;
    const bottom = 24;
    const low = floor(weeks.flatMap((w) => Object.values(w.averages)), passMark);
    const x = (i) => left + (weeks.length < 2 ? 0 : i * (width - left - right) / (weeks.length - 1));
    const y = (v) => top + (100 - v) * (height - top - bottom) / (100 - low);
    const chart = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': '每周各维度平均分' });
    for (const v of [0, 1, 2, 3, 4].map((i) => Math.round(low + i * (100 - low) / 4))) {
      chart.append(svg('line', { class: 'grid', x1: left, x2: width - right, y1: y(v), y2: y(v) }));
      const label = svg('text', { x: 2, y: y(v) + 3 });
      label.textContent = String(v);
      chart.append(label);
    }
    chart.append(svg('line', { class: 'mark', x1: left, x2: width - right, y1: y(passMark), y2: y(passMark) }));
    weeks.forEach((w, i) => {
      if (i % 2 === weeks.length % 2 || i === weeks.length - 1) {
        const label = svg('text', { x: x(i), y: height - 6, 'text-anchor': 'middle' });
        label.textContent = w.start.slice(5).replace('-', '/');
        chart.append(label);
      }
    });
    dims.forEach((d, n) => {
      const color = PALETTE[n % PALETTE.length];
      const points = weeks.map((w, i) => [i, w.averages[d.id]]).filter(([, v]) => v !== undefined);
      if (points.length > 1) {
        chart.append(svg('polyline', {
          points: points.map(([i, v]) => x(i) + ',' + y(v)).join(' '), fill: 'none', stroke: color,
          'stroke-width': 2, 'stroke-linejoin': 'round'
        }));
      }
      for (const [i, v] of points) {
        chart.append(svg('circle', { cx: x(i), cy: y(v), r: 2.5, fill: color }));
      }
    });
    return chart;
  }

  // ---- a trainee ----

  async function openTrainee(id) {
    status('正在加载…');
    let trainee;
    try {
      trainee = await api('trainees/' + id);
    } catch (failure) {
      showFailure(failure);
      return;
    }
    state.trainee = trainee;
    renderTrainee(trainee);
    $('team-view').hidden = true;
    $('trainee-view').hidden = false;
    $('back').hidden = false;
    $('title').textContent = trainee.name;
    status('');
    updateSelection();
    window.scrollTo(0, 0);
    postEvent('web_app_setup_back_button', { is_visible: true });
  }

  function showTeam() {
    if ($('trainee-view').hidden) {
      return;
    }
    $('trainee-view').hidden = true;
    $('team-view').hidden = false;
    $('back').hidden = true;
    $('title').textContent = '团队看板';
    state.trainee = null;
    updateSelection();
    postEvent('web_app_setup_back_button', { is_visible: false });
  }

  function renderTrainee(t) {
    $('trainee-name').textContent = t.name;
    const verdict = t.passed === null ? el('span', { class: 'chip muted' }, '近 30 天没有完整练习')
      : el('span', { class: 'chip ' + (t.passed ? 'good' : 'bad') }, t.passed ? '达标' : '未达标');
    $('trainee-chips').replaceChildren(
      el('span', { class: 'chip' }, '近 7 天 ' + t.week + ' 次'),
      el('span', { class: 'chip' }, '近 30 天 ' + t.month + ' 次'),
      el('span', { class: 'chip' }, '平均 ' + score(t.average) + ' 分'),
      verdict);
    $('trends').replaceChildren(...trends(t));
    list('assignments', t.assignments.map((a) => [
      a.kind === 'SCENARIO' ? '场景「' + a.label + '」' : '专项练习「' + a.label + '」',
      ' · ' + STATUS[a.status] + (a.score !== null ? ' ' + a.score + ' 分' : '') + ' · 截止 ' + isoDay(a.due)]),
    '没有进行中的作业');
    list('reviews', t.reviews.map((r) => [dimensionName(r.dimension),
      ' · 下次复习 ' + day(r.due) + ' · 已复习 ' + r.reviews + ' 次 · 连续通过 ' + r.passes + ' 次 · 最近 ' + r.lastScore + ' 分']),
    '没有需要复习的维度');
    list('certificates', t.certificates.map((c) => [c.name + '证书', ' · ' + day(c.earned) + ' 获得']), '还没有证书');
    $('sessions-title').textContent = '练习记录(' + t.sessions.length + (t.moreSessions ? '+' : '') + ' 次)';
    $('sessions').replaceChildren(...t.sessions.map((s) => sessionItem(s, t.passMark)));
    if (t.sessions.length === 0) {
      $('sessions').append(el('li', { class: 'none muted' }, '还没有练习记录'));
    }
  }

  function list(id, items, empty) {
    const target = $(id);
    target.replaceChildren(...items.map(([strong, rest]) => el('li', {}, el('b', {}, strong), rest)));
    if (items.length === 0) {
      target.append(el('li', { class: 'none' }, empty));
    }
  }

  /** One small chart per dimension: its scores over the last 30 sessions that scored it, oldest left. */
  function trends(t) {
    const chronological = t.sessions.slice().reverse();
    return t.dimensions.map((d, n) => {
      const values = chronological.filter((s) => s.scores[d.id] !== undefined && (s.drill === '' || s.drill === d.id))
        .map((s) => s.scores[d.id]).slice(-30);
      const color = PALETTE[n % PALETTE.length];
      const chart = svg('svg', { viewBox: '0 0 150 54', preserveAspectRatio: 'none', role: 'img',
        'aria-label': d.name + '得分趋势' });
      const low = floor(values, t.passMark);
      const y = (v) => 4 + (100 - v) * 46 / (100 - low);
      chart.append(svg('line', { class: 'mark', x1: 0, x2: 150, y1: y(t.passMark), y2: y(t.passMark),
        'vector-effect': 'non-scaling-stroke' }));
      const x = (i) => values.length < 2 ? 75 : i * 150 / (values.length - 1);
      if (values.length > 1) {
        chart.append(svg('polyline', { points: values.map((v, i) => x(i) + ',' + y(v)).join(' '), fill: 'none',
          stroke: color, 'stroke-width': 2, 'vector-effect': 'non-scaling-stroke' }));
      }
      values.forEach((v, i) => chart.append(svg('circle', { cx: x(i), cy: y(v), r: 1.8, fill: color })));
      const latest = values.length ? values[values.length - 1] : null;
      return el('div', { class: 'trend' },
        el('span', { class: latest !== null && latest < t.passMark ? 'bad' : '' },
          latest === null ? '—' : '最近 ' + latest),
        el('b', {}, d.name), chart,
        el('div', { class: 'muted small' }, values.length ? values.length + ' 次,平均 '
          + score(t.averages[d.id] !== undefined ? t.averages[d.id] : values.reduce((a, b) => a + b, 0) / values.length)
          + (t.averages[d.id] !== undefined ? '(近 30 天)' : '') : '还没有得分'));
    });
  }

  function sessionItem(s, passMark) {
    const what = s.drill ? '专项练习 · ' + dimensionName(s.drill) : s.title;
    const head = el('button', { type: 'button', class: 'session-head', 'aria-expanded': 'false' },
      el('span', { class: 'when' }, time(s.ended)), el('span', { class: 'what' }, what),
      el('span', { class: 'score ' + (s.total >= passMark ? 'good' : 'bad') }, s.total + ' 分'));
    const item = el('li', { 'data-session': s.id }, head);
    head.addEventListener('click', () => {
      const open = item.querySelector('.session-body');
      if (open) {
        open.remove();
        head.setAttribute('aria-expanded', 'false');
        return;
      }
      head.setAttribute('aria-expanded', 'true');
      item.append(scorecard(s, passMark));
    });
    return item;
  }

  /** The stored scorecard: total, outcome and the score of each dimension; the transcript on request. */
  function scorecard(s, passMark) {
    const minutes = Math.max(1, Math.round((s.ended - s.started) / 60000));
    const body = el('div', { class: 'session-body' },
      el('p', { class: 'small' }, '结果:' + (OUTCOMES[s.outcome] || s.outcome)
        + (s.resolved ? ' · 问题已解决' : ' · 问题未解决') + ' · ' + s.turns + ' 轮 · 提示 ' + s.hints + ' 次 · 约 '
        + minutes + ' 分钟 · 总分 ' + s.total + '(' + (s.total >= passMark ? '达标' : '未达标') + ')'));
    const bars = el('div', { class: 'bars' });
    for (const [id, value] of Object.entries(s.scores)) {
      if (s.drill && s.drill !== id) {
        continue;
      }
      bars.append(el('div', { class: 'bar-row' }, el('span', {}, dimensionName(id)),
        el('meter', { min: 0, max: 100, low: passMark, optimum: 100, value: value }),
        el('span', { class: value >= passMark ? 'good' : 'bad' }, String(value))));
    }
    const show = el('button', { type: 'button', class: 'show-transcript' }, '查看对话记录');
    show.addEventListener('click', () => {
      show.disabled = true;
      show.textContent = '正在加载…';
      api('sessions/' + s.id).then((call) => {
        show.replaceWith(transcript(call));
      }).catch((failure) => {
        show.disabled = false;
        show.textContent = '查看对话记录';
        toast(failure.message);
      });
    });
    body.append(bars, show);
    return body;
  }

  function transcript(call) {
    const lines = call.lines.map((line) => el('li', { class: line.speaker },
      el('small', {}, line.speaker === 'TRAINEE' ? '学员' : '客户'), line.text));
    if (lines.length === 0) {
      lines.push(el('li', { class: 'CUSTOMER' }, '(这次练习没有对话记录)'));
    }
    return el('ol', { class: 'transcript', 'aria-label': '对话记录' }, ...lines);
  }

  // ---- assigning ----

  async function openAssign(ids) {
    if (ids.length === 0) {
      return;
    }
    try {
      state.targets = await api('targets');
    } catch (failure) {
      toast(failure.message);
      return;
    }
    state.assignTo = ids;
    const names = ids.map((id) => state.rows.has(id) ? state.rows.get(id).data.name
      : state.trainee && state.trainee.id === id ? state.trainee.name : String(id));
    $('assign-who').textContent = '给 ' + (names.length > 3 ? names.slice(0, 3).join('、') + ' 等 ' + names.length + ' 人'
      : names.join('、'));
    const due = new Date(state.targets.today + 'T00:00:00Z');
    due.setUTCDate(due.getUTCDate() + 3);
    $('assign-due').min = state.targets.today;
    $('assign-due').value = due.toISOString().slice(0, 10);
    $('assign-error').textContent = '';
    fillTargets();
    $('sheet').hidden = false;
    $('assign-target').focus();
  }

  function fillTargets() {
    const kind = document.querySelector('input[name="kind"]:checked').value;
    const options = kind === 'SCENARIO'
      ? state.targets.scenarios.map((s) => el('option', { value: s.id }, '★'.repeat(s.difficulty) + ' ' + s.title))
      : state.targets.dimensions.map((d) => el('option', { value: d.id }, '专项练习:' + d.name));
    $('assign-target').replaceChildren(...options);
  }

  async function submitAssign() {
    const kind = document.querySelector('input[name="kind"]:checked').value;
    const target = $('assign-target').value;
    const due = $('assign-due').value;
    if (!target || !due) {
      $('assign-error').textContent = '请选择练习内容和截止日期。';
      return;
    }
    $('assign-submit').disabled = true;
    try {
      const result = await api('assign', { body: { trainees: state.assignTo, kind: kind, target: target, due: due } });
      $('sheet').hidden = true;
      toast(result.message);
      state.picked.clear();
      await loadTeam();
      if (state.trainee) {
        renderTrainee(await api('trainees/' + state.trainee.id));
      }
    } catch (failure) {
      $('assign-error').textContent = failure.message;
    } finally {
      $('assign-submit').disabled = false;
    }
  }

  // ---- start ----

  function showFailure(failure) {
    const message = failure instanceof Failure ? failure.message : '页面出错了,请关闭后重新打开。';
    status(message, true);
    if (failure.status === 401 || failure.status === 403) {
      $('team-view').hidden = true;
      $('trainee-view').hidden = true;
      document.body.dataset.state = 'refused';
    }
  }

  function wire() {
    const more = new IntersectionObserver((seen) => {
      if (seen.some((entry) => entry.isIntersecting) && state.shown < state.visible.length) {
        showMore();
        // Observed again, so a sentinel still in range after the batch asks for the next one too.
        more.unobserve($('more'));
        more.observe($('more'));
      }
    }, { root: document.querySelector('.table-wrap'), rootMargin: '600px 0px' });
    more.observe($('more'));
    for (const th of document.querySelectorAll('#team th[data-sort]')) {
      th.addEventListener('click', () => sortBy(th.dataset.sort));
    }
    $('filter').addEventListener('input', renderRows);
    $('show').addEventListener('change', renderRows);
    $('pick-all').addEventListener('change', () => {
      for (const r of visibleRows()) {
        if ($('pick-all').checked) {
          state.picked.add(r.id);
        } else {
          state.picked.delete(r.id);
        }
      }
      updateSelection();
    });
    $('unpick').addEventListener('click', () => {
      state.picked.clear();
      updateSelection();
      renderRows();
    });
    $('assign-picked').addEventListener('click', () => openAssign([...state.picked]));
    $('assign-one').addEventListener('click', () => openAssign([state.trainee.id]));
    $('assign-cancel').addEventListener('click', () => { $('sheet').hidden = true; });
    $('assign-submit').addEventListener('click', submitAssign);
    for (const radio of document.querySelectorAll('input[name="kind"]')) {
      radio.addEventListener('change', fillTargets);
    }
    $('back').addEventListener('click', showTeam);
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') {
        $('sheet').hidden = true;
      }
    });
    const tabs = { table: $('tab-table'), weeks: $('tab-weeks') };
    for (const [name, tab] of Object.entries(tabs)) {
      tab.addEventListener('click', () => {
        for (const [other, button] of Object.entries(tabs)) {
          button.setAttribute('aria-selected', String(other === name));
          $(other + '-pane').hidden = other !== name;
        }
        if (name === 'weeks') {
          loadWeeks().catch(showFailure);
        }
      });
    }
  }

  async function main() {
    document.body.dataset.state = 'loading';
    wire();
    postEvent('web_app_ready');
    postEvent('web_app_expand');
    state.initData = await signIn();
    await loadTeam();
    status('');
    $('team-view').hidden = false;
    document.body.dataset.state = 'ready';
  }

  main().catch(showFailure);
}());
