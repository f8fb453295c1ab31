package httpapi

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// TestStreamDownloadAborts: a download that fails after its first bytes is cut off, so the
// client sees a broken transfer, never a short body that ends as if complete; a failure
// before the first byte is an ordinary problem answer. Both are logged.
func TestStreamDownloadAborts(t *testing.T) {
	f := newFixture(t)
	failAfter := func(n int) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("Content-Disposition", `attachment; filename="x.json"`)
			f.api.streamDownload(w, r, "export", func(out io.Writer) error {
				if n > 0 {
					if _, err := out.Write(bytes.Repeat([]byte("x"), n)); err != nil {
						return err
					}
				}
				return &graph.Error{Code: graph.EINVALID, Message: "the data cannot be written"}
			})
		}
	}
	srv := httptest.NewServer(f.api.recoverPanics(failAfter(256 << 10)))
	defer srv.Close()
	resp, err := http.Get(srv.URL)
	if err != nil {
		t.Fatal(err)
	}
	body, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if err == nil {
		t.Fatalf("a download that failed half-way was read as complete (%d bytes, status %d)", len(body), resp.StatusCode)
	}
	if !strings.Contains(f.log.String(), "failed after its first bytes") {
		t.Errorf("the aborted download is not logged: %s", f.log)
	}

	early := httptest.NewServer(f.api.recoverPanics(failAfter(0)))
	defer early.Close()
	resp, err = http.Get(early.URL)
	if err != nil {
		t.Fatal(err)
	}
	body, err = io.ReadAll(resp.Body)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusBadRequest || resp.Header.Get("Content-Type") != "application/problem+json" ||
		resp.Header.Get("Content-Disposition") != "" {
		t.Fatalf("a download that failed before its first byte: status %d, %v, headers %v, body %s", resp.StatusCode, err, resp.Header, body)
	}
}
