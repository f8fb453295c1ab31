package neo4j

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Neo4j properties hold scalars and lists of scalars. A node is stored as its JSON fields
// with three adjustments: created_at and updated_at become DateTime values, nested values
// (a municipality's GeoJSON geometry, an indicator's values, a concept's periods, a measure's
// funding and status notes) are stored as JSON text, and
// JSON numbers become Integer where they are whole and Float otherwise.

// timeProps are stored as DateTime.
var timeProps = map[string]bool{"created_at": true, "updated_at": true, "at": true, "expires_at": true}

// jsonProps are stored as JSON text.
var jsonProps = map[string]bool{"geometry": true, "values": true, "periods": true, "funding": true, "status_notes": true}

// toProps turns a node into the property map written to Neo4j.
func toProps(e graph.Entity) (map[string]any, error) {
	return structToProps(e)
}

func structToProps(v any) (map[string]any, error) {
	raw, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil {
		return nil, err
	}
	props := make(map[string]any, len(fields))
	for k, fv := range fields {
		if string(fv) == "null" {
			continue
		}
		if jsonProps[k] {
			props[k] = string(fv) // json.Marshal has compacted it
			continue
		}
		dec := json.NewDecoder(bytes.NewReader(fv))
		dec.UseNumber()
		var val any
		if err := dec.Decode(&val); err != nil {
			return nil, err
		}
		if timeProps[k] {
			s, _ := val.(string)
			t, err := time.Parse(time.RFC3339Nano, s)
			if err != nil {
				return nil, fmt.Errorf("property %s: %w", k, err)
			}
			if !t.IsZero() {
				props[k] = t.UTC()
			}
			continue
		}
		pv, err := scalar(val)
		if err != nil {
			return nil, fmt.Errorf("property %s: %w", k, err)
		}
		props[k] = pv
	}
	return props, nil
}

// scalar converts a decoded JSON value into a Neo4j property value.
func scalar(v any) (any, error) {
	switch x := v.(type) {
	case json.Number:
		if i, err := x.Int64(); err == nil && !strings.ContainsAny(x.String(), ".eE") {
			return i, nil
		}
		return x.Float64()
	case string, bool:
		return x, nil
	case []any:
		out := make([]any, len(x))
		for i, el := range x {
			s, err := scalar(el)
			if err != nil {
				return nil, err
			}
			if _, nested := s.([]any); nested {
				return nil, fmt.Errorf("nested lists cannot be stored")
			}
			out[i] = s
		}
		return out, nil
	}
	return nil, fmt.Errorf("value of type %T cannot be stored", v)
}

// fromProps turns the properties read from Neo4j back into a node of kind k.
func fromProps(k graph.Kind, props map[string]any) (graph.Entity, error) {
	ki, ok := k.Info()
	if !ok {
		return nil, fmt.Errorf("unknown kind %q", k)
	}
	e := ki.New()
	if err := propsToStruct(props, e); err != nil {
		return nil, fmt.Errorf("%s %v: %w", k, props["id"], err)
	}
	return e, nil
}

func propsToStruct(props map[string]any, dst any) error {
	m := make(map[string]any, len(props))
	for k, v := range props {
		switch x := v.(type) {
		case time.Time:
			m[k] = x.UTC().Format(time.RFC3339Nano)
		case string:
			if jsonProps[k] {
				m[k] = json.RawMessage(x)
			} else {
				m[k] = x
			}
		default:
			m[k] = v
		}
	}
	raw, err := json.Marshal(m)
	if err != nil {
		return err
	}
	return json.Unmarshal(raw, dst)
}
