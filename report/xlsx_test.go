package report

import (
	"bytes"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestXLSXReadBack reopens the workbook with excelize: the sheets, the overview's texts,
// the bold and frozen header rows, numbers, percentages and dates stored as numbers with
// formats, the class cells with word and fill, the column widths, the chart data.
func TestXLSXReadBack(t *testing.T) {
	f, err := excelize.OpenReader(bytes.NewReader(sampleOutputs()[FormatXLSX]))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if want := []string{"Übersicht", "Bewertung", "Maßnahmen", "Diagrammdaten"}; !slices.Equal(sheets, want) {
		t.Fatalf("sheets %v, want %v", sheets, want)
	}
	if f.GetActiveSheetIndex() != 0 {
		t.Error("the overview is not the active sheet")
	}

	// Overview: title, key facts, headings and paragraphs.
	rows, err := f.GetRows("Übersicht")
	if err != nil {
		t.Fatal(err)
	}
	var flat []string
	for _, r := range rows {
		flat = append(flat, strings.Join(r, "\t"))
	}
	overview := strings.Join(flat, "\n")
	for _, want := range []string{markTitle, "Zeitraum\t01.01.2024 – 31.12.2024", "Region\tKreis Recklinghausen (05562)", "Erstellt am 03.12.2026", markHeading1, "Hinweis: Für Waltrop", "• 12 Maßnahmen neu begonnen"} {
		if !strings.Contains(overview, want) {
			t.Errorf("overview lacks %q", want)
		}
	}
	if rows[0][0] != markTitle {
		t.Errorf("A1 = %q", rows[0][0])
	}

	// The measures table: caption, header, 60 rows, notes.
	const s = "Maßnahmen"
	mrows, err := f.GetRows(s)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(mrows[0][0], "Tabelle 2: "+markMeasures) {
		t.Errorf("caption %q", mrows[0][0])
	}
	if want := []string{"Nr.", "Maßnahme", "Kommune", "Beginn", "Teilnehmende", "Kosten (€)", "Bewertung"}; !slices.Equal(mrows[1], want) {
		t.Errorf("header %v", mrows[1])
	}
	if mrows[2][1] != markCell {
		t.Errorf("B3 = %q", mrows[2][1])
	}
	if !strings.HasPrefix(mrows[63][0], "Quelle:") {
		t.Errorf("notes: row 64 = %v", mrows[63])
	}

	header, _ := f.GetCellStyle(s, "B2")
	st, err := f.GetStyle(header)
	if err != nil || st.Font == nil || !st.Font.Bold {
		t.Errorf("header not bold: %+v", st)
	}
	panes, err := f.GetPanes(s)
	if err != nil || !panes.Freeze || panes.YSplit != 2 || panes.TopLeftCell != "A3" {
		t.Errorf("panes %+v, want frozen below row 2", panes)
	}
	if w, _ := f.GetColWidth(s, "B"); w < 20 {
		t.Errorf("column B is %v wide", w)
	}

	// Numbers stay numbers: raw values and number cell types.
	number := func(cell string) float64 {
		t.Helper()
		typ, err := f.GetCellType(s, cell)
		if err != nil || (typ != excelize.CellTypeNumber && typ != excelize.CellTypeUnset) {
			t.Errorf("%s: type %v", cell, typ)
		}
		raw, err := f.GetCellValue(s, cell, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		v, err := strconv.ParseFloat(raw, 64)
		if err != nil {
			t.Errorf("%s holds %q, not a number", cell, raw)
		}
		return v
	}
	if v := number("F3"); v != 1250.5 {
		t.Errorf("F3 = %v, want 1250.5", v)
	}
	if v := number("E4"); v != 11 {
		t.Errorf("E4 = %v, want 11", v)
	}
	if v := number("D3"); v != 43831 { // 2020-01-01 as an Excel serial date
		t.Errorf("D3 = %v, want the serial of 2020-01-01", v)
	}
	dateStyle, _ := f.GetCellStyle(s, "D3")
	if ds, _ := f.GetStyle(dateStyle); ds.CustomNumFmt == nil || *ds.CustomNumFmt != "dd.mm.yyyy" {
		t.Errorf("D3 format %+v", ds)
	}
	if got, _ := f.GetCellValue(s, "D3"); got != "01.01.2020" {
		t.Errorf("D3 shows %q", got)
	}
	// Percentages as fractions with a percent format.
	if raw, _ := f.GetCellValue("Bewertung", "C3", excelize.Options{RawCellValue: true}); raw != "0.267" {
		t.Errorf("Bewertung!C3 = %q, want 0.267", raw)
	}
	if got, _ := f.GetCellValue("Bewertung", "C3"); got != "26.7%" {
		t.Errorf("Bewertung!C3 shows %q", got)
	}

	// Class cells: the word and the class's fill.
	for r, class := range map[int]string{3: ClassAchieved, 4: ClassOnTrack, 5: ClassAtRisk, 6: ClassOffTrack, 7: ClassNoData} {
		cell := "G" + strconv.Itoa(r)
		v, _ := f.GetCellValue(s, cell)
		if v != newBase(&Document{Title: "x"}).classWord(class) {
			t.Errorf("%s = %q, want the word of %s", cell, v, class)
		}
		id, _ := f.GetCellStyle(s, cell)
		cs, _ := f.GetStyle(id)
		if len(cs.Fill.Color) == 0 || !strings.EqualFold(cs.Fill.Color[0], classStyles[class].fill.hex()) {
			t.Errorf("%s fill %v, want %s", cell, cs.Fill.Color, classStyles[class].fill.hex())
		}
	}

	// Chart data: one row per point, target and baseline.
	crows, err := f.GetRows("Diagrammdaten")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"Diagramm", "Art", "Jahr", "Wert", "Einheit"}; !slices.Equal(crows[0], want) {
		t.Errorf("chart data header %v", crows[0])
	}
	if len(crows) != 1+(7+1+1+1)+(5+2)+(6+1+1+1) {
		t.Errorf("%d chart data rows", len(crows))
	}
	if crows[1][0] != markUmlauts || crows[1][2] != "2018" {
		t.Errorf("first chart row %v", crows[1])
	}
	if raw, _ := f.GetCellValue("Diagrammdaten", "D2", excelize.Options{RawCellValue: true}); raw != "27.9" {
		t.Errorf("D2 = %q", raw)
	}
}

// TestXLSXSheetNames: names default to the table number and are made unique (also against
// the overview sheet, whose name depends on the language).
func TestXLSXSheetNames(t *testing.T) {
	table := func(caption, sheet string) Block {
		return TableBlock(Table{Caption: caption, Sheet: sheet, Columns: []Column{{Title: "a"}}, Rows: [][]Cell{{{Text: "1"}}}})
	}
	d := &Document{Title: "x", Blocks: []Block{
		table("eins", ""), table("zwei", ""), table("drei", "Übersicht"),
		table("vier", "Eine Tabelle mit 31 Zeichen ---"),
	}}
	f, err := excelize.OpenReader(bytes.NewReader(render(t, d, FormatXLSX)))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got := f.GetSheetList()
	want := []string{"Übersicht", "Tabelle 1", "Tabelle 2", "Übersicht (2)", "Eine Tabelle mit 31 Zeichen ---"}
	if !slices.Equal(got, want) {
		t.Errorf("sheets %q, want %q", got, want)
	}
}
