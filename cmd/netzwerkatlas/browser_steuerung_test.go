package main

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// TestBrowserSteuerung: the steering report of Kreis Recklinghausen shows the heatmap, the
// ranked gaps with Herten's missing offer in "Wohnen und Mobilität", the network figures and
// the measures by status; a coordinator saves a state, a new offer closes Herten's gap, a
// second state is saved, and the comparison shows the closed gap. In print the navigation
// and the controls are left out.
func TestBrowserSteuerung(t *testing.T) {
	p := openApp(t)
	p.signIn("admin", adminPassword)
	p.goTo("/steuerung?region=05562")
	p.waitFor("the report", `document.querySelector('#heatmap-table') && document.querySelector('#gaps-table') &&
		document.querySelector('#statuses-table') && document.querySelector('#network .figures') && document.querySelector('#snapshot-form')`)
	if !eval[bool](p, `!!(document.querySelector('#cockpit')?.compareDocumentPosition(document.querySelector('#heatmap')) & Node.DOCUMENT_POSITION_FOLLOWING)`) {
		t.Errorf("the concept cockpit does not stand above the heatmap")
	}
	if n := eval[int](p, `document.querySelectorAll('#heatmap-table tbody tr').length`); n != 10 {
		t.Errorf("heatmap with %d municipalities, want 10", n)
	}
	if gaps := p.text(`#gaps-table`); !strings.Contains(gaps, "Herten") || !strings.Contains(gaps, "Wohnen und Mobilität") {
		t.Errorf("the gap list lacks Herten · Wohnen und Mobilität:\n%s", gaps)
	}

	p.fill(`#snapshot-label`, "Vorher")
	p.click(`#snapshot-form button[type="submit"]`)
	p.waitFor("the first state", `document.querySelector('#snapshot-form [role="status"]')?.textContent.includes('Vorher')`)

	// A new offer in Herten closes its gap in "Wohnen und Mobilität".
	token := p.adminToken()
	var created struct {
		ID string `json:"id"`
	}
	if code := p.apiJSON("POST", "/api/v1/measures", token, map[string]any{"title": "Wohnungslotsen Herten", "region": "05562", "status": "active", "level": "operational"}, nil, &created); code != 201 {
		t.Fatalf("creating the measure: status %d", code)
	}
	for _, rel := range []map[string]string{
		{"type": "OFFERED_IN", "from": created.ID, "to": "05562020"},
		{"type": "IN_FIELD", "from": created.ID, "to": "fld_01HK153X00RAJ5N0K6RAGAV9CA"},
	} {
		if code := p.apiJSON("POST", "/api/v1/relations", token, rel, nil, nil); code/100 != 2 {
			t.Fatalf("relating %v: status %d", rel, code)
		}
	}

	p.fill(`#snapshot-label`, "Nachher")
	p.click(`#snapshot-form button[type="submit"]`)
	p.waitFor("the comparison", `document.querySelector('#comparison [data-change="gaps-closed"]')?.textContent.includes('Herten · Wohnen und Mobilität')`)
	if from := eval[string](p, `document.querySelector('#compare-from').selectedOptions[0].textContent`); !strings.HasPrefix(from, "Vorher") {
		t.Errorf("compared from %q, want Vorher", from)
	}
	if figures := p.text(`#comparison`); !strings.Contains(figures, "Maßnahmen") {
		t.Errorf("the comparison lacks the figures:\n%s", figures)
	}
	// The comparison names the measure, not only the counts.
	if added := p.text(`#comparison [data-change="measures-added"]`); !strings.Contains(added, "Wohnungslotsen Herten") {
		t.Errorf("the comparison does not name the new measure:\n%s", added)
	}
	p.shotAt("steuerung-vergleich", "#compare")
	p.shotAt("steuerung", "#heatmap")

	p.do(chromedp.Func(func(ctx context.Context, tg *chromedp.Target) error {
		_, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		return err
	}))
	if eval[string](p, `getComputedStyle(document.querySelector('.site-header')).display`) != "none" ||
		eval[string](p, `getComputedStyle(document.querySelector('.report-title')).display`) == "none" {
		t.Errorf("the printed report shows the navigation or lacks its title")
	}
	p.shot("steuerung-druck")
}
