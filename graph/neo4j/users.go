package neo4j

import (
	"context"
	"encoding/json"
	"time"

	"github.com/neo4j/neo4j-go-driver/v5/neo4j"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// userProps stores a user; the roles map becomes JSON text.
func userProps(u *graph.User) (map[string]any, error) {
	roles, err := json.Marshal(u.Roles)
	if err != nil {
		return nil, err
	}
	p := map[string]any{"username": u.Username, "password_hash": u.PasswordHash, "admin": u.Admin, "roles": string(roles),
		"version": u.Version, "created_at": u.CreatedAt.UTC(), "updated_at": u.UpdatedAt.UTC()}
	if u.Organisation != "" {
		p["organisation"] = u.Organisation
	}
	return p, nil
}

func userFromRecord(rec *neo4j.Record) (*graph.User, error) {
	props, _, err := neo4j.GetRecordValue[map[string]any](rec, "props")
	if err != nil {
		return nil, err
	}
	u := &graph.User{}
	u.Username, _ = props["username"].(string)
	u.PasswordHash, _ = props["password_hash"].(string)
	u.Admin, _ = props["admin"].(bool)
	u.Organisation, _ = props["organisation"].(string)
	u.Version, _ = props["version"].(int64)
	u.CreatedAt, _ = props["created_at"].(time.Time)
	u.UpdatedAt, _ = props["updated_at"].(time.Time)
	u.CreatedAt, u.UpdatedAt = u.CreatedAt.UTC(), u.UpdatedAt.UTC()
	if s, _ := props["roles"].(string); s != "" && s != "null" {
		if err := json.Unmarshal([]byte(s), &u.Roles); err != nil {
			return nil, err
		}
	}
	return u, nil
}

// CreateUser implements graph.UserStore.
func (s *Store) CreateUser(ctx context.Context, u *graph.User) (*graph.User, error) {
	c := u.Clone()
	if err := c.Validate(); err != nil {
		return nil, err
	}
	now := s.now().UTC().Truncate(time.Microsecond)
	c.Version, c.CreatedAt, c.UpdatedAt = 1, now, now
	props, err := userProps(c)
	if err != nil {
		return nil, err
	}
	_, err = s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := query(ctx, tx, "user.create", map[string]any{"props": props})
		if err != nil {
			return nil, err
		}
		_, err = res.Consume(ctx)
		return nil, err
	})
	if graph.ErrorCode(err) == graph.ECONFLICT {
		return nil, &graph.Error{Code: graph.ECONFLICT, Message: "user " + c.Username + " already exists",
			Fields: []graph.FieldError{{Field: "username", Message: "is taken"}}}
	}
	if err != nil {
		return nil, err
	}
	return c, nil
}

// GetUser implements graph.UserStore.
func (s *Store) GetUser(ctx context.Context, username string) (*graph.User, error) {
	v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := query(ctx, tx, "user.get", map[string]any{"username": username})
		if err != nil {
			return nil, err
		}
		if !res.Next(ctx) {
			if err := res.Err(); err != nil {
				return nil, err
			}
			return nil, graph.Errorf(graph.ENOTFOUND, "user %q does not exist", username)
		}
		return userFromRecord(res.Record())
	})
	if err != nil {
		return nil, err
	}
	return v.(*graph.User), nil
}

// UpdateUser implements graph.UserStore.
func (s *Store) UpdateUser(ctx context.Context, u *graph.User, expectedVersion int64) (*graph.User, error) {
	c := u.Clone()
	if err := c.Validate(); err != nil {
		return nil, err
	}
	v, err := s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := query(ctx, tx, "user.get", map[string]any{"username": c.Username})
		if err != nil {
			return nil, err
		}
		if !res.Next(ctx) {
			if err := res.Err(); err != nil {
				return nil, err
			}
			return nil, graph.Errorf(graph.ENOTFOUND, "user %q does not exist", c.Username)
		}
		cur, err := userFromRecord(res.Record())
		if err != nil {
			return nil, err
		}
		if cur.Version != expectedVersion {
			return nil, &graph.Error{Code: graph.ECONFLICT, Current: cur.Version,
				Message: "user " + c.Username + " was changed by someone else; reload and try again"}
		}
		next := c.Clone()
		next.Version, next.CreatedAt, next.UpdatedAt = cur.Version+1, cur.CreatedAt, s.now().UTC().Truncate(time.Microsecond)
		props, err := userProps(next)
		if err != nil {
			return nil, err
		}
		rec, err := single(ctx, tx, "user.update", map[string]any{"username": c.Username, "expected": expectedVersion, "props": props})
		if err != nil {
			return nil, err
		}
		if n, _, _ := neo4j.GetRecordValue[int64](rec, "updated"); n != 1 {
			return nil, graph.Errorf(graph.ECONFLICT, "user %s was changed by someone else; reload and try again", c.Username)
		}
		if cur.PasswordHash != next.PasswordHash {
			// A new password ends every session and token made with the old one, in the
			// same transaction as the change.
			if _, err := single(ctx, tx, "user.tokens.delete", map[string]any{"username": c.Username}); err != nil {
				return nil, err
			}
		}
		return next, nil
	})
	if err != nil {
		return nil, err
	}
	return v.(*graph.User), nil
}

