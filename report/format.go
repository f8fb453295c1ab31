package report

import (
	"errors"
	"fmt"
	"io"
	"strings"
)

// The output formats.
const (
	FormatHTML = "html"
	FormatPDF  = "pdf"
	FormatDOCX = "docx"
	FormatXLSX = "xlsx"
)

// Formats lists the output formats.
var Formats = []string{FormatHTML, FormatPDF, FormatDOCX, FormatXLSX}

// ErrUnknownFormat is returned (wrapped) for a format that is not one of Formats.
var ErrUnknownFormat = errors.New("unknown report format")

// Write renders d in format (html, pdf, docx or xlsx; case-insensitive) to w.
func Write(w io.Writer, d *Document, format string) error {
	switch strings.ToLower(format) {
	case FormatHTML:
		return WriteHTML(w, d)
	case FormatPDF:
		return WritePDF(w, d)
	case FormatDOCX:
		return WriteDOCX(w, d)
	case FormatXLSX:
		return WriteXLSX(w, d)
	}
	return fmt.Errorf("report: %w %q (one of %s)", ErrUnknownFormat, format, strings.Join(Formats, ", "))
}

// ContentType returns the media type of format ("" for an unknown format).
func ContentType(format string) string {
	switch strings.ToLower(format) {
	case FormatHTML:
		return "text/html; charset=utf-8"
	case FormatPDF:
		return "application/pdf"
	case FormatDOCX:
		return "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	case FormatXLSX:
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	}
	return ""
}

// FileExtension returns the file name extension of format with its dot, e.g. ".pdf" (""
// for an unknown format).
func FileExtension(format string) string {
	switch f := strings.ToLower(format); f {
	case FormatHTML, FormatPDF, FormatDOCX, FormatXLSX:
		return "." + f
	}
	return ""
}
