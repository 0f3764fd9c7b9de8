package main

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	blevear "github.com/blevesearch/bleve/v2/analysis/lang/ar"

	"akhbar/analysis"
	"akhbar/arabic"
	"akhbar/article"
	"akhbar/store"
	"akhbar/store/sqlite"
)

const benchUsage = `
akhbar bench measures speed and size on real data.

Usage:
  akhbar bench search [flags]   search latency over a store, and the same
                                articles indexed by akhbar and by bleve's
                                "ar" analyzer side by side (rate, size,
                                recall of 10 spelling-variant queries)
  akhbar bench ingest [flags]   analysis and storage rates, apart
  akhbar bench scale [flags]    write a large corpus: the corpus replicated
                                with shifted dates and new ids and URLs

Examples:
  akhbar bench search --db news.db --limit 5000
  akhbar bench ingest --corpus ../shared/data/news/arabic_news.jsonl.gz --limit 2000
  akhbar bench scale --n 1000000 --out /tmp/news-1m.jsonl.gz
`

func runBench(ctx context.Context, e *env, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprint(e.stdout, strings.TrimSpace(benchUsage)+"\n")
		if len(args) == 0 {
			return usageError("which benchmark? (search, ingest or scale)")
		}
		return nil
	}
	switch args[0] {
	case "search":
		return runBenchSearch(ctx, e, args[1:])
	case "ingest":
		return runBenchIngest(ctx, e, args[1:])
	case "scale":
		return runBenchScale(ctx, e, args[1:])
	}
	return usageError("unknown benchmark %q (search, ingest or scale)", args[0])
}

// variantSets are spellings of one word or name; the first is the query.
// Relevant articles name any of them, with or without a proclitic.
var variantSets = [][]string{
	{"أمريكا", "امريكا", "أميركا", "اميركا"},
	{"ترامب", "ترمب"},
	{"إسرائيل", "اسرائيل"},
	{"السعودية", "السعوديه"},
	{"مستشفى", "مستشفي"},
	{"الإمارات", "الامارات"},
	{"أردوغان", "اردوغان"},
	{"أوروبا", "اوروبا", "أوربا", "اوربا"},
	{"القرآن", "القران"},
	{"بوتين", "بوتن"},
}

type benchSearchReport struct {
	Articles  int             `json:"articles"`
	Engines   []engineReport  `json:"engines"`
	Variants  []variantReport `json:"variants"`
	Latency   []latencyReport `json:"latency"`
	MedianMS  float64         `json:"median_ms"`
	P95MS     float64         `json:"p95_ms"`
	StoreSize int64           `json:"store_bytes"`
	StoreDocs int             `json:"store_articles"`
}

type engineReport struct {
	Name        string  `json:"name"`
	Seconds     float64 `json:"seconds"`
	PerSecond   float64 `json:"articles_per_second"`
	Bytes       int64   `json:"bytes"`
	MeanRecall  float64 `json:"mean_recall"`
	MeanResults float64 `json:"mean_results"`
}

type variantReport struct {
	Query    string             `json:"query"`
	Relevant int                `json:"relevant"`
	Recall   map[string]float64 `json:"recall"`
	Results  map[string]int     `json:"results"`
}

type latencyReport struct {
	Kind  string  `json:"kind"`
	Query string  `json:"query"`
	Total int     `json:"total"`
	MS    float64 `json:"ms"` // median of the repetitions
}

