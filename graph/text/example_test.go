package text_test

import (
	"fmt"

	"github.com/netzwerkatlas/netzwerkatlas/graph/text"
)

func Example() {
	doc := "Sprachkurse für Schüler in der Großen Straße"
	for _, tok := range text.Analyze(doc) {
		fmt.Printf("%-9s %q\n", tok.Term, doc[tok.Start:tok.End])
	}

	// Queries go through the same analysis, so spelling variants meet.
	fmt.Println(text.QueryTerms("Schueler Sprachkurs Strasse"))

	// A query made only of stop words has nothing to search for.
	fmt.Println(text.QueryTerms("der die das") == nil, text.IsStopWord("DER"))
	// Output:
	// sprachkur "Sprachkurse"
	// schul     "Schüler"
	// gross     "Großen"
	// strass    "Straße"
	// [schul sprachkur strass]
	// true true
}
