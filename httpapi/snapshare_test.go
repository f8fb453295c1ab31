package httpapi

import (
	"net/http/httptest"
	"testing"
)

// TestExportSnapshotShared: exports running at once over the same data and access share one
// snapshot, and it is let go with the last of them — nothing stays behind.
func TestExportSnapshotShared(t *testing.T) {
	f := newFixture(t)
	r := httptest.NewRequest("GET", "/api/v1/export?format=json", nil)
	a, doneA, err := f.api.sharedReadableSnapshot(r, "")
	if err != nil {
		t.Fatal(err)
	}
	b, doneB, err := f.api.sharedReadableSnapshot(r, "")
	if err != nil {
		t.Fatal(err)
	}
	if a != b || f.api.snapshots.shared() != 1 {
		t.Fatalf("two exports at once took two snapshots (%p, %p)", a, b)
	}
	for _, o := range a.Organisations {
		if o.ID == f.hidden {
			t.Fatal("the anonymous snapshot holds an internal organisation")
		}
	}
	doneA()
	if f.api.snapshots.shared() != 1 {
		t.Fatal("the snapshot was let go while an export still uses it")
	}
	doneB()
	if n := f.api.snapshots.shared(); n != 0 {
		t.Fatalf("%d snapshots stay after the exports", n)
	}
	c, doneC, err := f.api.sharedReadableSnapshot(r, "")
	if err != nil {
		t.Fatal(err)
	}
	defer doneC()
	if c == a {
		t.Fatal("a later export reused a snapshot that should have been let go")
	}
	// A region that does not exist: not found, and nothing kept.
	if _, _, err := f.api.sharedReadableSnapshot(r, "09999"); err == nil {
		t.Fatal("an unknown region was exported")
	}
	if n := f.api.snapshots.shared(); n != 1 {
		t.Fatalf("%d shared snapshots, want 1 (the open export)", n)
	}
}
