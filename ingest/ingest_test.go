package ingest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"akhbar/analysis"
	"akhbar/article"
	"akhbar/store/sqlite"
)

// cities and verbs make a corpus of short, distinct, self-written news items.
var (
	cities = []string{"القاهرة", "عمان", "بيروت", "الرباط", "تونس", "الدوحة", "مسقط", "الكويت"}
	topics = []string{"افتتاح مستشفى جديد", "ارتفاع أسعار الخبز", "مهرجان للكتاب", "انقطاع الكهرباء", "مباراة كرة القدم"}
)

// writeCorpus writes n JSON lines articles (and extra raw lines) to a file.
func writeCorpus(t testing.TB, n int, extra ...string) string {
	t.Helper()
	var b bytes.Buffer
	for i := range n {
		city, topic := cities[i%len(cities)], topics[(i/len(cities))%len(topics)]
		obj := map[string]string{
			"id":     fmt.Sprintf("t%04d", i),
			"source": "test_site",
			"url":    fmt.Sprintf("https://test.example/%d", i),
			"title":  fmt.Sprintf("%s: %s رقم %d", city, topic, i),
			"date":   fmt.Sprintf("2022-01-%02dT10:00:00+02:00", 1+i%28),
			"text": fmt.Sprintf("أعلنت السلطات في %s اليوم عن %s، وقال المتحدث باسم البلدية إن العمل سيستمر %d يوما.",
				city, topic, 3+i%9),
		}
		line, _ := json.Marshal(obj)
		b.Write(line)
		b.WriteByte('\n')
	}
	for _, e := range extra {
		b.WriteString(e + "\n")
	}
	path := filepath.Join(t.TempDir(), "corpus.jsonl")
	if err := os.WriteFile(path, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

// plainAnalyzer fills an Analysis from the article alone, so these tests
// exercise reading and storing whatever state the annotators are in; the
// command's tests run the real analyzer.
type plainAnalyzer struct{}

func (plainAnalyzer) Analyze(ctx context.Context, a *article.Article) (*analysis.Analysis, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	return &analysis.Analysis{ID: a.ID, Text: a.Text, Headline: a.Headline, URL: a.URL, Site: a.Site,
		Published: a.Published.String(), Paragraphs: [][2]int{}, Sentences: [][2]int{}}, nil
}

func analyzer(testing.TB) Analyzer { return plainAnalyzer{} }

func openDB(t testing.TB, path string, opts sqlite.Options) *sqlite.DB {
	t.Helper()
	d, err := sqlite.Open(context.Background(), path, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

func run(t testing.TB, d *sqlite.DB, corpus string, opts Options) (Summary, error) {
	t.Helper()
	srcs, err := Sources([]string{corpus}, nil)
	if err != nil {
		t.Fatal(err)
	}
	return Run(context.Background(), d, analyzer(t), srcs, opts)
}

func TestRunStoresOnceAndReportsFailures(t *testing.T) {
	corpus := writeCorpus(t, 30,
		`{"id": "bad1", "source": "test_site", "title": "بلا نص"}`,
		`this is not json`,
		`{"id": "t0003", "source": "test_site", "url": "https://test.example/3", "title": "نسخة مكررة", "text": "نص آخر للرابط نفسه."}`,
	)
	d := openDB(t, filepath.Join(t.TempDir(), "a.db"), sqlite.Options{})
	var log bytes.Buffer
	sum, err := run(t, d, corpus, Options{BatchSize: 7, Progress: &log, Every: time.Nanosecond})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Read != 33 || sum.Stored != 30 || sum.Duplicates != 1 || sum.Failed != 2 {
		t.Errorf("first run: %+v", sum)
	}
	if sum.Reasons[`no "text" field`] != 1 || len(sum.Examples) != 2 || !strings.Contains(sum.Examples[0], "corpus.jsonl:31") {
		t.Errorf("failure reasons: %v %q", sum.Reasons, sum.Examples)
	}
	if !strings.Contains(log.String(), "articles (") || strings.Contains(log.String(), "\r") {
		t.Errorf("log progress should be plain lines: %q", log.String())
	}
	sum, err = run(t, d, corpus, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stored != 0 || sum.Duplicates != 31 {
		t.Errorf("second run should store nothing: %+v", sum)
	}
	sum, err = run(t, d, corpus, Options{Reanalyze: true, Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Updated != 10 || sum.Stored != 0 {
		t.Errorf("reanalyze: %+v", sum)
	}
	st, _ := d.Stats(context.Background())
	if st.Articles != 30 {
		t.Errorf("store holds %d articles, want 30", st.Articles)
	}
}

func TestTwoIngestsAtOnce(t *testing.T) {
	corpus := writeCorpus(t, 5)
	path := filepath.Join(t.TempDir(), "a.db")
	first := openDB(t, path, sqlite.Options{})
	release, err := first.LockWriter()
	if err != nil {
		t.Fatal(err)
	}
	second := openDB(t, path, sqlite.Options{})
	_, err = run(t, second, corpus, Options{})
	if err == nil || !strings.Contains(err.Error(), "being written by another ingest") || !strings.Contains(err.Error(), fmt.Sprint(os.Getpid())) {
		t.Fatalf("second ingest: %v, want a clear 'being written' error", err)
	}
	release()
	if _, err := run(t, second, corpus, Options{}); err != nil {
		t.Fatalf("after the first finished: %v", err)
	}
}

func TestFullDisk(t *testing.T) {
	// SQLite's max_page_count makes the database full the way a full disk
	// does (SQLITE_FULL), at a size a test can reach.
	corpus := writeCorpus(t, 400)
	path := filepath.Join(t.TempDir(), "a.db")
	small := openDB(t, path, sqlite.Options{MaxPages: 40})
	sum, err := run(t, small, corpus, Options{BatchSize: 10})
	if err == nil || !strings.Contains(err.Error(), "full") {
		t.Fatalf("ingest into a full store: %v, want a 'full' error", err)
	}
	if sum.Stored == 0 || sum.Stored%10 != 0 {
		t.Fatalf("stored %d before the disk filled; want whole batches", sum.Stored)
	}
	small.Close()
	d := openDB(t, path, sqlite.Options{})
	if err := d.Check(context.Background()); err != nil {
		t.Fatal(err)
	}
	st, _ := d.Stats(context.Background())
	if st.Articles != sum.Stored {
		t.Fatalf("after the failure the store holds %d, the run reported %d", st.Articles, sum.Stored)
	}
	if sum, err = run(t, d, corpus, Options{}); err != nil || sum.Stored+st.Articles != 400 {
		t.Fatalf("with space again: %+v %v", sum, err)
	}
}

// TestKill9 kills an ingest (a child process running this test binary)
// while it writes, then checks that the store opens, is consistent, holds
// only whole batches, and that a second run completes it.
func TestKill9(t *testing.T) {
	if os.Getenv("AKHBAR_INGEST_CHILD") != "" {
		return
	}
	if testing.Short() {
		t.Skip("subprocess test")
	}
	const n, batch = 2000, 10
	corpus := writeCorpus(t, n)
	path := filepath.Join(t.TempDir(), "a.db")
	cmd := exec.Command(os.Args[0], "-test.run=^TestKill9Child$")
	cmd.Env = append(os.Environ(), "AKHBAR_INGEST_CHILD="+path+"|"+corpus)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	exited := make(chan struct{})
	go func() { cmd.Wait(); close(exited) }()
	// Kill it once some batches are in.
	deadline := time.Now().Add(60 * time.Second)
	for {
		select {
		case <-exited:
			t.Fatalf("child exited before it was killed: %s", out.String())
		case <-time.After(20 * time.Millisecond):
		}
		if time.Now().After(deadline) {
			cmd.Process.Kill()
			t.Fatalf("child stored nothing in 60 s: %s", out.String())
		}
		if st, err := os.Stat(path + "-wal"); err == nil && st.Size() > 100_000 {
			break
		}
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL
		t.Fatal(err)
	}
	<-exited
	d := openDB(t, path, sqlite.Options{})
	ctx := context.Background()
	if err := d.Check(ctx); err != nil {
		t.Fatalf("store after kill -9: %v", err)
	}
	st, _ := d.Stats(ctx)
	if st.Articles == 0 || st.Articles == n || st.Articles%batch != 0 {
		t.Fatalf("store holds %d articles after kill -9; want whole batches of %d, fewer than %d", st.Articles, batch, n)
	}
	if _, err := d.Get(ctx, "t0000"); err != nil {
		t.Fatalf("first article after kill: %v", err)
	}
	sum, err := run(t, d, corpus, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Duplicates != st.Articles || sum.Stored != n-st.Articles {
		t.Fatalf("resumed run: %+v, want %d duplicates and %d stored", sum, st.Articles, n-st.Articles)
	}
}

// TestKill9Child is the child of TestKill9: a slow ingest.
func TestKill9Child(t *testing.T) {
	env := os.Getenv("AKHBAR_INGEST_CHILD")
	if env == "" {
		t.Skip("run by TestKill9")
	}
	path, corpus, _ := strings.Cut(env, "|")
	d := openDB(t, path, sqlite.Options{})
	srcs, err := Sources([]string{corpus}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Run(context.Background(), d, slowAnalyzer{}, srcs, Options{BatchSize: 10, Workers: 1}); err != nil {
		t.Fatal(err)
	}
	t.Log("child finished before it was killed")
}

// slowAnalyzer takes a few milliseconds an article, as real analysis does,
// so the parent has time to kill the child mid-run.
type slowAnalyzer struct{ plainAnalyzer }

func (s slowAnalyzer) Analyze(ctx context.Context, a *article.Article) (*analysis.Analysis, error) {
	time.Sleep(3 * time.Millisecond)
	return s.plainAnalyzer.Analyze(ctx, a)
}

const testPage = `<!doctype html><html lang="ar"><head><meta charset="utf-8"><title>افتتاح جسر جديد</title>
<meta property="og:site_name" content="موقع تجريبي"></head><body><article><h1>افتتاح جسر جديد فوق النهر</h1>
<p>افتتحت البلدية صباح اليوم جسرا جديدا فوق النهر يربط بين ضفتي المدينة، بعد أعمال استمرت عامين كاملين.</p>
<p>وقال رئيس البلدية إن الجسر سيخفف الازدحام في وسط المدينة ويختصر زمن الرحلة إلى النصف.</p></article></body></html>`

func TestSourcesOfEveryKind(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "page.html"), []byte(testPage), 0o644)
	os.WriteFile(filepath.Join(dir, "note.txt"), []byte("خبر قصير\n\nأعلنت الشركة نتائجها السنوية اليوم."), 0o644)
	os.WriteFile(filepath.Join(dir, "image.png"), []byte("\x89PNG"), 0o644) // skipped in a directory
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/bridge" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, strings.Replace(testPage, "جسر جديد", "جسر ثان", -1))
	}))
	defer srv.Close()
	srcs, err := Sources([]string{dir, srv.URL + "/bridge", srv.URL + "/missing"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(srcs) != 4 {
		t.Fatalf("Sources = %+v, want 2 files and 2 URLs", srcs)
	}
	d := openDB(t, filepath.Join(t.TempDir(), "a.db"), sqlite.Options{})
	sum, err := Run(context.Background(), d, plainAnalyzer{}, srcs, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stored != 3 || sum.Failed != 1 || !strings.Contains(sum.Examples[0], "404") {
		t.Fatalf("summary %+v", sum)
	}
	if _, err := Sources([]string{filepath.Join(dir, "nope.jsonl")}, nil); err == nil || !strings.Contains(err.Error(), "nope.jsonl") {
		t.Errorf("missing file: %v", err)
	}
}
