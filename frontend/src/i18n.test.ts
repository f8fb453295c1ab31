// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  STORAGE_KEY,
  catalogues,
  getLanguage,
  initLanguage,
  onLanguageChange,
  placeholders,
  setLanguage,
  t,
} from './i18n';

describe('catalogues', () => {
  const de = catalogues.de;
  const en = catalogues.en;

  it('have the same keys in German and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(de).sort());
  });

  it('use the same placeholders for each key', () => {
    for (const key of Object.keys(de) as (keyof typeof de)[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(de[key]));
    }
  });

  it('have no empty messages', () => {
    for (const [lang, catalogue] of Object.entries(catalogues)) {
      for (const [key, message] of Object.entries(catalogue)) {
        expect(message.trim(), `${lang} ${key}`).not.toBe('');
      }
    }
  });
});

describe('language', () => {
  beforeEach(() => {
    localStorage.clear();
    initLanguage();
  });
  afterEach(() => setLanguage('de'));

  it('is German unless another language was chosen', () => {
    expect(getLanguage()).toBe('de');
    expect(document.documentElement.lang).toBe('de');
    expect(t('nav.partner')).toBe('Partner finden');
  });

  it('switches, is kept in localStorage and reflected in <html lang>', () => {
    const listener = vi.fn();
    const stop = onLanguageChange(listener);
    setLanguage('en');
    stop();
    expect(t('nav.partner')).toBe('Find partners');
    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem(STORAGE_KEY)).toBe('en');
    expect(listener).toHaveBeenCalledWith('en');
  });

  it('is restored from localStorage', () => {
    localStorage.setItem(STORAGE_KEY, 'en');
    expect(initLanguage()).toBe('en');
    expect(document.documentElement.lang).toBe('en');
  });

  it('ignores an unknown stored value', () => {
    localStorage.setItem(STORAGE_KEY, 'fr');
    expect(initLanguage()).toBe('de');
  });
});

describe('t', () => {
  afterEach(() => setLanguage('de'));

  it('fills placeholders and formats numbers for the language', () => {
    expect(t('karte.density', { value: '4,2' })).toBe('4,2 je 10.000');
    expect(t('verzeichnis.page', { page: 1, pages: 1234 })).toBe('Seite 1 von 1.234');
    setLanguage('en');
    expect(t('verzeichnis.page', { page: 1, pages: 1234 })).toBe('Page 1 of 1,234');
  });

  it('leaves a placeholder without value visible', () => {
    expect(t('karte.density', {})).toBe('{value} je 10.000');
  });
});

describe('plural wording', () => {
  it('chooses singular or plural by the number and formats it', async () => {
    const { t } = await import('./i18n');
    expect(t('karte.legend.count', { count: 1 })).toBe('1 Kommune');
    expect(t('karte.legend.count', { count: 1200 })).toBe('1.200 Kommunen');
    expect(t('karte.legend.count', { count: 0 })).toBe('0 Kommunen');
  });
});

describe('partner reasons', () => {
  it('words the codes and shortens long lists', async () => {
    const { listNames, reasonText } = await import('./views/partner');
    const named = (...names: string[]) => names.map((name, i) => ({ id: String(i), name }));
    expect(listNames(named('Marl'))).toBe('Marl');
    expect(listNames(named('Marl', 'Dorsten'))).toBe('Marl und Dorsten');
    expect(listNames(named('A', 'B', 'C', 'D', 'E', 'F', 'G'), 5)).toBe('A, B, C, D, E und 2 weitere');
    expect(reasonText({ code: 'common_partners', items: named('Caritas'), text: '' })).toBe(
      'Arbeitet schon mit einem Ihrer Partner zusammen: Caritas.',
    );
    expect(reasonText({ code: 'something_new', items: [], text: 'as the service says' })).toBe('as the service says');
  });
});
