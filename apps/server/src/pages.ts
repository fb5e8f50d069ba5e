import { workflows } from '@bosv2/training';
import { escapeHtml, type Lang } from './http.js';
import type { Trainer, TrainingSession } from './store/types.js';

export const tr =
  (lang: Lang) =>
  (id: string, en: string): string =>
    lang === 'en' ? en : id;

export interface LayoutOptions {
  lang: Lang;
  title: string;
  body: string;
  page?: string;
  printable?: boolean;
  landscape?: boolean;
  projector?: boolean;
  /** Extra data for the page script, as data-* attributes on <body>. */
  data?: Record<string, string>;
}

export function layout(o: LayoutOptions): string {
  const t = tr(o.lang);
  const other: Lang = o.lang === 'en' ? 'id' : 'en';
  const data = Object.entries(o.data ?? {})
    .map(([k, v]) => ` data-${k}="${escapeHtml(v)}"`)
    .join('');
  const classes = [o.printable ? 'printable' : '', o.projector ? 'projector' : '']
    .filter(Boolean)
    .join(' ');
  return `<!doctype html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(o.title)} · BOS V2 Kit</title>
<link rel="stylesheet" href="/_server/style.css">
${o.landscape ? '<link rel="stylesheet" href="/_server/landscape.css">' : ''}
<script src="/_server/app.js" defer></script>
</head>
<body${o.page ? ` data-page="${o.page}"` : ''} data-lang="${o.lang}"${data}${classes ? ` class="${classes}"` : ''}>
<header class="bar noprint">
  <a href="/" class="brand">BOS V2 Kit · <span class="latihan">${t('LATIHAN', 'PRACTICE')}</span></a>
  <a class="lang" href="?lang=${other}">${other === 'en' ? 'English' : 'Bahasa Indonesia'}</a>
</header>
${o.body}
</body>
</html>`;
}

export function homePage(lang: Lang, hasSandbox: boolean): string {
  const t = tr(lang);
  return layout({
    lang,
    title: t('Beranda', 'Home'),
    body: `<main class="narrow">
<h1>BOS V2 Kit</h1>
<p>${t('Latihan BOS V2 (Binmas Online System versi 2) dengan data simulasi.', 'Practise BOS V2 (Binmas Online System version 2) with simulated data.')}</p>
<ul class="tiles">
  <li><a href="/join">${t('Gabung ke kelas (peserta)', 'Join a class (trainee)')}</a></li>
  <li><a href="/trainer">${t('Konsol pelatih', 'Trainer console')}</a></li>
  <li><a href="/outreach">${t('Sosialisasi untuk masyarakat', 'Outreach to the public')}</a></li>
  ${hasSandbox ? `<li><a href="/">${t('Aplikasi latihan', 'Practice app')}</a></li>` : ''}
  <li><a href="/reference/">${t('Referensi API', 'API reference')}</a></li>
</ul>
</main>`,
  });
}

export function messagePage(lang: Lang, title: string, message: string, link?: [string, string]) {
  return layout({
    lang,
    title,
    body: `<main class="narrow"><h1>${escapeHtml(title)}</h1><p>${escapeHtml(message)}</p>${
      link
        ? `<p><a class="button" href="${escapeHtml(link[0])}">${escapeHtml(link[1])}</a></p>`
        : ''
    }</main>`,
  });
}

export function loginPage(lang: Lang): string {
  const t = tr(lang);
  return layout({
    lang,
    page: 'login',
    title: t('Masuk pelatih', 'Trainer login'),
    body: `<main class="narrow">
<h1>${t('Masuk pelatih', 'Trainer login')}</h1>
<form id="login" class="stack" novalidate>
  <label>${t('Nama pengguna', 'Username')} <input name="username" autocomplete="username" required maxlength="64"></label>
  <label>${t('Kata sandi', 'Password')} <input name="password" type="password" autocomplete="current-password" required maxlength="256"></label>
  <button type="submit">${t('Masuk', 'Log in')}</button>
  <p class="error" role="alert" hidden></p>
</form>
</main>`,
  });
}

