package worker

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"time"

	"akhbar/article"
	"akhbar/feeds"
	"akhbar/store/postgres"
)

// feed claims one feed that is due, polls it once through package feeds
// and queues its items as article jobs (the queue's keys drop items seen
// before), then makes the feed due again after FeedInterval. It returns
// how many feeds it claimed.
func (w *runner) feed(ctx context.Context) (int, error) {
	jobs, err := w.db.Claim(ctx, w.opts.ID, postgres.KindFeed, 1, w.opts.Lease, 0)
	if err != nil || len(jobs) == 0 {
		return 0, err
	}
	j := jobs[0]
	url := string(j.Payload)
	var queued []postgres.Job
	p := feeds.NewPoller(feeds.Options{
		Client:  &http.Client{},
		Timeout: 30 * time.Second,
		Sink: func(ctx context.Context, it feeds.Item) error {
			a, err := itemArticle(ctx, it)
			if err != nil {
				fmt.Fprintf(w.opts.Log, "worker %s: feed %s: item %s: %v\n", w.opts.ID, url, it.Link, err)
				return nil
			}
			job, err := ArticleJob(a)
			if err != nil {
				return err
			}
			queued = append(queued, job)
			return nil
		},
	})
	f, err := p.Add(url, w.opts.FeedInterval)
	if err != nil {
		// Not a feed URL at all: polling again cannot help.
		w.stats.Failed++
		return 1, w.db.Fail(ctx, j.Key, err)
	}
	perr := p.Poll(ctx, f.ID)
	if ctx.Err() != nil {
		return 1, ctx.Err()
	}
	if _, err := w.db.Enqueue(ctx, queued); err != nil {
		return 1, err
	}
	if perr != nil {
		fmt.Fprintf(w.opts.Log, "worker %s: feed %s: %v\n", w.opts.ID, url, perr)
	}
	w.stats.Feeds++
	return 1, w.db.Reschedule(ctx, j.Key, time.Now().Add(w.opts.FeedInterval), perr)
}

// itemArticle reads a feed item's HTML into an Article, keeping the
// feed's title, link and date where the page gives none.
func itemArticle(ctx context.Context, it feeds.Item) (*article.Article, error) {
	html := it.HTML
	if strings.TrimSpace(html) == "" {
		html = it.Summary
	}
	a, err := article.ReadHTML(ctx, strings.NewReader(html), it.Link, it.Link)
	if err != nil {
		return nil, err
	}
	if a.Headline == "" {
		a.Headline = it.Title
	}
	if a.URL == "" {
		a.URL = it.Link
	}
	if a.Published.IsZero() && !it.Published.IsZero() {
		a.Published = article.Timestamp{Time: it.Published, Clock: true, Zone: true}
	}
	return a, nil
}
