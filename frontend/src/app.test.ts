// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from './api';
import { createApp, type App } from './app';
import { initLanguage, setLanguage } from './i18n';

type Fetch = typeof globalThis.fetch;

function json(body: unknown, status = 200, contentType = 'application/json'): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType } });
}

const recklinghausen = { id: '05562', name: 'Kreis Recklinghausen', kind: 'county' };
const remsMurr = { id: '08119', name: 'Rems-Murr-Kreis', kind: 'county' };

const page = (items: unknown[]) => ({ items, next_cursor: '', total: items.length });

/** Two municipalities as squares, one with offers, one without (a gap in the field). */
function geo(field?: string) {
  const square = (x: number) => ({
    type: 'Polygon',
    coordinates: [[[x, 51], [x + 0.1, 51], [x + 0.1, 51.1], [x, 51.1], [x, 51]]],
  });
  const props = (ags: string, name: string, offers: number, cls: string, density: number) => ({
    ags, name, population: 50000, foreign_population: 5000, demand: 5000, offers: offers + 10,
    gaps: cls === 'gap' ? 1 : 0, thin: 0, covered: 6, fields_without_network: 0,
    field_offers: field ? offers : 0, density: field ? density : 0,
    ...(field ? { field, class: cls } : {}),
  });
  return {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', geometry: square(7), properties: props('05562004', 'Castrop-Rauxel', 5, 'covered', 10) },
      { type: 'Feature', geometry: square(7.2), properties: props('05562020', 'Herten', 0, 'gap', 0) },
    ],
  };
}

const coverage = {
  region: '05562', demand: 'foreign', thin_factor: 0.25,
  fields: [{ id: 'fld_work', name: 'Arbeit', canonical: 'work', median_density: 5, thin_below: 1.25 }],
  municipalities: [],
  cells: [
    { municipality: '05562020', field: 'fld_work', offers: 0, measures: [], demand: 5000, density: 0, class: 'gap', networks: [], explanation: '' },
    { municipality: '05562004', field: 'fld_work', offers: 5, measures: [], demand: 5000, density: 10, class: 'covered', networks: [], explanation: '' },
  ],
  gaps: [], thin: [],
};

/** A fake API answering by path; overrides win. */
function apiFake(overrides: Record<string, () => Response> = {}) {
  return vi.fn<Fetch>(async (input) => {
    const url = new URL(String(input), 'http://localhost');
    const override = overrides[url.pathname];
    if (override) return override();
    switch (url.pathname) {
      case '/api/v1/regions':
        return json(page([recklinghausen, remsMurr]));
      case '/api/v1/fields':
        return json(page([{ id: 'fld_work', name: 'Arbeit', region: '05562', canonical: 'work' }]));
      case '/api/v1/target-groups':
        return json(page([{ id: 'tgr_1', name: 'Frauen' }]));
      case '/api/v1/map/municipalities.geojson':
        return json(geo(url.searchParams.get('field') ?? undefined));
      case '/api/v1/analysis/coverage':
        return json(coverage);
      case '/api/v1/auth/me':
        return json({ type: 'about:blank', title: 'Unauthorized', status: 401, detail: 'sign in' }, 401, 'application/problem+json');
      case '/api/v1/measures':
        return json(page([{ id: 'msr_1', title: 'Bewerbungswerkstatt', status: 'active' }]));
      case '/api/v1/networks':
        return json(page([{ id: 'net_1', name: 'Runder Tisch' }]));
      case '/api/v1/organisations':
        return json(page([{ id: 'org_1', name: 'AWO', kind: 'welfare_association' }]));
      case '/api/v1/measures/msr_1/relations':
        return json(page([{ type: 'PROVIDES', from: 'org_1', to: 'msr_1' }]));
      default:
        return json({ type: 'about:blank', title: 'Not Found', status: 404, detail: `no ${url.pathname}` }, 404, 'application/problem+json');
    }
  });
}

let app: App | undefined;

function start(path: string, fetch: Fetch): HTMLElement {
  history.replaceState(null, '', path);
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  app = createApp(root, { api: new ApiClient({ fetch }) });
  return root;
}

const byText = (root: ParentNode, selector: string, text: string) =>
  [...root.querySelectorAll<HTMLElement>(selector)].find((el) => el.textContent === text);

function navLink(root: HTMLElement, text: string): HTMLAnchorElement {
  const link = byText(root, 'nav a', text);
  if (!link) throw new Error(`no navigation link "${text}"`);
  return link as HTMLAnchorElement;
}

