package postgres

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
	"time"

	"akhbar/analysis"
	"akhbar/store"
	"akhbar/store/sqlite"
)

// benchQueries are the latency queries of `akhbar bench search`.
var benchQueries = store.LatencyQueries()

// walk returns q moved to page 1,000 (or the last page) by cursor.
func walk(ctx context.Context, s store.Store, q store.Query) (store.Query, error) {
	for p := 1; p < 1000; p++ {
		res, err := s.Search(ctx, q)
		if err != nil {
			return q, err
		}
		if res.Next == "" {
			break
		}
		q.After = res.Next
	}
	return q, nil
}

// BenchmarkSearch runs benchQueries on PostgreSQL (AKHBAR_BENCH_POSTGRES, a
// store filled by `akhbar worker` or `akhbar ingest`) and, side by side, on
// SQLite (AKHBAR_BENCH_SQLITE: a file path; when missing it is built by
// copying the PostgreSQL store's analyses, so both hold the same data). It
// reports each backend's median and 95th percentile over all queries and
// logs a per-query table.
//
//	AKHBAR_BENCH_POSTGRES='postgres://...&search_path=full' AKHBAR_BENCH_SQLITE=/tmp/full.db \
//	  go test -run '^$' -bench Search -benchtime 5x ./store/postgres/
func BenchmarkSearch(b *testing.B) {
	dsn := os.Getenv("AKHBAR_BENCH_POSTGRES")
	if dsn == "" {
		b.Skip("AKHBAR_BENCH_POSTGRES not set: point it at a filled store")
	}
	ctx := context.Background()
	pg, err := Open(ctx, dsn, Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer pg.Close()
	backends := []struct {
		name string
		s    store.Store
	}{{"postgres", pg}}
	if path := os.Getenv("AKHBAR_BENCH_SQLITE"); path != "" {
		lite, err := sqliteCopy(ctx, pg, path)
		if err != nil {
			b.Fatal(err)
		}
		defer lite.Close()
		backends = append(backends, struct {
			name string
			s    store.Store
		}{"sqlite", lite})
	}
	lat := map[string]map[string][]time.Duration{}
	totals := map[string]int{}
	for _, be := range backends {
		lat[be.name] = map[string][]time.Duration{}
		b.Run(be.name, func(b *testing.B) {
			var all []time.Duration
			queries := make([]store.Query, len(benchQueries))
			for i, bq := range benchQueries {
				queries[i] = bq.Query
				if bq.Deep { // walked once, outside the timing
					var err error
					if queries[i], err = walk(ctx, be.s, bq.Query); err != nil {
						b.Fatal(err)
					}
				}
			}
			for b.Loop() {
				for i, bq := range benchQueries {
					t0 := time.Now()
					res, err := be.s.Search(ctx, queries[i])
					d := time.Since(t0)
					if err != nil {
						b.Fatalf("%s: %v", bq.Kind, err)
					}
					totals[be.name+"\t"+bq.Kind] = res.Total
					lat[be.name][bq.Kind] = append(lat[be.name][bq.Kind], d)
					all = append(all, d)
				}
			}
			b.ReportMetric(ms(percentile(all, 0.5)), "p50-ms")
			b.ReportMetric(ms(percentile(all, 0.95)), "p95-ms")
			b.ReportMetric(0, "ns/op")
		})
	}
	var t strings.Builder
	fmt.Fprintf(&t, "\n%-22s", "query (median ms, hits)")
	for _, be := range backends {
		fmt.Fprintf(&t, " %20s", be.name)
	}
	for _, bq := range benchQueries {
		fmt.Fprintf(&t, "\n%-22s", bq.Kind)
		for _, be := range backends {
			fmt.Fprintf(&t, " %11.1f %8d", ms(percentile(lat[be.name][bq.Kind], 0.5)), totals[be.name+"\t"+bq.Kind])
		}
	}
	for _, p := range []float64{0.5, 0.95} {
		fmt.Fprintf(&t, "\n%-22s", fmt.Sprintf("all queries p%.0f", p*100))
		for _, be := range backends {
			var all []time.Duration
			for _, ds := range lat[be.name] {
				all = append(all, ds...)
			}
			fmt.Fprintf(&t, " %11.1f %8s", ms(percentile(all, p)), "")
		}
	}
	b.Log(t.String())
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[min(len(s)-1, int(p*float64(len(s))))]
}

// sqliteCopy opens the SQLite store at path, first filling it with every
// analysis of pg when it does not exist yet.
func sqliteCopy(ctx context.Context, pg *DB, path string) (*sqlite.DB, error) {
	_, statErr := os.Stat(path)
	lite, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		return nil, err
	}
	if statErr == nil {
		return lite, nil
	}
	var batch []*analysis.Analysis
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		_, err := lite.Put(ctx, batch, store.PutOptions{})
		batch = batch[:0]
		return err
	}
	err = pg.Each(ctx, func(a *analysis.Analysis) error {
		batch = append(batch, a)
		if len(batch) == 500 {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	if err != nil {
		lite.Close()
		os.Remove(path)
		return nil, fmt.Errorf("copying %s to %s: %w", pg.name, path, err)
	}
	return lite, nil
}
