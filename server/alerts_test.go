package server_test

import (
	"context"
	"encoding/json"
	"encoding/xml"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"akhbar/server"
)

func TestAlertsNotifyNewMatches(t *testing.T) {
	var mu sync.Mutex
	var posts []map[string]any
	hook := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var p map[string]any
		b, _ := io.ReadAll(r.Body)
		if err := json.Unmarshal(b, &p); err != nil || r.Method != http.MethodPost {
			t.Errorf("webhook got %s %q", r.Method, b)
		}
		mu.Lock()
		posts = append(posts, p)
		mu.Unlock()
	}))
	defer hook.Close()
	s, ts := newServer(t, server.Config{})
	ctx := context.Background()
	if _, _, err := s.Ingest(ctx, server.Input{Text: "ارتفاع أسعار الذهب في عمّان مع اقتراب موسم الأعراس"}); err != nil {
		t.Fatal(err)
	}
	r := do(t, "POST", ts.URL+"/api/alerts", "application/json", `{"name":"الذهب","query":"الذهب","webhook":"`+hook.URL+`"}`)
	if r.status != http.StatusCreated {
		t.Fatalf("add alert: %d %s", r.status, r.body)
	}
	var a server.Alert
	if err := json.Unmarshal([]byte(r.body), &a); err != nil {
		t.Fatal(err)
	}
	if len(a.Matches) != 1 {
		t.Errorf("a new alert starts with the %d articles already matching, want 1", len(a.Matches))
	}
	// A matching article and one that does not match.
	for _, text := range []string{"تراجع الذهب في الأسواق العالمية بعد قرار الفائدة", "افتتاح معرض للكتاب في الزرقاء"} {
		if _, _, err := s.Ingest(ctx, server.Input{Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	mu.Lock()
	if len(posts) != 1 {
		t.Fatalf("webhook got %d posts, want 1 (the one new match)", len(posts))
	}
	matches, _ := posts[0]["matches"].([]any)
	mu.Unlock()
	if len(matches) != 1 || !strings.Contains(matches[0].(map[string]any)["headline"].(string), "تراجع الذهب") {
		t.Errorf("webhook payload matches = %v", matches)
	}
	r = do(t, "GET", ts.URL+"/api/alerts/"+a.ID+"/atom", "", "")
	var feed struct {
		Title   string `xml:"title"`
		Entries []struct {
			Title string `xml:"title"`
		} `xml:"entry"`
	}
	if r.status != 200 || !strings.HasPrefix(r.header.Get("Content-Type"), "application/atom+xml") {
		t.Fatalf("atom: %d %s", r.status, r.header.Get("Content-Type"))
	}
	if err := xml.Unmarshal([]byte(r.body), &feed); err != nil {
		t.Fatalf("atom feed does not parse: %v\n%s", err, r.body)
	}
	if len(feed.Entries) != 2 || !strings.Contains(feed.Entries[0].Title, "تراجع الذهب") {
		t.Errorf("atom entries = %+v, want the new match first, then the first one", feed.Entries)
	}
	if r := do(t, "DELETE", ts.URL+"/api/alerts/"+a.ID, "", ""); r.status != http.StatusNoContent {
		t.Errorf("delete alert: %d", r.status)
	}
	if r := do(t, "GET", ts.URL+"/api/alerts/"+a.ID+"/atom", "", ""); r.status != http.StatusNotFound {
		t.Errorf("atom of a deleted alert: %d", r.status)
	}
}

func TestWebhookPointingAtTheServerIsRefused(t *testing.T) {
	_, ts := newServer(t, server.Config{})
	r := do(t, "POST", ts.URL+"/api/alerts", "application/json", `{"query":"الذهب","webhook":"`+ts.URL+`/api/articles"}`)
	if r.status != 400 || !strings.Contains(r.body, "points at this server") {
		t.Errorf("%d %s", r.status, r.body)
	}
}
