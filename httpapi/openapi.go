package httpapi

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/gorilla/mux"

	"github.com/netzwerkatlas/netzwerkatlas/analysis"
	"github.com/netzwerkatlas/netzwerkatlas/analysis/duplicates"
	"github.com/netzwerkatlas/netzwerkatlas/exchange"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
	"github.com/netzwerkatlas/netzwerkatlas/report"
)

// The OpenAPI 3.1 document is built from the domain's own tables — node kinds, their Go
// types, enumerations, relationship types — so it cannot drift from what the handlers
// decode and encode. A test walks the router and fails when a route is missing here; the
// handler tests validate every response they receive against the document.

type obj = map[string]any

// enums lists the allowed values of enumerated properties, by JSON name and kind.
func enumFor(k graph.Kind, field string) []string {
	if k == "" {
		return nil // not a node: analysis results, whose fields may share a name with a node's
	}
	switch field {
	case "visibility":
		return []string{string(graph.Public), string(graph.Internal)}
	case "canonical":
		return graph.CanonicalFields
	case "status":
		return graph.MeasureStatuses
	case "format":
		return graph.MeasureFormats
	case "cadence":
		return graph.Cadences
	case "population_source", "foreign_source":
		return graph.PopulationSources
	case "level":
		switch k {
		case graph.KindMeasure:
			return graph.MeasureLevels
		case graph.KindGoal:
			return graph.GoalLevels
		case graph.KindNetwork:
			return graph.NetworkLevels
		}
	case "priority":
		return graph.Priorities
	case "horizon":
		return graph.Horizons
	case "addressee":
		return graph.Addressees
	case "direction":
		return graph.IndicatorDirections
	case "kind":
		switch k {
		case graph.KindRegion:
			return graph.RegionKinds
		case graph.KindOrganisation:
			return graph.OrganisationKinds
		case graph.KindNetwork:
			return graph.NetworkKinds
		}
	}
	return nil
}

var (
	timeType = reflect.TypeOf(time.Time{})
	rawType  = reflect.TypeOf(json.RawMessage(nil))
	dateType = reflect.TypeOf(graph.Date(""))
)

// schemaOf describes a Go type as JSON Schema the way encoding/json renders it.
func schemaOf(t reflect.Type, k graph.Kind) obj {
	switch {
	case t == timeType:
		return obj{"type": "string", "format": "date-time"}
	case t == rawType:
		return obj{"type": "object", "description": "GeoJSON geometry (Polygon or MultiPolygon)"}
	case t == dateType:
		return obj{"type": "string", "format": "date"}
	}
	switch t.Kind() {
	case reflect.Pointer:
		return schemaOf(t.Elem(), k)
	case reflect.String:
		return obj{"type": "string"}
	case reflect.Bool:
		return obj{"type": "boolean"}
	case reflect.Int, reflect.Int64, reflect.Int32, reflect.Uint64:
		return obj{"type": "integer"}
	case reflect.Float64, reflect.Float32:
		return obj{"type": "number"}
	case reflect.Slice:
		items := schemaOf(t.Elem(), k)
		if typ, ok := items["type"].(string); ok && t.Elem().Kind() == reflect.Pointer {
			items["type"] = []string{typ, "null"} // a list of optional values (a trend's gaps) holds nulls
		}
		return obj{"type": "array", "items": items}
	case reflect.Array:
		return obj{"type": "array", "items": schemaOf(t.Elem(), k), "minItems": t.Len(), "maxItems": t.Len()}
	case reflect.Map:
		return obj{"type": "object", "additionalProperties": schemaOf(t.Elem(), k)}
	case reflect.Struct:
		props := obj{}
		collectFields(t, k, props)
		return obj{"type": "object", "properties": props, "additionalProperties": false}
	}
	return obj{}
}

