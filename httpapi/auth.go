package httpapi

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"net"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/mux"
	"golang.org/x/text/unicode/norm"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Sign-in. Browsers get a session in an HttpOnly, SameSite=Strict cookie (Secure over HTTPS,
// see secureRequest) and a CSRF
// token in a readable cookie that unsafe requests must echo in X-CSRF-Token (double submit);
// scripts send "Authorization: Bearer <token>". Only the SHA-256 of a token is stored.
const (
	sessionCookie  = "nwa_session"
	csrfCookie     = "nwa_csrf"
	csrfHeader     = "X-CSRF-Token"
	sessionTTL     = 12 * time.Hour
	maxTokenTTL    = 366 * 24 * time.Hour
	defaultAPITTL  = 90 * 24 * time.Hour
	tokenSecretLen = 32
)

// registerAuthRoutes adds sign-in, sign-out, the current user and API tokens.
func (s *Server) registerAuthRoutes(r *mux.Router) {
	r.HandleFunc(apiPrefix+"/auth/login", s.handleLogin).Methods(http.MethodPost)
	r.HandleFunc(apiPrefix+"/auth/logout", s.handleLogout).Methods(http.MethodPost)
	r.HandleFunc(apiPrefix+"/auth/me", s.handleMe).Methods(http.MethodGet)
	r.HandleFunc(apiPrefix+"/auth/me/password", s.handlePasswordChange).Methods(http.MethodPut)
	r.HandleFunc(apiPrefix+"/auth/tokens", s.handleTokenList).Methods(http.MethodGet)
	r.HandleFunc(apiPrefix+"/auth/tokens", s.handleTokenCreate).Methods(http.MethodPost)
	r.HandleFunc(apiPrefix+"/auth/tokens/{id}", s.handleTokenDelete).Methods(http.MethodDelete)
}

// principal is who is calling.
type principal struct {
	user  *graph.User
	token *graph.Token
	// cookie is true when the session came in a cookie (CSRF rules apply).
	cookie bool
}

type principalKey struct{}

func principalFrom(ctx context.Context) *principal {
	p, _ := ctx.Value(principalKey{}).(*principal)
	return p
}

// newSecret returns a random token secret and the hex SHA-256 that is stored.
func newSecret() (secret, hash string) {
	b := make([]byte, tokenSecretLen)
	_, _ = rand.Read(b)
	secret = base64.RawURLEncoding.EncodeToString(b)
	return secret, hashSecret(secret)
}

func hashSecret(secret string) string {
	sum := sha256.Sum256([]byte(secret))
	return hex.EncodeToString(sum[:])
}

// authenticate resolves the caller's credentials into a principal on the request context.
// Missing credentials mean anonymous; bad or expired ones are 401, so that a script notices.
// Cookie sessions must echo the CSRF token on unsafe methods.
func (s *Server) authenticate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		secret, fromCookie := "", false
		if h := r.Header.Get("Authorization"); h != "" {
			scheme, tok, ok := strings.Cut(h, " ")
			if !ok || !strings.EqualFold(scheme, "Bearer") || tok == "" {
				s.writeError(w, r, &graph.Error{Code: graph.EUNAUTHORIZED, Message: "the Authorization header must be \"Bearer <token>\""})
				return
			}
			secret = strings.TrimSpace(tok)
		} else if c, err := r.Cookie(sessionCookie); err == nil && c.Value != "" {
			secret, fromCookie = c.Value, true
		}
		if secret == "" {
			next.ServeHTTP(w, r)
			return
		}
		p, err := s.resolve(r.Context(), secret)
		if err != nil {
			if fromCookie && graph.ErrorCode(err) == graph.EUNAUTHORIZED {
				clearCookies(w, r) // a stale session: carry on anonymous, tell the browser to forget it
				next.ServeHTTP(w, r)
				return
			}
			s.writeError(w, r, err)
			return
		}
		p.cookie = fromCookie
		if fromCookie && !safeMethod(r.Method) {
			c, err := r.Cookie(csrfCookie)
			h := r.Header.Get(csrfHeader)
			if err != nil || h == "" || subtle.ConstantTimeCompare([]byte(c.Value), []byte(h)) != 1 {
				s.writeError(w, r, &graph.Error{Code: graph.EFORBIDDEN, Message: "missing or wrong " + csrfHeader + " header: send the value of the " + csrfCookie + " cookie"})
				return
			}
		}
		ctx := graph.WithUser(context.WithValue(r.Context(), principalKey{}, p), p.user.Username)
		next.ServeHTTP(w, r.WithContext(ctx))
	})
}

