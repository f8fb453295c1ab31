package httpapi

import (
	"encoding/json"
	"fmt"
	"net/http"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// problem is an RFC 9457 problem document.
type problem struct {
	Type     string             `json:"type"`
	Title    string             `json:"title"`
	Status   int                `json:"status"`
	Detail   string             `json:"detail,omitempty"`
	Instance string             `json:"instance,omitempty"`
	Errors   []graph.FieldError `json:"errors,omitempty"`
	// CurrentVersion is set on version conflicts so a client can reload.
	CurrentVersion int64 `json:"current_version,omitempty"`
	// RequestID lets a user quote the request to an administrator.
	RequestID string `json:"request_id,omitempty"`
}

// statusOf maps domain error codes to HTTP status codes.
var statusOf = map[string]int{
	graph.EINVALID:      http.StatusBadRequest,
	graph.ENOTFOUND:     http.StatusNotFound,
	graph.ECONFLICT:     http.StatusConflict,
	graph.EUNAUTHORIZED: http.StatusUnauthorized,
	graph.EFORBIDDEN:    http.StatusForbidden,
	graph.EUNAVAILABLE:  http.StatusServiceUnavailable,
	graph.EINTERNAL:     http.StatusInternalServerError,
}

// writeError answers with the problem document for err. Internal errors are logged with
// their details and reach the client only as "internal error".
func (s *Server) writeError(w http.ResponseWriter, r *http.Request, err error) {
	code := graph.ErrorCode(err)
	status := statusOf[code]
	if status == 0 {
		status = http.StatusInternalServerError
	}
	if status >= 500 {
		s.log.Error().Err(err).Str("request_id", requestID(r.Context())).Str("path", r.URL.Path).Msg("request failed")
	}
	p := problem{
		Type:      "https://netzwerkatlas.example/problems/" + code,
		Title:     http.StatusText(status),
		Status:    status,
		Detail:    graph.ErrorMessage(err),
		Instance:  r.URL.Path,
		Errors:    graph.FieldErrors(err),
		RequestID: requestID(r.Context()),
	}
	if ge, ok := err.(*graph.Error); ok {
		p.CurrentVersion = ge.Current
	}
	writeProblem(w, p)
}

func writeProblem(w http.ResponseWriter, p problem) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(p.Status)
	_ = json.NewEncoder(w).Encode(p)
}

// invalid builds an EINVALID error naming one field (usually a query parameter).
func invalid(field, format string, args ...any) error {
	msg := fmt.Sprintf(format, args...)
	return &graph.Error{Code: graph.EINVALID, Message: "invalid " + field + ": " + msg,
		Fields: []graph.FieldError{{Field: field, Message: msg}}}
}

func (s *Server) handleNotFound(w http.ResponseWriter, r *http.Request) {
	s.writeError(w, r, graph.Errorf(graph.ENOTFOUND, "there is no resource at %s", r.URL.Path))
}

func (s *Server) handleMethodNotAllowed(w http.ResponseWriter, r *http.Request) {
	writeProblem(w, problem{Type: "https://netzwerkatlas.example/problems/method_not_allowed", Title: http.StatusText(http.StatusMethodNotAllowed),
		Status: http.StatusMethodNotAllowed, Detail: r.Method + " is not supported on " + r.URL.Path, Instance: r.URL.Path, RequestID: requestID(r.Context())})
}

// writeJSON answers with v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
