// The state of a view that a link should carry (region, filters, selection) lives in the
// query string, so that a copied address opens the same view. These helpers read it into
// plain objects and write it back without adding history entries for every click.

type Value = string | number | undefined | null;

/** Reads the named parameters of a query string; empty ones are left out. */
export function readQuery<K extends string>(search: string, keys: readonly K[]): Partial<Record<K, string>> {
  const params = new URLSearchParams(search);
  const out: Partial<Record<K, string>> = {};
  for (const key of keys) {
    const value = params.get(key);
    if (value !== null && value.trim() !== '') out[key] = value.trim();
  }
  return out;
}

/**
 * Builds path?query from state in the order of its keys, leaving out empty values, so the
 * same state always gives the same address.
 */
export function withQuery(path: string, state: Record<string, Value>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(state)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `${path}?${query}` : path;
}

/** Replaces the address's query with state, keeping the path; no new history entry. */
export function replaceQuery(state: Record<string, Value>): void {
  const next = withQuery(location.pathname, state) + location.hash;
  if (next !== location.pathname + location.search + location.hash) history.replaceState(history.state, '', next);
}

/** The map's deep-link state. */
export interface MapState {
  region?: string;
  /** Field of action id; none means all fields. */
  field?: string;
  /** Target group id; none means all groups. */
  group?: string;
  /** AGS of the selected municipality. */
  sel?: string;
}

const mapKeys = ['region', 'field', 'group', 'sel'] as const;

/** Reads the map state from a query string; a selection that is not an AGS is dropped. */
export function parseMapState(search: string): MapState {
  const state: MapState = readQuery(search, mapKeys);
  if (state.region !== undefined && !/^\d{5}$/.test(state.region)) delete state.region;
  if (state.sel !== undefined && !/^\d{8}$/.test(state.sel)) delete state.sel;
  return state;
}

/** The address of the map with state. */
export function mapHref(state: MapState): string {
  return withQuery('/karte', { region: state.region, field: state.field, group: state.group, sel: state.sel });
}
