package server_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"akhbar/feeds"
	"akhbar/server"
	"akhbar/server/memstore"
)

func TestFeedsAndAlertsSurviveARestart(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.json")
	st := memstore.New()
	ctx := context.Background()
	s1, _ := newServer(t, server.Config{Store: st, StatePath: path})
	if _, _, err := s1.Ingest(ctx, server.Input{Text: "تراجع أسعار الذهب في الأسواق المحلية"}); err != nil {
		t.Fatal(err)
	}
	if _, err := s1.AddFeed("https://example.com/rss.xml", 30*time.Minute); err != nil {
		t.Fatal(err)
	}
	a, err := s1.AddAlert(ctx, server.Alert{Name: "ذهب", Query: "الذهب"})
	if err != nil {
		t.Fatal(err)
	}

	poller := feeds.NewPoller(feeds.Options{})
	s2, _ := newServer(t, server.Config{Store: st, StatePath: path, Feeds: poller})
	fs := poller.List()
	if len(fs) != 1 || fs[0].URL != "https://example.com/rss.xml" || fs[0].Interval != 30*time.Minute {
		t.Errorf("feeds after restart = %+v", fs)
	}
	got, err := s2.Alerts().Get(a.ID)
	if err != nil || got.Query != "الذهب" || len(got.Matches) != 1 {
		t.Errorf("alert after restart = %+v, %v", got, err)
	}
	// A new alert does not reuse the restored alert's id.
	b, err := s2.AddAlert(ctx, server.Alert{Query: "الأسواق"})
	if err != nil || b.ID == a.ID {
		t.Errorf("new alert id %q after restoring %q (%v)", b.ID, a.ID, err)
	}
	// A state file that is not JSON is an error naming the file.
	if err := os.WriteFile(path, []byte("{not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := server.New(server.Config{Store: st, Analyzer: analyzer(t), StatePath: path}); err == nil {
		t.Error("a corrupt state file was accepted")
	}
}
