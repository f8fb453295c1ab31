package demo

import (
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"slices"
	"strings"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Dataset is a complete data set: the nodes in graph.Kinds order (so that every reference
// points to a node written before it), the relationships, and the answers planted for the
// analyses.
type Dataset struct {
	Nodes     []graph.Entity
	Relations []graph.Relation
	Truth     GroundTruth
}

// ReferenceDate is the day the demo describes: measures running on it are active, those that
// start later are planned, those that ended before it completed.
const ReferenceDate = "2026-10-01"

// demoSeed seeds the demo's random choices; each county draws from its own stream, so
// changing one county's facts leaves the others' data alone.
const demoSeed = 0x4e65747a61746c73

// Demo returns the demo data set: the five real counties with their municipalities and an
// invented integration landscape with planted answers. Every call returns the same data.
func Demo() *Dataset {
	places := loadPlaces()
	out := &collector{byKind: map[graph.Kind][]graph.Entity{}}
	for _, g := range targetGroups {
		out.add(&graph.TargetGroup{Meta: graph.Meta{ID: groupID(g.key), Visibility: graph.Public}, Name: g.name, Description: g.desc})
	}
	truth := GroundTruth{ReferenceDate: ReferenceDate, ProgressSince: string(yearAgo)}
	for i, c := range counties {
		var mine []*place
		for _, p := range places {
			if p.Region == c.key {
				mine = append(mine, p)
			}
		}
		b := newBuilder(c, rand.New(rand.NewPCG(demoSeed, uint64(i))), mine, out)
		b.cr = rand.New(rand.NewPCG(conceptSeed, uint64(i)))
		b.build()
		truth.add(&b.truth)
	}
	truth.sort()
	return &Dataset{Nodes: out.nodes(), Relations: out.rels, Truth: truth}
}

// groupID returns the id of a shared target group.
func groupID(key string) string { return groupIDs[key] }

var groupIDs = func() map[string]string {
	ids := make(map[string]string, len(targetGroups))
	for _, g := range targetGroups {
		ids[g.key] = keyedID(graph.KindTargetGroup, "tg/"+g.key)
	}
	return ids
}()

// collector gathers nodes per kind and relationships in the order they are made.
type collector struct {
	byKind map[graph.Kind][]graph.Entity
	rels   []graph.Relation
}

func (c *collector) add(e graph.Entity) {
	c.byKind[e.EntityKind()] = append(c.byKind[e.EntityKind()], e)
}

func (c *collector) relate(t graph.RelType, from, to string, props graph.RelProps) {
	c.rels = append(c.rels, graph.Relation{RelationKey: graph.RelationKey{Type: t, From: from, To: to}, Props: props})
}

// nodes returns all nodes in graph.Kinds order.
func (c *collector) nodes() []graph.Entity {
	var all []graph.Entity
	for _, ki := range graph.Kinds {
		all = append(all, c.byKind[ki.Kind]...)
	}
	return all
}

// fieldInfo is a field of action as built.
type fieldInfo struct {
	spec  fieldSpec
	id    string
	goals []*goalInfo
}

// goalInfo is one of a field's goals.
type goalInfo struct {
	id    string
	key   string // the key of its id and of its indicator's id
	topic topic
	spec  goalSpec
	ref   string // its reference in the concept
}

// orgInfo is an organisation as built, with what the generator needs to know about it.
type orgInfo struct {
	key   string
	id    string
	name  string
	kind  string
	town  *place
	slug  string
	phone string // area code of its town
	// serves lists the municipalities it works in (ACTIVE_IN); measures may add more.
	serves map[string]bool
	// home is where it works by its nature; providers for measures are chosen by it.
	home                          map[string]bool
	local                         bool // belongs to one town (town-level organisations)
	apLocal, isolated, peripheral bool
	measures                      int
}

// builder builds one county.
type builder struct {
	c      *county
	r      *rand.Rand
	out    *collector
	places []*place // the county's municipalities, in AGS order
	byName map[string]*place
	areas  map[string][]*place // hub town → municipalities of its service area
	hubOf  map[string]string   // AGS → hub town
	fields []*fieldInfo
	orgs   []*orgInfo
	orgBy  map[string]*orgInfo
	seq    int // measure counter, for ids
	slugs  map[string]bool

	measures []*draft
	// claimed records which templates already have an entry per cell, so that unplanted
	// entries never duplicate each other.
	claimed map[cell]map[string]bool
	gapAt   map[cell]string   // planted gaps: reason
	noGroup map[cell][]string // planted target-group gaps: groups no active measure may address

	// cr draws the concept's random choices, ci holds the concept as built, named the
	// measures the concept names.
	cr    *rand.Rand
	ci    *conceptInfo
	named []*graph.Measure

	// fieldGroups are the county-wide working groups, one per field (in field order); rtm is
	// the Runder Tisch Migration, admins the town administrations by size. The planted
	// overlapping structures (structures.go) are built from them.
	fieldGroups []*netInfo
	rtm         *netInfo
	admins      []*orgInfo

	truth GroundTruth
}

// cell is a municipality and a field of action (index into builder.fields).
type cell struct {
	ags   string
	field int
}

func newBuilder(c *county, r *rand.Rand, places []*place, out *collector) *builder {
	b := &builder{c: c, r: r, out: out, places: places, byName: map[string]*place{},
		orgBy: map[string]*orgInfo{}, slugs: map[string]bool{}, claimed: map[cell]map[string]bool{}, gapAt: map[cell]string{}, noGroup: map[cell][]string{}}
	for _, p := range places {
		b.byName[p.Name] = p
	}
	return b
}

func (b *builder) town(name string) *place {
	p, ok := b.byName[name]
	if !ok {
		panic(fmt.Sprintf("demo: %s has no municipality %q", b.c.name, name))
	}
	return p
}

func (b *builder) field(name string) int {
	for i, f := range b.fields {
		if f.spec.name == name {
			return i
		}
	}
	panic(fmt.Sprintf("demo: %s has no field %q", b.c.name, name))
}

func (b *builder) org(key string) *orgInfo {
	o, ok := b.orgBy[key]
	if !ok {
		panic(fmt.Sprintf("demo: %s has no organisation %q", b.c.name, key))
	}
	return o
}

func (b *builder) build() {
	b.region()
	b.municipalities()
	b.serviceAreas()
	b.fieldsAndGoals()
	b.organisations()
	b.plantGaps()
	b.plantDuplicates()
	b.plantNegatives()
	b.backgroundMeasures()
	b.networks()
	b.concept()
	b.structures()
	b.activeIn()
	b.truth.Gaps, b.truth.TargetGroupGaps = b.gapTruth()
	b.truth.Progress = b.progressTruth()
}

func (b *builder) region() {
	b.out.add(&graph.Region{Meta: graph.Meta{ID: b.c.key, Visibility: graph.Public}, Name: b.c.name, Kind: "county"})
}

// municipalities writes the county's municipalities with official population and
// approximate foreign population and protection seekers.
//
// The county's foreign share is spread over its municipalities by size: a municipality's
// share is the county share times a factor between about 0.7 (the smallest) and 1.3 (the
// largest, by the logarithm of population), times a stable ±10 % variation per municipality;
// the factors are then scaled so that the county total matches the county share. Protection
// seekers are handled the same way with a flatter factor (0.85 to 1.15).
func (b *builder) municipalities() {
	foreign := foreignShares(b.places, b.c.foreignShare, 0.3, 0.10)
	seekers := foreignShares(b.places, b.c.seekerShare, 0.15, 0.10)
	for i, p := range b.places {
		b.out.add(&graph.Municipality{
			Meta: graph.Meta{ID: p.AGS, Visibility: graph.Public},
			Name: p.Name, Region: p.Region, Population: p.Population,
			ForeignPopulation: int64(math.Round(float64(p.Population) * foreign[i])),
			ProtectionSeekers: int64(math.Round(float64(p.Population) * seekers[i])),
			PopulationYear:    2022, PopulationSource: "official", ForeignSource: "approximate",
			Geometry: slices.Clone(p.Geometry),
		})
	}
}

// foreignShares returns per-municipality shares averaging to share (population-weighted):
// larger places get up to spread more, smaller ones up to spread less, each varied by up to
// ±jitter.
func foreignShares(places []*place, share, spread, jitter float64) []float64 {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, p := range places {
		l := math.Log(float64(p.Population))
		lo, hi = math.Min(lo, l), math.Max(hi, l)
	}
	raw := make([]float64, len(places))
	var weighted, total float64
	for i, p := range places {
		pos := 0.5
		if hi > lo {
			pos = (math.Log(float64(p.Population)) - lo) / (hi - lo)
		}
		raw[i] = (1 - spread + 2*spread*pos) * (1 + jitter*(2*unit("share/"+p.AGS)-1))
		weighted += raw[i] * float64(p.Population)
		total += float64(p.Population)
	}
	scale := share * total / weighted
	for i := range raw {
		raw[i] *= scale
	}
	return raw
}

// serviceAreas assigns every municipality to its nearest hub town.
func (b *builder) serviceAreas() {
	b.areas, b.hubOf = map[string][]*place{}, map[string]string{}
	for _, p := range b.places {
		best, bestD := "", math.Inf(1)
		for _, h := range b.c.hubs {
			hp := b.town(h)
			dx := (p.center[0] - hp.center[0]) * math.Cos(p.center[1]*math.Pi/180)
			dy := p.center[1] - hp.center[1]
			if d := dx*dx + dy*dy; d < bestD {
				best, bestD = h, d
			}
		}
		b.areas[best] = append(b.areas[best], p)
		b.hubOf[p.AGS] = best
	}
}

// fieldsAndGoals writes the fields of action and names two to four goals per field, chosen
// by the field's topics. The goals themselves, their place in the concept and their
// indicators are written by concept (concept.go), once the measures exist.
func (b *builder) fieldsAndGoals() {
	for _, fs := range b.c.fields {
		f := &fieldInfo{spec: fs, id: keyedID(graph.KindField, b.c.key+"/"+fs.name)}
		b.fields = append(b.fields, f)
		b.out.add(&graph.FieldOfAction{Meta: graph.Meta{ID: f.id, Visibility: graph.Public},
			Name: fs.name, Region: b.c.key, Canonical: fs.canonical, Description: fs.desc})
		n := min(2+len(fs.topics), 4)
		for i := 0; len(f.goals) < n; i++ {
			t := fs.topics[i%len(fs.topics)]
			specs := goalsByTopic[t]
			if i/len(fs.topics) >= len(specs) {
				break
			}
			key := fmt.Sprintf("%s/%s/%d", b.c.key, fs.name, len(f.goals))
			f.goals = append(f.goals, &goalInfo{id: keyedID(graph.KindGoal, key), key: key, topic: t, spec: specs[i/len(fs.topics)]})
			// Before the concept was modelled, the demo drew two random numbers per
			// municipality here for the goal's indicator. The draws stay, so that every
			// later choice, and with it every measure, organisation and network, stays as
			// it was: the analyses' ground truth and the browser tests depend on them.
			for range 2 * len(b.places) {
				b.r.Float64()
			}
		}
	}
}

func ptr[T any](v T) *T { return &v }

// organisations writes the county's organisations: the county-wide ones, the local ones per
// town, and the planted isolated and peripheral ones.
func (b *builder) organisations() {
	for _, s := range b.c.core {
		o := b.addOrg(s)
		if s.area {
			for _, p := range b.areas[b.hubOf[o.town.AGS]] {
				o.serves[p.AGS] = true
			}
		} else {
			for _, p := range b.places {
				o.serves[p.AGS] = true
			}
		}
	}
	for _, line := range b.c.towns {
		name, roles, _ := strings.Cut(line, ":")
		p := b.town(name)
		count := map[string]int{}
		for _, role := range strings.Fields(roles) {
			count[role]++
			s := localOrg(b.c, p, role, count[role])
			o := b.addOrg(s)
			o.local, o.apLocal = true, name == b.c.apTown && role != "admin"
		}
	}
	for _, s := range b.c.isolated {
		b.addOrg(s).isolated = true
	}
	for _, pe := range b.c.peripheral {
		b.addOrg(pe.org).peripheral = true
	}
	for _, o := range b.orgs {
		if len(o.serves) == 0 {
			o.serves[o.town.AGS] = true
		}
		o.home = maps.Clone(o.serves)
	}
}

var streets = []string{"Marktplatz", "Bahnhofstraße", "Hauptstraße", "Kirchplatz", "Schulstraße", "Rathausplatz",
	"Lindenstraße", "Gartenstraße", "Poststraße", "Friedrich-Ebert-Straße", "Goethestraße", "Am Stadtpark"}

func (b *builder) addOrg(s orgSpec) *orgInfo {
	if _, dup := b.orgBy[s.key]; dup {
		panic("demo: duplicate organisation key " + s.key)
	}
	p := b.town(s.town)
	o := &orgInfo{key: s.key, id: keyedID(graph.KindOrganisation, b.c.key+"/"+s.key), name: s.name, kind: s.kind,
		town: p, slug: b.uniqueSlug(s.name), phone: townCodes[p.Name][1], serves: map[string]bool{}}
	b.orgs = append(b.orgs, o)
	b.orgBy[s.key] = o
	lat, lon := p.pointNear(b.c.key + "/" + s.key)
	h := hash64("org/" + b.c.key + "/" + s.key)
	b.out.add(&graph.Organisation{
		Meta: graph.Meta{ID: o.id, Visibility: graph.Public},
		Name: s.name, Region: b.c.key, Kind: s.kind, Description: s.desc,
		Website: "https://www." + o.slug + ".example", Email: "info@" + o.slug + ".example",
		Phone:      fmt.Sprintf("%s 555-%04d", o.phone, h%10000),
		Street:     fmt.Sprintf("%s %d", streets[h%uint64(len(streets))], 1+(h>>16)%60),
		PostalCode: townCodes[p.Name][0], City: p.Name, Lat: ptr(lat), Lon: ptr(lon),
	})
	return o
}

// uniqueSlug returns a domain label for name that no other organisation of the county has.
func (b *builder) uniqueSlug(name string) string {
	base := slug(name, 60)
	s := base
	for n := 2; b.slugs[s]; n++ {
		s = fmt.Sprintf("%s-%d", base, n)
	}
	b.slugs[s] = true
	return s
}

// shortTown drops a qualifier such as "(Sauerland)" for use inside names.
func shortTown(name string) string {
	if i := strings.Index(name, " ("); i > 0 {
		return name[:i]
	}
	return name
}

// localOrg names the n-th local organisation of a role in a town, the way organisations in
// that state usually name themselves.
func localOrg(c *county, p *place, role string, n int) orgSpec {
	t := shortTown(p.Name)
	key := role + ":" + p.Name
	if n > 1 {
		key = fmt.Sprintf("%s%d:%s", role, n, p.Name)
	}
	choose := func(opts []string) string {
		i := int(hash64(role+":"+p.Name) % uint64(len(opts)))
		return strings.ReplaceAll(opts[(i+n-1)%len(opts)], "{T}", t)
	}
	s := orgSpec{key: key, town: p.Name}
	switch role {
	case "admin":
		kind := "Gemeinde"
		if p.Bez == "Stadt" {
			kind = "Stadt"
		}
		s.kind = kAdmin
		s.name = kind + " " + t + " – " + choose(map[string][]string{
			"NW": {"Integrationsbüro", "Fachdienst Integration"},
			"BW": {"Integrationsmanagement", "Sachgebiet Integration"},
			"ST": {"Integrationskoordination", "Bürgerbüro Integration"}}[c.state])
		s.desc = "Ansprechstelle der " + kind + " " + t + " für Integration, Unterbringung und Ehrenamt."
	case "vol":
		s.kind = kVolunteer
		s.name = choose(map[string][]string{
			"NW": {"Flüchtlingshilfe {T} e.V.", "Willkommen in {T} e.V.", "Netzwerk Flüchtlingshilfe {T}"},
			"BW": {"Freundeskreis Asyl {T}", "Helferkreis Asyl {T}", "Arbeitskreis Asyl {T} e.V."},
			"ST": {"Willkommensnetzwerk {T}", "Initiative Weltoffenes {T} e.V."}}[c.state])
		s.desc = "Ehrenamtliche Initiative, die Geflüchtete und Zugewanderte in " + t + " im Alltag begleitet."
	case "fam":
		names := []string{"St. Marien", "Regenbogen", "Pusteblume", "Sonnenschein", "Arche Noah", "Kunterbunt", "Löwenzahn", "Sternschnuppe", "Am Park", "St. Josef"}
		prefix := map[string]string{"NW": "Familienzentrum", "BW": "Kinder- und Familienzentrum", "ST": "Kita"}[c.state]
		s.kind = kDaycare
		s.name = prefix + " " + choose(names) + " " + t
		s.desc = "Kindertageseinrichtung mit Eltern-, Sprach- und Beratungsangeboten."
	case "mig":
		s.kind = kMigrant
		s.name = choose(map[string][]string{
			"NW": {"Deutsch-Türkischer Kulturverein {T} e.V.", "Syrischer Kulturverein {T} e.V.", "Ukrainische Gemeinschaft {T} e.V.", "Kurdisches Kulturzentrum {T} e.V.", "Polnischer Kulturverein {T} e.V.", "Arabischer Elternverein {T} e.V."},
			"BW": {"Italienischer Kulturkreis {T} e.V.", "Griechische Gemeinde {T} e.V.", "Deutsch-Türkischer Freundeskreis {T} e.V.", "Kroatische Gemeinschaft {T} e.V.", "Ukrainischer Verein {T} e.V.", "Syrisch-Deutscher Verein {T} e.V."},
			"ST": {"Syrischer Verein {T} e.V.", "Ukrainische Gemeinschaft {T} e.V.", "Afghanischer Kulturverein {T} e.V.", "Deutsch-Arabischer Freundeskreis {T} e.V."}}[c.state])
		s.desc = "Migrantenorganisation mit Kultur-, Eltern- und Jugendarbeit in " + t + "."
	case "club":
		s.kind = kClub
		s.name = choose(map[string][]string{
			"NW": {"TV {T} 1880 e.V.", "SV {T} 1912 e.V.", "DJK {T} e.V."},
			"BW": {"TSV {T} e.V.", "TV {T} 1846 e.V.", "SV {T} e.V."},
			"ST": {"SV Eintracht {T} e.V.", "TSV {T} e.V.", "SG Blau-Weiß {T} e.V."}}[c.state])
		s.desc = "Sportverein mit offenen Angeboten für Zugewanderte."
	case "school":
		s.kind = kSchool
		s.name = choose(map[string][]string{
			"NW": {"Gesamtschule {T}", "Städtische Realschule {T}"},
			"BW": {"Gemeinschaftsschule {T}", "Realschule {T}"},
			"ST": {"Sekundarschule {T}", "Gemeinschaftsschule {T}"}}[c.state])
		s.desc = "Weiterführende Schule mit Sprachförderung für neu zugewanderte Schülerinnen und Schüler."
	case "rel":
		s.kind = kReligious
		s.name = choose(map[string][]string{
			"NW": {"Evangelische Kirchengemeinde {T}", "DITIB-Moscheegemeinde {T}", "Katholische Pfarrei St. Peter {T}"},
			"BW": {"Evangelische Kirchengemeinde {T}", "Katholische Seelsorgeeinheit {T}", "Islamische Gemeinde {T} e.V."},
			"ST": {"Evangelische Kirchengemeinde {T}", "Katholische Pfarrei St. Marien {T}"}}[c.state])
		s.desc = "Religionsgemeinschaft mit Begegnungs-, Beratungs- und Hilfsangeboten."
	default:
		panic("demo: unknown role " + role)
	}
	return s
}

// activeIn writes ACTIVE_IN for every organisation: where it works and wherever it offers a
// measure.
func (b *builder) activeIn() {
	for _, o := range b.orgs {
		for _, p := range b.places {
			if o.serves[p.AGS] {
				b.out.relate(graph.ActiveIn, o.id, p.AGS, graph.RelProps{})
			}
		}
	}
}
