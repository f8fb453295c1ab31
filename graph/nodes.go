package graph

import (
	"encoding/json"
	"slices"
	"strings"
)

// Region is a county (Landkreis), a county-free city or a state: the unit of access control.
// Its ID is the 5-digit Kreisschlüssel. A public region's public nodes are readable without
// signing in.
type Region struct {
	Meta
	// Name is the official name, e.g. "Kreis Recklinghausen".
	Name string `json:"name"`
	// Kind is county, city or state.
	Kind string `json:"kind"`
}

// EntityKind implements Entity.
func (*Region) EntityKind() Kind { return KindRegion }

// RegionKey implements Entity: a region belongs to itself.
func (r *Region) RegionKey() string { return r.ID }

// Normalize implements Entity.
func (r *Region) Normalize() { trim(&r.ID, &r.Name, &r.Kind); defaultVisibility(&r.Meta, Public) }

// Validate implements Entity.
func (r *Region) Validate() error {
	var p problems
	p.regionKey("id", r.ID, true)
	p.name("name", r.Name)
	p.enum("kind", r.Kind, RegionKinds, true)
	return p.err("region")
}

// References implements Entity.
func (r *Region) References() []Ref { return nil }

// Clone implements Entity.
func (r *Region) Clone() Entity { c := *r; return &c }

// Municipality is a town or municipality (Gemeinde). Its ID is the 8-digit AGS.
type Municipality struct {
	Meta
	// Name is the official name, e.g. "Marl".
	Name string `json:"name"`
	// Region is the key of the county the municipality is part of (PART_OF).
	Region string `json:"region"`
	// Population is the number of inhabitants.
	Population int64 `json:"population"`
	// ForeignPopulation is the number of inhabitants without German citizenship.
	ForeignPopulation int64 `json:"foreign_population"`
	// ProtectionSeekers is the number of people seeking or granted protection.
	ProtectionSeekers int64 `json:"protection_seekers"`
	// PopulationYear is the reference year of the figures.
	PopulationYear int `json:"population_year,omitempty"`
	// PopulationSource says whether Population is official or approximate.
	PopulationSource string `json:"population_source,omitempty"`
	// ForeignSource says whether ForeignPopulation and ProtectionSeekers are official or
	// approximate.
	ForeignSource string `json:"foreign_source,omitempty"`
	// Geometry is the boundary as a GeoJSON Polygon or MultiPolygon (WGS84).
	Geometry json.RawMessage `json:"geometry,omitempty"`
}

// EntityKind implements Entity.
func (*Municipality) EntityKind() Kind { return KindMunicipality }

// RegionKey implements Entity.
func (m *Municipality) RegionKey() string { return m.Region }

// Normalize implements Entity.
func (m *Municipality) Normalize() {
	trim(&m.ID, &m.Name, &m.Region, &m.PopulationSource, &m.ForeignSource)
	defaultVisibility(&m.Meta, Public)
	if string(m.Geometry) == "null" {
		m.Geometry = nil
	}
}

// Validate implements Entity.
func (m *Municipality) Validate() error {
	var p problems
	p.ags("id", m.ID)
	p.name("name", m.Name)
	p.regionKey("region", m.Region, true)
	if len(m.ID) == 8 && len(m.Region) == 5 && !strings.HasPrefix(m.ID, regionPrefix(m.Region)) {
		p.add("id", "AGS %s does not lie in region %s (it must start with %s)", m.ID, m.Region, regionPrefix(m.Region))
	}
	p.nonNegative("population", m.Population)
	p.nonNegative("foreign_population", m.ForeignPopulation)
	p.nonNegative("protection_seekers", m.ProtectionSeekers)
	if m.ForeignPopulation > m.Population && m.Population > 0 {
		p.add("foreign_population", "exceeds the population (%d)", m.Population)
	}
	if m.PopulationYear != 0 && (m.PopulationYear < 1950 || m.PopulationYear > 2100) {
		p.add("population_year", "must be between 1950 and 2100")
	}
	p.enum("population_source", m.PopulationSource, PopulationSources, false)
	p.enum("foreign_source", m.ForeignSource, PopulationSources, false)
	p.geometry("geometry", m.Geometry)
	return p.err("municipality")
}

