package worker

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"akhbar/store/postgres"
)

// TestFeedJobQueuesItems: a worker claims a due feed, polls it, queues its
// items as articles, stores them, and does not poll the feed again before
// its interval.
func TestFeedJobQueuesItems(t *testing.T) {
	db, _, _ := testDB(t)
	ctx := context.Background()
	polls := 0
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		polls++
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		fmt.Fprintf(w, `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>أخبار المدينة</title><link>%[1]s/</link>
<item><title>افتتاح مكتبة عامة في وسط المدينة</title><link>%[1]s/library</link><guid>library</guid>
<pubDate>Thu, 06 Jan 2022 10:00:00 +0300</pubDate>
<content:encoded><![CDATA[<p>افتتح رئيس البلدية صباح اليوم مكتبة عامة جديدة في وسط المدينة تضم آلاف الكتب وقاعة للأطفال.</p><p>وقال رئيس البلدية إن المكتبة ستفتح أبوابها يوميا من الصباح حتى المساء وإن الدخول إليها مجاني لجميع السكان.</p>]]></content:encoded></item>
<item><title>أمطار غزيرة متوقعة نهاية الأسبوع</title><link>%[1]s/rain</link><guid>rain</guid>
<pubDate>Fri, 07 Jan 2022 08:30:00 +0300</pubDate>
<content:encoded><![CDATA[<p>توقعت هيئة الأرصاد هطول أمطار غزيرة على المناطق الشمالية نهاية الأسبوع مع انخفاض درجات الحرارة.</p><p>ودعت الهيئة السائقين إلى الحذر على الطرق السريعة وتجنب السفر في الليل إلا للضرورة خلال أيام العاصفة.</p>]]></content:encoded></item>
</channel></rss>`, "http://"+r.Host)
	}))
	defer srv.Close()
	if _, err := db.Enqueue(ctx, []postgres.Job{FeedJob(srv.URL + "/rss.xml")}); err != nil {
		t.Fatal(err)
	}
	rctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	s, err := Run(rctx, db, copyAnalyzer{}, Options{ID: "feeder", Idle: 20 * time.Millisecond, ExitWhenIdle: true, Log: testLog{t}})
	if err != nil {
		t.Fatal(err)
	}
	n, pending := count(t, db)
	if s.Feeds != 1 || polls != 1 || n != 2 || pending != 0 {
		t.Errorf("feeds polled %d (%d requests), %d articles stored, %d pending; want 1, 1, 2, 0", s.Feeds, polls, n, pending)
	}
	qs, err := db.Queue(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range qs {
		if q.Kind == "feed" && (q.State != "pending" || q.Leased != 0) {
			t.Errorf("feed job after polling: %+v, want pending again (due later) and not leased", q)
		}
	}
}

// testLog sends a worker's log lines to the test's log.
type testLog struct{ t *testing.T }

func (l testLog) Write(p []byte) (int, error) {
	l.t.Log(string(p))
	return len(p), nil
}
