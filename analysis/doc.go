// Package analysis computes what Netzwerkatlas tells counties about their integration
// landscape — coverage and gaps, duplicate offers, cooperation partners, network structure,
// monitoring — as pure functions over a graph.Snapshot. Every result carries its own
// explanation, and every threshold is a parameter with a documented default. The package
// does no I/O: callers take the snapshot (and cache results by the store's revision).
package analysis
