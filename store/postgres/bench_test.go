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

// benchQueries are 20 searches of different kinds over the news corpus:
// common and rare words, phrases, entities (and a spelling variant),
// prefixes, boolean operators, filters, facets, sorting and a deep page.
var benchQueries = []struct {
	name string
	q    store.Query
}{
	{"common word", store.Query{Text: "الحكومة"}},
	{"common word 2", store.Query{Text: "الرئيس"}},
	{"rare word", store.Query{Text: "كازاخستان"}},
	{"rare word 2", store.Query{Text: "البراكين"}},
	{"phrase", store.Query{Text: `"مجلس الأمن"`}},
	{"phrase 2", store.Query{Text: `"الأمم المتحدة"`}},
	{"entity", store.Query{Text: "ترامب"}},
	{"entity variant", store.Query{Text: "لوكاشينكو"}},
	{"prefix", store.Query{Text: "اقتصاد*"}},
	{"or", store.Query{Text: "النفط OR الغاز"}},
	{"not", store.Query{Text: "السعودية -النفط"}},
	{"and", store.Query{Text: "القدس السفارة"}},
	{"date range", store.Query{Text: "الانتخابات", From: "2018-01", To: "2018-06"}},
	{"site filter", store.Query{Text: "الملك", Site: "alriyadh"}},
	{"facets", store.Query{Text: "الحكومة", Facets: true}},
	{"newest", store.Query{Text: "الإرهاب", Sort: store.Newest}},
	{"page 50", store.Query{Text: "الحكومة", Page: 50}},
	{"entity filter only", store.Query{Entity: "ترامب"}},
	{"site and dates only", store.Query{Site: "skynewsarabia", From: "2018-03", To: "2018-03"}},
	{"long query", store.Query{Text: "اجتماع وزراء الخارجية العرب في القاهرة"}},
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
			for b.Loop() {
				for _, bq := range benchQueries {
					t0 := time.Now()
					res, err := be.s.Search(ctx, bq.q)
					d := time.Since(t0)
					if err != nil {
						b.Fatalf("%s: %v", bq.name, err)
					}
					totals[be.name+"\t"+bq.name] = res.Total
					lat[be.name][bq.name] = append(lat[be.name][bq.name], d)
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
		fmt.Fprintf(&t, "\n%-22s", bq.name)
		for _, be := range backends {
			fmt.Fprintf(&t, " %11.1f %8d", ms(percentile(lat[be.name][bq.name], 0.5)), totals[be.name+"\t"+bq.name])
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
