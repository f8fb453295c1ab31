// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { excerpt, highlighted, segments, spansOf } from './highlight';

describe('segments', () => {
  it('cuts along UTF-8 byte ranges, as the Go service counts them', () => {
    // "Sprachcafé" is 11 bytes: the é takes two.
    expect(segments('Beim Sprachcafé Marl', [[5, 16]])).toEqual([
      { text: 'Beim ', mark: false },
      { text: 'Sprachcafé', mark: true },
      { text: ' Marl', mark: false },
    ]);
    expect(segments('Sprachcafé Marl', [[12, 16]])).toEqual([
      { text: 'Sprachcafé ', mark: false },
      { text: 'Marl', mark: true },
    ]);
  });

  it('merges overlapping and unsorted ranges and clips ranges beyond the text', () => {
    expect(segments('abcdef', [[3, 5], [0, 2], [1, 3], [5, 99]])).toEqual([{ text: 'abcdef', mark: true }]);
    expect(segments('abcdef', [[4, 6], [0, 1]])).toEqual([
      { text: 'a', mark: true },
      { text: 'bcd', mark: false },
      { text: 'ef', mark: true },
    ]);
  });

  it('widens a range that cuts a character in two', () => {
    expect(segments('Köln', [[0, 2]])).toEqual([
      { text: 'Kö', mark: true },
      { text: 'ln', mark: false },
    ]);
  });

  it('returns the plain text without ranges and nothing for empty text', () => {
    expect(segments('abc', [])).toEqual([{ text: 'abc', mark: false }]);
    expect(segments('', [])).toEqual([]);
  });
});

describe('highlighted', () => {
  it('builds text with <mark> elements and never parses markup', () => {
    const div = document.createElement('div');
    div.append(highlighted('<b>Kurs</b> für alle', [[3, 7]]));
    expect(div.innerHTML).toBe('&lt;b&gt;<mark>Kurs</mark>&lt;/b&gt; für alle');
  });
});

describe('spansOf', () => {
  it('finds the spans of one field', () => {
    const matches = [
      { field: 'title', spans: [[0, 4]] as [number, number][] },
      { field: 'description', spans: [[1, 2]] as [number, number][] },
    ];
    expect(spansOf(matches, 'description')).toEqual([[1, 2]]);
    expect(spansOf(matches, 'name')).toEqual([]);
    expect(spansOf(undefined, 'title')).toEqual([]);
  });
});

describe('excerpt', () => {
  const text = 'Eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn Sprachcafé danach kommt noch viel mehr Text';
  it('keeps short texts whole', () => {
    expect(excerpt([{ text: 'kurz', mark: false }], 100)).toEqual([{ text: 'kurz', mark: false }]);
  });

  it('cuts a window around the first mark with ellipses', () => {
    const parts = segments(text, [[83, 94]]);
    expect(parts.find((p) => p.mark)?.text).toBe('Sprachcafé');
    const out = excerpt(parts, 40, 10);
    const joined = out.map((p) => p.text).join('');
    expect(joined.startsWith('… ')).toBe(true);
    expect(joined.endsWith(' …')).toBe(true);
    expect(out.some((p) => p.mark && p.text === 'Sprachcafé')).toBe(true);
    expect(joined.length).toBeLessThanOrEqual(44);
  });

  it('starts at the beginning when nothing is marked', () => {
    const out = excerpt([{ text, mark: false }], 20);
    expect(out[0]?.text.startsWith('Eins')).toBe(true);
    expect(out.at(-1)?.text).toBe(' …');
  });
});
