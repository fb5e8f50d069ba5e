/** Why a keyword was not added. */
export type KeywordRejection = 'empty' | 'tooShort' | 'tooLong' | 'duplicate' | 'full';

/** The contract's `Keywords`: items of 2-40 characters, unique, at most 20. */
export interface KeywordRules {
  minLength: number;
  maxLength: number;
  maxItems: number;
}

export const DEFAULT_KEYWORD_RULES: KeywordRules = { minLength: 2, maxLength: 40, maxItems: 20 };

/** Trims, collapses spaces and lower-cases a keyword, as the analytics group them. */
export function normalizeKeyword(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

/**
 * Adds one keyword to a list, or says why not.
 *
 * @example
 * ```ts
 * addKeyword(['narkoba'], ' Balap  Liar '); // { ok: true, keywords: ['narkoba', 'balap liar'], keyword: 'balap liar' }
 * addKeyword(['narkoba'], 'NARKOBA');       // { ok: false, reason: 'duplicate', keyword: 'narkoba' }
 * ```
 */
export function addKeyword(
  keywords: readonly string[],
  text: string,
  rules: KeywordRules = DEFAULT_KEYWORD_RULES,
):
  | { ok: true; keywords: string[]; keyword: string }
  | { ok: false; reason: KeywordRejection; keyword: string } {
  const keyword = normalizeKeyword(text);
  if (!keyword) return { ok: false, reason: 'empty', keyword };
  if (keywords.length >= rules.maxItems) return { ok: false, reason: 'full', keyword };
  if (keyword.length < rules.minLength) return { ok: false, reason: 'tooShort', keyword };
  if (keyword.length > rules.maxLength) return { ok: false, reason: 'tooLong', keyword };
  if (keywords.includes(keyword)) return { ok: false, reason: 'duplicate', keyword };
  return { ok: true, keywords: [...keywords, keyword], keyword };
}