// regionPrefix is the part of an AGS that names the region: the Land's two digits for a
// state key ending in 000, otherwise the whole 5-digit key.
func regionPrefix(key string) string {
	if strings.HasSuffix(key, "000") {
		return key[:2]
	}
	return key
}

// References implements Entity.
func (m *Municipality) References() []Ref { return regionRef(m.Region) }

// Clone implements Entity.
func (m *Municipality) Clone() Entity {
	c := *m
	c.Geometry = slices.Clone(m.Geometry)
	return &c
}

// FieldOfAction is a Handlungsfeld as one county's concept names it.
type FieldOfAction struct {
	Meta
	// Name is the county's own name, e.g. "Bildung und Sprache".
	Name string `json:"name"`
	// Region is the county whose concept defines the field (DEFINED_BY).
	Region string `json:"region"`
	// Canonical is the shared reference field it maps to, for comparing counties.
	Canonical string `json:"canonical"`
	// Description explains the field's scope.
	Description string `json:"description,omitempty"`
}

// EntityKind implements Entity.
func (*FieldOfAction) EntityKind() Kind { return KindField }

// RegionKey implements Entity.
func (f *FieldOfAction) RegionKey() string { return f.Region }

// Normalize implements Entity.
func (f *FieldOfAction) Normalize() {
	trim(&f.ID, &f.Name, &f.Region, &f.Canonical, &f.Description)
	defaultVisibility(&f.Meta, Public)
}

// Validate implements Entity.
func (f *FieldOfAction) Validate() error {
	var p problems
	p.name("name", f.Name)
	p.regionKey("region", f.Region, true)
	p.enum("canonical", f.Canonical, CanonicalFields, true)
	p.maxLen("description", f.Description, MaxDescription)
	return p.err("field of action")
}

// References implements Entity.
func (f *FieldOfAction) References() []Ref { return regionRef(f.Region) }

// Clone implements Entity.
func (f *FieldOfAction) Clone() Entity { c := *f; return &c }

// TargetGroup is a group of people that measures address, e.g. "Schutzsuchende".
type TargetGroup struct {
	Meta
	// Name is the group's name.
	Name string `json:"name"`
	// Region is the county that defined the group; empty for groups shared by all regions.
	Region string `json:"region,omitempty"`
	// Description says who belongs to the group.
	Description string `json:"description,omitempty"`
}

// EntityKind implements Entity.
func (*TargetGroup) EntityKind() Kind { return KindTargetGroup }

// RegionKey implements Entity.
func (t *TargetGroup) RegionKey() string { return t.Region }

// Normalize implements Entity.
func (t *TargetGroup) Normalize() {
	trim(&t.ID, &t.Name, &t.Region, &t.Description)
	defaultVisibility(&t.Meta, Public)
}

// Validate implements Entity.
func (t *TargetGroup) Validate() error {
	var p problems
	p.name("name", t.Name)
	p.regionKey("region", t.Region, false)
	p.maxLen("description", t.Description, MaxDescription)
	return p.err("target group")
}

// References implements Entity.
func (t *TargetGroup) References() []Ref { return regionRef(t.Region) }

// Clone implements Entity.
func (t *TargetGroup) Clone() Entity { c := *t; return &c }

