package feeds

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// rss builds a small RSS document with the given items (guid, title,
// description).
func rss(items ...[3]string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>أخبار تجريبية</title>`)
	for _, it := range items {
		fmt.Fprintf(&b, `<item><guid>%s</guid><title>%s</title><link>%s</link><description>%s</description></item>`, it[0], it[1], it[0], it[2])
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

type collector struct {
	mu    sync.Mutex
	items []Item
}

func (c *collector) sink(_ context.Context, it Item) error {
	c.mu.Lock()
	c.items = append(c.items, it)
	c.mu.Unlock()
	return nil
}

func (c *collector) len() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.items)
}

func TestPollHonoursETagAndSeesChanges(t *testing.T) {
	var mu sync.Mutex
	etag := `"v1"`
	long := strings.Repeat("نص المقال الكامل في الخلاصة. ", 40)
	body := rss([3]string{"http://x/1", "خبر أول", long})
	var conditional atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if r.Header.Get("If-None-Match") == etag {
			conditional.Add(1)
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("ETag", etag)
		fmt.Fprint(w, body)
	}))
	defer srv.Close()
	var got collector
	p := NewPoller(Options{Sink: got.sink, Timeout: 5 * time.Second})
	f, err := p.Add(srv.URL+"/feed.xml", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if err := p.Poll(ctx, f.ID); err != nil {
		t.Fatalf("first poll: %v", err)
	}
	if got.len() != 1 {
		t.Fatalf("first poll delivered %d items, want 1", got.len())
	}
	if err := p.Poll(ctx, f.ID); err != nil {
		t.Fatalf("second poll: %v", err)
	}
	if conditional.Load() != 1 || got.len() != 1 {
		t.Fatalf("second poll: %d conditional hits, %d items; want 1 and 1 (304 Not Modified)", conditional.Load(), got.len())
	}
	mu.Lock()
	etag = `"v2"`
	body = rss([3]string{"http://x/2", "خبر ثان", long}, [3]string{"http://x/1", "خبر أول", long})
	mu.Unlock()
	if err := p.Poll(ctx, f.ID); err != nil {
		t.Fatalf("third poll: %v", err)
	}
	if got.len() != 2 || got.items[1].GUID != "http://x/2" {
		t.Fatalf("after the ETag changed: %d items, want the one new item delivered", got.len())
	}
	st, _ := p.Get(f.ID)
	if st.ETag != `"v2"` || st.Items != 2 || st.LastSuccess.IsZero() || st.LastError != "" {
		t.Errorf("feed state = %+v", st)
	}
}

func TestPollBacksOffOnServerError(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "boom", http.StatusInternalServerError)
	}))
	defer srv.Close()
	now := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)
	p := NewPoller(Options{Now: func() time.Time { return now }, MaxBackoff: time.Hour})
	f, err := p.Add(srv.URL, 10*time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	for i, want := range []time.Duration{20 * time.Minute, 40 * time.Minute, time.Hour, time.Hour} {
		err := p.Poll(context.Background(), f.ID)
		if err == nil || !strings.Contains(err.Error(), "500") {
			t.Fatalf("poll %d: error %v, want one naming HTTP 500", i+1, err)
		}
		st, _ := p.Get(f.ID)
		if got := st.NextPoll.Sub(now); got != want {
			t.Errorf("after %d errors the next poll is in %v, want %v", i+1, got, want)
		}
		if st.ErrorCount != i+1 || !strings.Contains(st.LastError, "500") {
			t.Errorf("after %d errors: state %+v", i+1, st)
		}
	}
}

func TestPollGivesUpOnAHangingServer(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-release:
		}
	}))
	defer srv.Close()
	defer close(release)
	p := NewPoller(Options{Timeout: 200 * time.Millisecond})
	f, err := p.Add(srv.URL, time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Now()
	err = p.Poll(context.Background(), f.ID)
	if err == nil {
		t.Fatal("poll of a hanging server succeeded")
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("poll took %v; the 200ms timeout did not hold", took)
	}
	st, _ := p.Get(f.ID)
	if st.ErrorCount != 1 || st.LastError == "" {
		t.Errorf("state after a timeout = %+v", st)
	}
}

func TestSummaryOnlyItemsFetchThePage(t *testing.T) {
	mux := http.NewServeMux()
	var srv *httptest.Server
	mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, rss([3]string{srv.URL + "/a/1", "عنوان قصير", "ملخص من سطر واحد"}))
	})
	mux.HandleFunc("/a/1", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><body><article><h1>عنوان قصير</h1><p>النص الكامل للمقال هنا.</p></article></body></html>`)
	})
	srv = httptest.NewServer(mux)
	defer srv.Close()
	var got collector
	p := NewPoller(Options{Sink: got.sink})
	f, err := p.Add(srv.URL+"/feed", time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	if err := p.Poll(context.Background(), f.ID); err != nil {
		t.Fatal(err)
	}
	if got.len() != 1 {
		t.Fatalf("%d items, want 1", got.len())
	}
	it := got.items[0]
	if !it.Page || !strings.Contains(it.HTML, "النص الكامل للمقال") || it.Summary != "ملخص من سطر واحد" {
		t.Errorf("item = %+v; want the page fetched", it)
	}
}

