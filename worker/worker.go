// Package worker runs akhbar's stateless workers over the PostgreSQL work
// queue: each claims a batch of pending articles with a lease (SELECT ...
// FOR UPDATE SKIP LOCKED), analyzes them and stores them and marks them
// done in one transaction. A worker that dies holds nothing for long: its
// lease runs out and another worker takes the batch; the store's key claim
// keeps every article stored exactly once. Feeds due for polling are
// claimed the same way and their new items queued as articles.
package worker

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strconv"
	"time"

	"akhbar/analysis"
	"akhbar/article"
	"akhbar/store"
	"akhbar/store/postgres"
)

// Analyzer turns an article into its Analysis; *analysis.Analyzer is one.
type Analyzer interface {
	Analyze(ctx context.Context, a *article.Article) (*analysis.Analysis, error)
}

// Options configure Run.
type Options struct {
	// ID names the worker in the queue; host and process id when empty.
	ID string
	// Batch is how many articles one claim takes and one transaction
	// stores; 0 means 16.
	Batch int
	// Lease is how long a claim holds its jobs before another worker may
	// take them; 0 means 2 minutes. The worker renews it while it works.
	Lease time.Duration
	// Idle is the wait between polls of an empty queue; 0 means 2 seconds.
	Idle time.Duration
	// ExitWhenIdle ends Run once no article is pending (none claimable and
	// none held by another worker) instead of waiting for more.
	ExitWhenIdle bool
	// MaxAttempts is how many claims a job gets before it is marked failed
	// (an article that kills every worker that takes it); 0 means 5.
	MaxAttempts int
	// FeedInterval is how long after a poll a feed is due again; 0 means
	// 15 minutes.
	FeedInterval time.Duration
	// Reanalyze replaces analyses of articles already stored.
	Reanalyze bool
	// Log receives one line per batch and per problem; nil means none.
	Log io.Writer
}

// Stats is what a worker did.
type Stats struct {
	Batches    int           `json:"batches"`
	Claimed    int           `json:"claimed"`
	Stored     int           `json:"stored"`
	Duplicates int           `json:"duplicates"`
	Failed     int           `json:"failed"`
	Feeds      int           `json:"feeds"`
	Retries    int           `json:"retries"` // database errors waited out
	Elapsed    time.Duration `json:"elapsed"`
}

func (o *Options) defaults() {
	if o.ID == "" {
		host, _ := os.Hostname()
		o.ID = host + ":" + strconv.Itoa(os.Getpid())
	}
	if o.Batch <= 0 {
		o.Batch = 16
	}
	if o.Lease <= 0 {
		o.Lease = 2 * time.Minute
	}
	if o.Idle <= 0 {
		o.Idle = 2 * time.Second
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = 5
	}
	if o.FeedInterval <= 0 {
		o.FeedInterval = 15 * time.Minute
	}
	if o.Log == nil {
		o.Log = io.Discard
	}
}

// Run works until ctx ends (or, with ExitWhenIdle, until nothing is
// pending). Database errors (a restart, a dropped connection) are logged
// and waited out with growing pauses: the pool reconnects and the worker
// goes on. It returns ctx's error when ctx ends.
func Run(ctx context.Context, db *postgres.DB, az Analyzer, opts Options) (Stats, error) {
	opts.defaults()
	w := &runner{db: db, az: az, opts: opts}
	start := time.Now()
	defer func() { w.stats.Elapsed = time.Since(start) }()
	for {
		if err := ctx.Err(); err != nil {
			w.stats.Elapsed = time.Since(start)
			return w.stats, err
		}
		n, err := w.articles(ctx)
		if err == nil && n == 0 {
			n, err = w.feed(ctx)
		}
		if err != nil {
			if ctx.Err() != nil {
				continue
			}
			w.stats.Retries++
			fmt.Fprintf(opts.Log, "worker %s: %v; retrying\n", opts.ID, err)
			w.pause(ctx)
			continue
		}
		w.backoff = 0
		if n > 0 {
			continue
		}
		if opts.ExitWhenIdle {
			p, err := db.Pending(ctx, postgres.KindArticle)
			if err == nil && p == 0 {
				w.stats.Elapsed = time.Since(start)
				return w.stats, nil
			}
		}
		sleep(ctx, opts.Idle)
	}
}

