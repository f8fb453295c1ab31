package graph

import (
	"context"
	"fmt"
	"maps"
	"strings"
	"time"
)

// Role is a user's permission level in one region.
type Role string

// Roles, from least to most permitted.
const (
	// RoleViewer reads public data only; never sees actors' contact data.
	RoleViewer Role = "viewer"
	// RoleMember reads the region's internal directory and edits its own organisation.
	RoleMember Role = "member"
	// RoleCoordinator edits everything in the region, reviews duplicates, sees contact data.
	RoleCoordinator Role = "coordinator"
	// RoleAdmin also manages users and settings.
	RoleAdmin Role = "admin"
)

// Roles lists the roles in ascending order of permission.
var Roles = []Role{RoleViewer, RoleMember, RoleCoordinator, RoleAdmin}

// Rank orders roles: a higher rank may do everything a lower one may; unknown roles rank -1.
func (r Role) Rank() int {
	for i, x := range Roles {
		if x == r {
			return i
		}
	}
	return -1
}

// User is a person who signs in.
type User struct {
	// Username is the sign-in name (lower case letters, digits, . _ - @).
	Username string `json:"username"`
	// PasswordHash is the encoded password hash; it never leaves the service.
	PasswordHash string `json:"password_hash,omitempty"`
	// Admin users administer every region.
	Admin bool `json:"admin"`
	// Roles maps region keys to the user's role there.
	Roles map[string]Role `json:"roles,omitempty"`
	// Organisation is the organisation a member may edit.
	Organisation string `json:"organisation,omitempty"`
	// Version counts writes, for optimistic concurrency.
	Version int64 `json:"version"`
	// CreatedAt is when the user was created.
	CreatedAt time.Time `json:"created_at"`
	// UpdatedAt is when the user was last changed.
	UpdatedAt time.Time `json:"updated_at"`
}

// Clone returns a deep copy.
func (u *User) Clone() *User {
	c := *u
	c.Roles = maps.Clone(u.Roles)
	return &c
}

// Validate checks the user's fields.
func (u *User) Validate() error {
	var p problems
	u.Username = strings.ToLower(strings.TrimSpace(u.Username))
	if len(u.Username) < 2 || len(u.Username) > 64 || strings.Trim(u.Username, "abcdefghijklmnopqrstuvwxyz0123456789._-@") != "" {
		p.add("username", "must be 2 to 64 characters of a-z, 0-9, . _ - @")
	}
	if u.PasswordHash == "" {
		p.add("password", "is required")
	}
	for region, role := range u.Roles {
		p.regionKey(fmt.Sprintf("roles[%s]", region), region, true)
		if role.Rank() < 0 {
			p.add(fmt.Sprintf("roles[%s]", region), "%q is not a role; use viewer, member, coordinator or admin", role)
		}
	}
	if u.Organisation != "" {
		if k, ok := KindOfID(u.Organisation); !ok || k != KindOrganisation {
			p.add("organisation", "%q is not an organisation id", u.Organisation)
		}
	}
	return p.err("user")
}

// Token is a credential: a browser session or an API token for scripts. Only a hash of the
// secret is stored; the secret itself is shown once, when the token is made.
type Token struct {
	// ID identifies the token for listing and revoking ("tok_…"); it is not the secret.
	ID string `json:"id"`
	// Hash is the SHA-256 of the secret, hex-encoded.
	Hash string `json:"hash"`
	// Username is the token's owner.
	Username string `json:"username"`
	// Name describes the token, e.g. "browser session" or "Import-Skript".
	Name string `json:"name"`
	// Session is true for browser sessions (cookie), false for API tokens (bearer).
	Session bool `json:"session"`
	// CreatedAt is when the token was made.
	CreatedAt time.Time `json:"created_at"`
	// ExpiresAt is when the token stops working.
	ExpiresAt time.Time `json:"expires_at"`
}

// Validate checks a token before it is stored.
func (t *Token) Validate() error {
	var p problems
	if !strings.HasPrefix(t.ID, "tok_") || !validULID(strings.TrimPrefix(t.ID, "tok_")) {
		p.add("id", "is not a token id")
	}
	if len(t.Hash) != 64 || strings.Trim(t.Hash, "0123456789abcdef") != "" {
		p.add("hash", "must be a hex SHA-256")
	}
	p.required("username", t.Username)
	if p.required("name", strings.TrimSpace(t.Name)) {
		p.maxLen("name", t.Name, MaxShort)
	}
	if !t.ExpiresAt.After(t.CreatedAt) {
		p.add("expires_at", "must lie after created_at")
	}
	return p.err("token")
}

// UserStore keeps the users who sign in.
type UserStore interface {
	// CreateUser stores a new user (ECONFLICT when the name is taken).
	CreateUser(ctx context.Context, u *User) (*User, error)
	// GetUser returns a user by name, or ENOTFOUND.
	GetUser(ctx context.Context, username string) (*User, error)
	// UpdateUser replaces a user after checking the version. When the password hash
	// changes, every token of the user (sessions and API tokens) is deleted in the same
	// transaction: a changed or reset password ends all sign-ins made with the old one.
	UpdateUser(ctx context.Context, u *User, expectedVersion int64) (*User, error)
	// DeleteUser removes a user and their tokens, or returns ENOTFOUND.
	DeleteUser(ctx context.Context, username string) error
	// ListUsers returns all users ordered by name.
	ListUsers(ctx context.Context) ([]*User, error)

	// CreateToken stores a token of an existing user.
	CreateToken(ctx context.Context, t *Token) error
	// TokenByHash returns the token with this secret hash, or ENOTFOUND (expired ones too).
	TokenByHash(ctx context.Context, hash string) (*Token, error)
	// ListTokens returns a user's tokens, newest first.
	ListTokens(ctx context.Context, username string) ([]*Token, error)
	// DeleteToken revokes a token by id, or returns ENOTFOUND.
	DeleteToken(ctx context.Context, id string) error
}
