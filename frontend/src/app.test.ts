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
    expect(root.querySelector('main')?.textContent).toContain('in Vorbereitung');
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
    const fetch = vi.fn<Fetch>().mockResolvedValue(json({ items: [recklinghausen], next_cursor: '', total: 1 }));
    const root = start('/karte', fetch);
    await vi.waitFor(() => expect(root.querySelector('.region-list')).not.toBeNull());
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
    expect(root.querySelector('.region-meta')?.textContent).toBe('County · Key 05562');
    expect(document.title).toBe('Map – Netzwerkatlas');
    expect(fetch).toHaveBeenCalledOnce(); // relabelled, not reloaded

    byText(root, '.language-switch button', 'Deutsch')!.click();
    expect(root.querySelector('main h1')?.textContent).toBe('Karte');
  });
});

describe('Karte: regions', () => {
  it('shows loading, then the regions and their total', async () => {
    let answer!: (r: Response) => void;
    const fetch = vi.fn<Fetch>(() => new Promise<Response>((resolve) => (answer = resolve)));
    const root = start('/karte', fetch);

    const status = root.querySelector('[role="status"]')!;
    expect(status.textContent).toBe('Regionen werden geladen …');
    expect(root.querySelector('section')?.getAttribute('aria-busy')).toBe('true');
    expect(fetch.mock.calls[0]![0]).toBe('/api/v1/regions');

    answer(json({ items: [recklinghausen, remsMurr], next_cursor: '', total: 2 }));

    await vi.waitFor(() => expect(root.querySelectorAll('.region-list li')).toHaveLength(2));
    expect(root.querySelector('.region-name')?.textContent).toBe('Kreis Recklinghausen');
    expect(root.querySelector('.region-meta')?.textContent).toBe('Landkreis · Schlüssel 05562');
    expect(status.textContent).toBe('Regionen insgesamt: 2');
    expect(root.querySelector('section')?.getAttribute('aria-busy')).toBe('false');
    expect(root.querySelector('button.more')).toBeNull();
  });

  it('shows an empty state', async () => {
    const root = start('/karte', vi.fn<Fetch>().mockResolvedValue(json({ items: [], next_cursor: '', total: 0 })));
    await vi.waitFor(() => expect(root.querySelector('[role="status"]')?.textContent).toBe('Es sind noch keine Regionen erfasst.'));
    expect(root.querySelector('.region-list')).toBeNull();
  });

  it('shows the detail of a problem+json error and retries', async () => {
    const problem = { type: 'about:blank', title: 'Service Unavailable', status: 503, detail: 'Datenbank nicht erreichbar' };
    const fetch = vi
      .fn<Fetch>()
      .mockResolvedValueOnce(json(problem, 503, 'application/problem+json'))
      .mockResolvedValueOnce(json({ items: [recklinghausen], next_cursor: '', total: 1 }));
    const root = start('/karte', fetch);

    const alert = await vi.waitFor(() => {
      const el = root.querySelector('[role="alert"]');
      expect(el).not.toBeNull();
      return el!;
    });
    expect(alert.textContent).toContain('Die Regionen konnten nicht geladen werden.');
    expect(alert.querySelector('.error-detail')?.textContent).toBe('Datenbank nicht erreichbar');

    byText(alert, 'button', 'Erneut versuchen')!.click();

    await vi.waitFor(() => expect(root.querySelectorAll('.region-list li')).toHaveLength(1));
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

  it('names the status when the error has no detail', async () => {
    const root = start('/karte', vi.fn<Fetch>().mockResolvedValue(new Response('', { status: 502 })));
    await vi.waitFor(() =>
      expect(root.querySelector('.error-detail')?.textContent).toBe('Der Server antwortete mit Status 502.'),
    );
  });

  it('loads further pages with the cursor and keeps focus on the button', async () => {
    const fetch = vi
      .fn<Fetch>()
      .mockResolvedValueOnce(json({ items: [recklinghausen], next_cursor: 'c2', total: 3 }))
      .mockResolvedValueOnce(json({ items: [remsMurr], next_cursor: 'c3', total: 3 }));
    const root = start('/karte', fetch);
    const more = await vi.waitFor(() => {
      const el = root.querySelector<HTMLButtonElement>('button.more');
      expect(el?.textContent).toBe('Weitere Regionen laden');
      return el!;
    });
    more.focus();
    more.click();

    await vi.waitFor(() => expect(root.querySelectorAll('.region-list li')).toHaveLength(2));
    expect(fetch.mock.calls[1]![0]).toBe('/api/v1/regions?cursor=c2');
    expect((document.activeElement as HTMLElement).className).toBe('more');
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Regionen insgesamt: 3');
  });

  it('stops loading when the view is left', async () => {
    let signal: AbortSignal | undefined;
    const fetch = vi.fn<Fetch>((_url, init) => {
      signal = init?.signal ?? undefined;
      return new Promise<Response>(() => {});
    });
    const root = start('/karte', fetch);
    navLink(root, 'Netzwerk').click();
    expect(signal?.aborted).toBe(true);
  });
});
