// Links into the user handbook, which the Go binary serves at /handbuch (docs/handbuch.md,
// rendered by docs/embed.go). The section ids are made from the headings' German text; a Go
// test (docs) reads every "/handbuch#…" in frontend/src and checks that the section exists, so
// renaming a heading without updating this list fails there.

/** The handbook page. */
export const handbuchPath = '/handbuch';

/** Sections the web app links to. */
export const handbuchSections = {
  netzwerk: '/handbuch#netzwerk-wer-arbeitet-mit-wem',
  netzwerkTastatur: '/handbuch#das-netzwerk-mit-der-tastatur',
  organisations: '/handbuch#organisationen',
  ties: '/handbuch#verbindungen',
  density: '/handbuch#dichte',
  components: '/handbuch#teilnetze',
  communities: '/handbuch#gemeinschaften',
  modularity: '/handbuch#modularitaet',
  betweenness: '/handbuch#vermittlungswert',
  articulation: '/handbuch#schluesselstellen',
  isolated: '/handbuch#isolierte-organisationen',
} as const;

export type HandbuchSection = keyof typeof handbuchSections;
