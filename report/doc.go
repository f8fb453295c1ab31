// Package report renders a format-neutral document — the Sachstandsbericht and any other
// report of the service — as one self-contained, print-ready HTML page, a PDF, a Word document
// (DOCX) or an Excel workbook (XLSX). The Document is plain data (JSON-serialisable): a title,
// key facts and a list of blocks (headings, paragraphs, lists, tables, indicator charts, page
// breaks). Whoever builds the content (package statusreport) decides what is said; this
// package decides only how it looks, the same in every format.
//
// Every text the renderers add themselves — "Seite 1 von 5", "Erstellt am …", the table of
// contents' heading, the charts' legend and axis labels, the words of the attainment classes —
// comes from the message catalogue (package msg, keys report.* and attainment.class.*), in the
// document's language.
//
// Charts are drawn once into a small scene of lines, shapes and text and written from there as
// inline SVG (HTML) or rasterised to PNG (PDF, DOCX) with golang.org/x/image/vector and the Go
// fonts, so the same data gives the same picture everywhere.
//
// What the package must not do: import analysis, graph, httpapi or any store, or do other I/O
// than writing to the io.Writer it is given. It only renders.
package report
