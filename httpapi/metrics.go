package httpapi

import (
	"context"
	"net/http"
	"strconv"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"

	"github.com/netzwerkatlas/netzwerkatlas/graph"
)

// metrics are the service's Prometheus metrics, in a registry of their own so that tests and
// several servers in one process do not collide.
type metrics struct {
	registry *prometheus.Registry
	requests *prometheus.CounterVec
	latency  *prometheus.HistogramVec
	storeOps *prometheus.HistogramVec
}

func newMetrics() *metrics {
	m := &metrics{
		registry: prometheus.NewRegistry(),
		requests: prometheus.NewCounterVec(prometheus.CounterOpts{
			Name: "netzwerkatlas_http_requests_total",
			Help: "HTTP requests by route template, method and status code.",
		}, []string{"route", "method", "status"}),
		latency: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "netzwerkatlas_http_request_duration_seconds",
			Help:    "HTTP request latency by route template and method.",
			Buckets: []float64{.0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 2.5, 5},
		}, []string{"route", "method"}),
		storeOps: prometheus.NewHistogramVec(prometheus.HistogramOpts{
			Name:    "netzwerkatlas_store_operation_duration_seconds",
			Help:    "Store operations by operation and outcome (ok or the error code).",
			Buckets: []float64{.0001, .0005, .001, .0025, .005, .01, .025, .05, .1, .25, .5, 1, 5},
		}, []string{"operation", "outcome"}),
	}
	m.registry.MustRegister(m.requests, m.latency, m.storeOps,
		collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}))
	return m
}

// observeRequest records one finished request.
func (m *metrics) observeRequest(route, method string, status int, d time.Duration) {
	m.requests.WithLabelValues(route, method, strconv.Itoa(status)).Inc()
	m.latency.WithLabelValues(route, method).Observe(d.Seconds())
}

// handler serves GET /metrics in the Prometheus text format.
func (m *metrics) handler() http.Handler {
	return promhttp.HandlerFor(m.registry, promhttp.HandlerOpts{})
}

// instrumented wraps a store so that every call is timed.
type instrumented struct {
	graph.Store
	ops *prometheus.HistogramVec
}

func (m *metrics) instrument(s graph.Store) graph.Store {
	return &instrumented{Store: s, ops: m.storeOps}
}

func (i *instrumented) observe(op string, start time.Time, err error) {
	outcome := "ok"
	if err != nil {
		outcome = graph.ErrorCode(err)
	}
	i.ops.WithLabelValues(op, outcome).Observe(time.Since(start).Seconds())
}

func (i *instrumented) Create(ctx context.Context, e graph.Entity) (out graph.Entity, err error) {
	defer func(t time.Time) { i.observe("create", t, err) }(time.Now())
	return i.Store.Create(ctx, e)
}

func (i *instrumented) Get(ctx context.Context, k graph.Kind, id string) (out graph.Entity, err error) {
	defer func(t time.Time) { i.observe("get", t, err) }(time.Now())
	return i.Store.Get(ctx, k, id)
}

func (i *instrumented) Update(ctx context.Context, e graph.Entity, v int64) (out graph.Entity, err error) {
	defer func(t time.Time) { i.observe("update", t, err) }(time.Now())
	return i.Store.Update(ctx, e, v)
}

func (i *instrumented) Delete(ctx context.Context, k graph.Kind, id string, v int64) (err error) {
	defer func(t time.Time) { i.observe("delete", t, err) }(time.Now())
	return i.Store.Delete(ctx, k, id, v)
}

func (i *instrumented) Relate(ctx context.Context, r graph.Relation) (out graph.Relation, err error) {
	defer func(t time.Time) { i.observe("relate", t, err) }(time.Now())
	return i.Store.Relate(ctx, r)
}

func (i *instrumented) Unrelate(ctx context.Context, k graph.RelationKey) (err error) {
	defer func(t time.Time) { i.observe("unrelate", t, err) }(time.Now())
	return i.Store.Unrelate(ctx, k)
}

func (i *instrumented) Relations(ctx context.Context, q graph.RelationQuery) (out []graph.Relation, err error) {
	defer func(t time.Time) { i.observe("relations", t, err) }(time.Now())
	return i.Store.Relations(ctx, q)
}

func (i *instrumented) List(ctx context.Context, q graph.ListQuery) (out graph.Page, err error) {
	defer func(t time.Time) { i.observe("list", t, err) }(time.Now())
	return i.Store.List(ctx, q)
}

func (i *instrumented) Search(ctx context.Context, q graph.SearchQuery) (out graph.SearchResult, err error) {
	defer func(t time.Time) { i.observe("search", t, err) }(time.Now())
	return i.Store.Search(ctx, q)
}

func (i *instrumented) Snapshot(ctx context.Context, region string) (out *graph.Snapshot, err error) {
	defer func(t time.Time) { i.observe("snapshot", t, err) }(time.Now())
	return i.Store.Snapshot(ctx, region)
}

func (i *instrumented) Audit(ctx context.Context, q graph.AuditQuery) (out graph.AuditPage, err error) {
	defer func(t time.Time) { i.observe("audit", t, err) }(time.Now())
	return i.Store.Audit(ctx, q)
}

func (i *instrumented) Apply(ctx context.Context, b *graph.Batch) (out graph.BatchResult, err error) {
	defer func(t time.Time) { i.observe("apply", t, err) }(time.Now())
	return i.Store.Apply(ctx, b)
}

func (i *instrumented) SaveMonitoringSnapshot(ctx context.Context, m *graph.MonitoringSnapshot) (err error) {
	defer func(t time.Time) { i.observe("monitoring_save", t, err) }(time.Now())
	return i.Store.SaveMonitoringSnapshot(ctx, m)
}

func (i *instrumented) MonitoringSnapshot(ctx context.Context, id string) (out *graph.MonitoringSnapshot, err error) {
	defer func(t time.Time) { i.observe("monitoring_get", t, err) }(time.Now())
	return i.Store.MonitoringSnapshot(ctx, id)
}

func (i *instrumented) ListMonitoringSnapshots(ctx context.Context, region string) (out []*graph.MonitoringSnapshot, err error) {
	defer func(t time.Time) { i.observe("monitoring_list", t, err) }(time.Now())
	return i.Store.ListMonitoringSnapshots(ctx, region)
}

func (i *instrumented) DeleteMonitoringSnapshot(ctx context.Context, id string) (err error) {
	defer func(t time.Time) { i.observe("monitoring_delete", t, err) }(time.Now())
	return i.Store.DeleteMonitoringSnapshot(ctx, id)
}

func (i *instrumented) RelabelMonitoringSnapshot(ctx context.Context, id, label string) (out *graph.MonitoringSnapshot, err error) {
	defer func(t time.Time) { i.observe("monitoring_relabel", t, err) }(time.Now())
	return i.Store.RelabelMonitoringSnapshot(ctx, id, label)
}
