package server_test

import (
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"akhbar/analysis"
	"akhbar/feeds"
	"akhbar/server"
	"akhbar/server/memstore"
)

var (
	azOnce sync.Once
	az     *analysis.Analyzer
	azErr  error
)

func analyzer(t testing.TB) *analysis.Analyzer {
	t.Helper()
	azOnce.Do(func() { az, azErr = analysis.New(analysis.Options{}) })
	if azErr != nil {
		t.Fatal(azErr)
	}
	return az
}

// newServer starts a server over an empty in-memory store.
func newServer(t testing.TB, cfg server.Config) (*server.Server, *httptest.Server) {
	t.Helper()
	if cfg.Store == nil {
		cfg.Store = memstore.New()
	}
	cfg.Analyzer = analyzer(t)
	if cfg.Logger == nil {
		cfg.Logger = slog.New(slog.DiscardHandler)
	}
	if cfg.Feeds == nil {
		cfg.Feeds = feeds.NewPoller(feeds.Options{})
	}
	s, err := server.New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(s)
	s.SetSelf(ts.Listener.Addr().String())
	t.Cleanup(ts.Close)
	return s, ts
}

type reply struct {
	status int
	header http.Header
	body   string
}

func do(t testing.TB, method, u, ctype, body string, hdr ...string) reply {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if ctype != "" {
		req.Header.Set("Content-Type", ctype)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return reply{resp.StatusCode, resp.Header, string(b)}
}

const article1 = `وزير الزراعة سامر الخطيب يفتتح سوقًا للمزارعين في إربد

إربد – افتتح وزير الزراعة سامر الخطيب، يوم الأحد، سوقًا أسبوعية للمزارعين في مدينة إربد.

وقال الخطيب: "السوق تختصر الطريق بين الحقل والبيت".`

func TestBadInputGetsAClearJSONError(t *testing.T) {
	_, ts := newServer(t, server.Config{MaxBody: 1 << 10})
	big := `{"text":"` + strings.Repeat("ع", 2000) + `"}`
	for _, tc := range []struct {
		name, method, path, ctype, body string
		status                          int
		want                            string
	}{
		{"malformed JSON", "POST", "/api/analyze", "application/json", `{"text": "نص`, 400, "malformed JSON"},
		{"unknown field", "POST", "/api/analyze", "application/json", `{"txt": "نص"}`, 400, "unknown field"},
		{"empty body", "POST", "/api/analyze", "application/json", ``, 400, "empty request body"},
		{"empty article", "POST", "/api/analyze", "application/json", `{"text": "   "}`, 400, "empty article"},
		{"two values", "POST", "/api/analyze", "application/json", `{"text":"أ"}{"text":"ب"}`, 400, "more than one value"},
		{"not UTF-8", "POST", "/api/analyze", "text/plain", "\xff\xfe نص", 400, "UTF-8"},
		{"wrong content type", "POST", "/api/analyze", "image/png", "x", 400, "content type"},
		{"too large", "POST", "/api/analyze", "application/json", big, 413, "larger than 1024 bytes"},
		{"bad date", "POST", "/api/analyze", "application/json", `{"text":"نص","published":"2026-02-30"}`, 400, "published"},
		{"HTML without text", "POST", "/api/analyze", "text/html", `<html><script>x()</script></html>`, 400, "no article text"},
		{"path traversal", "GET", "/api/articles/..%2F..%2Fetc%2Fpasswd", "", "", 400, "no slashes"},
		{"dot dot id", "GET", "/api/articles/%2E%2E", "", "", 400, "no slashes"},
		{"missing article", "GET", "/api/articles/nope", "", "", 404, "not found"},
		{"missing entity", "GET", "/api/entities/per:nobody", "", "", 404, "not found"},
		{"unknown endpoint", "GET", "/api/nothing", "", "", 404, "no endpoint"},
		{"bad date filter", "GET", "/api/search?q=x&from=yesterday", "", "", 400, "not a date"},
		{"bad type filter", "GET", "/api/search?type=CAT", "", "", 400, "PER, ORG, LOC, MISC"},
		{"bad limit", "GET", "/api/search?limit=-3", "", "", 400, "not a count"},
		{"bad format", "GET", "/api/search?format=xml", "", "", 400, "json or csv"},
		{"query too long", "GET", "/api/search?q=" + strings.Repeat("ب", 1001), "", "", 400, "at most 1000"},
		{"trend without q", "GET", "/api/trend", "", "", 400, "q is required"},
		{"feed with file scheme", "POST", "/api/feeds", "application/json", `{"url":"file:///etc/passwd"}`, 400, "not http or https"},
		{"feed with bad interval", "POST", "/api/feeds", "application/json", `{"url":"https://example.com/rss","interval":"often"}`, 400, "interval"},
		{"alert without query", "POST", "/api/alerts", "application/json", `{"name":"x"}`, 400, "needs a query or an entity"},
		{"alert webhook scheme", "POST", "/api/alerts", "application/json", `{"query":"x","webhook":"gopher://h/"}`, 400, "not http or https"},
		{"delete unknown feed", "DELETE", "/api/feeds/f99", "", "", 404, "not found"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := do(t, tc.method, ts.URL+tc.path, tc.ctype, tc.body)
			if r.status != tc.status {
				t.Errorf("status %d, want %d; body %s", r.status, tc.status, r.body)
			}
			var e struct {
				Error  string `json:"error"`
				Status int    `json:"status"`
			}
			if err := json.Unmarshal([]byte(r.body), &e); err != nil {
				t.Fatalf("error body is not JSON: %q", r.body)
			}
			if !strings.Contains(e.Error, tc.want) || e.Status != tc.status {
				t.Errorf("error %+v, want it to say %q", e, tc.want)
			}
		})
	}
}

