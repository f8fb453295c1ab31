package report_test

import (
	"fmt"
	"os"

	"github.com/netzwerkatlas/netzwerkatlas/report"
)

// A document is plain data: build it, validate it, write it in the format asked for.
func Example() {
	d := &report.Document{
		Title: "Sachstandsbericht",
		Meta:  []report.KeyValue{{Key: "Zeitraum", Value: "2024"}},
		Blocks: []report.Block{
			report.HeadingBlock(1, "Sprache und Bildung"),
			report.TableBlock(report.Table{
				Caption: "Kennzahlen",
				Columns: []report.Column{{Title: "Kennzahl"}, {Title: "Wert", Kind: report.KindPercent, Decimals: 1}, {Title: "Bewertung", Kind: report.KindClass}},
				Rows:    [][]report.Cell{{{Text: "Kita-Besuchsquote"}, {Number: report.Num(31.5)}, {Class: report.ClassOnTrack}}},
			}),
			report.ChartBlock(report.Chart{Title: "Kita-Besuchsquote", Unit: "%", Series: []report.Point{{Year: 2022, Value: 29}, {Year: 2024, Value: 31.5}}, Target: report.Num(35), TargetYear: 2026}),
		},
	}
	format := "pdf"
	if err := report.Write(os.Stdout, d, format); err != nil {
		fmt.Println(err)
	}
}

func ExampleDocument_Validate() {
	d := &report.Document{Title: "Bericht", Blocks: []report.Block{
		report.TableBlock(report.Table{
			Caption: "Kennzahlen",
			Columns: []report.Column{{Title: "Kennzahl"}, {Title: "Wert", Kind: report.KindNumber}},
			Rows:    [][]report.Cell{{{Text: "Quote"}}},
		}),
	}}
	fmt.Println(d.Validate())
	// Output: report: blocks[0].table.rows[0]: 1 cells, the table has 2 columns
}

func ExampleContentType() {
	for _, f := range report.Formats {
		fmt.Println(f, report.FileExtension(f), report.ContentType(f))
	}
	// Output:
	// html .html text/html; charset=utf-8
	// pdf .pdf application/pdf
	// docx .docx application/vnd.openxmlformats-officedocument.wordprocessingml.document
	// xlsx .xlsx application/vnd.openxmlformats-officedocument.spreadsheetml.sheet
}
