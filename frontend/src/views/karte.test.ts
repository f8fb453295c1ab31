// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../api';
import { classColours, hatchColour } from '../choropleth';
import { setLanguage, t } from '../i18n';
import {
  baseSource,
  boxInside,
  contrast,
  demandKind,
  labelHaloAlpha,
  labelInk,
  labelPoint,
  nameLines,
  overWhite,
  PanelFocus,
  placeLabels,
  pointInPolygon,
  type Pt,
} from '../maplabels';
import { RefData } from '../refdata';
import { Session } from '../session';
import { baseName, baseSourceText, karteView } from './karte';

afterEach(() => {
  setLanguage('de');
  document.body.replaceChildren();
  history.replaceState(null, '', '/');
});

/** A square of side s with its top left corner at (x, y), in screen pixels. */
function square(x: number, y: number, s: number): Pt[][] {
  return [
    [
      [x, y],
      [x + s, y],
      [x + s, y + s],
      [x, y + s],
      [x, y],
    ],
  ];
}

// An L shape whose centroid lies outside (in the notch), like a bent municipality.
const lShape: Pt[][] = [
  [
    [0, 0],
    [200, 0],
    [200, 40],
    [40, 40],
    [40, 200],
    [0, 200],
    [0, 0],
  ],
];

describe('the label point', () => {
  it('lies inside a bent polygon, where its centroid does not', () => {
    const p = labelPoint(lShape);
    expect(pointInPolygon([p.x, p.y], lShape)).toBe(true);
    expect(pointInPolygon([200 / 3 + 10, 200 / 3 + 10], lShape)).toBe(false);
    expect(p.distance).toBeGreaterThan(15);
  });

  it('is the centre of a square, with half its side as room', () => {
    const p = labelPoint(square(0, 0, 100));
    expect(p.x).toBeCloseTo(50, 0);
    expect(p.y).toBeCloseTo(50, 0);
    expect(p.distance).toBeCloseTo(50, 0);
  });
});

describe('the label placement', () => {
  const style = { fontPx: 10, lineHeight: 12, pad: 2, gap: 2, measure: (s: string) => s.length * 6 };

  it('writes a name that fits, centred, and none where the polygon is too small', () => {
    const [big, small] = placeLabels([
      { id: 'a', name: 'Marl', rings: square(0, 0, 200) },
      { id: 'b', name: 'Oer-Erkenschwick', rings: square(300, 0, 20) },
    ], style);
    expect(big).toMatchObject({ id: 'a', lines: ['Marl'] });
    expect(big!.x).toBeCloseTo(100, 0);
    expect(boxInside({ x: big!.x, y: big!.y, w: 4 * 6 + 4, h: 16 }, square(0, 0, 200))).toBe(true);
    expect(small).toMatchObject({ id: 'b', lines: [] });
  });

  it('breaks a long name at its hyphen when one line is too wide', () => {
    expect(nameLines('Castrop-Rauxel')).toEqual([['Castrop-Rauxel'], ['Castrop-', 'Rauxel']]);
    expect(nameLines('Marl')).toEqual([['Marl']]);
    // 14 characters are 84 px plus padding: too wide for 70 px, but "Castrop-" (48 px) fits.
    const [p] = placeLabels([{ id: 'c', name: 'Castrop-Rauxel', rings: square(0, 0, 70) }], style);
    expect(p!.lines).toEqual(['Castrop-', 'Rauxel']);
  });

  it('keeps names apart and room for the gap mark above the name', () => {
    // Two overlapping polygons: the larger one is named, the other's name would collide.
    const placed = placeLabels([
      { id: 'small', name: 'Datteln', rings: square(10, 10, 90) },
      { id: 'large', name: 'Haltern am See', rings: square(0, 0, 110) },
    ], style);
    expect(placed.find((p) => p.id === 'large')!.lines.length).toBeGreaterThan(0);
    expect(placed.find((p) => p.id === 'small')!.lines).toEqual([]);

    const [withMark] = placeLabels([{ id: 'm', name: 'Herten', rings: square(0, 0, 100), reserve: 24 }], style);
    expect(withMark!.lines).toEqual(['Herten']);
    expect(withMark!.reserveY).toBeLessThan(withMark!.y - 10);
    // Too low for the name and the mark: no name, the mark keeps the label point.
    const [flat] = placeLabels([{ id: 'f', name: 'Herten', rings: [[[0, 0], [200, 0], [200, 30], [0, 30], [0, 0]]], reserve: 24 }], style);
    expect(flat!.lines).toEqual([]);
  });
});

