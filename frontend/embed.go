// Package frontend serves the Netzwerkatlas web app: the Vite build in dist/, embedded into
// the binary, or the same files from a directory on disk in development mode.
//
// It serves files and the index.html fallback for client-side routes, nothing else: it knows
// no API route and must not grow any. httpapi mounts Handler below every route it serves
// itself; paths under /api/ that reach this handler get a plain 404, never the app.
//
// The TypeScript sources, package.json and the Vite configuration live next to this file;
// `npm run build` (make build) writes dist/. Without a build, dist/ holds only .gitkeep and
// Handler answers 503 with a hint.
package frontend

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"embed"
	"encoding/base64"
	"io"
	"io/fs"
	"mime"
	"net/http"
	"os"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"
)

//go:embed all:dist
var dist embed.FS

// Cache-Control values. Vite puts a content hash into every file name under assets/, so a
// changed file gets a new name and the old one may be cached for good. Everything else, above
// all index.html, which names the current assets, is revalidated on every use (cheaply: the
// ETag makes it a 304).
const (
	cacheImmutable  = "public, max-age=31536000, immutable"
	cacheRevalidate = "no-cache"
)

// notBuilt is the body of the 503 answer when dist holds no index.html.
const notBuilt = "frontend not built: run make build\n"

// Types for extensions that Go's built-in table lacks or that the system's mime.types may
// name differently; anything else goes to mime.TypeByExtension.
var contentTypes = map[string]string{
	".css":         "text/css; charset=utf-8",
	".html":        "text/html; charset=utf-8",
	".ico":         "image/x-icon",
	".js":          "text/javascript; charset=utf-8",
	".json":        "application/json",
	".map":         "application/json",
	".mjs":         "text/javascript; charset=utf-8",
	".svg":         "image/svg+xml",
	".txt":         "text/plain; charset=utf-8",
	".wasm":        "application/wasm",
	".webmanifest": "application/manifest+json",
	".woff":        "font/woff",
	".woff2":       "font/woff2",
}

// Handler serves the built web app. With devDir empty it serves the files embedded at compile
// time; otherwise it reads them from devDir on every request (development mode, e.g.
// "frontend/dist" while `vite build --watch` runs).
func Handler(devDir string) http.Handler {
	if devDir != "" {
		return newHandler(os.DirFS(devDir), false)
	}
	files, err := fs.Sub(dist, "dist")
	if err != nil {
		panic("frontend: embedded dist missing: " + err.Error()) // cannot happen: go:embed checked it
	}
	return newHandler(files, true)
}

// handler serves files from a file system whose root is the Vite output directory.
type handler struct {
	files fs.FS
	// static is true when files cannot change while the process runs (embedded), so the
	// ETag of a file can be computed once.
	static bool
	etags  sync.Map // file name → ETag, only when static
	gzips  sync.Map // file name → gzipped content (nil when it does not pay), only when static
}

func newHandler(files fs.FS, static bool) *handler {
	return &handler{files: files, static: static}
}

func (h *handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
		return
	}
	urlPath := path.Clean("/" + r.URL.Path)
	if urlPath == "/api" || strings.HasPrefix(urlPath, "/api/") {
		http.NotFound(w, r)
		return
	}
	name := strings.TrimPrefix(urlPath, "/")
	if name == "" {
		name = "index.html"
	}

	if data, ok := h.read(name); ok {
		h.serve(w, r, name, data)
		return
	}
	// A missing hashed asset is a stale or broken reference: answering it with HTML would
	// only make the browser fail on a script or style that is not one.
	if name == "assets" || strings.HasPrefix(name, "assets/") {
		http.NotFound(w, r)
		return
	}
	index, ok := h.read("index.html")
	if !ok {
		w.Header().Set("Cache-Control", "no-store")
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		w.WriteHeader(http.StatusServiceUnavailable)
		io.WriteString(w, notBuilt)
		return
	}
	// Any other path is a client-side route (/karte, /verzeichnis/…): the app decides.
	h.serve(w, r, "index.html", index)
}

