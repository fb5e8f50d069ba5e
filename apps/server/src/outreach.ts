import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { marked } from 'marked';
import { escapeHtml, type Lang } from './http.js';
import { layout, tr } from './pages.js';

/**
 * Outreach content is Markdown a trainer edits in `content/outreach/`:
 * `slides.<lang>.md` (slides separated by a line with `---`), `handout.<lang>.md`, and
 * `practice.json` (where the sandbox's citizen module lives). `{{qr}}` and `{{url}}` in the
 * Markdown become the QR code and the address of the citizen practice page.
 */
export interface OutreachConfig {
  /** The sandbox path of the citizen practice flow. */
  citizenPath: string;
}

export class Outreach {
  constructor(private readonly dir: string) {}

  private read(name: string, lang: Lang): string {
    for (const file of [`${name}.${lang}.md`, `${name}.id.md`]) {
      const path = join(this.dir, file);
      if (existsSync(path)) return readFileSync(path, 'utf8');
    }
    return `# ${name}\n\n(content/outreach/${name}.${lang}.md)`;
  }

  config(): OutreachConfig {
    const path = join(this.dir, 'practice.json');
    try {
      const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<OutreachConfig>;
      if (typeof parsed.citizenPath === 'string' && parsed.citizenPath.startsWith('/')) {
        return { citizenPath: parsed.citizenPath };
      }
    } catch {
      // fall through to the default
    }
    return { citizenPath: '/' };
  }

  private render(markdown: string, qrSvg: string, url: string): string {
    const html = marked.parse(markdown, { async: false, gfm: true }) as string;
    return html
      .replaceAll('<p>{{qr}}</p>', `<div class="qr">${qrSvg}</div>`)
      .replaceAll('{{qr}}', `<span class="qr">${qrSvg}</span>`)
      .replaceAll('{{url}}', escapeHtml(url));
  }

  slidesPage(lang: Lang, qrSvg: string, url: string): string {
    const t = tr(lang);
    const slides = this.read('slides', lang)
      .split(/^---\s*$/m)
      .map((s) => s.trim())
      .filter(Boolean);
    const body = `<main class="slides">${slides
      .map(
        (s, i) =>
          `<section class="slide" id="s${i + 1}"${i === 0 ? '' : ' hidden'}>${this.render(s, qrSvg, url)}</section>`,
      )
      .join('\n')}
<nav class="slide-nav noprint"><button id="prev" aria-label="${t('Sebelumnya', 'Previous')}">←</button><span id="count"></span><button id="next" aria-label="${t('Berikutnya', 'Next')}">→</button> <a href="/outreach/handout">${t('Selebaran A4', 'A4 handout')}</a></nav>
</main>`;
    return layout({
      lang,
      page: 'slides',
      title: t('Sosialisasi BOS V2', 'BOS V2 outreach'),
      body,
      projector: true,
    });
  }

  handoutPage(lang: Lang, qrSvg: string, url: string): string {
    const t = tr(lang);
    return layout({
      lang,
      title: t('Selebaran BOS V2', 'BOS V2 handout'),
      body: `<main class="print handout"><p class="noprint"><button data-print>${t('Cetak', 'Print')}</button></p>${this.render(this.read('handout', lang), qrSvg, url)}</main>`,
      printable: true,
    });
  }
}
