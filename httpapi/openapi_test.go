package httpapi

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
	"github.com/gorilla/mux"
	"github.com/rs/zerolog"
)

var (
	specOnce   sync.Once
	specRouter routers.Router
	specErr    error
)

// spec loads the served OpenAPI document with kin-openapi and validates it.
func spec(t *testing.T) routers.Router {
	t.Helper()
	specOnce.Do(func() {
		loader := openapi3.NewLoader()
		doc, err := loader.LoadFromData(openAPI())
		if err != nil {
			specErr = err
			return
		}
		if err := doc.Validate(context.Background()); err != nil {
			specErr = err
			return
		}
		doc.Servers = openapi3.Servers{{URL: "/"}}
		specRouter, specErr = gorillamux.NewRouter(doc)
	})
	if specErr != nil {
		t.Fatalf("OpenAPI document: %v", specErr)
	}
	return specRouter
}

// checkResponse reports a response that does not match the OpenAPI document.
func checkResponse(t *testing.T, req *http.Request, resp *http.Response, body []byte) {
	t.Helper()
	spec(t)
	if err := validateResponse(req, resp, body); err != nil {
		t.Errorf("%s %s → %d: %v", req.Method, req.URL.Path, resp.StatusCode, err)
	}
}

// validateResponse checks a response against the document: the route must be documented
// and status, headers and body must match it.
func validateResponse(req *http.Request, resp *http.Response, body []byte) error {
	r := req.Clone(context.Background())
	r.URL.Scheme, r.URL.Host, r.Host = "", "", ""
	route, params, err := specRouter.FindRoute(r)
	if err != nil {
		return fmt.Errorf("not in the OpenAPI document: %w", err)
	}
	in := &openapi3filter.RequestValidationInput{Request: r, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: resp.StatusCode, Header: resp.Header,
		Body: io.NopCloser(bytes.NewReader(body)), Options: &openapi3filter.Options{IncludeResponseStatus: true}}
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		return fmt.Errorf("does not match the OpenAPI document: %w", err)
	}
	return nil
}

// TestOpenAPICoversRoutes fails when the router serves a route the document does not describe.
func TestOpenAPICoversRoutes(t *testing.T) {
	spec(t)
	doc, _ := openapi3.NewLoader().LoadFromData(openAPI())
	s := New(Config{Store: newFixture(t).store, Log: zerolog.New(io.Discard)})
	n := 0
	err := s.router.Walk(func(route *mux.Route, _ *mux.Router, _ []*mux.Route) error {
		tpl, err := route.GetPathTemplate()
		if err != nil {
			return nil // the web app's catch-all has no template
		}
		methods, _ := route.GetMethods()
		for _, m := range methods {
			if m == http.MethodHead {
				continue
			}
			item := doc.Paths.Find(tpl)
			if item == nil || item.GetOperation(m) == nil {
				t.Errorf("%s %s is served but not in the OpenAPI document", m, tpl)
			}
			n++
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n < 60 {
		t.Fatalf("only %d routes walked", n)
	}
	t.Logf("%d routes, all documented", n)
}

func TestOpenAPIServed(t *testing.T) {
	f := newFixture(t)
	resp, err := http.Get(f.srv.URL + "/api/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), `"openapi": "3.1.0"`) {
		t.Fatalf("openapi.json: %d %.100s", resp.StatusCode, body)
	}
}

// TestOpenAPIValidationBites: the response check rejects what the document does not allow,
// so passing handler tests mean something.
func TestOpenAPIValidationBites(t *testing.T) {
	spec(t)
	req, _ := http.NewRequest("GET", "/api/v1/measures/msr_01JBZZZZZZZZZZZZZZZZZZZZZZ", nil)
	for name, c := range map[string]struct {
		status int
		ct     string
		body   string
	}{
		"unknown field":          {200, "application/json", `{"id":"x","title":"t","colour":"red"}`},
		"wrong type":             {200, "application/json", `{"id":"x","capacity":"many"}`},
		"not in enum":            {200, "application/json", `{"id":"x","status":"running"}`},
		"undocumented status":    {418, "application/json", `{}`},
		"problem without status": {404, "application/problem+json", `{"type":"x","title":"y"}`},
	} {
		resp := &http.Response{StatusCode: c.status, Header: http.Header{"Content-Type": {c.ct}, "Etag": {`"1"`}}}
		err := validateResponse(req, resp, []byte(c.body))
		if err == nil {
			t.Errorf("%s: the invalid response passed the check", name)
		}
	}
}
