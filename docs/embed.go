// Package docs serves the user handbook (handbuch.md with its screenshots in handbuch/) as an
// accessible, printable HTML page at /handbuch, rendered once from the Markdown embedded into
// the binary, so that the handbook a county reads is always the one of the running version.
//
// Headings get stable ids made from their text (umlauts spelt out: "Modularität" becomes
// "modularitaet"), so the web app can link to a section: /handbuch#modularitaet. The package
// knows nothing of the API or the web app; cmd wires its Handler in front of the web app.
package docs

import (
	"bytes"
	"embed"
	"fmt"
	"html"
	"io/fs"
	"net/http"
	"path"
	"strings"
	"sync"
	"time"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

//go:embed handbuch.md handbuch/*.png handbuch.css
var files embed.FS

// Path is where the handbook is served; its images and stylesheet live below it.
const Path = "/handbuch"

// Handler serves the handbook page at Path, and its screenshots and stylesheet below it.
// Anything else below Path is a 404; Path + "/" redirects to Path, because the images are
// addressed relative to the page.
func Handler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			http.Error(w, http.StatusText(http.StatusMethodNotAllowed), http.StatusMethodNotAllowed)
			return
		}
		switch p := path.Clean(r.URL.Path); {
		case r.URL.Path == Path:
			page, err := Page()
			if err != nil {
				http.Error(w, "the handbook cannot be rendered", http.StatusInternalServerError)
				return
			}
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.Header().Set("Cache-Control", "no-cache")
			http.ServeContent(w, r, "handbuch.html", time.Time{}, bytes.NewReader(page))
		case p == Path:
			http.Redirect(w, r, Path, http.StatusMovedPermanently)
		case strings.HasPrefix(p, Path+"/"):
			name := strings.TrimPrefix(p, "/")
			if name == "handbuch/handbuch.css" {
				name = "handbuch.css"
			} else if path.Ext(name) != ".png" {
				http.NotFound(w, r)
				return
			}
			data, err := fs.ReadFile(files, name)
			if err != nil {
				http.NotFound(w, r)
				return
			}
			w.Header().Set("Cache-Control", "no-cache")
			http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
		default:
			http.NotFound(w, r)
		}
	})
}

var (
	pageOnce sync.Once
	page     []byte
	pageErr  error
)

// Page returns the handbook as a complete HTML document (rendered on first use).
func Page() ([]byte, error) {
	pageOnce.Do(func() {
		src, err := files.ReadFile("handbuch.md")
		if err != nil {
			pageErr = err
			return
		}
		page, pageErr = render(src)
	})
	return page, pageErr
}

// render turns the handbook's Markdown into the page: tables (GitHub's extension), headings
// with ids, the title from the first heading.
func render(src []byte) ([]byte, error) {
	md := goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough),
		goldmark.WithParserOptions(parser.WithAutoHeadingID(), parser.WithASTTransformers(util.Prioritized(lazyImages{}, 500))),
	)
	doc := md.Parser().Parse(text.NewReader(src), parser.WithContext(parser.NewContext(parser.WithIDs(newIDs()))))
	title := "Netzwerkatlas – Handbuch"
	if h, ok := doc.FirstChild().(*ast.Heading); ok && h.Level == 1 {
		title = plainText(h, src)
	}
	var body bytes.Buffer
	if err := md.Renderer().Render(&body, src, doc); err != nil {
		return nil, fmt.Errorf("rendering the handbook: %w", err)
	}
	var out bytes.Buffer
	fmt.Fprintf(&out, `<!doctype html>
<html lang="de">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>%s</title>
<link rel="stylesheet" href="%s/handbuch.css">
</head>
<body>
<a class="skip-link" href="#inhalt">Zum Inhalt springen</a>
<header class="handbook-header">
<nav aria-label="Netzwerkatlas"><a href="/">Zurück zum Netzwerkatlas</a></nav>
<p lang="en" class="muted">This user handbook is written in German.</p>
</header>
<main id="inhalt" tabindex="-1">
%s</main>
</body>
</html>
`, html.EscapeString(title), Path, body.Bytes())
	return out.Bytes(), nil
}

// lazyImages lets the browser load a screenshot when it is scrolled near: the handbook has
// dozens (4 MB), and a reader following a link to one section needs only a few.
type lazyImages struct{}

func (lazyImages) Transform(doc *ast.Document, _ text.Reader, _ parser.Context) {
	_ = ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if img, ok := n.(*ast.Image); ok && entering {
			img.SetAttributeString("loading", []byte("lazy"))
		}
		return ast.WalkContinue, nil
	})
}

// plainText is the text of a node's inline children, without markup.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			b.Write(t.Segment.Value(src))
		}
		return ast.WalkContinue, nil
	})
	return b.String()
}

// ids gives headings stable, readable ids in the document's order. goldmark's own drops
// every letter outside ASCII ("Modularität" → "modularitt"); German headings need the umlauts
// spelt out instead.
type ids struct{ seen map[string]bool }

func newIDs() *ids { return &ids{seen: map[string]bool{}} }

// Generate implements parser.IDs: the slug of value, numbered from -1 on when taken.
func (s *ids) Generate(value []byte, _ ast.NodeKind) []byte {
	base := Slug(string(value))
	if base == "" {
		base = "abschnitt"
	}
	id := base
	for i := 1; s.seen[id]; i++ {
		id = fmt.Sprintf("%s-%d", base, i)
	}
	s.seen[id] = true
	return []byte(id)
}

// Put implements parser.IDs: an id given explicitly is taken.
func (s *ids) Put(value []byte) { s.seen[string(value)] = true }

// Slug makes an anchor of a heading: lower case, umlauts and ß spelt out (ae, oe, ue, ss),
// accents dropped from other Latin letters, words joined by single hyphens, everything else
// left out. "Netzwerk – wer arbeitet mit wem?" becomes "netzwerk-wer-arbeitet-mit-wem".
func Slug(heading string) string {
	var b strings.Builder
	hyphen := false
	word := func(s string) {
		if hyphen && b.Len() > 0 {
			b.WriteByte('-')
		}
		hyphen = false
		b.WriteString(s)
	}
	for _, r := range strings.ToLower(heading) {
		switch {
		case r >= 'a' && r <= 'z' || r >= '0' && r <= '9':
			word(string(r))
		case spelt[r] != "":
			word(spelt[r])
		case r == ' ' || r == '-' || r == '_' || r == '/' || r == '–' || r == '—' || r == '\t':
			hyphen = true
		}
	}
	return b.String()
}

// spelt holds the letters outside ASCII that German headings use, spelt in ASCII.
var spelt = map[rune]string{
	'ä': "ae", 'ö': "oe", 'ü': "ue", 'ß': "ss",
	'à': "a", 'á': "a", 'â': "a", 'é': "e", 'è': "e", 'ê': "e", 'ë': "e",
	'í': "i", 'î': "i", 'ï': "i", 'ó': "o", 'ô': "o", 'ú': "u", 'û': "u", 'ç': "c", 'ñ': "n",
}