// Organisation is an administration, association, school, club or initiative.
type Organisation struct {
	Meta
	// Name is the organisation's name.
	Name string `json:"name"`
	// Region is the county whose directory holds the entry.
	Region string `json:"region"`
	// Kind classifies the organisation (see OrganisationKinds).
	Kind string `json:"kind"`
	// Description says what the organisation does.
	Description string `json:"description,omitempty"`
	// Website is the organisation's web address.
	Website string `json:"website,omitempty"`
	// Email is the organisation's general contact address (not a person's).
	Email string `json:"email,omitempty"`
	// Phone is the organisation's general phone number.
	Phone string `json:"phone,omitempty"`
	// Street is street and house number.
	Street string `json:"street,omitempty"`
	// PostalCode is the 5-digit German postal code.
	PostalCode string `json:"postal_code,omitempty"`
	// City is the town of the address.
	City string `json:"city,omitempty"`
	// Lat is the latitude of the address (WGS84).
	Lat *float64 `json:"lat,omitempty"`
	// Lon is the longitude of the address (WGS84).
	Lon *float64 `json:"lon,omitempty"`
}

// EntityKind implements Entity.
func (*Organisation) EntityKind() Kind { return KindOrganisation }

// RegionKey implements Entity.
func (o *Organisation) RegionKey() string { return o.Region }

// Normalize implements Entity.
func (o *Organisation) Normalize() {
	trim(&o.ID, &o.Name, &o.Region, &o.Kind, &o.Description, &o.Website, &o.Email, &o.Phone, &o.Street, &o.PostalCode, &o.City)
	o.Email = strings.ToLower(o.Email)
	defaultVisibility(&o.Meta, Public)
}

// Validate implements Entity.
func (o *Organisation) Validate() error {
	var p problems
	p.name("name", o.Name)
	p.regionKey("region", o.Region, true)
	p.enum("kind", o.Kind, OrganisationKinds, true)
	p.maxLen("description", o.Description, MaxDescription)
	p.url("website", o.Website)
	p.email("email", o.Email)
	p.phone("phone", o.Phone)
	p.maxLen("street", o.Street, MaxName)
	p.maxLen("city", o.City, MaxName)
	if o.PostalCode != "" && !isDigits(o.PostalCode, 5) {
		p.add("postal_code", "%q is not a German postal code (5 digits)", o.PostalCode)
	}
	p.latLon(o.Lat, o.Lon)
	return p.err("organisation")
}

// References implements Entity.
func (o *Organisation) References() []Ref { return regionRef(o.Region) }

// Clone implements Entity.
func (o *Organisation) Clone() Entity {
	c := *o
	c.Lat, c.Lon = clonePtr(o.Lat), clonePtr(o.Lon)
	return &c
}

// Actor is a person: staff or volunteer of an organisation. Name, e-mail and phone are
// personal data: they are shown only to roles that may see contact data, and deleting an
// actor removes them everywhere, the audit log included.
type Actor struct {
	Meta
	// Name is the person's name.
	Name string `json:"name"`
	// Region is the county whose directory holds the entry.
	Region string `json:"region"`
	// Role is the person's function, e.g. "Integrationsbeauftragte".
	Role string `json:"role,omitempty"`
	// Email is the person's e-mail address (personal data).
	Email string `json:"email,omitempty"`
	// Phone is the person's phone number (personal data).
	Phone string `json:"phone,omitempty"`
	// Consent records that the person agreed to be listed with contact data.
	Consent bool `json:"consent"`
}

// EntityKind implements Entity.
func (*Actor) EntityKind() Kind { return KindActor }

// RegionKey implements Entity.
func (a *Actor) RegionKey() string { return a.Region }

// Normalize implements Entity.
func (a *Actor) Normalize() {
	trim(&a.ID, &a.Name, &a.Region, &a.Role, &a.Email, &a.Phone)
	a.Email = strings.ToLower(a.Email)
	defaultVisibility(&a.Meta, Internal)
}

// Validate implements Entity.
func (a *Actor) Validate() error {
	var p problems
	p.name("name", a.Name)
	p.regionKey("region", a.Region, true)
	p.maxLen("role", a.Role, MaxName)
	p.email("email", a.Email)
	p.phone("phone", a.Phone)
	return p.err("actor")
}

