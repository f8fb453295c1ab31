package graph

import (
	"context"
	"io"
	"time"
)

// Backuper is a Store that writes a consistent copy of itself while it keeps serving: the
// embedded store. A Neo4j database is backed up with neo4j-admin instead (README).
type Backuper interface {
	// Backup writes the whole store as one moment saw it to w. Every write acknowledged
	// before Backup was called is in the copy; writes go on meanwhile. Failures before the
	// copy is fixed leave w untouched, so the caller can still answer with an error.
	Backup(ctx context.Context, w io.Writer) error
	// BackupName is the file name for a backup taken at t (dated, with its extension).
	BackupName(t time.Time) string
}
