package embedded

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
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
	err := s.userTx(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketUsers)
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
	err := s.userTx(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketUsers)
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
		if cur.PasswordHash != c.PasswordHash {
			// A new password ends every session and token made with the old one.
			if err := deleteTokens(tx, func(t *graph.Token) bool { return t.Username == c.Username }); err != nil {
				return err
			}
		}
		return putUser(b, c)
	})
	if err != nil {
		return nil, err
	}
	return c, nil
}

// DeleteUser implements graph.UserStore.
func (s *Store) DeleteUser(ctx context.Context, username string) error {
	return s.userTx(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketUsers)
		if b.Get([]byte(username)) == nil {
			return graph.Errorf(graph.ENOTFOUND, "user %q does not exist", username)
		}
		if err := deleteTokens(tx, func(t *graph.Token) bool { return t.Username == username }); err != nil {
			return err
		}
		return b.Delete([]byte(username))
	})
}

// Tokens are few per user and looked up by the hash of their secret, the bucket's key.

// CreateToken implements graph.UserStore.
func (s *Store) CreateToken(ctx context.Context, t *graph.Token) error {
	if err := t.Validate(); err != nil {
		return err
	}
	return s.userTx(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketUsers).Get([]byte(t.Username)) == nil {
			return graph.Errorf(graph.ENOTFOUND, "user %q does not exist", t.Username)
		}
		raw, err := json.Marshal(t)
		if err != nil {
			return err
		}
		return tx.Bucket(bucketTokens).Put([]byte(t.Hash), raw)
	})
}

// TokenByHash implements graph.UserStore.
func (s *Store) TokenByHash(ctx context.Context, hash string) (*graph.Token, error) {
	var t *graph.Token
	err := s.db.View(func(tx *bolt.Tx) error {
		raw := tx.Bucket(bucketTokens).Get([]byte(hash))
		if raw == nil {
			return graph.Errorf(graph.ENOTFOUND, "no such token")
		}
		t = new(graph.Token)
		return json.Unmarshal(raw, t)
	})
	if err != nil {
		return nil, storageError(s.path, err)
	}
	return t, nil
}

// ListTokens implements graph.UserStore.
func (s *Store) ListTokens(ctx context.Context, username string) ([]*graph.Token, error) {
	var out []*graph.Token
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketTokens).ForEach(func(_, v []byte) error {
			t := new(graph.Token)
			if err := json.Unmarshal(v, t); err != nil {
				return err
			}
			if t.Username == username {
				out = append(out, t)
			}
			return nil
		})
	})
	if err != nil {
		return nil, storageError(s.path, err)
	}
	slices.SortFunc(out, func(a, b *graph.Token) int { return strings.Compare(b.ID, a.ID) })
	return out, nil
}

// DeleteToken implements graph.UserStore.
func (s *Store) DeleteToken(ctx context.Context, id string) error {
	return s.userTx(func(tx *bolt.Tx) error {
		found := false
		err := deleteTokens(tx, func(t *graph.Token) bool {
			found = found || t.ID == id
			return t.ID == id
		})
		if err == nil && !found {
			return graph.Errorf(graph.ENOTFOUND, "token %q does not exist", id)
		}
		return err
	})
}

func deleteTokens(tx *bolt.Tx, match func(*graph.Token) bool) error {
	b := tx.Bucket(bucketTokens)
	var keys [][]byte
	err := b.ForEach(func(k, v []byte) error {
		t := new(graph.Token)
		if err := json.Unmarshal(v, t); err != nil {
			return err
		}
		if match(t) {
			keys = append(keys, append([]byte(nil), k...))
		}
		return nil
	})
	for _, k := range keys {
		if err == nil {
			err = b.Delete(k)
		}
	}
	return err
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

// userTx runs fn in a write transaction (bbolt serialises them with the committer's).
func (s *Store) userTx(fn func(*bolt.Tx) error) error {
	s.closeMu.RLock()
	defer s.closeMu.RUnlock()
	if s.closed {
		return graph.Errorf(graph.EUNAVAILABLE, "the store is closed")
	}
	err := s.db.Update(fn)
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
