// Package storetest is the conformance suite every graph.Store passes. Backends call Run from
// their own tests with a function that makes a fresh, empty store; the suite then checks the
// behaviour the rest of the program relies on: CRUD for every kind, validation errors that
// name fields, optimistic concurrency, relationships and delete rules, filters and stable
// pagination under concurrent writes, German search, snapshot consistency, the audit log,
// all-or-nothing batches, users and monitoring snapshots. It must not depend on any backend.
package storetest

import (
	"context"
	"errors"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Factory makes stores for the suite.
type Factory struct {
	// New returns a new, empty store. The suite closes it.
	New func(t *testing.T) graph.Store
	// Reopen closes s and opens the same data again; nil when the backend keeps no data
	// across processes (then the restart test is skipped).
	Reopen func(t *testing.T, s graph.Store) graph.Store
}

// Run runs the whole suite.
func Run(t *testing.T, f Factory) {
	tests := []struct {
		name string
		fn   func(*testing.T, Factory)
	}{
		{"CRUD", testCRUD},
		{"Validation", testValidation},
		{"References", testReferences},
		{"VersionConflicts", testVersionConflicts},
		{"UpdateRules", testUpdateRules},
		{"Relations", testRelations},
		{"CoordinatingVerdict", testCoordinatingVerdict},
		{"DeleteRules", testDeleteRules},
		{"Filters", testFilters},
		{"Pagination", testPagination},
		{"PaginationDuringWrites", testPaginationDuringWrites},
		{"Search", testSearch},
		{"Snapshot", testSnapshot},
		{"SnapshotDuringWrites", testSnapshotDuringWrites},
		{"Audit", testAudit},
		{"AuditRedactsDeletedActors", testAuditRedaction},
		{"Batch", testBatch},
		{"Revision", testRevision},
		{"ParallelWriters", testParallelWriters},
		{"ConcurrentMixedBatches", testConcurrentMixedBatches},
		{"Users", testUsers},
		{"Reopen", testReopen},
		{"Monitoring", testMonitoring},
		{"MonitoringValidation", testMonitoringValidation},
		{"MonitoringRegionDelete", testMonitoringRegionDelete},
		{"MonitoringConcurrent", testMonitoringConcurrent},
		{"MonitoringReopen", testMonitoringReopen},
		{"ConceptTree", testConceptTree},
		{"IndicatorRules", testIndicatorRules},
		{"Merge", testMerge},
		{"MergeRefusals", testMergeRefusals},
		{"MergeReopen", testMergeReopen},
		{"PasswordChangeEndsTokens", testPasswordChangeEndsTokens},
		{"NFC", testNFC},
		{"Jobs", testJobs},
		{"JobsConcurrent", testJobsConcurrent},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, f) })
	}
}

// open makes a store that is closed when the test ends.
func open(t *testing.T, f Factory) graph.Store {
	t.Helper()
	s := f.New(t)
	t.Cleanup(func() { s.Close() })
	return s
}

// wantCode fails unless err carries the code.
func wantCode(t *testing.T, err error, code string) *graph.Error {
	t.Helper()
	if graph.ErrorCode(err) != code {
		t.Fatalf("error = %v, want code %q", err, code)
	}
	var ge *graph.Error
	errors.As(err, &ge)
	return ge
}

// wantFields fails unless err is EINVALID and names exactly the given fields (in any order).
func wantFields(t *testing.T, err error, fields ...string) {
	t.Helper()
	ge := wantCode(t, err, graph.EINVALID)
	got := map[string]bool{}
	for _, f := range ge.Fields {
		got[f.Field] = true
		if f.Message == "" {
			t.Errorf("field %s has no message", f.Field)
		}
	}
	for _, f := range fields {
		if !got[f] {
			t.Errorf("error %v does not name field %q", err, f)
		}
		delete(got, f)
	}
	for f := range got {
		t.Errorf("error %v names unexpected field %q", err, f)
	}
}

func must[T any](t *testing.T) func(T, error) T {
	return func(v T, err error) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func ok(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func ctx() context.Context { return graph.WithUser(context.Background(), "storetest") }
