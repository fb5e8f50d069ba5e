// Debian's Chromium for the sandbox's scripts (e2e, bench, Lighthouse): where it is, and the
// flags that keep it quiet (no first-run, sync, component updates or background requests).
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
