package worker

import (
	"context"
	"fmt"
	"os"
	"sync"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"akhbar/analysis"
	"akhbar/article"
	"akhbar/store"
	"akhbar/store/postgres"
)

// testDB opens a new, migrated schema on AKHBAR_TEST_POSTGRES (see
// .ci/postgres.sh); the test skips without it, except in CI.
func testDB(t *testing.T) (*postgres.DB, string, postgres.Options) {
	t.Helper()
	dsn := os.Getenv("AKHBAR_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("AKHBAR_TEST_POSTGRES is not set in CI: start a server with .ci/postgres.sh start")
		}
		t.Skip("AKHBAR_TEST_POSTGRES not set: run .ci/postgres.sh start and source its env line")
	}
	name := fmt.Sprintf("akhbar_w%d", time.Now().UnixNano()%1e12)
	opts := postgres.Options{Schema: name, ApplicationName: name}
	ctx := context.Background()
	t.Cleanup(func() {
		conn, err := pgx.Connect(context.Background(), dsn)
		if err != nil {
			return
		}
		defer conn.Close(context.Background())
		conn.Exec(context.Background(), `DROP SCHEMA IF EXISTS `+name+` CASCADE`) //nolint:errcheck
	})
	if _, err := postgres.Migrate(ctx, dsn, opts, 0); err != nil {
		t.Fatal(err)
	}
	db, err := postgres.Open(ctx, dsn, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, dsn, opts
}

// copyAnalyzer is a stand-in for the full analysis: it copies the
// article's parts, which is all the queue and the store need here.
type copyAnalyzer struct{ delay time.Duration }

func (c copyAnalyzer) Analyze(ctx context.Context, a *article.Article) (*analysis.Analysis, error) {
	if c.delay > 0 {
		time.Sleep(c.delay)
	}
	if a.Text == "" {
		return nil, fmt.Errorf("article %s has no text", a.ID)
	}
	return &analysis.Analysis{ID: a.ID, URL: a.URL, Site: a.Site, Headline: a.Headline, Text: a.Text,
		Published: a.Published.String(), Entities: []analysis.Entity{}, Quotes: []analysis.Quote{}}, nil
}

var places = []string{"القاهرة", "عمان", "الرباط", "تونس", "بيروت", "الدوحة"}

// articles composes n short news items, each with its own URL.
func articles(n int) []*article.Article {
	var out []*article.Article
	for i := range n {
		p := places[i%len(places)]
		head := fmt.Sprintf("افتتاح معرض للكتاب في %s بمشاركة %d دار نشر", p, 40+i)
		out = append(out, &article.Article{ID: fmt.Sprintf("n%03d", i), URL: fmt.Sprintf("https://news.example/%d", i),
			Site: "news", Headline: head, Text: head + "\n\nافتتح وزير الثقافة المعرض صباح اليوم وسط إقبال من الزوار."})
	}
	return out
}

func enqueue(t *testing.T, db *postgres.DB, arts []*article.Article) {
	t.Helper()
	var jobs []postgres.Job
	for _, a := range arts {
		j, err := ArticleJob(a)
		if err != nil {
			t.Fatal(err)
		}
		jobs = append(jobs, j)
	}
	if _, err := db.Enqueue(context.Background(), jobs); err != nil {
		t.Fatal(err)
	}
}

func count(t *testing.T, db *postgres.DB) (stored, pending int) {
	t.Helper()
	ctx := context.Background()
	var err error
	for range 5 { // the pool may still hold connections a test cut
		var st store.Stats
		if st, err = db.Stats(ctx); err != nil {
			continue
		}
		if pending, err = db.Pending(ctx, postgres.KindArticle); err != nil {
			continue
		}
		return st.Articles, pending
	}
	t.Fatal(err)
	return 0, 0
}

