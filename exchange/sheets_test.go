package exchange

import "testing"

// TestSheetsByHeaders: the header row of every template sheet picks that sheet (a CSV file
// whose name says nothing), every header is a column of its own sheet only once, and the
// file names of the sheets are distinct.
func TestSheetsByHeaders(t *testing.T) {
	files := map[string]SheetKind{}
	for _, s := range sheets {
		if got := sheetByHeaders(s.headers()); got != s {
			name := "none"
			if got != nil {
				name = got.name
			}
			t.Errorf("the headers of %s pick %s", s.name, name)
		}
		if k, dup := files[s.file()]; dup {
			t.Errorf("%s and %s share the file name %s", k, s.kind, s.file())
		}
		files[s.file()] = s.kind
		if sheetByName(s.file()) != s || sheetByName(s.name) != s || sheetByName(string(s.kind)) != s {
			t.Errorf("%s is not found by its names", s.name)
		}
		for _, c := range s.columns {
			for _, h := range append([]string{c.header, c.field}, c.aliases...) {
				if h == "" {
					continue
				}
				m := s.match(h)
				if m == nil || m.header != c.header {
					t.Errorf("%s: %q names column %v, want %s", s.name, h, m, c.header)
				}
			}
		}
	}
}
