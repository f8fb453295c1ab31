package exchange

import (
	"bufio"
	"crypto/sha1"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/analysis"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Export formats.
const (
	ExportJSON    = "json"
	ExportCSV     = "csv"
	ExportXLSX    = "xlsx"
	ExportHSDS    = "hsds"
	ExportGraphML = "graphml"
	ExportGeoJSON = "geojson"
)

// ExportFormats lists the export formats.
var ExportFormats = []string{ExportJSON, ExportCSV, ExportXLSX, ExportHSDS, ExportGraphML, ExportGeoJSON}

// ContentType returns the media type and file extension of an export format (csv without
// a sheet is a zip archive).
func ContentType(format string, oneSheet bool) (mediaType, ext string) {
	switch format {
	case ExportJSON:
		return "application/json", "json"
	case ExportCSV:
		if oneSheet {
			return "text/csv; charset=utf-8", "csv"
		}
		return "application/zip", "zip"
	case ExportXLSX:
		return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"
	case ExportHSDS:
		return "application/json", "hsds.json"
	case ExportGraphML:
		return "application/graphml+xml", "graphml"
	case ExportGeoJSON:
		return "application/geo+json", "geojson"
	}
	return "application/octet-stream", "bin"
}

// ExportOptions choose what Export writes.
type ExportOptions struct {
	// Format is one of ExportFormats.
	Format string
	// Sheet limits a csv export to one directory sheet.
	Sheet SheetKind
	// NoAnalyses leaves the analysis sheets out of csv and xlsx exports.
	NoAnalyses bool
	// Now is the export's time stamp.
	Now time.Time
}

// Export writes s (already cut to what the reader may see, graph.Access.Snapshot) in the chosen format.
func Export(w io.Writer, s *graph.Snapshot, o ExportOptions) error {
	if o.Now.IsZero() {
		o.Now = time.Now()
	}
	switch o.Format {
	case ExportJSON:
		return WriteJSON(w, s, o.Now)
	case ExportCSV, ExportXLSX:
		so := SheetOptions{Format: o.Format, Sheet: o.Sheet, Data: s, Fill: true, Now: o.Now}
		if !o.NoAnalyses && o.Sheet == "" {
			so.Analyses = NewAnalyses(s)
		}
		return WriteSheets(w, so)
	case ExportHSDS:
		return WriteHSDS(w, s, o.Now)
	case ExportGraphML:
		return WriteGraphML(w, s)
	case ExportGeoJSON:
		return WriteGeoJSON(w, s)
	}
	return &graph.Error{Code: graph.EINVALID, Message: "unknown export format",
		Fields: []graph.FieldError{{Field: "format", Message: fmt.Sprintf("%q is not one of %s", o.Format, strings.Join(ExportFormats, ", "))}}}
}

// HSDSUUID maps a Netzwerkatlas id to the UUID HSDS requires: a name-based UUID (version 5,
// RFC 9562) in a namespace of the project's own, so an id always gets the same UUID.
func HSDSUUID(kind, id string) string {
	h := sha1.New()
	h.Write(hsdsNamespace[:])
	h.Write([]byte(kind + ":" + id))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50
	u[8] = u[8]&0x3f | 0x80
	b := hex.EncodeToString(u[:])
	return b[:8] + "-" + b[8:12] + "-" + b[12:16] + "-" + b[16:20] + "-" + b[20:]
}

// hsdsNamespace is the UUID namespace of Netzwerkatlas ids (a random UUID chosen once).
var hsdsNamespace = [16]byte{0x6e, 0x9b, 0x2c, 0x41, 0x0d, 0x7a, 0x4f, 0x3e, 0x9a, 0x51, 0x27, 0xc8, 0x14, 0xe3, 0x5b, 0x90}

// HSDS 3.0 objects, with the members Netzwerkatlas can fill.
type (
	hsdsOrganization struct {
		ID          string         `json:"id"`
		Name        string         `json:"name"`
		Description string         `json:"description"`
		Email       string         `json:"email,omitempty"`
		Website     string         `json:"website,omitempty"`
		Phones      []hsdsPhone    `json:"phones"`
		Locations   []hsdsLocation `json:"locations"`
		Identifiers []hsdsOrgID    `json:"organization_identifiers"`
	}
	hsdsOrgID struct {
		ID             string `json:"id"`
		OrganizationID string `json:"organization_id"`
		Scheme         string `json:"identifier_scheme"`
		Type           string `json:"identifier_type"`
		Identifier     string `json:"identifier"`
	}
	hsdsPhone struct {
		ID     string `json:"id"`
		Number string `json:"number"`
	}
	hsdsLocation struct {
		ID             string        `json:"id"`
		LocationType   string        `json:"location_type"`
		OrganizationID string        `json:"organization_id"`
		Name           string        `json:"name,omitempty"`
		Latitude       *float64      `json:"latitude,omitempty"`
		Longitude      *float64      `json:"longitude,omitempty"`
		Addresses      []hsdsAddress `json:"addresses"`
	}
	hsdsAddress struct {
		ID            string `json:"id"`
		LocationID    string `json:"location_id"`
		Address1      string `json:"address_1"`
		City          string `json:"city"`
		StateProvince string `json:"state_province"`
		PostalCode    string `json:"postal_code"`
		Country       string `json:"country"`
		AddressType   string `json:"address_type"`
	}
	hsdsService struct {
		ID             string            `json:"id"`
		OrganizationID string            `json:"organization_id,omitempty"`
		Name           string            `json:"name"`
		Description    string            `json:"description,omitempty"`
		URL            string            `json:"url,omitempty"`
		Status         string            `json:"status"`
		FeesDesc       string            `json:"fees_description,omitempty"`
		LastModified   string            `json:"last_modified"`
		ServiceAreas   []hsdsServiceArea `json:"service_areas"`
		Languages      []hsdsLanguage    `json:"languages"`
		CostOptions    []hsdsCost        `json:"cost_options"`
		Attributes     []hsdsAttribute   `json:"attributes"`
	}
	hsdsServiceArea struct {
		ID          string `json:"id"`
		ServiceID   string `json:"service_id,omitempty"`
		Name        string `json:"name"`
		Description string `json:"description,omitempty"`
		Extent      string `json:"extent,omitempty"`
		ExtentType  string `json:"extent_type,omitempty"`
		URI         string `json:"uri"`
	}
	hsdsLanguage struct {
		ID        string `json:"id"`
		ServiceID string `json:"service_id"`
		Code      string `json:"code"`
	}
	hsdsCost struct {
		ID        string  `json:"id"`
		ServiceID string  `json:"service_id"`
		Currency  string  `json:"currency"`
		Amount    float64 `json:"amount"`
		Option    string  `json:"option,omitempty"`
	}
	hsdsAttribute struct {
		ID             string `json:"id"`
		LinkID         string `json:"link_id"`
		TaxonomyTermID string `json:"taxonomy_term_id"`
		LinkType       string `json:"link_type"`
		LinkEntity     string `json:"link_entity"`
		Value          string `json:"value,omitempty"`
	}
	hsdsTaxonomy struct {
		ID          string `json:"id"`
		Name        string `json:"name"`
		Description string `json:"description"`
		Version     string `json:"version,omitempty"`
	}
	hsdsTerm struct {
		ID          string `json:"id"`
		Code        string `json:"code"`
		Name        string `json:"name"`
		Description string `json:"description"`
		Taxonomy    string `json:"taxonomy"`
		TaxonomyID  string `json:"taxonomy_id"`
		Language    string `json:"language"`
	}
)

// HSDSStatus maps a measure status to an HSDS service status.
func HSDSStatus(status string) string {
	switch status {
	case "active":
		return "active"
	case "paused":
		return "temporarily closed"
	case "completed":
		return "defunct"
	}
	return "inactive" // planned
}

// WriteHSDS writes s as Open Referral HSDS 3.0 JSON: organizations (with phone, location and
// address, and the Netzwerkatlas id as organization identifier), services (the measures of
// the operational and strategic level, each with its service areas, languages, cost and the
// taxonomy terms of its fields of action and target groups as attributes), the service areas
// themselves and two taxonomies (fields of action, target groups) with their terms. Ids are
// HSDSUUID of the Netzwerkatlas ids.
//
// A service names the municipalities it is offered in by reference: its service_areas hold
// the municipality's name and the persistent URI urn:de:ags:<AGS>, not its boundary. Each
// municipality's boundary (GeoJSON extent) is written once, in the top-level member
// service_areas, under the same URI; repeating it per service made a state's export hundreds
// of megabytes of copies (docs/decisions.md).
//
// The document is written as it is produced, object by object: memory does not grow with the
// number of services.
func WriteHSDS(w io.Writer, s *graph.Snapshot, now time.Time) error {
	// What a service needs of the relationships: its providers, municipalities, fields and
	// target groups — pointers into s.Relations, and the names of fields and target groups
	// (the directory index of the other formats would hold every node's label besides).
	in, out := map[string][]*graph.Relation{}, map[string][]*graph.Relation{}
	for i := range s.Relations {
		switch r := &s.Relations[i]; r.Type {
		case graph.Provides:
			in[r.To] = append(in[r.To], r)
		case graph.OfferedIn, graph.InField, graph.Targets:
			out[r.From] = append(out[r.From], r)
		}
	}
	terms := make([]graph.Entity, 0, len(s.Fields)+len(s.TargetGroups))
	for _, f := range s.Fields {
		terms = append(terms, f)
	}
	for _, g := range s.TargetGroups {
		terms = append(terms, g)
	}
	label := nodeLabels(terms, s.TargetGroups)
	bw := bufio.NewWriterSize(w, 64<<10)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	head, err := json.Marshal(struct {
		Format     string    `json:"format"`
		Version    string    `json:"hsds_version"`
		ExportedAt time.Time `json:"exported_at"`
	}{"HSDS", "3.0", now.UTC()})
	if err != nil {
		return err
	}
	bw.Write(head[:len(head)-1])
	// list writes one member holding an array, calling each with a function that writes one
	// element.
	list := func(member string, each func(put func(v any) error) error) error {
		fmt.Fprintf(bw, ",\n%q:[", member)
		n := 0
		put := func(v any) error {
			if n > 0 {
				bw.WriteByte(',')
			}
			n++
			return enc.Encode(v) // Encode ends the element with a newline
		}
		if err := each(put); err != nil {
			return err
		}
		bw.WriteByte(']')
		return nil
	}
	err = list("organizations", func(put func(any) error) error {
		for _, o := range s.Organisations {
			oid := HSDSUUID("organization", o.ID)
			org := hsdsOrganization{ID: oid, Name: o.Name, Description: cmpOr(o.Description, o.Name), Email: o.Email, Website: o.Website,
				Phones: []hsdsPhone{}, Locations: []hsdsLocation{},
				Identifiers: []hsdsOrgID{{ID: HSDSUUID("organization_identifier", o.ID), OrganizationID: oid, Scheme: "netzwerkatlas", Type: "netzwerkatlas_id", Identifier: o.ID}}}
			if o.Phone != "" {
				org.Phones = append(org.Phones, hsdsPhone{ID: HSDSUUID("phone", o.ID), Number: o.Phone})
			}
			if o.Street != "" || o.Lat != nil {
				lid := HSDSUUID("location", o.ID)
				loc := hsdsLocation{ID: lid, LocationType: "physical", OrganizationID: oid, Name: o.Name, Latitude: o.Lat, Longitude: o.Lon, Addresses: []hsdsAddress{}}
				if o.Street != "" && o.City != "" && o.PostalCode != "" {
					loc.Addresses = append(loc.Addresses, hsdsAddress{ID: HSDSUUID("address", o.ID), LocationID: lid, Address1: o.Street, City: o.City,
						StateProvince: stateOf(o.Region), PostalCode: o.PostalCode, Country: "DE", AddressType: "physical"})
				}
				org.Locations = append(org.Locations, loc)
			}
			if err := put(org); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	munis := make(map[string]*graph.Municipality, len(s.Municipalities))
	for _, m := range s.Municipalities {
		munis[m.ID] = m
	}
	used := map[string]bool{} // municipalities some service is offered in
	err = list("services", func(put func(any) error) error {
		for _, m := range s.Measures {
			sid := HSDSUUID("service", m.ID)
			svc := hsdsService{ID: sid, Name: m.Title, Description: m.Description, URL: m.Website, Status: HSDSStatus(m.Status),
				LastModified: m.UpdatedAt.UTC().Format(time.RFC3339), ServiceAreas: []hsdsServiceArea{}, Languages: []hsdsLanguage{},
				CostOptions: []hsdsCost{}, Attributes: []hsdsAttribute{}}
			for _, r := range in[m.ID] {
				if r.Type == graph.Provides && svc.OrganizationID == "" {
					svc.OrganizationID = HSDSUUID("organization", r.From)
				}
			}
			for _, r := range out[m.ID] {
				switch r.Type {
				case graph.OfferedIn:
					mu := munis[r.To]
					if mu == nil {
						continue
					}
					used[mu.ID] = true
					svc.ServiceAreas = append(svc.ServiceAreas, hsdsServiceArea{ID: HSDSUUID("service_area", m.ID+"/"+mu.ID), ServiceID: sid,
						Name: mu.Name, URI: hsdsAreaURI(mu.ID)})
				case graph.InField, graph.Targets:
					svc.Attributes = append(svc.Attributes, hsdsAttribute{ID: HSDSUUID("attribute", m.ID+"/"+r.To), LinkID: sid,
						TaxonomyTermID: HSDSUUID("term", r.To), LinkType: "service", LinkEntity: "service", Value: label[r.To]})
				}
			}
			for _, l := range m.Languages {
				svc.Languages = append(svc.Languages, hsdsLanguage{ID: HSDSUUID("language", m.ID+"/"+l), ServiceID: sid, Code: l})
			}
			if m.Cost != nil {
				opt := "Gebühr je Person"
				if *m.Cost == 0 {
					opt = "kostenlos"
					svc.FeesDesc = "kostenlos"
				}
				svc.CostOptions = append(svc.CostOptions, hsdsCost{ID: HSDSUUID("cost", m.ID), ServiceID: sid, Currency: "EUR", Amount: *m.Cost, Option: opt})
			}
			if err := put(svc); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = list("service_areas", func(put func(any) error) error {
		for _, mu := range s.Municipalities {
			if !used[mu.ID] {
				continue
			}
			area := hsdsServiceArea{ID: HSDSUUID("service_area", mu.ID), Name: mu.Name,
				Description: "Gemeinde " + mu.Name + " (AGS " + mu.ID + ")", URI: hsdsAreaURI(mu.ID)}
			if len(mu.Geometry) > 0 {
				area.Extent, area.ExtentType = string(mu.Geometry), "geojson"
			}
			if err := put(area); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	fieldTax := HSDSUUID("taxonomy", "fields")
	groupTax := HSDSUUID("taxonomy", "target_groups")
	err = list("taxonomies", func(put func(any) error) error {
		if err := put(hsdsTaxonomy{ID: fieldTax, Name: "Netzwerkatlas Handlungsfelder", Description: "Fields of action (Handlungsfelder) of the counties' integration concepts", Version: "1"}); err != nil {
			return err
		}
		return put(hsdsTaxonomy{ID: groupTax, Name: "Netzwerkatlas Zielgruppen", Description: "Target groups (Zielgruppen) of integration measures", Version: "1"})
	})
	if err != nil {
		return err
	}
	err = list("taxonomy_terms", func(put func(any) error) error {
		for _, f := range s.Fields {
			if err := put(hsdsTerm{ID: HSDSUUID("term", f.ID), Code: f.ID, Name: f.Name,
				Description: cmpOr(f.Description, canonicalFields.label(f.Canonical)), Taxonomy: "Netzwerkatlas Handlungsfelder", TaxonomyID: fieldTax, Language: "de"}); err != nil {
				return err
			}
		}
		for _, g := range s.TargetGroups {
			if err := put(hsdsTerm{ID: HSDSUUID("term", g.ID), Code: g.ID, Name: g.Name,
				Description: cmpOr(g.Description, g.Name), Taxonomy: "Netzwerkatlas Zielgruppen", TaxonomyID: groupTax, Language: "de"}); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	bw.WriteString("}\n")
	return bw.Flush()
}

// hsdsAreaURI is the persistent identifier of a municipality as a service area.
func hsdsAreaURI(ags string) string { return "urn:de:ags:" + ags }

// stateOf names the Land of a region key (its first two digits).
func stateOf(region string) string {
	if len(region) < 2 {
		return ""
	}
	return map[string]string{"01": "Schleswig-Holstein", "02": "Hamburg", "03": "Niedersachsen", "04": "Bremen", "05": "Nordrhein-Westfalen",
		"06": "Hessen", "07": "Rheinland-Pfalz", "08": "Baden-Württemberg", "09": "Bayern", "10": "Saarland", "11": "Berlin",
		"12": "Brandenburg", "13": "Mecklenburg-Vorpommern", "14": "Sachsen", "15": "Sachsen-Anhalt", "16": "Thüringen"}[region[:2]]
}

// WriteGraphML writes the collaboration network of each region (organisations, edges weighted
// by shared networks plus cooperation) with the network metrics as node attributes, for
// Gephi and other graph tools.
func WriteGraphML(w io.Writer, s *graph.Snapshot) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString(xml.Header)
	bw.WriteString(`<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">` + "\n")
	keys := []struct{ id, target, name, typ string }{
		{"label", "node", "label", "string"}, {"kind", "node", "kind", "string"}, {"region", "node", "region", "string"},
		{"degree", "node", "degree", "int"}, {"strength", "node", "strength", "double"}, {"betweenness", "node", "betweenness", "double"},
		{"pagerank", "node", "pagerank", "double"}, {"community", "node", "community", "int"},
		{"articulation", "node", "articulation_point", "boolean"}, {"isolated", "node", "isolated", "boolean"},
		{"weight", "edge", "weight", "double"}, {"networks", "edge", "shared_networks", "int"}, {"cooperation", "edge", "cooperation", "boolean"},
	}
	for _, k := range keys {
		fmt.Fprintf(bw, `  <key id="%s" for="%s" attr.name="%s" attr.type="%s"/>`+"\n", k.id, k.target, k.name, k.typ)
	}
	bw.WriteString(`  <graph id="collaboration" edgedefault="undirected">` + "\n")
	esc := func(v string) string {
		var b strings.Builder
		_ = xml.EscapeText(&b, []byte(v))
		return b.String()
	}
	err := newRegionSource(s).each(func(rs *graph.Snapshot) error {
		na, err := analysis.AnalyseNetwork(rs, analysis.CollaborationGraph(rs), analysis.NetworkParams{})
		if err != nil {
			return err
		}
		for _, n := range na.Nodes {
			fmt.Fprintf(bw, `    <node id="%s"><data key="label">%s</data><data key="kind">%s</data><data key="region">%s</data><data key="degree">%d</data><data key="strength">%s</data><data key="betweenness">%s</data><data key="pagerank">%s</data><data key="community">%d</data><data key="articulation">%t</data><data key="isolated">%t</data></node>`+"\n",
				esc(n.ID), esc(n.Name), esc(n.Kind), esc(rs.Region), n.Degree, fnum(n.Strength), fnum(n.Betweenness), fnum(n.PageRank), n.Community, n.Articulation, n.Isolated)
		}
		for _, e := range na.Edges {
			fmt.Fprintf(bw, `    <edge source="%s" target="%s"><data key="weight">%s</data><data key="networks">%d</data><data key="cooperation">%t</data></edge>`+"\n",
				esc(e.A), esc(e.B), fnum(e.Weight), len(e.Networks), e.Cooperation)
		}
		return nil
	})
	if err != nil {
		return err
	}
	bw.WriteString("  </graph>\n</graphml>\n")
	return bw.Flush()
}

func fnum(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// geoFeatureOut is one municipality of the GeoJSON export.
type geoFeatureOut struct {
	Type       string          `json:"type"`
	ID         string          `json:"id"`
	Geometry   json.RawMessage `json:"geometry"`
	Properties map[string]any  `json:"properties"`
}

// WriteGeoJSON writes the municipalities with their coverage figures as a GeoJSON
// FeatureCollection (WGS84), one feature per line: AGS, name, region, population figures,
// active offers, and the number of fields of action that are gaps, thin and covered there,
// plus per field of action its class (property "class:<field name>").
func WriteGeoJSON(w io.Writer, s *graph.Snapshot) error {
	bw := bufio.NewWriterSize(w, 64<<10)
	bw.WriteString(`{"type":"FeatureCollection","features":[`)
	first := true
	err := newRegionSource(s).each(func(rs *graph.Snapshot) error {
		c, err := analysis.ComputeCoverage(rs, analysis.CoverageParams{})
		if err != nil {
			return err
		}
		for i, m := range rs.Municipalities {
			ms := c.Municipalities[i]
			p := map[string]any{"ags": m.ID, "name": m.Name, "region": m.Region, "population": m.Population,
				"foreign_population": m.ForeignPopulation, "protection_seekers": m.ProtectionSeekers, "demand": ms.Demand,
				"offers": ms.Offers, "gaps": ms.Gaps, "thin": ms.Thin, "covered": ms.Covered, "fields_without_network": ms.FieldsWithoutNetwork}
			for j, f := range c.Fields {
				cell := c.Cells[i*len(c.Fields)+j]
				p["class:"+f.Name] = cell.Class
			}
			geom := m.Geometry
			if len(geom) == 0 {
				geom = json.RawMessage("null")
			}
			b, err := json.Marshal(geoFeatureOut{Type: "Feature", ID: m.ID, Geometry: geom, Properties: p})
			if err != nil {
				return err
			}
			if !first {
				bw.WriteByte(',')
			}
			first = false
			bw.WriteString("\n")
			bw.Write(b)
		}
		return nil
	})
	if err != nil {
		return err
	}
	bw.WriteString("\n]}\n")
	return bw.Flush()
}
