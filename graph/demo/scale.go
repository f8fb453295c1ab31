package demo

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Scale sizes a synthetic data set. Every region gets the same numbers; the data inside
// varies with the seed.
type Scale struct {
	// Name names the preset ("county", "state", "nation") or a custom scale.
	Name                    string
	Regions                 int
	MunicipalitiesPerRegion int
	OrganisationsPerRegion  int
	// MeasuresPerRegion includes one strategic coordination measure per field.
	MeasuresPerRegion int
	ActorsPerRegion   int
	NetworksPerRegion int
	// FieldsPerRegion is the number of fields of action (1 to 9, one per canonical field).
	FieldsPerRegion int
	// GoalsPerField is the number of goals per field (1 to 3), each with one indicator,
	// below the field's strategic goal.
	GoalsPerField int
}

// The presets.
var (
	// County is one large county: 30 municipalities, 2,000 organisations, 10,000 measures.
	County = Scale{Name: "county", Regions: 1, MunicipalitiesPerRegion: 30, OrganisationsPerRegion: 2000,
		MeasuresPerRegion: 10000, ActorsPerRegion: 150, NetworksPerRegion: 60, FieldsPerRegion: 7, GoalsPerField: 3}
	// State is 40 counties: 1,120 municipalities, 20,000 organisations, 100,000 measures.
	State = Scale{Name: "state", Regions: 40, MunicipalitiesPerRegion: 28, OrganisationsPerRegion: 500,
		MeasuresPerRegion: 2500, ActorsPerRegion: 40, NetworksPerRegion: 20, FieldsPerRegion: 6, GoalsPerField: 3}
	// Nation is 400 counties: 11,200 municipalities, 200,000 organisations, 1,000,000 measures.
	Nation = Scale{Name: "nation", Regions: 400, MunicipalitiesPerRegion: 28, OrganisationsPerRegion: 500,
		MeasuresPerRegion: 2500, ActorsPerRegion: 40, NetworksPerRegion: 20, FieldsPerRegion: 6, GoalsPerField: 3}
)

// ScaleByName returns the preset called name (county, state or nation, any case).
func ScaleByName(name string) (Scale, bool) {
	for _, sc := range []Scale{County, State, Nation} {
		if strings.EqualFold(name, sc.Name) {
			return sc, true
		}
	}
	return Scale{}, false
}

// maxScaleRegions is how many 5-digit keys the synthetic range 60001–98999 holds without
// keys ending in 000 (those denote a whole state).
const maxScaleRegions = 39 * 999

// Validate reports what is wrong with sc.
func (sc Scale) Validate() error {
	var errs []error
	check := func(ok bool, format string, args ...any) {
		if !ok {
			errs = append(errs, fmt.Errorf(format, args...))
		}
	}
	check(sc.Regions >= 1 && sc.Regions <= maxScaleRegions, "regions must be between 1 and %d", maxScaleRegions)
	check(sc.MunicipalitiesPerRegion >= 1 && sc.MunicipalitiesPerRegion <= 999, "municipalities per region must be between 1 and 999 (the last three digits of the AGS)")
	check(sc.FieldsPerRegion >= 1 && sc.FieldsPerRegion <= len(graph.CanonicalFields), "fields per region must be between 1 and %d", len(graph.CanonicalFields))
	check(sc.GoalsPerField >= 1 && sc.GoalsPerField <= 3, "goals per field must be between 1 and 3")
	check(sc.OrganisationsPerRegion >= 1, "a region needs at least one organisation")
	check(sc.MeasuresPerRegion >= 0 && sc.ActorsPerRegion >= 0 && sc.NetworksPerRegion >= 0, "counts must not be negative")
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("scale %s: %w", sc.Name, err)
	}
	return nil
}

// EstimatedOps estimates the number of operations GenerateScale emits for sc (nodes plus
// relationships), for progress reports. The random parts (target groups per measure, sizes
// of networks) make it an estimate; it is usually within a few per cent.
func (sc Scale) EstimatedOps() int {
	m, o, f := float64(sc.MunicipalitiesPerRegion), float64(sc.OrganisationsPerRegion), float64(sc.FieldsPerRegion)
	core := math.Min(o, float64(len(scaleCore)))
	g := float64(sc.GoalsPerField)
	nodes := 1 + m + f + o + float64(sc.ActorsPerRegion) + float64(sc.NetworksPerRegion) + float64(sc.MeasuresPerRegion) +
		1 + float64(len(scaleGuidelines)) + f*(1+2*g) // concept, guidelines, goals with indicators
	rels := f*g + f*(g+1) + // MEASURED_BY, IN_FIELD of goals
		core*m + (o-core)*1.2 + // ACTIVE_IN
		float64(sc.ActorsPerRegion)*2.5 + // WORKS_FOR and MEMBER_OF of actors
		float64(sc.NetworksPerRegion)*(11+2+m*0.25) + // MEMBER_OF, WORKS_ON, COVERS
		o/4 + // COOPERATES_WITH
		float64(sc.MeasuresPerRegion)*(3+1.75+1.45) // PROVIDES, IN_FIELD, PURSUES; TARGETS; OFFERED_IN
	return len(targetGroups) + int(float64(sc.Regions)*(nodes+rels))
}