func runBenchSearch(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "bench search", benchUsage)
	db := fs.String("db", "akhbar.db", "store to measure latency on and to take the articles from")
	limit := fs.Int("limit", 5000, "articles indexed side by side")
	work := fs.String("work", "", "directory for the side-by-side indexes (default: a temporary one, removed)")
	reps := fs.Int("reps", 5, "times each latency query runs")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	minRecall := fs.Float64("min-recall", 0, "fail unless akhbar's mean recall over the variant queries is at least this")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	st, err := openExistingStore(ctx, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	rep := benchSearchReport{}
	stats, err := st.Stats(ctx)
	if err != nil {
		return err
	}
	rep.StoreSize, rep.StoreDocs = stats.Bytes, stats.Articles

	// Latency over the whole store.
	var all []float64
	for _, bq := range store.LatencyQueries() {
		q := bq.Query
		if bq.Deep {
			// Walk to page 1,000 once; time fetching it.
			for p := 1; p < 1000; p++ {
				res, err := st.Search(ctx, q)
				if err != nil {
					return err
				}
				if res.Next == "" {
					break
				}
				q.After = res.Next
			}
		}
		var times []float64
		var total int
		for range *reps {
			t0 := time.Now()
			res, err := st.Search(ctx, q)
			if err != nil {
				return fmt.Errorf("query %q: %w", bq.Query.Text, err)
			}
			ms := float64(time.Since(t0).Microseconds()) / 1000
			times = append(times, ms)
			all = append(all, ms)
			total = res.Total
		}
		sort.Float64s(times)
		rep.Latency = append(rep.Latency, latencyReport{Kind: bq.Kind, Query: bq.Query.Text, Total: total, MS: times[len(times)/2]})
	}
	sort.Float64s(all)
	rep.MedianMS = all[len(all)/2]
	rep.P95MS = all[min(len(all)-1, int(float64(len(all))*0.95))]

	// The same articles indexed by both engines.
	var docs []*analysis.Analysis
	errStop := fmt.Errorf("enough")
	err = st.Each(ctx, func(a *analysis.Analysis) error {
		if len(docs) >= *limit {
			return errStop
		}
		docs = append(docs, a)
		return nil
	})
	if err != nil && err != errStop {
		return err
	}
	rep.Articles = len(docs)
	dir := *work
	if dir == "" {
		if dir, err = os.MkdirTemp("", "akhbar-bench-"); err != nil {
			return err
		}
		defer os.RemoveAll(dir)
	}
	ours, oursRep, err := benchIndexOurs(ctx, filepath.Join(dir, "akhbar.db"), docs)
	if err != nil {
		return err
	}
	defer ours.Close()
	bl, blRep, err := benchIndexBleve(filepath.Join(dir, "bleve"), docs)
	if err != nil {
		return err
	}
	defer bl.Close()
	for _, vs := range variantSets {
		relevant := relevantDocs(docs, vs)
		vr := variantReport{Query: vs[0], Relevant: len(relevant), Recall: map[string]float64{}, Results: map[string]int{}}
		got, err := searchAllOurs(ctx, ours, vs[0])
		if err != nil {
			return err
		}
		vr.Recall["akhbar"], vr.Results["akhbar"] = recallOf(got, relevant), len(got)
		got, err = searchAllBleve(bl, vs[0], len(docs))
		if err != nil {
			return err
		}
		vr.Recall["bleve-ar"], vr.Results["bleve-ar"] = recallOf(got, relevant), len(got)
		rep.Variants = append(rep.Variants, vr)
	}
	for i, name := range []string{"akhbar", "bleve-ar"} {
		r := []*engineReport{&oursRep, &blRep}[i]
		for _, v := range rep.Variants {
			r.MeanRecall += v.Recall[name] / float64(len(rep.Variants))
			r.MeanResults += float64(v.Results[name]) / float64(len(rep.Variants))
		}
	}
	rep.Engines = []engineReport{oursRep, blRep}
	var gate error
	if oursRep.MeanRecall < *minRecall {
		gate = fmt.Errorf("akhbar's mean recall %.3f is below %.3f", oursRep.MeanRecall, *minRecall)
	}
	if *asJSON {
		if err := writeJSON(e.stdout, rep); err != nil {
			return err
		}
		return gate
	}
	w := e.stdout
	fmt.Fprintf(w, "search latency over %s (%d articles, %.1f MB), %d runs each:\n", *db, rep.StoreDocs, float64(rep.StoreSize)/1e6, *reps)
	for _, l := range rep.Latency {
		fmt.Fprintf(w, "  %-20s %8.2f ms  %6d results  %s\n", l.Kind, l.MS, l.Total, l.Query)
	}
	fmt.Fprintf(w, "  median %.2f ms, p95 %.2f ms\n\n", rep.MedianMS, rep.P95MS)
	fmt.Fprintf(w, "the same %d articles indexed side by side:\n", rep.Articles)
	fmt.Fprintf(w, "  %-9s %10s %12s %10s %12s\n", "engine", "seconds", "articles/s", "MB", "mean recall")
	for _, r := range rep.Engines {
		fmt.Fprintf(w, "  %-9s %10.1f %12.0f %10.1f %12.3f\n", r.Name, r.Seconds, r.PerSecond, float64(r.Bytes)/1e6, r.MeanRecall)
	}
	fmt.Fprintf(w, "\nspelling-variant queries (recall; relevant = any spelling, with or without a proclitic):\n")
	for _, v := range rep.Variants {
		fmt.Fprintf(w, "  %-10s relevant %5d  akhbar %.3f (%d)  bleve-ar %.3f (%d)\n", v.Query, v.Relevant,
			v.Recall["akhbar"], v.Results["akhbar"], v.Recall["bleve-ar"], v.Results["bleve-ar"])
	}
	return gate
}