func safeMethod(m string) bool {
	return m == http.MethodGet || m == http.MethodHead || m == http.MethodOptions
}

// resolve looks a secret up: its token must exist and be unexpired, its user must exist.
func (s *Server) resolve(ctx context.Context, secret string) (*principal, error) {
	unauthorized := &graph.Error{Code: graph.EUNAUTHORIZED, Message: "the token is unknown, revoked or expired; sign in again"}
	t, err := s.store.TokenByHash(ctx, hashSecret(secret))
	if graph.ErrorCode(err) == graph.ENOTFOUND {
		return nil, unauthorized
	}
	if err != nil {
		return nil, err
	}
	if !time.Now().Before(t.ExpiresAt) {
		return nil, unauthorized
	}
	u, err := s.store.GetUser(ctx, t.Username)
	if graph.ErrorCode(err) == graph.ENOTFOUND {
		return nil, unauthorized
	}
	if err != nil {
		return nil, err
	}
	return &principal{user: u, token: t}, nil
}

type loginRequest struct {
	Username string `json:"username"`
	Password string `json:"password"`
}

type userView struct {
	Username     string                `json:"username"`
	Admin        bool                  `json:"admin"`
	Roles        map[string]graph.Role `json:"roles"`
	Organisation string                `json:"organisation,omitempty"`
}

func viewUser(u *graph.User) userView {
	roles := u.Roles
	if roles == nil {
		roles = map[string]graph.Role{}
	}
	return userView{Username: u.Username, Admin: u.Admin, Roles: roles, Organisation: u.Organisation}
}

type loginResponse struct {
	Token     string    `json:"token"`
	ExpiresAt time.Time `json:"expires_at"`
	CSRFToken string    `json:"csrf_token"`
	User      userView  `json:"user"`
}

// handleLogin serves POST /api/v1/auth/login {"username","password"}: a session cookie for
// the browser and the same token in the body for scripts. Failed attempts are throttled per
// account and client (throttle.go).
func (s *Server) handleLogin(w http.ResponseWriter, r *http.Request) {
	var req loginRequest
	if err := decodeJSON(w, r, &req, maxBody); err != nil {
		s.writeError(w, r, err)
		return
	}
	var p problemsList
	if strings.TrimSpace(req.Username) == "" {
		p.add("username", "is required")
	}
	if req.Password == "" {
		p.add("password", "is required")
	}
	if err := p.err("sign-in"); err != nil {
		s.writeError(w, r, err)
		return
	}
	name := strings.ToLower(strings.TrimSpace(req.Username))
	att, ok := s.beginAttempt(w, r, name)
	if !ok {
		return
	}
	bad := &graph.Error{Code: graph.EUNAUTHORIZED, Message: "unknown user name or wrong password"}
	u, err := s.store.GetUser(r.Context(), name)
	if graph.ErrorCode(err) == graph.ENOTFOUND {
		CheckPassword(dummyHash(), req.Password) // same work whether or not the user exists
		s.writeError(w, r, bad)
		return
	}
	if err != nil {
		att.succeeded() // not the caller's fault: costs no attempt
		s.writeError(w, r, err)
		return
	}
	if !CheckPassword(u.PasswordHash, req.Password) {
		s.writeError(w, r, bad)
		return
	}
	att.succeeded()
	secret, csrf, expires, err := s.startSession(w, r, u.Username)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusOK, loginResponse{Token: secret, ExpiresAt: expires, CSRFToken: csrf, User: viewUser(u)})
}

