import { describe, expect, it } from 'vitest';
import { HOME, resolve, routes } from './router';

describe('resolve', () => {
  it('knows the seven views', () => {
    expect(routes.map((r) => r.path)).toEqual([
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
