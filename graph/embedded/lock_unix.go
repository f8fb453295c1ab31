//go:build unix

package embedded

import (
	"errors"
	"os"
	"syscall"
)

// lockStoreFile takes a shared lock on the store file at path, as bbolt's readers do, without
// waiting: a service holds its file exclusively, so the lock fails while one runs
// (errInUse), and no service can start while the lock is held. release lets it go. A missing
// file needs no lock.
func lockStoreFile(path string) (release func(), err error) {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return func() {}, nil
	}
	if err != nil {
		return nil, err
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_SH|syscall.LOCK_NB); err != nil {
		f.Close()
		if errors.Is(err, syscall.EWOULDBLOCK) {
			return nil, errInUse
		}
		return nil, err
	}
	return func() { f.Close() }, nil
}