beforeEach(() => {
  localStorage.clear();
  initLanguage();
});

afterEach(() => {
  app?.destroy();
  app = undefined;
  setLanguage('de');
});

describe('shell', () => {
  it('has a skip link, landmarks and the product name', () => {
    const root = start('/karte', vi.fn<Fetch>().mockResolvedValue(json({ items: [], next_cursor: '', total: 0 })));
    const first = root.firstElementChild as HTMLAnchorElement;
    expect(first.className).toBe('skip-link');
    expect(first.getAttribute('href')).toBe('#main');
    expect(first.textContent).toBe('Zum Inhalt springen');
    expect(root.querySelector('header .brand')?.textContent).toBe('Netzwerkatlas');
    expect(root.querySelector('nav')?.getAttribute('aria-label')).toBe('Hauptnavigation');
    expect(root.querySelector('main#main')).not.toBeNull();
    expect(root.querySelectorAll('nav a')).toHaveLength(7);
  });

  it('redirects / to /karte and marks the active link', () => {
    const root = start('/', vi.fn<Fetch>().mockResolvedValue(json({ items: [], next_cursor: '', total: 0 })));
    expect(location.pathname).toBe('/karte');
    expect(navLink(root, 'Karte').getAttribute('aria-current')).toBe('page');
    expect(root.querySelectorAll('[aria-current]')).toHaveLength(1);
    expect(document.title).toBe('Karte – Netzwerkatlas');
  });

  it('navigates in the page on a link click and focuses the new heading', () => {
    const fetch = vi.fn<Fetch>().mockResolvedValue(json({ items: [], next_cursor: '', total: 0 }));
    const root = start('/karte', fetch);

    navLink(root, 'Dubletten').click();

    expect(location.pathname).toBe('/dubletten');
    expect(navLink(root, 'Dubletten').getAttribute('aria-current')).toBe('page');
    expect(navLink(root, 'Karte').hasAttribute('aria-current')).toBe(false);
    const heading = root.querySelector('main h1');
    expect(heading?.textContent).toBe('Dubletten');
    expect(document.activeElement).toBe(heading);
    expect(root.querySelector('main')?.textContent).toContain('Gleiche Angebote, mehrfach erfasst');
    expect(document.title).toBe('Dubletten – Netzwerkatlas');
  });

  it('follows the browser history back', () => {
    const root = start('/karte', vi.fn<Fetch>().mockResolvedValue(json({ items: [], next_cursor: '', total: 0 })));
    navLink(root, 'Steuerung').click();
    history.replaceState(null, '', '/verwaltung');
    window.dispatchEvent(new PopStateEvent('popstate'));
    expect(root.querySelector('main h1')?.textContent).toBe('Verwaltung');
    expect(navLink(root, 'Verwaltung').getAttribute('aria-current')).toBe('page');
  });

  it('shows a not-found page for unknown paths', () => {
    const root = start('/gibt-es-nicht', vi.fn<Fetch>());
    expect(root.querySelector('main h1')?.textContent).toBe('Seite nicht gefunden');
    expect(root.querySelectorAll('[aria-current]')).toHaveLength(0);
  });

  it('switches to English and back, everywhere at once', async () => {
    const fetch = apiFake();
    const root = start('/karte', fetch);
    await vi.waitFor(() => expect(root.querySelector('#karte-region option')).not.toBeNull());
    const calls = fetch.mock.calls.length;
    const english = byText(root, '.language-switch button', 'English')!;
    expect(english.getAttribute('aria-pressed')).toBe('false');

    english.click();

    expect(document.documentElement.lang).toBe('en');
    expect(localStorage.getItem('netzwerkatlas.language')).toBe('en');
    expect(english.getAttribute('aria-pressed')).toBe('true');
    expect([...root.querySelectorAll('nav a')].map((a) => a.textContent)).toEqual([
      'Map',
      'Directory',
      'Network',
      'Duplicates',
      'Find partners',
      'Steering',
      'Administration',
    ]);
    expect(root.querySelector('main h1')?.textContent).toBe('Map');
    expect(root.querySelector('label[for="karte-field"]')?.textContent).toBe('Field of action');
    expect(document.title).toBe('Map – Netzwerkatlas');
    expect(fetch.mock.calls.length).toBe(calls); // relabelled, not reloaded

    byText(root, '.language-switch button', 'Deutsch')!.click();
    expect(root.querySelector('main h1')?.textContent).toBe('Karte');
  });
});