// References implements Entity.
func (a *Actor) References() []Ref { return regionRef(a.Region) }

// Clone implements Entity.
func (a *Actor) Clone() Entity { c := *a; return &c }

// WithoutContact returns a copy without the personal contact data (e-mail, phone), for
// roles that may not see it.
func (a *Actor) WithoutContact() *Actor {
	c := *a
	c.Email, c.Phone = "", ""
	return &c
}

// Network is a steering group, round table, working group, council or board.
type Network struct {
	Meta
	// Name is the network's name.
	Name string `json:"name"`
	// Region is the county whose directory holds the entry.
	Region string `json:"region"`
	// Kind classifies the network (see NetworkKinds).
	Kind string `json:"kind"`
	// Level is county (kreisweit) or municipal (kommunal).
	Level string `json:"level"`
	// Cadence says how often the network meets.
	Cadence string `json:"cadence,omitempty"`
	// Description states the network's purpose.
	Description string `json:"description,omitempty"`
}

// EntityKind implements Entity.
func (*Network) EntityKind() Kind { return KindNetwork }

// RegionKey implements Entity.
func (n *Network) RegionKey() string { return n.Region }

// Normalize implements Entity.
func (n *Network) Normalize() {
	trim(&n.ID, &n.Name, &n.Region, &n.Kind, &n.Level, &n.Cadence, &n.Description)
	defaultVisibility(&n.Meta, Public)
}

// Validate implements Entity.
func (n *Network) Validate() error {
	var p problems
	p.name("name", n.Name)
	p.regionKey("region", n.Region, true)
	p.enum("kind", n.Kind, NetworkKinds, true)
	p.enum("level", n.Level, NetworkLevels, true)
	p.enum("cadence", n.Cadence, Cadences, false)
	p.maxLen("description", n.Description, MaxDescription)
	return p.err("network")
}

// References implements Entity.
func (n *Network) References() []Ref { return regionRef(n.Region) }

// Clone implements Entity.
func (n *Network) Clone() Entity { c := *n; return &c }

// Measure is an offer or project (Maßnahme): a language course, a counselling service, a
// mentoring programme, a strategic coordination task.
type Measure struct {
	Meta
	// Title is the measure's name.
	Title string `json:"title"`
	// Region is the county whose directory holds the entry.
	Region string `json:"region"`
	// Description says what the measure offers, for whom, how.
	Description string `json:"description,omitempty"`
	// Status is planned, active, paused or completed.
	Status string `json:"status"`
	// Level is strategic or operational.
	Level string `json:"level"`
	// Starts is the first day (optional).
	Starts Date `json:"starts,omitempty"`
	// Ends is the last day (optional; open-ended when empty).
	Ends Date `json:"ends,omitempty"`
	// Languages are ISO 639 codes of the languages the measure is offered in.
	Languages []string `json:"languages,omitempty"`
	// Format is in_person, online or hybrid.
	Format string `json:"format,omitempty"`
	// Cost is the fee per participant in euros (Teilnahmegebühr); 0 means free, absent means
	// unknown. What the measure itself costs and who pays is Funding.
	Cost *float64 `json:"cost,omitempty"`
	// Capacity is the number of places; 0 means unknown.
	Capacity int64 `json:"capacity,omitempty"`
	// Programme names a funding or model programme, e.g. "Rucksack", "Griffbereit", "KIM".
	Programme string `json:"programme,omitempty"`
	// Website links to more information or registration.
	Website string `json:"website,omitempty"`

	// The planning part, as the integration concept describes the measure.

	// Reference is the concept's own number for the measure, e.g. "IP 1.3".
	Reference string `json:"reference,omitempty"`
	// Priority ranks the measure, e.g. starter for a Starterprojekt (see Priorities).
	Priority string `json:"priority,omitempty"`
	// Horizon is short, medium or long term (kurz-, mittel-, langfristig).
	Horizon string `json:"horizon,omitempty"`
	// Addressee is who the concept asks to act: the county, the municipalities or partners.
	Addressee string `json:"addressee,omitempty"`
	// Effect is the intended effect (Wirkung).
	Effect string `json:"effect,omitempty"`
	// Funding lists where the measure's money comes from.
	Funding []Funding `json:"funding,omitempty"`
	// StatusNotes are dated remarks on progress, oldest first.
	StatusNotes []StatusNote `json:"status_notes,omitempty"`
}

