// Room screen of a conference (issue #7): the live speaker and question in
// very large type. Polls GET A/live every 2 s with If-None-Match (304 when
// nothing changed); keeps showing the last state while the network is down.
(() => {
  'use strict';

  const root = document.getElementById('screen');
  if (!root) return;

  const API = root.dataset.api;
  const POLL_MS = 2000;
  const HIDDEN_POLL_MS = 10000;
  const TIMEOUT_MS = 8000;

  const $ = (id) => document.getElementById(id);
  let etag = '';
  let last = null;

  function setText(id, text) {
    const node = $(id);
    const t = text == null ? '' : String(text);
    if (node.textContent !== t) node.textContent = t;
  }

  function render(live) {
    const speaker = live && live.speaker;
    const opinion = live && live.opinion;
    const agenda = live && live.agenda;
    const waiting = !speaker && !opinion;

    $('scr-waiting').hidden = !waiting;
    setText('scr-waiting', live && live.ended
      ? 'Phiên họp đã kết thúc. Trân trọng cảm ơn quý vị đại biểu và Nhân dân!'
      : 'Đang chờ…');
    $('scr-speaker-box').hidden = !speaker;
    setText('scr-speaker', speaker ? speaker.name : '');
    setText('scr-village', speaker ? speaker.village || '' : '');
    $('scr-village').hidden = !(speaker && speaker.village);

    $('scr-question-box').hidden = !opinion;
    const text = opinion ? opinion.text || '' : '';
    setText('scr-question', text);
    setText('scr-code', opinion && opinion.code ? opinion.code : '');
    $('scr-question').classList.toggle('is-long', text.length > 180 && text.length <= 360);
    $('scr-question').classList.toggle('is-very-long', text.length > 360);

    $('scr-agenda').hidden = !agenda;
    setText('scr-agenda', agenda
      ? `${agenda.time ? agenda.time + ' · ' : ''}${agenda.content || ''}${agenda.presenter ? ' – ' + agenda.presenter : ''}`
      : '');

    setText('scr-queue', live ? live.speakers_waiting || 0 : 0);
    setText('scr-opinions', live ? live.opinions || 0 : 0);
  }

  async function poll() {
    const ctl = new AbortController();
    const timer = window.setTimeout(() => ctl.abort(), TIMEOUT_MS);
    try {
      const headers = { Accept: 'application/json' };
      if (etag) headers['If-None-Match'] = etag;
      const res = await fetch(API + '/live', {
        credentials: 'same-origin', cache: 'no-store', headers, signal: ctl.signal,
      });
      if (res.status === 304) {
        setText('scr-conn', '');
      } else if (res.ok) {
        const live = await res.json();
        etag = res.headers.get('ETag') || '';
        last = live;
        render(live);
        setText('scr-conn', '');
      } else if (res.status === 401 || res.status === 403) {
        setText('scr-conn', 'Cần đăng nhập tài khoản cán bộ để xem màn hình này.');
      } else {
        setText('scr-conn', 'Máy chủ đang bận – đang thử lại…');
      }
    } catch (e) {
      setText('scr-conn', 'Mất kết nối – đang thử lại…');
      if (!last) render(null);
    } finally {
      window.clearTimeout(timer);
      window.setTimeout(poll, document.hidden ? HIDDEN_POLL_MS : POLL_MS);
    }
  }

  function toggleFullscreen() {
    if (document.fullscreenElement) {
      if (document.exitFullscreen) document.exitFullscreen().catch(() => {});
    } else if (document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(() => {});
    }
  }

  $('scr-full').addEventListener('click', toggleFullscreen);
  document.addEventListener('keydown', (ev) => {
    if ((ev.key === 'f' || ev.key === 'F') && !ev.ctrlKey && !ev.altKey && !ev.metaKey) {
      ev.preventDefault();
      toggleFullscreen();
    }
  });

  render(null);
  poll();
})();