// startSession stores a new browser session of username and sets its cookies: the session
// secret (HttpOnly) and the CSRF token the app echoes.
func (s *Server) startSession(w http.ResponseWriter, r *http.Request, username string) (secret, csrf string, expires time.Time, err error) {
	secret, hash := newSecret()
	now := time.Now().UTC().Truncate(time.Second)
	t := &graph.Token{ID: graph.NewTokenID(), Hash: hash, Username: username, Name: "browser session", Session: true, CreatedAt: now, ExpiresAt: now.Add(sessionTTL)}
	if err := s.store.CreateToken(r.Context(), t); err != nil {
		return "", "", time.Time{}, err
	}
	csrf, _ = newSecret()
	secure := secureRequest(r)
	http.SetCookie(w, &http.Cookie{Name: sessionCookie, Value: secret, Path: "/", Expires: t.ExpiresAt, HttpOnly: true, Secure: secure, SameSite: http.SameSiteStrictMode})
	http.SetCookie(w, &http.Cookie{Name: csrfCookie, Value: csrf, Path: "/", Expires: t.ExpiresAt, Secure: secure, SameSite: http.SameSiteStrictMode})
	return secret, csrf, t.ExpiresAt, nil
}

// dummyHash is checked when the user does not exist, so that timing does not tell; it is
// made on first use rather than at start-up.
var dummyHash = sync.OnceValue(func() string { h, _ := HashPassword("netzwerkatlas: no such user"); return h })

func clearCookies(w http.ResponseWriter, r *http.Request) {
	for _, name := range []string{sessionCookie, csrfCookie} {
		http.SetCookie(w, &http.Cookie{Name: name, Value: "", Path: "/", MaxAge: -1, Secure: secureRequest(r), SameSite: http.SameSiteStrictMode, HttpOnly: name == sessionCookie})
	}
}

// handleLogout serves POST /api/v1/auth/logout: the current session or token stops working.
func (s *Server) handleLogout(w http.ResponseWriter, r *http.Request) {
	p := principalFrom(r.Context())
	if p == nil {
		s.writeError(w, r, &graph.Error{Code: graph.EUNAUTHORIZED, Message: "not signed in"})
		return
	}
	if err := s.store.DeleteToken(r.Context(), p.token.ID); err != nil && graph.ErrorCode(err) != graph.ENOTFOUND {
		s.writeError(w, r, err)
		return
	}
	clearCookies(w, r)
	w.WriteHeader(http.StatusNoContent)
}

// handleMe serves GET /api/v1/auth/me: the signed-in user, or 401.
func (s *Server) handleMe(w http.ResponseWriter, r *http.Request) {
	p, ok := s.requireUser(w, r)
	if !ok {
		return
	}
	writeJSON(w, http.StatusOK, viewUser(p.user))
}

func (s *Server) requireUser(w http.ResponseWriter, r *http.Request) (*principal, bool) {
	p := principalFrom(r.Context())
	if p == nil {
		s.writeError(w, r, &graph.Error{Code: graph.EUNAUTHORIZED, Message: "sign in first (POST /api/v1/auth/login)"})
		return nil, false
	}
	return p, true
}

type tokenView struct {
	ID        string    `json:"id"`
	Name      string    `json:"name"`
	Session   bool      `json:"session"`
	CreatedAt time.Time `json:"created_at"`
	ExpiresAt time.Time `json:"expires_at"`
	Current   bool      `json:"current"`
}

