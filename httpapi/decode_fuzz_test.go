package httpapi

import (
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// FuzzDecodeJSON feeds arbitrary bodies to the request decoder: it never panics, and every
// rejection is a client error that names a field.
func FuzzDecodeJSON(f *testing.F) {
	for _, seed := range []string{
		`{"username":"erika","password":"x"}`, `{"name":"Skript","expires_in_days":30}`, ``, `{`, `[]`, `null`,
		`{"username":5}`, `{"extra":true}`, `{"a":"b"} {"c":"d"}`, `"\u0000"`, `{"expires_in_days":1e999}`,
		`{"username":"` + strings.Repeat("ä", 100) + `"}`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		for _, dst := range []any{&loginRequest{}, &tokenRequest{}} {
			r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
			r.Header.Set("Content-Type", "application/json")
			err := decodeJSON(httptest.NewRecorder(), r, dst, 4096)
			if err == nil {
				continue
			}
			var se *statusError
			if errors.As(err, &se) {
				if se.field == "" || se.status < 400 || se.status >= 500 {
					t.Fatalf("status error %+v", se)
				}
				continue
			}
			if graph.ErrorCode(err) != graph.EINVALID || len(graph.FieldErrors(err)) == 0 || graph.FieldErrors(err)[0].Field == "" {
				t.Fatalf("body %q: error %v does not name a field", body, err)
			}
		}
	})
}
