import { afterEach, describe, expect, it } from 'vitest';
import { formatBytes, formatDate, formatDecimal, formatDelta, formatInt, formatPercent, formatRange, formatScore, formatSigned } from './format';
import { setLanguage } from './i18n';

afterEach(() => setLanguage('de'));

describe('formatting in German', () => {
  it('writes numbers with German separators', () => {
    expect(formatInt(72839)).toBe('72.839');
    expect(formatDecimal(5.235602)).toBe('5,2');
    expect(formatDecimal(4, 2)).toBe('4');
    expect(formatScore(0.95)).toBe('0,95');
    expect(formatRange(1.24, 4.949)).toBe('1,2–4,9');
    expect(formatPercent(0.873)).toBe('87\u00a0%');
  });

  it('writes dates day first', () => {
    expect(formatDate('2026-03-01')).toBe('01.03.2026');
    expect(formatDate('2026-11-21T18:48:20.271777Z')).toBe('21.11.2026');
    expect(formatDate('unbekannt')).toBe('unbekannt');
  });

  it('signs differences', () => {
    expect(formatDelta(3)).toBe('+3');
    expect(formatDelta(-1200)).toBe('−1.200');
    expect(formatDelta(0)).toBe('±0');
    expect(formatDelta(0.25, 2)).toBe('+0,25');
  });

  it('signs weights and contributions with fixed decimals', () => {
    expect(formatSigned(6.5435)).toBe('+6,54');
    expect(formatSigned(-1.986461)).toBe('−1,99');
    expect(formatSigned(0.5)).toBe('+0,50');
    expect(formatSigned(0.001)).toBe('±0,00');
    expect(formatSigned(-12.071869, 2, false)).toBe('−12,07');
    expect(formatSigned(7.897234, 2, false)).toBe('7,90');
  });
});

describe('formatting in English', () => {
  it('follows the language', () => {
    setLanguage('en');
    expect(formatInt(72839)).toBe('72,839');
    expect(formatDecimal(5.235602)).toBe('5.2');
    expect(formatDate('2026-03-01')).toBe('01/03/2026');
    expect(formatPercent(0.5)).toBe('50%');
    expect(formatSigned(-1.986461)).toBe('−1.99');
  });
});

describe('file sizes', () => {
  it('uses binary units and the language’s decimal mark', () => {
    expect(formatBytes(812)).toBe('812 B');
    expect(formatBytes(12_595)).toBe('12 KB');
    expect(formatBytes(5_000)).toBe('4,9 KB');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(4.5 * 1024 * 1024)).toBe('4,5 MB');
    expect(formatBytes(300 * 1024 * 1024)).toBe('300 MB');
    setLanguage('en');
    expect(formatBytes(5_000)).toBe('4.9 KB');
  });
});
