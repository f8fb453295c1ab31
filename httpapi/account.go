package httpapi

import (
	"net/http"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

type passwordChangeRequest struct {
	CurrentPassword *string `json:"current_password"`
	NewPassword     *string `json:"new_password"`
}

type passwordChangeResponse struct {
	User userView `json:"user"`
	// Token, ExpiresAt and CSRFToken describe the new session that replaces the one the
	// change was made with; absent when it was made with an API token, which ends too.
	Token     string     `json:"token,omitempty"`
	ExpiresAt *time.Time `json:"expires_at,omitempty"`
	CSRFToken string     `json:"csrf_token,omitempty"`
}

// handlePasswordChange serves PUT /api/v1/auth/me/password {"current_password",
// "new_password"}: the signed-in user sets a new password by proving the current one. Every
// session and API token of the user ends (the store does that with the change); a browser
// session making the change is replaced by a new one, so its user stays signed in there.
// Wrong current passwords are throttled like sign-ins.
func (s *Server) handlePasswordChange(w http.ResponseWriter, r *http.Request) {
	p, ok := s.requireUser(w, r)
	if !ok {
		return
	}
	var req passwordChangeRequest
	if err := decodeJSON(w, r, &req, maxBody); err != nil {
		s.writeError(w, r, err)
		return
	}
	var probs problemsList
	if req.CurrentPassword == nil || *req.CurrentPassword == "" {
		probs.add("current_password", "is required")
	}
	if req.NewPassword == nil || *req.NewPassword == "" {
		probs.add("new_password", "is required")
	}
	if err := probs.err("password change"); err != nil {
		s.writeError(w, r, err)
		return
	}
	current, next := *req.CurrentPassword, *req.NewPassword
	att, ok := s.beginAttempt(w, r, p.user.Username)
	if !ok {
		return
	}
	u, err := s.store.GetUser(r.Context(), p.user.Username)
	if err != nil {
		att.succeeded()
		s.writeError(w, r, err)
		return
	}
	if !CheckPassword(u.PasswordHash, current) {
		s.writeError(w, r, &graph.Error{Code: graph.EFORBIDDEN, Message: "the current password is wrong",
			Fields: []graph.FieldError{{Field: "current_password", Message: "is wrong"}}})
		return
	}
	att.succeeded()
	if next == current {
		s.writeError(w, r, invalid("new_password", "must differ from the current password"))
		return
	}
	if err := CheckNewPassword("new_password", next, u.Username); err != nil {
		s.writeError(w, r, err)
		return
	}
	if u.PasswordHash, err = HashPassword(next); err != nil {
		s.writeError(w, r, err)
		return
	}
	out, err := s.store.UpdateUser(r.Context(), u, u.Version)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	resp := passwordChangeResponse{User: viewUser(out)}
	w.Header().Set("Cache-Control", "no-store")
	if p.token.Session {
		secret, csrf, expires, err := s.startSession(w, r, out.Username)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		resp.Token, resp.CSRFToken, resp.ExpiresAt = secret, csrf, &expires
	} else {
		clearCookies(w, r)
	}
	writeJSON(w, http.StatusOK, resp)
}
