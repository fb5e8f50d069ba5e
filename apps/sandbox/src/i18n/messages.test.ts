import { describe, expect, it } from 'vitest';
import { en, format, id, translate } from './messages.js';

describe('messages', () => {
  it('has an English text for every Indonesian one, and no empty text', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(id).sort());
    for (const table of [id, en]) {
      for (const [key, text] of Object.entries(table)) expect(text.trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    const names = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(id) as (keyof typeof id)[]) {
      expect(names(en[key]), key).toEqual(names(id[key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('Langkah {n} dari {total}', { n: 2, total: 5 })).toBe('Langkah 2 dari 5');
    expect(format('Nilai {score}%', {})).toBe('Nilai {score}%');
  });

  it('translates into the chosen language', () => {
    expect(translate('id', 'nav.home')).toBe('Beranda');
    expect(translate('en', 'nav.home')).toBe('Home');
  });
});
