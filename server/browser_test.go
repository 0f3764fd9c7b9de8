package server_test

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"akhbar/demo"
	"akhbar/feeds"
	"akhbar/server"
	"akhbar/server/memstore"
	"akhbar/store/sqlite"
)

// chromium finds the browser: $AKHBAR_CHROMIUM, else Debian's
// /usr/bin/chromium. Without one the test fails in CI (CI=true) and skips
// elsewhere.
func chromium(t *testing.T) string {
	t.Helper()
	path := os.Getenv("AKHBAR_CHROMIUM")
	if path == "" {
		path = "/usr/bin/chromium"
	}
	if _, err := exec.LookPath(path); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("CI=true and no browser at %s (%v): run .ci/browser.sh", path, err)
		}
		t.Skipf("no browser at %s (run .ci/browser.sh, or set AKHBAR_CHROMIUM): %v", path, err)
	}
	return path
}

// screenshotDir is where the test saves its screenshots:
// $AKHBAR_SCREENSHOTS, else a temporary folder (named in the log).
func screenshotDir(t *testing.T) string {
	dir := os.Getenv("AKHBAR_SCREENSHOTS")
	if dir == "" {
		dir = t.TempDir()
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", dir)
	return dir
}

// TestBrowser drives Debian's chromium through the pages over the real
// SQLite store loaded with the demo articles: search, open an article,
// follow an entity, stories, paste, and a narrow screen.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped with -short")
	}
	exe := chromium(t)
	shots := screenshotDir(t)

	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "browser.db"), sqlite.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	az := analyzer(t)
	if n, err := demo.Load(ctx, az, server.FromStore(db, nil)); err != nil || n < 30 {
		t.Fatalf("loading the demo: %d articles, %v", n, err)
	}
	var srv *server.Server
	poller := feeds.NewPoller(feeds.Options{Sink: func(ctx context.Context, it feeds.Item) error {
		_, _, err := srv.Ingest(ctx, server.Input{HTML: it.HTML, URL: it.Link, Headline: it.Title})
		return err
	}})
	feedSrv := newFeedServer()
	defer feedSrv.Close()
	srv, err = server.New(server.Config{Store: server.FromStore(db, memstore.GroupStories(db, 5000)), Analyzer: az,
		Feeds: poller, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()
	// An article written for this test, ingested through the API path.
	if _, _, err := srv.Ingest(ctx, server.Input{Text: article1, Site: "Al Daffa 24", Published: "2026-03-31T09:00:00+03:00"}); err != nil {
		t.Fatal(err)
	}

	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(exe),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1280, 1000),
	}
	actx, cancelAlloc := chromedp.NewExecAllocator(ctx, opts...)
	defer cancelAlloc()
	bctx, cancelBrowser := chromedp.NewContext(actx)
	defer cancelBrowser()
	bctx, cancel := context.WithTimeout(bctx, 3*time.Minute)
	defer cancel()

	step := func(what string, steps ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(bctx, steps...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	// shot saves the whole page: the viewport is stretched to the page's
	// height for the capture, then put back.
	shot := func(name string) {
		t.Helper()
		size := eval[[]int64](t, bctx, `[window.innerWidth, window.innerHeight, document.documentElement.scrollHeight]`)
		err := chromedp.Do(bctx, chromedp.EmulateViewport(size[0], max(size[1], size[2])))
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		buf, err := chromedp.Run(bctx, chromedp.CaptureScreenshot())
		if err == nil {
			err = chromedp.Do(bctx, chromedp.EmulateViewport(size[0], size[1]))
		}
		if err != nil {
			t.Fatalf("screenshot %s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(shots, name+".png"), buf, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	text := func(sel string) string {
		t.Helper()
		s, err := chromedp.Run(bctx, chromedp.Text(chromedp.CSS(sel)))
		if err != nil {
			t.Fatalf("text of %s: %v", sel, err)
		}
		return s
	}
	visible := func(sel string) chromedp.Action[chromedp.Void] { return chromedp.WaitVisible(chromedp.CSS(sel)) }
	click := func(sel string) chromedp.Action[chromedp.Void] { return chromedp.Click(chromedp.CSS(sel)) }

	// Search: a spelling the other articles do not use still finds them.
	step("search page", chromedp.Navigate(ts.URL+"/?q="+url.QueryEscape("يوهانسن")), visible(`ol.hits li.hit`))
	shot("1-search")
	dir := eval[string](t, bctx, `document.documentElement.dir`)
	bodyDir := eval[string](t, bctx, `getComputedStyle(document.body).direction`)
	hits := eval[int](t, bctx, `document.querySelectorAll('ol.hits li.hit').length`)
	marks := eval[int](t, bctx, `document.querySelectorAll('ol.hits .snippet mark').length`)
	snippet := text(`ol.hits li.hit .snippet`)
	if dir != "rtl" || bodyDir != "rtl" {
		t.Errorf("search page direction: html dir=%q, computed %q; want rtl", dir, bodyDir)
	}
	if hits < 5 {
		t.Errorf("%d hits for يوهانسن, want the envoy's articles in both spellings (at least 5)", hits)
	}
	if marks == 0 || snippet == "" {
		t.Errorf("snippets: %d marks in %q", marks, snippet)
	}

	// Open the first result: the article with coloured entity marks.
	step("article page", click(`ol.hits li.hit h2 a`), visible(`article.doc`))
	shot("2-article")
	ents := eval[int](t, bctx, `document.querySelectorAll('article.doc .text a.ent').length`)
	legend := eval[int](t, bctx, `document.querySelectorAll('.legend .ent').length`)
	headline := text(`article.doc h1`)
	entityHref := eval[string](t, bctx, `(document.querySelector('article.doc .text a.ent.PER') || {getAttribute: () => ''}).getAttribute('href')`)
	if ents == 0 || legend == 0 {
		t.Errorf("article %q: %d entity marks, %d legend entries; want both", headline, ents, legend)
	}
	if !strings.HasPrefix(entityHref, "/entity/") {
		t.Fatalf("no person mark links to an entity page (href %q)", entityHref)
	}

	// Follow the person: every spelling, mentions per day, articles.
	step("entity page", click(`article.doc .text a.ent.PER`), visible(`.entity-head h1`))
	shot("3-entity")
	name := text(`.entity-head h1`)
	aliases := eval[int](t, bctx, `document.querySelectorAll('.aliases li').length`)
	articles := eval[int](t, bctx, `document.querySelectorAll('.articles li.hit').length`)
	bars := eval[int](t, bctx, `document.querySelectorAll('svg.histogram rect').length`)
	if name == "" || aliases == 0 || articles == 0 || bars == 0 {
		t.Errorf("entity page %q: %d spellings, %d articles, %d bars", name, aliases, articles, bars)
	}

	// Stories: the wire copies of one story are grouped.
	step("stories page", chromedp.Navigate(ts.URL+"/stories"), visible(`main h1`))
	shot("4-stories")
	if n := eval[int](t, bctx, `document.querySelectorAll('section.story').length`); n == 0 {
		t.Error("stories page lists no story")
	}
	if n := eval[int](t, bctx, `document.querySelectorAll('section.story .badge').length`); n == 0 {
		t.Error("no story marks its original")
	}

	// Paste: analyze a text at once, nothing stored.
	step("paste page", chromedp.Navigate(ts.URL+"/paste"), visible(`textarea[name=text]`),
		chromedp.SetValue(chromedp.CSS(`textarea[name=text]`), article1), click(`form.paste button[type=submit]`), visible(`article.doc`))
	shot("5-paste")
	if n := eval[int](t, bctx, `document.querySelectorAll('article.doc a.ent').length`); n == 0 {
		t.Error("paste: no entity marks in the analysis")
	}

	// Feeds: add one through the form, poll it, and see its counts; its
	// items (summaries only) are read from their pages and searchable.
	step("feeds page", chromedp.Navigate(ts.URL+"/feeds"), visible(`form.add input[name=url]`),
		chromedp.SetValue(chromedp.CSS(`form.add input[name=url]`), feedSrv.URL+"/rss.xml"),
		click(`form.add button[type=submit]`), visible(`table.feeds`))
	fs := poller.List()
	if len(fs) != 1 {
		t.Fatalf("%d feeds after the form, want 1", len(fs))
	}
	if err := poller.Poll(ctx, fs[0].ID); err != nil {
		t.Fatalf("polling the test feed: %v", err)
	}
	step("feeds page after a poll", chromedp.Reload(), visible(`table.feeds`))
	shot("9-feeds")
	if row := text(`table.feeds tbody tr`); !strings.Contains(row, "2") || strings.Contains(row, "أبدًا") {
		t.Errorf("feed row after a poll = %q; want 2 items and a last success", row)
	}
	step("search a fed article", chromedp.Navigate(ts.URL+"/?q="+url.QueryEscape("الفسيفساء")), visible(`ol.hits li.hit`))
	if n := eval[int](t, bctx, `document.querySelectorAll('ol.hits li.hit').length`); n != 1 {
		t.Errorf("%d hits for a word of a fed article, want 1", n)
	}

	// Alerts: save a search through the form; it lists its matches.
	step("alerts page", chromedp.Navigate(ts.URL+"/alerts"), visible(`form.add input[name=query]`),
		chromedp.SetValue(chromedp.CSS(`form.add input[name=query]`), "الراشدي"),
		click(`form.add button[type=submit]`), visible(`section.alert`))
	shot("10-alerts")
	if n := eval[int](t, bctx, `document.querySelectorAll('section.alert ol li').length`); n < 5 {
		t.Errorf("the alert lists %d matches, want the minister's articles (at least 5)", n)
	}

	// English labels, then a narrow screen that does not scroll sideways.
	q := url.QueryEscape("/?q=" + url.QueryEscape("الراشدي"))
	step("english labels", chromedp.Navigate(ts.URL+"/lang?to=en&back="+q), visible(`ol.hits`))
	shot("6-search-en")
	if n := eval[int](t, bctx, `document.querySelectorAll('ol.hits a[href^="/stories#"]').length`); n < 2 {
		t.Errorf("%d results link to their story, want the wire copies' (at least 2)", n)
	}
	if label := text(`.top nav a`); label != "Search" {
		t.Errorf("first nav label with the English toggle = %q, want Search", label)
	}
	step("narrow screen", chromedp.EmulateViewport(390, 844), chromedp.Navigate(ts.URL+"/lang?to=ar&back="+q), visible(`ol.hits`))
	shot("7-search-narrow")
	if eval[bool](t, bctx, `document.documentElement.scrollWidth > window.innerWidth + 1`) {
		t.Error("the search page scrolls sideways on a 390px screen")
	}
	step("narrow article", click(`ol.hits li.hit h2 a`), visible(`article.doc`))
	shot("8-article-narrow")
	if eval[bool](t, bctx, `document.documentElement.scrollWidth > window.innerWidth + 1`) {
		t.Error("the article page scrolls sideways on a 390px screen")
	}
}

// newFeedServer serves an RSS feed of two items that carry only a summary,
// and the two article pages they link to.
func newFeedServer() *httptest.Server {
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/rss.xml", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>نشرة تجريبية</title>
<item><guid>%[1]s/a/1</guid><link>%[1]s/a/1</link><title>ترميم لوحات الفسيفساء في مادبا</title><description>ملخص قصير</description><pubDate>Tue, 31 Mar 2026 08:00:00 +0300</pubDate></item>
<item><guid>%[1]s/a/2</guid><link>%[1]s/a/2</link><title>مهرجان للزيتون في عجلون</title><description>ملخص قصير</description><pubDate>Tue, 31 Mar 2026 09:00:00 +0300</pubDate></item>
</channel></rss>`, srv.URL)
	})
	pages := map[string][2]string{
		"/a/1": {"ترميم لوحات الفسيفساء في مادبا", "بدأت دائرة الآثار ترميم لوحات الفسيفساء في كنائس مادبا القديمة بمشاركة خبراء محليين. وقال مدير المشروع إن العمل يستمر ثمانية أشهر ويشمل توثيق كل لوحة بالتصوير. وتستقبل المدينة آلاف الزوار كل شهر لرؤية خريطتها الفسيفسائية الشهيرة."},
		"/a/2": {"مهرجان للزيتون في عجلون", "افتتح في عجلون مهرجان سنوي لمنتجات الزيتون يشارك فيه مئة وعشرون مزارعًا من قرى المحافظة. وقالت إحدى المشاركات إن المهرجان يفتح أمام الأسر الريفية سوقًا لا تصل إليها عادة. ويستمر المهرجان ثلاثة أيام في ساحة البلدية."},
	}
	for path, pg := range pages {
		mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
			fmt.Fprintf(w, `<!doctype html><html lang="ar"><head><title>%s</title><meta property="article:published_time" content="2026-03-31T08:00:00+03:00"></head>
<body><nav><a href="/">الرئيسية</a></nav><article><h1>%s</h1><p>%s</p><p>%s</p></article><footer>حقوق النشر</footer></body></html>`, pg[0], pg[0], pg[1], pg[1])
		})
	}
	srv = httptest.NewServer(mux)
	return srv
}

// eval evaluates a JavaScript expression in the page and returns its value.
func eval[T any](t *testing.T, ctx context.Context, js string) T {
	t.Helper()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		t.Fatalf("evaluating %s: %v", js, err)
	}
	return v
}
