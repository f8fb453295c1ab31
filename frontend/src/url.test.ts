// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { mapHref, parseMapState, readQuery, replaceQuery, withQuery } from './url';

describe('readQuery', () => {
  it('reads the named parameters and leaves out empty ones', () => {
    expect(readQuery('?region=05562&field=&x=1&q=%20Sprach%20', ['region', 'field', 'q'])).toEqual({
      region: '05562',
      q: 'Sprach',
    });
  });
});

describe('withQuery', () => {
  it('writes the state in key order without empty values', () => {
    expect(withQuery('/karte', { region: '05562', field: undefined, group: '', sel: '05562004' })).toBe(
      '/karte?region=05562&sel=05562004',
    );
    expect(withQuery('/karte', {})).toBe('/karte');
    expect(withQuery('/verzeichnis', { q: 'Café & Tee', page: 2 })).toBe('/verzeichnis?q=Caf%C3%A9+%26+Tee&page=2');
  });
});

describe('map state', () => {
  it('round-trips through the address', () => {
    const state = { region: '08226', field: 'fld_01', group: 'tgr_02', sel: '08226006' };
    const href = mapHref(state);
    expect(href).toBe('/karte?region=08226&field=fld_01&group=tgr_02&sel=08226006');
    expect(parseMapState(href.slice(href.indexOf('?')))).toEqual(state);
  });

  it('drops a region or selection that is not a key', () => {
    expect(parseMapState('?region=abc&sel=12')).toEqual({});
    expect(parseMapState('?region=05562&sel=0556200')).toEqual({ region: '05562' });
  });
});

describe('replaceQuery', () => {
  it('changes the query of the current path without a new history entry', () => {
    history.replaceState(null, '', '/karte?region=1#x');
    const before = history.length;
    replaceQuery({ region: '05562', field: 'fld_1' });
    expect(location.pathname + location.search + location.hash).toBe('/karte?region=05562&field=fld_1#x');
    expect(history.length).toBe(before);
  });
});
