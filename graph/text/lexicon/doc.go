// Package lexicon holds German language resources for recognising offers
// that mean the same in different words, for the duplicate detection: two
// providers rarely describe one offer alike ("Schuldnerberatung für
// Familien", "Hilfe bei Geldsorgen", "Budgetberatung für Haushalte mit wenig
// Einkommen"). It gives three representations of a text besides graph/text's
// stems, for a scorer to combine:
//
//   - [Decompound] splits a German compound into the stems of its parts
//     against a real dictionary (Nähwerkstatt → nah, werkstatt), so that it
//     meets the same words written apart ("Nähen lernen in der Werkstatt").
//   - [Synsets] gives the OpenThesaurus synonym sets of a stem, [Related]
//     and [SynsetMembers] the stems behind them (Hilfe ~ Unterstützung).
//   - [CharNGrams] and [HashCharNGrams] give character n-grams of the
//     folded words, which survive typos and spelling variants.
//
// The dictionary and the thesaurus are derived from the Debian packages
// wngerman, hunspell-de-de and openthesaurus-de-text by the generator in
// gen/ and embedded from data/ (see data/README.md for the rules, figures
// and licences: the word list is GPL, the thesaurus LGPL). Each is loaded on
// first use, in well under a second ([LoadTimes]). Nothing here reads files
// or the network at run time, and every function is deterministic and safe
// for concurrent use.
//
// Stems are graph/text's: every stem returned here is the term that
// graph/text's Analyze gives the same word, so the representations can be
// compared with search and TF-IDF terms.
//
// What the package must not do: hold vocabulary written by hand. The
// product must recognise words its developers never saw, so every word and
// every synonym comes from the dictionaries; the only hand-written lists are
// grammar (noun-forming suffixes, the suffixes that take a linking s) and,
// in the tests, expected answers. It must not change graph/text's analysis
// either: search depends on it, and this package only adds to it. And it
// does not score or decide anything: whether two offers are duplicates is
// the duplicate detection's business.
package lexicon
