// The one message catalogue of the web app. German is the source language: every key is
// defined in `de` first, and `en` must have exactly the same keys (the compiler checks this
// through the `Catalogue` type, and i18n.test.ts checks keys and placeholders at run time).
// Placeholders are written `{name}` and filled by t(key, { name: … }).

const de = {
  'app.name': 'Netzwerkatlas',
  'app.documentTitle': '{view} – Netzwerkatlas',
  'app.skipToContent': 'Zum Inhalt springen',
  'app.home': 'Netzwerkatlas – zur Startseite',

  'nav.label': 'Hauptnavigation',
  'nav.karte': 'Karte',
  'nav.verzeichnis': 'Verzeichnis',
  'nav.netzwerk': 'Netzwerk',
  'nav.dubletten': 'Dubletten',
  'nav.partner': 'Partner finden',
  'nav.steuerung': 'Steuerung',
  'nav.verwaltung': 'Verwaltung',

  'language.label': 'Sprache',
  'language.de': 'Deutsch',
  'language.en': 'English',

  'placeholder.status': 'Diese Ansicht ist in Vorbereitung.',
  'placeholder.verzeichnis':
    'Hier entsteht die Suche nach Angeboten, Organisationen und Netzwerken – mit Filtern nach Kommune, Handlungsfeld, Zielgruppe und Sprache.',
  'placeholder.netzwerk':
    'Hier entsteht der Netzwerkgraph der Organisationen und Gremien, mit Gemeinschaften, Vermittlern und isolierten Akteuren.',
  'placeholder.dubletten':
    'Hier entsteht die Prüfliste möglicher Doppelangebote, bei der jedes Paar mit einem Klick bewertet wird.',
  'placeholder.partner':
    'Hier entsteht die Suche nach Kooperationspartnern für eine Organisation, jeweils mit Begründung.',
  'placeholder.steuerung':
    'Hier entstehen die Auswertungen für Steuerungsgruppen: Versorgungslücken, Netzwerkkennzahlen und der Vergleich zweier Stände.',
  'placeholder.verwaltung':
    'Hier entstehen der Datenimport mit Prüfvorschau, die Benutzer- und Rollenverwaltung und das Änderungsprotokoll.',

  'karte.intro': 'Die Kartenansicht ist in Vorbereitung. Bis dahin zeigt diese Seite die erfassten Regionen.',
  'regions.heading': 'Regionen',
  'regions.loading': 'Regionen werden geladen …',
  'regions.empty': 'Es sind noch keine Regionen erfasst.',
  'regions.total': 'Regionen insgesamt: {count}',
  'regions.key': 'Schlüssel {id}',
  'regions.loadMore': 'Weitere Regionen laden',
  'regions.loadingMore': 'Weitere Regionen werden geladen …',
  'regions.errorTitle': 'Die Regionen konnten nicht geladen werden.',
  'regions.kind.county': 'Landkreis',
  'regions.kind.city': 'Kreisfreie Stadt',
  'regions.kind.state': 'Land',

  'error.retry': 'Erneut versuchen',
  'error.network': 'Der Server ist nicht erreichbar. Bitte prüfen Sie die Verbindung.',
  'error.status': 'Der Server antwortete mit Status {status}.',
  'error.unexpected': 'Die Antwort des Servers war unerwartet.',

  'notFound.title': 'Seite nicht gefunden',
  'notFound.text': 'Unter dieser Adresse gibt es keine Seite.',
  'notFound.back': 'Zur Karte',
} as const;

/** A key of the message catalogue. */
export type MessageKey = keyof typeof de;

/** A complete set of messages for one language. */
export type Catalogue = Record<MessageKey, string>;

