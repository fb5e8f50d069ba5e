import type { Prng } from './prng.js';

/**
 * Generates a string matching a simple regular expression: literals, escapes (`\d`, `\w`, `\.`),
 * classes with ranges, groups with alternation and the quantifiers `? * + {n} {n,m}`. This is
 * enough for the patterns of the contract (codes, phone numbers, times); callers check the
 * result with the real RegExp and fall back to the schema's examples.
 */
type Node =
  | { t: 'chars'; set: string[] }
  | { t: 'group'; alts: Node[][] }
  | { t: 'repeat'; node: Node; min: number; max: number };

const DIGITS = '0123456789'.split('');
const WORD = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_'.split('');

function parse(src: string): Node[][] {
  let i = 0;
  const parseAlts = (): Node[][] => {
    const alts: Node[][] = [[]];
    while (i < src.length) {
      const c = src[i] as string;
      if (c === ')') break;
      if (c === '|') {
        i++;
        alts.push([]);
        continue;
      }
      const current = alts[alts.length - 1] as Node[];
      let node: Node | null = null;
      if (c === '^' || c === '$') {
        i++;
        continue;
      }
      if (c === '(') {
        i++;
        if (src.startsWith('?:', i)) i += 2;
        const inner = parseAlts();
        i++; // ')'
        node = { t: 'group', alts: inner };
      } else if (c === '[') {
        i++;
        const set: string[] = [];
        let negate = false;
        if (src[i] === '^') {
          negate = true;
          i++;
        }
        while (i < src.length && src[i] !== ']') {
          let ch = src[i] as string;
          if (ch === '\\') {
            i++;
            const e = src[i] as string;
            if (e === 'd') set.push(...DIGITS);
            else if (e === 'w') set.push(...WORD);
            else if (e === 's') set.push(' ');
            else set.push(e);
            i++;
            continue;
          }
          if (src[i + 1] === '-' && src[i + 2] !== undefined && src[i + 2] !== ']') {
            const end = src[i + 2] as string;
            for (let k = ch.charCodeAt(0); k <= end.charCodeAt(0); k++)
              set.push(String.fromCharCode(k));
            i += 3;
            continue;
          }
          set.push(ch);
          ch = '';
          i++;
        }
        i++; // ']'
        node = { t: 'chars', set: negate ? WORD.filter((w) => !set.includes(w)) : set };
      } else if (c === '\\') {
        i++;
        const e = src[i] as string;
        i++;
        if (e === 'd') node = { t: 'chars', set: DIGITS };
        else if (e === 'w') node = { t: 'chars', set: WORD };
        else if (e === 's') node = { t: 'chars', set: [' '] };
        else node = { t: 'chars', set: [e] };
      } else if (c === '.') {
        i++;
        node = { t: 'chars', set: WORD };
      } else {
        i++;
        node = { t: 'chars', set: [c] };
      }
      // quantifier
      const q = src[i];
      if (q === '?' || q === '*' || q === '+') {
        i++;
        node = { t: 'repeat', node, min: q === '+' ? 1 : 0, max: q === '?' ? 1 : 4 };
      } else if (q === '{') {
        const close = src.indexOf('}', i);
        const [a, b] = src.slice(i + 1, close).split(',');
        const min = Number(a);
        const max = b === undefined ? min : b === '' ? min + 4 : Number(b);
        i = close + 1;
        node = { t: 'repeat', node, min, max };
      }
      current.push(node);
    }
    return alts;
  };
  return parseAlts();
}

function emit(nodes: Node[], rng: Prng): string {
  let out = '';
  for (const node of nodes) out += emitNode(node, rng);
  return out;
}

function emitNode(node: Node, rng: Prng): string {
  if (node.t === 'chars') return node.set.length ? rng.pick(node.set) : '';
  if (node.t === 'group') return emit(rng.pick(node.alts), rng);
  const n = rng.int(node.min, node.max);
  let out = '';
  for (let k = 0; k < n; k++) out += emitNode(node.node, rng);
  return out;
}

const cache = new Map<string, Node[][]>();

/** A string matching `pattern`, or null when this generator cannot make one. */
export function sampleRegex(pattern: string, rng: Prng): string | null {
  try {
    let ast = cache.get(pattern);
    if (!ast) {
      ast = parse(pattern);
      cache.set(pattern, ast);
    }
    const re = new RegExp(pattern, 'u');
    for (let attempt = 0; attempt < 5; attempt++) {
      const s = emit(rng.pick(ast), rng);
      if (re.test(s)) return s;
    }
  } catch {
    // An unsupported construct: the caller falls back to examples.
  }
  return null;
}
