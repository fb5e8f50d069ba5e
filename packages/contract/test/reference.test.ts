import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { findExternalResources } from '../scripts/external-resources.mjs';
import { listOperations, loadSpec } from '../src/index.js';

const page = fileURLToPath(new URL('../dist/reference/index.html', import.meta.url));
const find = findExternalResources as (html: string) => string[];

describe('the API reference page', () => {
  test('is built at dist/reference/index.html', () => {
    expect(existsSync(page)).toBe(true);
  });

  const html = existsSync(page) ? readFileSync(page, 'utf8') : '';

  test('names every operation of the contract', () => {
    const ids = listOperations(loadSpec()).map((op) => op.operationId);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.filter((id) => !html.includes(`"${id}"`))).toEqual([]);
  });

  test('is server-rendered, so it reads without JavaScript', () => {
    const { title } = loadSpec().info;
    expect(html).toMatch(new RegExp(`<h1[^>]*>${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  test('loads nothing from another host (no CDN, no web font)', () => {
    expect(find(html)).toEqual([]);
    // Redoc's telemetry would post to its own host; build-docs turns it off.
    expect(html).toContain('"disableTelemetry":true');
    expect(html).not.toMatch(/fonts\.(googleapis|gstatic)\.com|cdn\.redoc\.ly/);
  });
});

describe('the external-resource check', () => {
  const cases: [string, string][] = [
    ['a CDN script', '<script src="https://cdn.example.com/x.js"></script>'],
    ['a module preload', '<link rel="modulepreload" href="https://cdn.example.com/x.js" />'],
    ['a stylesheet', "<link rel='stylesheet' href='//fonts.example.com/css'>"],
    ['an image', '<img alt="" src="http://img.example.com/a.png">'],
    ['a CSS url()', '<style>body{background:url(https://img.example.com/a.png)}</style>'],
    ['a CSS @import', '<style>@import "https://fonts.example.com/css";</style>'],
    [
      'a JS import',
      '<script type="module">import { a } from "https://cdn.example.com/m.js";</script>',
    ],
    ['a dynamic import', '<script>import("https://cdn.example.com/m.js")</script>'],
    ['a fetch', "<script>fetch('https://api.example.com/x')</script>"],
    [
      'a React img src prop',
      '<script>h("img",{src:e?`https://cdn.example.com/a.svg`:`b`})</script>',
    ],
  ];
  for (const [name, html] of cases) {
    test(`reports ${name}`, () => {
      expect(find(html)).toHaveLength(1);
    });
  }

  test('lets links, same-origin and data: URLs through', () => {
    const html =
      '<a href="https://redocly.com/">docs</a><img src="data:image/svg+xml,x"><script src="/x.js"></script><style>a{background:url(data:image/png;base64,AA)}</style>';
    expect(find(html)).toEqual([]);
  });
});
