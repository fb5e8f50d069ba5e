import { describe, expect, it } from 'vitest';
import { formatMessage, messages } from './messages.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('messages', () => {
  it('has every message in both languages, none empty', () => {
    expect(Object.keys(messages.en).sort()).toEqual(Object.keys(messages.id).sort());
    for (const [key, text] of Object.entries(messages.en)) expect(text.trim(), key).not.toBe('');
    for (const [key, text] of Object.entries(messages.id)) expect(text.trim(), key).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(messages.id) as (keyof typeof messages.id)[]) {
      expect(placeholders(messages.en[key]), key).toEqual(placeholders(messages.id[key]));
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(formatMessage('id', 'keywords.countMin', { n: 3, min: 5 })).toBe(
      '3 dari minimal 5 kata kunci',
    );
    expect(formatMessage('en', 'keywords.countMin', { n: 3 })).toBe('3 of at least {min} keywords');
  });
});
