// Partner finder helpers: narrowing the organisation picker by typed words, and filtering the
// recommendations by Handlungsfeld, Kommune and Zielgruppe. The partners API takes no such
// filters, so they work on what each recommendation carries: the fields, municipalities and
// target groups named in its reasons (shared ones, and for fields also those it adds).

import type { Named, Partner } from './types';

/** Lower case without accents and with ß as ss: "Türk" becomes "turk". */
export function fold(s: string): string {
  return s.toLocaleLowerCase('de').replace(/ß/g, 'ss').normalize('NFD').replace(/\p{M}/gu, '');
}

/** As fold, but umlauts written out as on a keyboard without them: "Türk" becomes "tuerk". */
function foldWritten(s: string): string {
  return fold(s.toLocaleLowerCase('de').replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue'));
}

/** matchesWords says whether every word typed occurs somewhere in name (in any order). */
export function matchesWords(name: string, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  const forms = [fold(name), foldWritten(name)];
  return words.every((w) => forms.some((f) => f.includes(w)));
}

/**
 * narrowOptions keeps the items whose name matches the query; the chosen item stays even if
 * it does not match, so a narrowed picker never drops the current choice.
 */
export function narrowOptions<T extends Named>(items: readonly T[], query: string, chosen?: string): T[] {
  return items.filter((o) => o.id === chosen || matchesWords(o.name, query));
}

/** The facets a recommendation can be filtered by. */
export type Facet = 'field' | 'municipality' | 'group';

const facetCodes: Record<Facet, string[]> = {
  field: ['shared_fields', 'complementary_fields'],
  municipality: ['shared_municipalities'],
  group: ['shared_target_groups'],
};

/** facetItems lists what a recommendation names for a facet, by id. */
export function facetItems(p: Pick<Partner, 'reasons'>, facet: Facet): Named[] {
  const codes = facetCodes[facet];
  return p.reasons.filter((r) => codes.includes(r.code)).flatMap((r) => r.items);
}

/** facetOptions gathers the distinct items of a facet over all recommendations, by name. */
export function facetOptions(partners: readonly Pick<Partner, 'reasons'>[], facet: Facet): Named[] {
  const byId = new Map<string, Named>();
  for (const p of partners) for (const n of facetItems(p, facet)) if (!byId.has(n.id)) byId.set(n.id, n);
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'de'));
}

/** filterPartners keeps the recommendations that name every chosen facet value. */
export function filterPartners<P extends Pick<Partner, 'reasons'>>(partners: readonly P[], chosen: Partial<Record<Facet, string>>): P[] {
  const wanted = (Object.entries(chosen) as [Facet, string | undefined][]).filter(([, v]) => v);
  return partners.filter((p) => wanted.every(([facet, id]) => facetItems(p, facet).some((n) => n.id === id)));
}
