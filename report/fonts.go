package report

import (
	"sync"

	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// The Go fonts (golang.org/x/image/font/gofont, BSD licence) are the report's one typeface:
// embedded into the PDF and drawn into the chart PNGs. They cover Latin-1 and the
// typographic characters German text needs (– „ “ € …).
var goFonts = sync.OnceValues(func() (*opentype.Font, *opentype.Font) {
	regular, err := opentype.Parse(goregular.TTF)
	if err != nil {
		panic("report: the Go regular font: " + err.Error())
	}
	bold, err := opentype.Parse(gobold.TTF)
	if err != nil {
		panic("report: the Go bold font: " + err.Error())
	}
	return regular, bold
})

// faces makes font faces by size and weight. A face is not safe for concurrent use, so each
// chart rendering has its own faces.
type faces struct {
	scale float64
	cache map[faceKey]font.Face
}

type faceKey struct {
	size float64
	bold bool
}

func newFaces(scale float64) *faces { return &faces{scale: scale, cache: map[faceKey]font.Face{}} }

// face returns the face of size (in scene units) at the faces' scale.
func (f *faces) face(size float64, bold bool) font.Face {
	k := faceKey{size, bold}
	if fc, ok := f.cache[k]; ok {
		return fc
	}
	regular, b := goFonts()
	fnt := regular
	if bold {
		fnt = b
	}
	fc, err := opentype.NewFace(fnt, &opentype.FaceOptions{Size: size * f.scale, DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		panic("report: font face: " + err.Error())
	}
	f.cache[k] = fc
	return fc
}

// width returns the advance width of s in scene units.
func (f *faces) width(s string, size float64, bold bool) float64 {
	return fixedToFloat(font.MeasureString(f.face(size, bold), s)) / f.scale
}

func fixedToFloat(x fixed.Int26_6) float64 { return float64(x) / 64 }
