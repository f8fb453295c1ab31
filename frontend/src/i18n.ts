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

  'account.signIn': 'Anmelden',
  'account.signedInAs': 'Angemeldet: {name}',
  'account.signOut': 'Abmelden',

  'filter.region': 'Region',
  'filter.field': 'Handlungsfeld',
  'filter.allFields': 'Alle Handlungsfelder',
  'filter.targetGroup': 'Zielgruppe',
  'filter.allGroups': 'Alle Zielgruppen',
  'filter.municipality': 'Kommune',
  'filter.allMunicipalities': 'Alle Kommunen',
  'filter.language': 'Sprache',
  'filter.allLanguages': 'Alle Sprachen',
  'filter.type': 'Art',
  'filter.allTypes': 'Alles',
  'filter.status': 'Status',
  'filter.allStatuses': 'Jeder Status',
  'filter.kind': 'Typ',
  'filter.allKinds': 'Alle Typen',

  'class.gap': 'Lücke',
  'class.thin': 'Dünn versorgt',
  'class.low': 'Unter dem Median',
  'class.mid': 'Über dem Median',
  'class.high': 'Deutlich über dem Median',
  'class.nodata': 'Keine Daten',
  'class.covered': 'Versorgt',

  'karte.intro':
    'Welche Angebote gibt es wo? Die Karte zeigt für jede Kommune, wie dicht das Angebot im gewählten Handlungsfeld ist – gemessen an der Zahl der Menschen mit Zuwanderungsgeschichte. Schraffierte Kommunen haben kein Angebot.',
  'karte.controls': 'Kartenauswahl',
  'karte.mapLabel':
    'Karte der Kommunen. Mit der Tabulatortaste erreichen Sie jede Kommune, mit der Eingabetaste öffnen Sie ihre Angaben. Dieselben Angaben stehen in der Tabelle unter der Karte.',
  'karte.credit': 'Gemeindegrenzen © GeoBasis-DE / BKG. Ohne Kartenhintergrund: Es werden keine Daten an Dritte übertragen.',
  'karte.loading': 'Karte wird geladen …',
  'karte.error': 'Die Karte konnte nicht geladen werden.',
  'karte.errorRegions': 'Die Regionen konnten nicht geladen werden.',
  'karte.empty': 'Für diese Region sind keine Kommunen erfasst.',
  'karte.summary': '{count|# Kommune|# Kommunen}, davon {gaps} ohne Angebot.',
  'karte.density': '{value} je 10.000',
  'karte.aria.shade': '{name}: {cls}, {density} Angebote je 10.000',
  'karte.aria.gap': '{name}: Lücke, kein Angebot',
  'karte.tip.offers': '{count|# Angebot|# Angebote}',
  'karte.tip.gapFields': '{count|Lücke in einem Handlungsfeld|Lücken in # Handlungsfeldern}',
  'karte.legend.titleField': 'Angebotsdichte: {field}',
  'karte.legend.titleAll': 'Angebotsdichte: alle Handlungsfelder',
  'karte.legend.unit': 'Aktive Angebote je 10.000 Menschen mit ausländischer Staatsangehörigkeit',
  'karte.legend.none': 'kein Angebot',
  'karte.legend.below': 'unter {value}',
  'karte.legend.from': 'ab {value}',
  'karte.legend.count': '{count|# Kommune|# Kommunen}',
  'karte.legend.marks': 'Die Zahl im Kreis nennt die Handlungsfelder ohne Angebot.',
  'karte.table.summary': 'Kommunen als Tabelle',
  'karte.table.municipality': 'Kommune',
  'karte.table.class': 'Einstufung',
  'karte.table.offers': 'Angebote',
  'karte.table.density': 'je 10.000',
  'karte.table.demand': 'Bedarfsgruppe',
  'karte.table.gapFields': 'Felder ohne Angebot',
  'karte.panel.title': 'Kommune',
  'karte.panel.hint': 'Wählen Sie eine Kommune auf der Karte oder in der Liste, um ihre Angebote, Anbieter, Netzwerke und Lücken zu sehen.',
  'karte.panel.choose': 'Kommune wählen',
  'karte.panel.chooseEmpty': '– bitte wählen –',
  'karte.panel.close': 'Auswahl aufheben',
  'karte.panel.population': 'Einwohner',
  'karte.panel.demand': 'Bedarfsgruppe',
  'karte.panel.offers': 'Aktive Angebote',
  'karte.panel.density': 'Dichte',
  'karte.panel.loading': 'Angebote werden geladen …',
  'karte.panel.error': 'Die Angaben zur Kommune konnten nicht geladen werden.',
  'karte.panel.gaps': 'Versorgung und Lücken',
  'karte.panel.noGaps': 'In keinem Handlungsfeld fehlt ein Angebot.',
  'karte.panel.otherGaps': 'In anderen Handlungsfeldern:',
  'karte.panel.offersTitle': 'Angebote ({count})',
  'karte.panel.noOffers': 'Keine aktiven Angebote.',
  'karte.panel.allOffers': 'Alle Angebote im Verzeichnis',
  'karte.panel.providers': 'Anbieter ({count})',
  'karte.panel.noProviders': 'Keine Anbieter erfasst.',
  'karte.panel.networks': 'Netzwerke ({count})',
  'karte.panel.noNetworks': 'Kein Netzwerk deckt diese Kommune ab.',
  'karte.explain.gap': 'Im Handlungsfeld „{field}“ gibt es hier kein aktives Angebot.',
  'karte.explain.thin':
    '{count|# aktives Angebot|# aktive Angebote} für {demand} Menschen ({density} je 10.000) – unter der Schwelle von {threshold}, einem Viertel des Kreismedians von {median}.',
  'karte.explain.covered':
    '{count|# aktives Angebot|# aktive Angebote} für {demand} Menschen ({density} je 10.000); der Kreismedian liegt bei {median}.',

  'verzeichnis.intro': 'Suchen Sie Angebote, Organisationen und Netzwerke. Filter grenzen die Treffer ein; jeder Treffer führt zu einer Seite mit allen Verbindungen.',
  'verzeichnis.query': 'Suchbegriff',
  'verzeichnis.placeholder': 'z. B. Sprachcafé, Bewerbung, Caritas',
  'verzeichnis.submit': 'Suchen',
  'verzeichnis.filters': 'Filter',
  'verzeichnis.activeFilters': 'Aktive Filter:',
  'verzeichnis.removeFilter': 'Filter {filter}: {value} entfernen',
  'verzeichnis.clearFilters': 'Alle Filter entfernen',
  'verzeichnis.type.all': 'Eintrag',
  'verzeichnis.type.measure': 'Angebot',
  'verzeichnis.type.organisation': 'Organisation',
  'verzeichnis.type.network': 'Netzwerk',
  'verzeichnis.type.measures': 'Angebote',
  'verzeichnis.type.organisations': 'Organisationen',
  'verzeichnis.type.networks': 'Netzwerke',
  'verzeichnis.loading': 'Suche läuft …',
  'verzeichnis.error': 'Die Suche ist fehlgeschlagen.',
  'verzeichnis.errorSetup': 'Die Regionen konnten nicht geladen werden.',
  'verzeichnis.none': 'Keine Treffer.',
  'verzeichnis.count': '{total|# Treffer|# Treffer}, angezeigt {first}–{last}.',
  'verzeichnis.empty': 'Mit diesen Filtern gibt es keine Einträge. Entfernen Sie einen Filter, um mehr zu sehen.',
  'verzeichnis.emptyQuery': 'Zu „{q}“ gibt es mit diesen Filtern nichts. Prüfen Sie die Schreibweise oder entfernen Sie einen Filter.',
  'verzeichnis.paging': 'Seiten',
  'verzeichnis.prev': 'Vorherige Seite',
  'verzeichnis.next': 'Nächste Seite',
  'verzeichnis.page': 'Seite {page} von {pages}',

  'detail.back': '← Zurück zum Verzeichnis',
  'detail.loadingTitle': 'Eintrag',
  'detail.loading': 'Eintrag wird geladen …',
  'detail.errorTitle': 'Eintrag nicht verfügbar',
  'detail.error': 'Der Eintrag konnte nicht geladen werden.',
  'detail.none': 'Keine.',
  'detail.since': 'seit {date}',
  'detail.providers': 'Anbieter',
  'detail.fields': 'Handlungsfelder',
  'detail.groups': 'Zielgruppen',
  'detail.municipalities': 'Angeboten in',
  'detail.goals': 'Verfolgte Ziele',
  'detail.offers': 'Angebote',
  'detail.memberOf': 'Mitglied in',
  'detail.activeIn': 'Aktiv in',
  'detail.cooperations': 'Kooperationen',
  'detail.people': 'Ansprechpersonen',
  'detail.members': 'Mitglieder ({count})',
  'detail.worksOn': 'Arbeitet an',
  'detail.covers': 'Zuständig für',
  'detail.status': 'Status',
  'detail.level': 'Ebene',
  'detail.period': 'Laufzeit',
  'detail.open': 'offen',
  'detail.languages': 'Sprachen',
  'detail.format': 'Form',
  'detail.cost': 'Kosten',
  'detail.free': 'kostenlos',
  'detail.capacity': 'Plätze',
  'detail.programme': 'Programm',
  'detail.website': 'Website',
  'detail.email': 'E-Mail',
  'detail.phone': 'Telefon',
  'detail.address': 'Anschrift',
  'detail.kind': 'Typ',
  'detail.networkLevel': 'Ebene',
  'detail.cadence': 'Turnus',
  'detail.visibility': 'Sichtbarkeit',
  'detail.public': 'öffentlich',
  'detail.internal': 'intern',
  'detail.version': 'Stand',
  'detail.versionValue': 'Version {version} vom {date}',
  'detail.findPartners': 'Partner finden',
  'detail.egoNetwork': 'Im Netzwerk zeigen',

  'edit.start': 'Bearbeiten',
  'edit.title': 'Eintrag bearbeiten',
  'edit.basedOn': 'Sie bearbeiten Version {version}.',
  'edit.save': 'Speichern',
  'edit.cancel': 'Abbrechen',
  'edit.saved': 'Gespeichert. Der Eintrag hat jetzt Version {version}.',
  'edit.nothing': 'Sie haben nichts geändert.',
  'edit.failed': 'Die Änderung konnte nicht gespeichert werden.',
  'edit.invalid': 'Bitte prüfen Sie die markierten Felder.',
  'edit.conflictTitle': 'Jemand anderes hat diesen Eintrag inzwischen geändert.',
  'edit.conflictText': 'Sie haben Version {mine} bearbeitet, gespeichert ist jetzt Version {now}. Ihre Änderung wurde nicht gespeichert, damit nichts überschrieben wird. Vergleichen Sie und entscheiden Sie:',
  'edit.conflictField': 'Feld',
  'edit.conflictMine': 'Ihr Wert',
  'edit.conflictStored': 'Jetzt gespeichert',
  'edit.unchanged': '(nicht geändert)',
  'edit.keepMine': 'Meine Änderungen speichern',
  'edit.takeStored': 'Gespeicherten Stand übernehmen',
  'edit.field.title': 'Titel',
  'edit.field.name': 'Name',
  'edit.field.description': 'Beschreibung',
  'edit.field.starts': 'Beginn',
  'edit.field.ends': 'Ende',

  'netzwerk.intro':
    'Wer arbeitet mit wem? Jeder Punkt ist eine Organisation, jede Linie eine Verbindung über gemeinsame Gremien oder eine Kooperation. Farben zeigen Gemeinschaften, die Größe die Bedeutung im Netzwerk. Wählen Sie eine Organisation, um ihr Umfeld zu sehen.',
  'netzwerk.controls': 'Netzwerkauswahl',
  'netzwerk.sizeBy': 'Größe nach',
  'netzwerk.size.betweenness': 'Vermittlerrolle (Betweenness)',
  'netzwerk.size.pagerank': 'Einfluss (PageRank)',
  'netzwerk.size.degree': 'Zahl der Verbindungen',
  'netzwerk.ego': 'Organisation im Mittelpunkt',
  'netzwerk.egoNone': '– keine –',
  'netzwerk.depth': 'Reichweite',
  'netzwerk.depthValue': '{depth|# Schritt|# Schritte}',
  'netzwerk.loading': 'Netzwerk wird berechnet …',
  'netzwerk.error': 'Das Netzwerk konnte nicht geladen werden.',
  'netzwerk.errorSetup': 'Die Regionen konnten nicht geladen werden.',
  'netzwerk.empty': 'Mit diesen Filtern gibt es keine Organisationen.',
  'netzwerk.summary': '{count|# Organisation|# Organisationen} mit {ties|# Verbindung|# Verbindungen}.',
  'netzwerk.graphLabel': 'Netzwerkgrafik mit {count} Organisationen und {ties} Verbindungen. Die Listen unter der Grafik nennen die wichtigsten Ergebnisse.',
  'netzwerk.noWebgl': 'Dieser Browser kann die Grafik nicht zeichnen (WebGL fehlt). Die Listen und das Umfeld einer Organisation funktionieren trotzdem.',
  'netzwerk.zoomIn': 'Vergrößern',
  'netzwerk.zoomOut': 'Verkleinern',
  'netzwerk.resetView': 'Ganzes Netzwerk',
  'netzwerk.fig.organisations': 'Organisationen',
  'netzwerk.fig.ties': 'Verbindungen',
  'netzwerk.fig.density': 'Dichte',
  'netzwerk.fig.components': 'Teilnetze',
  'netzwerk.fig.communities': 'Gemeinschaften',
  'netzwerk.fig.modularity': 'Modularität',
  'netzwerk.legend.title': 'Gemeinschaften',
  'netzwerk.legend.unit': 'Farbe: Gemeinschaft (Louvain). Größe: {metric}.',
  'netzwerk.legend.community': 'um {name}',
  'netzwerk.legend.size': '{count|# Organisation|# Organisationen}',
  'netzwerk.legend.others': '{count|eine weitere Gemeinschaft|# weitere kleine Gemeinschaften und Einzelne}',
  'netzwerk.brokers': 'Vermittler',
  'netzwerk.brokersHint': 'Organisationen, über die viele kürzeste Wege laufen: Sie verbinden Gruppen, die sonst nichts voneinander wüssten.',
  'netzwerk.brokerValue': 'Vermittlungswert {value}, {degree|# Verbindung|# Verbindungen}',
  'netzwerk.articulation': 'Schlüsselstellen',
  'netzwerk.articulationHint': 'Fällt eine dieser Organisationen weg, zerfällt das Netzwerk in getrennte Teile.',
  'netzwerk.isolated': 'Isolierte Organisationen',
  'netzwerk.isolatedHint': 'Ohne Verbindung zu anderen: Kandidaten für eine Einladung in ein Netzwerk.',
  'netzwerk.noneFound': 'Keine.',
  'netzwerk.egoTitle': 'Umfeld einer Organisation',
  'netzwerk.egoHint': 'Klicken Sie auf einen Punkt oder wählen Sie oben eine Organisation, um zu sehen, mit wem sie direkt und über Zwischenstationen verbunden ist.',
  'netzwerk.egoClose': 'Umfeld schließen',
  'netzwerk.egoLoading': 'Umfeld wird geladen …',
  'netzwerk.egoError': 'Das Umfeld konnte nicht geladen werden.',
  'netzwerk.egoSummary': '{count|# Organisation|# Organisationen} in {depth|einem Schritt|# Schritten} erreichbar.',
  'netzwerk.egoDetails': 'Eintrag im Verzeichnis',
  'netzwerk.egoEmpty': 'Diese Organisation hat keine Verbindungen.',
  'netzwerk.egoDistance': '{distance|Direkt verbunden|Über # Schritte} ({count})',

  'orgKind.administration': 'Verwaltung',
  'orgKind.jobcenter': 'Jobcenter',
  'orgKind.employment_agency': 'Agentur für Arbeit',
  'orgKind.immigration_authority': 'Ausländerbehörde',
  'orgKind.welfare_association': 'Wohlfahrtsverband',
  'orgKind.education_provider': 'Bildungsträger',
  'orgKind.school': 'Schule',
  'orgKind.daycare': 'Kita / Familienzentrum',
  'orgKind.chamber': 'Kammer',
  'orgKind.migrant_organisation': 'Migrantenorganisation',
  'orgKind.club': 'Verein',
  'orgKind.volunteer_initiative': 'Ehrenamtsinitiative',
  'orgKind.religious_community': 'Religionsgemeinschaft',
  'orgKind.business': 'Unternehmen',
  'orgKind.health_provider': 'Gesundheitswesen',
  'orgKind.other': 'Sonstige',
  'networkKind.steering_group': 'Steuerungsgruppe',
  'networkKind.round_table': 'Runder Tisch',
  'networkKind.working_group': 'Arbeitskreis',
  'networkKind.integration_council': 'Integrationsrat',
  'networkKind.advisory_board': 'Beirat',
  'networkKind.other': 'Sonstiges Gremium',
  'networkLevel.county': 'kreisweit',
  'networkLevel.municipal': 'kommunal',
  'status.planned': 'geplant',
  'status.active': 'aktiv',
  'status.paused': 'pausiert',
  'status.completed': 'abgeschlossen',
  'level.strategic': 'strategisch',
  'level.operational': 'operativ',
  'format.in_person': 'vor Ort',
  'format.online': 'online',
  'format.hybrid': 'hybrid',
  'cadence.weekly': 'wöchentlich',
  'cadence.biweekly': 'vierzehntägig',
  'cadence.monthly': 'monatlich',
  'cadence.quarterly': 'vierteljährlich',
  'cadence.semiannual': 'halbjährlich',
  'cadence.annual': 'jährlich',
  'cadence.irregular': 'unregelmäßig',
  'role.viewer': 'Lesen',
  'role.member': 'Mitglied',
  'role.coordinator': 'Koordination',
  'role.admin': 'Administration',

  'lazy.loading': 'Ansicht wird geladen …',
  'lazy.error': 'Die Ansicht konnte nicht geladen werden.',

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

  'account.signIn': 'Sign in',
  'account.signedInAs': 'Signed in: {name}',
  'account.signOut': 'Sign out',

  'filter.region': 'Region',
  'filter.field': 'Field of action',
  'filter.allFields': 'All fields of action',
  'filter.targetGroup': 'Target group',
  'filter.allGroups': 'All target groups',
  'filter.municipality': 'Municipality',
  'filter.allMunicipalities': 'All municipalities',
  'filter.language': 'Language',
  'filter.allLanguages': 'All languages',
  'filter.type': 'Type',
  'filter.allTypes': 'Everything',
  'filter.status': 'Status',
  'filter.allStatuses': 'Any status',
  'filter.kind': 'Kind',
  'filter.allKinds': 'All kinds',

  'class.gap': 'Gap',
  'class.thin': 'Thinly covered',
  'class.low': 'Below the median',
  'class.mid': 'Above the median',
  'class.high': 'Well above the median',
  'class.nodata': 'No data',
  'class.covered': 'Covered',

  'karte.intro':
    'Which offers exist where? For each municipality the map shows how dense the offer in the chosen field of action is, measured against the number of people with a migration background. Hatched municipalities have no offer.',
  'karte.controls': 'Map selection',
  'karte.mapLabel':
    'Map of the municipalities. The Tab key reaches each municipality, Enter opens its details. The same details are in the table below the map.',
  'karte.credit': 'Municipal boundaries © GeoBasis-DE / BKG. No background map: no data is sent to third parties.',
  'karte.loading': 'Loading the map …',
  'karte.error': 'The map could not be loaded.',
  'karte.errorRegions': 'The regions could not be loaded.',
  'karte.empty': 'No municipalities are recorded for this region.',
  'karte.summary': '{count|# municipality|# municipalities}, {gaps} of them without an offer.',
  'karte.density': '{value} per 10,000',
  'karte.aria.shade': '{name}: {cls}, {density} offers per 10,000',
  'karte.aria.gap': '{name}: gap, no offer',
  'karte.tip.offers': '{count|# offer|# offers}',
  'karte.tip.gapFields': '{count|A gap in one field of action|Gaps in # fields of action}',
  'karte.legend.titleField': 'Density of offers: {field}',
  'karte.legend.titleAll': 'Density of offers: all fields of action',
  'karte.legend.unit': 'Active offers per 10,000 people with a foreign nationality',
  'karte.legend.none': 'no offer',
  'karte.legend.below': 'below {value}',
  'karte.legend.from': 'from {value}',
  'karte.legend.count': '{count|# municipality|# municipalities}',
  'karte.legend.marks': 'The number in the circle counts the fields of action without an offer.',
  'karte.table.summary': 'Municipalities as a table',
  'karte.table.municipality': 'Municipality',
  'karte.table.class': 'Class',
  'karte.table.offers': 'Offers',
  'karte.table.density': 'per 10,000',
  'karte.table.demand': 'Demand group',
  'karte.table.gapFields': 'Fields without offer',
  'karte.panel.title': 'Municipality',
  'karte.panel.hint': 'Choose a municipality on the map or in the list to see its offers, providers, networks and gaps.',
  'karte.panel.choose': 'Choose a municipality',
  'karte.panel.chooseEmpty': '– please choose –',
  'karte.panel.close': 'Clear the selection',
  'karte.panel.population': 'Population',
  'karte.panel.demand': 'Demand group',
  'karte.panel.offers': 'Active offers',
  'karte.panel.density': 'Density',
  'karte.panel.loading': 'Loading the offers …',
  'karte.panel.error': 'The municipality’s details could not be loaded.',
  'karte.panel.gaps': 'Coverage and gaps',
  'karte.panel.noGaps': 'No field of action lacks an offer.',
  'karte.panel.otherGaps': 'In other fields of action:',
  'karte.panel.offersTitle': 'Offers ({count})',
  'karte.panel.noOffers': 'No active offers.',
  'karte.panel.allOffers': 'All offers in the directory',
  'karte.panel.providers': 'Providers ({count})',
  'karte.panel.noProviders': 'No providers recorded.',
  'karte.panel.networks': 'Networks ({count})',
  'karte.panel.noNetworks': 'No network covers this municipality.',
  'karte.explain.gap': 'There is no active offer in “{field}” here.',
  'karte.explain.thin':
    '{count|# active offer|# active offers} for {demand} people ({density} per 10,000) – below the threshold of {threshold}, a quarter of the county median of {median}.',
  'karte.explain.covered': '{count|# active offer|# active offers} for {demand} people ({density} per 10,000); the county median is {median}.',

  'verzeichnis.intro': 'Search offers, organisations and networks. Filters narrow the hits; each hit leads to a page with all its connections.',
  'verzeichnis.query': 'Search term',
  'verzeichnis.placeholder': 'e.g. language café, application, Caritas',
  'verzeichnis.submit': 'Search',
  'verzeichnis.filters': 'Filters',
  'verzeichnis.activeFilters': 'Active filters:',
  'verzeichnis.removeFilter': 'Remove filter {filter}: {value}',
  'verzeichnis.clearFilters': 'Remove all filters',
  'verzeichnis.type.all': 'Entry',
  'verzeichnis.type.measure': 'Offer',
  'verzeichnis.type.organisation': 'Organisation',
  'verzeichnis.type.network': 'Network',
  'verzeichnis.type.measures': 'Offers',
  'verzeichnis.type.organisations': 'Organisations',
  'verzeichnis.type.networks': 'Networks',
  'verzeichnis.loading': 'Searching …',
  'verzeichnis.error': 'The search failed.',
  'verzeichnis.errorSetup': 'The regions could not be loaded.',
  'verzeichnis.none': 'No hits.',
  'verzeichnis.count': '{total|# hit|# hits}, showing {first}–{last}.',
  'verzeichnis.empty': 'No entries match these filters. Remove a filter to see more.',
  'verzeichnis.emptyQuery': 'Nothing matches “{q}” with these filters. Check the spelling or remove a filter.',
  'verzeichnis.paging': 'Pages',
  'verzeichnis.prev': 'Previous page',
  'verzeichnis.next': 'Next page',
  'verzeichnis.page': 'Page {page} of {pages}',

  'detail.back': '← Back to the directory',
  'detail.loadingTitle': 'Entry',
  'detail.loading': 'Loading the entry …',
  'detail.errorTitle': 'Entry not available',
  'detail.error': 'The entry could not be loaded.',
  'detail.none': 'None.',
  'detail.since': 'since {date}',
  'detail.providers': 'Providers',
  'detail.fields': 'Fields of action',
  'detail.groups': 'Target groups',
  'detail.municipalities': 'Offered in',
  'detail.goals': 'Goals pursued',
  'detail.offers': 'Offers',
  'detail.memberOf': 'Member of',
  'detail.activeIn': 'Active in',
  'detail.cooperations': 'Cooperations',
  'detail.people': 'Contact people',
  'detail.members': 'Members ({count})',
  'detail.worksOn': 'Works on',
  'detail.covers': 'Responsible for',
  'detail.status': 'Status',
  'detail.level': 'Level',
  'detail.period': 'Runs',
  'detail.open': 'open',
  'detail.languages': 'Languages',
  'detail.format': 'Format',
  'detail.cost': 'Cost',
  'detail.free': 'free',
  'detail.capacity': 'Places',
  'detail.programme': 'Programme',
  'detail.website': 'Website',
  'detail.email': 'E-mail',
  'detail.phone': 'Phone',
  'detail.address': 'Address',
  'detail.kind': 'Kind',
  'detail.networkLevel': 'Level',
  'detail.cadence': 'Meets',
  'detail.visibility': 'Visibility',
  'detail.public': 'public',
  'detail.internal': 'internal',
  'detail.version': 'Version',
  'detail.versionValue': 'version {version} of {date}',
  'detail.findPartners': 'Find partners',
  'detail.egoNetwork': 'Show in the network',

  'edit.start': 'Edit',
  'edit.title': 'Edit the entry',
  'edit.basedOn': 'You are editing version {version}.',
  'edit.save': 'Save',
  'edit.cancel': 'Cancel',
  'edit.saved': 'Saved. The entry is now at version {version}.',
  'edit.nothing': 'You have not changed anything.',
  'edit.failed': 'The change could not be saved.',
  'edit.invalid': 'Please check the marked fields.',
  'edit.conflictTitle': 'Someone else has changed this entry in the meantime.',
  'edit.conflictText': 'You edited version {mine}; version {now} is stored now. Your change was not saved, so that nothing is overwritten. Compare and decide:',
  'edit.conflictField': 'Field',
  'edit.conflictMine': 'Your value',
  'edit.conflictStored': 'Stored now',
  'edit.unchanged': '(not changed)',
  'edit.keepMine': 'Save my changes',
  'edit.takeStored': 'Take the stored state',
  'edit.field.title': 'Title',
  'edit.field.name': 'Name',
  'edit.field.description': 'Description',
  'edit.field.starts': 'Starts',
  'edit.field.ends': 'Ends',

  'netzwerk.intro':
    'Who works with whom? Each dot is an organisation, each line a tie through shared bodies or a cooperation. Colours show communities, size the importance in the network. Choose an organisation to see its surroundings.',
  'netzwerk.controls': 'Network selection',
  'netzwerk.sizeBy': 'Size by',
  'netzwerk.size.betweenness': 'Brokerage (betweenness)',
  'netzwerk.size.pagerank': 'Influence (PageRank)',
  'netzwerk.size.degree': 'Number of ties',
  'netzwerk.ego': 'Organisation in the centre',
  'netzwerk.egoNone': '– none –',
  'netzwerk.depth': 'Reach',
  'netzwerk.depthValue': '{depth|# step|# steps}',
  'netzwerk.loading': 'Computing the network …',
  'netzwerk.error': 'The network could not be loaded.',
  'netzwerk.errorSetup': 'The regions could not be loaded.',
  'netzwerk.empty': 'No organisations match these filters.',
  'netzwerk.summary': '{count|# organisation|# organisations} with {ties|# tie|# ties}.',
  'netzwerk.graphLabel': 'Network graph of {count} organisations and {ties} ties. The lists below the graph name the main results.',
  'netzwerk.noWebgl': 'This browser cannot draw the graph (WebGL is missing). The lists and an organisation’s surroundings still work.',
  'netzwerk.zoomIn': 'Zoom in',
  'netzwerk.zoomOut': 'Zoom out',
  'netzwerk.resetView': 'Whole network',
  'netzwerk.fig.organisations': 'Organisations',
  'netzwerk.fig.ties': 'Ties',
  'netzwerk.fig.density': 'Density',
  'netzwerk.fig.components': 'Components',
  'netzwerk.fig.communities': 'Communities',
  'netzwerk.fig.modularity': 'Modularity',
  'netzwerk.legend.title': 'Communities',
  'netzwerk.legend.unit': 'Colour: community (Louvain). Size: {metric}.',
  'netzwerk.legend.community': 'around {name}',
  'netzwerk.legend.size': '{count|# organisation|# organisations}',
  'netzwerk.legend.others': '{count|one more community|# more small communities and single organisations}',
  'netzwerk.brokers': 'Brokers',
  'netzwerk.brokersHint': 'Organisations on many shortest paths: they connect groups that would otherwise not know of each other.',
  'netzwerk.brokerValue': 'brokerage {value}, {degree|# tie|# ties}',
  'netzwerk.articulation': 'Articulation points',
  'netzwerk.articulationHint': 'If one of these organisations drops out, the network falls apart into separate pieces.',
  'netzwerk.isolated': 'Isolated organisations',
  'netzwerk.isolatedHint': 'Without ties to others: candidates for an invitation into a network.',
  'netzwerk.noneFound': 'None.',
  'netzwerk.egoTitle': 'Surroundings of an organisation',
  'netzwerk.egoHint': 'Click a dot or choose an organisation above to see whom it is connected to, directly and via others.',
  'netzwerk.egoClose': 'Close the surroundings',
  'netzwerk.egoLoading': 'Loading the surroundings …',
  'netzwerk.egoError': 'The surroundings could not be loaded.',
  'netzwerk.egoSummary': '{count|# organisation|# organisations} within {depth|one step|# steps}.',
  'netzwerk.egoDetails': 'Directory entry',
  'netzwerk.egoEmpty': 'This organisation has no ties.',
  'netzwerk.egoDistance': '{distance|Directly connected|# steps away} ({count})',

  'orgKind.administration': 'Administration',
  'orgKind.jobcenter': 'Jobcenter',
  'orgKind.employment_agency': 'Employment agency',
  'orgKind.immigration_authority': 'Immigration authority',
  'orgKind.welfare_association': 'Welfare association',
  'orgKind.education_provider': 'Education provider',
  'orgKind.school': 'School',
  'orgKind.daycare': 'Day care / family centre',
  'orgKind.chamber': 'Chamber',
  'orgKind.migrant_organisation': 'Migrant organisation',
  'orgKind.club': 'Club',
  'orgKind.volunteer_initiative': 'Volunteer initiative',
  'orgKind.religious_community': 'Religious community',
  'orgKind.business': 'Business',
  'orgKind.health_provider': 'Health care',
  'orgKind.other': 'Other',
  'networkKind.steering_group': 'Steering group',
  'networkKind.round_table': 'Round table',
  'networkKind.working_group': 'Working group',
  'networkKind.integration_council': 'Integration council',
  'networkKind.advisory_board': 'Advisory board',
  'networkKind.other': 'Other body',
  'networkLevel.county': 'county-wide',
  'networkLevel.municipal': 'municipal',
  'status.planned': 'planned',
  'status.active': 'active',
  'status.paused': 'paused',
  'status.completed': 'completed',
  'level.strategic': 'strategic',
  'level.operational': 'operational',
  'format.in_person': 'in person',
  'format.online': 'online',
  'format.hybrid': 'hybrid',
  'cadence.weekly': 'weekly',
  'cadence.biweekly': 'every two weeks',
  'cadence.monthly': 'monthly',
  'cadence.quarterly': 'quarterly',
  'cadence.semiannual': 'twice a year',
  'cadence.annual': 'yearly',
  'cadence.irregular': 'irregularly',
  'role.viewer': 'Read',
  'role.member': 'Member',
  'role.coordinator': 'Coordination',
  'role.admin': 'Administration',

  'lazy.loading': 'Loading the view …',
  'lazy.error': 'The view could not be loaded.',

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
 * so a forgotten parameter shows up instead of vanishing. `{count|one|other}` chooses the
 * singular or plural wording by the number count, with # standing for the formatted number:
 * `{count|# Kommune|# Kommunen}`.
 */
export function t(key: MessageKey, params?: Params): string {
  const message = catalogues[current][key] ?? catalogues.de[key] ?? key;
  if (!params) return message;
  return message.replace(/\{(\w+)(?:\|([^|{}]*)\|([^|{}]*))?\}/g, (whole, name: string, one?: string, other?: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    const text = typeof value === 'number' ? formatNumber(value) : value;
    if (one === undefined || other === undefined) return text;
    return (Number(value) === 1 ? one : other).replace(/#/g, text);
  });
}

/** The `{placeholder}` names used in a message, sorted; used by the catalogue test. */
export function placeholders(message: string): string[] {
  return [...message.matchAll(/\{(\w+)(?:\|[^|{}]*\|[^|{}]*)?\}/g)].map((m) => m[1] ?? '').sort();
}