// GenerateScale streams a synthetic data set of size sc to emit, region by region, in
// batches of at most BatchSize operations (upserts of nodes before the relationships that
// use them). Only one region is held in memory at a time. The data depends only on sc and
// seed: region i draws from its own random stream, and ids are made from a fixed base time
// plus an offset, so two runs emit identical batches. GenerateScale stops at the first error
// of emit or when ctx is done.
//
// Synthetic regions have keys from 60001 up, which no real county uses; their
// municipalities are squares on a grid over Germany, so that maps work.
func GenerateScale(ctx context.Context, sc Scale, seed uint64, emit func(*graph.Batch) error) error {
	if err := sc.Validate(); err != nil {
		return err
	}
	out := &emitter{ctx: ctx, emit: emit}
	for _, g := range targetGroups {
		out.op(graph.Op{Action: graph.OpUpsert, Entity: &graph.TargetGroup{Meta: graph.Meta{ID: groupID(g.key), Visibility: graph.Public}, Name: g.name, Description: g.desc}})
	}
	for i := range sc.Regions {
		g := newRegionGen(sc, seed, i)
		g.build(out)
		if err := out.flush(); err != nil {
			return err
		}
	}
	return out.err
}

// SeedScale writes the synthetic data set of size sc into s, batch by batch, with the audit
// summary "scale seed <name>". progress, when not nil, is called after every batch with the
// operations written so far and the estimated total (raised to the count written when the
// estimate was low); the last call has done == total. Like Seed it is idempotent.
func SeedScale(ctx context.Context, s graph.Store, sc Scale, seed uint64, progress func(done, total int)) error {
	total, done := sc.EstimatedOps(), 0
	summary := "scale seed " + sc.Name
	err := GenerateScale(ctx, sc, seed, func(b *graph.Batch) error {
		b.Summary, b.Message = summary, &graph.Message{Key: "audit.scale_seed", Args: map[string]any{"name": sc.Name}}
		if _, err := s.Apply(ctx, b); err != nil {
			return err
		}
		done += len(b.Ops)
		if progress != nil {
			progress(done, max(total, done))
		}
		return nil
	})
	if err == nil && progress != nil && done != total {
		progress(done, done)
	}
	return err
}

// emitter collects operations into batches.
type emitter struct {
	ctx  context.Context
	emit func(*graph.Batch) error
	ops  []graph.Op
	err  error
}

func (e *emitter) op(o graph.Op) {
	if e.err != nil {
		return
	}
	e.ops = append(e.ops, o)
	if len(e.ops) >= BatchSize {
		e.err = e.flush()
	}
}

func (e *emitter) node(n graph.Entity) { e.op(graph.Op{Action: graph.OpUpsert, Entity: n}) }

func (e *emitter) relate(t graph.RelType, from, to string, props graph.RelProps) {
	e.op(graph.Op{Action: graph.OpRelate, Relation: graph.Relation{RelationKey: graph.RelationKey{Type: t, From: from, To: to}, Props: props}})
}

func (e *emitter) flush() error {
	if e.err != nil || len(e.ops) == 0 {
		return e.err
	}
	if err := e.ctx.Err(); err != nil {
		e.err = err
		return err
	}
	b := &graph.Batch{Ops: e.ops}
	e.ops = make([]graph.Op, 0, BatchSize)
	e.err = e.emit(b)
	return e.err
}

// scaleCore are the county-wide organisations every synthetic region has (name pattern,
// kind); {K} is the county's name.
var scaleCore = []struct{ key, name, kind string }{
	{"ki", "Kommunales Integrationszentrum {K}", kAdmin},
	{"jc", "Jobcenter {K}", kJobcenter},
	{"aa", "Agentur für Arbeit {T}", kAgency},
	{"abh", "{K} – Ausländerbehörde", kImmigration},
	{"caritas", "Caritasverband {K}", kWelfare},
	{"diakonie", "Diakonisches Werk {K}", kWelfare},
	{"awo", "AWO Kreisverband {K}", kWelfare},
	{"drk", "DRK-Kreisverband {K}", kWelfare},
	{"pari", "Der Paritätische – Kreisgruppe {K}", kWelfare},
	{"vhs", "Kreisvolkshochschule {K}", kEducation},
	{"ksb", "Kreissportbund {K}", kClub},
	{"ihk", "IHK – Geschäftsstelle {T}", kChamber},
	{"hwk", "Kreishandwerkerschaft {K}", kChamber},
	{"schulamt", "Schulamt {K}", kSchool},
	{"ga", "{K} – Gesundheitsamt", kAdmin},
	{"psz", "Psychosoziales Zentrum {K}", kHealth},
}

