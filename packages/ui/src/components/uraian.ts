/** What the description field knows about a text, computed without React. */
export interface UraianAnalysis {
  /** Characters as the server counts them (after trimming the ends). */
  length: number;
  meetsMinimum: boolean;
  overMaximum: boolean;
  /** Characters still missing to reach the minimum (0 when met). */
  missing: number;
  /** The text repeats one character or one word in a way no real account does. */
  looksPadded: boolean;
}

/**
 * Measures a description (uraian) against BOS V2's rule of at least 50 characters, and spots
 * padding ("aaaaaaa", "test test test test"), which officers have used to pass the check.
 *
 * @example
 * ```ts
 * analyseUraian('Sambang ke rumah warga', { min: 50 }).missing; // 28
 * ```
 */
export function analyseUraian(
  text: string,
  { min = 50, max = 5000 }: { min?: number; max?: number } = {},
): UraianAnalysis {
  const length = [...text.trim()].length;
  return {
    length,
    meetsMinimum: length >= min,
    overMaximum: length > max,
    missing: Math.max(0, min - length),
    looksPadded: looksPadded(text),
  };
}

function looksPadded(text: string): boolean {
  const trimmed = text.trim().toLowerCase();
  if (trimmed.length < 10) return false;
  // One character repeated six or more times ("aaaaaa", "......", "xxxxxx").
  if (/(.)\1{5,}/u.test(trimmed)) return true;
  const words = trimmed.split(/[\s,.;:!?]+/u).filter(Boolean);
  // The same word three or more times in a row ("test test test").
  for (let i = 2; i < words.length; i += 1) {
    if (words[i] === words[i - 1] && words[i] === words[i - 2]) return true;
  }
  // Almost no variety: at least 8 words of which at most a quarter are distinct.
  if (words.length >= 8 && new Set(words).size <= words.length / 4) return true;
  return false;
}
