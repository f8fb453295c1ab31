package graph

import "context"

// DataVersion is the shape of the stored data this program writes. Each store records it
// and, on opening data of an earlier version, brings it up to date with the operations of
// UpgradePlan, written as one audited batch (UpgradeSummary).
//
//   - 1: everything up to the integration concept as data.
//   - 2: an indicator with a target has a direction; an organisation that is the only provider
//     of a measure is its lead body (PROVIDES {role: lead}).
const DataVersion = 2

// UpgradeSummary is the audit entry's text for the upgrade batch.
const UpgradeSummary = "data brought up to version 2 (indicator directions, lead bodies of measures)"

// UpgradeUser is the user the upgrade is recorded under.
const UpgradeUser = "system"

// UpgradeInput is what UpgradePlan looks at: the indicators that have a target but no
// direction, and the PROVIDES relationships without a role of measures that have exactly one
// provider.
type UpgradeInput struct {
	Indicators    []*Indicator
	SoleProviders []Relation
}

// UpgradePlan returns the operations that bring version-1 data to version 2:
//   - an indicator with a target but no direction gets "higher" when the target is at least
//     its earliest value (the region's own series first, else the earliest of all values) and
//     "lower" when the target lies below it; without any value, "higher";
//   - an organisation that alone provides a measure becomes its lead body.
func UpgradePlan(in UpgradeInput) []Op {
	var ops []Op
	for _, ind := range in.Indicators {
		if ind.Target == nil || ind.Direction != "" {
			continue
		}
		c := ind.Clone().(*Indicator)
		c.Direction = "higher"
		if first, ok := earliestValue(ind.Values); ok && *ind.Target < first {
			c.Direction = "lower"
		}
		ops = append(ops, Op{Action: OpUpdate, Entity: c, Version: ind.Version})
	}
	for _, r := range in.SoleProviders {
		if r.Type != Provides || r.Props.Role != "" {
			continue
		}
		r.Props.Role = "lead"
		ops = append(ops, Op{Action: OpRelate, Relation: r})
	}
	return ops
}

// earliestValue returns the value of the earliest year, preferring the region's own series.
func earliestValue(vs []IndicatorValue) (float64, bool) {
	best := -1
	for i, v := range vs {
		if best < 0 {
			best = i
			continue
		}
		b := vs[best]
		own, bestOwn := v.Municipality == "", b.Municipality == ""
		if (own && !bestOwn) || (own == bestOwn && v.Year < b.Year) {
			best = i
		}
	}
	if best < 0 {
		return 0, false
	}
	return vs[best].Value, true
}

// Upgrade writes the operations of UpgradePlan through s as one summarised batch. It does
// nothing when there is nothing to change.
func Upgrade(ctx context.Context, s Store, in UpgradeInput) (BatchResult, error) {
	ops := UpgradePlan(in)
	if len(ops) == 0 {
		return BatchResult{}, nil
	}
	return s.Apply(WithUser(ctx, UpgradeUser), &Batch{Ops: ops, Summary: UpgradeSummary, Message: &Message{Key: "audit.upgrade"}})
}