// scaleLocal are the kinds of local organisations with their weights and name patterns.
var scaleLocal = []struct {
	kind   string
	weight int
	names  []string
}{
	{kVolunteer, 14, []string{"Flüchtlingshilfe {T}", "Helferkreis Asyl {T}", "Willkommensinitiative {T}", "Freundeskreis Integration {T}"}},
	{kDaycare, 14, []string{"Kita {N} {T}", "Familienzentrum {N} {T}", "Kinderhaus {N} {T}"}},
	{kClub, 14, []string{"TSV {T}", "SV {N} {T}", "TuS {T}", "Schwimmverein {T}", "FC {T}", "Turnverein {T}"}},
	{kSchool, 10, []string{"Grundschule {N} {T}", "Gemeinschaftsschule {T}", "Realschule {T}", "Gymnasium {T}"}},
	{kMigrant, 10, []string{"Deutsch-Türkischer Kulturverein {T}", "Syrischer Kulturverein {T}", "Ukrainische Gemeinschaft {T}", "Afghanischer Verein {T}", "Italienischer Kulturkreis {T}", "Afrikanischer Elternverein {T}"}},
	{kReligious, 8, []string{"Evangelische Kirchengemeinde {T}", "Katholische Pfarrei {N} {T}", "Moscheegemeinde {T}"}},
	{kWelfare, 8, []string{"Caritas-Beratungsstelle {T}", "Diakoniestation {T}", "AWO-Ortsverein {T}", "DRK-Ortsverein {T}"}},
	{kEducation, 6, []string{"Sprachschule {T}", "Bildungswerk {T}", "Lernzentrum {N} {T}"}},
	{kHealth, 6, []string{"Hebammenpraxis {T}", "Pflegedienst {N} {T}", "Gesundheitszentrum {T}"}},
	{kBusiness, 5, []string{"Handwerksbetrieb {L} {T}", "{L} GmbH {T}", "Wohnbau {T}"}},
	{kOther, 5, []string{"Jugendhaus {T}", "Stadtteilzentrum {N} {T}", "Mehrgenerationenhaus {T}"}},
}

var scaleNameWords = []string{"Regenbogen", "Sonnenschein", "Löwenzahn", "Kunterbunt", "Am Park", "St. Marien", "Lindenhof", "Am Bach",
	"Arche", "Sternschnuppe", "Pusteblume", "Am Markt", "Eintracht", "Blau-Weiß", "St. Martin", "Waldblick"}

// Syllables of synthetic town names.
var (
	townPrefixes = []string{"Ober", "Nieder", "Groß", "Klein", "Neu", "Alt", "Hohen"}
	townStems    = []string{"linden", "eichen", "buchen", "tannen", "birken", "erlen", "wald", "stein", "mühl", "kirch", "rosen", "wiesen",
		"sonnen", "hassel", "roden", "espel", "weiden", "hagen", "brunn", "fichten", "ahorn", "holz", "winter", "kalten", "marien",
		"falken", "greifen", "lauter", "grün", "hirsch", "kranich", "wolfs", "adler", "eschen"}
	townSuffixes = []string{"dorf", "bach", "hausen", "heim", "feld", "ingen", "au", "burg", "stadt", "rode", "born", "weiler", "hofen",
		"berg", "tal", "beck", "stedt", "leben", "werder", "furt"}
	scaleLanguages = []string{"ar", "tr", "uk", "ru", "pl", "ro", "fa", "it", "el", "hr", "ku", "prs", "ti", "sq"}
)

// townName makes a German-sounding town name.
func townName(r *rand.Rand) string {
	stem := pick(r, townStems)
	name := strings.ToUpper(stem[:1]) + stem[1:] + pick(r, townSuffixes)
	switch x := r.IntN(10); {
	case x < 2:
		name = pick(r, townPrefixes) + strings.ToLower(name[:1]) + name[1:]
	case x < 3:
		name = "Bad " + name
	}
	return name
}

// regionKey returns the 5-digit key of synthetic region i: 60001, 60002, … skipping keys that
// end in 000.
func regionKey(i int) string {
	return strconv.Itoa(60000 + (i/999)*1000 + i%999 + 1)
}

// regionGen generates one synthetic region.
type regionGen struct {
	sc     Scale
	i      int
	r      *rand.Rand
	ids    *seqIDs
	key    string
	name   string
	towns  []*scaleTown
	popCum []float64
	fields []*scaleField
	orgs   []*scaleOrg
	core   []*scaleOrg
	// byTown[t][kind] lists the local organisations of a kind in town t.
	byTown []map[string][]*scaleOrg
}

type scaleTown struct {
	ags, name  string
	pop        int64
	lon0, lat0 float64 // south-west corner
	w, h       float64
}

