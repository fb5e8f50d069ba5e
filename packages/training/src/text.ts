/**
 * Judging the content of a description (uraian): padding to reach the 50-character rule, and
 * whether the briefing's facts are in it.
 */
import type { Fact, Text } from './types.js';

/** Lower case, accents and punctuation removed, single spaces. */
export function normalize(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** The words of a text, normalized. */
export function words(text: string): string[] {
  const n = normalize(text);
  return n === '' ? [] : n.split(' ');
}

/** Why a text looks padded. */
export type PaddingReason =
  | 'repeated-characters'
  | 'repeated-words'
  | 'repeated-phrase'
  | 'random-characters';

/** Explanations of each {@link PaddingReason}, for feedback. */
export const PADDING_REASONS: Record<PaddingReason, Text> = {
  'repeated-characters': {
    id: 'ada karakter yang diulang-ulang (misalnya "....." atau "aaaaa")',
    en: 'characters are repeated (such as "....." or "aaaaa")',
  },
  'repeated-words': {
    id: 'kata yang sama diulang-ulang sehingga sedikit kata yang berbeda',
    en: 'the same words are repeated, so few words are different',
  },
  'repeated-phrase': {
    id: 'frasa yang sama diulang beberapa kali',
    en: 'the same phrase is repeated several times',
  },
  'random-characters': {
    id: 'ada deretan huruf acak yang bukan kata',
    en: 'there are random letters that are not words',
  },
};

const VOWELS = /[aeiouy]/;

function isGibberish(word: string): boolean {
  if (/\d/.test(word)) return false;
  if (word.length >= 5 && !VOWELS.test(word)) return true;
  if (/[^aeiouy]{5,}/.test(word)) return true;
  if (word.length >= 6 && /(.{2,})\1\1/.test(word)) return true;
  return word.length > 25;
}

/**
 * Looks for the ways officers pad a description to pass the 50-character rule: repeated
 * characters, repeated words or phrases, and random letters. Returns the reasons found (none
 * for an honest text).
 *
 * @example
 * ```ts
 * analysePadding('Situasi aman. ..............................................'); // ['repeated-characters']
 * ```
 */
export function analysePadding(text: string): PaddingReason[] {
  const reasons: PaddingReason[] = [];
  if (/(\S)\1{4,}/u.test(text.replace(/\d+/g, ''))) reasons.push('repeated-characters');
  const list = words(text);
  if (list.length >= 6) {
    const distinct = new Set(list).size;
    if (distinct / list.length < 0.5) reasons.push('repeated-words');
  }
  const trigrams = new Map<string, number>();
  for (let i = 0; i + 2 < list.length; i++) {
    const key = `${list[i]} ${list[i + 1]} ${list[i + 2]}`;
    trigrams.set(key, (trigrams.get(key) ?? 0) + 1);
  }
  if ([...trigrams.values()].some((n) => n >= 3)) reasons.push('repeated-phrase');
  const junk = list.filter(isGibberish).length;
  if (junk >= 2 || (list.length > 0 && junk / list.length >= 0.2)) {
    reasons.push('random-characters');
  }
  return reasons;
}

/** Whether any of a fact's terms appears in the text as whole words. */
export function mentions(text: string, fact: Fact): boolean {
  const haystack = ` ${normalize(text)} `;
  return fact.terms.some((term) => {
    const needle = normalize(term);
    return needle !== '' && haystack.includes(` ${needle} `);
  });
}

/** The facts (of those given) that the text does not mention. */
export function missingFacts(text: string, facts: Fact[]): Fact[] {
  return facts.filter((fact) => !mentions(text, fact));
}