export function setupPage(lang: Lang): string {
  const t = tr(lang);
  return layout({
    lang,
    page: 'setup',
    title: t('Akun pelatih pertama', 'First trainer account'),
    body: `<main class="narrow">
<h1>${t('Buat akun pelatih pertama', 'Create the first trainer account')}</h1>
<p>${t('Server ini belum punya akun pelatih. Halaman ini hanya terbuka dari komputer server sendiri.', 'This server has no trainer account yet. This page only opens on the server computer itself.')}</p>
<form id="setup" class="stack" novalidate>
  <label>${t('Nama pengguna', 'Username')} <input name="username" autocomplete="username" required minlength="3" maxlength="64" pattern="[a-z0-9._-]+"></label>
  <label>${t('Nama tampilan (untuk sertifikat)', 'Display name (for certificates)')} <input name="displayName" required maxlength="80"></label>
  <label>${t('Kata sandi (min. 10 karakter)', 'Password (at least 10 characters)')} <input name="password" type="password" autocomplete="new-password" required minlength="10" maxlength="256"></label>
  <button type="submit">${t('Buat akun', 'Create account')}</button>
  <p class="error" role="alert" hidden></p>
</form>
</main>`,
  });
}

export function dashboardPage(lang: Lang, trainer: Trainer, sessions: TrainingSession[]): string {
  const t = tr(lang);
  const today = new Date().toISOString().slice(0, 10);
  const rows = sessions
    .map(
      (s) =>
        `<tr><td><a href="/trainer/sessions/${escapeHtml(s.id)}">${escapeHtml(s.name)}</a></td><td>${escapeHtml(s.place)}</td><td>${escapeHtml(s.date)}</td><td>${s.kind === 'outreach' ? t('Sosialisasi', 'Outreach') : t('Pelatihan', 'Training')}</td><td>${s.status === 'OPEN' ? t('Berjalan', 'Open') : t('Ditutup', 'Closed')}</td></tr>`,
    )
    .join('');
  return layout({
    lang,
    page: 'dashboard',
    title: t('Konsol pelatih', 'Trainer console'),
    body: `<main>
<div class="row"><h1>${t('Konsol pelatih', 'Trainer console')}</h1>
<span>${escapeHtml(trainer.displayName)} · <button id="logout" class="link">${t('Keluar', 'Log out')}</button></span></div>
<section>
<h2>${t('Sesi baru', 'New session')}</h2>
<form id="new-session" class="grid" novalidate>
  <label>${t('Nama sesi', 'Session name')} <input name="name" required maxlength="120" placeholder="${t('Pelatihan BOS V2 Polsek Amuntai Tengah', 'BOS V2 training, Polsek Amuntai Tengah')}"></label>
  <label>${t('Tempat', 'Place')} <input name="place" required maxlength="120" placeholder="Aula Polres Hulu Sungai Utara"></label>
  <label>${t('Tanggal', 'Date')} <input name="date" type="date" required value="${today}"></label>
  <label>${t('Jenis', 'Kind')} <select name="kind"><option value="training">${t('Pelatihan anggota', 'Officer training')}</option><option value="outreach">${t('Sosialisasi masyarakat', 'Public outreach')}</option></select></label>
  ${modulePicker(lang)}
  <button type="submit">${t('Buat sesi', 'Create session')}</button>
  <p class="error wide" role="alert" hidden></p>
</form>
</section>
<section>
<h2>${t('Sesi saya', 'My sessions')}</h2>
${rows ? `<table><thead><tr><th>${t('Nama', 'Name')}</th><th>${t('Tempat', 'Place')}</th><th>${t('Tanggal', 'Date')}</th><th>${t('Jenis', 'Kind')}</th><th>Status</th></tr></thead><tbody>${rows}</tbody></table>` : `<p>${t('Belum ada sesi.', 'No sessions yet.')}</p>`}
</section>
</main>`,
  });
}

/** The workflows a trainee practises first in a training session (the daily mandatory ones). */
const DEFAULT_MODULES = new Set(['officer-login', 'dds-warga', 'deteksi-dini', 'daily-report']);

