// Client-side routing through the History API. The route table is the single list of
// views: the navigation, the Go handler's index.html fallback and the tests follow it.

import type { MessageKey } from './i18n';

export type RouteId =
  | 'karte'
  | 'verzeichnis'
  | 'netzwerk'
  | 'dubletten'
  | 'partner'
  | 'steuerung'
  | 'verwaltung'
  | 'konto';

export interface Route {
  id: RouteId;
  path: string;
  /** Catalogue key of the view's name, used in the navigation and the page title. */
  label: MessageKey;
  /** True when the view also owns the paths below its own (detail pages). */
  nested?: boolean;
  /** True when the view is reached from the header's account area, not the main navigation. */
  account?: boolean;
}

/** The seven planned views, in navigation order, and the signed-in user's own account page. */
export const routes: readonly Route[] = [
  { id: 'karte', path: '/karte', label: 'nav.karte' },
  { id: 'verzeichnis', path: '/verzeichnis', label: 'nav.verzeichnis', nested: true },
  { id: 'netzwerk', path: '/netzwerk', label: 'nav.netzwerk' },
  { id: 'dubletten', path: '/dubletten', label: 'nav.dubletten' },
  { id: 'partner', path: '/partner', label: 'nav.partner' },
  { id: 'steuerung', path: '/steuerung', label: 'nav.steuerung', nested: true },
  { id: 'verwaltung', path: '/verwaltung', label: 'nav.verwaltung' },
  { id: 'konto', path: '/konto', label: 'nav.konto', account: true },
];

/** The views of the main navigation, in its order. */
export const navRoutes: readonly Route[] = routes.filter((r) => r.account !== true);

/** Where "/" leads: the start view. */
export const HOME = '/karte';

export type Resolution =
  | { kind: 'route'; route: Route }
  | { kind: 'redirect'; to: string }
  | { kind: 'notFound' };

/**
 * Maps a pathname to its route; "/" redirects to the start view, a trailing slash is ignored,
 * and a nested route also owns the paths below it (/verzeichnis/massnahme/…).
 */
export function resolve(pathname: string): Resolution {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, '') : pathname;
  if (path === '' || path === '/') return { kind: 'redirect', to: HOME };
  const route = routes.find((r) => r.path === path || (r.nested === true && path.startsWith(`${r.path}/`)));
  return route ? { kind: 'route', route } : { kind: 'notFound' };
}

/**
 * Tells whether a click on anchor should be handled in the page instead of by the browser:
 * a plain left click on a same-origin link outside /api/ and /handbuch that opens in the same tab.
 */
export function isInAppClick(event: MouseEvent, anchor: HTMLAnchorElement, origin: string): boolean {
  if (event.defaultPrevented || event.button !== 0) return false;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  if (anchor.hasAttribute('download')) return false;
  const target = anchor.getAttribute('target');
  if (target && target !== '_self') return false;
  const href = anchor.getAttribute('href');
  if (!href || href.startsWith('#')) return false;
  const url = new URL(anchor.href, origin);
  if (url.origin !== origin) return false;
  // The API and the handbook (a page of its own, served by the Go binary) are no views.
  return !['/api', '/handbuch'].some((p) => url.pathname === p || url.pathname.startsWith(`${p}/`));
}

export type RouteListener = (resolution: Resolution, initial: boolean) => void;

/** Keeps the page in step with the address bar. */
export class Router {
  private readonly onPopState = () => this.update(false);
  private readonly onClick = (event: MouseEvent) => {
    const anchor = (event.target as Element | null)?.closest?.('a');
    if (!anchor || !isInAppClick(event, anchor, location.origin)) return;
    event.preventDefault();
    const url = new URL(anchor.href);
    this.navigate(url.pathname + url.search + url.hash);
  };

  constructor(private readonly listener: RouteListener) {}

  /** Starts listening and shows the current address. */
  start(): void {
    window.addEventListener('popstate', this.onPopState);
    document.addEventListener('click', this.onClick);
    this.update(true);
  }

  stop(): void {
    window.removeEventListener('popstate', this.onPopState);
    document.removeEventListener('click', this.onClick);
  }

  /** Goes to path, adding a history entry unless replace is set or the path is unchanged. */
  navigate(path: string, replace = false): void {
    const current = location.pathname + location.search + location.hash;
    if (replace || path === current) history.replaceState(null, '', path);
    else history.pushState(null, '', path);
    this.update(false);
  }

  private update(initial: boolean): void {
    const resolution = resolve(location.pathname);
    if (resolution.kind === 'redirect') {
      history.replaceState(null, '', resolution.to + location.search + location.hash);
      this.listener(resolve(resolution.to), initial);
      return;
    }
    this.listener(resolution, initial);
  }
}