// TestWorkersStoreEachArticleOnce runs three workers over one queue while
// their database connections are cut again and again: every article ends
// stored once, nothing stays pending, the bad article is failed.
func TestWorkersStoreEachArticleOnce(t *testing.T) {
	db, dsn, opts := testDB(t)
	ctx := context.Background()
	arts := articles(60)
	enqueue(t, db, arts)
	enqueue(t, db, arts[:10]) // queued again: no new jobs
	enqueue(t, db, []*article.Article{{ID: "empty", URL: "https://news.example/empty", Site: "news"}})

	stop := make(chan struct{})
	var cuts sync.WaitGroup
	cuts.Add(1)
	go func() { // cut the workers' connections, as a database restart would
		defer cuts.Done()
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close(ctx)
		for range 5 {
			select {
			case <-stop:
				return
			case <-time.After(150 * time.Millisecond):
			}
			conn.Exec(ctx, `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1`, opts.ApplicationName) //nolint:errcheck
		}
	}()
	var wg sync.WaitGroup
	stats := make([]Stats, 3)
	errs := make([]error, 3)
	for w := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			rctx, cancel := context.WithTimeout(ctx, 60*time.Second)
			defer cancel()
			stats[w], errs[w] = Run(rctx, db, copyAnalyzer{delay: time.Millisecond}, Options{ID: fmt.Sprintf("w%d", w),
				Batch: 4, Lease: 5 * time.Second, Idle: 20 * time.Millisecond, ExitWhenIdle: true})
		}()
	}
	wg.Wait()
	close(stop)
	cuts.Wait()
	stored, failed, retries := 0, 0, 0
	for w, s := range stats {
		if errs[w] != nil {
			t.Errorf("worker %d: %v", w, errs[w])
		}
		stored += s.Stored
		failed += s.Failed
		retries += s.Retries
	}
	n, pending := count(t, db)
	if n != 60 || pending != 0 || stored != 60 || failed != 1 {
		t.Errorf("store has %d articles, %d pending; workers stored %d, failed %d; want 60, 0, 60, 1", n, pending, stored, failed)
	}
	t.Logf("connection errors waited out: %d", retries)
}

// TestDeadWorkersLeaseExpires: a worker claims a batch and dies; once its
// lease runs out another worker stores the batch.
func TestDeadWorkersLeaseExpires(t *testing.T) {
	db, _, _ := testDB(t)
	ctx := context.Background()
	enqueue(t, db, articles(12))
	got, err := db.Claim(ctx, "dead", postgres.KindArticle, 5, 300*time.Millisecond, 5)
	if err != nil || len(got) != 5 {
		t.Fatalf("claim = %d, %v", len(got), err)
	}
	rctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	s, err := Run(rctx, db, copyAnalyzer{}, Options{ID: "heir", Batch: 3, Idle: 50 * time.Millisecond, ExitWhenIdle: true})
	if err != nil {
		t.Fatal(err)
	}
	n, pending := count(t, db)
	if n != 12 || pending != 0 || s.Stored != 12 {
		t.Errorf("store has %d, %d pending, heir stored %d; want 12, 0, 12", n, pending, s.Stored)
	}
}

func TestEnqueueFilesAndFeeds(t *testing.T) {
	db, _, _ := testDB(t)
	ctx := context.Background()
	dir := t.TempDir()
	for i, a := range articles(3) {
		if err := os.WriteFile(fmt.Sprintf("%s/%d.txt", dir, i), []byte(a.Text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.WriteFile(dir+"/bad.txt", []byte{0xff, 0xfe, 0x00}, 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err := Enqueue(ctx, db, []string{dir, "https://news.example/rss.xml"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 3 || sum.Queued != 4 || sum.Feeds != 1 || sum.Bad != 1 {
		t.Errorf("Enqueue = %+v, want 3 read, 4 queued (3 articles and a feed), 1 bad", sum)
	}
	if sum, err = Enqueue(ctx, db, []string{dir}, nil); err != nil || sum.Queued != 0 {
		t.Errorf("second Enqueue = %+v, %v; want nothing new", sum, err)
	}
	if _, err := Enqueue(ctx, db, []string{dir + "/missing"}, nil); err == nil {
		t.Error("Enqueue of a missing file succeeded")
	}
}