func TestOneHostIsNeverFetchedInParallel(t *testing.T) {
	var inFlight, most atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		for {
			m := most.Load()
			if n <= m || most.CompareAndSwap(m, n) {
				break
			}
		}
		time.Sleep(30 * time.Millisecond)
		inFlight.Add(-1)
		fmt.Fprint(w, rss())
	}))
	defer srv.Close()
	p := NewPoller(Options{})
	var ids []string
	for i := range 4 {
		f, err := p.Add(fmt.Sprintf("%s/feed%d", srv.URL, i), time.Minute)
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, f.ID)
	}
	var wg sync.WaitGroup
	for _, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := p.Poll(context.Background(), id); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if most.Load() != 1 {
		t.Errorf("%d requests to one host ran at once, want 1", most.Load())
	}
}

func TestRunPollsDueFeedsUntilCancelled(t *testing.T) {
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		fmt.Fprint(w, rss())
	}))
	defer srv.Close()
	p := NewPoller(Options{})
	if _, err := p.Add(srv.URL, time.Hour); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { p.Run(ctx); close(done) }()
	deadline := time.Now().Add(5 * time.Second)
	for hits.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	cancel()
	<-done
	if hits.Load() != 1 {
		t.Errorf("Run fetched the feed %d times in its first second, want 1", hits.Load())
	}
}

func TestCheckURL(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // substring of the error; "" means accepted
	}{
		{"https://example.com/rss.xml", ""},
		{"http://example.com:8080/feed", ""},
		{"file:///etc/passwd", "not http or https"},
		{"ftp://example.com/feed", "not http or https"},
		{"javascript:alert(1)", "not http or https"},
		{"http:///nohost", "no host"},
		{"https://user:pw@example.com/", "credentials"},
		{"", "not http or https"},
		{"http://exa mple.com/", "invalid"},
	} {
		_, err := CheckURL(tc.in)
		switch {
		case tc.want == "" && err != nil:
			t.Errorf("CheckURL(%q) = %v, want accepted", tc.in, err)
		case tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)):
			t.Errorf("CheckURL(%q) = %v, want an error with %q", tc.in, err, tc.want)
		}
	}
}

func TestSameHost(t *testing.T) {
	for _, tc := range []struct {
		url, addr string
		want      bool
	}{
		{"http://127.0.0.1:8080/feed", "127.0.0.1:8080", true},
		{"http://localhost:8080/", "127.0.0.1:8080", true},
		{"http://[::1]:8080/", "127.0.0.1:8080", true},
		{"http://0.0.0.0:8080/", "[::]:8080", true},
		{"http://127.0.0.1:8081/", "127.0.0.1:8080", false},
		{"http://example.com/", "127.0.0.1:80", false},
		{"http://localhost/", "127.0.0.1:80", true},
	} {
		u, err := url.Parse(tc.url)
		if err != nil {
			t.Fatal(err)
		}
		if got := SameHost(u, tc.addr); got != tc.want {
			t.Errorf("SameHost(%s, %s) = %v, want %v", tc.url, tc.addr, got, tc.want)
		}
	}
}

func TestAddRemoveList(t *testing.T) {
	p := NewPoller(Options{MinInterval: time.Minute, Refuse: func(u *url.URL) error {
		if u.Hostname() == "blocked.example" {
			return fmt.Errorf("refused")
		}
		return nil
	}})
	a, err := p.Add("https://a.example/rss", time.Second)
	if err != nil {
		t.Fatal(err)
	}
	if a.Interval != time.Minute {
		t.Errorf("interval %v, want raised to the 1m minimum", a.Interval)
	}
	again, _ := p.Add("https://a.example/rss", time.Hour)
	if again.ID != a.ID {
		t.Errorf("adding the same URL twice made two feeds")
	}
	if _, err := p.Add("https://blocked.example/rss", time.Hour); err == nil {
		t.Error("Refuse was not asked")
	}
	if err := p.Remove(a.ID); err != nil {
		t.Fatal(err)
	}
	if err := p.Remove(a.ID); err == nil {
		t.Error("removing twice succeeded")
	}
	if len(p.List()) != 0 {
		t.Errorf("List after remove = %v", p.List())
	}
}
