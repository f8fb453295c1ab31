import { describe, expect, it } from 'vitest';
import { facetOptions, filterPartners, fold, matchesWords, narrowOptions } from './partnerfilter';

describe('matchesWords', () => {
  it('finds every typed word in any order, ignoring case and umlauts', () => {
    expect(matchesWords('DITIB-Moscheegemeinde Dorsten', 'dorsten ditib')).toBe(true);
    expect(matchesWords('Deutsch-Türkischer Kulturverein Waltrop', 'türk')).toBe(true);
    expect(matchesWords('Deutsch-Türkischer Kulturverein Waltrop', 'tuerk')).toBe(true);
    expect(matchesWords('Deutsch-Türkischer Kulturverein Waltrop', 'turk')).toBe(true);
    expect(matchesWords('Caritasverband Marl', 'caritas dorsten')).toBe(false);
    expect(matchesWords('Anything', '  ')).toBe(true);
  });

  it('folds ß and accents', () => {
    expect(fold('Straße Café')).toBe('strasse cafe');
  });
});

describe('narrowOptions', () => {
  const orgs = [
    { id: 'a', name: 'Caritasverband Marl' },
    { id: 'b', name: 'AWO Unterbezirk' },
    { id: 'c', name: 'Caritasverband Recklinghausen' },
  ];

  it('keeps the matches and the chosen one', () => {
    expect(narrowOptions(orgs, 'caritas').map((o) => o.id)).toEqual(['a', 'c']);
    expect(narrowOptions(orgs, 'caritas', 'b').map((o) => o.id)).toEqual(['a', 'b', 'c']);
    expect(narrowOptions(orgs, '')).toHaveLength(3);
  });
});

describe('facets', () => {
  const p1 = {
    reasons: [
      { code: 'shared_fields', items: [{ id: 'f1', name: 'Sprache' }], text: '' },
      { code: 'shared_municipalities', items: [{ id: 'm1', name: 'Dorsten' }], text: '' },
    ],
  };
  const p2 = {
    reasons: [
      { code: 'complementary_fields', items: [{ id: 'f2', name: 'Arbeit' }], text: '' },
      { code: 'shared_target_groups', items: [{ id: 'g1', name: 'Frauen' }], text: '' },
      { code: 'common_partners', items: [{ id: 'o1', name: 'AWO' }], text: '' },
    ],
  };

  it('gathers the fields, municipalities and target groups the reasons name, by name', () => {
    expect(facetOptions([p1, p2], 'field')).toEqual([
      { id: 'f2', name: 'Arbeit' },
      { id: 'f1', name: 'Sprache' },
    ]);
    expect(facetOptions([p1, p2], 'municipality')).toEqual([{ id: 'm1', name: 'Dorsten' }]);
    expect(facetOptions([p1, p2], 'group')).toEqual([{ id: 'g1', name: 'Frauen' }]);
  });

  it('keeps the recommendations naming every chosen value', () => {
    expect(filterPartners([p1, p2], {})).toEqual([p1, p2]);
    expect(filterPartners([p1, p2], { field: 'f2' })).toEqual([p2]);
    expect(filterPartners([p1, p2], { field: 'f1', municipality: 'm1' })).toEqual([p1]);
    expect(filterPartners([p1, p2], { field: 'f1', group: 'g1' })).toEqual([]);
    expect(filterPartners([p1, p2], { field: undefined })).toEqual([p1, p2]);
  });
});