func TestFeedPointingAtTheServerIsRefused(t *testing.T) {
	_, ts := newServer(t, server.Config{})
	u, _ := url.Parse(ts.URL)
	for _, target := range []string{ts.URL + "/api/feeds", "http://localhost:" + u.Port() + "/x"} {
		r := do(t, "POST", ts.URL+"/api/feeds", "application/json", `{"url":"`+target+`"}`)
		if r.status != 400 || !strings.Contains(r.body, "points at this server") {
			t.Errorf("feed %s: %d %s; want 400 'points at this server'", target, r.status, r.body)
		}
	}
}

func TestIngestSearchExport(t *testing.T) {
	_, ts := newServer(t, server.Config{})
	in, _ := json.Marshal(map[string]any{"text": article1, "site": "الضفة", "url": "https://example.org/a1", "published": "2026-03-01T09:00:00+03:00"})
	r := do(t, "POST", ts.URL+"/api/articles", "application/json", string(in))
	if r.status != http.StatusCreated {
		t.Fatalf("ingest: %d %s", r.status, r.body)
	}
	var got struct {
		ID      string `json:"id"`
		Created bool   `json:"created"`
	}
	if err := json.Unmarshal([]byte(r.body), &got); err != nil || got.ID == "" || !got.Created {
		t.Fatalf("ingest reply %s", r.body)
	}
	if r := do(t, "POST", ts.URL+"/api/articles", "application/json", string(in)); r.status != http.StatusOK || !strings.Contains(r.body, `"created":false`) {
		t.Errorf("second ingest of the same URL: %d %s; want 200 created:false", r.status, r.body)
	}
	r = do(t, "GET", ts.URL+"/api/articles/"+url.PathEscape(got.ID), "", "")
	if r.status != 200 || !strings.Contains(r.body, `"site":"الضفة"`) {
		t.Fatalf("get: %d %s", r.status, r.body)
	}
	r = do(t, "GET", ts.URL+"/api/search?q="+url.QueryEscape("المزارعين"), "", "")
	var res server.Results
	if err := json.Unmarshal([]byte(r.body), &res); err != nil || res.Total != 1 || res.Hits[0].ID != got.ID {
		t.Fatalf("search: %d %s", r.status, r.body)
	}
	marked := false
	for _, f := range res.Hits[0].Snippet {
		marked = marked || f.Mark
	}
	if !marked {
		t.Errorf("snippet has no marked match: %+v", res.Hits[0].Snippet)
	}
	r = do(t, "GET", ts.URL+"/api/search?format=csv&q="+url.QueryEscape("المزارعين"), "", "")
	lines := strings.Split(strings.TrimSpace(r.body), "\n")
	if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "text/csv") || len(lines) != 2 || !strings.HasPrefix(lines[0], "id,published,site") {
		t.Errorf("csv export: %d %q", r.status, r.body)
	}
	if r := do(t, "GET", ts.URL+"/api/trend?q="+url.QueryEscape("المزارعين"), "", ""); r.status != 200 || !strings.Contains(r.body, `"period":"2026-02-23"`) {
		t.Errorf("trend: %d %s", r.status, r.body)
	}
	r = do(t, "GET", ts.URL+"/metrics", "", "")
	for _, want := range []string{`akhbar_ingest_total{outcome="stored"} 1`, `akhbar_ingest_total{outcome="duplicate"} 1`, "akhbar_search_seconds_count 2", "akhbar_analysis_seconds_count 2", "akhbar_articles 1"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("metrics lack %q:\n%s", want, r.body)
		}
	}
}

