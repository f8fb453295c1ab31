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

// UserStore keeps the users who sign in.
type UserStore interface {
	// CreateUser stores a new user (ECONFLICT when the name is taken).
	CreateUser(ctx context.Context, u *User) (*User, error)
	// GetUser returns a user by name, or ENOTFOUND.
	GetUser(ctx context.Context, username string) (*User, error)
	// UpdateUser replaces a user after checking the version.
	UpdateUser(ctx context.Context, u *User, expectedVersion int64) (*User, error)
	// DeleteUser removes a user, or returns ENOTFOUND.
	DeleteUser(ctx context.Context, username string) error
	// ListUsers returns all users ordered by name.
	ListUsers(ctx context.Context) ([]*User, error)
}
