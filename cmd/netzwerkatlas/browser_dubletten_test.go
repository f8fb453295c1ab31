package main

import (
	"strings"
	"testing"
)

// TestBrowserDubletten: a coordinator reviews the duplicate queue of Kreis Recklinghausen,
// sees a pair's texts side by side with the shared words marked and the score's parts, and
// judges "Frauentreff in Datteln" and "Frauentreff Datteln" not to be duplicates; the pair
// leaves the queue at once, and after a reload the verdict is still there.
func TestBrowserDubletten(t *testing.T) {
	p := openApp(t)
	p.goTo("/dubletten?region=05562")
	p.waitFor("the queue", `document.querySelector('#dup-queue .dup-pair') !== null`)
	if note := p.text(`.signin-note`); !strings.Contains(note, "Melden Sie sich an") {
		t.Errorf("without sign-in the page should say who may judge: %q", note)
	}
	if n := eval[int](p, `document.querySelectorAll('#dup-queue .verdicts button:not([disabled])').length`); n != 0 {
		t.Errorf("%d verdict buttons usable without sign-in", n)
	}

	p.signIn("admin", adminPassword)
	p.goTo("/dubletten?region=05562")
	p.waitFor("the pair Frauentreff in Datteln / Frauentreff Datteln", `[...document.querySelectorAll('#dup-queue .dup-pair h3')]
		.some(h => h.textContent.includes('Frauentreff in Datteln') && h.textContent.includes('Frauentreff Datteln'))`)
	key := eval[string](p, `[...document.querySelectorAll('#dup-queue .dup-pair')]
		.find(a => a.querySelector('h3').textContent.includes('Frauentreff in Datteln')).dataset.pair`)
	sel := `#dup-queue [data-pair="` + key + `"]`
	p.waitFor("both texts", `document.querySelectorAll('`+sel+` .dup-text mark').length > 2 &&
		!document.querySelector('`+sel+`').textContent.includes('Text wird geladen')`)
	if parts := eval[string](p, `document.querySelector('`+sel+` .dup-parts').textContent`); !strings.Contains(parts, "Textähnlichkeit") || !strings.Contains(parts, "Sprachen") {
		t.Errorf("the score's parts are missing: %q", parts)
	}
	p.shotAt("dubletten", sel)

	p.click(sel + ` button[data-verdict="not_duplicate"]`)
	p.waitFor("the pair to leave the queue", `document.querySelector('`+sel+`') === null &&
		document.querySelector('#dup-decided [data-pair="`+key+`"][data-verdict="not_duplicate"]') !== null`)
	if s := p.text(`main [role="status"]`); !strings.Contains(s, "Keine Dublette") {
		t.Errorf("the verdict was not announced: %q", s)
	}

	p.goTo("/dubletten?region=05562")
	p.waitFor("the verdict after a reload", `document.querySelector('#dup-decided [data-pair="`+key+`"][data-verdict="not_duplicate"]') !== null`)
	if eval[bool](p, `document.querySelector('`+sel+`') !== null`) {
		t.Errorf("after a reload the decided pair is back in the queue")
	}
	if decided := p.text(`#dup-decided`); !strings.Contains(decided, "admin") {
		t.Errorf("the decided pair does not say who decided: %q", decided)
	}
	p.shotAt("dubletten-entschieden", "#dup-decided")
}
