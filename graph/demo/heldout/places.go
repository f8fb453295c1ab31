package heldout

import (
	"crypto/sha256"
	"encoding/binary"
	"strings"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// town is a municipality of the Kreis Lippe. Keys and names are official; the figures are
// rounded from published statistics of recent years and marked approximate.
type town struct {
	key       string
	ags       string
	name      string
	pop       int64
	foreign   int64
	protect   int64
	lat, lon  float64
	postcode  string
	phoneArea string
}

var towns = []town{
	{"aug", "05766004", "Augustdorf", 10000, 800, 260, 51.909, 8.731, "32832", "05237"},
	{"bsu", "05766008", "Bad Salzuflen", 54000, 6900, 1900, 52.087, 8.746, "32105", "05222"},
	{"bar", "05766012", "Barntrup", 8600, 700, 230, 51.990, 9.117, "32683", "05263"},
	{"blo", "05766016", "Blomberg", 15300, 1500, 480, 51.943, 9.090, "32825", "05235"},
	{"det", "05766020", "Detmold", 75000, 9600, 2900, 51.938, 8.879, "32756", "05231"},
	{"doe", "05766024", "Dörentrup", 7800, 520, 170, 52.039, 9.002, "32694", "05265"},
	{"ext", "05766028", "Extertal", 11300, 900, 300, 52.066, 9.109, "32699", "05262"},
	{"hbm", "05766032", "Horn-Bad Meinberg", 17100, 1700, 560, 51.872, 8.946, "32805", "05234"},
	{"kal", "05766036", "Kalletal", 13700, 900, 310, 52.115, 8.951, "32689", "05264"},
	{"lag", "05766040", "Lage", 35600, 4600, 1300, 51.991, 8.792, "32791", "05232"},
	{"lem", "05766044", "Lemgo", 41000, 4300, 1350, 52.028, 8.901, "32657", "05261"},
	{"leo", "05766048", "Leopoldshöhe", 16600, 1300, 400, 52.015, 8.697, "33818", "05208"},
	{"lue", "05766052", "Lügde", 9400, 900, 280, 51.957, 9.248, "32676", "05281"},
	{"oer", "05766056", "Oerlinghausen", 17200, 1600, 520, 51.955, 8.664, "33813", "05202"},
	{"ssw", "05766060", "Schieder-Schwalenberg", 8300, 600, 190, 51.878, 9.195, "32816", "05282"},
	{"sla", "05766064", "Schlangen", 9400, 650, 200, 51.810, 8.845, "33189", "05252"},
}

var townByKey = func() map[string]*town {
	m := make(map[string]*town, len(towns))
	for i := range towns {
		m[towns[i].key] = &towns[i]
	}
	return m
}()

func townAGS(key string) string {
	t, ok := townByKey[key]
	if !ok {
		panic("heldout: unknown town " + key)
	}
	return t.ags
}

func townName(key string) string { return townByKey[key].name }

// field is a field of action as the county's concept might name it.
type field struct{ key, name, canonical, desc string }

var fields = []field{
	{"spr", "Sprache und Bildung", "language_education", "Deutsch lernen von der Kita bis zum Beruf, Herkunftssprachen, Lernförderung und Grundbildung."},
	{"arb", "Ausbildung, Arbeit und Qualifizierung", "work", "Berufsorientierung, Anerkennung, Qualifizierung und der Weg in Ausbildung und Beschäftigung."},
	{"woh", "Wohnen und Quartier", "housing", "Zugang zu Wohnraum, Mietrecht, Nachbarschaft im Quartier."},
	{"ges", "Gesundheit und Pflege", "health", "Zugang zur gesundheitlichen Versorgung, Prävention, psychosoziale Hilfe und kultursensible Pflege."},
	{"fam", "Kinder, Jugend und Familie", "family", "Frühe Hilfen, Elternbildung, Jugendarbeit und Unterstützung von Familien."},
	{"teil", "Teilhabe und Zusammenleben", "participation", "Beratung, Orientierung, Begegnung und Schutz vor Diskriminierung."},
	{"ehr", "Ehrenamt und Selbstorganisation", "engagement", "Freiwilliges Engagement und Migrantenorganisationen stärken."},
	{"frz", "Sport, Kultur und Freizeit", "sport_leisure", "Vereinssport, Kultur und gemeinsame Freizeit."},
}

func fieldID(key string) string {
	for _, f := range fields {
		if f.key == key {
			return keyedID(graph.KindField, "field/"+key)
		}
	}
	panic("heldout: unknown field " + key)
}

// group is a target group; shared groups have no region.
type group struct {
	key, name, desc string
	own             bool // defined by the county
}

var groups = []group{
	{"gef", "Geflüchtete und Schutzsuchende", "Menschen im Asylverfahren, mit Schutzstatus oder Duldung.", false},
	{"neu", "Neuzugewanderte Erwachsene", "Erwachsene in den ersten Jahren nach der Einwanderung.", false},
	{"kinder", "Kinder und Jugendliche mit Einwanderungsgeschichte", "", false},
	{"eltern", "Eltern und Familien", "", false},
	{"frauen", "Frauen und Mädchen", "", false},
	{"senioren", "Ältere Menschen", "Menschen ab etwa 60 Jahren.", false},
	{"engagierte", "Ehrenamtlich Engagierte", "", false},
	{"aufnahme", "Aufnahmegesellschaft", "Alteingesessene Einwohnerinnen und Einwohner, Nachbarschaft, Vereine.", false},
	{"arbeitsuchende", "Arbeitsuchende und Leistungsberechtigte", "", false},
	{"ukraine", "Geflüchtete aus der Ukraine", "Schutzberechtigte nach § 24 AufenthG.", true},
	{"aussiedler", "Spätaussiedlerinnen und Spätaussiedler", "Deutsche aus den Nachfolgestaaten der Sowjetunion und ihre Familien.", true},
	{"euzuw", "Zugewanderte aus Südosteuropa", "Unionsbürgerinnen und -bürger aus Rumänien und Bulgarien.", true},
	{"fachkraefte", "Internationale Fach- und Pflegekräfte", "", true},
	{"jungeErw", "Junge Erwachsene von 18 bis 27 Jahren", "", true},
}

func groupID(key string) string {
	for _, g := range groups {
		if g.key == key {
			return keyedID(graph.KindTargetGroup, "group/"+key)
		}
	}
	panic("heldout: unknown target group " + key)
}

func (b *builder) places() {
	b.add(&graph.Region{Meta: graph.Meta{ID: RegionKey, Visibility: graph.Public}, Name: "Kreis Lippe", Kind: "county"})
	for _, t := range towns {
		b.add(&graph.Municipality{
			Meta: graph.Meta{ID: t.ags, Visibility: graph.Public}, Name: t.name, Region: RegionKey,
			Population: t.pop, ForeignPopulation: t.foreign, ProtectionSeekers: t.protect,
			PopulationYear: 2023, PopulationSource: "approximate", ForeignSource: "approximate",
		})
	}
	for _, f := range fields {
		b.add(&graph.FieldOfAction{Meta: graph.Meta{ID: fieldID(f.key), Visibility: graph.Public}, Name: f.name, Region: RegionKey, Canonical: f.canonical, Description: f.desc})
	}
	for _, g := range groups {
		tg := &graph.TargetGroup{Meta: graph.Meta{ID: groupID(g.key), Visibility: graph.Public}, Name: g.name, Description: g.desc}
		if g.own {
			tg.Region = RegionKey
		}
		b.add(tg)
	}
}

// org is an organisation: a plausible kind with invented details.
type org struct {
	key, name, kind, town string
	contact               bool // has website, e-mail and phone
}

func orgID(key string) string { return keyedID(graph.KindOrganisation, "org/"+key) }

var orgs = []org{
	// Administration of every town, and of the county.
	{"adm_aug", "Gemeinde Augustdorf", "administration", "aug", true},
	{"adm_bsu", "Stadt Bad Salzuflen", "administration", "bsu", true},
	{"adm_bar", "Stadt Barntrup", "administration", "bar", true},
	{"adm_blo", "Stadt Blomberg", "administration", "blo", true},
	{"adm_det", "Stadt Detmold", "administration", "det", true},
	{"adm_doe", "Gemeinde Dörentrup", "administration", "doe", true},
	{"adm_ext", "Gemeinde Extertal", "administration", "ext", true},
	{"adm_hbm", "Stadt Horn-Bad Meinberg", "administration", "hbm", true},
	{"adm_kal", "Gemeinde Kalletal", "administration", "kal", true},
	{"adm_lag", "Stadt Lage", "administration", "lag", true},
	{"adm_lem", "Alte Hansestadt Lemgo", "administration", "lem", true},
	{"adm_leo", "Gemeinde Leopoldshöhe", "administration", "leo", true},
	{"adm_lue", "Stadt Lügde", "administration", "lue", true},
	{"adm_oer", "Stadt Oerlinghausen", "administration", "oer", true},
	{"adm_ssw", "Stadt Schieder-Schwalenberg", "administration", "ssw", true},
	{"adm_sla", "Gemeinde Schlangen", "administration", "sla", true},
	{"kreis", "Kreis Lippe – Kommunales Integrationszentrum", "administration", "det", true},
	{"kreisga", "Kreis Lippe – Gesundheitsamt", "administration", "det", true},
	{"kreisjug", "Kreis Lippe – Kreisjugendamt", "administration", "det", false},
	{"pflege", "Pflegestützpunkt Kreis Lippe", "administration", "det", true},
	{"abh", "Kreis Lippe – Ausländerbehörde", "immigration_authority", "det", true},
	{"schulamt", "Schulamt für den Kreis Lippe", "school", "det", false},
	{"jc", "Jobcenter Lippe", "jobcenter", "det", true},
	// Welfare associations.
	{"caritas", "Caritasverband für den Kreis Lippe e. V.", "welfare_association", "det", true},
	{"diakonie", "Diakonie Lippe – Migrationsdienste", "welfare_association", "det", true},
	{"awo", "AWO Kreisverband Lippe e. V.", "welfare_association", "lag", true},
	{"drk", "DRK-Kreisverband Lippe e. V.", "welfare_association", "det", true},
	{"pari", "Der Paritätische – Kreisgruppe Lippe", "welfare_association", "det", true},
	{"profam", "pro familia Beratungsstelle Detmold", "welfare_association", "det", false},
	// Education.
	{"vhsdl", "Volkshochschule Detmold-Lemgo", "education_provider", "det", true},
	{"vhsost", "Volkshochschule Lippe-Ost", "education_provider", "blo", true},
	{"vhswest", "Volkshochschule Lippe-West", "education_provider", "lag", true},
	{"vhsbsu", "Volkshochschule Bad Salzuflen", "education_provider", "bsu", true},
	{"bz", "Bildungszentrum Lippe gGmbH", "education_provider", "det", true},
	{"kolping", "Kolping-Bildungswerk Lemgo", "education_provider", "lem", false},
	{"famz_lag", "Familienzentrum Regenbogen", "daycare", "lag", false},
	{"famz_det", "Familienzentrum Hakedahl", "daycare", "det", false},
	{"kita_bsu", "Kita Sonnenblume Schötmar", "daycare", "bsu", false},
	// Chambers.
	{"ihk", "IHK Lippe zu Detmold", "chamber", "det", true},
	{"kh", "Kreishandwerkerschaft Paderborn-Lippe", "chamber", "det", false},
	// Migrant organisations and religious communities.
	{"syr", "Syrisch-Deutscher Kulturverein Lippe e. V.", "migrant_organisation", "lag", false},
	{"ukrv", "Ukrainische Gemeinschaft Lemgo e. V.", "migrant_organisation", "lem", false},
	{"afr", "Afrika-Forum Lippe e. V.", "migrant_organisation", "det", true},
	{"tuerk", "Türkischer Elternverein Bad Salzuflen e. V.", "migrant_organisation", "bsu", false},
	{"aussi", "Landsmannschaft der Deutschen aus Russland – Ortsgruppe Augustdorf", "migrant_organisation", "aug", false},
	{"frauentreff", "Internationaler Frauentreff Lage e. V.", "migrant_organisation", "lag", false},
	{"ditib", "DITIB-Moscheegemeinde Detmold", "religious_community", "det", false},
	{"kgdet", "Ev.-ref. Kirchengemeinde Detmold-West", "religious_community", "det", false},
	{"kath", "Kath. Pfarrei Heilig Kreuz Detmold", "religious_community", "det", false},
	// Volunteer initiatives.
	{"asylbl", "Arbeitskreis Asyl Blomberg", "volunteer_initiative", "blo", false},
	{"willk", "Willkommen in Kalletal e. V.", "volunteer_initiative", "kal", true},
	{"fhlem", "Flüchtlingshilfe Lemgo e. V.", "volunteer_initiative", "lem", true},
	{"oernetz", "Netzwerk Miteinander Oerlinghausen", "volunteer_initiative", "oer", false},
	{"bsuhelfer", "Helferkreis Asyl Bad Salzuflen", "volunteer_initiative", "bsu", false},
	{"tafel", "Tafel Horn-Bad Meinberg e. V.", "volunteer_initiative", "hbm", false},
	{"schlangen", "Begegnung Schlangen e. V.", "volunteer_initiative", "sla", false},
	// Clubs.
	{"tuslage", "TuS Lage e. V.", "club", "lag", true},
	{"svaug", "SV Augustdorf e. V.", "club", "aug", false},
	{"hiddesen", "SC Detmold-Hiddesen e. V.", "club", "det", false},
	{"ksb", "Kreissportbund Lippe e. V.", "club", "det", true},
	{"garten", "Interkultureller Garten Lemgo e. V.", "club", "lem", false},
	{"mieterverein", "Mieterverein Lippe e. V.", "club", "det", true},
	// Health.
	{"klinikum", "Klinikum Lippe", "health_provider", "det", true},
	{"psz", "Psychosoziales Zentrum für Geflüchtete – Außenstelle Detmold", "health_provider", "det", false},
	{"mednetz", "Medizinisches Netzwerk Lippe e. V.", "health_provider", "det", false},
	{"frauenberatung", "Frauenberatungsstelle Lippe e. V.", "other", "det", true},
}

var orgByKey = func() map[string]*org {
	m := make(map[string]*org, len(orgs))
	for i := range orgs {
		m[orgs[i].key] = &orgs[i]
	}
	return m
}()

// slug makes the invented web name of an organisation.
func slug(name string) string {
	r := strings.NewReplacer("ä", "ae", "ö", "oe", "ü", "ue", "ß", "ss", "Ä", "ae", "Ö", "oe", "Ü", "ue", " e. V.", "", " gGmbH", "", "–", " ", ".", "")
	s := strings.ToLower(r.Replace(name))
	var out []rune
	dash := false
	for _, c := range s {
		if (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') {
			out = append(out, c)
			dash = false
		} else if !dash && len(out) > 0 {
			out = append(out, '-')
			dash = true
		}
	}
	return strings.TrimSuffix(string(out), "-")
}

// jitter returns a stable number in [-1, 1) for s.
func jitter(s string) float64 {
	sum := sha256.Sum256([]byte(s))
	return float64(binary.LittleEndian.Uint64(sum[:8])>>11)/(1<<52) - 1
}

func (b *builder) organisations() {
	for i, o := range orgs {
		t := townByKey[o.town]
		e := &graph.Organisation{
			Meta: graph.Meta{ID: orgID(o.key), Visibility: graph.Public}, Name: o.name, Region: RegionKey, Kind: o.kind,
			PostalCode: t.postcode, City: t.name,
		}
		if o.contact {
			s := slug(o.name)
			lat, lon := t.lat+0.006*jitter(o.key+"/lat"), t.lon+0.009*jitter(o.key+"/lon")
			e.Website = "https://www." + s + ".example"
			e.Email = "info@" + s + ".example"
			e.Phone = t.phoneArea + " 555-" + string(rune('1'+i%9)) + "0" + string(rune('0'+i%10))
			e.Lat, e.Lon = &lat, &lon
		}
		b.add(e)
	}
}
