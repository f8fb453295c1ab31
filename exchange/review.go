package exchange

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/analysis/duplicates"
)

// The review list of duplicate offers: what a coordination office prints or hands round
// before deciding, one row per pair in the web app's words.

// reviewHeaders are the review list's columns.
var reviewHeaders = []string{"Cluster", "Status", "Art", "Vorschlag", "Wahrscheinlichkeit", "Maßnahme A", "Titel A", "Träger A",
	"Maßnahme B", "Titel B", "Träger B", "Kommunen", "Handlungsfelder", "Zeitraum A", "Zeitraum B", "Warum erkannt", "Was tun",
	"Urteil", "Entschieden von", "Entschieden am", "Notiz"}

// German words of the kinds, suggestions and verdicts, as the web app says them.
var (
	reviewKinds       = map[string]string{duplicates.KindData: "Datendublette", duplicates.KindParallel: "Parallelangebot", duplicates.KindMixed: "gemischt"}
	reviewSuggestions = map[string]string{duplicates.SuggestMerge: "zusammenführen", duplicates.SuggestCoordinate: "abstimmen", duplicates.SuggestMergeAndCoordinate: "zusammenführen und abstimmen"}
	reviewVerdicts    = map[string]string{duplicates.VerdictDuplicate: "Dublette", duplicates.VerdictIntended: "Gewollt (ergänzt sich)", duplicates.VerdictNotDuplicate: "Keine Dublette"}
)

// WriteDuplicateReview writes the review list of d — the reported pairs cluster by cluster,
// then the pairs set aside by a verdict — as one CSV table (UTF-8 with BOM, semicolons) or an
// XLSX workbook with one sheet "Dubletten", in German. names gives the names of municipalities
// and fields by id (ids stand in for names it lacks).
func WriteDuplicateReview(w io.Writer, format string, d *duplicates.Result, names map[string]string, now time.Time) error {
	var out sink
	switch format {
	case FormatCSV:
		out = &csvSink{w: w, mtime: now}
	case FormatXLSX:
		xs, err := newXLSXSink(w, false)
		if err != nil {
			return err
		}
		out = xs
	default:
		return fmt.Errorf("exchange: the review list is written as csv or xlsx, not %q", format)
	}
	if err := out.begin("Dubletten", "dubletten.csv", reviewHeaders, nil, nil); err != nil {
		return err
	}
	list := func(ids []string) string {
		out := make([]string, len(ids))
		for i, id := range ids {
			out[i] = id
			if n := names[id]; n != "" {
				out[i] = n
			}
		}
		return strings.Join(out, ", ")
	}
	write := func(cluster string, p *duplicates.Pair) error {
		part := map[string]duplicates.Part{}
		for _, x := range p.Parts {
			part[x.Name] = x
		}
		status, at := "offen", ""
		if p.Verdict != "" {
			status = "entschieden"
		}
		if !p.VerdictAt.IsZero() {
			at = p.VerdictAt.UTC().Format("2006-01-02")
		}
		return out.row(cells{cluster, status, reviewKinds[p.Kind], reviewSuggestions[p.Suggestion], p.Score,
			p.A, p.TitleA, part[duplicates.PartProvider].A, p.B, p.TitleB, part[duplicates.PartProvider].B,
			list(p.Municipalities), list(p.Fields), part[duplicates.PartTime].A, part[duplicates.PartTime].B,
			p.Why.DE, p.Advice.DE, reviewVerdicts[p.Verdict], p.VerdictBy, at, p.VerdictNote})
	}
	for _, c := range d.Clusters {
		for i := range c.Pairs {
			if err := write(c.ID, &c.Pairs[i]); err != nil {
				return err
			}
		}
	}
	for i := range d.Reviewed {
		if err := write("", &d.Reviewed[i]); err != nil {
			return err
		}
	}
	return out.close()
}
