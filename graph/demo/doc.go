// Package demo builds Netzwerkatlas's data sets: the demo of five real counties and synthetic
// data sets of any size for load tests.
//
// The demo ([Demo]) holds the 144 real municipalities of the Kreis Recklinghausen, the
// Märkischer Kreis, the Rems-Murr-Kreis, the Rhein-Neckar-Kreis and the Landkreis Börde with
// their official boundaries and population (embedded from data/), the fields of action as the
// counties' integration concepts name them, and an invented but plausible integration
// landscape: organisations, a few actors, networks, several hundred measures, goals and
// indicators. Into that landscape it plants known answers for the analyses — coverage gaps,
// duplicate offers and hard negatives, isolated organisations and articulation points — and
// records them as [GroundTruth], so that analyses can be tested against data whose right answer
// is known. [Seed] writes a data set into any graph.Store.
//
// The scale generator ([GenerateScale], [SeedScale]) streams synthetic regions of the same
// shape, region by region, from a seed; the presets [County], [State] and [Nation] size it.
//
// What the package must not do:
//   - depend on the clock, map iteration order or global randomness: the same call gives the
//     same data, ids included, on every machine;
//   - contain real personal data: actors, e-mail addresses and phone numbers are invented
//     (example domains, 555 numbers); organisation names and addresses are plausible, not a
//     directory of the real counties;
//   - hold a nation-sized data set in memory: the scale generator emits batches region by
//     region;
//   - write derived relationships (PART_OF, DEFINED_BY): they follow from the region fields.
//
// The demo is German first: names, titles and descriptions are written as the counties
// themselves would write them.
package demo
