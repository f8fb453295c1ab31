package lexicon_test

import (
	"fmt"

	"github.com/netzwerkatlas/netzwerkatlas/graph/text"
	"github.com/netzwerkatlas/netzwerkatlas/graph/text/lexicon"
)

func ExampleDecompound() {
	for _, w := range []string{"Schuldnerberatung", "Nähwerkstatt", "Sprachkursangebot", "Elternbegleiterinnen", "Beratung", "Werkstatt"} {
		fmt.Println(w, lexicon.Decompound(w))
	}
	// The parts meet the same words written apart.
	fmt.Println(text.Terms("Nähen lernen in der Werkstatt"))
	// Output:
	// Schuldnerberatung [schuldn berat]
	// Nähwerkstatt [nah werkstatt]
	// Sprachkursangebot [sprach kur angebot]
	// Elternbegleiterinnen [elt begleiterin]
	// Beratung [berat]
	// Werkstatt [werkstatt]
	// [nah lern werkstatt]
}

func ExampleRelated() {
	// Stems are graph/text's terms: Hilfe → hilf, Unterstützung → unterstutz.
	fmt.Println(lexicon.Related("hilf"))
	// Output:
	// [assistenz beihilf beistand betreu erleichter forder gunstbezeig gunstbezeug hilfestell kooperation mitarbeit mithilf ruckendeck ruckhalt schutzenhilf starkung support unterstutz unterstutzungsangebot zuarbeit zutun]
}

func ExampleCharNGrams() {
	fmt.Println(lexicon.CharNGrams("Hilfe für Familien", 3))
	// Output:
	// [_hi hil ilf lfe fe_ _fa fam ami mil ili lie ien en_]
}
