// Package graph holds Netzwerkatlas's domain model: the node and relationship types of the
// integration landscape (regions, municipalities, fields of action, target groups,
// organisations, actors, networks, measures, goals, indicators), their validation, the error
// vocabulary, and the Store interface that every storage backend implements.
//
// The package imports no database driver. Backends live in sub-packages (graph/embedded,
// graph/neo4j) that know nothing of each other; graph/storetest holds the conformance suite
// they all pass. Rules that both backends must apply identically — validation, reference
// checks, relationship endpoint rules, delete rules — live here so they are written once.
package graph