describe('Karte', () => {
  it('shows loading, then the map with region, fields and legend, and writes the region into the address', async () => {
    const root = start('/karte', apiFake());
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Karte wird geladen …');
    await vi.waitFor(() => expect(root.querySelector('#karte-map')?.getAttribute('data-state')).toBe('ready'));
    expect(location.search).toBe('?region=05562');
    expect([...root.querySelectorAll('#karte-region option')].map((o) => o.textContent)).toEqual([
      'Kreis Recklinghausen',
      'Rems-Murr-Kreis',
    ]);
    expect([...root.querySelectorAll('#karte-field option')].map((o) => o.textContent)).toEqual(['Alle Handlungsfelder', 'Arbeit']);
    expect(root.querySelector('#karte-legend')?.textContent).toContain('Lücke');
    expect(root.querySelector('[role="status"]')?.textContent).toBe('2 Kommunen, davon 0 ohne Angebot.');
  });

  it('colours by the chosen field, hatches gaps and keeps the field in the address', async () => {
    const fetch = apiFake();
    const root = start('/karte?region=05562&field=fld_work', fetch);
    await vi.waitFor(() => expect(root.querySelector('#karte-map')?.getAttribute('data-state')).toBe('ready'));
    expect(location.search).toBe('?region=05562&field=fld_work');
    expect(root.querySelector('[role="status"]')?.textContent).toBe('2 Kommunen, davon 1 ohne Angebot.');
    const table = root.querySelector('.map-table tbody')?.textContent ?? '';
    expect(table).toContain('Herten');
    expect(table).toContain('Lücke');
    const geoCall = fetch.mock.calls.map((c) => String(c[0])).find((u) => u.includes('geojson'));
    expect(geoCall).toBe('/api/v1/map/municipalities.geojson?region=05562&field=fld_work');
  });

  it('opens the panel of a deep-linked municipality with its offers, providers and networks', async () => {
    const root = start('/karte?region=05562&field=fld_work&sel=05562004', apiFake());
    await vi.waitFor(() => expect(root.querySelector('#karte-panel .offer-list')).not.toBeNull());
    const panel = root.querySelector('#karte-panel')!;
    expect(panel.querySelector('h2')?.textContent).toBe('Castrop-Rauxel');
    expect(panel.querySelector('.offer-list')?.textContent).toBe('Bewerbungswerkstatt · AWO');
    expect(panel.textContent).toContain('Runder Tisch');
    expect(panel.querySelector('a[href="/verzeichnis/massnahme/msr_1"]')).not.toBeNull();
    (panel.querySelector('button.close') as HTMLButtonElement).click();
    expect(location.search).toBe('?region=05562&field=fld_work');
  });

  it('shows the detail of a problem+json error and retries', async () => {
    let fail = true;
    const problem = { type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'Datenbank nicht erreichbar' };
    const fetch = apiFake({
      '/api/v1/map/municipalities.geojson': () => {
        if (fail) return json(problem, 503, 'application/problem+json');
        return json(geo());
      },
    });
    const root = start('/karte?region=05562', fetch);
    const alert = await vi.waitFor(() => {
      const el = root.querySelector('[role="alert"]');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(alert.textContent).toContain('Die Karte konnte nicht geladen werden.');
    expect(alert.querySelector('.error-detail')?.textContent).toBe('Datenbank nicht erreichbar');
    fail = false;
    byText(alert, 'button', 'Erneut versuchen')!.click();
    await vi.waitFor(() => expect(root.querySelector('#karte-map')?.getAttribute('data-state')).toBe('ready'));
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });

  it('says so when the server cannot be reached', async () => {
    const root = start('/karte', vi.fn<Fetch>().mockRejectedValue(new TypeError('Failed to fetch')));
    await vi.waitFor(() =>
      expect(root.querySelector('.error-detail')?.textContent).toBe(
        'Der Server ist nicht erreichbar. Bitte prüfen Sie die Verbindung.',
      ),
    );
  });

  it('stops loading when the view is left', async () => {
    const signals: AbortSignal[] = [];
    const fake = apiFake();
    const fetch = vi.fn<Fetch>((input, init) => {
      if (String(input).includes('geojson')) {
        if (init?.signal) signals.push(init.signal);
        return new Promise<Response>(() => {});
      }
      return fake(input, init);
    });
    const root = start('/karte?region=05562', fetch);
    await vi.waitFor(() => expect(signals.length).toBeGreaterThan(0));
    navLink(root, 'Netzwerk').click();
    expect(signals.every((s) => s.aborted)).toBe(true);
  });
});