type scaleField struct {
	id        string
	name      string
	canonical string
	topics    []topic
	goals     []*goalInfo
	tmpls     []*template
}

type scaleOrg struct {
	key, id, name, kind, slug string
	town                      int
}

// regionSpan separates the id timestamps of regions (about 4.7 hours of milliseconds).
const regionSpan = (1 << 24) * time.Millisecond

func newRegionGen(sc Scale, seed uint64, i int) *regionGen {
	r := rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15^uint64(i)))
	return &regionGen{sc: sc, i: i, r: r, key: regionKey(i),
		ids: &seqIDs{base: epoch.Add(time.Duration(i) * regionSpan), entropy: randReader{r}}}
}

func (g *regionGen) build(out *emitter) {
	g.municipalities()
	g.name = "Landkreis " + g.towns[0].name
	out.node(&graph.Region{Meta: graph.Meta{ID: g.key, Visibility: graph.Public}, Name: g.name, Kind: "county"})
	g.writeMunicipalities(out)
	g.fieldsAndGoals(out)
	g.organisations(out)
	g.actorsAndNetworks(out)
	g.measures(out)
}

// municipalities lays the region's towns out as squares on a grid. Regions sit on a grid over
// Germany (5.9–14.9° E, 47.3–53.3° N); larger data sets use smaller squares.
func (g *regionGen) municipalities() {
	cols := int(math.Ceil(math.Sqrt(float64(g.sc.Regions))))
	cw, ch := min(0.45, 9/float64(cols)), min(0.30, 6/float64(cols))
	rx, ry := g.i%cols, g.i/cols
	m := g.sc.MunicipalitiesPerRegion
	mc := int(math.Ceil(math.Sqrt(float64(m))))
	mr := (m + mc - 1) / mc
	seen := map[string]bool{}
	var cum float64
	for j := range m {
		name := townName(g.r)
		for seen[name] {
			name = townName(g.r)
		}
		seen[name] = true
		// A few towns of 20,000 to 120,000 inhabitants, most between 1,500 and 20,000.
		var pop float64
		switch {
		case j == 0:
			pop = 40000 + 80000*g.r.Float64()
		case j < 4:
			pop = 15000 + 35000*g.r.Float64()
		default:
			pop = 1500 * math.Pow(13, g.r.Float64())
		}
		t := &scaleTown{ags: fmt.Sprintf("%s%03d", g.key, j+1), name: name, pop: int64(pop),
			w: cw / float64(mc), h: ch / float64(mr)}
		t.lon0 = 5.9 + float64(rx)*cw + float64(j%mc)*t.w
		t.lat0 = 47.3 + float64(ry)*ch + float64(j/mc)*t.h
		g.towns = append(g.towns, t)
		cum += pop
		g.popCum = append(g.popCum, cum)
	}
}

// square returns the town's boundary as a GeoJSON Polygon (counter-clockwise).
func (t *scaleTown) square() json.RawMessage {
	x0, y0, x1, y1 := round5(t.lon0), round5(t.lat0), round5(t.lon0+t.w), round5(t.lat0+t.h)
	return fmt.Appendf(nil, `{"type":"Polygon","coordinates":[[[%g,%g],[%g,%g],[%g,%g],[%g,%g],[%g,%g]]]}`,
		x0, y0, x1, y0, x1, y1, x0, y1, x0, y0)
}

// point returns a random point well inside the town.
func (t *scaleTown) point(r *rand.Rand) (lat, lon float64) {
	return round5(t.lat0 + t.h*(0.1+0.8*r.Float64())), round5(t.lon0 + t.w*(0.1+0.8*r.Float64()))
}

// randomTown picks a town with probability proportional to its population.
func (g *regionGen) randomTown() int {
	x := g.r.Float64() * g.popCum[len(g.popCum)-1]
	i, _ := slices.BinarySearch(g.popCum, x)
	return min(i, len(g.towns)-1)
}

func (g *regionGen) writeMunicipalities(out *emitter) {
	share := 0.05 + 0.13*g.r.Float64()
	for _, t := range g.towns {
		f := share * (0.8 + 0.4*g.r.Float64())
		out.node(&graph.Municipality{Meta: graph.Meta{ID: t.ags, Visibility: graph.Public}, Name: t.name, Region: g.key,
			Population: t.pop, ForeignPopulation: int64(float64(t.pop) * f), ProtectionSeekers: int64(float64(t.pop) * f * 0.18),
			PopulationYear: 2022, PopulationSource: "approximate", ForeignSource: "approximate", Geometry: t.square()})
	}
}

