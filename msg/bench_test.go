package msg

import "testing"

// BenchmarkT renders catalogue messages as the analyses do: one with a plural and numbers
// (coverage.thin), one with a plain placeholder (coverage.gap), and one without arguments.
func BenchmarkT(b *testing.B) {
	de, en := For(DE), For(EN)
	thin := Args{"offers": 3, "demand": 12345, "base": "Schutzsuchende", "density": 2.4, "thin": 3.1, "share": 25, "field": "Sprache", "median": 12.4}
	gap := Args{"field": "Sprache", "municipality": "Haltern am See", "group": ""}
	b.Run("plural", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = de.T("coverage.thin", thin)
			_ = en.T("coverage.thin", thin)
		}
	})
	b.Run("placeholders", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = de.T("coverage.gap", gap)
		}
	})
	b.Run("plain", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_ = de.T("coverage.base.foreign", nil)
		}
	})
}
