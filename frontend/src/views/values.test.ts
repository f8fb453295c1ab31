import { describe, expect, it } from 'vitest';
import { defaultYear, mergeValues, problemPlace, sameValues, valuesForYear } from './values';

const stored = [
  { year: 2022, value: 24 },
  { municipality: '05562004', year: 2022, value: 11 },
  { municipality: '05562004', year: 2023, value: 12 },
];

describe('a year’s values', () => {
  it('are read by place', () => {
    expect(valuesForYear(stored, 2022)).toEqual(new Map([['', 24], ['05562004', 11]]));
  });

  it('change in place, are appended when new and go when emptied; other years stay', () => {
    const next = mergeValues(stored, 2022, new Map<string, number | null>([['', 25], ['05562004', null], ['05562008', 9.5]]));
    expect(next).toEqual([
      { year: 2022, value: 25 },
      { municipality: '05562004', year: 2023, value: 12 },
      { municipality: '05562008', year: 2022, value: 9.5 },
    ]);
    expect(mergeValues(undefined, 2024, new Map([['', 31]]))).toEqual([{ year: 2024, value: 31 }]);
    expect(sameValues(mergeValues(stored, 2022, new Map([['', 24]])), stored)).toBe(true);
  });

  it('place the service’s problems at the year or the municipality', () => {
    const sent = mergeValues(stored, 2099, new Map([['', 30]]));
    expect(problemPlace('values[3].year', sent)).toEqual({ kind: 'year' });
    expect(problemPlace('values[1].value', sent)).toEqual({ kind: 'place', place: '05562004' });
    expect(problemPlace('values', sent)).toBeUndefined();
    expect(problemPlace('baseline_year', sent)).toBeUndefined();
  });

  it('start with the year after the newest, not after this one', () => {
    expect(defaultYear(stored, 2026)).toBe(2024);
    expect(defaultYear([{ year: 2026, value: 1 }], 2026)).toBe(2026);
    expect(defaultYear([], 2026)).toBe(2025);
  });
});
