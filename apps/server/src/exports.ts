import type { Board } from './board.js';
import { escapeHtml, type Lang } from './http.js';
import { layout, tr } from './pages.js';

const pct = (score: number | null | undefined) =>
  score === null || score === undefined ? '' : String(Math.round(score * 100));

/** A spreadsheet cannot mistake a name for a formula (CSV injection). */
function cell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r;]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const topMistakes = (mistakes: Record<string, number>) =>
  Object.entries(mistakes)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([field, count]) => `${field}:${count}`)
    .join(' ');

/** One row per trainee (pseudonymous id, name, per-module best score and status). */
export function boardCsv(board: Board): string {
  const modules = board.session.modules;
  const header = [
    'trainee_id',
    'name',
    'joined_at',
    'last_activity_at',
    'events',
    'average_score_pct',
    'modules_passed',
    'finished',
    ...modules.flatMap((m) => [`${m}_best_pct`, `${m}_status`]),
    'mistakes_by_field',
  ];
  const rows = board.trainees.map((t) => [
    t.id,
    t.name,
    t.joinedAt,
    t.lastActivityAt ?? '',
    t.events,
    pct(t.averageScore),
    t.passedModules,
    t.finished ? 'yes' : 'no',
    ...modules.flatMap((m) => {
      const p = t.modules[m];
      const status = !p
        ? 'not-started'
        : p.passed
          ? 'passed'
          : p.completed
            ? 'completed'
            : 'in-progress';
      return [pct(p?.bestScore), status];
    }),
    topMistakes(t.mistakes),
  ]);
  // A BOM so spreadsheet programs read the names as UTF-8.
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}

export function reportHtml(board: Board, lang: Lang): string {
  const t = tr(lang);
  const s = board.session;
  const mistakes = Object.entries(board.totals.mistakes).sort((a, b) => b[1] - a[1]);
  const body = `
<main class="print">
  <p class="noprint"><button data-print>${t('Cetak', 'Print')}</button></p>
  <h1>${t('Laporan Pelatihan BOS V2', 'BOS V2 Training Report')}</h1>
  <p class="meta">${escapeHtml(s.name)} · ${escapeHtml(s.place)} · ${escapeHtml(s.date)}
  · ${s.status === 'OPEN' ? t('Berjalan', 'Open') : t('Ditutup', 'Closed')}
  · ${t('Dibuat', 'Generated')}: ${escapeHtml(board.generatedAt.slice(0, 16).replace('T', ' '))} UTC</p>
  <section class="summary">
    <p><b>${board.totals.trainees}</b> ${t('peserta', 'trainees')} ·
    <b>${board.totals.finished}</b> ${t('menyelesaikan semua modul', 'finished every module')} ·
    <b>${board.totals.events}</b> ${t('kejadian belajar', 'learning events')}</p>
  </section>
  <h2>${t('Hasil per peserta', 'Results per trainee')}</h2>
  <table>
    <thead><tr><th>${t('Nama', 'Name')}</th>${s.modules.map((m) => `<th>${escapeHtml(m)}</th>`).join('')}<th>${t('Rata-rata', 'Average')}</th><th>${t('Kesalahan', 'Mistakes')}</th></tr></thead>
    <tbody>${board.trainees
      .map(
        (p) =>
          `<tr><td>${escapeHtml(p.name)}</td>${s.modules
            .map((m) => {
              const mp = p.modules[m];
              const mark = !mp ? '–' : `${pct(mp.bestScore) || '·'}${mp.passed ? ' ✔' : ''}`;
              return `<td class="num">${escapeHtml(mark)}</td>`;
            })
            .join(
              '',
            )}<td class="num">${pct(p.averageScore) || '–'}</td><td>${escapeHtml(topMistakes(p.mistakes))}</td></tr>`,
      )
      .join('')}</tbody>
  </table>
  <h2>${t('Kesalahan terbanyak per kolom', 'Most frequent mistakes by field')}</h2>
  ${
    mistakes.length
      ? `<table class="narrow"><thead><tr><th>${t('Kolom', 'Field')}</th><th>${t('Jumlah', 'Count')}</th></tr></thead><tbody>${mistakes
          .map(([f, n]) => `<tr><td>${escapeHtml(f)}</td><td class="num">${n}</td></tr>`)
          .join('')}</tbody></table>`
      : `<p>${t('Tidak ada kesalahan tercatat.', 'No mistakes recorded.')}</p>`
  }
  <p class="note">${t('Nilai dalam persen (terbaik per modul); ✔ = lulus.', 'Scores in percent (best per module); ✔ = passed.')}</p>
</main>`;
  return layout({ lang, title: t('Laporan pelatihan', 'Training report'), body, printable: true });
}

export function certificatesHtml(board: Board, lang: Lang, issuer: string): string {
  const t = tr(lang);
  const s = board.session;
  const pages = board.trainees
    .map((p) => {
      const passed = s.modules.filter((m) => p.modules[m]?.passed);
      return `<section class="certificate">
  <p class="kicker">${t('SERTIFIKAT PELATIHAN', 'TRAINING CERTIFICATE')}</p>
  <p>${t('diberikan kepada', 'awarded to')}</p>
  <p class="who">${escapeHtml(p.name)}</p>
  <p>${t('atas keikutsertaan dalam', 'for taking part in')} <b>${escapeHtml(s.name)}</b><br>
  ${escapeHtml(s.place)}, ${escapeHtml(s.date)}</p>
  ${
    passed.length
      ? `<p>${t('Modul yang lulus', 'Modules passed')}:</p><ul>${passed
          .map((m) => `<li>${escapeHtml(m)} (${pct(p.modules[m]?.bestScore)}%)</li>`)
          .join('')}</ul>`
      : `<p>${t('Peserta mengikuti latihan; belum ada modul yang lulus.', 'The trainee practised; no module passed yet.')}</p>`
  }
  <p class="sign">${escapeHtml(issuer)}<br><span>${t('Pelatih', 'Trainer')}</span></p>
  <p class="fine">${t('Latihan dengan data simulasi (LATIHAN), bukan sistem BOS V2 resmi. ID', 'Practice with simulated data (LATIHAN), not the official BOS V2 system. ID')}: ${escapeHtml(p.id)}</p>
</section>`;
    })
    .join('\n');
  const button = `<p class="noprint"><button data-print>${t('Cetak', 'Print')}</button></p>`;
  const body = pages
    ? button + pages
    : `<main><p>${t('Belum ada peserta.', 'No trainees yet.')}</p></main>`;
  return layout({
    lang,
    title: t('Sertifikat', 'Certificates'),
    body,
    printable: true,
    landscape: true,
  });
}