// handleTokenList serves GET /api/v1/auth/tokens: the caller's sessions and API tokens.
func (s *Server) handleTokenList(w http.ResponseWriter, r *http.Request) {
	p, ok := s.requireUser(w, r)
	if !ok {
		return
	}
	ts, err := s.store.ListTokens(r.Context(), p.user.Username)
	if err != nil {
		s.writeError(w, r, err)
		return
	}
	out := make([]tokenView, 0, len(ts))
	for _, t := range ts {
		out = append(out, tokenView{ID: t.ID, Name: t.Name, Session: t.Session, CreatedAt: t.CreatedAt, ExpiresAt: t.ExpiresAt, Current: t.ID == p.token.ID})
	}
	writeJSON(w, http.StatusOK, map[string]any{"items": out, "total": len(out)})
}

type tokenRequest struct {
	Name string `json:"name"`
	// ExpiresInDays is a whole number of days, 1 to 366; absent means 90. A fraction or a
	// string is refused by the decoder, naming the field.
	ExpiresInDays *int `json:"expires_in_days"`
}

// handleTokenCreate serves POST /api/v1/auth/tokens {"name", "expires_in_days"}: a bearer
// token for scripts, shown once.
func (s *Server) handleTokenCreate(w http.ResponseWriter, r *http.Request) {
	p, ok := s.requireUser(w, r)
	if !ok {
		return
	}
	var req tokenRequest
	if err := decodeJSON(w, r, &req, maxBody); err != nil {
		s.writeError(w, r, err)
		return
	}
	ttl := defaultAPITTL
	if req.ExpiresInDays != nil {
		// Checked before multiplying: a huge number of days would overflow into a short lifetime.
		days := *req.ExpiresInDays
		if days < 1 || time.Duration(days) > maxTokenTTL/(24*time.Hour) {
			s.writeError(w, r, invalid("expires_in_days", "must be between 1 and 366"))
			return
		}
		ttl = time.Duration(days) * 24 * time.Hour
	}
	secret, hash := newSecret()
	now := time.Now().UTC().Truncate(time.Second)
	t := &graph.Token{ID: graph.NewTokenID(), Hash: hash, Username: p.user.Username, Name: norm.NFC.String(strings.TrimSpace(req.Name)), CreatedAt: now, ExpiresAt: now.Add(ttl)}
	if err := s.store.CreateToken(r.Context(), t); err != nil {
		s.writeError(w, r, err)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	writeJSON(w, http.StatusCreated, map[string]any{"id": t.ID, "name": t.Name, "token": secret, "created_at": t.CreatedAt, "expires_at": t.ExpiresAt})
}

// handleTokenDelete serves DELETE /api/v1/auth/tokens/{id}: revoke one of the caller's
// tokens (admins: anyone's).
func (s *Server) handleTokenDelete(w http.ResponseWriter, r *http.Request) {
	p, ok := s.requireUser(w, r)
	if !ok {
		return
	}
	id := mux.Vars(r)["id"]
	if !p.user.Admin {
		ts, err := s.store.ListTokens(r.Context(), p.user.Username)
		if err != nil {
			s.writeError(w, r, err)
			return
		}
		if !slices.ContainsFunc(ts, func(t *graph.Token) bool { return t.ID == id }) {
			s.writeError(w, r, graph.Errorf(graph.ENOTFOUND, "you have no token %q", id))
			return
		}
	}
	if err := s.store.DeleteToken(r.Context(), id); err != nil {
		s.writeError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

// secureRequest reports whether the request reached the service over HTTPS, directly or
// through a proxy that says so. Cookies are marked Secure then; over plain HTTP (an intranet
// address without TLS) browsers would silently drop Secure cookies and nobody could sign in —
// and there the password travels in the clear anyway. localhost counts as secure, as browsers
// treat it so.
func secureRequest(r *http.Request) bool {
	if r.TLS != nil || strings.EqualFold(r.Header.Get("X-Forwarded-Proto"), "https") {
		return true
	}
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	return host == "localhost" || host == "127.0.0.1" || host == "::1"
}
