package httpapi

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"

	"github.com/netzwerkatlas/netzwerkatlas/exchange"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/msg"
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
	p := s.problemOf(err, readerLang(r), r.URL.Path, requestID(r.Context()))
	w.Header().Set("Vary", "Accept-Language")
	writeProblem(w, p)
}

// problemOf is the problem document of a domain error in lang; internal errors are logged
// with their details.
func (s *Server) problemOf(err error, lang msg.Lang, instance, reqID string) problem {
	var se *statusError
	if errors.As(err, &se) {
		text := se.msg
		if se.format != "" {
			text = msg.For(lang).Format(se.format, se.args...)
		}
		return problem{Type: problemType("invalid"), Title: http.StatusText(se.status), Status: se.status,
			Detail: se.field + " " + text, Instance: instance, Errors: []graph.FieldError{{Field: se.field, Message: text}},
			RequestID: reqID}
	}
	var le *exchange.LimitError
	if errors.As(err, &le) {
		// An import beyond the bounds it is read within (size, packing ratio, cells, rows).
		text := msg.For(lang).Format(le.Format, le.Args...)
		where := cmpOr(le.Where(), "body")
		return problem{Type: problemType("too_large"), Title: http.StatusText(http.StatusRequestEntityTooLarge),
			Status: http.StatusRequestEntityTooLarge, Detail: where + ": " + text, Instance: instance,
			Errors: []graph.FieldError{{Field: where, Message: text}}, RequestID: reqID}
	}
	code := graph.ErrorCode(err)
	status := statusOf[code]
	if status == 0 {
		status = http.StatusInternalServerError
	}
	if status >= 500 {
		s.log.Error().Err(err).Str("request_id", reqID).Str("path", instance).Msg("request failed")
	}
	p := problem{
		Type:      problemType(code),
		Title:     http.StatusText(status),
		Status:    status,
		Detail:    graph.ErrorMessage(err),
		Instance:  instance,
		Errors:    graph.FieldErrors(err),
		RequestID: reqID,
	}
	var ge *graph.Error
	if errors.As(err, &ge) {
		p.CurrentVersion = ge.Current
		localize(&p, ge, lang)
	}
	return p
}

// localize puts a problem's sentences into the reader's language (German unless English is
// preferred): the detail and each field's message from the formats they were made from, in
// the catalogue's words (msg/catalogue/problems.json). English keeps the messages as written.
func localize(p *problem, ge *graph.Error, lang msg.Lang) {
	if lang == msg.EN {
		return
	}
	pr := msg.For(lang)
	if ge.Format != "" {
		p.Detail = pr.Format(ge.Format, ge.Args...)
	} else {
		p.Detail = pr.Literal(ge.Message)
	}
	if len(p.Errors) == 0 {
		return
	}
	fields := make([]graph.FieldError, len(p.Errors))
	for i, f := range p.Errors {
		fields[i] = f
		if f.Format != "" {
			fields[i].Message = pr.Format(f.Format, f.Args...)
		} else {
			fields[i].Message = pr.Literal(f.Message)
		}
	}
	p.Errors = fields
}

func writeProblem(w http.ResponseWriter, p problem) {
	w.Header().Set("Content-Type", "application/problem+json")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(p.Status)
	_ = json.NewEncoder(w).Encode(p)
}

// invalid builds an EINVALID error naming one field (usually a query parameter).
func invalid(field, format string, args ...any) error {
	text := fmt.Sprintf(format, args...)
	return &graph.Error{Code: graph.EINVALID, Message: "invalid " + field + ": " + text,
		Format: "invalid %s: check %s", Args: []any{field, field},
		Fields: []graph.FieldError{{Field: field, Message: text, Format: format, Args: args}}}
}

func (s *Server) handleNotFound(w http.ResponseWriter, r *http.Request) {
	s.writeError(w, r, graph.Errorf(graph.ENOTFOUND, "there is no resource at %s", r.URL.Path))
}

func (s *Server) handleMethodNotAllowed(w http.ResponseWriter, r *http.Request) {
	writeProblem(w, problem{Type: problemType("method_not_allowed"), Title: http.StatusText(http.StatusMethodNotAllowed),
		Status: http.StatusMethodNotAllowed, Detail: r.Method + " is not supported on " + r.URL.Path, Instance: r.URL.Path, RequestID: requestID(r.Context())})
}

// problemType is the type URI of a problem; the documentation of each lives in the OpenAPI
// document.
func problemType(code string) string { return "https://netzwerkatlas.example/problems/" + code }

// writeJSON answers with v as JSON.
func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
