package graph

import (
	"encoding/json"
	"fmt"
	"math"
	"net/mail"
	"net/url"
	"strings"
	"time"
	"unicode/utf8"
)

// Size limits for text properties, in characters.
const (
	MaxName        = 200
	MaxDescription = 10000
	MaxShort       = 100
	MaxURL         = 2000
	// MaxGeometryBytes bounds one municipality boundary (GeoJSON text).
	MaxGeometryBytes = 2 << 20
)

// Date is a calendar day in ISO form, "2025-09-01"; the empty string means unknown.
type Date string

// Time parses d; ok is false for the empty or a malformed date.
func (d Date) Time() (t time.Time, ok bool) {
	t, err := time.Parse(time.DateOnly, string(d))
	return t, err == nil
}

func (p *problems) required(field, v string) bool {
	if v == "" {
		p.add(field, "is required")
		return false
	}
	return true
}

func (p *problems) maxLen(field, v string, n int) {
	if !utf8.ValidString(v) {
		p.add(field, "is not valid UTF-8")
		return
	}
	if c := utf8.RuneCountInString(v); c > n {
		p.add(field, "is %d characters long; at most %d are allowed", c, n)
	}
	if r, ok := hiddenControl(v); ok {
		p.add(field, "contains the invisible control character U+%04X; remove it", r)
	}
}

// hiddenControl finds a character that is never meant in a text and can hide or disguise what
// it says: NUL and the other control characters except tab and line breaks, and the
// directional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that can make
// a name read differently from what it is. Right-to-left text itself stays allowed.
func hiddenControl(v string) (rune, bool) {
	for _, r := range v {
		switch {
		case r == '\t' || r == '\n' || r == '\r':
		case r < 0x20, r >= 0x7f && r <= 0x9f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return r, true
		}
	}
	return 0, false
}

// name checks a required, bounded name.
func (p *problems) name(field, v string) {
	if p.required(field, v) {
		p.maxLen(field, v, MaxName)
	}
}

func (p *problems) enum(field, v string, allowed []string, required bool) {
	if v == "" {
		if required {
			p.add(field, "is required; one of %s", strings.Join(allowed, ", "))
		}
		return
	}
	for _, a := range allowed {
		if v == a {
			return
		}
	}
	p.add(field, "%q is not allowed; use one of %s", v, strings.Join(allowed, ", "))
}

func (p *problems) url(field, v string) {
	if v == "" {
		return
	}
	p.maxLen(field, v, MaxURL)
	u, err := url.Parse(v)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		p.add(field, "must be an http or https address such as https://example.org")
	}
}

func (p *problems) email(field, v string) {
	if v == "" {
		return
	}
	a, err := mail.ParseAddress(v)
	if err != nil || a.Address != v || a.Name != "" || !strings.Contains(v[strings.LastIndexByte(v, '@')+1:], ".") {
		p.add(field, "must be an e-mail address such as name@example.org")
	}
	p.maxLen(field, v, MaxName)
}

func (p *problems) phone(field, v string) {
	if v == "" {
		return
	}
	digits := 0
	for _, r := range v {
		switch {
		case r >= '0' && r <= '9':
			digits++
		case strings.ContainsRune(" +-/()", r):
		default:
			p.add(field, "may contain only digits, spaces and + - / ( )")
			return
		}
	}
	if digits < 5 || len(v) > 40 {
		p.add(field, "must have 5 to 40 characters with at least 5 digits")
	}
}

func (p *problems) date(field string, d Date) {
	if d == "" {
		return
	}
	if _, ok := d.Time(); !ok {
		p.add(field, "%q is not a date; use YYYY-MM-DD", string(d))
	}
}

func (p *problems) nonNegative(field string, v int64) {
	if v < 0 {
		p.add(field, "must not be negative")
	}
}

func (p *problems) regionKey(field, v string, required bool) {
	if v == "" {
		if required {
			p.add(field, "is required (the 5-digit key of the region)")
		}
		return
	}
	if !isDigits(v, 5) {
		p.add(field, "%q is not a region key; use the 5-digit Kreisschlüssel such as 05562", v)
	}
}