func (g *regionGen) fieldsAndGoals(out *emitter) {
	// Every concept has language and work; the others are drawn.
	canon := []string{"language_education", "work"}
	rest := slices.Clone(graph.CanonicalFields[2:])
	g.r.Shuffle(len(rest), func(i, j int) { rest[i], rest[j] = rest[j], rest[i] })
	canon = append(canon, rest...)[:g.sc.FieldsPerRegion]
	for _, c := range canon {
		f := &scaleField{id: g.ids.next(graph.KindField), name: pick(g.r, fieldNames[c]), canonical: c, topics: canonicalTopics[c]}
		for _, t := range templates {
			if t.state == "" && !t.strategic && t.fits(f.topics) {
				f.tmpls = append(f.tmpls, t)
			}
		}
		g.fields = append(g.fields, f)
		out.node(&graph.FieldOfAction{Meta: graph.Meta{ID: f.id, Visibility: graph.Public}, Name: f.name, Region: g.key, Canonical: c})
	}
	g.concept(out)
}

// scaleGuidelines are the Leitlinien of every synthetic concept.
var scaleGuidelines = [][2]string{
	{"Teilhabe für alle", "Zugewanderte sollen gleichberechtigt an Bildung, Arbeit und gesellschaftlichem Leben teilhaben."},
	{"Integration ist eine gemeinsame Aufgabe", "Kreis, Städte und Gemeinden, Träger und Ehrenamt stimmen ihre Angebote ab und vermeiden Doppelstrukturen."},
}

// scaleLeitziele are the strategic goals of the synthetic concepts per canonical field.
var scaleLeitziele = map[string]string{
	"language_education": "Alle Zugewanderten lernen Deutsch und nutzen die Bildungsangebote von der Kita bis zur Weiterbildung.",
	"work":               "Zugewanderte finden eine Ausbildung oder Arbeit, die ihren Fähigkeiten entspricht.",
	"housing":            "Zugewanderte wohnen in eigenem, bezahlbarem Wohnraum in guter Nachbarschaft.",
	"health":             "Zugewanderte finden Zugang zu Gesundheitsversorgung und Vorsorge.",
	"family":             "Zugewanderte Familien finden früh Unterstützung für sich und ihre Kinder.",
	"participation":      "Zugewanderte und Einheimische gestalten das Zusammenleben gemeinsam.",
	"engagement":         "Ehrenamtliches Engagement von und für Zugewanderte wird gestärkt.",
	"sport_leisure":      "Zugewanderte sind in Sport- und Freizeitvereinen aktiv.",
	"institutional":      "Verwaltung und Einrichtungen öffnen sich interkulturell und arbeiten abgestimmt zusammen.",
}

// concept writes the region's integration concept: two Leitlinien, a strategic goal per
// field with the field's goals below it, and one indicator per goal with baseline (2020),
// target, target year and direction, a region series 2021–2025 and values per municipality
// for 2024 and 2025. Cheap on purpose: the scale data set is about size.
func (g *regionGen) concept(out *emitter) {
	cid := g.ids.next(graph.KindConcept)
	out.node(&graph.Concept{Meta: graph.Meta{ID: cid, Visibility: graph.Public}, Title: "Integrationskonzept " + g.name, Region: g.key,
		Periods: []graph.ConceptPeriod{{Name: "Integrationskonzept 2020", Starts: "2020-01-01", Ends: "2024-12-31"}, {Name: "Fortschreibung 2025", Starts: "2025-01-01"}}})
	var gls []string
	for i, gl := range scaleGuidelines {
		id := g.ids.next(graph.KindGuideline)
		gls = append(gls, id)
		out.node(&graph.Guideline{Meta: graph.Meta{ID: id, Visibility: graph.Public}, Title: gl[0], Description: gl[1], Region: g.key,
			Concept: cid, Reference: fmt.Sprintf("L %d", i+1)})
	}
	var foreign float64
	for _, tw := range g.towns {
		foreign += float64(tw.pop) * 0.12
	}
	for fi, f := range g.fields {
		top := g.ids.next(graph.KindGoal)
		out.node(&graph.Goal{Meta: graph.Meta{ID: top, Visibility: graph.Public}, Text: scaleLeitziele[f.canonical], Region: g.key,
			Concept: cid, Guideline: gls[fi%len(gls)], Level: "strategic", Reference: strconv.Itoa(fi + 1), Period: "Integrationskonzept 2020"})
		out.relate(graph.InField, top, f.id, graph.RelProps{})
		for k := range g.sc.GoalsPerField {
			t := f.topics[k%len(f.topics)]
			gs := goalsByTopic[t][k/len(f.topics)%len(goalsByTopic[t])]
			gi := &goalInfo{id: g.ids.next(graph.KindGoal), topic: t, spec: gs}
			f.goals = append(f.goals, gi)
			targetYear := 2027 + g.r.IntN(4)
			out.node(&graph.Goal{Meta: graph.Meta{ID: gi.id, Visibility: graph.Public}, Text: gs.text, Region: g.key, Concept: cid,
				Parent: top, Level: "operational", Reference: fmt.Sprintf("%d.%d", fi+1, k+1), Period: "Integrationskonzept 2020",
				Due: graph.Date(fmt.Sprintf("%d-12-31", targetYear))})
			out.relate(graph.InField, gi.id, f.id, graph.RelProps{})
			ind := scaleIndicator(g.r, gs, foreign, targetYear)
			ind.ID, ind.Visibility, ind.Region = g.ids.next(graph.KindIndicator), graph.Public, g.key
			latest := slices.Clone(ind.Values[len(ind.Values)-2:])
			for _, tw := range g.towns {
				share := float64(tw.pop) * 0.12 / foreign
				for _, v := range latest {
					x := v.Value * (0.8 + 0.4*g.r.Float64())
					if gs.perForeign {
						x = math.Round(v.Value * share)
					}
					ind.Values = append(ind.Values, graph.IndicatorValue{Municipality: tw.ags, Year: v.Year, Value: roundTo(x, 1)})
				}
			}
			out.node(ind)
			out.relate(graph.MeasuredBy, gi.id, ind.ID, graph.RelProps{})
		}
	}
}