const ROLE_NAMES: Record<string, [string, string]> = {
  bhabinkamtibmas: ['Bhabinkamtibmas', 'Bhabinkamtibmas'],
  supervisor: ['Supervisor (Kanit/Kasat Binmas)', 'Supervisor (Kanit/Kasat Binmas)'],
  citizen: ['Masyarakat', 'Citizens'],
};

/** Each workflow's title in the page's language, for the board's "current module" column. */
export function moduleTitles(lang: Lang): Record<string, string> {
  return Object.fromEntries(workflows.map((w) => [w.id, lang === 'en' ? w.title.en : w.title.id]));
}

/** Check boxes of @bosv2/training's workflows, grouped by role, in the BOS V2 menu order. */
export function modulePicker(lang: Lang): string {
  const t = tr(lang);
  const roles = [...new Set(workflows.map((w) => w.role))];
  const groups = roles
    .map((role) => {
      const [id, en] = ROLE_NAMES[role] ?? [role, role];
      const boxes = workflows
        .filter((w) => w.role === role)
        .map(
          (w) =>
            `<label class="check"><input type="checkbox" name="modules" value="${escapeHtml(w.id)}"${DEFAULT_MODULES.has(w.id) ? ' checked' : ''}> ${escapeHtml(lang === 'en' ? w.title.en : w.title.id)} <small>${escapeHtml(w.menu.join(' › '))}</small></label>`,
        )
        .join('');
      return `<fieldset class="modules"><legend>${escapeHtml(t(id, en))}</legend>${boxes}</fieldset>`;
    })
    .join('');
  return `<div class="wide module-picker" id="modules"><p class="label">${t('Modul latihan', 'Training modules')}</p>${groups}</div>`;
}

export function sessionPage(
  lang: Lang,
  session: TrainingSession,
  joinUrl: string,
  qrSvg: string,
): string {
  const t = tr(lang);
  const open = session.status === 'OPEN';
  const drills: [string, string][] = [
    ['NONE', t('Normal', 'Normal')],
    ['OFFLINE', t('Jaringan mati', 'Network off')],
    ['SERVER_ERROR', t('Server error', 'Server error')],
    ['SLOW', t('Lambat', 'Slow')],
  ];
  return layout({
    lang,
    page: 'session',
    title: session.name,
    data: { session: session.id, 'module-titles': JSON.stringify(moduleTitles(lang)) },
    body: `<main>
<div class="row"><h1>${escapeHtml(session.name)}</h1><a href="/trainer">${t('← Semua sesi', '← All sessions')}</a></div>
<p class="meta">${escapeHtml(session.place)} · ${escapeHtml(session.date)} · <span id="status">${open ? t('Berjalan', 'Open') : t('Ditutup', 'Closed')}</span></p>
<div class="columns">
<section class="join" ${open ? '' : 'hidden'}>
  <h2>${t('Gabung', 'Join')}</h2>
  <div class="qr">${qrSvg}</div>
  <p class="code" id="join-code">${escapeHtml(session.joinCode ?? '')}</p>
  <p class="small">${escapeHtml(joinUrl)}</p>
  <p class="small">${t('Berlaku sampai', 'Valid until')} <time id="join-expires">${escapeHtml(session.joinCodeExpiresAt ?? '')}</time></p>
  <button id="renew-code" class="secondary">${t('Kode baru', 'New code')}</button>
</section>
<section>
  <h2>${t('Latihan gangguan untuk semua', 'Class-wide drill')}</h2>
  <div class="drills" role="group">${drills
    .map(
      ([value, label]) =>
        `<button class="drill${session.drill === value ? ' active' : ''}" data-drill="${value}" ${open ? '' : 'disabled'}>${label}</button>`,
    )
    .join('')}</div>
  <h2>${t('Ekspor', 'Export')}</h2>
  <p><a href="/trainer/sessions/${escapeHtml(session.id)}/export.csv">CSV</a> ·
  <a href="/trainer/sessions/${escapeHtml(session.id)}/report">${t('Laporan cetak (A4)', 'Printable report (A4)')}</a> ·
  <a href="/trainer/sessions/${escapeHtml(session.id)}/certificates">${t('Sertifikat', 'Certificates')}</a></p>
  ${open ? `<button id="close-session" class="danger">${t('Tutup sesi', 'Close session')}</button>` : ''}
</section>
</div>
<section>
  <h2>${t('Papan kemajuan', 'Progress board')} <span id="live" class="small"></span></h2>
  <p id="totals" class="meta"></p>
  <table id="board"><thead><tr><th>${t('Peserta', 'Trainee')}</th><th>${t('Modul sekarang', 'Current module')}</th><th>${t('Lulus', 'Passed')}</th><th>${t('Nilai', 'Score')}</th><th>${t('Kesalahan per kolom', 'Mistakes by field')}</th><th>${t('Aktivitas terakhir', 'Last activity')}</th></tr></thead><tbody></tbody></table>
  <h3>${t('Kesalahan kelas per kolom', 'Class mistakes by field')}</h3>
  <p id="class-mistakes"></p>
</section>
<template id="labels"><span data-k="stuck">${t('macet', 'stuck')}</span><span data-k="done">${t('selesai', 'finished')}</span><span data-k="trainees">${t('peserta', 'trainees')}</span><span data-k="events">${t('kejadian', 'events')}</span><span data-k="live">${t('langsung', 'live')}</span><span data-k="offline">${t('terputus, menyambung lagi…', 'disconnected, reconnecting…')}</span><span data-k="confirmClose">${t('Tutup sesi? Peserta tidak bisa bergabung lagi.', 'Close the session? Nobody can join any more.')}</span><span data-k="none">—</span></template>
</main>`,
  });
}

