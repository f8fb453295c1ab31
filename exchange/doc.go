// Package exchange moves Netzwerkatlas data in and out: spreadsheet templates (CSV and XLSX
// with German headers, an explanation row and the allowed values), the import of CSV, XLSX,
// the JSON export format and GeoJSON municipality boundaries (BKG VG250 extracts), and the
// exports — lossless JSON, the directory and the analysis results as CSV or XLSX sheets,
// Open Referral HSDS 3.0, GraphML for Gephi and GeoJSON for GIS.
//
// An import reads its files row by row and turns them into one graph.Batch: every row is
// validated (by graph's own rules) and every name of a field of action, target group,
// municipality, organisation or network is resolved, case- and umlaut-insensitively, before
// anything is written; errors name file, sheet, row, column and value. A dry run stops
// there and reports; a real run applies the batch all-or-nothing. Rows are keyed by a stable
// external key (the "Schlüssel" column: a node id, or a county's own key mapped to a
// deterministic id; municipalities by AGS, regions by Kreisschlüssel), so importing the
// same file again changes nothing. Only what differs from the store goes into the batch.
//
// The integration concept has sheets of its own: Konzepte with their Zeiträume, Leitlinien,
// Ziele (a Handlungsziel names its Oberziel, which may stand further down: the goals sheet is
// held until it ends and read parents first), Kennzahlen and their measured Kennzahlwerte,
// and the Sachstände of the measures. Zeiträume, Kennzahlwerte and Sachstände amend a list of
// a node that an earlier sheet or the store holds; each such node is validated once, when its
// sheet ends, and an error of one item is reported at the row that stated it.
//
// What the package must not do: import a storage backend or httpapi (it works on the
// graph.Store interface and on snapshots), hold an input file in memory (readers stream;
// memory grows with the rows that change and the goals of the goals sheet, not with the
// file), or write anything when one row is wrong.
package exchange