func benchIndexOurs(ctx context.Context, path string, docs []*analysis.Analysis) (*sqlite.DB, engineReport, error) {
	st, err := openStore(ctx, path)
	if err != nil {
		return nil, engineReport{}, err
	}
	t0 := time.Now()
	for i := 0; i < len(docs); i += 200 {
		if _, err := st.Put(ctx, docs[i:min(len(docs), i+200)], store.PutOptions{}); err != nil {
			st.Close()
			return nil, engineReport{}, err
		}
	}
	secs := time.Since(t0).Seconds()
	size := dirSize(path) + dirSize(path+"-wal")
	return st, engineReport{Name: "akhbar", Seconds: secs, PerSecond: float64(len(docs)) / secs, Bytes: size}, nil
}

type bleveDoc struct {
	Headline string `json:"headline"`
	Text     string `json:"text"`
}

func benchIndexBleve(dir string, docs []*analysis.Analysis) (bleve.Index, engineReport, error) {
	m := bleve.NewIndexMapping()
	m.DefaultAnalyzer = blevear.AnalyzerName
	idx, err := bleve.New(dir, m)
	if err != nil {
		return nil, engineReport{}, fmt.Errorf("creating bleve index: %w", err)
	}
	t0 := time.Now()
	for i := 0; i < len(docs); i += 200 {
		b := idx.NewBatch()
		for _, a := range docs[i:min(len(docs), i+200)] {
			if err := b.Index(a.ID, bleveDoc{Headline: a.Headline, Text: a.Text}); err != nil {
				return nil, engineReport{}, err
			}
		}
		if err := idx.Batch(b); err != nil {
			return nil, engineReport{}, fmt.Errorf("bleve batch: %w", err)
		}
	}
	secs := time.Since(t0).Seconds()
	return idx, engineReport{Name: "bleve-ar", Seconds: secs, PerSecond: float64(len(docs)) / secs, Bytes: dirSize(dir)}, nil
}

func dirSize(path string) int64 {
	var n int64
	filepath.WalkDir(path, func(_ string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			if info, err := d.Info(); err == nil {
				n += info.Size()
			}
		}
		return nil
	})
	return n
}

func searchAllOurs(ctx context.Context, st store.Store, q string) (map[string]bool, error) {
	out := map[string]bool{}
	query := store.Query{Text: q, Limit: store.MaxLimit}
	for {
		res, err := st.Search(ctx, query)
		if err != nil {
			return nil, err
		}
		for _, h := range res.Hits {
			out[h.ID] = true
		}
		if res.Next == "" {
			return out, nil
		}
		query.After = res.Next
	}
}

func searchAllBleve(idx bleve.Index, q string, n int) (map[string]bool, error) {
	mq := bleve.NewMatchQuery(q)
	mq.Analyzer = blevear.AnalyzerName
	req := bleve.NewSearchRequestOptions(mq, max(1, n), 0, false)
	res, err := idx.Search(req)
	if err != nil {
		return nil, fmt.Errorf("bleve search %q: %w", q, err)
	}
	out := map[string]bool{}
	for _, h := range res.Hits {
		out[h.ID] = true
	}
	return out, nil
}

// relevantDocs returns the ids of docs with a word that is one of forms,
// alone or after proclitics (و ف ب ك ل and the article).
func relevantDocs(docs []*analysis.Analysis, forms []string) map[string]bool {
	want := map[string]bool{}
	for _, f := range forms {
		bare := strings.TrimPrefix(f, "ال")
		for _, p := range []string{"", "و", "ف", "ب", "ك", "ل", "وب", "ول", "فب", "فل"} {
			want[p+f] = true
			if bare != f {
				want[p+"ل"+bare] = true // لل: ل + الـ
			} else {
				want[p+"ال"+f] = true
			}
		}
	}
	out := map[string]bool{}
	for _, a := range docs {
		for _, s := range []string{a.Headline, a.Text} {
			arabic.Scan(s, func(t arabic.Token) bool {
				if want[t.Text] {
					out[a.ID] = true
					return false
				}
				return true
			})
		}
	}
	return out
}

