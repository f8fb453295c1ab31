// How the network graph looks: colours by community, sizes by centrality. Pure functions, so
// the rules are tested without a browser.

import type { NetworkNode } from '../types';

/** Colours for the largest communities (Okabe–Ito and Tableau hues that stay apart for
 * colour-blind viewers); smaller communities share the grey. */
export const communityPalette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#D55E00', '#56B4E9', '#7F3C8D', '#8C6D31', '#3969AC', '#E73F74'];
export const otherCommunity = '#8a96a3';
/** Nodes outside the highlighted ego network. */
export const dimmed = '#d5dbe1';

export type SizeMetric = 'betweenness' | 'pagerank' | 'degree';
export const sizeMetrics: readonly SizeMetric[] = ['betweenness', 'pagerank', 'degree'];

/** Community id → colour: the largest communities get the palette in order of size. */
export function communityColours(communities: readonly { id: number; size: number }[]): Map<number, string> {
  const out = new Map<number, string>();
  const sorted = [...communities].filter((c) => c.size > 1).sort((a, b) => b.size - a.size || a.id - b.id);
  sorted.slice(0, communityPalette.length).forEach((c, i) => out.set(c.id, communityPalette[i]!));
  return out;
}

/** The node's value of the metric. */
export function metricOf(node: NetworkNode, metric: SizeMetric): number {
  return metric === 'degree' ? node.degree : metric === 'pagerank' ? node.pagerank : node.betweenness;
}

/** Node radius in pixels: 2 for none up to 16 for the largest value, by the square root so
 * that the area grows with the value. */
export function nodeSize(value: number, max: number): number {
  if (max <= 0 || value <= 0) return 2.5;
  return 2.5 + 13.5 * Math.sqrt(value / max);
}

/** Edge width in pixels by weight (shared networks plus cooperation). */
export function edgeSize(weight: number, maxWeight: number): number {
  if (maxWeight <= 1) return 0.6;
  return 0.6 + 2.4 * ((weight - 1) / (maxWeight - 1));
}
