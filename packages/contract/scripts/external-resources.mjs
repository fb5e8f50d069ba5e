// Finds what an HTML page would load from another host: the reference page must load
// nothing but itself (it is opened offline and served with a self-only CSP).

/** Tags whose URL attributes are followed to a link, not loaded. */
const NAVIGATION_TAGS = new Set(['a', 'area', 'form', 'base']);
const URL_ATTRIBUTES = ['src', 'href', 'srcset', 'poster', 'data', 'action', 'background'];

const PATTERNS = [
  // CSS: url(https://...) and @import "https://..."
  { kind: 'css url()', re: /url\(\s*['"`]?(https?:)?\/\/[^)'"`\s]+/gi },
  { kind: 'css @import', re: /@import\s+(url\()?\s*['"`](https?:)?\/\//gi },
  // JS: static and dynamic imports, fetch, workers, importScripts, XHR
  { kind: 'js import', re: /(?<!@)\bimport\s*(?:[\w*{}\s,$]+from\s*)?\(?\s*['"`](https?:)?\/\//gi },
  { kind: 'js fetch', re: /\bfetch\(\s*['"`](https?:)?\/\//gi },
  { kind: 'js worker', re: /\bnew\s+(Shared)?Worker\(\s*['"`](https?:)?\/\//gi },
  { kind: 'js importScripts', re: /\bimportScripts\(\s*['"`](https?:)?\/\//gi },
  { kind: 'js xhr', re: /\.open\(\s*['"`]\w+['"`]\s*,\s*['"`](https?:)?\/\//gi },
  // JSX props that load (React `src:`/`srcSet:`/`poster:` with an absolute URL)
  { kind: 'js src prop', re: /\b(src|srcSet|poster):\s*(?:\w+\s*\?\s*)?['"`](https?:)?\/\//g },
];

/**
 * Lists each place in `html` (including inline CSS and JS) that would make the browser load a
 * resource from an absolute http(s) or protocol-relative URL. Links (`<a href>`) are fine.
 * @param {string} html
 * @returns {string[]} short descriptions with the offending text
 */
export function findExternalResources(html) {
  const found = [];
  for (const tag of html.matchAll(/<([a-zA-Z][\w-]*)\b([^>]*)>/g)) {
    const name = tag[1].toLowerCase();
    if (NAVIGATION_TAGS.has(name)) continue;
    for (const attr of tag[2].matchAll(/([\w-]+)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/g)) {
      const key = attr[1].toLowerCase();
      const value = attr[2].replace(/^["']|["']$/g, '').trim();
      if (URL_ATTRIBUTES.includes(key) && /(^|[\s,])(https?:)?\/\//i.test(value)) {
        found.push(`<${name} ${key}="${value.slice(0, 120)}">`);
      }
    }
  }
  for (const { kind, re } of PATTERNS) {
    for (const match of html.matchAll(re)) {
      const at = match.index ?? 0;
      found.push(`${kind}: ${html.slice(at, at + 120).replace(/\s+/g, ' ')}`);
    }
  }
  return found;
}
