#!/usr/bin/python3
"""Time igraph and NetworkX on one graph, for the side-by-side comparison with netgraph.

Usage: /usr/bin/python3 compare.py EDGELIST [--repeat 3] [--seed 1] [--nx-betweenness-limit 1e9]

EDGELIST holds the node count on its first line and then one edge "u v w" per line (nodes
0..n-1, undirected, weight w). The script times, each as the best of --repeat runs:

  pagerank     igraph Graph.pagerank(weights, damping=0.85) (PRPACK);
               networkx pagerank(alpha=0.85, weight="weight")
  betweenness  unweighted, each unordered pair once: igraph Graph.betweenness(directed=False);
               networkx betweenness_centrality(normalized=False)
  louvain      igraph Graph.community_multilevel(weights); networkx
               community.louvain_communities(weight="weight", seed=SEED); the modularity of
               each result is computed with igraph's Graph.modularity (weighted, resolution 1)

and prints one JSON object. A run that takes longer than 30 s is not repeated. Peak memory
is the growth of the process's resident set during one run: the kernel's high-water mark
(VmHWM, reset by writing 5 to /proc/self/clear_refs) less VmRSS before the run, after
gc.collect() and malloc_trim(0) — the same measure the Go side uses. NetworkX betweenness is skipped, with the reason in the output,
when its estimated work exceeds the limit: n searches, each of which initialises its
dictionaries over all n nodes and then walks its own component, n^2 + sum over components of
nodes x edges steps (the state graph, 4.1e8, took about 3 minutes; nation would take hours).

Debian's packages: apt-get install -y python3-igraph python3-networkx (use /usr/bin/python3).
"""

import argparse
import ctypes
import gc
import json
import sys
import time

import igraph
import networkx as nx


def status_kb(name):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(name + ":"):
                return float(line.split()[1])
    return None


try:
    _libc = ctypes.CDLL("libc.so.6")
except OSError:
    _libc = None


def peak_mb(fn):
    """Run fn once; return its result and the growth of the resident set in MiB (or None)."""
    gc.collect()
    if _libc is not None:
        # Hand free heap memory back to the system first, as the Go side does with
        # debug.FreeOSMemory, so that a run cannot hide its memory in freed pages.
        _libc.malloc_trim(0)
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        return fn(), None
    before = status_kb("VmRSS")
    result = fn()
    hwm = status_kb("VmHWM")
    if before is None or hwm is None:
        return result, None
    return result, max(0.0, hwm - before) / 1024


def timed(fn, repeat):
    """Best wall time of up to repeat runs of fn (one if a run takes over 30 s)."""
    best, result, runs = None, None, 0
    for _ in range(repeat):
        gc.collect()
        start = time.perf_counter()
        result = fn()
        t = time.perf_counter() - start
        runs += 1
        best = t if best is None else min(best, t)
        if t > 30:
            break
    return best, result, runs


def read_edges(path):
    with open(path) as f:
        n = int(f.readline())
        us, vs, ws = [], [], []
        for line in f:
            u, v, w = line.split()
            us.append(int(u))
            vs.append(int(v))
            ws.append(float(w))
    return n, us, vs, ws


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("edgelist")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--nx-betweenness-limit", type=float, default=1e9,
                    help="skip NetworkX betweenness above this many estimated steps")
    ap.add_argument("--only", default="", help="comma-separated library:algorithm pairs to run (default all)")
    args = ap.parse_args()
    only = set(filter(None, args.only.split(",")))

    n, us, vs, ws = read_edges(args.edgelist)
    ig = igraph.Graph(n=n, edges=list(zip(us, vs)), directed=False)
    ig.es["weight"] = ws
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_weighted_edges_from(zip(us, vs, ws))
    del us, vs, ws

    # Work of NetworkX's n Brandes searches: each sets up dictionaries over all n nodes,
    # then walks its own component.
    work = n * n
    for comp in ig.connected_components():
        if len(comp) > 1:
            work += len(comp) * ig.subgraph(comp).ecount()

    def membership_of(communities):
        m = [0] * n
        for i, c in enumerate(communities):
            for v in c:
                m[v] = i
        return m

    def ig_louvain():
        return ig.community_multilevel(weights="weight").membership

    def nx_louvain():
        return membership_of(nx.community.louvain_communities(G, weight="weight", seed=args.seed))

    algorithms = [
        ("igraph", "pagerank", lambda: ig.pagerank(weights="weight", damping=0.85)),
        ("networkx", "pagerank", lambda: list(nx.pagerank(G, alpha=0.85, weight="weight").values())),
        ("igraph", "betweenness", lambda: ig.betweenness(directed=False)),
        ("networkx", "betweenness", lambda: list(nx.betweenness_centrality(G, normalized=False).values())),
        ("igraph", "louvain", ig_louvain),
        ("networkx", "louvain", nx_louvain),
    ]
    results = []
    for lib, alg, fn in algorithms:
        if only and f"{lib}:{alg}" not in only:
            continue
        r = {"library": lib, "algorithm": alg}
        if lib == "networkx" and alg == "betweenness" and work > args.nx_betweenness_limit:
            r["skipped"] = (f"estimated {work:.2g} steps (n^2 + sum of component nodes x edges) exceed the limit "
                            f"{args.nx_betweenness_limit:.2g} (--nx-betweenness-limit)")
            results.append(r)
            print(f"{lib} {alg}: skipped, {r['skipped']}", file=sys.stderr)
            continue
        seconds, out, runs = timed(fn, args.repeat)
        _, peak = peak_mb(fn)
        r.update(seconds=seconds, runs=runs, peak_mb=peak)
        if alg == "louvain":
            r["modularity"] = ig.modularity(out, weights="weight")
            r["communities"] = len(set(out))
        else:
            r["sum"] = float(sum(out))
            r["max"] = float(max(out)) if out else 0.0
        print(f"{lib} {alg}: {seconds:.4f} s (best of {runs})", file=sys.stderr)
        results.append(r)

    json.dump({"nodes": n, "edges": ig.ecount(), "betweenness_work": work,
               "igraph": igraph.__version__, "networkx": nx.__version__,
               "python": sys.version.split()[0], "results": results}, sys.stdout, indent=1)
    print()


if __name__ == "__main__":
    main()