func recallOf(got, relevant map[string]bool) float64 {
	if len(relevant) == 0 {
		return 1
	}
	n := 0
	for id := range relevant {
		if got[id] {
			n++
		}
	}
	return float64(n) / float64(len(relevant))
}

func runBenchIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "bench ingest", benchUsage)
	corpus := fs.String("corpus", "../shared/data/news/arabic_news.jsonl.gz", "JSON lines corpus")
	limit := fs.Int("limit", 1000, "articles")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	f, err := os.Open(*corpus)
	if err != nil {
		return usageError("reading corpus: %v", err)
	}
	defer f.Close()
	var arts []*article.Article
	stop := fmt.Errorf("enough")
	err = article.ReadJSONLines(ctx, f, *corpus, func(a *article.Article, err error) error {
		if err == nil {
			arts = append(arts, a)
		}
		if len(arts) >= *limit {
			return stop
		}
		return nil
	})
	if err != nil && err != stop {
		return err
	}
	az, err := analysis.New(analysis.Options{})
	if err != nil {
		return err
	}
	docs := make([]*analysis.Analysis, len(arts))
	var ms runtime.MemStats
	t0 := time.Now()
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	errs := make([]error, workers)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(arts); i += workers {
				an, err := az.Analyze(ctx, arts[i])
				if err != nil {
					errs[w] = err
					return
				}
				docs[i] = an
			}
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	analyzeSecs := time.Since(t0).Seconds()
	dir, err := os.MkdirTemp("", "akhbar-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	_, rep, err := benchIndexOurs(ctx, filepath.Join(dir, "a.db"), docs)
	if err != nil {
		return err
	}
	runtime.ReadMemStats(&ms)
	fmt.Fprintf(e.stdout, "%d articles: analysis %.1f s (%.0f articles/s on %d workers); storing and indexing %.1f s (%.0f articles/s), %.1f MB; heap in use %.0f MB\n",
		len(docs), analyzeSecs, float64(len(docs))/analyzeSecs, workers, rep.Seconds, rep.PerSecond, float64(rep.Bytes)/1e6, float64(ms.HeapInuse)/1e6)
	return nil
}

func runBenchScale(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "bench scale", benchUsage)
	corpus := fs.String("corpus", "../shared/data/news/arabic_news.jsonl.gz", "JSON lines corpus to replicate")
	n := fs.Int("n", 1_000_000, "articles to write")
	out := fs.String("out", "", "output file (.jsonl.gz)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *out == "" {
		return usageError("--out is required")
	}
	of, err := os.Create(*out)
	if err != nil {
		return fmt.Errorf("writing %s: %w", *out, err)
	}
	zw := gzip.NewWriter(of)
	enc := json.NewEncoder(zw)
	enc.SetEscapeHTML(false)
	written := 0
	for round := 0; written < *n; round++ {
		f, err := os.Open(*corpus)
		if err != nil {
			of.Close()
			return usageError("reading corpus: %v", err)
		}
		stop := fmt.Errorf("enough")
		before := written
		err = article.ReadJSONLines(ctx, f, *corpus, func(a *article.Article, err error) error {
			if err != nil {
				return nil
			}
			if written >= *n {
				return stop
			}
			// Round r moves every date r*10 years ahead, so trends and
			// timelines keep their shape, and gives new ids and URLs, so
			// every copy is a new article to the store.
			rec := map[string]any{"id": fmt.Sprintf("%s~r%d", a.ID, round), "source": a.Site, "title": a.Headline,
				"text": strings.TrimPrefix(strings.TrimPrefix(a.Text, a.Headline), "\n\n")}
			if a.URL != "" {
				rec["url"] = fmt.Sprintf("%s#r%d", a.URL, round)
			}
			if !a.Published.IsZero() {
				ts := a.Published
				ts.Time = ts.Time.AddDate(10*round, 0, 0)
				rec["date"] = ts.String()
			}
			written++
			return enc.Encode(rec)
		})
		f.Close()
		if err != nil && err != stop {
			of.Close()
			return err
		}
		if written == before {
			of.Close()
			return fmt.Errorf("corpus %s has no readable article", *corpus)
		}
	}
	if err := zw.Close(); err != nil {
		of.Close()
		return fmt.Errorf("writing %s: %w", *out, err)
	}
	if err := of.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", *out, err)
	}
	fmt.Fprintf(e.stdout, "wrote %d articles to %s\n", written, *out)
	return nil
}