// scaleIndicator makes a goal's indicator for a synthetic region with foreign inhabitants:
// baseline 2020 at the bad end of the spec's range, the target at its good end, and a
// region series 2021–2025 that moves by -10 % to +25 % of the distance a year.
func scaleIndicator(r *rand.Rand, gs goalSpec, foreign float64, targetYear int) *graph.Indicator {
	k, dec := 1.0, 1
	if gs.perForeign {
		k, dec = foreign/1000, 0
	}
	base, target := gs.lo*k, cmpOrNum(gs.target*k, gs.hi*k)
	if gs.lowerBetter {
		base, target = gs.hi*k, cmpOrNum(gs.target*k, gs.lo*k)
	}
	base, target = roundTo(base, dec), niceTarget(target, dec)
	ind := &graph.Indicator{Name: gs.indicator, Unit: gs.unit, Description: gs.desc,
		Source:    strings.NewReplacer("{land}", "Statistisches Landesamt", "{ki}", "Integrationsbüro des Kreises").Replace(gs.source),
		Direction: gs.direction(), Baseline: ptr(base), BaselineYear: 2020, Target: ptr(target), TargetYear: targetYear}
	slope := -0.1 + 0.35*r.Float64()
	for y := 2021; y <= lastYear; y++ {
		ind.Values = append(ind.Values, graph.IndicatorValue{Year: y, Value: math.Max(0, roundTo(base+slope*float64(y-2020)*(target-base), dec))})
	}
	return ind
}

func (g *regionGen) organisations(out *emitter) {
	county := strings.TrimPrefix(g.name, "Landkreis ")
	names := map[string]int{}
	g.byTown = make([]map[string][]*scaleOrg, len(g.towns))
	for i := range g.byTown {
		g.byTown[i] = map[string][]*scaleOrg{}
	}
	totalWeight := 0
	for _, l := range scaleLocal {
		totalWeight += l.weight
	}
	for n := range g.sc.OrganisationsPerRegion {
		o := &scaleOrg{}
		if n < len(scaleCore) {
			c := scaleCore[n]
			o.key, o.kind, o.town = c.key, c.kind, 0
			o.name = strings.NewReplacer("{K}", "Landkreis "+county, "{T}", g.towns[0].name).Replace(c.name)
		} else {
			o.town = g.randomTown()
			if n-len(scaleCore) < len(g.towns) {
				o.town = n - len(scaleCore) // every town gets its administration first
			}
			t := g.towns[o.town]
			if n-len(scaleCore) < len(g.towns) {
				o.kind, o.name = kAdmin, "Gemeinde "+t.name+" – Integration"
			} else {
				x := g.r.IntN(totalWeight)
				for _, l := range scaleLocal {
					if x -= l.weight; x < 0 {
						o.kind = l.kind
						o.name = strings.NewReplacer("{T}", t.name, "{N}", pick(g.r, scaleNameWords),
							"{L}", pick(g.r, nameGroups[0].last)).Replace(pick(g.r, l.names))
						break
					}
				}
			}
			g.byTown[o.town][o.kind] = append(g.byTown[o.town][o.kind], o)
		}
		if k := names[o.name]; k > 0 {
			names[o.name]++
			o.name = fmt.Sprintf("%s %d", o.name, k+1)
		} else {
			names[o.name] = 1
		}
		o.id = g.ids.next(graph.KindOrganisation)
		o.slug = slug(o.name, 60)
		g.orgs = append(g.orgs, o)
		if n < len(scaleCore) {
			g.core = append(g.core, o)
		}
		t := g.towns[o.town]
		lat, lon := t.point(g.r)
		out.node(&graph.Organisation{Meta: graph.Meta{ID: o.id, Visibility: graph.Public}, Name: o.name, Region: g.key, Kind: o.kind,
			Website: "https://www." + o.slug + ".example", Email: "info@" + o.slug + ".example",
			Phone:  fmt.Sprintf("0%d 555-%04d", 2000+g.i%8000, g.r.IntN(10000)),
			Street: fmt.Sprintf("%s %d", pick(g.r, streets), between(g.r, 1, 80)), PostalCode: fmt.Sprintf("%05d", 10000+(g.i*31+o.town)%89999),
			City: t.name, Lat: ptr(lat), Lon: ptr(lon)})
	}
	// ACTIVE_IN: county-wide organisations everywhere, local ones in their town and now and
	// then the next one.
	for i, o := range g.orgs {
		if i < len(g.core) {
			for _, t := range g.towns {
				out.relate(graph.ActiveIn, o.id, t.ags, graph.RelProps{})
			}
			continue
		}
		out.relate(graph.ActiveIn, o.id, g.towns[o.town].ags, graph.RelProps{})
		if o.town+1 < len(g.towns) && chance(g.r, 0.2) {
			out.relate(graph.ActiveIn, o.id, g.towns[o.town+1].ags, graph.RelProps{})
		}
	}
}