describe('the names’ contrast', () => {
  it('is at least 4.5:1 on every fill of the map, the hatching included', () => {
    for (const fill of [...Object.values(classColours), hatchColour, '#e8eef3']) {
      expect(contrast(labelInk, overWhite(fill, labelHaloAlpha)), fill).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('is computed as WCAG defines it', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
});

describe('the population base', () => {
  it('has one name with its source and year, in German and English', () => {
    const kind = demandKind('foreign');
    const base = { kind, ...baseSource(kind, [{ population_year: 2022, population_source: 'official', foreign_source: 'approximate' }]) };
    expect(baseName(base)).toBe('Menschen mit ausländischer Staatsangehörigkeit');
    expect(baseSourceText(base)).toBe('Schätzung aus dem Anteil im Kreis, Stand 2022');
    expect(t('karte.legend.unit', { base: baseName(base), source: baseSourceText(base) })).toBe(
      'Aktive Angebote je 10.000 Menschen mit ausländischer Staatsangehörigkeit (Schätzung aus dem Anteil im Kreis, Stand 2022)',
    );
    setLanguage('en');
    expect(baseName(base)).toBe('people with a foreign nationality');
    expect(baseSourceText(base)).toBe('estimated from the county’s share, 2022');
  });

  it('is official only when every figure is, and the service’s default when unknown', () => {
    expect(demandKind('')).toBe('foreign');
    expect(demandKind('population')).toBe('population');
    expect(baseSource('population', [{ population_year: 2022, population_source: 'official' }])).toEqual({ source: 'official', year: 2022 });
    expect(baseSource('foreign', [{ foreign_source: 'official' }, { foreign_source: 'approximate' }])).toEqual({ source: 'approximate', year: undefined });
    expect(baseSourceText({ kind: 'foreign', source: 'official' })).toBe('amtliche Statistik');
  });

  it('is named the same in every German map text', () => {
    for (const key of ['karte.intro', 'karte.legend.unit', 'karte.explain.thin', 'karte.explain.covered'] as const) {
      const text = t(key, { base: baseName({ kind: 'foreign', source: 'approximate' }) });
      expect(text, key).toContain('Menschen mit ausländischer Staatsangehörigkeit');
      expect(text, key).not.toMatch(/Zuwanderungsgeschichte|Bedarfsgruppe/);
    }
  });
});

describe('the panel focus', () => {
  it('goes back to the element the panel was opened from, or else to the municipality', () => {
    const path = document.createElement('button');
    const row = document.createElement('button');
    document.body.append(path, row);
    let rowThere = true;
    const focus = new PanelFocus((origin) => (origin === 'table' ? (rowThere ? row : null) : path));
    focus.opened('table', '05562004');
    expect(focus.closed()).toBe(row);
    expect(document.activeElement).toBe(row);
    rowThere = false;
    focus.opened('table', '05562004');
    expect(focus.closed()).toBe(path);
    expect(focus.closed()).toBeUndefined();
  });
});

// A municipality as a small square in degrees near Recklinghausen.
function feature(ags: string, name: string, x: number) {
  return {
    type: 'Feature',
    id: ags,
    geometry: { type: 'Polygon', coordinates: [[[x, 51.5], [x + 0.1, 51.5], [x + 0.1, 51.6], [x, 51.6], [x, 51.5]]] },
    properties: { ags, name, population: 70000, foreign_population: 9000, demand: 9000, offers: 4, gaps: 1, thin: 0, covered: 5, fields_without_network: 0, field_offers: 0, density: 0 },
  };
}

function mountMap() {
  const answers: Record<string, unknown> = {
    '/api/v1/regions': { items: [{ id: '05562', name: 'Kreis Recklinghausen', kind: 'county' }], next_cursor: '', total: 1 },
    '/api/v1/fields': { items: [], next_cursor: '', total: 0 },
    '/api/v1/target-groups': { items: [], next_cursor: '', total: 0 },
    '/api/v1/organisations': { items: [], next_cursor: '', total: 0 },
    '/api/v1/measures': { items: [], next_cursor: '', total: 0 },
    '/api/v1/networks': { items: [], next_cursor: '', total: 0 },
    '/api/v1/municipalities': {
      items: [
        { id: '05562004', name: 'Castrop-Rauxel', population_year: 2022, population_source: 'official', foreign_source: 'approximate' },
        { id: '05562024', name: 'Marl', population_year: 2022, population_source: 'official', foreign_source: 'approximate' },
      ],
      next_cursor: '',
      total: 2,
    },
    '/api/v1/map/municipalities.geojson': { type: 'FeatureCollection', features: [feature('05562004', 'Castrop-Rauxel', 7.3), feature('05562024', 'Marl', 7.1)] },
    '/api/v1/analysis/coverage': { region: '05562', demand: 'foreign', thin_factor: 0.25, fields: [], municipalities: [], cells: [], gaps: [], thin: [] },
  };
  const fetch = vi.fn(async (input: RequestInfo | URL) => {
    const url = new URL(String(input), 'http://x');
    const body = answers[url.pathname] ?? (url.pathname === '/api/v1/auth/me' ? null : {});
    return new Response(JSON.stringify(body), { status: body === null ? 401 : 200, headers: { 'Content-Type': 'application/json' } });
  });
  const api = new ApiClient({ fetch: fetch as unknown as typeof globalThis.fetch });
  history.replaceState(null, '', '/karte?region=05562');
  const target = document.createElement('main');
  document.body.append(target);
  const view = karteView(target, { api, session: new Session(api), refdata: new RefData(api), navigate: () => undefined });
  return { target, view };
}

async function until(what: string, check: () => boolean): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await new Promise((r) => setTimeout(r, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('the map view', () => {
  it('names the zoom buttons and the population base in the UI language', async () => {
    const { target, view } = mountMap();
    await until('the map', () => target.querySelector('#karte-map')?.getAttribute('data-state') === 'ready');
    await until('the legend', () => (target.querySelector('.legend-unit')?.textContent ?? '').includes('Stand 2022'));
    expect(target.querySelector('.leaflet-control-zoom-in')?.getAttribute('aria-label')).toBe('Vergrößern');
    expect(target.querySelector('.leaflet-control-zoom-out')?.getAttribute('title')).toBe('Verkleinern');
    expect(target.querySelector('.lead')?.textContent).toContain('Menschen mit ausländischer Staatsangehörigkeit');
    expect(target.querySelector('.map-table th:nth-child(5)')?.textContent).toBe('Menschen mit ausländischer Staatsangehörigkeit');
    setLanguage('en');
    view.relabel();
    expect(target.querySelector('.leaflet-control-zoom-in')?.getAttribute('aria-label')).toBe('Zoom in');
    expect(target.querySelector('.legend-unit')?.textContent).toBe('Active offers per 10,000 people with a foreign nationality (estimated from the county’s share, 2022)');
    view.unmount();
  });

  it('opens a municipality with Enter, closes it with Escape and gives the focus back', async () => {
    const { target, view } = mountMap();
    await until('the map', () => target.querySelector('#karte-map')?.getAttribute('data-state') === 'ready');
    const path = target.querySelector<SVGElement & HTMLElement>('path.municipality[data-ags="05562004"]')!;
    expect(path).not.toBeNull();
    path.focus();
    path.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    const heading = target.querySelector<HTMLElement>('#karte-panel-title');
    expect(heading?.textContent).toBe('Castrop-Rauxel');
    expect(document.activeElement).toBe(heading);
    expect(new URLSearchParams(location.search).get('sel')).toBe('05562004');
    // The selected polygon keeps its place in the keyboard order (no re-ordering).
    expect([...target.querySelectorAll('path.municipality')].map((p) => p.getAttribute('data-ags'))).toEqual(['05562004', '05562024']);

    heading!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(target.querySelector('#karte-panel-title')).toBeNull();
    expect(new URLSearchParams(location.search).get('sel')).toBeNull();
    expect(document.activeElement).toBe(path);

    // From the table, the close button leads back to the table's row.
    const row = target.querySelector<HTMLButtonElement>('.map-table button[data-ags="05562024"]')!;
    row.click();
    expect(document.activeElement?.id).toBe('karte-panel-title');
    target.querySelector<HTMLButtonElement>('#karte-panel .close')!.click();
    expect(document.activeElement).toBe(target.querySelector('.map-table button[data-ags="05562024"]'));
    view.unmount();
  });
});
