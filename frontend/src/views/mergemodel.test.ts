import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '../i18n';
import { defaultChoices, fieldDiff, mergeRequest, movingRelations, valueText, type Entry } from './mergemodel';

afterEach(() => setLanguage('de'));

const meta = { created_at: '2026-01-01T00:00:00Z', updated_at: '2026-01-02T00:00:00Z', region: '05562', visibility: 'public' };
const a: Entry = { id: 'msr_a', version: 3, ...meta, title: 'Sprachcafé Marl', status: 'active', level: 'operational', starts: '2025-03-01', capacity: 12, languages: ['de'] };
const b: Entry = {
  id: 'msr_b', version: 1, ...meta, updated_at: '2026-02-02T00:00:00Z', title: 'Sprachcafe in Marl', status: 'active', level: 'operational',
  starts: '2025-04-01', capacity: 12, languages: ['de', 'ar'], description: 'Dienstags im Café',
};

describe('fieldDiff', () => {
  it('lists the fields whose values differ, never the identity or history', () => {
    expect(fieldDiff(a, b).map((d) => d.field)).toEqual(['title', 'starts', 'languages', 'description']);
  });
  it('treats missing, empty text and empty lists alike', () => {
    expect(fieldDiff({ ...a, description: '', languages: [] }, { ...a, languages: undefined })).toEqual([]);
  });
});

describe('choices and request', () => {
  it('keeps the survivor’s values, unless only the other entry has one', () => {
    const c = defaultChoices(fieldDiff(a, b), a, b, a.id);
    expect(Object.fromEntries(c)).toEqual({ title: 'msr_a', starts: 'msr_a', languages: 'msr_a', description: 'msr_b' });
  });
  it('turns the entries chosen per field into survivor or retired, with both versions', () => {
    const c = new Map([
      ['title', 'msr_a'],
      ['starts', 'msr_b'],
    ]);
    expect(mergeRequest('measure', a, b, 'msr_a', c)).toEqual({
      kind: 'measure', survivor: 'msr_a', retired: 'msr_b', survivor_version: 3, retired_version: 1,
      fields: { title: 'survivor', starts: 'retired' },
    });
    // Another survivor: the same values are chosen, so their roles swap.
    expect(mergeRequest('measure', a, b, 'msr_b', c)).toEqual({
      kind: 'measure', survivor: 'msr_b', retired: 'msr_a', survivor_version: 1, retired_version: 3,
      fields: { title: 'retired', starts: 'survivor' },
    });
  });
});

describe('movingRelations', () => {
  it('moves the retired entry’s relationships, drops those between the two and keeps the survivor’s own', () => {
    const retired = [
      { type: 'PROVIDES', from: 'org_1', to: 'msr_b' },
      { type: 'PROVIDES', from: 'org_2', to: 'msr_b', props: { role: 'partner' } },
      { type: 'OFFERED_IN', from: 'msr_b', to: '05562024' },
      { type: 'REVIEWED', from: 'msr_a', to: 'msr_b', props: { verdict: 'duplicate' } },
      { type: 'REVIEWED', from: 'msr_b', to: 'msr_c', props: { verdict: 'intended' } },
    ];
    const survivor = [
      { type: 'PROVIDES', from: 'org_1', to: 'msr_a', props: { role: 'lead' } },
      { type: 'REVIEWED', from: 'msr_a', to: 'msr_b', props: { verdict: 'duplicate' } },
    ];
    expect(movingRelations('msr_b', 'msr_a', retired, survivor)).toEqual([
      { type: 'PROVIDES', from: 'org_2', to: 'msr_a', props: { role: 'partner' } },
      { type: 'OFFERED_IN', from: 'msr_a', to: '05562024' },
      { type: 'REVIEWED', from: 'msr_a', to: 'msr_c', props: { verdict: 'intended' } },
    ]);
  });
});

describe('valueText', () => {
  it('says values in words: dates as dd.mm.yyyy, codes as labels, languages by name, nothing as empty', () => {
    expect(valueText('measure', 'starts', '2025-04-01')).toBe('01.04.2025');
    expect(valueText('measure', 'status', 'active')).toBe('aktiv');
    expect(valueText('measure', 'languages', ['de', 'ar'])).toBe('Deutsch, Arabisch');
    expect(valueText('measure', 'description', '')).toBe('(leer)');
    expect(valueText('measure', 'visibility', 'internal')).toBe('intern');
    setLanguage('en');
    expect(valueText('measure', 'starts', '2025-04-01')).toBe('01/04/2025');
    expect(valueText('measure', 'description', undefined)).toBe('(empty)');
  });
});
