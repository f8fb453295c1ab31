package httpapi

import (
	"net/http"
	"strings"

	"github.com/gorilla/mux"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// registerUserRoutes adds user administration (admins only).
func (s *Server) registerUserRoutes(r *mux.Router) {
	r.HandleFunc(apiPrefix+"/users", s.handleUserList).Methods(http.MethodGet)
	r.HandleFunc(apiPrefix+"/users", s.handleUserCreate).Methods(http.MethodPost)
	r.HandleFunc(apiPrefix+"/users/{username}", s.handleUserPatch).Methods(http.MethodPatch)
	r.HandleFunc(apiPrefix+"/users/{username}", s.handleUserDelete).Methods(http.MethodDelete)
}

// userAdminView is a user as administrators see it (never the password hash).
type userAdminView struct {
	userView
	Version int64 `json:"version"`
}

func adminView(u *graph.User) userAdminView { return userAdminView{viewUser(u), u.Version} }

// requireAdmin answers 401/403 unless the caller is an admin.
func (s *Server) requireAdmin(w http.ResponseWriter, r *http.Request) bool {
	p, ok := s.requireUser(w, r)
	if !ok {
		return false
	}
	if !p.user.Admin {
		s.writeError(w, r, &graph.Error{Code: graph.EFORBIDDEN, Message: "user administration is for admins"})
		return false
	}
	return true
}

// handleUserList serves GET /api/v1/users.
func (s *Server) handleUserList(w http.ResponseWriter, r *http.Request) {
	if !s.requireAdmin(w, r) {
		return
	}
	users, err := s.store.ListUsers(r.Context())
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out := make([]userAdminView, 0, len(users))
	for _, u := range users {
		out = append(out, adminView(u))
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": out, "total": len(out)})
}

type userRequest struct {
	Username     *string               `json:"username"`
	Password     *string               `json:"password"`
	Admin        *bool                 `json:"admin"`
	Roles        map[string]graph.Role `json:"roles"`
	Organisation *string               `json:"organisation"`
}

// handleUserCreate serves POST /api/v1/users {username, password?, admin, roles,
// organisation}: without a password one is generated and returned once.
func (s *Server) handleUserCreate(w http.ResponseWriter, r *http.Request) {
	if !s.requireAdmin(w, r) {
		return
	}
	var req userRequest
	if err := decodeJSON(w, r, &req, maxBody); err != nil {
		s.writeError(w, r, err)
		return
	}
	u := &graph.User{Roles: req.Roles}
	if req.Username != nil {
		u.Username = *req.Username
	}
	if req.Admin != nil {
		u.Admin = *req.Admin
	}
	if req.Organisation != nil {
		u.Organisation = strings.TrimSpace(*req.Organisation)
	}
	pw, generated := RandomPassword(), true
	if req.Password != nil {
		if err := CheckNewPassword("password", *req.Password, u.Username); err != nil {
			s.writeError(w, r, err)
			return
		}
		pw, generated = *req.Password, false
	}
	hash, err := HashPassword(pw)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	u.PasswordHash = hash
	out, err := s.store.CreateUser(r.Context(), u)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	body := map[string]any{"user": adminView(out)}
	if generated {
		body["password"] = pw
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusCreated, body)
}

// handleUserPatch serves PATCH /api/v1/users/{username} with If-Match: change admin, roles
// (replaced as a whole), organisation or password. A new password ends every session and API
// token of the user.
func (s *Server) handleUserPatch(w http.ResponseWriter, r *http.Request) {
	if !s.requireAdmin(w, r) {
		return
	}
	version, ok := s.requireIfMatch(w, r)
	if !ok {
		return
	}
	var req userRequest
	if err := decodeJSON(w, r, &req, maxBody); err != nil {
		s.writeError(w, r, err)
		return
	}
	u, err := s.store.GetUser(r.Context(), mux.Vars(r)["username"])
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	if req.Username != nil && *req.Username != u.Username {
		s.writeError(w, r, invalid("username", "cannot be changed; create a new user instead"))
		return
	}
	if req.Admin != nil {
		u.Admin = *req.Admin
	}
	if req.Roles != nil {
		u.Roles = req.Roles
	}
	if req.Organisation != nil {
		u.Organisation = strings.TrimSpace(*req.Organisation)
	}
	if req.Password != nil {
		// A reset: the store ends every session and token of the user with the old password.
		if err := CheckNewPassword("password", *req.Password, u.Username); err != nil {
			s.writeError(w, r, err)
			return
		}
		if u.PasswordHash, err = HashPassword(*req.Password); err != nil {
			s.writeError(w, r, err)
			return
		}
	}
	out, err := s.store.UpdateUser(r.Context(), u, version)
	if err != nil {
		s.writeVersionError(w, r, err)
		return
	}
	w.Header().Set("ETag", etag(out.Version))
	writeJSON(w, http.StatusOK, adminView(out))
}

// handleUserDelete serves DELETE /api/v1/users/{username}; the user's sessions and tokens
// end with it. Admins cannot delete themselves, so that one admin always remains.
func (s *Server) handleUserDelete(w http.ResponseWriter, r *http.Request) {
	if !s.requireAdmin(w, r) {
		return
	}
	name := mux.Vars(r)["username"]
	if name == principalFrom(r.Context()).user.Username {
		s.writeError(w, r, graph.Errorf(graph.ECONFLICT, "you cannot delete yourself"))
		return
	}
	if err := s.store.DeleteUser(r.Context(), name); err != nil {
		s.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
