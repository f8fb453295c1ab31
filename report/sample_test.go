package report

import (
	"fmt"
	"time"
)

// The marks the tests look for in every format.
const (
	markTitle    = "Sachstandsbericht Integrationskonzept"
	markHeading1 = "Handlungsfeld Sprache und Bildung"
	markHeading2 = "Handlungsfeld Arbeitsmarkt"
	markUmlauts  = "Übergänge in Ausbildung – Größe"
	markCell     = "Rucksack KiTa Castrop-Rauxel"
	markMeasures = "Maßnahmen im Überblick"
)

var municipalities = []string{"Castrop-Rauxel", "Datteln", "Dorsten", "Gladbeck", "Haltern am See", "Herten", "Marl", "Oer-Erkenschwick", "Recklinghausen", "Waltrop"}

// sampleDocument is a realistic Sachstandsbericht: two fields of action, a table of 60
// measures (every attainment class), three indicator charts (a target line with projection,
// a target range, a falling indicator), notes, a list and a page break.
func sampleDocument() *Document {
	d := &Document{
		Title:    markTitle,
		Subtitle: "Kreis Recklinghausen – Fortschreibung 2024",
		Lang:     "de",
		Author:   "Kreis Recklinghausen, Kommunales Integrationszentrum",
		Created:  time.Date(2026, 12, 3, 9, 30, 0, 0, time.UTC),
		Meta: []KeyValue{
			{Key: "Zeitraum", Value: "01.01.2024 – 31.12.2024"},
			{Key: "Stand", Value: "03.12.2026"},
			{Key: "Region", Value: "Kreis Recklinghausen (05562)"},
		},
		TOC: true,
	}
	add := func(b ...Block) { d.Blocks = append(d.Blocks, b...) }
	add(
		HeadingBlock(1, "Zusammenfassung"),
		ParagraphBlock("Der Bericht fasst den Stand der Umsetzung des Integrationskonzepts zusammen: 60 Maßnahmen in zwei Handlungsfeldern, drei Kennzahlen mit Zielwerten. Die Bewertung folgt den Klassen erreicht, auf Kurs, gefährdet, nicht auf Kurs und keine Daten.", StyleNormal),
		ParagraphBlock("Hinweis: Für Waltrop lagen zum Stichtag keine Meldungen der Träger vor.", StyleNote),
		ListBlock("12 Maßnahmen neu begonnen", "5 Maßnahmen abgeschlossen", "3 Lücken geschlossen – 1 neu entstanden"),
		TableBlock(Table{
			Caption: "Kennzahlen nach Bewertung",
			Sheet:   "Bewertung",
			Columns: []Column{{Title: "Bewertung", Kind: KindClass}, {Title: "Kennzahlen", Kind: KindNumber}, {Title: "Anteil", Kind: KindPercent, Decimals: 1}},
			Rows: [][]Cell{
				{{Class: ClassAchieved}, {Number: Num(4)}, {Number: Num(26.7)}},
				{{Class: ClassOnTrack}, {Number: Num(5)}, {Number: Num(33.3)}},
				{{Class: ClassAtRisk}, {Number: Num(3)}, {Number: Num(20)}},
				{{Class: ClassOffTrack}, {Number: Num(2)}, {Number: Num(13.3)}},
				{{Class: ClassNoData}, {Number: Num(1)}, {Number: Num(6.7)}},
			},
		}),
		HeadingBlock(1, markHeading1),
		ParagraphBlock("Ziel 1.1: Mehr junge Zugewanderte finden einen Ausbildungsplatz.", StyleNormal),
		HeadingBlock(2, "Ziel 1.1 – Übergang Schule–Beruf"),
		ChartBlock(Chart{
			Title:       markUmlauts,
			Description: "Die Quote steigt seit 2019, das Ziel von 35 % bis 2026 wird beim jetzigen Trend knapp verfehlt.",
			Unit:        "%",
			Decimals:    1,
			Series:      []Point{{2018, 27.9}, {2019, 28.4}, {2020, 27.6}, {2021, 29.8}, {2022, 31.2}, {2023, 32.0}, {2024, 32.9}},
			Target:      Num(35),
			TargetYear:  2026,
			Baseline:    &Point{Year: 2018, Value: 27.9},
			Projection:  []Point{{2026, 34.4}},
		}),
		HeadingBlock(2, "Ziel 1.2 – Sprachförderung in der Kita"),
		ChartBlock(Chart{
			Title:       "Kinder mit Sprachförderbedarf in Kitas (Zielkorridor)",
			Description: "Der Anteil liegt seit 2023 im Zielkorridor.",
			Unit:        "%",
			Decimals:    1,
			Series:      []Point{{2020, 24.5}, {2021, 23.1}, {2022, 21.0}, {2023, 19.6}, {2024, 18.8}},
			Target:      Num(15),
			TargetUpper: Num(20),
			TargetYear:  2025,
		}),
		PageBreakBlock(),
		HeadingBlock(1, markHeading2),
		HeadingBlock(2, "Ziel 2.1 – Langzeitleistungsbezug senken"),
		ChartBlock(Chart{
			Title:      "Geflüchtete im Langzeitleistungsbezug",
			Unit:       "Personen",
			Series:     []Point{{2019, 4120}, {2020, 4380}, {2021, 4010}, {2022, 3795}, {2023, 3650}, {2024, 3420}},
			Target:     Num(3000),
			TargetYear: 2027,
			Baseline:   &Point{Year: 2019, Value: 4120},
			Projection: []Point{{2027, 2985}},
		}),
		HeadingBlock(2, markMeasures),
	)
	measures := Table{
		Caption: markMeasures + " (Stand 31.12.2024)",
		Sheet:   "Maßnahmen",
		Columns: []Column{
			{Title: "Nr.", Width: 0.6},
			{Title: "Maßnahme", Width: 3},
			{Title: "Kommune", Width: 1.6},
			{Title: "Beginn", Kind: KindDate, Width: 1.1},
			{Title: "Teilnehmende", Kind: KindNumber, Width: 1.2},
			{Title: "Kosten (€)", Kind: KindNumber, Decimals: 2, Width: 1.3},
			{Title: "Bewertung", Kind: KindClass, Width: 1.3},
		},
		Notes: []string{"Quelle: Meldungen der Träger an das Kommunale Integrationszentrum, Stichtag 31.12.2024.", "Kosten ohne Personalkosten des Kreises."},
	}
	programmes := []string{"Rucksack KiTa", "Griffbereit", "Sprachcafé", "Ausbildungslotsen", "Jobcoaching für Geflüchtete", "Elterncafé"}
	for i := range 60 {
		m := municipalities[i%len(municipalities)]
		name := programmes[i%len(programmes)] + " " + m
		if i == 7 {
			name = "Berufsorientierung mit Übergängen in Ausbildung und einer besonders langen Beschreibung, die in der Zelle umbricht"
		}
		measures.Rows = append(measures.Rows, []Cell{
			{Text: fmt.Sprintf("%d.%d", i/20+1, i%20+1)},
			{Text: name},
			{Text: m},
			{Text: fmt.Sprintf("202%d-%02d-01", i%5, i%12+1)},
			{Number: Num(float64(8 + i*3%41))},
			{Number: Num(1250.5 + float64(i)*310.25)},
			{Class: Classes[i%len(Classes)]},
		})
	}
	add(TableBlock(measures),
		ParagraphBlock("Die Bewertung der Maßnahmen folgt der Bewertung ihrer Ziele; Maßnahmen ohne Kennzahl sind mit »keine Daten« geführt.", StyleMuted),
	)
	return d
}
