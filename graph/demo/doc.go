// Package demo builds Netzwerkatlas's data sets: the demo of five real counties and synthetic
// data sets of any size for load tests.
//
// The demo ([Demo]) holds the 144 real municipalities of the Kreis Recklinghausen, the
// Märkischer Kreis, the Rems-Murr-Kreis, the Rhein-Neckar-Kreis and the Landkreis Börde with
// their official boundaries and population (embedded from data/), the fields of action as the
// counties' integration concepts name them, and an invented but plausible integration
// landscape: organisations, a few actors, networks and several hundred measures. Into that
// landscape it plants known answers for the analyses — coverage gaps, duplicate offers and
// hard negatives, isolated organisations and articulation points — and records them as
// [GroundTruth], so that analyses can be tested against data whose right answer is known.
// [Seed] writes a data set into any graph.Store.
//
// Each county's integration concept is data too, built the way the county's published concept
// is built (concepts.go): the Rems-Murr-Kreis's Integrationsplan 2017 with its Fortschreibung
// 2019, Leitziele per field, numbered recommendations ("IP 1.2") and Starterprojekte; the
// Landkreis Börde's Leitlinien with the goals below them, from its four steps Bestandsaufnahme
// → Leitlinien → Ziele → Maßnahmen; the Kreis Recklinghausen's two Schwerpunktziele with
// Handlungsziele and the steering group of the ten towns' Integrationsbeauftragte; the
// Märkischer Kreis's two-year Arbeitsschwerpunkte under a Lenkungsgruppe and a Steuerungsgruppe,
// with a Projektbeirat per project; and the Rhein-Neckar-Kreis's Kennzahlen per field from the
// official statistics. The measures a concept names carry its planning part — reference,
// priority, horizon, addressee, intended effect, funding, a lead body (PROVIDES {role: lead})
// and partners — and dated status notes over the year before [ReferenceDate]. Every
// indicator has a baseline, a target with direction and target year, a unit, a source and a
// series for the county (some also per municipality); each series is planted so that its
// attainment class as of 2025 is clear-cut, every class occurs in every county, and the
// classes are part of the ground truth. The measures whose status changed in that year are
// listed there too, and [Dataset.AsOf] gives the data as it stood a year earlier, so that
// two monitoring snapshots can be compared.
//
// The concept is added to a directory that does not depend on it: it is built last, from a
// random stream of its own, and adds properties and relationships to the directory's
// measures without changing what they were. The ids, measures, organisations and networks the
// analyses' ground truth and the browser tests use stay as they are when the concepts change.
//
// The scale generator ([GenerateScale], [SeedScale]) streams synthetic regions of the same
// shape, region by region, from a seed, each with a concept, two Leitlinien, a strategic goal
// per field above the field's goals and an indicator per goal; the presets [County], [State]
// and [Nation] size it.
//
// What the package must not do:
//   - depend on the clock, map iteration order or global randomness: the same call gives the
//     same data, ids included, on every machine;
//   - contain real personal data: actors, e-mail addresses and phone numbers are invented
//     (example domains, 555 numbers); organisation names and addresses are plausible, not a
//     directory of the real counties;
//   - hold a nation-sized data set in memory: the scale generator emits batches region by
//     region;
//   - write derived relationships (PART_OF, DEFINED_BY): they follow from the region fields;
//   - hold measured values for a year after 2025: the store refuses values for a year that
//     has not begun, and a year's figures are published after it ends.
//
// The demo is German first: names, titles and descriptions are written as the counties
// themselves would write them.
package demo
