package graph

import (
	"slices"
	"strconv"
	"strings"
)

// The checks every backend applies to a query before it runs it.

// Page returns the validated page size and the id to continue after.
func (q ListQuery) Page() (limit int, after string, err error) {
	if !q.Kind.Valid() {
		return 0, "", Errorf(EINVALID, "unknown kind %q", q.Kind)
	}
	if err := q.Check(q.Kind); err != nil {
		return 0, "", err
	}
	if limit, err = PageLimit(q.Limit); err != nil {
		return 0, "", err
	}
	after, err = DecodeCursor(q.Cursor)
	return limit, after, err
}

// SearchPlan is a validated search query.
type SearchPlan struct {
	// Kinds are the kinds to search: those asked for (all searchable ones by default) that
	// every set filter applies to.
	Kinds []Kind
	// Limit and Offset select the page of ranked hits.
	Limit, Offset int
	// Tokens are the analysed query words.
	Tokens []QueryToken
	// Blank is true when the text is empty: every node passing the filters matches.
	Blank bool
}

// Plan validates the query. A filter that does not apply to a kind leaves that kind out; when
// it leaves every kind out, the filter's error is returned.
func (q SearchQuery) Plan() (SearchPlan, error) {
	var p SearchPlan
	kinds := q.Kinds
	if len(kinds) == 0 {
		kinds = SearchKinds
	}
	var lastErr error
	for _, k := range kinds {
		if !slices.Contains(SearchKinds, k) {
			return p, &Error{Code: EINVALID, Message: "invalid search",
				Fields: []FieldError{{Field: "kind", Message: "search covers measure, organisation and network, not " + string(k)}}}
		}
		if err := q.Check(k); err != nil {
			lastErr = err
			continue
		}
		p.Kinds = append(p.Kinds, k)
	}
	if len(p.Kinds) == 0 {
		return p, lastErr
	}
	var err error
	if p.Limit, err = PageLimit(q.Limit); err != nil {
		return p, err
	}
	if p.Offset, err = DecodeOffsetCursor(q.Cursor); err != nil {
		return p, err
	}
	p.Tokens = ParseQuery(q.Text)
	p.Blank = strings.TrimSpace(q.Text) == ""
	return p, nil
}

// NextCursor returns the cursor of the page after this one, or "" when total hits end here.
func (p SearchPlan) NextCursor(total int) string {
	if p.Offset+p.Limit < total {
		return EncodeCursor(strconv.Itoa(p.Offset + p.Limit))
	}
	return ""
}

// Page returns the validated page size and the sequence number to continue below
// (the largest possible one for the first page).
func (q AuditQuery) Page() (limit int, before uint64, err error) {
	if limit, err = PageLimit(q.Limit); err != nil {
		return 0, 0, err
	}
	before = 1<<63 - 1
	pos, err := DecodeCursor(q.Cursor)
	if err != nil || pos == "" {
		return limit, before, err
	}
	n, err := strconv.ParseUint(pos, 10, 64)
	if err != nil || n > before {
		return 0, 0, &Error{Code: EINVALID, Message: "invalid cursor", Fields: []FieldError{{Field: "cursor", Message: "is not a cursor returned by this API; start again without it"}}}
	}
	return limit, n, nil
}
