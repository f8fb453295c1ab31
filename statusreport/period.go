package statusreport

import (
	"fmt"
	"time"

	"github.com/netzwerkatlas/netzwerkatlas/analysis"
	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// Period is the report's period as the caller asked for it, resolved against the region's
// saved monitoring snapshots.
type Period struct {
	// From is the start: a saved state, or (without one) just its day.
	From Stand
	// To is the end: a saved state, or, when Live, the current state the caller computes.
	To Stand
	// Live says that the end is the current state: To.Run is nil and the caller runs the
	// monitoring analyses now.
	Live bool
}

// Loader reads a saved snapshot with its run.
type Loader func(id string) (*graph.MonitoringSnapshot, *analysis.MonitoringRun, error)

// ResolvePeriod turns the from and to of a request into the period's ends. Each may be a
// saved snapshot's id, a date (YYYY-MM-DD: the newest snapshot taken on or before that day)
// or empty: an empty or current to is the current state, an empty from the newest snapshot
// before the end. A start without any saved state keeps its day (or the first of January of
// the end's year) and no run: the report then names no changes. list holds the region's
// snapshots, newest first. Errors are EINVALID naming "from" or "to".
func ResolvePeriod(region, from, to string, now time.Time, list []*graph.MonitoringSnapshot, load Loader) (Period, error) {
	var p Period
	toDay, live, err := day(to, "to", now)
	if err != nil {
		return p, err
	}
	if live {
		p.Live, p.To = true, Stand{Taken: now}
	} else {
		if p.To, err = saved(region, to, toDay, "to", list, time.Time{}, load); err != nil {
			return p, err
		}
		if p.To.Run == nil {
			return p, invalid("to", "no monitoring state of region %s was saved on or before %s; choose a later day or a saved snapshot", region, toDay.Format(time.DateOnly))
		}
	}
	fromDay := time.Time{}
	if from != "" {
		if fromDay, _, err = day(from, "from", now); err != nil {
			return p, err
		}
	}
	if p.From, err = saved(region, from, fromDay, "from", list, p.To.Taken, load); err != nil {
		return p, err
	}
	if p.From.ID != "" && !p.From.Taken.Before(p.To.Taken) {
		return p, invalid("from", "snapshot %s was taken on %s, not before the end of the period (%s)", p.From.ID,
			p.From.Taken.Format(time.DateOnly), p.To.Taken.Format(time.DateOnly))
	}
	return p, nil
}

func invalid(field, format string, args ...any) error {
	return &graph.Error{Code: graph.EINVALID, Message: "invalid report period", Fields: []graph.FieldError{{Field: field, Message: fmt.Sprintf(format, args...)}}}
}

// day reads from or to: a snapshot id (zero day), a date (its last instant), or empty. live
// reports that the value means the current state (to empty, or a day from today on).
func day(v, field string, now time.Time) (time.Time, bool, error) {
	switch {
	case v == "":
		return time.Time{}, field == "to", nil
	case graph.IsMonitoringSnapshotID(v):
		return time.Time{}, false, nil
	}
	d, err := time.Parse(time.DateOnly, v)
	if err != nil {
		return time.Time{}, false, invalid(field, "%q is neither a saved snapshot's id nor a date (YYYY-MM-DD)", v)
	}
	end := d.Add(24*time.Hour - time.Nanosecond)
	return end, field == "to" && !end.Before(now.Truncate(24*time.Hour)), nil
}

// saved resolves an id, or the newest snapshot on or before day (and before `before`).
func saved(region, v string, day time.Time, field string, list []*graph.MonitoringSnapshot, before time.Time, load Loader) (Stand, error) {
	if graph.IsMonitoringSnapshotID(v) {
		m, run, err := load(v)
		if err != nil {
			return Stand{}, err
		}
		if m.Region != region {
			return Stand{}, invalid(field, "snapshot %s belongs to region %s, not %s", v, m.Region, region)
		}
		return Stand{ID: m.ID, Label: m.Label, Taken: m.Taken, Run: run}, nil
	}
	for _, m := range list { // newest first
		if (!day.IsZero() && m.Taken.After(day)) || (!before.IsZero() && !m.Taken.Before(before)) {
			continue
		}
		_, run, err := load(m.ID)
		if err != nil {
			return Stand{}, err
		}
		return Stand{ID: m.ID, Label: m.Label, Taken: m.Taken, Run: run}, nil
	}
	if day.IsZero() { // no start given and none saved: the report covers the end's year
		day = time.Date(before.Year(), 1, 1, 0, 0, 0, 0, time.UTC)
	}
	return Stand{Taken: day}, nil
}
