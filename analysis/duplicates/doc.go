// Package duplicates finds measures that look like the same offer — the same offer entered
// twice by its provider (a data duplicate) or the same kind of offer run by different
// providers (a parallel offer) — scores and clusters them, and applies the reviewers'
// verdicts. Find is the entry point; its doc comment gives the blocking rules and the score
// formula.
//
// The files follow the pipeline, which runs region by region:
//
//	params.go     parameters, their defaults and the formula they make
//	index.go      the snapshot prepared: each measure's facts as sorted, interned ids
//	text.go       TF-IDF vectors of the German texts
//	blocking.go   blocks of measures sharing a municipality and a field
//	score.go      the pairs of a block scored (with an exact prefix filter), then ordered
//	structure.go  the structural agreement of two measures
//	verdicts.go   pairs reviewers confirmed or set aside
//	clusters.go   clusters of the reported pairs and their kinds
//	explain.go    the reported pairs described: parts, shared terms, highlights, explanation
//	find.go       Find, and the run over one region that ties the steps together
//	types.go      the result types
//
// Like package analysis, it is a pure function over a graph.Snapshot and does no I/O. It
// must not import package analysis, which imports it (analysis.Monitor keeps the clusters in
// a monitoring run).
package duplicates
