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
		// Nested beyond the bound, in arrays, objects and a field; brackets inside a string.
		strings.Repeat("[", maxJSONDepth+1) + strings.Repeat("]", maxJSONDepth+1),
		strings.Repeat(`{"a":`, maxJSONDepth+1) + "1" + strings.Repeat("}", maxJSONDepth+1),
		`{"username":` + strings.Repeat("[", 5000) + `}`,
		`{"username":"` + strings.Repeat("[", 100) + `","password":"\"[{"}`,
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

// FuzzDecodeEntity decodes arbitrary bodies as every node kind and validates what decodes:
// no panic, and every rejection — by the decoder or by validation — names a field.
func FuzzDecodeEntity(f *testing.F) {
	for _, seed := range []string{
		`{"title":"Sprachcafé","region":"05562","status":"active","level":"operational","languages":["de","ar"]}`,
		`{"id":"05562004","name":"Marl","region":"05562","geometry":{"type":"Polygon","coordinates":[[[7,51],[7.1,51],[7,51.1],[7,51]]]}}`,
		`{"name":"Quote","region":"05562","values":[{"municipality":"05562004","year":2024,"value":1.5}]}`,
		`{"name":"x","region":"05562","kind":"club","lat":91,"lon":7}`,
		`{"geometry":{"type":"Polygon","coordinates":[[[1e400]]]}}`,
		`{"starts":"2025-13-45","ends":"x"}`, `{"cost":-1}`, `{"visibility":"secret"}`,
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, body string) {
		for _, ki := range graph.Kinds {
			r := httptest.NewRequest(http.MethodPost, "/", strings.NewReader(body))
			e, err := decodeEntity(httptest.NewRecorder(), r, ki.Kind)
			if err == nil {
				err = graph.Prepare(e)
			}
			if err == nil {
				continue
			}
			var se *statusError
			if errors.As(err, &se) {
				continue
			}
			fields := graph.FieldErrors(err)
			if graph.ErrorCode(err) != graph.EINVALID || len(fields) == 0 {
				t.Fatalf("%s from %q: %v names no field", ki.Kind, body, err)
			}
			for _, fe := range fields {
				if fe.Field == "" || fe.Message == "" {
					t.Fatalf("%s from %q: empty field error %+v", ki.Kind, body, fe)
				}
			}
		}
	})
}
