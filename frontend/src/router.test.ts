// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { HOME, isInAppClick, navRoutes, resolve, routes } from './router';

describe('resolve', () => {
  it('knows the seven views of the navigation and the account page', () => {
    expect(routes.map((r) => r.path)).toEqual([...navRoutes.map((r) => r.path), '/konto']);
    expect(navRoutes.map((r) => r.path)).toEqual([
      '/karte',
      '/verzeichnis',
      '/netzwerk',
      '/dubletten',
      '/partner',
      '/steuerung',
      '/verwaltung',
    ]);
    for (const route of routes) {
      expect(resolve(route.path)).toEqual({ kind: 'route', route });
    }
  });

  it('sends / to the start view', () => {
    expect(HOME).toBe('/karte');
    expect(resolve('/')).toEqual({ kind: 'redirect', to: '/karte' });
    expect(resolve('')).toEqual({ kind: 'redirect', to: '/karte' });
  });

  it('ignores a trailing slash', () => {
    expect(resolve('/netzwerk/')).toMatchObject({ kind: 'route', route: { id: 'netzwerk' } });
  });

  it('lets a nested view own the paths below it', () => {
    expect(resolve('/verzeichnis/massnahme/msr_1')).toMatchObject({ kind: 'route', route: { id: 'verzeichnis' } });
    expect(resolve('/karte/extra')).toEqual({ kind: 'notFound' });
    expect(resolve('/verzeichnisse')).toEqual({ kind: 'notFound' });
  });

  it('does not know other paths', () => {
    expect(resolve('/nirgendwo')).toEqual({ kind: 'notFound' });
    expect(resolve('/KARTE')).toEqual({ kind: 'notFound' });
  });
});

describe('isInAppClick', () => {
  const click = (href: string, init: MouseEventInit = {}) => {
    const a = document.createElement('a');
    a.setAttribute('href', href);
    return isInAppClick(new MouseEvent('click', { button: 0, ...init }), a, location.origin);
  };

  it('keeps the views in the page', () => {
    expect(click('/netzwerk?region=05562')).toBe(true);
    expect(click('/verzeichnis/organisation/org_1')).toBe(true);
  });

  it('leaves the API, the handbook, other sites and modified clicks to the browser', () => {
    expect(click('/api/v1/export?format=csv')).toBe(false);
    expect(click('/handbuch')).toBe(false);
    expect(click('/handbuch#modularitaet')).toBe(false);
    expect(click('/handbuch/netzwerk.png')).toBe(false);
    expect(click('https://example.org/netzwerk')).toBe(false);
    expect(click('/netzwerk', { ctrlKey: true })).toBe(false);
    expect(click('#main')).toBe(false);
  });

  it('keeps paths that only start like the handbook in the page', () => {
    expect(click('/handbuecher')).toBe(true);
  });
});
