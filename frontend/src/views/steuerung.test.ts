import { describe, expect, it } from 'vitest';
import type { Coverage, CoverageCell, Gaps } from '../types';
import { withQuery } from '../url';
import { cellClass, inkOn, steuerungQuery } from './steuerung';
import { csvCell, csvFileName, gapCsvRows, gapRows, heatmapRows, readSteuerungState, statusCsvRows, toCsv } from './steuerungtable';

const coverage = {
  fields: [{ id: 'f', name: 'Arbeit', canonical: 'work', median_density: 4, thin_below: 1 }],
} as unknown as Coverage;

function cell(cls: CoverageCell['class'], density: number, offers: number): CoverageCell {
  return { municipality: 'm', field: 'f', offers, measures: [], demand: 1000, density, class: cls, networks: [], explanation: '' };
}

describe('heatmap cells', () => {
  it('use the map’s classes against the field’s median', () => {
    expect(cellClass(cell('gap', 0, 0), coverage)).toBe('gap');
    expect(cellClass(cell('thin', 0.5, 1), coverage)).toBe('thin');
    expect(cellClass(cell('covered', 3, 3), coverage)).toBe('low');
    expect(cellClass(cell('covered', 5, 5), coverage)).toBe('mid');
    expect(cellClass(cell('covered', 9, 9), coverage)).toBe('high');
  });

  it('write white on the darkest class only', () => {
    expect(inkOn('high')).toBe('#ffffff');
    expect(inkOn('mid')).toBe('#1a1f24');
    expect(inkOn('thin')).toBe('#1a1f24');
  });
});

describe('the Steuerung’s address', () => {
  it('keeps the target group next to the region and the compared states', () => {
    const state = readSteuerungState('?region=05562&group=tg_1&from=s1&to=s2&year=2025&x=1');
    expect(state).toEqual({ region: '05562', group: 'tg_1', from: 's1', to: 's2' });
    const query = steuerungQuery({ ...state, year: '2025', field: 'f' });
    expect(withQuery('/steuerung', query)).toBe('/steuerung?region=05562&group=tg_1&year=2025&field=f&from=s1&to=s2');
  });

  it('leaves the group out when all groups are shown', () => {
    expect(withQuery('/steuerung', steuerungQuery(readSteuerungState('?region=05562&group=')))).toBe('/steuerung?region=05562');
  });
});

describe('CSV for German Excel', () => {
  it('starts with a BOM, separates with semicolons and ends rows with CRLF', () => {
    expect(toCsv([['Kommune', 'Angebote'], ['Marl', 3]])).toBe('\uFEFFKommune;Angebote\r\nMarl;3\r\n');
  });

  it('quotes separators, quotes and line breaks, and defuses formulas', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(csvCell('Sag "Hallo"')).toBe('"Sag ""Hallo"""');
    expect(csvCell('zwei\nZeilen')).toBe('"zwei\nZeilen"');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell('-3')).toBe('-3');
    expect(csvCell(-3)).toBe('-3');
    expect(csvCell(undefined)).toBe('');
  });

  it('writes the heatmap as on screen: municipalities by name, a column per field', () => {
    const cov = {
      fields: [
        { id: 'a', name: 'Arbeit' },
        { id: 'w', name: 'Wohnen; Mobilität' },
      ],
      municipalities: [
        { ags: '2', name: 'Marl' },
        { ags: '1', name: 'Dorsten' },
      ],
      cells: [
        { municipality: '1', field: 'a', offers: 4 },
        { municipality: '2', field: 'a', offers: 0 },
        { municipality: '2', field: 'w', offers: 7 },
      ],
    } as unknown as Coverage;
    expect(toCsv(heatmapRows(cov, 'Kommune'))).toBe('\uFEFFKommune;Arbeit;"Wohnen; Mobilität"\r\nDorsten;4;\r\nMarl;0;7\r\n');
  });

  it('ranks gaps before thin cells, with German headers and words', () => {
    const gaps = {
      region: 'r',
      gaps: [{ municipality: '1', field: 'a', demand: 1200, offers: 0 }],
      thin: [{ municipality: '2', field: 'a', demand: 800, offers: 1 }],
    } as unknown as Gaps;
    const rows = gapRows(gaps, (ags) => (ags === '1' ? 'Herten' : 'Marl'), () => 'Arbeit');
    const csv = toCsv(gapCsvRows(rows, ['Rang', 'Kommune', 'Handlungsfeld', 'Einstufung', 'Menschen ohne Angebot', 'Angebote'], (k) => (k === 'gap' ? 'Lücke' : 'Dünn versorgt')));
    expect(csv).toBe('\uFEFFRang;Kommune;Handlungsfeld;Einstufung;Menschen ohne Angebot;Angebote\r\n1;Herten;Arbeit;Lücke;1200;0\r\n2;Marl;Arbeit;Dünn versorgt;800;1\r\n');
  });

  it('counts measures per status with a total', () => {
    const counts = new Map([['a', { planned: 1, active: 2 }]]);
    expect(statusCsvRows([{ id: 'a', name: 'Arbeit' }, { id: 'b', name: 'Wohnen' }], counts, ['planned', 'active'], { field: 'Handlungsfeld', status: (s) => s.toUpperCase(), total: 'Summe' })).toEqual([
      ['Handlungsfeld', 'PLANNED', 'ACTIVE', 'Summe'],
      ['Arbeit', 1, 2, 3],
      ['Wohnen', 0, 0, 0],
    ]);
  });

  it('names the file after region, part, group and day', () => {
    expect(csvFileName('05562', 'luecken', new Date(2026, 2, 5), 'Geflüchtete Frauen')).toBe('netzwerkatlas-05562-luecken-Gefl_chtete_Frauen-2026-03-05.csv');
    expect(csvFileName('05562', 'abdeckung', new Date(2026, 11, 24))).toBe('netzwerkatlas-05562-abdeckung-2026-12-24.csv');
  });
});
