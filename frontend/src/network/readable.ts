// A readable default for big networks: names only for the strongest brokers, and a threshold
// on how many Gremien two organisations must share before their tie is drawn. Pure functions,
// shared by the Sigma renderer and the canvas fallback through the view's reducers.

/** How many brokers are named when nothing is hovered or chosen. */
export const namedBrokers = 10;

/** The highest threshold offered; ties seldom share more Gremien than this. */
export const maxStrengthStep = 10;

/**
 * topBrokers returns the ids of the n organisations with the highest betweenness (ties
 * broken by name, so the choice is stable); organisations on no shortest path are left out.
 */
export function topBrokers(nodes: readonly { id: string; name: string; betweenness: number }[], n = namedBrokers): Set<string> {
  return new Set(
    nodes
      .filter((x) => x.betweenness > 0)
      .sort((a, b) => b.betweenness - a.betweenness || a.name.localeCompare(b.name, 'de'))
      .slice(0, n)
      .map((x) => x.id),
  );
}

/** minStrength reads the threshold from the address: a whole number of at least 1, else 1. */
export function minStrength(value: string | undefined): number {
  const n = Number(value ?? '1');
  return Number.isInteger(n) && n >= 1 ? n : 1;
}

/** strengthSteps lists the thresholds worth offering: 1 up to the strongest tie, at most maxStrengthStep. */
export function strengthSteps(edges: readonly { weight: number }[]): number[] {
  const strongest = Math.min(maxStrengthStep, Math.max(1, ...edges.map((e) => Math.floor(e.weight))));
  return Array.from({ length: strongest }, (_, i) => i + 1);
}

/** tiesShown counts the ties at least min strong. */
export function tiesShown(edges: readonly { weight: number }[], min: number): number {
  return edges.reduce((n, e) => (e.weight >= min ? n + 1 : n), 0);
}
