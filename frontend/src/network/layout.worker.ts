// Runs ForceAtlas2 off the main thread, so the page stays responsive while a large network
// settles. It answers each request with the positions after every step of iterations and
// marks the last answer as final.

import { layoutGraph, refine, type LayoutEdge, type LayoutNode } from './layout';

export interface LayoutRequest {
  id: number;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
  positions: Float64Array;
  iterations: number;
  step: number;
}

export interface LayoutAnswer {
  id: number;
  positions: Float64Array;
  done: boolean;
  ms: number;
}

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, nodes, edges, positions, iterations, step } = event.data;
  const started = performance.now();
  const graph = layoutGraph(nodes, edges, positions);
  for (let done = 0; done < iterations; ) {
    const n = Math.min(step, iterations - done);
    const out = refine(graph, n);
    done += n;
    const answer: LayoutAnswer = { id, positions: out, done: done >= iterations, ms: performance.now() - started };
    (self as unknown as Worker).postMessage(answer, [out.buffer]);
  }
};
