// Secretary desk of a conference (issue #7): one page, keyboard-first, usable
// on a laptop with a flaky connection. Plain JS, no build step.
//
// Every write is an operation {client_key, path, body, kind, at, label}
// appended to a queue persisted in localStorage BEFORE it is sent. A single
// sender posts the queue strictly in order: a network failure, a timeout or
// a 5xx/408/429 keeps the operation and retries (on the `online` event and
// on a backoff timer); a 2xx removes it; any other 4xx removes it and shows
// the server's message. A 401, or the 403 of an expired form token, keeps the
// queue and asks for a fresh sign-in (nothing typed is thrown away). The
// server stores each speaker/opinion client_key once, so a resend after a
// lost response is harmless. What is queued is shown at once, marked
// "chờ gửi"; once the queue drains the desk reloads GET A/desk.
(() => {
  'use strict';

  const root = document.getElementById('desk');
  if (!root) return;

  const API = root.dataset.api;
  const CSRF = root.dataset.csrf;
  const STORAGE_KEY = root.dataset.storageKey || 'desk';
  const SNAPSHOT_KEY = STORAGE_KEY + ':snapshot';
  const BACKOFF_MS = [1000, 2000, 4000, 8000, 15000];
  const REQUEST_TIMEOUT_MS = 15000;
  const REFRESH_MS = 20000;

  const OUTCOME_LABELS = {
    answered: 'Trả lời tại hội nghị',
    assigned: 'Giao giải quyết',
    forwarded: 'Chuyển cấp trên',
    pending: 'Chưa trả lời',
  };
  const SPEAKER_STATE_LABELS = { waiting: 'Đang chờ', speaking: 'Đang phát biểu', done: 'Đã xong' };

  const $ = (id) => document.getElementById(id);

  // ---- State ----
  const S = {
    server: null,       // last GET A/desk (with 2xx responses merged in)
    queue: [],          // persisted operations, oldest first
    session: 0,         // the session the desk works on (0 = not chosen yet)
    offline: false,     // the last attempt failed at the network level
    blocked: '',        // a 401/403-csrf message: sending paused until reload
    sending: false,
    attempt: 0,         // consecutive failures, for the backoff
    timer: 0,
    loading: false,
    loaded: false,      // GET A/desk answered at least once since the page opened
    reloadAgain: false,
    sentSinceReload: false,
    attendanceDirty: false,
    lastLiveSpeaker: '',
    errors: [],         // [{message, op}]
  };

  // ---- Helpers ----
  function newKey() {
    if (window.crypto && typeof window.crypto.randomUUID === 'function') {
      return window.crypto.randomUUID();
    }
    // Plain-HTTP LAN deployments are not a secure context: build a v4 UUID.
    const b = new Uint8Array(16);
    window.crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    if (attrs) {
      for (const [k, v] of Object.entries(attrs)) {
        if (v === undefined || v === null || v === false) continue;
        if (k === 'class') node.className = v;
        else if (k === 'text') node.textContent = v;
        else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
        else node.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }

  function fold(s) {
    return String(s || '').normalize('NFD').replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase().trim();
  }

  function clock(iso) {
    if (!iso) return '';
    const m = String(iso).match(/T(\d{2}):(\d{2})/);
    return m ? `${m[1]} giờ ${m[2]}` : String(iso);
  }

  function shorten(text, n) {
    const t = String(text || '');
    return t.length > n ? t.slice(0, n - 1) + '…' : t;
  }

  // ---- Persistence ----
  function loadQueue() {
    try {
      const raw = window.localStorage.getItem(STORAGE_KEY);
      const q = raw ? JSON.parse(raw) : [];
      return Array.isArray(q) ? q.filter((op) => op && op.client_key && op.path) : [];
    } catch (e) {
      return S.queue;
    }
  }

  function saveQueue(queue) {
    S.queue = queue;
    try {
      window.localStorage.setItem(STORAGE_KEY, JSON.stringify(queue));
      return true;
    } catch (e) {
      showError('Không lưu được hàng chờ vào bộ nhớ trình duyệt; đừng tải lại trang khi đang mất kết nối.');
      return false;
    }
  }

  function saveSnapshot() {
    try { window.localStorage.setItem(SNAPSHOT_KEY, JSON.stringify(S.server)); } catch (e) { /* optional */ }
  }

  function loadSnapshot() {
    try {
      const raw = window.localStorage.getItem(SNAPSHOT_KEY);
      return raw ? JSON.parse(raw) : null;
    } catch (e) {
      return null;
    }
  }

  // ---- Operations ----
  // Appends an operation (persisted first), redraws, then kicks the sender.
  function enqueue(kind, suffix, body, label, extra) {
    const op = Object.assign({
      client_key: body.client_key || newKey(),
      path: API + suffix,
      body,
      kind,
      at: new Date().toISOString(),
      label,
    }, extra || {});
    const queue = loadQueue();
    queue.push(op);
    saveQueue(queue);
    render();
    kick();
    return op;
  }

  function findSpeaker(v, ref) {
    if (!ref) return null;
    return v.speakers.find((s) => (ref.key && s.key === ref.key) ||
      (ref.number && s.number === ref.number)) || null;
  }

  function speakerRef(s) {
    return s.number ? { number: s.number, key: s.key || '' } : { key: s.key };
  }

  function nameOf(list, id) {
    const item = (list || []).find((x) => String(x.id) === String(id));
    return item ? item.name : '';
  }

  // Applies one operation to a view (a copy of the server state). `pending`
  // marks optimistic entries that the server has not stored yet.
  function applyOp(v, op, pending) {
    const b = op.body || {};
    switch (op.kind) {
      case 'speaker':
        if (!v.speakers.some((s) => s.key === b.client_key)) {
          v.speakers.push({
            number: 0, key: b.client_key, session: b.session, name: b.name,
            village_id: b.village_id, village_name: nameOf(v.villages, b.village_id),
            agenda_item: b.agenda_item, state: 'waiting', pending,
          });
        }
        break;
      case 'speaker_state': {
        const s = findSpeaker(v, { key: b.speaker_key, number: b.number });
        if (!s) break;
        s.state = b.state;
        if (b.state === 'speaking') {
          v.live.session = s.session;
          v.live.speaker = s.number || 0;
          v.live.speaker_key = s.key;
        }
        break;
      }
      case 'opinion':
        if (!v.opinions.some((o) => o.key === b.client_key)) {
          v.opinions.push({
            number: 0, key: b.client_key, session: b.session, speaker: b.speaker || 0,
            speaker_key: b.speaker_key || '', agenda_item: b.agenda_item, code: '',
            text: b.text, class: b.class, field: b.field, status_label: '',
            outcome: b.outcome, answered_by: b.answered_by || '', answer: b.answer || '',
            unit_id: b.unit_id || null, unit_name: nameOf(v.units, b.unit_id),
            deadline: b.deadline || null, forwarded_to: b.forwarded_to || '', pending,
          });
        }
        v.live.opinion = 0;
        v.live.opinion_key = b.client_key;
        break;
      case 'live':
        v.live = Object.assign({}, v.live, b);
        if (op.resolve && op.resolve.speaker_key) v.live.speaker_key = op.resolve.speaker_key;
        break;
      case 'attendance':
        for (const c of b.counts || []) {
          let row = v.attendance.find((a) => a.session === b.session && a.group === c.group);
          if (!row) {
            row = { session: b.session, group: c.group, label: '', count: 0, checked_in: 0 };
            v.attendance.push(row);
          }
          row.count = c.count;
          row.pending = pending;
        }
        break;
      case 'session_start':
      case 'session_end': {
        const s = v.sessions.find((x) => x.number === op.session);
        if (!s) break;
        if (op.kind === 'session_start') {
          if (!s.started_at) s.started_at = op.at;
          v.live.session = s.number;
        } else {
          if (!s.ended_at) s.ended_at = op.at;
          s.held = true;
        }
        s.pending = pending;
        break;
      }
      case 'checkin': {
        const i = v.invitees.find((x) => x.number === b.number);
        if (i && !i.checked_in) {
          i.checked_in = true;
          i.pending = pending;
        }
        break;
      }
      case 'sign':
        if (!v.minutes[b.as]) v.minutes[b.as] = { name: 'chờ gửi', at: op.at, pending: true };
        break;
      default:
        break;
    }
  }

  // Merges the server's answer to one operation into S.server.
  function mergeResponse(op, json) {
    const v = S.server;
    if (!v) return;
    const upsert = (list, obj) => {
      const i = list.findIndex((x) => (obj.key && x.key === obj.key) ||
        (obj.number && x.number === obj.number));
      if (i >= 0) list[i] = obj; else list.push(obj);
    };
    if (json && json.speaker) upsert(v.speakers, json.speaker);
    if (json && json.opinion) upsert(v.opinions, json.opinion);
    if (json && json.live) v.live = json.live;
    if (json && json.session) upsert(v.sessions, json.session);
    if (json && json.minutes) v.minutes = json.minutes;
    if (op.kind === 'speaker_state' && json && json.speaker && json.speaker.state === 'speaking') {
      v.live.speaker = json.speaker.number;
      v.live.session = json.speaker.session;
    }
    if (op.kind === 'opinion' && json && json.opinion) {
      v.live.opinion = json.opinion.number;
      v.live.speaker = json.opinion.speaker || v.live.speaker;
    }
    if (op.kind === 'attendance' || op.kind === 'checkin' ||
        (op.kind.startsWith('session_') && !(json && json.session))) {
      applyOp(v, op, false);
    }
  }

  // Fills in, at send time, numbers the server gave to entries that were
  // still queued when the operation was made.
  function resolveBody(op) {
    const body = Object.assign({}, op.body);
    if (op.resolve && S.server) {
      if (op.resolve.speaker_key) {
        const s = S.server.speakers.find((x) => x.key === op.resolve.speaker_key);
        body.speaker = s ? s.number : 0;
      }
      if (op.resolve.opinion_key) {
        const o = S.server.opinions.find((x) => x.key === op.resolve.opinion_key);
        body.opinion = o ? o.number : 0;
      }
    }
    return body;
  }

  // ---- Sender ----
  function kick() {
    if (S.timer) {
      window.clearTimeout(S.timer);
      S.timer = 0;
    }
    if (!S.sending && !S.blocked) sendLoop();
  }

  function scheduleRetry() {
    if (S.timer) window.clearTimeout(S.timer);
    const delay = BACKOFF_MS[Math.min(S.attempt, BACKOFF_MS.length - 1)];
    S.attempt += 1;
    S.timer = window.setTimeout(() => { S.timer = 0; kick(); }, delay);
  }

  async function post(path, body) {
    const ctl = new AbortController();
    const t = window.setTimeout(() => ctl.abort(), REQUEST_TIMEOUT_MS);
    try {
      return await fetch(path, {
        method: 'POST',
        credentials: 'same-origin',
        cache: 'no-store',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          'X-CSRF-Token': CSRF,
        },
        body: JSON.stringify(body),
        signal: ctl.signal,
      });
    } finally {
      window.clearTimeout(t);
    }
  }

  async function readJson(res) {
    try { return await res.json(); } catch (e) { return null; }
  }

  function errorMessage(json, status) {
    const e = json && json.error;
    if (!e) return `Máy chủ từ chối (mã ${status}).`;
    const parts = [e.message || `Máy chủ từ chối (mã ${status}).`];
    for (const f of e.fields || []) {
      if (f.message && f.message !== e.message) parts.push(f.message);
    }
    return parts.join(' ');
  }

  function removeOp(key) {
    saveQueue(loadQueue().filter((o) => o.client_key !== key));
  }

  async function sendLoop() {
    S.sending = true;
    let sent = 0;
    try {
      for (;;) {
        const queue = loadQueue();
        S.queue = queue;
        if (queue.length === 0) break;
        const op = queue[0];
        let res;
        try {
          res = await post(op.path, resolveBody(op));
        } catch (e) {
          S.offline = true;
          render();
          scheduleRetry();
          return;
        }
        const json = await readJson(res);
        if (res.ok) {
          S.offline = false;
          S.attempt = 0;
          removeOp(op.client_key);
          mergeResponse(op, json);
          sent += 1;
          render();
          continue;
        }
        if (res.status >= 500 || res.status === 408 || res.status === 429) {
          S.offline = res.status === 503;
          render();
          scheduleRetry();
          return;
        }
        const message = errorMessage(json, res.status);
        if (res.status === 401 || (res.status === 403 && /tải lại trang/i.test(message))) {
          S.blocked = res.status === 401
            ? 'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại rồi tải lại trang này; các mục chờ gửi vẫn được giữ.'
            : message + ' Các mục chờ gửi vẫn được giữ.';
          render();
          return;
        }
        // Refused (4xx): drop it, say why.
        S.offline = false;
        removeOp(op.client_key);
        showError(`Không lưu được ${op.label || 'thao tác'}: ${message}`, op);
        render();
      }
    } finally {
      S.sending = false;
      if (sent > 0) S.sentSinceReload = true;
    }
    if (S.sentSinceReload && loadQueue().length === 0) {
      S.sentSinceReload = false;
      await reload();
      // Something may have been queued while reloading.
      if (loadQueue().length > 0) kick();
    }
  }

  // ---- Reads ----
  async function reload() {
    if (S.loading) {
      S.reloadAgain = true;
      return;
    }
    S.loading = true;
    S.reloadAgain = false;
    try {
      const res = await fetch(API + '/desk', {
        credentials: 'same-origin',
        cache: 'no-store',
        headers: { Accept: 'application/json' },
      });
      const json = await readJson(res);
      if (res.ok && json) {
        S.server = normalise(json);
        S.loaded = true;
        S.offline = false;
        saveSnapshot();
      } else if (res.status === 401) {
        S.blocked = 'Phiên đăng nhập đã hết hạn. Hãy đăng nhập lại rồi tải lại trang này; các mục chờ gửi vẫn được giữ.';
      } else if (res.status < 500) {
        showError('Không tải được dữ liệu hội nghị: ' + errorMessage(json, res.status));
      }
    } catch (e) {
      S.offline = true;
    } finally {
      S.loading = false;
    }
    render();
    if (S.reloadAgain) await reload();
  }

  function normalise(d) {
    const list = (x) => (Array.isArray(x) ? x : []);
    return Object.assign({}, d, {
      sessions: list(d.sessions), agenda: list(d.agenda), villages: list(d.villages),
      units: list(d.units), fields: list(d.fields), classes: list(d.classes),
      groups: list(d.groups), attendance: list(d.attendance), invitees: list(d.invitees),
      speakers: list(d.speakers), opinions: list(d.opinions),
      live: Object.assign({ session: 0, speaker: 0, opinion: 0, agenda_item: 0 }, d.live || {}),
      minutes: Object.assign({ secretary: null, chair: null, locked: false }, d.minutes || {}),
    });
  }

  function view() {
    const v = JSON.parse(JSON.stringify(S.server));
    for (const op of S.queue) applyOp(v, op, true);
    return v;
  }

  // ---- Messages ----
  // A problem with what is typed in a form: replaces the previous one.
  function showFormError(message) {
    S.errors = S.errors.filter((e) => !e.form);
    if (message) S.errors.push({ message, op: null, form: true });
    renderErrors();
  }

  function showError(message, op) {
    S.errors.push({ message, op: op || null });
    if (S.errors.length > 8) S.errors.shift();
    renderErrors();
  }

  function renderErrors() {
    const box = $('loi');
    box.replaceChildren();
    S.errors.forEach((e, i) => {
      const p = el('p', { class: 'desk-error' }, e.message);
      if (e.op && e.op.kind === 'opinion') {
        p.append(' ', el('button', {
          type: 'button', class: 'button-link', text: 'Chép lại vào biểu mẫu',
          onclick: () => restoreOpinion(e.op),
        }));
      }
      p.append(' ', el('button', {
        type: 'button', class: 'button-link', text: 'Đóng',
        onclick: () => { S.errors.splice(i, 1); renderErrors(); },
      }));
      box.append(p);
    });
  }

  function renderStatus() {
    const n = S.queue.length;
    const line = $('dong-bo');
    let text;
    const offline = S.offline || !navigator.onLine;
    if (S.blocked) text = S.blocked + (n ? ` (${n} mục chờ gửi)` : '');
    else if (n > 0 && offline) text = `Mất kết nối – ${n} mục chờ gửi`;
    else if (n > 0) text = `Đang gửi – ${n} mục chờ gửi`;
    else if (!S.loaded && offline) {
      text = S.server ? 'Mất kết nối – đang hiện dữ liệu đã lưu trên máy, đang thử lại…'
        : 'Mất kết nối – chưa tải được dữ liệu, đang thử lại…';
    } else if (!S.loaded) text = 'Đang tải dữ liệu…';
    else if (offline) text = 'Mất kết nối – không có mục nào chờ gửi';
    else text = 'Đã đồng bộ';
    if (line.textContent !== text) line.textContent = text;
    line.classList.toggle('is-offline', Boolean(S.blocked) || offline);
    line.classList.toggle('is-pending', n > 0);
  }

  // ---- Rendering ----
  function chooseSession(v) {
    if (S.session && v.sessions.some((s) => s.number === S.session)) return;
    const live = v.live && v.live.session;
    const running = v.sessions.find((s) => s.started_at && !s.ended_at);
    const open = v.sessions.find((s) => !s.held);
    S.session = (live && v.sessions.some((s) => s.number === live) ? live : 0) ||
      (running && running.number) || (open && open.number) ||
      (v.sessions[0] && v.sessions[0].number) || 1;
  }

  // Replaces a list's children, keeping the focus on the element with the
  // same data-focus-id (re-rendering must not throw the keyboard user out).
  function replaceKeepingFocus(container, children) {
    const active = document.activeElement;
    const id = active && container.contains(active) ? active.dataset.focusId : null;
    container.replaceChildren(...children);
    if (!id) return;
    const again = Array.from(container.querySelectorAll('[data-focus-id]'))
      .find((n) => n.dataset.focusId === id);
    if (again) again.focus();
    else if (container.querySelector('button')) container.querySelector('button').focus();
  }

  function fillSelect(select, items, valueOf, labelOf, blank) {
    const wanted = [];
    if (blank !== undefined) wanted.push(['', blank]);
    for (const it of items) wanted.push([String(valueOf(it)), labelOf(it)]);
    const current = Array.from(select.options).map((o) => [o.value, o.textContent]);
    if (JSON.stringify(current) === JSON.stringify(wanted)) return false;
    const keep = select.value;
    select.replaceChildren(...wanted.map(([value, label]) => el('option', { value }, label)));
    if (wanted.some(([value]) => value === keep)) select.value = keep;
    return true;
  }

  function render() {
    renderStatus();
    if (!S.server) return;
    const v = view();
    chooseSession(v);
    renderSession(v);
    renderAgenda(v);
    renderSpeakers(v);
    renderOpinionForm(v);
    renderOpinions(v);
    renderAttendance(v);
    renderInvitees(v);
    renderMinutes(v);
  }

  function renderSession(v) {
    fillSelect($('phien'), v.sessions, (s) => s.number, (s) => `Phiên ${s.number} – ${s.date || ''}`);
    $('phien').value = String(S.session);
    const s = v.sessions.find((x) => x.number === S.session);
    const info = $('phien-thong-tin');
    if (!s) {
      info.textContent = 'Hội nghị chưa có phiên họp.';
      $('bat-dau').disabled = true;
      $('ket-thuc').disabled = true;
      return;
    }
    let state;
    if (s.ended_at || s.held) state = `Đã kết thúc${s.ended_at ? ' lúc ' + clock(s.ended_at) : ''}`;
    else if (s.started_at) state = `Đang họp từ ${clock(s.started_at)}`;
    else state = 'Chưa bắt đầu';
    info.textContent = `${s.venue || ''}${s.start_text ? ', ' + s.start_text : ''} · ${state}${s.pending ? ' (chờ gửi)' : ''}`;
    $('bat-dau').disabled = Boolean(s.started_at || s.held);
    $('ket-thuc').disabled = !s.started_at || Boolean(s.ended_at || s.held);
  }

  function agendaFor(v) {
    return v.agenda.filter((a) => !a.session || a.session === S.session);
  }

  function renderAgenda(v) {
    const list = $('chuong-trinh');
    const items = agendaFor(v);
    replaceKeepingFocus(list, items.map((a, i) => {
      const current = v.live.agenda_item === a.index;
      const button = el('button', {
        type: 'button', class: 'desk-agenda-item' + (current ? ' is-current' : ''),
        'data-focus-id': 'agenda-' + a.index,
        'aria-pressed': current ? 'true' : 'false',
        'aria-keyshortcuts': i < 9 ? `Alt+${i + 1}` : undefined,
        onclick: () => setAgenda(a.index),
      },
      i < 9 ? el('kbd', { class: 'desk-key' }, String(i + 1)) : null,
      el('span', { class: 'desk-agenda-time' }, a.time || ''),
      ' ', a.content || '',
      a.presenter ? el('span', { class: 'muted' }, ` – ${a.presenter}`) : null);
      return el('li', current ? { 'aria-current': 'step' } : null, button);
    }));
    if (items.length === 0) list.append(el('li', { class: 'muted' }, 'Chưa có chương trình.'));
  }

  function liveSpeaker(v) {
    return findSpeaker(v, { key: v.live.speaker_key, number: v.live.speaker });
  }

  function renderSpeakers(v) {
    const dl = $('ds-thon');
    fillSelect(dl, v.villages, (x) => x.name, (x) => x.name);
    const list = $('ds-nguoi');
    const mine = v.speakers.filter((s) => s.session === S.session);
    const live = liveSpeaker(v);
    replaceKeepingFocus(list, mine.map((s) => {
      const isLive = live === s || s.state === 'speaking';
      const li = el('li', {
        class: `desk-speaker state-${s.state}${s.pending ? ' is-pending' : ''}${isLive ? ' is-live' : ''}`,
        'data-key': s.key || undefined, 'data-number': s.number || undefined,
      },
      el('span', { class: 'desk-speaker-name' }, s.name),
      s.village_name ? el('span', { class: 'muted' }, ` (${s.village_name})`) : null,
      ' ',
      el('span', { class: 'desk-badge' }, SPEAKER_STATE_LABELS[s.state] || s.state),
      s.pending ? el('span', { class: 'desk-pending' }, ' chờ gửi') : null,
      ' ');
      if (s.state !== 'speaking' && s.state !== 'done') {
        li.append(el('button', { type: 'button', 'data-focus-id': 'goi-' + speakerValue(s),
          onclick: () => setSpeakerState(s, 'speaking') }, 'Gọi'));
      }
      if (s.state === 'speaking') {
        li.append(el('button', { type: 'button', 'data-focus-id': 'xong-' + speakerValue(s),
          onclick: () => setSpeakerState(s, 'done') }, 'Xong'));
      }
      return li;
    }));
    if (mine.length === 0) list.append(el('li', { class: 'muted' }, 'Chưa có ai đăng ký phát biểu.'));
  }

  function speakerValue(s) {
    return s.key ? 'k:' + s.key : 'n:' + s.number;
  }

  function renderOpinionForm(v) {
    const mine = v.speakers.filter((s) => s.session === S.session);
    const select = $('op-speaker');
    fillSelect(select, mine, speakerValue,
      (s) => `${s.number ? s.number + '. ' : ''}${s.name}${s.village_name ? ' (' + s.village_name + ')' : ''}${s.pending ? ' – chờ gửi' : ''}`,
      '— Chọn người nêu ý kiến —');
    const live = liveSpeaker(v);
    const liveValue = live ? speakerValue(live) : '';
    if (liveValue !== S.lastLiveSpeaker) {
      S.lastLiveSpeaker = liveValue;
      if (liveValue) select.value = liveValue;
    }
    fillSelect($('op-class'), v.classes, (c) => c.code, (c) => c.label);
    if (!$('op-class').dataset.init && v.classes.length) {
      $('op-class').dataset.init = '1';
      if (v.classes.some((c) => c.code === 'proposal')) $('op-class').value = 'proposal';
    }
    fillSelect($('op-field'), v.fields, (f) => f.code, (f) => f.label, '— Chưa chọn —');
    fillSelect($('op-unit'), v.units, (u) => u.id, (u) => u.name, '— Chọn bộ phận —');
    updateOutcomeFields();
  }

  function outcomeText(o) {
    const label = OUTCOME_LABELS[o.outcome] || o.status_label || '';
    switch (o.outcome) {
      case 'answered':
        return `${label}${o.answered_by ? ' – ' + o.answered_by : ''}${o.answer ? ': ' + shorten(o.answer, 160) : ''}`;
      case 'assigned':
        return `${label}: ${o.unit_name || ''}${o.deadline ? ', hạn ' + o.deadline : ''}`;
      case 'forwarded':
        return `${label}${o.forwarded_to ? ': ' + o.forwarded_to : ''}`;
      default:
        return label;
    }
  }

  function renderOpinions(v) {
    const body = $('ds-y-kien').tBodies[0];
    const classLabel = (c) => (v.classes.find((x) => x.code === c) || {}).label || '';
    const rows = v.opinions.map((o) => {
      const s = findSpeaker(v, { key: o.speaker_key, number: o.speaker });
      return el('tr', { class: o.pending ? 'is-pending' : '', 'data-key': o.key || '' },
        el('td', null, o.number ? String(o.number) : ''),
        el('td', null, o.code ? el('span', { class: 'desk-code' }, o.code)
          : el('span', { class: 'desk-pending' }, 'chờ gửi')),
        el('td', null, s ? s.name : ''),
        el('td', null, el('span', { class: 'desk-op-text' }, shorten(o.text, 240)),
          el('br'), el('span', { class: 'muted' }, classLabel(o.class))),
        el('td', null, outcomeText(o), o.status_label ? el('br') : null,
          o.status_label ? el('span', { class: 'muted' }, o.status_label) : null));
    });
    if (rows.length === 0) {
      rows.push(el('tr', null, el('td', { colspan: '5', class: 'muted' }, 'Chưa ghi ý kiến nào.')));
    }
    body.replaceChildren(...rows.reverse());
  }

  function renderAttendance(v) {
    const body = $('so-nguoi').querySelector('tbody');
    // Never redraw under the user's fingers.
    if (body.contains(document.activeElement) && body.children.length) return;
    const rows = v.groups.map((g) => {
      const a = v.attendance.find((x) => x.session === S.session && x.group === g.code) || {};
      const id = 'att-' + g.code;
      const existing = document.getElementById(id);
      const value = S.attendanceDirty && existing ? existing.value : String(a.count || 0);
      return el('tr', null,
        el('th', { scope: 'row' }, el('label', { for: id }, g.label)),
        el('td', null, el('input', {
          id, type: 'number', min: '0', max: '100000', inputmode: 'numeric', value,
          'data-group': g.code, class: 'desk-count',
          oninput: () => { S.attendanceDirty = true; },
        })),
        el('td', null, String(a.checked_in || 0), a.pending ? el('span', { class: 'desk-pending' }, ' chờ gửi') : null));
    });
    body.replaceChildren(...rows);
  }

  function renderInvitees(v) {
    const q = fold($('tim-khach').value);
    const groupLabel = (code) => (v.groups.find((g) => g.code === code) || {}).label || code || '';
    const shown = v.invitees.filter((i) => !q || fold(`${i.name} ${i.title}`).includes(q));
    const present = v.invitees.filter((i) => i.checked_in).length;
    $('co-mat').textContent = `Có mặt: ${present} / ${v.invitees.length} người được mời.`;
    const list = $('ds-khach');
    replaceKeepingFocus(list, shown.map((i) => el('li', { class: i.checked_in ? 'is-present' : '' },
      i.checked_in
        ? el('span', { class: 'badge ok' }, '✓ Có mặt')
        : el('button', { type: 'button', class: 'checkin-button', 'data-focus-id': 'khach-' + i.number,
          onclick: () => checkIn(i) }, 'Có mặt'),
      el('span', null, i.name),
      i.title ? el('span', { class: 'muted' }, ` – ${i.title}`) : null,
      el('span', { class: 'muted' }, ` · ${groupLabel(i.group)}`),
      i.pending ? el('span', { class: 'desk-pending' }, ' chờ gửi') : null)));
  }

  function renderMinutes(v) {
    const m = v.minutes;
    const who = (x) => (x ? `${x.name} (${clock(x.at) || x.at || ''})` : 'chưa ký');
    $('bien-ban-tinh-trang').textContent =
      `Thư ký: ${who(m.secretary)} · Chủ tọa: ${who(m.chair)}` +
      (m.locked ? ' · Biên bản đã ban hành và khóa; sửa bằng biên bản bổ sung.' : '');
    $('ky-thu-ky').disabled = Boolean(m.secretary);
    $('ky-chu-toa').disabled = Boolean(m.chair);
  }

  // ---- Actions ----
  function currentLive(v) {
    const live = v.live || {};
    const out = { session: S.session, speaker: live.speaker || 0, opinion: live.opinion || 0,
      agenda_item: live.agenda_item || 0 };
    const resolve = {};
    if (!out.speaker && live.speaker_key) resolve.speaker_key = live.speaker_key;
    if (!out.opinion && live.opinion_key) resolve.opinion_key = live.opinion_key;
    return { body: out, resolve: Object.keys(resolve).length ? resolve : null };
  }

  function setAgenda(index) {
    if (!S.server) return;
    const v = view();
    const { body, resolve } = currentLive(v);
    body.agenda_item = index;
    const item = v.agenda.find((a) => a.index === index);
    enqueue('live', '/desk/live', body, `mục chương trình “${item ? shorten(item.content, 60) : index}”`,
      resolve ? { resolve } : null);
  }

  function setSpeakerState(s, state) {
    const body = s.number ? { number: s.number, state } : { speaker_key: s.key, state };
    if (s.key && !s.number) body.speaker_key = s.key;
    enqueue('speaker_state', '/desk/speakers/state', body,
      `trạng thái của người phát biểu ${s.name}`);
    if (state === 'speaking') $('op-text').focus();
    else $('sp-name').focus();
  }

  function resolveVillage(text, villages) {
    const t = fold(text);
    if (!t) return { id: null };
    const exact = villages.find((x) => fold(x.name) === t);
    if (exact) return { id: exact.id };
    if (/^\d+$/.test(t)) {
      const byNumber = villages.filter((x) => new RegExp(`(^|\\D)0*${Number(t)}$`).test(fold(x.name)));
      if (byNumber.length === 1) return { id: byNumber[0].id };
    }
    const partial = villages.filter((x) => fold(x.name).includes(t));
    if (partial.length === 1) return { id: partial[0].id };
    return { error: partial.length > 1 ? `“${text}” khớp nhiều thôn; hãy gõ rõ hơn.`
      : `Không có thôn “${text}”.` };
  }

  function addSpeaker(ev) {
    ev.preventDefault();
    if (!S.server) return;
    const name = $('sp-name').value.trim();
    if (!name) {
      showFormError('Cần nhập họ tên người phát biểu.');
      $('sp-name').focus();
      return;
    }
    const village = resolveVillage($('sp-village').value, S.server.villages);
    if (village.error) {
      $('sp-village').setAttribute('aria-invalid', 'true');
      showFormError(village.error);
      $('sp-village').focus();
      return;
    }
    $('sp-village').removeAttribute('aria-invalid');
    showFormError('');
    const v = view();
    const key = newKey();
    enqueue('speaker', '/desk/speakers', {
      client_key: key, session: S.session, name, village_id: village.id,
      agenda_item: v.live.agenda_item || 0, anonymous: $('sp-anonymous').checked,
      phone: $('sp-phone').value.trim(),
    }, `người phát biểu ${name}`);
    $('sp-name').value = '';
    $('sp-phone').value = '';
    $('sp-village').value = '';
    $('sp-anonymous').checked = false;
    $('sp-name').focus();
  }

  function selectedOutcome() {
    const r = document.querySelector('#y-kien-form input[name=outcome]:checked');
    return r ? r.value : 'pending';
  }

  function updateOutcomeFields() {
    const o = selectedOutcome();
    $('op-answered').hidden = o !== 'answered';
    $('op-assigned').hidden = o !== 'assigned';
    $('op-forwarded').hidden = o !== 'forwarded';
    $('op-denunciation-note').hidden = $('op-class').value !== 'denunciation';
  }

  function saveOpinion(ev) {
    if (ev) ev.preventDefault();
    if (!S.server) return;
    const v = view();
    const problems = [];
    const sv = $('op-speaker').value;
    const speaker = v.speakers.find((s) => speakerValue(s) === sv);
    const text = $('op-text').value.trim();
    const outcome = selectedOutcome();
    if (!speaker) problems.push(['op-speaker', 'Chọn người nêu ý kiến (bấm “Gọi” ở hàng chờ).']);
    if (!text) problems.push(['op-text', 'Cần nhập nội dung ý kiến.']);
    const body = {
      client_key: newKey(), session: S.session, agenda_item: v.live.agenda_item || 0,
      text, class: $('op-class').value, field: $('op-field').value, outcome,
    };
    if (speaker) {
      if (speaker.number) body.speaker = speaker.number;
      else body.speaker_key = speaker.key;
    }
    if (outcome === 'answered') {
      body.answered_by = $('op-answered-by').value.trim();
      body.answer = $('op-answer').value.trim();
      if (!body.answered_by) problems.push(['op-answered-by', 'Cần ghi người trả lời.']);
      if (!body.answer) problems.push(['op-answer', 'Cần tóm tắt nội dung trả lời tại hội nghị.']);
    } else if (outcome === 'assigned') {
      body.unit_id = $('op-unit').value ? Number($('op-unit').value) : null;
      body.deadline = $('op-deadline').value;
      if (!body.unit_id) problems.push(['op-unit', 'Chọn bộ phận giải quyết.']);
      if (!body.deadline) problems.push(['op-deadline', 'Chọn hạn giải quyết.']);
    } else if (outcome === 'forwarded') {
      body.forwarded_to = $('op-forwarded-to').value.trim();
      if (!body.forwarded_to) problems.push(['op-forwarded-to', 'Cần ghi cơ quan được chuyển đến.']);
    }
    for (const id of ['op-speaker', 'op-text', 'op-answered-by', 'op-answer', 'op-unit', 'op-deadline',
      'op-forwarded-to']) {
      $(id).removeAttribute('aria-invalid');
    }
    if (problems.length) {
      for (const [id] of problems) $(id).setAttribute('aria-invalid', 'true');
      showFormError(problems.map((p) => p[1]).join(' '));
      $(problems[0][0]).focus();
      return;
    }
    showFormError('');
    enqueue('opinion', '/desk/opinions', body, `ý kiến “${shorten(text, 60)}”`);
    $('op-text').value = '';
    $('op-answer').value = '';
    $('op-forwarded-to').value = '';
    $('op-text').focus();
  }

  function restoreOpinion(op) {
    const b = op.body || {};
    $('op-text').value = b.text || '';
    if (b.class) $('op-class').value = b.class;
    $('op-field').value = b.field || '';
    const radio = document.querySelector(`#y-kien-form input[name=outcome][value="${b.outcome}"]`);
    if (radio) radio.checked = true;
    $('op-answered-by').value = b.answered_by || '';
    $('op-answer').value = b.answer || '';
    $('op-unit').value = b.unit_id ? String(b.unit_id) : '';
    $('op-deadline').value = b.deadline || '';
    $('op-forwarded-to').value = b.forwarded_to || '';
    updateOutcomeFields();
    $('op-text').focus();
  }

  function saveAttendance(ev) {
    ev.preventDefault();
    if (!S.server) return;
    const counts = [];
    for (const input of $('so-nguoi').querySelectorAll('input[data-group]')) {
      const n = Number(input.value || 0);
      if (!Number.isInteger(n) || n < 0) {
        input.setAttribute('aria-invalid', 'true');
        showFormError('Số người dự phải là số nguyên không âm.');
        input.focus();
        return;
      }
      input.removeAttribute('aria-invalid');
      counts.push({ group: input.dataset.group, count: n });
    }
    S.attendanceDirty = false;
    showFormError('');
    enqueue('attendance', '/desk/attendance', { session: S.session, counts },
      `số người dự phiên ${S.session}`);
  }

  function checkIn(i) {
    enqueue('checkin', '/desk/check-in', { number: i.number }, `điểm danh ${i.name}`);
  }

  function sessionAction(kind) {
    const n = S.session;
    const verb = kind === 'session_start' ? 'start' : 'end';
    enqueue(kind, `/desk/sessions/${n}/${verb}`, {},
      kind === 'session_start' ? `bắt đầu phiên ${n}` : `kết thúc phiên ${n}`, { session: n });
  }

  function sign(as) {
    enqueue('sign', '/minutes/sign', { as },
      as === 'chair' ? 'chữ ký chủ tọa' : 'chữ ký thư ký');
  }

  // ---- Wiring ----
  $('them-nguoi').addEventListener('submit', addSpeaker);
  $('y-kien-form').addEventListener('submit', saveOpinion);
  $('y-kien-form').addEventListener('keydown', (ev) => {
    if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) saveOpinion(ev);
  });
  $('y-kien-form').addEventListener('change', (ev) => {
    if (ev.target.name === 'outcome' || ev.target.id === 'op-class') updateOutcomeFields();
  });
  $('so-nguoi').addEventListener('submit', saveAttendance);
  $('tim-khach').addEventListener('input', render);
  $('phien').addEventListener('change', () => {
    S.session = Number($('phien').value);
    S.attendanceDirty = false;
    render();
  });
  $('bat-dau').addEventListener('click', () => sessionAction('session_start'));
  $('ket-thuc').addEventListener('click', () => sessionAction('session_end'));
  $('ky-thu-ky').addEventListener('click', () => sign('secretary'));
  $('ky-chu-toa').addEventListener('click', () => sign('chair'));

  document.addEventListener('keydown', (ev) => {
    if (!ev.altKey || ev.ctrlKey || ev.metaKey) return;
    const m = /^Digit([1-9])$/.exec(ev.code) || /^Numpad([1-9])$/.exec(ev.code);
    if (!m || !S.server) return;
    const item = agendaFor(view())[Number(m[1]) - 1];
    if (!item) return;
    ev.preventDefault();
    setAgenda(item.index);
  });

  window.addEventListener('online', () => {
    S.attempt = 0;
    S.offline = false;
    render();
    kick();
    if (!S.sending && S.queue.length === 0) reload();
  });
  window.addEventListener('offline', () => { S.offline = true; render(); });
  // Another tab of the same desk changed the queue.
  window.addEventListener('storage', (ev) => {
    if (ev.key !== STORAGE_KEY) return;
    S.queue = loadQueue();
    render();
  });

  // Pick up what other desks recorded while this one is idle.
  window.setInterval(() => {
    if (!S.sending && !S.blocked && loadQueue().length === 0 && !document.hidden) reload();
  }, REFRESH_MS);

  // ---- Start ----
  S.queue = loadQueue();
  const cached = loadSnapshot();
  if (cached) S.server = normalise(cached);
  render();
  reload().then(() => {
    if (S.queue.length > 0) S.sentSinceReload = true;
    kick();
  });
})();
