package server

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"sync"
	"time"
)

// latencyBuckets are the upper bounds, in seconds, of the latency
// histograms.
var latencyBuckets = [...]float64{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10}

// Metrics counts what the server does, for /metrics in the Prometheus text
// format. It is safe for concurrent use.
type Metrics struct {
	mu       sync.Mutex
	start    time.Time
	requests map[[2]string]int64 // route, status -> count
	ingested int64
	dupes    int64
	failed   int64
	analysis histogram
	search   histogram
}

type histogram struct {
	counts [len(latencyBuckets)]int64
	n      int64
	sum    float64
}

func (h *histogram) observe(d time.Duration) {
	s := d.Seconds()
	for i, b := range latencyBuckets {
		if s <= b {
			h.counts[i]++
		}
	}
	h.n++
	h.sum += s
}

// NewMetrics returns zeroed metrics.
func NewMetrics() *Metrics {
	return &Metrics{start: time.Now(), requests: map[[2]string]int64{}}
}

func (m *Metrics) observeRequest(route string, status int, _ time.Duration) {
	m.mu.Lock()
	m.requests[[2]string{route, strconv.Itoa(status)}]++
	m.mu.Unlock()
}

// ObserveIngest records one article ingested, found already stored, or
// failed, and how long its analysis took.
func (m *Metrics) ObserveIngest(created bool, err error, analysis time.Duration) {
	m.mu.Lock()
	defer m.mu.Unlock()
	switch {
	case err != nil:
		m.failed++
	case created:
		m.ingested++
	default:
		m.dupes++
	}
	if analysis > 0 {
		m.analysis.observe(analysis)
	}
}

// ObserveSearch records one search's latency.
func (m *Metrics) ObserveSearch(d time.Duration) {
	m.mu.Lock()
	m.search.observe(d)
	m.mu.Unlock()
}

// FeedErrors is what WriteTo reports about feeds: errors per feed URL.
type FeedErrors map[string]int

// WriteTo writes the metrics in the Prometheus text exposition format.
func (m *Metrics) WriteTo(w io.Writer, feeds FeedErrors, articles int) {
	m.mu.Lock()
	defer m.mu.Unlock()
	up := time.Since(m.start).Seconds()
	fmt.Fprintf(w, "# HELP akhbar_uptime_seconds Seconds since the server started.\n# TYPE akhbar_uptime_seconds gauge\nakhbar_uptime_seconds %.3f\n", up)
	fmt.Fprint(w, "# HELP akhbar_http_requests_total HTTP requests by route and status.\n# TYPE akhbar_http_requests_total counter\n")
	keys := make([][2]string, 0, len(m.requests))
	for k := range m.requests {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i][0]+keys[i][1] < keys[j][0]+keys[j][1] })
	for _, k := range keys {
		fmt.Fprintf(w, "akhbar_http_requests_total{route=%q,status=%q} %d\n", k[0], k[1], m.requests[k])
	}
	fmt.Fprint(w, "# HELP akhbar_ingest_total Articles ingested, by outcome.\n# TYPE akhbar_ingest_total counter\n")
	fmt.Fprintf(w, "akhbar_ingest_total{outcome=\"stored\"} %d\nakhbar_ingest_total{outcome=\"duplicate\"} %d\nakhbar_ingest_total{outcome=\"failed\"} %d\n", m.ingested, m.dupes, m.failed)
	rate := 0.0
	if up > 0 {
		rate = float64(m.ingested) / up
	}
	fmt.Fprintf(w, "# HELP akhbar_ingest_rate Articles stored per second since start.\n# TYPE akhbar_ingest_rate gauge\nakhbar_ingest_rate %.4f\n", rate)
	if articles >= 0 {
		fmt.Fprintf(w, "# HELP akhbar_articles Articles in the store.\n# TYPE akhbar_articles gauge\nakhbar_articles %d\n", articles)
	}
	writeHistogram(w, "akhbar_analysis_seconds", "Time to analyze one article (all layers).", &m.analysis)
	writeHistogram(w, "akhbar_search_seconds", "Search latency.", &m.search)
	fmt.Fprint(w, "# HELP akhbar_feed_errors_total Feed polling errors by feed.\n# TYPE akhbar_feed_errors_total counter\n")
	urls := make([]string, 0, len(feeds))
	for u := range feeds {
		urls = append(urls, u)
	}
	sort.Strings(urls)
	for _, u := range urls {
		fmt.Fprintf(w, "akhbar_feed_errors_total{feed=%q} %d\n", u, feeds[u])
	}
}

func writeHistogram(w io.Writer, name, help string, h *histogram) {
	fmt.Fprintf(w, "# HELP %s %s\n# TYPE %s histogram\n", name, help, name)
	for i, b := range latencyBuckets {
		fmt.Fprintf(w, "%s_bucket{le=\"%g\"} %d\n", name, b, h.counts[i])
	}
	fmt.Fprintf(w, "%s_bucket{le=\"+Inf\"} %d\n%s_sum %.6f\n%s_count %d\n", name, h.n, name, h.sum, name, h.n)
}
