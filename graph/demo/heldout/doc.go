// Package heldout builds a held-out evaluation set for the duplicate detection: one real
// county that the demo does not contain, the Kreis Lippe (05766) with its 16 towns and
// municipalities, an invented integration landscape of about 300 measures, and a ground
// truth of planted duplicate pairs and hard negatives ([Truth], also written to truth.json).
//
// The detection is tuned on the demo (graph/demo). Its quality has to be judged on data it
// has never seen, so this set was written separately: without reading the demo's texts and
// templates, and without reading the detector's code. Its texts come from how German counties,
// welfare associations, Volkshochschulen, Jobcenter, migrant organisations and clubs describe
// their offers in directories, on flyers and on websites.
//
// What the set holds:
//   - duplicate pairs of two kinds: data duplicates (the same provider entered one offer
//     twice, e.g. once from the flyer and once from the website) and parallel offers (two
//     providers run the same offer in the same town for the same people). More than half are
//     paraphrases with little shared vocabulary ("Schuldnerberatung für Familien" / "Hilfe bei
//     Geldsorgen"), some switch register, language (English, Arabic, Turkish, Ukrainian,
//     Russian) or spelling, spell out an abbreviation, or leave the description out;
//   - hard negatives: two clearly different offers in the same town and field, for an
//     overlapping target group and at the same time, that share vocabulary (a
//     Hausaufgabenhilfe beside a Leseclub for the same children);
//   - ordinary offers that are neither: each kind of offer at most once per municipality and
//     never beside a planted offer of the same or a near kind, so that a pair the truth does
//     not list is, as far as the authors know, not a duplicate;
//   - varied structure: offers in several towns, without description, with a description of
//     about 2,000 characters, with missing programme, format or dates, planned, active,
//     paused and completed ones.
//
// The rules the truth follows — what makes two entries one offer, and why different language
// levels or sub-groups make different offers — are [Rules].
//
// Every pair, duplicate or negative, shares a municipality, a field of action, a target group
// and time (missing dates count as open), so that it reaches the detector's blocking; the
// tests check this, that the truth is consistent (duplicate clusters are complete, no pair is
// both), and that truth.json matches the data.
//
// What the package must not do:
//   - import analysis, or be used to tune the detector: a detector tuned on this set has no
//     held-out set any more;
//   - change its texts to suit the detector: a pair the detector misses is a finding, not a
//     bug in the data;
//   - depend on the clock, map iteration order or global randomness: the same call gives the
//     same data, ids included;
//   - contain real personal data or pretend to be a directory of the Kreis Lippe: the towns,
//     their keys and rough population figures (marked approximate) are real; organisations
//     are plausible kinds with invented details (example domains, 555 phone numbers), offers
//     are invented.
package heldout
