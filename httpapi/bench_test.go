package httpapi

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/rs/zerolog"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/graph/demo"
	"github.com/netzwerkatlas/netzwerkatlas/graph/embedded"
)

// BenchmarkHandlers measures the handlers in-process on the demo data (no network, no
// load generator): what one request costs the service.
func BenchmarkHandlers(b *testing.B) {
	s, err := embedded.Open(b.TempDir(), embedded.Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	if _, err := demo.Seed(context.Background(), s, demo.Demo(), nil); err != nil {
		b.Fatal(err)
	}
	page, _ := s.List(context.Background(), graph.ListQuery{Kind: graph.KindMeasure, Filter: graph.Filter{Region: "05562"}, Limit: 1})
	id := page.Items[0].Base().ID
	h := New(Config{Store: s, Log: zerolog.New(io.Discard)}).Handler()
	for name, path := range map[string]string{
		"list":   "/api/v1/measures?region=05562&limit=50",
		"get":    "/api/v1/measures/" + id,
		"search": "/api/v1/search?q=sprachkurs&region=05562",
	} {
		b.Run(name, func(b *testing.B) {
			req := httptest.NewRequest(http.MethodGet, path, nil)
			for i := 0; i < b.N; i++ {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, req)
				if rec.Code != 200 {
					b.Fatal(rec.Code)
				}
			}
		})
	}
}