func TestTokenProtectsWrites(t *testing.T) {
	_, ts := newServer(t, server.Config{Token: "s3cret"})
	body := `{"text":"خبر قصير عن افتتاح مكتبة في الزرقاء"}`
	for _, tc := range []struct {
		name   string
		hdr    []string
		status int
	}{
		{"no token", nil, 401},
		{"wrong token", []string{"Authorization", "Bearer nope"}, 401},
		{"right token", []string{"Authorization", "Bearer s3cret"}, 201},
	} {
		r := do(t, "POST", ts.URL+"/api/articles", "application/json", body, tc.hdr...)
		if r.status != tc.status {
			t.Errorf("%s: %d %s, want %d", tc.name, r.status, r.body, tc.status)
		}
	}
	if r := do(t, "POST", ts.URL+"/api/analyze", "application/json", body); r.status != 200 {
		t.Errorf("analyze (no write) without token: %d", r.status)
	}
	if r := do(t, "DELETE", ts.URL+"/api/alerts/a1", "", ""); r.status != 401 {
		t.Errorf("delete without token: %d", r.status)
	}
	if r := do(t, "POST", ts.URL+"/feeds", "application/x-www-form-urlencoded", "url=https://example.com/rss&token=s3cret"); r.status != http.StatusSeeOther && r.status != 200 {
		t.Errorf("feeds form with the token field: %d %s", r.status, r.body)
	}
}

// slowStore blocks every search until its context ends.
type slowStore struct{ server.Store }

func (slowStore) Search(ctx context.Context, q server.Query) (*server.Results, error) {
	<-ctx.Done()
	return nil, ctx.Err()
}

func TestHandlersTimeOut(t *testing.T) {
	_, ts := newServer(t, server.Config{Store: slowStore{memstore.New()}, Timeout: 150 * time.Millisecond})
	start := time.Now()
	r := do(t, "GET", ts.URL+"/api/search?q=x", "", "")
	if r.status != http.StatusServiceUnavailable || !strings.Contains(r.body, "timed out") {
		t.Errorf("slow search: %d %s; want 503 timed out", r.status, r.body)
	}
	if time.Since(start) > 3*time.Second {
		t.Errorf("the 150ms timeout took %v", time.Since(start))
	}
}

func TestPagesEscapeArticleHTML(t *testing.T) {
	s, ts := newServer(t, server.Config{})
	evil := "عنوان <script>alert(1)</script>\n\nنص فيه <img src=x onerror=alert(2)> وسم خبيث."
	id, _, err := s.Ingest(context.Background(), server.Input{Text: evil})
	if err != nil {
		t.Fatal(err)
	}
	r := do(t, "GET", ts.URL+"/article/"+url.PathEscape(id), "", "")
	if r.status != 200 {
		t.Fatalf("article page: %d", r.status)
	}
	if strings.Contains(r.body, "<script>alert") || strings.Contains(r.body, "<img src=x") {
		t.Error("article page carries the article's markup unescaped")
	}
	if !strings.Contains(r.body, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("article page lost the escaped text")
	}
	csp := r.header.Get("Content-Security-Policy")
	if !strings.Contains(csp, "default-src 'none'") || strings.Contains(csp, "unsafe-inline") {
		t.Errorf("CSP = %q", csp)
	}
}

func TestPagesAreRightToLeft(t *testing.T) {
	s, ts := newServer(t, server.Config{})
	if _, _, err := s.Ingest(context.Background(), server.Input{Text: article1, Site: "Al Daffa 24", Published: "2026-03-01T09:00:00+03:00"}); err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/", "/?q=" + url.QueryEscape("الخطيب"), "/stories", "/paste", "/feeds", "/alerts", "/nowhere"} {
		r := do(t, "GET", ts.URL+path, "", "", "Accept", "text/html")
		if !strings.Contains(r.body, `<html lang="ar" dir="rtl">`) {
			t.Errorf("%s: not an RTL Arabic page", path)
		}
	}
	r := do(t, "GET", ts.URL+"/?q="+url.QueryEscape("الخطيب"), "", "")
	for _, want := range []string{"<mark>", "<bdi>Al Daffa 24</bdi>", "<svg", "1 مارس 2026"} {
		if !strings.Contains(r.body, want) {
			t.Errorf("search page lacks %q", want)
		}
	}
	// /search is the search page too.
	if r := do(t, "GET", ts.URL+"/search?q="+url.QueryEscape("الخطيب"), "", ""); !strings.Contains(r.body, "<mark>") {
		t.Error("/search?q= does not show the search results")
	}
	// The English toggle switches labels, not the page direction.
	req, _ := http.NewRequest("GET", ts.URL+"/stories", nil)
	req.AddCookie(&http.Cookie{Name: "akhbar_lang", Value: "en"})
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(b), ">Stories<") || !strings.Contains(string(b), `dir="rtl"`) {
		t.Error("English labels missing on /stories with the en cookie")
	}
	if r := do(t, "GET", ts.URL+"/lang?to=en&back=//evil.example/", "", ""); strings.Contains(r.header.Get("Location"), "evil") {
		t.Error("language toggle redirects off site")
	}
}

