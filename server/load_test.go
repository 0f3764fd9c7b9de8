package server_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"akhbar/demo"
	"akhbar/server"
	"akhbar/server/memstore"
	"akhbar/store/sqlite"
)

// loadQueries are searches of different kinds: rare and common words,
// names in two spellings, a phrase, a prefix, boolean and filtered.
var loadQueries = []string{
	"q=" + url.QueryEscape("الراشدي"),
	"q=" + url.QueryEscape("يوهانسن"),
	"q=" + url.QueryEscape("يوهانسون"),
	"q=" + url.QueryEscape("المياه"),
	"q=" + url.QueryEscape("الحكومة"),
	"q=" + url.QueryEscape(`"البنك المركزي"`),
	"q=" + url.QueryEscape("اقتصاد*"),
	"q=" + url.QueryEscape("النفط OR الذهب"),
	"q=" + url.QueryEscape("الرياض -الهلال"),
	"q=" + url.QueryEscape("وزير") + "&sort=date",
	"q=" + url.QueryEscape("الأمم المتحدة") + "&from=2018-01-01&to=2018-06-30",
	"q=" + url.QueryEscape("كرة القدم") + "&offset=40",
	"q=" + url.QueryEscape("الطقس"),
	"q=" + url.QueryEscape("مجلس الأمن"),
	"q=" + url.QueryEscape("السعودية") + "&type=PER",
	"q=" + url.QueryEscape("تونس"),
	"q=" + url.QueryEscape("الصحة العالمية"),
	"q=" + url.QueryEscape("الانتخابات"),
	"q=" + url.QueryEscape("أسعار"),
	"q=" + url.QueryEscape("المغرب") + "&sort=date&offset=20",
}

func loadURLs(base string) []string {
	out := make([]string, len(loadQueries))
	for i, q := range loadQueries {
		out[i] = base + "/api/search?" + q
	}
	return out
}

// TestLoadOnAStore runs $AKHBAR_LOAD_N (default 1000) searches, 200 at a
// time, against the store at $AKHBAR_LOAD_DB (for example the 72,716-article corpus built by
// `akhbar ingest`), first alone and then while articles are ingested, and
// reports the latencies. Without the variable it skips.
func TestLoadOnAStore(t *testing.T) {
	path := os.Getenv("AKHBAR_LOAD_DB")
	if path == "" {
		t.Skip("set AKHBAR_LOAD_DB to a store file (akhbar ingest --db FILE ...) to run the load test")
	}
	ctx := context.Background()
	db, err := sqlite.Open(ctx, path, sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	stats, err := db.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	srv, err := server.New(server.Config{Store: server.FromStore(db, nil), Analyzer: analyzer(t), Logger: slog.New(slog.DiscardHandler), Timeout: time.Minute})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256}}
	urls := loadURLs(ts.URL)
	if _, err := server.Load(ctx, client, urls, 20, len(urls)); err != nil { // warm up
		t.Fatal(err)
	}
	// One at a time first: what each kind of query costs by itself.
	for i, u := range urls {
		one, err := server.Load(ctx, client, []string{u}, 1, 3)
		if err != nil {
			t.Fatal(err)
		}
		q, _ := url.QueryUnescape(loadQueries[i])
		t.Logf("alone, query %2d (%s): median of 3 %v", i+1, q, one.P50.Round(time.Millisecond))
	}
	n := 1000
	if v, err := strconv.Atoi(os.Getenv("AKHBAR_LOAD_N")); err == nil && v > 0 {
		n = v
	}
	quiet, err := server.Load(ctx, client, urls, 200, n)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("store of %d articles, searches alone: %v", stats.Articles, quiet)

	// The same while an ingest runs: the demo articles, re-sent under new
	// URLs with a line added so each is a new article, about 20 a second.
	arts, err := demo.Articles()
	if err != nil {
		t.Fatal(err)
	}
	stop := make(chan struct{})
	var ingested atomic.Int64
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			default:
			}
			a := arts[i%len(arts)]
			n := time.Now().UnixNano()
			in := server.Input{Text: fmt.Sprintf("%s\n\nنسخة %d-%d", a.Text, n, i), Headline: a.Headline, Site: a.Site, URL: fmt.Sprintf("%s?load=%d-%d", a.URL, n, i),
				Published: a.Published.String()}
			if _, _, err := srv.Ingest(ctx, in); err != nil {
				t.Errorf("ingest during load: %v", err)
				return
			}
			ingested.Add(1)
			time.Sleep(50 * time.Millisecond) // a busy feed day, not a bulk load
		}
	}()
	busy, err := server.Load(ctx, client, urls, 200, n)
	close(stop)
	wg.Wait()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("searches while ingesting (%d articles stored meanwhile): %v", ingested.Load(), busy)
	for _, r := range []server.LoadReport{quiet, busy} {
		if r.Errors > 0 {
			t.Errorf("%d of %d searches failed; first: %s", r.Errors, r.Requests, r.FirstError)
		}
	}
}

// BenchmarkSearch compares, over the demo set in memory, a search called
// directly on the store with the same search through HTTP from 200
// concurrent clients: the cost the server adds.
func BenchmarkSearch(b *testing.B) {
	ctx := context.Background()
	st := memstore.New()
	if _, err := demo.Load(ctx, analyzer(b), st); err != nil {
		b.Fatal(err)
	}
	b.Run("store", func(b *testing.B) {
		for i := 0; b.Loop(); i++ {
			if _, err := st.Search(ctx, server.Query{Text: "الراشدي", Limit: 20}); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("http-200-clients", func(b *testing.B) {
		_, ts := newServer(b, server.Config{Store: st})
		client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 256}}
		u := ts.URL + "/api/search?q=" + url.QueryEscape("الراشدي")
		b.SetParallelism(200 / max(1, testingProcs()))
		b.ResetTimer()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				resp, err := client.Get(u)
				if err != nil {
					b.Error(err)
					return
				}
				resp.Body.Close()
			}
		})
	})
}

func testingProcs() int { return runtime.GOMAXPROCS(0) }
