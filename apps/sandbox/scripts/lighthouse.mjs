// Lighthouse 12.2.3 (mobile preset: its default config, simulated 4G throttling, 4× CPU) in
// Debian's Chromium, started by chrome-launcher (CHROME_PATH). Used by scripts/bench.mjs.
// Offline by construction: Chromium resolves no host but 127.0.0.1 and runs with its background
// networking off; Lighthouse's own error reporting is off (it is off unless asked for).
import { createRequire } from 'node:module';
import lighthouse from 'lighthouse';
import { CHROMIUM, CHROMIUM_ARGS } from './chromium.mjs';

// chrome-launcher comes with lighthouse (pnpm keeps it out of this package's node_modules).
const launcherPath = createRequire(import.meta.resolve('lighthouse')).resolve('chrome-launcher');
const chromeLauncher = await import(launcherPath);

export const CHROME_FLAGS = [
  ...CHROMIUM_ARGS,
  '--disable-domain-reliability',
  '--no-pings',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
];

/**
 * Runs Lighthouse (performance and accessibility) on each URL in a fresh Chromium.
 * @param {string[]} urls
 * @returns {Promise<{ url: string, performance: number, accessibility: number, tti: number,
 *   fcp: number, lcp: number, tbt: number, failed: string[], hosts: string[], bootup: string[],
 *   runtimeLoaded: boolean }[]>}
 */
export async function runLighthouse(urls) {
  process.env.CHROME_PATH ??= CHROMIUM;
  const results = [];
  for (const url of urls) {
    // chrome-launcher adds its defaults too (no extensions, no default-browser check...).
    const chrome = await chromeLauncher.launch({ chromeFlags: CHROME_FLAGS });
    try {
      const runner = await lighthouse(url, {
        port: chrome.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility'],
      });
      const lhr = runner?.lhr;
      if (!lhr) throw new Error(`Lighthouse returned nothing for ${url}`);
      if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
      const ms = (id) => Math.round(lhr.audits[id]?.numericValue ?? Number.NaN);
      const requests = lhr.audits['network-requests']?.details?.items ?? [];
      const hosts = [
        ...new Set(requests.map((r) => new URL(r.url).host).filter((h) => h !== new URL(url).host)),
      ];
      const score = (id) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
      results.push({
        url,
        performance: score('performance'),
        accessibility: score('accessibility'),
        tti: ms('interactive'),
        fcp: ms('first-contentful-paint'),
        lcp: ms('largest-contentful-paint'),
        tbt: ms('total-blocking-time'),
        failed: lhr.categories.accessibility.auditRefs
          .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score === 0)
          .map((ref) => ref.id),
        hosts,
        // Whether the simulated server's chunk loaded while Lighthouse watched (it starts on a
        // tap or after a few seconds idle; see src/runtime/use-runtime.ts).
        runtimeLoaded: requests.some((r) => /\/assets\/runtime-[^/]*\.js$/.test(r.url)),
        // Where the main thread's time went: the three scripts that cost most (ms).
        bootup: (lhr.audits['bootup-time']?.details?.items ?? []).slice(0, 3).map((item) => {
          // The page's own URL collects code compiled at run time (Ajv's validators: eval).
          const name = String(item.url).replace(/^.*\//, '') || 'the page (incl. eval)';
          return `${name} ${Math.round(item.total)}`;
        }),
        version: lhr.lighthouseVersion,
        chrome: lhr.environment?.hostUserAgent?.match(/Chrome\/[\d.]+/)?.[0] ?? '',
      });
    } finally {
      await chrome.kill();
    }
  }
  return results;
}
