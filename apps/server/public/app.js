// The server's pages: one small script, no framework (cheap phones, CSP 'self').
(() => {
  const body = document.body;
  const page = body.dataset.page;
  const $ = (s, root = document) => root.querySelector(s);
  const label = (k) => $('#labels')?.content.querySelector(`[data-k="${k}"]`)?.textContent ?? k;
  const lang = body.dataset.lang === 'en' ? 'en' : 'id';
  const headers = { 'Content-Type': 'application/json', 'Accept-Language': lang };

  async function api(method, url, data) {
    const res = await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: data === undefined ? undefined : JSON.stringify(data),
    });
    const text = await res.text();
    const json = text ? JSON.parse(text) : undefined;
    if (!res.ok) {
      const detail = json?.errors?.map((e) => e.message).join('; ') || json?.detail || '';
      throw new Error(`${json?.title ?? res.status}${detail ? `: ${detail}` : ''}`);
    }
    return json;
  }

  function formSubmit(form, handler) {
    const error = $('.error', form);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      error.hidden = true;
      const button = $('button[type=submit]', form);
      button.disabled = true;
      try {
        // Repeated names (the module check boxes) become lists.
        const data = {};
        for (const [key, value] of new FormData(form)) {
          if (form.querySelectorAll(`[name="${key}"][type=checkbox]`).length > 1) {
            data[key] = [...(data[key] ?? []), value];
          } else data[key] = value;
        }
        await handler(data);
      } catch (e) {
        error.textContent = e.message;
        error.hidden = false;
      } finally {
        button.disabled = false;
      }
    });
  }

  for (const button of document.querySelectorAll('[data-print]')) {
    button.addEventListener('click', () => window.print());
  }

  if (page === 'login') {
    formSubmit($('#login'), async (data) => {
      await api('POST', '/api/classroom/login', data);
      location.href = '/trainer';
    });
  }

  if (page === 'setup') {
    formSubmit($('#setup'), async (data) => {
      await api('POST', '/api/classroom/setup', data);
      location.href = '/trainer/login';
    });
  }

  if (page === 'dashboard') {
    $('#logout').addEventListener('click', async () => {
      await api('POST', '/api/classroom/logout');
      location.href = '/trainer/login';
    });
    formSubmit($('#new-session'), async (data) => {
      const session = await api('POST', '/api/classroom/sessions', data);
      location.href = `/trainer/sessions/${session.id}`;
    });
  }

  if (page === 'session') {
    const id = body.dataset.session;
    const base = `/api/classroom/sessions/${id}`;
    const fmtTime = (iso) => (iso ? new Date(iso).toLocaleTimeString() : '—');
    const expires = $('#join-expires');
    if (expires?.textContent) expires.textContent = new Date(expires.textContent).toLocaleString();

    for (const button of document.querySelectorAll('button.drill')) {
      button.addEventListener('click', async () => {
        await api('PUT', `${base}/drill`, { drill: button.dataset.drill });
        for (const b of document.querySelectorAll('button.drill')) {
          b.classList.toggle('active', b === button);
        }
      });
    }
    $('#renew-code')?.addEventListener('click', async () => {
      await api('POST', `${base}/join-code`);
      location.reload();
    });
    $('#close-session')?.addEventListener('click', async () => {
      if (!confirm(label('confirmClose'))) return;
      await api('POST', `${base}/close`);
      location.reload();
    });

    const moduleTitles = JSON.parse(body.dataset.moduleTitles || '{}');
    const tbody = $('#board tbody');
    const cell = (text, cls) => {
      const td = document.createElement('td');
      td.textContent = text;
      if (cls) td.className = cls;
      return td;
    };
    const mistakesText = (m) =>
      Object.entries(m)
        .sort((a, b) => b[1] - a[1])
        .map(([f, n]) => `${f} ×${n}`)
        .join(', ') || label('none');
    const render = (board) => {
      const rows = board.trainees.map((t) => {
        const tr = document.createElement('tr');
        if (t.stuck) tr.className = 'stuck';
        const name = cell(t.name);
        if (t.stuck)
          name.append(
            ' ',
            Object.assign(document.createElement('b'), { textContent: `⚠ ${label('stuck')}` }),
          );
        if (t.finished)
          name.append(
            ' ',
            Object.assign(document.createElement('b'), { textContent: `✔ ${label('done')}` }),
          );
        const score =
          t.averageScore === null ? label('none') : `${Math.round(t.averageScore * 100)}%`;
        tr.append(
          name,
          cell(
            t.currentModule ? (moduleTitles[t.currentModule] ?? t.currentModule) : label('none'),
          ),
          cell(`${t.passedModules}/${board.session.modules.length}`, 'num'),
          cell(score, 'num'),
          cell(mistakesText(t.mistakes)),
          cell(fmtTime(t.lastActivityAt)),
        );
        return tr;
      });
      tbody.replaceChildren(...rows);
      const s = board.totals;
      $('#totals').textContent =
        `${s.trainees} ${label('trainees')} · ${s.finished} ${label('done')} · ${s.stuck} ${label('stuck')} · ${s.events} ${label('events')}`;
      $('#class-mistakes').textContent = mistakesText(s.mistakes);
    };
    const live = $('#live');
    const stream = new EventSource(`${base}/board/stream`);
    stream.addEventListener('board', (e) => {
      live.textContent = `● ${label('live')}`;
      render(JSON.parse(e.data));
    });
    stream.addEventListener('error', () => {
      live.textContent = label('offline');
    });
  }

  const STORE = 'bosv2.classroom';
  if (page === 'join') {
    formSubmit($('#join'), async (data) => {
      const joined = await api('POST', '/api/classroom/join', data);
      // The sandbox (same origin) reads this to send progress with the trainee's token.
      localStorage.setItem(
        STORE,
        JSON.stringify({
          token: joined.token,
          traineeId: joined.trainee.id,
          name: joined.trainee.name,
          sessionId: joined.session.id,
          sessionName: joined.session.name,
          modules: joined.session.modules,
          eventsUrl: joined.eventsUrl,
        }),
      );
      location.href = '/joined';
    });
  }

  if (page === 'joined') {
    const saved = JSON.parse(localStorage.getItem(STORE) ?? 'null');
    if (!saved) {
      $('#who').textContent = label('missing');
    } else {
      $('#who').textContent = saved.name;
      const stream = new EventSource('/api/classroom/trainee/stream');
      stream.addEventListener('state', (e) => {
        const state = JSON.parse(e.data);
        $('#drill').textContent = state.status === 'CLOSED' ? label('CLOSED') : label(state.drill);
      });
    }
  }

  if (page === 'slides') {
    const slides = [...document.querySelectorAll('.slide')];
    let index = Math.max(0, Math.min(slides.length - 1, Number(location.hash.slice(2)) - 1 || 0));
    const show = (i) => {
      index = Math.max(0, Math.min(slides.length - 1, i));
      slides.forEach((s, j) => {
        s.hidden = j !== index;
      });
      $('#count').textContent = `${index + 1} / ${slides.length}`;
      history.replaceState(null, '', `#s${index + 1}`);
    };
    $('#prev').addEventListener('click', () => show(index - 1));
    $('#next').addEventListener('click', () => show(index + 1));
    document.addEventListener('keydown', (e) => {
      if (['ArrowRight', 'PageDown', ' '].includes(e.key)) show(index + 1);
      if (['ArrowLeft', 'PageUp'].includes(e.key)) show(index - 1);
      if (e.key === 'f') document.documentElement.requestFullscreen?.();
    });
    show(index);
  }
})();
