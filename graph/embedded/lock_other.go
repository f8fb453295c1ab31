//go:build !unix

package embedded

import (
	"errors"
	"os"
	"time"

	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// lockStoreFile takes bbolt's own shared lock on the store file at path by opening it
// read-only: it fails while a service runs on it (errInUse), and no service can start while
// it is held. A file bbolt cannot open at all is no service's store and needs no lock.
func lockStoreFile(path string) (release func(), err error) {
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return func() {}, nil
	}
	db, err := bolt.Open(path, 0o600, &bolt.Options{ReadOnly: true, Timeout: 100 * time.Millisecond})
	if errors.Is(err, bolterrors.ErrTimeout) {
		return nil, errInUse
	}
	if err != nil {
		return func() {}, nil
	}
	return func() { db.Close() }, nil
}
