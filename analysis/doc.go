// Package analysis computes what Netzwerkatlas tells counties about their integration
// landscape — coverage and gaps, cooperation partners, network structure, overlapping
// structures, the attainment of the integration concept's goals, monitoring runs — as pure
// functions over a graph.Snapshot. Duplicate offers have a package of their own
// (analysis/duplicates), network algorithms too (analysis/netgraph). Every result carries its
// own explanation, and every threshold is a parameter with a documented default. The package
// does no I/O: callers take the snapshot (and cache results by the store's revision).
package analysis
