package embedded

import (
	"context"
	"encoding/json"
	"time"

	bolt "go.etcd.io/bbolt"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Users are few and read rarely (at sign-in), so they live only in bbolt, not in memory.

// CreateUser implements graph.UserStore.
func (s *Store) CreateUser(ctx context.Context, u *graph.User) (*graph.User, error) {
	c := u.Clone()
	if err := c.Validate(); err != nil {
		return nil, err
	}
	now := s.now().UTC().Truncate(time.Microsecond)
	c.Version, c.CreatedAt, c.UpdatedAt = 1, now, now
	err := s.userTx(func(b *bolt.Bucket) error {
		if b.Get([]byte(c.Username)) != nil {
			return &graph.Error{Code: graph.ECONFLICT, Message: "user " + c.Username + " already exists",
				Fields: []graph.FieldError{{Field: "username", Message: "is taken"}}}
		}
		return putUser(b, c)
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// GetUser implements graph.UserStore.
func (s *Store) GetUser(ctx context.Context, username string) (*graph.User, error) {
	var u *graph.User
	err := s.db.View(func(tx *bolt.Tx) error {
		raw := tx.Bucket(bucketUsers).Get([]byte(username))
		if raw == nil {
			return graph.Errorf(graph.ENOTFOUND, "user %q does not exist", username)
		}
		u = new(graph.User)
		return json.Unmarshal(raw, u)
	})
	if err != nil {
		return nil, storageError(s.path, err)
	}
	return u, nil
}

// UpdateUser implements graph.UserStore.
func (s *Store) UpdateUser(ctx context.Context, u *graph.User, expectedVersion int64) (*graph.User, error) {
	c := u.Clone()
	if err := c.Validate(); err != nil {
		return nil, err
	}
	err := s.userTx(func(b *bolt.Bucket) error {
		raw := b.Get([]byte(c.Username))
		if raw == nil {
			return graph.Errorf(graph.ENOTFOUND, "user %q does not exist", c.Username)
		}
		var cur graph.User
		if err := json.Unmarshal(raw, &cur); err != nil {
			return err
		}
		if cur.Version != expectedVersion {
			return &graph.Error{Code: graph.ECONFLICT, Current: cur.Version,
				Message: "user " + c.Username + " was changed by someone else; reload and try again"}
		}
		c.Version, c.CreatedAt, c.UpdatedAt = cur.Version+1, cur.CreatedAt, s.now().UTC().Truncate(time.Microsecond)
		return putUser(b, c)
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// DeleteUser implements graph.UserStore.
func (s *Store) DeleteUser(ctx context.Context, username string) error {
	return s.userTx(func(b *bolt.Bucket) error {
		if b.Get([]byte(username)) == nil {
			return graph.Errorf(graph.ENOTFOUND, "user %q does not exist", username)
		}
		return b.Delete([]byte(username))
	})
}

// ListUsers implements graph.UserStore.
func (s *Store) ListUsers(ctx context.Context) ([]*graph.User, error) {
	var users []*graph.User
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketUsers).ForEach(func(_, v []byte) error {
			u := new(graph.User)
			if err := json.Unmarshal(v, u); err != nil {
				return err
			}
			users = append(users, u)
			return nil
		})
	})
	if err != nil {
		return nil, storageError(s.path, err)
	}
	return users, nil
}

// userTx runs fn in a write transaction on the users bucket, serialised with other writes.
func (s *Store) userTx(fn func(*bolt.Bucket) error) error {
	s.closeMu.RLock()
	defer s.closeMu.RUnlock()
	if s.closed {
		return graph.Errorf(graph.EUNAVAILABLE, "the store is closed")
	}
	err := s.db.Update(func(tx *bolt.Tx) error { return fn(tx.Bucket(bucketUsers)) })
	if err != nil {
		return storageError(s.path, err)
	}
	return nil
}

func putUser(b *bolt.Bucket, u *graph.User) error {
	raw, err := json.Marshal(u)
	if err != nil {
		return err
	}
	return b.Put([]byte(u.Username), raw)
}