func (p *problems) ags(field, v string) {
	if !isDigits(v, 8) {
		p.add(field, "%q is not an AGS; use the 8-digit Amtlicher Gemeindeschlüssel such as 05562004", v)
	}
}

func (p *problems) finite(field string, v *float64) {
	if v != nil && (math.IsNaN(*v) || math.IsInf(*v, 0)) {
		p.add(field, "must be a finite number")
	}
}

func (p *problems) latLon(lat, lon *float64) {
	if (lat == nil) != (lon == nil) {
		p.add("lat", "lat and lon must be given together")
		return
	}
	if lat != nil && (math.IsNaN(*lat) || *lat < -90 || *lat > 90) {
		p.add("lat", "must be between -90 and 90")
	}
	if lon != nil && (math.IsNaN(*lon) || *lon < -180 || *lon > 180) {
		p.add("lon", "must be between -180 and 180")
	}
}

// geometry checks that raw is a GeoJSON Polygon or MultiPolygon in WGS84 with closed rings.
// The check is small enough to write here, which keeps a GeoJSON library (and what it pulls
// in) out of every binary that imports graph.
func (p *problems) geometry(field string, raw json.RawMessage) {
	if len(raw) == 0 || string(raw) == "null" {
		return
	}
	if len(raw) > MaxGeometryBytes {
		p.add(field, "is %d bytes; at most %d are allowed (simplify the boundary)", len(raw), MaxGeometryBytes)
		return
	}
	var g struct {
		Type        string          `json:"type"`
		Coordinates json.RawMessage `json:"coordinates"`
	}
	if err := json.Unmarshal(raw, &g); err != nil {
		p.add(field, "is not a GeoJSON geometry: %v", err)
		return
	}
	var polys [][][][]float64
	var err error
	switch g.Type {
	case "Polygon":
		var poly [][][]float64
		err = json.Unmarshal(g.Coordinates, &poly)
		polys = [][][][]float64{poly}
	case "MultiPolygon":
		err = json.Unmarshal(g.Coordinates, &polys)
	default:
		p.add(field, "must be a GeoJSON Polygon or MultiPolygon, not %q", g.Type)
		return
	}
	if err != nil || len(polys) == 0 {
		p.add(field, "has malformed %s coordinates", g.Type)
		return
	}
	for i, poly := range polys {
		if len(poly) == 0 {
			p.add(field, "polygon %d has no rings", i)
			return
		}
		for j, ring := range poly {
			if len(ring) < 4 {
				p.add(field, "polygon %d ring %d needs at least 4 positions", i, j)
				return
			}
			for _, pt := range ring {
				if len(pt) < 2 || pt[0] < -180 || pt[0] > 180 || pt[1] < -90 || pt[1] > 90 {
					p.add(field, "polygon %d ring %d has a position outside WGS84 longitude/latitude: %v", i, j, pt)
					return
				}
			}
			first, last := ring[0], ring[len(ring)-1]
			if first[0] != last[0] || first[1] != last[1] {
				p.add(field, "polygon %d ring %d is not closed (first and last position differ)", i, j)
				return
			}
		}
	}
}

// languages checks ISO 639 codes ("de", "ar", "uk", "prs") and duplicates.
func (p *problems) languages(field string, langs []string) {
	seen := map[string]bool{}
	for i, l := range langs {
		f := fmt.Sprintf("%s[%d]", field, i)
		if len(l) < 2 || len(l) > 3 || strings.Trim(l, "abcdefghijklmnopqrstuvwxyz") != "" {
			p.add(f, "%q is not an ISO 639 language code such as de, en, ar, uk", l)
		} else if seen[l] {
			p.add(f, "%q is listed twice", l)
		}
		seen[l] = true
	}
	if len(langs) > 50 {
		p.add(field, "lists %d languages; at most 50 are allowed", len(langs))
	}
}