export function joinPage(lang: Lang, code: string): string {
  const t = tr(lang);
  return layout({
    lang,
    page: 'join',
    title: t('Gabung ke kelas', 'Join a class'),
    body: `<main class="narrow">
<h1>${t('Gabung ke kelas', 'Join a class')}</h1>
<form id="join" class="stack" novalidate>
  <label>${t('Kode dari pelatih', "The trainer's code")} <input name="code" required maxlength="12" autocapitalize="characters" autocomplete="off" value="${escapeHtml(code)}" class="codeinput"></label>
  <label>${t('Nama Anda (atau nama panggilan)', 'Your name (or a nickname)')} <input name="name" required maxlength="60" autocomplete="nickname"></label>
  <button type="submit">${t('Gabung', 'Join')}</button>
  <p class="error" role="alert" hidden></p>
</form>
<p class="small">${t('Yang disimpan hanya nama ini dan kemajuan latihan Anda, di server kelas ini saja.', 'Only this name and your practice progress are kept, on this class server only.')}</p>
</main>`,
  });
}

export function joinedPage(lang: Lang, hasSandbox: boolean): string {
  const t = tr(lang);
  return layout({
    lang,
    page: 'joined',
    title: t('Sudah bergabung', 'Joined'),
    body: `<main class="narrow">
<h1>${t('Anda sudah bergabung', 'You have joined')}</h1>
<p id="who"></p>
<p>${t('Latihan gangguan dari pelatih', "Trainer's drill")}: <b id="drill">—</b></p>
${
  hasSandbox
    ? `<p><a class="button" href="/">${t('Mulai latihan', 'Start practising')}</a></p>`
    : `<p class="notice">${t('Aplikasi latihan (sandbox) belum terpasang di server ini. Pelatih dapat tetap memakai papan kemajuan.', 'The practice app (sandbox) is not installed on this server yet. The trainer can still use the progress board.')}</p>`
}
<template id="labels"><span data-k="NONE">${t('normal', 'normal')}</span><span data-k="OFFLINE">${t('jaringan mati', 'network off')}</span><span data-k="SERVER_ERROR">${t('server error', 'server error')}</span><span data-k="SLOW">${t('lambat', 'slow')}</span><span data-k="CLOSED">${t('sesi sudah ditutup', 'the session is closed')}</span><span data-k="missing">${t('Anda belum bergabung di perangkat ini.', 'You have not joined on this device.')}</span></template>
</main>`,
  });
}