// read returns the content of the regular file name, or false when there is none. Names
// with a segment starting with a dot (.gitkeep) are treated as absent.
func (h *handler) read(name string) ([]byte, bool) {
	if !fs.ValidPath(name) {
		return nil, false
	}
	for _, segment := range strings.Split(name, "/") {
		if strings.HasPrefix(segment, ".") {
			return nil, false
		}
	}
	info, err := fs.Stat(h.files, name)
	if err != nil || !info.Mode().IsRegular() {
		return nil, false
	}
	data, err := fs.ReadFile(h.files, name)
	if err != nil {
		return nil, false
	}
	return data, true
}

// serve writes data as the file name, with its type, caching headers and an ETag;
// http.ServeContent answers conditional and range requests. Text files of the embedded build
// go out gzipped to clients that accept it (the app's JavaScript shrinks to a third),
// compressed once per file.
func (h *handler) serve(w http.ResponseWriter, r *http.Request, name string, data []byte) {
	header := w.Header()
	header.Set("Content-Type", contentType(name))
	header.Set("X-Content-Type-Options", "nosniff")
	etag := ""
	if !strings.HasPrefix(name, "assets/") {
		etag = h.etag(name, data)
	}
	if gz := h.gzipped(name, data); gz != nil {
		header.Add("Vary", "Accept-Encoding")
		if acceptsGzip(r) {
			header.Set("Content-Encoding", "gzip")
			data = gz
			if etag != "" {
				etag = strings.TrimSuffix(etag, `"`) + `-gzip"`
			}
			// Ranges of the compressed bytes help nobody; send the whole file. ServeContent
			// leaves out the length of encoded content, so give it here.
			r.Header.Del("Range")
			header.Set("Content-Length", strconv.Itoa(len(gz)))
		}
	}
	if strings.HasPrefix(name, "assets/") {
		header.Set("Cache-Control", cacheImmutable)
	} else {
		header.Set("Cache-Control", cacheRevalidate)
		header.Set("ETag", etag)
	}
	// No modification time: embedded files have none, and the ETag is the better validator.
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
}

func (h *handler) etag(name string, data []byte) string {
	if h.static {
		if tag, ok := h.etags.Load(name); ok {
			return tag.(string)
		}
	}
	sum := sha256.Sum256(data)
	tag := `"` + base64.RawURLEncoding.EncodeToString(sum[:16]) + `"`
	if h.static {
		h.etags.Store(name, tag)
	}
	return tag
}

// compressible lists the extensions worth gzipping (text; images and fonts are compressed).
var compressible = map[string]bool{
	".css": true, ".html": true, ".js": true, ".json": true, ".map": true, ".mjs": true,
	".svg": true, ".txt": true, ".webmanifest": true,
}

// gzipped returns the gzipped content of an embedded text file, or nil when the file is not
// embedded, not text, small, or does not get smaller.
func (h *handler) gzipped(name string, data []byte) []byte {
	if !h.static || len(data) < 1024 || !compressible[strings.ToLower(path.Ext(name))] {
		return nil
	}
	if v, ok := h.gzips.Load(name); ok {
		return v.([]byte)
	}
	var buf bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	zw.Write(data)
	zw.Close()
	var out []byte
	if buf.Len() < len(data)*9/10 {
		out = buf.Bytes()
	}
	h.gzips.Store(name, out)
	return out
}

// acceptsGzip reports whether the request's Accept-Encoding allows gzip (q=0 refuses it).
func acceptsGzip(r *http.Request) bool {
	for _, part := range strings.Split(r.Header.Get("Accept-Encoding"), ",") {
		coding, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		if !strings.EqualFold(strings.TrimSpace(coding), "gzip") {
			continue
		}
		q := strings.ReplaceAll(strings.TrimSpace(params), " ", "")
		return q != "q=0" && q != "q=0.0" && q != "q=0.00" && q != "q=0.000"
	}
	return false
}

func contentType(name string) string {
	ext := strings.ToLower(path.Ext(name))
	if ct, ok := contentTypes[ext]; ok {
		return ct
	}
	if ct := mime.TypeByExtension(ext); ct != "" {
		return ct
	}
	return "application/octet-stream"
}