type runner struct {
	db      *postgres.DB
	az      Analyzer
	opts    Options
	stats   Stats
	backoff time.Duration
}

// pause waits longer after each consecutive error, up to 15 seconds.
func (w *runner) pause(ctx context.Context) {
	w.backoff = min(max(2*w.backoff, 250*time.Millisecond), 15*time.Second)
	sleep(ctx, w.backoff)
}

func sleep(ctx context.Context, d time.Duration) {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
	case <-t.C:
	}
}

// articles claims, analyzes and stores one batch; it returns how many jobs
// it claimed.
func (w *runner) articles(ctx context.Context) (int, error) {
	jobs, err := w.db.Claim(ctx, w.opts.ID, postgres.KindArticle, w.opts.Batch, w.opts.Lease, w.opts.MaxAttempts)
	if err != nil || len(jobs) == 0 {
		return 0, err
	}
	w.stats.Claimed += len(jobs)
	// Renew the lease while analysis runs, so a slow batch is not taken
	// from a live worker.
	keys := make([]string, len(jobs))
	for i, j := range jobs {
		keys[i] = j.Key
	}
	renewCtx, stopRenew := context.WithCancel(ctx)
	defer stopRenew()
	go func() {
		t := time.NewTicker(w.opts.Lease / 3)
		defer t.Stop()
		for {
			select {
			case <-renewCtx.Done():
				return
			case <-t.C:
				w.db.Extend(renewCtx, w.opts.ID, keys, w.opts.Lease) //nolint:errcheck // a missed renewal only risks a second analysis
			}
		}
	}()
	var doneKeys []string
	var docs []*analysis.Analysis
	for _, j := range jobs {
		a, err := w.analyze(ctx, j)
		if err != nil {
			if ctx.Err() != nil {
				return len(jobs), ctx.Err()
			}
			w.stats.Failed++
			fmt.Fprintf(w.opts.Log, "worker %s: %s: %v\n", w.opts.ID, j.Key, err)
			if ferr := w.db.Fail(ctx, j.Key, err); ferr != nil {
				return len(jobs), ferr
			}
			continue
		}
		doneKeys = append(doneKeys, j.Key)
		docs = append(docs, a)
	}
	if len(docs) == 0 {
		return len(jobs), nil
	}
	// Store and finish in one transaction; a database error is waited out
	// here, with the analyses kept, until the lease would have run out.
	deadline := time.Now().Add(w.opts.Lease)
	for {
		res, err := w.db.Finish(ctx, doneKeys, docs, store.PutOptions{Reanalyze: w.opts.Reanalyze})
		if err == nil {
			w.stats.Batches++
			w.stats.Stored += res.Count(store.Stored) + res.Count(store.Updated)
			w.stats.Duplicates += res.Count(store.Duplicate)
			return len(jobs), nil
		}
		if ctx.Err() != nil || time.Now().After(deadline) {
			return len(jobs), err
		}
		w.stats.Retries++
		fmt.Fprintf(w.opts.Log, "worker %s: storing %d articles: %v; retrying\n", w.opts.ID, len(docs), err)
		w.pause(ctx)
	}
}

// analyze decodes a job's article and analyzes it; a panic in an annotator
// becomes an error about that article.
func (w *runner) analyze(ctx context.Context, j postgres.Job) (a *analysis.Analysis, err error) {
	var art article.Article
	if err := json.Unmarshal(j.Payload, &art); err != nil {
		return nil, fmt.Errorf("decoding queued article: %w", err)
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("analysis panicked: %v\n%s", r, debug.Stack())
		}
	}()
	a, err = w.az.Analyze(ctx, &art)
	if err != nil {
		return nil, err
	}
	if a == nil {
		return nil, errors.New("analysis returned nothing")
	}
	return a, nil
}