// DeleteUser implements graph.UserStore.
func (s *Store) DeleteUser(ctx context.Context, username string) error {
	_, err := s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		rec, err := single(ctx, tx, "user.delete", map[string]any{"username": username})
		if err != nil {
			return nil, err
		}
		if n, _, _ := neo4j.GetRecordValue[int64](rec, "deleted"); n == 0 {
			return nil, graph.Errorf(graph.ENOTFOUND, "user %q does not exist", username)
		}
		return nil, nil
	})
	return err
}

// ListUsers implements graph.UserStore.
func (s *Store) ListUsers(ctx context.Context) ([]*graph.User, error) {
	v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		var users []*graph.User
		err := collect(ctx, tx, "user.list", nil, func(rec *neo4j.Record) error {
			u, err := userFromRecord(rec)
			users = append(users, u)
			return err
		})
		return users, err
	})
	if err != nil {
		return nil, err
	}
	users, _ := v.([]*graph.User)
	return users, nil
}

// CreateToken implements graph.UserStore.
func (s *Store) CreateToken(ctx context.Context, t *graph.Token) error {
	if err := t.Validate(); err != nil {
		return err
	}
	props, err := structToProps(t)
	if err != nil {
		return err
	}
	_, err = s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		rec, err := single(ctx, tx, "token.create", map[string]any{"username": t.Username, "props": props})
		if err != nil {
			return nil, err
		}
		if n, _, _ := neo4j.GetRecordValue[int64](rec, "created"); n == 0 {
			return nil, graph.Errorf(graph.ENOTFOUND, "user %q does not exist", t.Username)
		}
		return nil, nil
	})
	return err
}

func tokenFromRecord(rec *neo4j.Record) (*graph.Token, error) {
	props, _, err := neo4j.GetRecordValue[map[string]any](rec, "props")
	if err != nil {
		return nil, err
	}
	t := new(graph.Token)
	return t, propsToStruct(props, t)
}

// TokenByHash implements graph.UserStore.
func (s *Store) TokenByHash(ctx context.Context, hash string) (*graph.Token, error) {
	v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		res, err := query(ctx, tx, "token.by_hash", map[string]any{"hash": hash})
		if err != nil {
			return nil, err
		}
		if !res.Next(ctx) {
			if err := res.Err(); err != nil {
				return nil, err
			}
			return nil, graph.Errorf(graph.ENOTFOUND, "no such token")
		}
		return tokenFromRecord(res.Record())
	})
	if err != nil {
		return nil, err
	}
	return v.(*graph.Token), nil
}

// ListTokens implements graph.UserStore.
func (s *Store) ListTokens(ctx context.Context, username string) ([]*graph.Token, error) {
	v, err := s.read(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		var out []*graph.Token
		err := collect(ctx, tx, "token.list", map[string]any{"username": username}, func(rec *neo4j.Record) error {
			t, err := tokenFromRecord(rec)
			out = append(out, t)
			return err
		})
		return out, err
	})
	if err != nil {
		return nil, err
	}
	out, _ := v.([]*graph.Token)
	return out, nil
}

// DeleteToken implements graph.UserStore.
func (s *Store) DeleteToken(ctx context.Context, id string) error {
	_, err := s.write(ctx, func(tx neo4j.ManagedTransaction) (any, error) {
		rec, err := single(ctx, tx, "token.delete", map[string]any{"id": id})
		if err != nil {
			return nil, err
		}
		if n, _, _ := neo4j.GetRecordValue[int64](rec, "deleted"); n == 0 {
			return nil, graph.Errorf(graph.ENOTFOUND, "token %q does not exist", id)
		}
		return nil, nil
	})
	return err
}
