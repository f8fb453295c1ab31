package exchange

import (
	"fmt"

	"github.com/netzwerkatlas/netzwerkatlas/msg"
)

// Report is what an import did or, in a dry run, would do. It is the body of the API's
// import answer and what the CLI prints.
type Report struct {
	// DryRun is true when nothing was to be written.
	DryRun bool `json:"dry_run"`
	// OK is true when no row has an error: a real run then wrote everything, a dry run
	// would.
	OK bool `json:"ok"`
	// Written is true when the import changed the store.
	Written bool `json:"written"`
	// Revision is the store's revision after a real run.
	Revision uint64 `json:"revision,omitempty"`
	// Files describes each input file and its sheets.
	Files []FileReport `json:"files"`
	// Rows counts the data rows read (nodes for JSON, features for GeoJSON); Created,
	// Updated, Unchanged and Skipped count them by outcome. A row is updated when its entry
	// or one of the relationships its row states changes. A row with an error has no outcome,
	// so the four add up to Rows only when there is no error.
	Rows      int `json:"rows"`
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	Skipped   int `json:"skipped"`
	// Relations counts the relationship changes.
	Relations RelationCounts `json:"relations"`
	// Errors lists the problems, at most Options.MaxErrors of them, in file and row order;
	// ErrorCount counts all.
	Errors     []RowError `json:"errors"`
	ErrorCount int        `json:"error_count"`
	// Warnings note what was read differently than one might expect (a sheet that was not
	// read, features outside the regions).
	Warnings []string `json:"warnings"`
	// warnings are what Warnings were made from (formats and arguments), for Localize.
	warnings []problem
}

// FileReport describes one input file.
type FileReport struct {
	// File is the file's name.
	File string `json:"file"`
	// Format is csv, xlsx, json or geojson.
	Format string `json:"format"`
	// Encoding and Delimiter are what a CSV file was read as.
	Encoding  string `json:"encoding,omitempty"`
	Delimiter string `json:"delimiter,omitempty"`
	// Sheets are the tables read from the file (one for CSV, JSON and GeoJSON).
	Sheets []SheetReport `json:"sheets"`
}

// SheetReport counts the rows of one table by outcome.
type SheetReport struct {
	// Sheet is the sheet's name in the file (XLSX) or the table's German name.
	Sheet string `json:"sheet"`
	// Kind is what the table holds: a SheetKind, or nodes / features.
	Kind      string `json:"kind"`
	Rows      int    `json:"rows"`
	Created   int    `json:"created"`
	Updated   int    `json:"updated"`
	Unchanged int    `json:"unchanged"`
	Skipped   int    `json:"skipped"`
}

// RelationCounts counts relationship changes.
type RelationCounts struct {
	Added     int `json:"added"`
	Updated   int `json:"updated"`
	Removed   int `json:"removed"`
	Unchanged int `json:"unchanged"`
}

// RowError is one problem, located as precisely as the input allows.
type RowError struct {
	// File is the input file's name.
	File string `json:"file"`
	// Sheet is the sheet (XLSX) or table; empty for CSV files.
	Sheet string `json:"sheet,omitempty"`
	// Row is the 1-based row (the line in a CSV file, the spreadsheet row in XLSX, the
	// position of the node or feature in JSON and GeoJSON); 0 for the file as a whole.
	Row int `json:"row"`
	// Column is the column's header (the property for JSON and GeoJSON); empty when the
	// whole row is meant.
	Column string `json:"column,omitempty"`
	// Value is the cell as read (cut to 200 characters).
	Value string `json:"value,omitempty"`
	// Message says what is wrong and what to do (English).
	Message string `json:"message"`
	// Format and Args are what Message was made from, so that the reader's language can be
	// chosen when the report is shown (Localize); empty for fixed sentences.
	Format string `json:"-"`
	Args   []any  `json:"-"`
	// Code classifies the problem: invalid, unknown_name, ambiguous_name, duplicate_row,
	// unknown_column, missing_column, forbidden or conflict.
	Code string `json:"code"`
	// Suggestions are the closest known names for an unknown one.
	Suggestions []string `json:"suggestions,omitempty"`
}

// problem is a sentence made from an English format and its arguments.
type problem struct {
	format string
	args   []any
}

// warn adds a warning made from an English format and its arguments.
func (r *Report) warn(format string, args ...any) {
	r.Warnings = append(r.Warnings, fmt.Sprintf(format, args...))
	r.warnings = append(r.warnings, problem{format, args})
}

// Localize puts the report's problems into lang: each problem made from a format in the
// catalogue's words (msg/catalogue/problems.json), fixed sentences likewise; English keeps
// them as written.
func (r *Report) Localize(lang msg.Lang) {
	if lang == msg.EN {
		return
	}
	pr := msg.For(lang)
	for i, w := range r.warnings {
		if i < len(r.Warnings) {
			r.Warnings[i] = pr.Format(w.format, w.args...)
		}
	}
	for i := range r.Errors {
		e := &r.Errors[i]
		if e.Format != "" {
			e.Message = pr.Format(e.Format, e.Args...)
		} else {
			e.Message = pr.Literal(e.Message)
		}
	}
}

// Error codes of a RowError.
const (
	CodeInvalid       = "invalid"
	CodeUnknownName   = "unknown_name"
	CodeAmbiguousName = "ambiguous_name"
	CodeDuplicateRow  = "duplicate_row"
	CodeUnknownColumn = "unknown_column"
	CodeMissingColumn = "missing_column"
	CodeForbidden     = "forbidden"
	CodeConflict      = "conflict"
)

// Forbidden reports whether some error is a missing permission.
func (r *Report) Forbidden() bool {
	for _, e := range r.Errors {
		if e.Code == CodeForbidden {
			return true
		}
	}
	return false
}
