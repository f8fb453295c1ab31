package report

import (
	"bytes"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"

	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// pngScale is the chart PNG's pixels per scene unit: 1920 × 720 pixels, 305 dpi at 16 cm.
const pngScale = 3

// chartPNG rasterises the scene with golang.org/x/image/vector (anti-aliased polygon
// filling) and the Go fonts. Lines are stroked here as polygons: a quadrilateral per segment
// (per dash) with round joins; that is all a line chart needs.
func chartPNG(s *scene) ([]byte, error) {
	w, h := int(chartW*pngScale), int(chartH*pngScale)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	draw.Draw(img, img.Bounds(), image.White, image.Point{}, draw.Src)
	r := &rasterizer{dst: img, faces: newFaces(pngScale)}
	for _, sh := range s.shapes {
		r.shape(sh)
	}
	var buf bytes.Buffer
	if err := (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&buf, img); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

type rasterizer struct {
	dst   *image.RGBA
	faces *faces
	z     vector.Rasterizer
}

func (r *rasterizer) shape(sh shape) {
	scale := func(pts []vec) []vec {
		out := make([]vec, len(pts))
		for i, p := range pts {
			out[i] = vec{p.x * pngScale, p.y * pngScale}
		}
		return out
	}
	pts := scale(sh.pts)
	switch sh.kind {
	case shapeLine:
		r.stroke(pts, sh.width*pngScale, scaleDash(sh.dash), *sh.stroke)
	case shapePolygon:
		if sh.fill != nil {
			r.fill(pts, *sh.fill)
		}
		if sh.stroke != nil {
			r.stroke(append(pts, pts[0]), sh.width*pngScale, scaleDash(sh.dash), *sh.stroke)
		}
	case shapeCircle:
		c, rad := pts[0], sh.radius*pngScale
		if sh.fill == nil && sh.stroke != nil { // a ring
			ring := circle(c, rad)
			r.stroke(append(ring, ring[0]), sh.width*pngScale, nil, *sh.stroke)
			return
		}
		if sh.stroke != nil {
			r.fill(circle(c, rad+sh.width*pngScale/2), *sh.stroke)
			rad -= sh.width * pngScale / 2
		}
		if sh.fill != nil {
			r.fill(circle(c, rad), *sh.fill)
		}
	case shapeText:
		r.text(sh, pts[0])
	}
}

func scaleDash(d []float64) []float64 {
	out := make([]float64, len(d))
	for i, x := range d {
		out[i] = x * pngScale
	}
	return out
}

// fill paints a polygon, rasterising only its bounding box.
func (r *rasterizer) fill(pts []vec, c rgb) {
	if len(pts) < 3 {
		return
	}
	minX, minY, maxX, maxY := math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	for _, p := range pts {
		minX, minY = math.Min(minX, p.x), math.Min(minY, p.y)
		maxX, maxY = math.Max(maxX, p.x), math.Max(maxY, p.y)
	}
	box := image.Rect(int(math.Floor(minX)), int(math.Floor(minY)), int(math.Ceil(maxX))+1, int(math.Ceil(maxY))+1).Intersect(r.dst.Bounds())
	if box.Empty() {
		return
	}
	r.z.Reset(box.Dx(), box.Dy())
	r.z.DrawOp = draw.Over
	ox, oy := float64(box.Min.X), float64(box.Min.Y)
	r.z.MoveTo(float32(pts[0].x-ox), float32(pts[0].y-oy))
	for _, p := range pts[1:] {
		r.z.LineTo(float32(p.x-ox), float32(p.y-oy))
	}
	r.z.ClosePath()
	r.z.Draw(r.dst, box, image.NewUniform(color.RGBA{c.r, c.g, c.b, 0xff}), image.Point{})
}

// stroke paints a polyline of width w, dashed when dash is set (butt ends), else with round
// joins and ends.
func (r *rasterizer) stroke(pts []vec, w float64, dash []float64, c rgb) {
	for _, piece := range dashes(pts, dash) {
		for i := 1; i < len(piece); i++ {
			r.fill(segment(piece[i-1], piece[i], w), c)
		}
		from, to := 1, len(piece)-1
		if len(dash) == 0 {
			from, to = 0, len(piece)
		}
		for i := from; i < to; i++ {
			r.fill(circle(piece[i], w/2), c)
		}
	}
}

// segment returns the quadrilateral of the line from a to b with width w.
func segment(a, b vec, w float64) []vec {
	dx, dy := b.x-a.x, b.y-a.y
	l := math.Hypot(dx, dy)
	if l == 0 {
		return nil
	}
	nx, ny := -dy/l*w/2, dx/l*w/2
	return []vec{{a.x + nx, a.y + ny}, {b.x + nx, b.y + ny}, {b.x - nx, b.y - ny}, {a.x - nx, a.y - ny}}
}

// circle returns a polygon approximating the circle of radius rad around c.
func circle(c vec, rad float64) []vec {
	if rad <= 0 {
		return nil
	}
	n := max(12, int(rad*2))
	out := make([]vec, n)
	for i := range out {
		a := 2 * math.Pi * float64(i) / float64(n)
		out[i] = vec{c.x + rad*math.Cos(a), c.y + rad*math.Sin(a)}
	}
	return out
}

// dashes cuts a polyline into its dashes (the whole line without a pattern).
func dashes(pts []vec, pattern []float64) [][]vec {
	if len(pattern) == 0 {
		return [][]vec{pts}
	}
	var out [][]vec
	idx, left, on := 0, pattern[0], true
	cur := []vec{pts[0]}
	for i := 1; i < len(pts); i++ {
		a, b := pts[i-1], pts[i]
		seg := math.Hypot(b.x-a.x, b.y-a.y)
		pos := 0.0
		for seg-pos > left {
			pos += left
			t := pos / seg
			p := vec{a.x + (b.x-a.x)*t, a.y + (b.y-a.y)*t}
			if on {
				out = append(out, append(cur, p))
			}
			cur = []vec{p}
			on = !on
			idx = (idx + 1) % len(pattern)
			left = pattern[idx]
		}
		left -= seg - pos
		cur = append(cur, b)
	}
	if on && len(cur) > 1 {
		out = append(out, cur)
	}
	return out
}

// text draws a text shape with its baseline at p.
func (r *rasterizer) text(sh shape, p vec) {
	face := r.faces.face(sh.size, sh.bold)
	width := fixedToFloat(font.MeasureString(face, sh.text))
	x := p.x
	switch sh.anchor {
	case anchorMiddle:
		x -= width / 2
	case anchorEnd:
		x -= width
	}
	d := font.Drawer{Dst: r.dst, Face: face}
	at := func(dx, dy float64) fixed.Point26_6 {
		return fixed.Point26_6{X: fixed.Int26_6((x + dx) * 64), Y: fixed.Int26_6((p.y + dy) * 64)}
	}
	if sh.role == "label" { // a white halo keeps labels legible over lines
		d.Src = image.White
		const o = 1.5 * pngScale
		for _, off := range []vec{{-o, 0}, {o, 0}, {0, -o}, {0, o}, {-o, -o}, {o, o}, {-o, o}, {o, -o}} {
			d.Dot = at(off.x, off.y)
			d.DrawString(sh.text)
		}
	}
	d.Src = image.NewUniform(color.RGBA{sh.fill.r, sh.fill.g, sh.fill.b, 0xff})
	d.Dot = at(0, 0)
	d.DrawString(sh.text)
}
