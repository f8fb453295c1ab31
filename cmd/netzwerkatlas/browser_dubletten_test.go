package main

import (
	"strings"
	"testing"
)

// TestBrowserDubletten: a coordinator reviews the duplicate queue of Kreis Recklinghausen,
// sees a pair's texts side by side with the shared words marked, opens "Warum erkannt?" to see
// the model's features in German words with their weights and contributions, and judges
// "Frauentreff in Datteln" and "Frauentreff Datteln" not to be duplicates; the pair leaves the
// queue at once, and after a reload the verdict is still there. Then the Prüfliste: the pairs
// the model is least sure about, the most uncertain first, beside the model, which says it
// was fitted to that one verdict; a verdict by keyboard on the first pair takes it off the
// list, and the model is refitted with two. axe-core finds nothing critical or serious.
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
	if why := p.text(sel + ` .dup-why-text`); !strings.HasPrefix(why, "Erkannt an:") || !strings.Contains(why, "Wortteile") {
		t.Errorf("the pair does not say in German why it was detected: %q", why)
	}
	if eval[bool](p, `document.querySelector('`+sel+` .dup-features').checkVisibility()`) {
		t.Errorf("the features are shown before the disclosure is opened")
	}
	// Warum erkannt?: the disclosure opens with the keyboard.
	p.press(sel+` .dup-why summary`, "\r")
	p.waitFor("the features", `document.querySelector('`+sel+` .dup-why details').open`)
	features := p.text(sel + ` .dup-features`)
	for _, want := range []string{"Merkmal", "Gewicht", "Beitrag", "Titel", "Beschreibung", "Wortteile", "Bedeutung (Synonyme)",
		"Schreibweise (Titel-Trigramme)", "Programm", "Sprachen", "Format", "Zielgruppen", "Gleicher Träger", "Grundwert", "Summe"} {
		if !strings.Contains(features, want) {
			t.Errorf("the features table lacks %q:\n%s", want, features)
		}
	}
	if !strings.Contains(features, "−1,99") || strings.Contains(features, "same_provider") {
		t.Errorf("the features are not in German words and German numbers:\n%s", features)
	}
	if prob := p.text(sel + ` .dup-probability`); !strings.Contains(prob, "≥ Schwelle 0,60") {
		t.Errorf("the probability is not set against the threshold: %q", prob)
	}
	p.shotAt("dubletten", sel)
	p.axe(t, "main")

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

	// The Prüfliste, within Angebote.
	p.click(`#dup-view-tab-pruefliste`)
	p.waitFor("the Prüfliste", `!document.querySelector('#dup-view-panel-pruefliste').hidden &&
		document.querySelectorAll('#dup-review .dup-review-pair').length > 1`)
	if search := eval[string](p, `location.search`); !strings.Contains(search, "tab=pruefliste") {
		t.Errorf("the address does not keep the Prüfliste: %s", search)
	}
	if intro := p.text(`#dup-view-panel-pruefliste .dup-review-intro`); !strings.Contains(intro, "lehrt das Modell am meisten") {
		t.Errorf("the Prüfliste does not say why to decide its pairs: %q", intro)
	}
	if source := p.text(`#dup-model .dup-model-source`); !strings.HasPrefix(source, "An 1 Entscheidung dieser Region angepasst") {
		t.Errorf("the model does not say it learnt from the verdict: %q", source)
	}
	if weights := p.text(`#dup-model .dup-weights`); !strings.Contains(weights, "Bedeutung (Synonyme)") || !strings.Contains(weights, "Grundwert") {
		t.Errorf("the model's weights are missing: %q", weights)
	}
	// The most uncertain first: the distance of the probability from ½ never falls.
	if !eval[bool](p, `(() => { const d = [...document.querySelectorAll('#dup-review .dup-review-pair')].map(a => Math.abs(Number(a.dataset.score) - 0.5));
		return d.every((x, i) => i === 0 || x >= d[i - 1] - 1e-4) })()`) {
		t.Errorf("the Prüfliste is not ordered by uncertainty: %v", eval[[]string](p, `[...document.querySelectorAll('#dup-review .dup-review-pair')].map(a => a.dataset.score)`))
	}
	first := eval[string](p, `document.querySelector('#dup-review .dup-review-pair').dataset.pair`)
	item := `#dup-review [data-pair="` + first + `"]`
	p.press(item+` .dup-why summary`, "\r")
	p.waitFor("the features of the first pair", `document.querySelector('`+item+` .dup-why details').open`)
	if features := p.text(item + ` .dup-features`); !strings.Contains(features, "Wortteile") || !strings.Contains(features, "Gleicher Träger") {
		t.Errorf("the Prüfliste's pair lacks its features: %q", features)
	}
	p.axe(t, "main")
	p.shotAt("dubletten-pruefliste", "#dup-view-tabs")

	p.press(item+` button[data-verdict="not_duplicate"]`, "\r")
	p.waitFor("the pair to leave the Prüfliste and the model to learn from two verdicts", `document.querySelector('`+item+`') === null &&
		document.querySelector('#dup-model .dup-model-source')?.textContent.startsWith('An 2 Entscheidungen dieser Region angepasst')`)
	if s := p.text(`#dup-panel-angebote [role="status"]`); !strings.Contains(s, "Keine Dublette") {
		t.Errorf("the verdict was not announced: %q", s)
	}
	p.waitFor("the focus on the next pair's verdicts", `document.activeElement?.closest('#dup-review .verdicts') !== null`)
	p.waitFor("the verdict among the decided pairs", `document.querySelector('#dup-decided [data-pair="`+first+`"][data-verdict="not_duplicate"]') !== null`)
}