func collectFields(t reflect.Type, k graph.Kind, props obj) {
	for i := 0; i < t.NumField(); i++ {
		f := t.Field(i)
		if f.Anonymous && f.Type.Kind() == reflect.Struct {
			collectFields(f.Type, k, props)
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" || !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		s := schemaOf(f.Type, k)
		if e := enumFor(k, name); e != nil && s["type"] == "string" {
			s["enum"] = e
		}
		props[name] = s
	}
}

// typeSchema describes the JSON encoding of v's type.
func typeSchema(v any) obj { return schemaOf(reflect.TypeOf(v), "") }

func ref(name string) obj { return obj{"$ref": "#/components/schemas/" + name} }

// schemaName is a kind's schema name, e.g. "Measure".
func schemaName(k graph.Kind) string {
	ki, _ := k.Info()
	if ki.Label == "FieldOfAction" {
		return "FieldOfAction"
	}
	return ki.Label
}

func jsonBody(schema obj) obj { return obj{"content": obj{"application/json": obj{"schema": schema}}} }

func resp(desc string, schema obj) obj {
	r := obj{"description": desc}
	if schema != nil {
		r["content"] = obj{"application/json": obj{"schema": schema}}
	}
	return r
}

// problems adds the problem answers an operation can give.
func problems(r obj, codes ...string) obj {
	for _, c := range codes {
		r[c] = obj{"$ref": "#/components/responses/Problem"}
	}
	return r
}

func param(name, in, desc string, required bool, schema obj) obj {
	return obj{"name": name, "in": in, "description": desc, "required": required, "schema": schema}
}

var str = obj{"type": "string"}

// listFilterParams are the query parameters of lists and search.
func listFilterParams() []any {
	return []any{
		param("region", "query", "5-digit region key", false, str),
		param("municipality", "query", "AGS of a municipality", false, str),
		param("field", "query", "id of a field of action", false, str),
		param("target_group", "query", "id of a target group", false, str),
		param("organisation", "query", "id of an organisation", false, str),
		param("network", "query", "id of a network", false, str),
		param("kind", "query", "the kind property (organisations, networks, regions)", false, str),
		param("status", "query", "measure status", false, obj{"type": "string", "enum": graph.MeasureStatuses}),
		param("language", "query", "ISO 639 code", false, str),
		param("visibility", "query", "public or internal", false, obj{"type": "string", "enum": []string{"public", "internal"}}),
		param("limit", "query", "page size, 1–1000 (default 50)", false, obj{"type": "integer", "minimum": 1, "maximum": graph.MaxLimit}),
		param("cursor", "query", "next_cursor of the previous page", false, str),
	}
}

var (
	openAPIOnce sync.Once
	openAPIDoc  []byte
)

// openAPI returns the document as JSON.
func openAPI() []byte {
	openAPIOnce.Do(func() {
		b, err := json.MarshalIndent(buildOpenAPI(), "", "  ")
		if err != nil {
			panic(err)
		}
		openAPIDoc = b
	})
	return openAPIDoc
}

func buildOpenAPI() obj {
	schemas := obj{}
	var anyEntity []any
	for _, ki := range graph.Kinds {
		s := schemaOf(reflect.TypeOf(ki.New()).Elem(), ki.Kind)
		schemas[schemaName(ki.Kind)] = s
		anyEntity = append(anyEntity, ref(schemaName(ki.Kind)))
	}
	schemas["Entity"] = obj{"oneOf": anyEntity}
	schemas["Problem"] = obj{"type": "object", "required": []string{"type", "title", "status"}, "properties": obj{
		"type": str, "title": str, "status": obj{"type": "integer"}, "detail": str, "instance": str, "request_id": str,
		"current_version": obj{"type": "integer"},
		"errors": obj{"type": "array", "items": obj{"type": "object", "required": []string{"field", "message"},
			"properties": obj{"field": str, "message": str}}},
	}}
	var relTypes []string
	for _, ri := range graph.RelTypes {
		relTypes = append(relTypes, string(ri.Type))
	}
	relProps := schemaOf(reflect.TypeOf(graph.RelProps{}), "")
	schemas["Relation"] = obj{"type": "object", "required": []string{"type", "from", "to"}, "properties": obj{
		"type": obj{"type": "string", "enum": relTypes}, "from": str, "to": str, "props": relProps}}
	schemas["AuditEntry"] = schemaOf(reflect.TypeOf(graph.AuditEntry{}), "")
	schemas["AuditEntry"].(obj)["properties"].(obj)["before"] = obj{}
	schemas["AuditEntry"].(obj)["properties"].(obj)["after"] = obj{}
	schemas["User"] = schemaOf(reflect.TypeOf(userView{}), "")
	schemas["UserAdmin"] = schemaOf(reflect.TypeOf(userAdminView{}), "")
	schemas["Token"] = schemaOf(reflect.TypeOf(tokenView{}), "")
	schemas["FieldMatch"] = schemaOf(reflect.TypeOf(graph.FieldMatch{}), "")
	schemas["SearchHit"] = obj{"type": "object", "properties": obj{"kind": str, "score": obj{"type": "number"},
		"item": ref("Entity"), "matches": obj{"type": "array", "items": ref("FieldMatch")}}}

	paths := obj{}
	op := func(path, method string, o obj) {
		if paths[path] == nil {
			paths[path] = obj{}
		}
		paths[path].(obj)[strings.ToLower(method)] = o
	}
	idParam := param("id", "path", "the node's id (a region key, an AGS, or a prefixed id)", true, str)
	etagHeader := obj{"ETag": obj{"description": "the version", "schema": str}}
	ifMatch := param("If-Match", "header", "ETag of the version you edited", true, str)

	op("/healthz", "GET", obj{"summary": "Liveness", "responses": obj{"200": resp("up", obj{"type": "object"})}})
	op("/readyz", "GET", obj{"summary": "Readiness: the store answers", "responses": obj{"200": resp("ready", obj{"type": "object"}), "503": resp("not ready", obj{"type": "object"})}})
	op("/metrics", "GET", obj{"summary": "Prometheus metrics (text format)", "responses": obj{"200": obj{"description": "metrics", "content": obj{"text/plain": obj{"schema": str}}}}})
	op("/api/openapi.json", "GET", obj{"summary": "This document", "responses": obj{"200": resp("the document", obj{"type": "object"})}})

	mergedRedirect := obj{"description": "the id was retired by a merge: Location names the entry it was merged into", "headers": obj{"Location": obj{"schema": str}},
		"content": obj{"application/json": obj{"schema": typeSchema(MergedEntry{})}}}
	for _, ki := range graph.Kinds {
		name := schemaName(ki.Kind)
		base := apiPrefix + "/" + ki.Collection
		list := obj{"type": "object", "required": []string{"items", "next_cursor", "total"}, "properties": obj{
			"items": obj{"type": "array", "items": ref(name)}, "next_cursor": str, "total": obj{"type": "integer"}}}
		tag := []string{ki.Collection}
		op(base, "GET", obj{"tags": tag, "summary": "List " + ki.Collection, "parameters": listFilterParams(),
			"responses": problems(obj{"200": resp("one page", list)}, "400", "401")})
		op(base, "POST", obj{"tags": tag, "summary": "Create a " + string(ki.Kind), "requestBody": jsonBody(ref(name)),
			"responses": problems(obj{"201": obj{"description": "created", "headers": etagHeader, "content": obj{"application/json": obj{"schema": ref(name)}}}},
				"400", "401", "403", "409", "413", "415")})
		op(base+"/{id}", "GET", obj{"tags": tag, "summary": "Get a " + string(ki.Kind), "parameters": []any{idParam},
			"responses": problems(obj{"200": obj{"description": "the node", "headers": etagHeader, "content": obj{"application/json": obj{"schema": ref(name)}}},
				"308": mergedRedirect}, "401", "404")})
		op(base+"/{id}", "PUT", obj{"tags": tag, "summary": "Replace a " + string(ki.Kind), "parameters": []any{idParam, ifMatch}, "requestBody": jsonBody(ref(name)),
			"responses": problems(obj{"200": resp("the stored node", ref(name))}, "400", "401", "403", "404", "412", "413", "415", "428")})
		op(base+"/{id}", "PATCH", obj{"tags": tag, "summary": "Change fields of a " + string(ki.Kind) + " (JSON merge patch)", "parameters": []any{idParam, ifMatch},
			"requestBody": obj{"content": obj{"application/merge-patch+json": obj{"schema": obj{"type": "object"}}, "application/json": obj{"schema": obj{"type": "object"}}}},
			"responses":   problems(obj{"200": resp("the stored node", ref(name))}, "400", "401", "403", "404", "412", "413", "415", "428")})
		op(base+"/{id}", "DELETE", obj{"tags": tag, "summary": "Delete a " + string(ki.Kind), "parameters": []any{idParam, param("If-Match", "header", "ETag of the version you saw (optional)", false, str)},
			"responses": problems(obj{"204": obj{"description": "deleted"}}, "400", "401", "403", "404", "409", "412")})
		op(base+"/{id}/relations", "GET", obj{"tags": tag, "summary": "Relationships of a " + string(ki.Kind), "parameters": []any{idParam,
			param("type", "query", "relationship type", false, obj{"type": "string", "enum": relTypes}),
			param("direction", "query", "in or out", false, obj{"type": "string", "enum": []string{"in", "out"}})},
			"responses": problems(obj{"200": resp("relationships", obj{"type": "object", "properties": obj{"items": obj{"type": "array", "items": ref("Relation")}, "total": obj{"type": "integer"}}}),
				"308": mergedRedirect}, "400", "404")})
	}
	op(apiPrefix+"/relations", "POST", obj{"tags": []string{"relations"}, "summary": "Create a relationship or replace its properties", "requestBody": jsonBody(ref("Relation")),
		"responses": problems(obj{"200": resp("the relationship", ref("Relation"))}, "400", "401", "403", "404", "413", "415")})
	op(apiPrefix+"/relations", "DELETE", obj{"tags": []string{"relations"}, "summary": "Remove a relationship", "requestBody": jsonBody(ref("Relation")),
		"responses": problems(obj{"204": obj{"description": "removed"}}, "400", "401", "403", "404", "413", "415")})
	changeRel := obj{"type": "object", "required": []string{"type", "from", "to"}, "additionalProperties": false, "properties": obj{
		"type": obj{"type": "string", "enum": relTypes}, "from": obj{"type": "string", "description": "an id, or \"self\" for the entry"},
		"to": obj{"type": "string", "description": "an id, or \"self\" for the entry"}, "props": relProps}}
	kindNames := make([]string, 0, len(graph.Kinds))
	for _, ki := range graph.Kinds {
		kindNames = append(kindNames, string(ki.Kind))
	}
	op(apiPrefix+"/changes", "POST", obj{"tags": []string{"relations"}, "summary": "Create or change one entry together with its relationships, all or nothing",
		"description": fmt.Sprintf("Without id a new entry is created from node; with id and version (the version the form was opened with) node is a JSON merge patch. relate and unrelate (together at most %d) name the entry as \"self\". 412 with current_version when the entry changed since version.", maxChangeRelations),
		"requestBody": jsonBody(obj{"type": "object", "required": []string{"kind"}, "additionalProperties": false, "properties": obj{
			"kind": obj{"type": "string", "enum": kindNames}, "id": str, "version": obj{"type": "integer", "minimum": 1},
			"node": obj{"type": "object"}, "relate": obj{"type": "array", "items": changeRel}, "unrelate": obj{"type": "array", "items": changeRel}}}),
		"responses": problems(obj{
			"200": obj{"description": "changed", "headers": etagHeader, "content": obj{"application/json": obj{"schema": ref("ChangeResult")}}},
			"201": obj{"description": "created", "headers": etagHeader, "content": obj{"application/json": obj{"schema": ref("ChangeResult")}}}},
			"400", "401", "403", "404", "409", "412", "413", "415")})
	schemas["ChangeResult"] = obj{"type": "object", "required": []string{"node", "relations"}, "properties": obj{
		"node": ref("Entity"), "relations": obj{"type": "array", "items": ref("Relation")}}}
	searchParams := append([]any{param("q", "query", "the words to find (German-aware)", false, str),
		param("types", "query", "comma-separated kinds: measure, organisation, network", false, str)}, listFilterParams()...)
	op(apiPrefix+"/search", "GET", obj{"tags": []string{"search"}, "summary": "Full-text search", "parameters": searchParams,
		"responses": problems(obj{"200": resp("ranked hits", obj{"type": "object", "properties": obj{"items": obj{"type": "array", "items": ref("SearchHit")},
			"next_cursor": str, "total": obj{"type": "integer"}}})}, "400")})
	authTag := []string{"auth"}
	op(apiPrefix+"/auth/login", "POST", obj{"tags": authTag, "summary": "Sign in", "requestBody": jsonBody(obj{"type": "object", "required": []string{"username", "password"},
		"properties": obj{"username": str, "password": str}, "additionalProperties": false}),
		"responses": problems(obj{"200": resp("signed in; also sets the session and CSRF cookies", obj{"type": "object", "properties": obj{
			"token": str, "expires_at": obj{"type": "string", "format": "date-time"}, "csrf_token": str, "user": ref("User")}})}, "400", "401", "413", "415", "429")})
	op(apiPrefix+"/auth/logout", "POST", obj{"tags": authTag, "summary": "Sign out", "responses": problems(obj{"204": obj{"description": "signed out"}}, "401", "403")})
	op(apiPrefix+"/auth/me", "GET", obj{"tags": authTag, "summary": "The signed-in user", "responses": problems(obj{"200": resp("the user", ref("User"))}, "401")})
	op(apiPrefix+"/auth/me/password", "PUT", obj{"tags": authTag, "summary": "Change your own password",
		"description": fmt.Sprintf("Proves the current password and sets a new one of %d to %d characters that is not a common password and is hard to guess (zxcvbn score at least %d; the user name counts as guessable). Every session and API token of the user ends; a session making the change is replaced by a new one (token, expires_at, csrf_token and new cookies), an API token making it ends too. A wrong current_password is 403 naming the field and is throttled like a sign-in (429 with Retry-After).", minPassword, maxPassword, minStrength),
		"requestBody": jsonBody(obj{"type": "object", "required": []string{"current_password", "new_password"}, "additionalProperties": false,
			"properties": obj{"current_password": str, "new_password": obj{"type": "string", "minLength": minPassword, "maxLength": maxPassword}}}),
		"responses": problems(obj{"200": resp("changed", obj{"type": "object", "required": []string{"user"}, "properties": obj{
			"user": ref("User"), "token": str, "expires_at": obj{"type": "string", "format": "date-time"}, "csrf_token": str}})},
			"400", "401", "403", "409", "413", "415", "429")})
	op(apiPrefix+"/auth/tokens", "GET", obj{"tags": authTag, "summary": "Your sessions and API tokens", "responses": problems(obj{"200": resp("tokens",
		obj{"type": "object", "properties": obj{"items": obj{"type": "array", "items": ref("Token")}, "total": obj{"type": "integer"}}})}, "401")})
	op(apiPrefix+"/auth/tokens", "POST", obj{"tags": authTag, "summary": "Create an API token (shown once)", "requestBody": jsonBody(obj{"type": "object",
		"properties": obj{"name": str, "expires_in_days": obj{"type": "integer", "minimum": 1, "maximum": 366, "default": 90,
			"description": "whole days the token works; 1 to 366"}}, "additionalProperties": false}),
		"responses": problems(obj{"201": resp("the token", obj{"type": "object", "properties": obj{"id": str, "name": str, "token": str,
			"created_at": obj{"type": "string", "format": "date-time"}, "expires_at": obj{"type": "string", "format": "date-time"}}})}, "400", "401", "403", "413", "415")})
	op(apiPrefix+"/auth/tokens/{id}", "DELETE", obj{"tags": authTag, "summary": "Revoke a token", "parameters": []any{param("id", "path", "token id", true, str)},
		"responses": problems(obj{"204": obj{"description": "revoked"}}, "401", "403", "404")})
	op(apiPrefix+"/audit", "GET", obj{"tags": []string{"audit"}, "summary": "Who changed what (coordinators, admins)", "parameters": []any{
		param("entity", "query", "node id", false, str), param("region", "query", "region key", false, str),
		param("limit", "query", "page size", false, obj{"type": "integer", "minimum": 1, "maximum": graph.MaxLimit}), param("cursor", "query", "next_cursor", false, str),
		param("lang", "query", "language of the summaries (default: from Accept-Language, else German)", false, obj{"type": "string", "enum": []string{"de", "en"}})},
		"responses": problems(obj{"200": resp("entries, newest first", obj{"type": "object", "properties": obj{"items": obj{"type": "array", "items": ref("AuditEntry")}, "next_cursor": str}})}, "400", "401", "403")})

	usersTag := []string{"users"}
	userBody := jsonBody(obj{"type": "object", "additionalProperties": false, "properties": obj{
		"username": str, "password": str, "admin": obj{"type": "boolean"}, "organisation": str,
		"roles": obj{"type": "object", "additionalProperties": obj{"type": "string", "enum": []string{"viewer", "member", "coordinator", "admin"}}}}})
	userParam := param("username", "path", "sign-in name", true, str)
	op(apiPrefix+"/users", "GET", obj{"tags": usersTag, "summary": "All users (admins)", "responses": problems(obj{"200": resp("users",
		obj{"type": "object", "properties": obj{"items": obj{"type": "array", "items": ref("UserAdmin")}, "total": obj{"type": "integer"}}})}, "401", "403")})
	op(apiPrefix+"/users", "POST", obj{"tags": usersTag, "summary": "Create a user (admins); without a password one is generated and returned once",
		"requestBody": userBody, "responses": problems(obj{"201": resp("the user", obj{"type": "object", "properties": obj{"user": ref("UserAdmin"), "password": str}})},
			"400", "401", "403", "409", "413", "415")})
	op(apiPrefix+"/users/{username}", "PATCH", obj{"tags": usersTag, "summary": "Change a user (admins); a new password ends all of the user's sessions and API tokens", "parameters": []any{userParam, ifMatch},
		"requestBody": userBody, "responses": problems(obj{"200": obj{"description": "the user", "headers": etagHeader, "content": obj{"application/json": obj{"schema": ref("UserAdmin")}}}},
			"400", "401", "403", "404", "412", "413", "415", "428")})
	op(apiPrefix+"/users/{username}", "DELETE", obj{"tags": usersTag, "summary": "Delete a user and their tokens (admins)", "parameters": []any{userParam},
		"responses": problems(obj{"204": obj{"description": "deleted"}}, "401", "403", "404", "409")})

	anaTag := []string{"analysis"}
	regionQ := param("region", "query", "5-digit region key", true, str)
	coverageQ := []any{regionQ, param("target_group", "query", "only measures for this group", false, str),
		param("demand", "query", "population densities are measured against", false, obj{"type": "string", "enum": []string{"foreign", "population", "protection_seekers"}}),
		param("thin_factor", "query", "share of the field's median density below which a cell is thin (default 0.25)", false, obj{"type": "number", "minimum": 0, "maximum": 1}),
		param("lang", "query", "language of the explanations (default: from Accept-Language, else German)", false, obj{"type": "string", "enum": []string{"de", "en"}})}
	op(apiPrefix+"/analysis/coverage", "GET", obj{"tags": anaTag, "summary": "Coverage municipality × field: gap, thin, covered; gaps ranked by unserved demand",
		"parameters": coverageQ,
		"responses":  problems(obj{"200": resp("the coverage", typeSchema(analysis.Coverage{}))}, "400", "404")})
	op(apiPrefix+"/analysis/gaps", "GET", obj{"tags": anaTag, "summary": "Gaps ranked by unserved demand and thin cells, each with its explanation",
		"parameters": coverageQ,
		"responses":  problems(obj{"200": resp("the gaps", typeSchema(analysis.GapList{}))}, "400", "404")})
	op(apiPrefix+"/analysis/duplicates", "GET", obj{"tags": anaTag, "summary": "Duplicate offers: pairs with the model's probability, their features and contributions and why they were detected (de, en), clusters (data duplicate → merge, parallel offer → coordinate), reviewed pairs, the review queue (the pairs the model is least sure about) and the region's model, refitted with its verdicts",
		"parameters": []any{regionQ, param("threshold", "query", fmt.Sprintf("probability from which a pair is reported (default %g)", duplicates.DefaultThreshold), false, obj{"type": "number", "exclusiveMinimum": 0, "maximum": 1}),
			param("order", "query", "order of pairs: clusters (default) or uncertain (the unreviewed pairs closest to p = 0.5 first)", false, obj{"type": "string", "enum": []string{duplicates.OrderClusters, duplicates.OrderUncertain}}),
			param("model", "query", "fitted (default: the built-in model refitted with the region's verdicts) or built_in", false, obj{"type": "string", "enum": []string{duplicates.ModelFitted, duplicates.ModelBuiltIn}}),
			param("max_block", "query", "largest block compared pair by pair (default 2000, at most 5000)", false, obj{"type": "integer", "minimum": 2, "maximum": 5000}),
			param("format", "query", "json (default), or the review list as csv or xlsx: one row per reported or reviewed pair, in German", false, obj{"type": "string", "enum": []string{"json", exchange.FormatCSV, exchange.FormatXLSX}})},
		"responses": problems(obj{"200": obj{"description": "the duplicates (json) or the review list (csv, xlsx)", "content": obj{
			"application/json":        obj{"schema": typeSchema(duplicates.Result{})},
			"text/csv; charset=utf-8": obj{"schema": obj{"type": "string", "format": "binary"}},
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": obj{"schema": obj{"type": "string", "format": "binary"}}}}}, "400", "404")})
	op(apiPrefix+"/analysis/duplicates/verdicts", "POST", obj{"tags": anaTag, "summary": "Record a reviewer's verdict on a pair of measures (coordinators); it replaces an earlier one and says so. coordinating (Abstimmung angestoßen) keeps the pair reported until the due date it requires",
		"requestBody": jsonBody(obj{"type": "object", "required": []string{"a", "b", "verdict"}, "additionalProperties": false, "properties": obj{
			"a": str, "b": str, "verdict": obj{"type": "string", "enum": graph.Verdicts}, "note": str,
			"due": obj{"type": "string", "format": "date", "description": "with coordinating only, and required there: the day (today or later) by which the providers settle it"}}}),
		"responses": problems(obj{"200": resp("the recorded verdict", typeSchema(VerdictResponse{}))}, "400", "401", "403", "404", "413", "415")})
	op(apiPrefix+"/analysis/duplicates/coordinations", "GET", obj{"tags": anaTag, "summary": "Parallel offers under coordination (Laufende Abstimmungen): both offers with providers and municipalities, the due date, overdue or not; the earliest due first",
		"parameters": []any{regionQ},
		"responses":  problems(obj{"200": resp("the coordinations", typeSchema(CoordinationList{}))}, "400", "404")})
	orgID := param("id", "path", "organisation id", true, str)
	op(apiPrefix+"/analysis/structures", "GET", obj{"tags": anaTag, "summary": "Overlapping structures: parallel bodies, a town's body beside the county's, town concepts in fields the county's goals work on — with shared members, fields and the reason in words",
		"parameters": []any{regionQ,
			param("min_jaccard", "query", "member overlap (Jaccard) from which bodies of one level overlap (default 0.5)", false, obj{"type": "number", "minimum": 0, "maximum": 1}),
			param("min_shared", "query", "shared members parallel bodies need at least (default 3)", false, obj{"type": "integer", "minimum": 1, "maximum": 1000}),
			param("min_purpose", "query", "similarity of name and description from which bodies with fewer shared members overlap (default 0.5)", false, obj{"type": "number", "minimum": 0, "maximum": 1}),
			param("lang", "query", "language of the explanations (default: from Accept-Language, else German)", false, obj{"type": "string", "enum": []string{"de", "en"}})},
		"responses": problems(obj{"200": resp("the overlaps", typeSchema(analysis.Structures{}))}, "400", "404")})
	op(apiPrefix+"/analysis/structures/verdicts", "POST", obj{"tags": anaTag, "summary": "Record a reviewer's verdict on a pair of networks or of concepts (coordinators); it replaces an earlier one and says so",
		"requestBody": jsonBody(typeSchema(VerdictRequest{})),
		"responses":   problems(obj{"200": resp("the verdict", typeSchema(VerdictResponse{}))}, "400", "401", "403", "404", "413", "415")})
	op(apiPrefix+"/analysis/partners/{id}", "GET", obj{"tags": anaTag, "summary": "Ranked cooperation partners of an organisation with the score's parts and the reasons",
		"parameters": []any{orgID, param("limit", "query", "number of partners (default 10, at most 100)", false, obj{"type": "integer", "minimum": 1, "maximum": analysis.MaxPartnerLimit})},
		"responses":  problems(obj{"200": resp("the partners", typeSchema(analysis.Partners{}))}, "400", "404")})
	op(apiPrefix+"/analysis/network", "GET", obj{"tags": anaTag, "summary": "Collaboration network: centralities, communities, articulation points, isolated organisations, densities",
		"parameters": []any{regionQ, param("field", "query", "only organisations working in this field", false, str),
			param("municipality", "query", "only organisations active in this municipality (AGS)", false, str),
			param("resolution", "query", "Louvain resolution (default 1, at most 10)", false, obj{"type": "number", "minimum": 0, "maximum": analysis.MaxLouvainResolution}),
			param("seed", "query", "Louvain seed (default 1, at most 2³²−1): the same seed gives the same communities", false, obj{"type": "integer", "minimum": 0, "maximum": maxSeed}),
			param("brokers", "query", "length of the broker list (default 10, at most 1000)", false, obj{"type": "integer", "minimum": 1, "maximum": analysis.MaxBrokers})},
		"responses": problems(obj{"200": resp("the network", typeSchema(analysis.NetworkAnalysis{}))}, "400", "404")})
	yearQ := param("year", "query", "the year the monitoring looks from (values of later years are ignored; default: the latest year with a value)", false, obj{"type": "integer", "minimum": 1950, "maximum": 2100})
	langQ := param("lang", "query", "language of the explanations (default: from Accept-Language, else German)", false, obj{"type": "string", "enum": []string{"de", "en"}})
	op(apiPrefix+"/analysis/monitoring", "GET", obj{"tags": anaTag, "summary": "Integrationsmonitoring: every indicator against its target (share reached, trend, projection, class, explanation), rolled up per goal, field of action and concept",
		"parameters": []any{regionQ, yearQ, langQ},
		"responses":  problems(obj{"200": resp("the monitoring", typeSchema(analysis.AttainmentResult{}))}, "400", "404")})
	op(apiPrefix+"/analysis/monitoring/goals/{id}", "GET", obj{"tags": anaTag, "summary": "One goal's assessment with its indicators, sub-goals and the measures that pursue it",
		"parameters": []any{param("id", "path", "goal id", true, str), yearQ, langQ},
		"responses":  problems(obj{"200": resp("the goal", typeSchema(GoalMonitoring{}))}, "400", "404")})
	op(apiPrefix+"/analysis/monitoring/indicators/{id}", "GET", obj{"tags": anaTag, "summary": "One indicator's series, judgement and per-municipality assessments",
		"parameters": []any{param("id", "path", "indicator id", true, str), yearQ, langQ},
		"responses":  problems(obj{"200": resp("the indicator", typeSchema(analysis.IndicatorAttainment{}))}, "400", "404")})
	op(apiPrefix+"/analysis/network/ego/{id}", "GET", obj{"tags": anaTag, "summary": "The organisations within depth ties of an organisation and the ties among them",
		"parameters": []any{orgID, param("depth", "query", "1 to 3 (default 1)", false, obj{"type": "integer", "minimum": 1, "maximum": analysis.MaxEgoDepth})},
		"responses":  problems(obj{"200": resp("the ego network", typeSchema(analysis.Ego{}))}, "400", "404")})
	op(apiPrefix+"/map/municipalities.geojson", "GET", obj{"tags": anaTag, "summary": "The region's municipalities as GeoJSON with their coverage figures (for the chosen field: class, density, networks)",
		"parameters": append(slices.Clone(coverageQ), param("field", "query", "field of action id", false, str)),
		"responses":  problems(obj{"200": obj{"description": "a GeoJSON FeatureCollection", "content": obj{"application/geo+json": obj{"schema": typeSchema(MapCollection{})}}}}, "400", "404")})

	snapTag := []string{"monitoring"}
	snapID := param("id", "path", "snapshot id (snp_…)", true, str)
	op(apiPrefix+"/snapshots", "GET", obj{"tags": snapTag, "summary": "Saved monitoring snapshots, newest first, without their figures (members and above)",
		"parameters": []any{param("region", "query", "5-digit region key; without it, every region the caller is a member of", false, str)},
		"responses":  problems(obj{"200": resp("the snapshots", typeSchema(SnapshotList{}))}, "400", "401", "403", "404")})
	op(apiPrefix+"/snapshots", "POST", obj{"tags": snapTag, "summary": "Run the monitoring analyses of a region and save them as a dated snapshot (coordinators)",
		"requestBody": jsonBody(typeSchema(SnapshotRequest{})),
		"responses": problems(obj{"201": obj{"description": "the saved snapshot", "headers": obj{"Location": obj{"schema": str}},
			"content": obj{"application/json": obj{"schema": typeSchema(SnapshotView{})}}}}, "400", "401", "403", "404", "413", "415")})
	op(apiPrefix+"/snapshots/compare", "GET", obj{"tags": snapTag, "summary": "What changed between two snapshots of a region: gaps, duplicates, memberships, measure status, figures",
		"parameters": []any{param("from", "query", "the earlier snapshot's id", true, str), param("to", "query", "the later snapshot's id", true, str)},
		"responses":  problems(obj{"200": resp("the comparison", typeSchema(analysis.Comparison{}))}, "400", "401", "403", "404")})
	op(apiPrefix+"/snapshots/trend", "GET", obj{"tags": snapTag, "summary": fmt.Sprintf("Headline figures of a region's snapshots side by side, oldest first: all of them (the newest %d; older ones are counted as omitted) or the ones named, for comparing any number (members and above)", analysis.MaxTrendSnapshots),
		"parameters": []any{regionQ, param("snapshots", "query", fmt.Sprintf("snapshot ids of the region, separated by commas (1 to %d); without it, all", analysis.MaxTrendSnapshots), false, str)},
		"responses":  problems(obj{"200": resp("the trend", typeSchema(analysis.SnapshotTrend{}))}, "400", "401", "403", "404")})
	op(apiPrefix+"/snapshots/{id}", "GET", obj{"tags": snapTag, "summary": "One snapshot with its figures", "parameters": []any{snapID},
		"responses": problems(obj{"200": resp("the snapshot", typeSchema(SnapshotView{}))}, "401", "403", "404")})
	op(apiPrefix+"/snapshots/{id}", "DELETE", obj{"tags": snapTag, "summary": "Delete a snapshot (coordinators)", "parameters": []any{snapID},
		"responses": problems(obj{"204": obj{"description": "deleted"}}, "401", "403", "404")})
	op(apiPrefix+"/snapshots/{id}", "PATCH", obj{"tags": snapTag, "summary": "Give a snapshot another label (coordinators); its results stay as they were", "parameters": []any{snapID},
		"requestBody": jsonBody(typeSchema(SnapshotRelabel{})),
		"responses":   problems(obj{"200": resp("the snapshot's head", typeSchema(SnapshotView{}))}, "400", "401", "403", "404", "413", "415")})

	mergeTag := []string{"merges"}
	mergeID := param("id", "path", "merge id (mrg_…)", true, str)
	op(apiPrefix+"/merges", "POST", obj{"tags": mergeTag, "summary": "Merge a data duplicate (coordinators): the survivor keeps the chosen field values and gains the retired entry's relationships, the retired id redirects to it; one write, undoable",
		"requestBody": jsonBody(typeSchema(graph.MergeRequest{})),
		"responses": problems(obj{"201": obj{"description": "the merge record", "headers": obj{"Location": obj{"schema": str}},
			"content": obj{"application/json": obj{"schema": typeSchema(graph.Merge{})}}}}, "400", "401", "403", "409", "413", "415")})
	op(apiPrefix+"/merges/{id}", "GET", obj{"tags": mergeTag, "summary": "A merge record (coordinators)", "parameters": []any{mergeID},
		"responses": problems(obj{"200": resp("the merge record", typeSchema(graph.Merge{}))}, "401", "403", "404")})
	op(apiPrefix+"/merges/{id}/undo", "POST", obj{"tags": mergeTag, "summary": "Undo a merge (coordinators): both entries and their relationships as before; refused when the survivor changed since or the merge was undone already",
		"parameters": []any{mergeID},
		"responses":  problems(obj{"200": resp("the merge record, undone", typeSchema(graph.Merge{}))}, "401", "403", "404", "409")})

	exTag := []string{"import and export"}
	schemas["ImportReport"] = typeSchema(exchange.Report{})
	importProblem := typeSchema(ImportProblem{})
	importProblem["properties"].(obj)["report"] = ref("ImportReport")
	importProblem["properties"].(obj)["errors"] = obj{"type": "array", "items": obj{"type": "object", "required": []string{"field", "message"},
		"properties": obj{"field": obj{"type": "string", "description": "where: file, sheet, row N, column"}, "message": str}}}
	schemas["ImportProblem"] = importProblem
	sheetEnum := []string{}
	for _, k := range exchange.SheetKinds() {
		sheetEnum = append(sheetEnum, string(k))
	}
	importTypes := obj{
		"multipart/form-data": obj{"schema": obj{"type": "object", "properties": obj{"file": obj{"type": "array", "items": obj{"type": "string", "format": "binary"}}}}},
		"text/csv":            obj{"schema": obj{"type": "string"}},
		"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": obj{"schema": obj{"type": "string", "format": "binary"}},
		"application/json":         obj{"schema": obj{"type": "object"}},
		"application/geo+json":     obj{"schema": obj{"type": "object"}},
		"application/octet-stream": obj{"schema": obj{"type": "string", "format": "binary"}},
	}
	importRefused := func(desc string) obj {
		return obj{"description": desc, "content": obj{"application/problem+json": obj{"schema": obj{"anyOf": []any{ref("ImportProblem"), ref("Problem")}}}}}
	}
	schemas["ImportJob"] = typeSchema(jobView{})
	schemas["ImportJob"].(obj)["properties"].(obj)["report"] = ref("ImportReport")
	schemas["ImportJob"].(obj)["properties"].(obj)["problem"] = ref("Problem")
	jobAccepted := obj{"description": "the import runs as a job: Location names it (GET it for progress and, once it ended, the report)",
		"headers": obj{"Location": obj{"schema": str}}, "content": obj{"application/json": obj{"schema": ref("ImportJob")}}}
	op(apiPrefix+"/import", "POST", obj{"tags": exTag,
		"summary": "Import CSV, XLSX, a JSON export or GeoJSON boundaries (members for their organisation, coordinators for their regions, admins); all or nothing; large files as a job",
		"description": "The body is one file (its Content-Type says which; application/octet-stream detects the format) or multipart/form-data with one or more files, imported together. " +
			"CSV may be UTF-8 or Windows-1252 with ; , or tab. Rows are matched by their Schlüssel (a node id or a county's own key), municipalities by AGS; names of fields, target groups and municipalities " +
			"are matched case- and umlaut-insensitively. dry_run=true validates everything and answers 200 with the report (ok=false and the errors when something is wrong); a real run answers 200 with " +
			"the report when everything was written, or 400 (403 when rows touch entries the caller may not change) with the report and nothing written. A file that cannot be read at all is a 400 problem naming it. " +
			"Viewers are refused with 403 before the body is read. Files of 1 MiB and more (or async=true) run as a job: 202 with the job in Location; the job ends with the same report and the status this route would have answered. " +
			"One import job runs per instance and four may wait; beyond that 503 with Retry-After. " +
			"Bounds (413, a problem naming the file, and the row and column or the workbook part; nothing written): the request at most 256 MiB and 50 files; an XLSX workbook at most 1,000 parts, " +
			"each worksheet unpacked at most 256 MiB, the shared strings 128 MiB and 2,000,000 strings, every other part (styles, workbook, content types, …) 16 MiB, the parts held in memory together 128 MiB, " +
			"the whole workbook 512 MiB, and no part above 1 MiB unpacking to 200 times its packed size or more (zip bombs); the sizes an archive declares are checked against what its parts really hold. " +
			"A cell at most 128 KiB, a CSV row 1 MiB, a row 1,000 columns, a sheet or CSV file 1,048,576 rows (Excel's own limit). Content-Encoding on the request is refused with 415.",
		"parameters": []any{param("dry_run", "query", "true: validate and report, write nothing", false, obj{"type": "boolean"}),
			param("region", "query", "region key for rows without Kreis (and the only region a GeoJSON import reads)", false, str),
			param("sheet", "query", "what a CSV file holds, when its header does not tell", false, obj{"type": "string", "enum": sheetEnum}),
			param("format", "query", "the files' format when the Content-Type does not tell", false, obj{"type": "string", "enum": []string{"csv", "xlsx", "json", "geojson"}}),
			param("async", "query", "true: run as a job even when the files are small (default: a job from 1 MiB)", false, obj{"type": "boolean"})},
		"requestBody": obj{"required": true, "content": importTypes},
		"responses": problems(obj{"200": resp("the import report", ref("ImportReport")), "202": jobAccepted,
			"400": importRefused("rows with errors (ImportProblem with the report), or a file or request that cannot be read (Problem)"),
			"403": importRefused("rows that change entries the caller may not change (ImportProblem), or missing rights (Problem)")},
			"401", "413", "415", "503")})
	jobID := param("id", "path", "the job's id (job_…)", true, str)
	op(apiPrefix+"/import/jobs/{id}", "GET", obj{"tags": exTag,
		"summary":    "An import job: state (queued, running, succeeded, failed, cancelled), progress (phase, bytes, rows read, valid and written) and, once it ended, the report and the status the import would have answered; for the user who started it and admins",
		"parameters": []any{jobID},
		"responses":  problems(obj{"200": resp("the job", ref("ImportJob"))}, "401", "404")})
	op(apiPrefix+"/import/jobs/{id}/cancel", "POST", obj{"tags": exTag,
		"summary":    "Cancel an import job: it stops at its next check and writes nothing",
		"parameters": []any{jobID},
		"responses":  problems(obj{"202": resp("the job, stopping", ref("ImportJob"))}, "401", "404", "409")})
	binary := func(types ...string) obj {
		c := obj{}
		for _, t := range types {
			c[t] = obj{}
		}
		return c
	}
	repTypes := []string{}
	for _, f := range report.Formats {
		repTypes = append(repTypes, report.ContentType(f))
	}
	op(apiPrefix+"/reports/status", "GET", obj{"tags": []string{"reports"}, "summary": "Sachstandsbericht of the integration concept for a period: per field and goal the measures (reference, lead body, status then and now, status note), indicators against targets with charts, gaps, memberships, open duplicates (members and above)",
		"parameters": []any{regionQ,
			param("from", "query", "start: a saved snapshot's id or a date YYYY-MM-DD (the newest snapshot on or before it); default the newest snapshot before the end", false, str),
			param("to", "query", "end: a saved snapshot's id or a date (the newest snapshot on or before it; today or empty: the current state)", false, str),
			param("format", "query", "html (print-ready, default), pdf, docx or xlsx", false, obj{"type": "string", "enum": report.Formats}), langQ},
		"responses": problems(obj{"200": obj{"description": "the report", "content": binary(repTypes...)}}, "400", "401", "403", "404", "503")})
	op(apiPrefix+"/import/template", "GET", obj{"tags": exTag, "summary": "Import template: German headers, explanation row, allowed values (drop-downs in XLSX)",
		"parameters": []any{param("format", "query", "xlsx (default) or csv (a zip of one CSV per sheet unless sheet is given)", false, obj{"type": "string", "enum": []string{"xlsx", "csv"}}),
			param("sheet", "query", "only this sheet", false, obj{"type": "string", "enum": sheetEnum}),
			param("region", "query", "list this region's fields of action, target groups, municipalities and goals as allowed values", false, str)},
		"responses": problems(obj{"200": obj{"description": "the template", "content": binary("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/zip", "text/csv; charset=utf-8")}}, "400", "404")})
	op(apiPrefix+"/export", "GET", obj{"tags": exTag, "summary": "Export what the caller may read: json (lossless), csv or xlsx (directory and analysis sheets), hsds (Open Referral HSDS 3.0), graphml (collaboration network for Gephi), geojson (municipalities with coverage, for GIS)",
		"parameters": []any{param("format", "query", "the format", true, obj{"type": "string", "enum": exchange.ExportFormats}),
			param("region", "query", "only this region (default: every region the caller may read)", false, str),
			param("sheet", "query", "csv: only this directory sheet, as one CSV file", false, obj{"type": "string", "enum": sheetEnum}),
			param("analyses", "query", "csv, xlsx: add the analysis sheets (default true)", false, obj{"type": "boolean"})},
		"responses": problems(obj{"200": obj{"description": "the export as a download", "content": binary("application/json", "application/zip", "text/csv; charset=utf-8",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "application/graphml+xml", "application/geo+json")}}, "400", "404")})

	op(apiPrefix+"/admin/backup", "GET", obj{"tags": []string{"administration"}, "summary": "Backup of the whole store (admins): a consistent copy taken while the service keeps serving; every write acknowledged before the request is in it",
		"description": "The embedded store's bbolt file as one read transaction saw it, gzip-compressed; the gzip header's comment holds the manifest (format, version, store_format, data_version, revision, size, created_at) " +
			"and the gzip trailer a CRC-32 and the length, which netzwerkatlas restore checks. Streamed, never cached. The Neo4j store answers 501: back it up with neo4j-admin database dump.",
		"responses": problems(obj{"200": obj{"description": "the backup as a download named netzwerkatlas-<date>.db.gz",
			"headers": obj{"Content-Disposition": obj{"description": "attachment with the dated file name", "schema": str}, "Cache-Control": obj{"schema": str}},
			"content": binary("application/gzip")}}, "401", "403", "501", "503")})
	// Heavy routes run under the budgets of limits.go: 429 when the caller's is spent, 503
	// when the server's is, both with Retry-After.
	for path, ops := range paths {
		for method, o := range ops.(obj) {
			concrete, _, templated := strings.Cut(path, "{")
			if templated {
				concrete += "x"
			}
			req := &http.Request{Method: strings.ToUpper(method), URL: &url.URL{Path: concrete}}
			if !heavyRoute(req) {
				continue
			}
			responses := o.(obj)["responses"].(obj)
			for _, code := range []string{"429", "503"} {
				responses[code] = obj{"description": "too many heavy requests (429: the caller's budget, 503: the server's); try again after Retry-After seconds",
					"headers": obj{"Retry-After": obj{"description": "seconds to wait", "schema": obj{"type": "integer"}}},
					"content": obj{"application/problem+json": obj{"schema": ref("Problem")}}}
			}
		}
	}

	return obj{
		"openapi": "3.1.0",
		"info": obj{"title": "Netzwerkatlas API", "version": "1",
			"description": "Directory and analysis service for the integration work of German counties. Errors are application/problem+json (RFC 9457)."},
		"paths": paths,
		"components": obj{
			"schemas":   schemas,
			"responses": obj{"Problem": obj{"description": "a problem (RFC 9457)", "content": obj{"application/problem+json": obj{"schema": ref("Problem")}}}},
			"securitySchemes": obj{
				"bearer":  obj{"type": "http", "scheme": "bearer"},
				"session": obj{"type": "apiKey", "in": "cookie", "name": sessionCookie},
			},
		},
		"security": []any{obj{}, obj{"bearer": []any{}}, obj{"session": []any{}}},
	}
}

// registerDocRoutes adds GET /api/openapi.json.
func (s *Server) registerDocRoutes(r *mux.Router) {
	r.HandleFunc("/api/openapi.json", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(openAPI())
	}).Methods(http.MethodGet, http.MethodHead)
}
