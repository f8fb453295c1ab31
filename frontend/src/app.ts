// The app shell: skip link, header with product name, navigation and language switch, and
// the main landmark into which the router mounts one view at a time.

import type { ApiClient } from './api';
import { h, replaceChildren } from './dom';
import { RefData } from './refdata';
import { Session } from './session';
import { handbuchPath } from './handbuch';
import { getLanguage, languages, onLanguageChange, setLanguage, t, type Language, type MessageKey } from './i18n';
import { HOME, navRoutes, Router, type Resolution, type RouteId } from './router';
import { dublettenView } from './views/dubletten';
import { kontoView } from './views/konto';
import { karteView } from './views/karte';
import { lazyView } from './views/lazy';
import { partnerView } from './views/partner';
import { steuerungView } from './views/steuerung';
import { verwaltungView } from './views/verwaltung';
import { verzeichnisView } from './views/verzeichnis';
import { notFoundView } from './views/notfound';
import type { MountedView, MountView } from './views/view';

const views: Record<RouteId, MountView> = {
  karte: karteView,
  verzeichnis: verzeichnisView,
  netzwerk: lazyView('nav.netzwerk', () => import('./views/netzwerk').then((m) => m.netzwerkView)),
  dubletten: dublettenView,
  partner: partnerView,
  steuerung: steuerungView,
  verwaltung: verwaltungView,
  konto: kontoView,
};

export interface AppOptions {
  api: ApiClient;
  /** Defaults to a new session on api, which asks /auth/me at start. */
  session?: Session;
}

export interface App {
  router: Router;
  destroy(): void;
}

/** Builds the shell into root and starts routing. */
export function createApp(root: HTMLElement, { api, session = new Session(api) }: AppOptions): App {
  const refdata = new RefData(api);
  const skipLink = h('a', { class: 'skip-link', href: '#main' });
  const homeLink = h('a', { class: 'brand', href: HOME });

  const navLinks = navRoutes.map((route) => ({ route, link: h('a', { href: route.path }) }));
  const nav = h(
    'nav',
    { class: 'site-nav' },
    h('ul', {}, ...navLinks.map(({ link }) => h('li', {}, link))),
  );

  const languageButtons = languages.map((lang) => ({
    lang,
    button: h('button', { type: 'button', lang, onclick: () => setLanguage(lang) }),
  }));
  const languageSwitch = h('div', { role: 'group', class: 'language-switch' }, ...languageButtons.map((b) => b.button));

  // Who is signed in, with sign-out; or a link to the sign-in form.
  const account = h('div', { class: 'account' });
  function renderAccount(): void {
    const user = session.user;
    if (!user) {
      replaceChildren(account, h('a', { href: '/verwaltung', class: 'account-link' }, t('account.signIn')));
      return;
    }
    replaceChildren(
      account,
      h('span', { class: 'account-name' }, t('account.signedInAs', { name: user.username })),
      h('a', { href: '/konto', class: 'account-link', ...(resolution.kind === 'route' && resolution.route.id === 'konto' ? { 'aria-current': 'page' } : {}) }, t('account.settings')),
      h(
        'button',
        {
          type: 'button',
          class: 'account-out',
          onclick: () => {
            void session.logout().catch(() => undefined);
          },
        },
        t('account.signOut'),
      ),
    );
  }

  const main = h('main', { id: 'main', tabindex: -1 });
  // The user handbook, a page of its own (served at /handbuch, printable).
  const handbookLink = h('a', { href: handbuchPath, class: 'handbook-nav' });
  const footer = h('footer', { class: 'site-footer' }, h('div', { class: 'footer-inner' }, handbookLink));
  const header = h(
    'header',
    { class: 'site-header' },
    h('div', { class: 'header-inner' }, homeLink, h('div', { class: 'header-tools' }, account, languageSwitch), nav),
  );
  replaceChildren(root, skipLink, header, main, footer);

  let mounted: MountedView | undefined;
  let resolution: Resolution = { kind: 'notFound' };
  const router = new Router(show);

  function titleKey(): MessageKey {
    return resolution.kind === 'route' ? resolution.route.label : 'notFound.title';
  }

  function relabel(): void {
    skipLink.textContent = t('app.skipToContent');
    homeLink.textContent = t('app.name');
    homeLink.setAttribute('aria-label', t('app.home'));
    nav.setAttribute('aria-label', t('nav.label'));
    for (const { route, link } of navLinks) link.textContent = t(route.label);
    handbookLink.textContent = t('app.handbook');
    languageSwitch.setAttribute('aria-label', t('language.label'));
    const current: Language = getLanguage();
    for (const { lang, button } of languageButtons) {
      button.textContent = t(`language.${lang}`);
      button.setAttribute('aria-pressed', String(lang === current));
    }
    document.title = t('app.documentTitle', { view: t(titleKey()) });
    renderAccount();
  }

  function show(next: Resolution, initial: boolean): void {
    mounted?.unmount();
    resolution = next;
    const active = next.kind === 'route' ? next.route.id : undefined;
    for (const { route, link } of navLinks) {
      if (route.id === active) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    replaceChildren(main);
    mounted = (next.kind === 'route' ? views[next.route.id] : notFoundView)(main, {
      api,
      session,
      refdata,
      navigate: (path, replace) => router.navigate(path, replace),
    });
    relabel();
    if (!initial) {
      // Tell screen reader and keyboard users that the page changed: focus the new heading.
      window.scrollTo?.(0, 0);
      (main.querySelector<HTMLElement>('h1') ?? main).focus();
    }
  }

  const stopLanguage = onLanguageChange(() => {
    relabel();
    mounted?.relabel();
  });
  const stopSession = session.onChange(() => renderAccount());
  router.start();
  void session.load();

  return {
    router,
    destroy() {
      router.stop();
      stopLanguage();
      stopSession();
      mounted?.unmount();
      replaceChildren(root);
    },
  };
}
