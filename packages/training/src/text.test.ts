import { describe, expect, it } from 'vitest';
import { analysePadding, mentions, missingFacts, normalize } from './text.js';

const honest =
  'Sambang kedua ke rumah keluarga Bapak Ahmad Fauzi di RT 03 RW 02 Murung Sari. Warga mengeluhkan lampu jalan di gang padam sejak seminggu.';

describe('analysePadding', () => {
  it('finds nothing in an honest description', () => {
    expect(analysePadding(honest)).toEqual([]);
    expect(
      analysePadding('Kebakaran rumah, KDRT, 2026-11-20, pukul 02.15, RT 002 RW 001.'),
    ).toEqual([]);
  });

  it('finds dots or letters repeated to reach 50 characters', () => {
    expect(analysePadding('Situasi aman. ....................................')).toContain(
      'repeated-characters',
    );
    expect(analysePadding('Lapor!!!!!!!!!!!!!!')).toContain('repeated-characters');
  });

  it('finds the same words repeated', () => {
    expect(analysePadding('Sambang warga aman aman aman aman aman aman aman aman')).toContain(
      'repeated-words',
    );
  });

  it('finds a phrase repeated three times', () => {
    expect(
      analysePadding(
        'Warga sehat. situasi aman terkendali, situasi aman terkendali dan situasi aman terkendali',
      ),
    ).toContain('repeated-phrase');
  });

  it('finds random letters', () => {
    expect(analysePadding('Sambang warga RT 03 asdfghjkl qwrtplkj zxcvbnm')).toContain(
      'random-characters',
    );
  });
});

describe('facts', () => {
  const fact = { id: 'pil', text: { id: 'pil', en: 'pills' }, terms: ['pil koplo', 'pil'] };

  it('match whole words, ignoring case, accents and punctuation', () => {
    expect(normalize('Pil-Koplo,  DIJUAL!')).toBe('pil koplo dijual');
    expect(mentions('Dugaan penjualan PIL koplo.', fact)).toBe(true);
    expect(mentions('Warga memilih ketua RT baru.', fact)).toBe(false);
  });

  it('lists the facts a text leaves out', () => {
    const other = { id: 'sungai', text: { id: 'sungai', en: 'river' }, terms: ['tepi sungai'] };
    expect(missingFacts('Remaja di tepi sungai.', [fact, other]).map((f) => f.id)).toEqual(['pil']);
  });
});