// EntityKind implements Entity.
func (*Measure) EntityKind() Kind { return KindMeasure }

// RegionKey implements Entity.
func (m *Measure) RegionKey() string { return m.Region }

// Normalize implements Entity.
func (m *Measure) Normalize() {
	trim(&m.ID, &m.Title, &m.Region, &m.Description, &m.Status, &m.Level, &m.Format, &m.Programme, &m.Website,
		&m.Reference, &m.Priority, &m.Horizon, &m.Addressee, &m.Effect)
	m.Starts, m.Ends = Date(strings.TrimSpace(string(m.Starts))), Date(strings.TrimSpace(string(m.Ends)))
	for i := range m.Funding {
		f := &m.Funding[i]
		trim(&f.Funder)
		f.Starts, f.Ends = Date(strings.TrimSpace(string(f.Starts))), Date(strings.TrimSpace(string(f.Ends)))
	}
	for i := range m.StatusNotes {
		n := &m.StatusNotes[i]
		trim(&n.Text)
		n.Date = Date(strings.TrimSpace(string(n.Date)))
	}
	for i, l := range m.Languages {
		m.Languages[i] = strings.ToLower(strings.TrimSpace(l))
	}
	defaultVisibility(&m.Meta, Public)
}

// Validate implements Entity.
func (m *Measure) Validate() error {
	var p problems
	p.name("title", m.Title)
	p.regionKey("region", m.Region, true)
	p.maxLen("description", m.Description, MaxDescription)
	p.enum("status", m.Status, MeasureStatuses, true)
	p.enum("level", m.Level, MeasureLevels, true)
	p.date("starts", m.Starts)
	p.date("ends", m.Ends)
	if s, ok := m.Starts.Time(); ok {
		if e, ok := m.Ends.Time(); ok && e.Before(s) {
			p.add("ends", "lies before starts (%s)", m.Starts)
		}
	}
	p.languages("languages", m.Languages)
	p.enum("format", m.Format, MeasureFormats, false)
	p.finite("cost", m.Cost)
	if m.Cost != nil && *m.Cost < 0 {
		p.add("cost", "must not be negative")
	}
	p.nonNegative("capacity", m.Capacity)
	p.maxLen("programme", m.Programme, MaxShort)
	p.url("website", m.Website)
	p.maxLen("reference", m.Reference, MaxShort)
	p.enum("priority", m.Priority, Priorities, false)
	p.enum("horizon", m.Horizon, Horizons, false)
	p.enum("addressee", m.Addressee, Addressees, false)
	p.maxLen("effect", m.Effect, MaxDescription)
	p.funding("funding", m.Funding)
	p.statusNotes("status_notes", m.StatusNotes)
	return p.err("measure")
}

// References implements Entity.
func (m *Measure) References() []Ref { return regionRef(m.Region) }

// Clone implements Entity.
func (m *Measure) Clone() Entity {
	c := *m
	c.Languages = slices.Clone(m.Languages)
	c.Cost = clonePtr(m.Cost)
	c.Funding = slices.Clone(m.Funding)
	for i := range c.Funding {
		c.Funding[i].Amount = clonePtr(m.Funding[i].Amount)
	}
	c.StatusNotes = slices.Clone(m.StatusNotes)
	return &c
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	v := *p
	return &v
}