func (g *regionGen) actorsAndNetworks(out *emitter) {
	type net struct {
		id      string
		members []*scaleOrg
	}
	var nets []*net
	for n := range g.sc.NetworksPerRegion {
		nt := &net{id: g.ids.next(graph.KindNetwork)}
		nets = append(nets, nt)
		name, kind, level, cadence := "", "", "county", "quarterly"
		covers := g.towns
		var fields []int
		switch {
		case n == 0:
			name, kind = "Steuerungsgruppe Integration "+g.name, "steering_group"
			nt.members = g.core[:min(8, len(g.core))]
			for f := range g.fields {
				fields = append(fields, f)
			}
		case n == 1:
			name, kind, cadence = "Runder Tisch Migration "+g.name, "round_table", "semiannual"
			nt.members = append(slices.Clone(g.core), g.sampleOrgs(between(g.r, 10, 20))...)
			fields = []int{0}
		case n == 2:
			name, kind = "Integrationsbeirat "+g.name, "advisory_board"
			nt.members = g.sampleOrgs(between(g.r, 6, 12))
		case n-3 < len(g.fields):
			name, kind, cadence = "Arbeitskreis "+g.fields[n-3].name, "working_group", pick(g.r, graph.Cadences)
			nt.members = append([]*scaleOrg{g.core[0]}, g.sampleOrgs(between(g.r, 5, 15))...)
			fields = []int{n - 3}
		default:
			// Municipal round tables, town by town: the integration office and local
			// organisations of the town.
			k := n - 3 - len(g.fields)
			t := k % len(g.towns)
			name, kind, level, cadence = "Runder Tisch Integration "+g.towns[t].name, "round_table", "municipal", "monthly"
			if k >= len(g.towns) {
				name = fmt.Sprintf("%s %d", name, k/len(g.towns)+1)
			}
			var locals []*scaleOrg
			for _, k := range graph.OrganisationKinds {
				locals = append(locals, g.byTown[t][k]...)
			}
			nt.members = append([]*scaleOrg{g.core[0]}, locals[:min(len(locals), between(g.r, 4, 12))]...)
			covers = g.towns[t : t+1]
			fields = []int{g.r.IntN(len(g.fields))}
		}
		out.node(&graph.Network{Meta: graph.Meta{ID: nt.id, Visibility: graph.Public}, Name: name, Region: g.key, Kind: kind, Level: level, Cadence: cadence})
		for _, t := range covers {
			out.relate(graph.Covers, nt.id, t.ags, graph.RelProps{})
		}
		seen := map[*scaleOrg]bool{}
		for _, o := range nt.members {
			if !seen[o] {
				seen[o] = true
				out.relate(graph.MemberOf, o.id, nt.id, graph.RelProps{Role: "Mitglied", Since: date(month(between(g.r, -60, 90)))})
			}
		}
		for _, f := range fields {
			out.relate(graph.WorksOn, nt.id, g.fields[f].id, graph.RelProps{})
		}
	}
	coop := map[[2]*scaleOrg]bool{}
	for range g.sc.OrganisationsPerRegion / 4 {
		a, b := pick(g.r, g.orgs), pick(g.r, g.orgs)
		if a.id > b.id {
			a, b = b, a
		}
		if a != b && !coop[[2]*scaleOrg{a, b}] {
			coop[[2]*scaleOrg{a, b}] = true
			out.relate(graph.CooperatesWith, a.id, b.id, graph.RelProps{Since: date(month(between(g.r, -36, 96))), Note: pick(g.r, coopNotes)})
		}
	}
	for range g.sc.ActorsPerRegion {
		female := chance(g.r, 0.55)
		name := personName(g.r, female)
		o := g.orgs[0]
		if chance(g.r, 0.5) {
			o = pick(g.r, g.orgs)
		}
		id := g.ids.next(graph.KindActor)
		out.node(&graph.Actor{Meta: graph.Meta{ID: id, Visibility: graph.Internal}, Name: name, Region: g.key, Role: "Koordination",
			Email: emailLocal(name) + "@" + o.slug + ".example", Phone: fmt.Sprintf("0%d 555-%04d", 2000+g.i%8000, g.r.IntN(10000)), Consent: true})
		out.relate(graph.WorksFor, id, o.id, graph.RelProps{Role: "Koordination"})
		for _, nt := range nets {
			if slices.Contains(nt.members, o) && chance(g.r, 0.5) {
				out.relate(graph.MemberOf, id, nt.id, graph.RelProps{Role: "Mitglied"})
				break
			}
		}
	}
}