func TestPasteAnalyzesWithoutStoring(t *testing.T) {
	st := memstore.New()
	_, ts := newServer(t, server.Config{Store: st})
	r := do(t, "POST", ts.URL+"/paste", "application/x-www-form-urlencoded", url.Values{"text": {article1}, "mode": {"text"}}.Encode())
	if r.status != 200 || !strings.Contains(r.body, `class="ent PER"`) || !strings.Contains(r.body, "السوق تختصر الطريق") {
		t.Errorf("paste: %d; want the analysis with entity marks and the quote", r.status)
	}
	if st.Len() != 0 {
		t.Errorf("paste stored the article")
	}
}

func TestHeadlineQuoteShowsNoColonAsItsVerb(t *testing.T) {
	_, ts := newServer(t, server.Config{Store: memstore.New()})
	text := "الوزير سامي حداد: الميناء سيفتح أبوابه غدا\n\nقال الوزير سامي حداد إن الميناء سيفتح أبوابه غدا أمام السفن."
	r := do(t, "POST", ts.URL+"/paste", "application/x-www-form-urlencoded", url.Values{"text": {text}, "mode": {"text"}}.Encode())
	if r.status != 200 || !strings.Contains(r.body, `<span class="cue">(قال)</span>`) {
		t.Fatalf("paste: %d; want the quote with its verb قال", r.status)
	}
	if strings.Contains(r.body, `<span class="cue">(:)</span>`) {
		t.Error("the headline's quote shows the colon as its verb")
	}
}

// panickyStore panics on every search.
type panickyStore struct{ server.Store }

func (panickyStore) Search(context.Context, server.Query) (*server.Results, error) { panic("boom") }

func TestAPanicBecomesA500(t *testing.T) {
	_, ts := newServer(t, server.Config{Store: panickyStore{memstore.New()}})
	r := do(t, "GET", ts.URL+"/api/search?q=x", "", "")
	if r.status != 500 || !strings.Contains(r.body, `"error"`) {
		t.Errorf("%d %s; want a 500 JSON error", r.status, r.body)
	}
	if r := do(t, "GET", ts.URL+"/api/openapi.json", "", ""); r.status != 200 {
		t.Errorf("the server stopped answering after a panic: %d", r.status)
	}
}

// gateStore holds every search until gate is closed, whatever its context
// says, as a stuck store would.
type gateStore struct {
	server.Store
	gate chan struct{}
}

func (g gateStore) Search(ctx context.Context, q server.Query) (*server.Results, error) {
	<-g.gate
	return g.Store.Search(context.WithoutCancel(ctx), q)
}

func TestQueriesWaitForAFreeSlot(t *testing.T) {
	gate := make(chan struct{})
	_, ts := newServer(t, server.Config{Store: gateStore{memstore.New(), gate}, MaxQueries: 1, Timeout: 300 * time.Millisecond})
	first := make(chan reply, 1)
	go func() { first <- do(t, "GET", ts.URL+"/api/search?q=a", "", "") }()
	time.Sleep(50 * time.Millisecond) // the first search takes the only slot
	second := do(t, "GET", ts.URL+"/api/search?q=b", "", "")
	if second.status != http.StatusServiceUnavailable || !strings.Contains(second.body, "free query slot") {
		t.Errorf("second search while the slot is taken: %d %s; want 503 waiting for a slot", second.status, second.body)
	}
	close(gate)
	<-first
	if r := do(t, "GET", ts.URL+"/api/search?q=c", "", ""); r.status != 200 {
		t.Errorf("search after the slot freed: %d %s", r.status, r.body)
	}
}