const en: Catalogue = {
  'app.name': 'Netzwerkatlas',
  'app.documentTitle': '{view} – Netzwerkatlas',
  'app.skipToContent': 'Skip to content',
  'app.home': 'Netzwerkatlas – home',

  'nav.label': 'Main navigation',
  'nav.karte': 'Map',
  'nav.verzeichnis': 'Directory',
  'nav.netzwerk': 'Network',
  'nav.dubletten': 'Duplicates',
  'nav.partner': 'Find partners',
  'nav.steuerung': 'Steering',
  'nav.verwaltung': 'Administration',

  'language.label': 'Language',
  'language.de': 'Deutsch',
  'language.en': 'English',

  'placeholder.status': 'This view is in preparation.',
  'placeholder.verzeichnis':
    'This will be the search for offers, organisations and networks – filtered by municipality, field of action, target group and language.',
  'placeholder.netzwerk':
    'This will be the network graph of organisations and bodies, with communities, brokers and isolated actors.',
  'placeholder.dubletten':
    'This will be the review queue of possible duplicate offers, where each pair gets a verdict in one click.',
  'placeholder.partner':
    'This will be the search for cooperation partners of an organisation, each with its reasons.',
  'placeholder.steuerung':
    'This will be the analyses for steering groups: coverage gaps, network figures and the comparison of two snapshots.',
  'placeholder.verwaltung':
    'This will be the data import with a validation preview, user and role management, and the audit log.',

  'karte.intro': 'The map view is in preparation. Until then, this page lists the recorded regions.',
  'regions.heading': 'Regions',
  'regions.loading': 'Loading regions …',
  'regions.empty': 'No regions have been recorded yet.',
  'regions.total': 'Regions in total: {count}',
  'regions.key': 'Key {id}',
  'regions.loadMore': 'Load more regions',
  'regions.loadingMore': 'Loading more regions …',
  'regions.errorTitle': 'The regions could not be loaded.',
  'regions.kind.county': 'County',
  'regions.kind.city': 'County-level city',
  'regions.kind.state': 'State',

  'error.retry': 'Try again',
  'error.network': 'The server cannot be reached. Please check the connection.',
  'error.status': 'The server answered with status {status}.',
  'error.unexpected': 'The server’s answer was unexpected.',

  'notFound.title': 'Page not found',
  'notFound.text': 'There is no page at this address.',
  'notFound.back': 'Go to the map',
};

/** The languages the app speaks; the first is the default. */
export const languages = ['de', 'en'] as const;
export type Language = (typeof languages)[number];

/** The catalogues by language; exported for the consistency test. */
export const catalogues: Record<Language, Catalogue> = { de, en };

/** The localStorage key under which the chosen language is kept. */
export const STORAGE_KEY = 'netzwerkatlas.language';

type Params = Record<string, string | number>;
type Listener = (lang: Language) => void;

let current: Language = 'de';
const listeners = new Set<Listener>();

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (languages as readonly string[]).includes(value);
}

// Storage can be missing (tests, old browsers) or throw (privacy modes); the app then just
// forgets the choice instead of failing.
function readStored(): Language | undefined {
  try {
    const value = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function store(lang: Language): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, lang);
  } catch {
    // see readStored
  }
}

function reflect(lang: Language): void {
  if (typeof document !== 'undefined') document.documentElement.lang = lang;
}

/** Loads the stored language (German when none is stored) and reflects it in <html lang>. */
export function initLanguage(): Language {
  current = readStored() ?? 'de';
  reflect(current);
  return current;
}

/** The language currently in use. */
export function getLanguage(): Language {
  return current;
}

/** Switches the language, keeps the choice and tells every listener. */
export function setLanguage(lang: Language): void {
  if (!isLanguage(lang)) throw new Error(`unknown language ${String(lang)}`);
  const changed = lang !== current;
  current = lang;
  store(lang);
  reflect(lang);
  if (changed) for (const listener of [...listeners]) listener(lang);
}

/** Calls listener after every change of language; returns a function that stops it. */
export function onLanguageChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Formats a number the way the current language writes it (1.234 in German). */
export function formatNumber(n: number): string {
  return new Intl.NumberFormat(current).format(n);
}

/**
 * Returns the message for key in the current language with its `{placeholders}` filled from
 * params. Numbers are formatted for the language; a placeholder without a value stays visible,
 * so a forgotten parameter shows up instead of vanishing.
 */
export function t(key: MessageKey, params?: Params): string {
  const message = catalogues[current][key] ?? catalogues.de[key] ?? key;
  if (!params) return message;
  return message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value) : value;
  });
}

/** The `{placeholder}` names used in a message, sorted; used by the catalogue test. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1] ?? '').sort();
}