func (g *regionGen) sampleOrgs(n int) []*scaleOrg {
	var os []*scaleOrg
	for range n {
		os = append(os, pick(g.r, g.orgs))
	}
	return os
}

// measures writes the region's measures: one coordination measure per field, the rest drawn
// from the templates, mostly in one town (chosen by population), some across a few
// neighbouring towns.
func (g *regionGen) measures(out *emitter) {
	for n := range g.sc.MeasuresPerRegion {
		f := g.fields[n%len(g.fields)]
		fi := n % len(g.fields)
		if n >= len(g.fields) {
			fi = g.r.IntN(len(g.fields))
			f = g.fields[fi]
		}
		t := coordination
		if n >= len(g.fields) && len(f.tmpls) > 0 {
			t = pick(g.r, f.tmpls)
		}
		town := g.randomTown()
		towns := []int{town}
		status := randomStatus(g.r)
		if t == coordination {
			town, towns, status = 0, []int{0}, active
		} else if t.area && chance(g.r, 0.3) {
			for k := 1; k < between(g.r, 2, 6) && town+k < len(g.towns); k++ {
				towns = append(towns, town+k)
			}
		}
		// Providers: a local organisation of a fitting kind in the town, otherwise a
		// county-wide one; offers across towns come from county-wide organisations.
		var prov *scaleOrg
		if len(towns) == 1 && t != coordination {
			var cands []*scaleOrg
			for _, k := range t.kinds {
				cands = append(cands, g.byTown[town][k]...)
			}
			if len(cands) > 0 && chance(g.r, 0.75) {
				prov = pick(g.r, cands)
			}
		}
		if prov == nil {
			prov = g.core[0]
			for _, c := range g.core[1:] {
				if runs(c.key, c.kind, t) && (prov == g.core[0] || chance(g.r, 0.5)) {
					prov = c
				}
			}
		}
		g.measure(out, t, fi, towns, prov, status)
	}
}

func (g *regionGen) measure(out *emitter, t *template, fi int, towns []int, prov *scaleOrg, status string) {
	r := g.r
	f := g.fields[fi]
	id := g.ids.next(graph.KindMeasure)
	starts, ends := measureDates(r, status)
	langs := offerLanguages(r, t, scaleLanguages)
	m := &graph.Measure{Meta: graph.Meta{ID: id, Visibility: graph.Public}, Region: g.key, Status: status, Level: "operational",
		Starts: starts, Ends: ends, Languages: langs, Programme: t.programme}
	if chance(r, 0.08) {
		m.Visibility = graph.Internal
	}
	var capacity int64
	if t.capacity[1] > 0 {
		capacity = int64(between(r, t.capacity[0], t.capacity[1]))
	}
	m.Capacity = capacity
	if t.strategic {
		m.Level = "strategic"
	} else {
		m.Format, m.Cost = measureFormat(r, t), measureCost(r, t)
	}
	tw := g.towns[towns[0]]
	v := textVars{town: tw.name, inTown: "in " + tw.name, provider: prov.name, venue: pick(r, venues[prov.kind]),
		field: f.name, langs: languageList(langs), capacity: capacity}
	if len(towns) > 1 {
		v.town, v.inTown = "Raum "+tw.name, "in "+tw.name+" und Umgebung"
	}
	v.fee, v.free = costText(m.Cost, t)
	m.Title, m.Description = t.compose(randomWording(r, t), &v)
	out.node(m)
	out.relate(graph.Provides, prov.id, id, graph.RelProps{Role: "lead"})
	out.relate(graph.InField, id, f.id, graph.RelProps{})
	out.relate(graph.Targets, id, groupID(t.targets[0]), graph.RelProps{})
	for _, tg := range t.targets[1:] {
		if chance(r, 0.45) {
			out.relate(graph.Targets, id, groupID(tg), graph.RelProps{})
		}
	}
	for _, k := range towns {
		out.relate(graph.OfferedIn, id, g.towns[k].ags, graph.RelProps{})
	}
	goal := f.goals[0].id
	for _, gi := range f.goals {
		if slices.Contains(t.topics, gi.topic) && chance(r, 0.5) {
			goal = gi.id
		}
	}
	out.relate(graph.Pursues, id, goal, graph.RelProps{})
}
