package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"akhbar/analysis"
	"akhbar/kb"
	"akhbar/store"
	"akhbar/store/postgres"
	"akhbar/worker"
)

const workerUsage = `
akhbar worker claims pending work from a PostgreSQL store (articles to analyze,
feeds due for polling), analyzes and stores it. Workers are stateless: run one
per core or per machine. A worker that dies loses nothing: its lease runs out
and another worker takes its batch; every article is stored exactly once.
Queue work with 'akhbar queue'.

Usage:
  akhbar worker --db postgres://... [flags]

Examples:
  akhbar worker --db postgres://akhbar@localhost/news
  akhbar worker --db postgres://akhbar@localhost/news --exit-when-idle --json
`

func runWorker(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "worker", workerUsage)
	db := fs.String("db", "", "PostgreSQL URL (postgres://...)")
	schema := fs.String("schema", "", "PostgreSQL schema to use (default public)")
	id := fs.String("id", "", "worker name in the queue (default host:pid)")
	batch := fs.Int("batch", 16, "articles claimed and stored at once")
	lease := fs.Duration("lease", 2*time.Minute, "how long a claim holds its work before others may take it")
	idle := fs.Duration("idle", 2*time.Second, "pause between polls of an empty queue")
	feedEvery := fs.Duration("feed-interval", 15*time.Minute, "how often a feed is polled")
	exitIdle := fs.Bool("exit-when-idle", false, "stop once no article is pending")
	reanalyze := fs.Bool("reanalyze", false, "replace the analysis of articles already stored")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("unexpected argument %q (see --help)", fs.Arg(0))
	}
	if !postgres.IsDSN(*db) {
		return usageError("--db must be a PostgreSQL URL (postgres://...), got %q", postgres.Redact(*db))
	}
	if *batch < 1 || *lease < time.Second || *idle <= 0 || *feedEvery < time.Minute {
		return usageError("--batch must be at least 1, --lease at least 1s, --idle positive, --feed-interval at least 1m")
	}
	st, err := openPostgres(ctx, *db, *schema)
	if err != nil {
		return err
	}
	defer st.Close()
	az, err := analysis.New(analysis.Options{})
	if err != nil {
		return err
	}
	sum, err := worker.Run(ctx, st, az, worker.Options{ID: *id, Batch: *batch, Lease: *lease, Idle: *idle,
		ExitWhenIdle: *exitIdle, FeedInterval: *feedEvery, Reanalyze: *reanalyze, Log: e.stderr})
	if ctx.Err() != nil {
		err = nil // interrupted: the summary says what was done
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if eerr := enc.Encode(sum); eerr != nil {
			return eerr
		}
	} else {
		fmt.Fprintf(e.stdout, "%d articles claimed in %s: %d stored, %d duplicates, %d failed; %d feeds polled; %d database errors waited out (%.1f articles/s)\n",
			sum.Claimed, sum.Elapsed.Round(time.Millisecond), sum.Stored, sum.Duplicates, sum.Failed, sum.Feeds, sum.Retries,
			float64(sum.Claimed)/max(sum.Elapsed.Seconds(), 1e-9))
	}
	return err
}

const queueUsage = `
akhbar queue adds work to a PostgreSQL store for 'akhbar worker' processes:
the articles of files and directories (text, HTML, feed documents, JSON lines,
gzip too; "-" for standard input), and feed URLs to poll. An article already
queued (same URL, else same site and text) is queued once. With --status it
prints the queue's counts instead.

Usage:
  akhbar queue --db postgres://... SOURCE...
  akhbar queue --db postgres://... --status

Examples:
  akhbar queue --db postgres://akhbar@localhost/news ../shared/data/news/arabic_news.jsonl.gz
  akhbar queue --db postgres://akhbar@localhost/news https://example.com/rss.xml
`

func runQueue(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "queue", queueUsage)
	db := fs.String("db", "", "PostgreSQL URL (postgres://...)")
	schema := fs.String("schema", "", "PostgreSQL schema to use (default public)")
	status := fs.Bool("status", false, "print the queue's counts and recent failures")
	asJSON := fs.Bool("json", false, "print as JSON")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if !postgres.IsDSN(*db) {
		return usageError("--db must be a PostgreSQL URL (postgres://...), got %q", postgres.Redact(*db))
	}
	if !*status && fs.NArg() == 0 {
		return usageError("no SOURCE given (see --help)")
	}
	st, err := openPostgres(ctx, *db, *schema)
	if err != nil {
		return err
	}
	defer st.Close()
	if *status {
		qs, err := st.Queue(ctx)
		if err != nil {
			return err
		}
		fails, err := st.Failures(ctx, 10)
		if err != nil {
			return err
		}
		if *asJSON {
			return json.NewEncoder(e.stdout).Encode(map[string]any{"queue": qs, "failures": fails})
		}
		for _, q := range qs {
			fmt.Fprintf(e.stdout, "%-8s %-8s %8d", q.Kind, q.State, q.Jobs)
			if q.State == postgres.Pending {
				fmt.Fprintf(e.stdout, "  (%d leased, %d with an expired lease)", q.Leased, q.Expired)
			}
			fmt.Fprintln(e.stdout)
		}
		for _, f := range fails {
			fmt.Fprintf(e.stdout, "failed %s: %s\n", f[0], f[1])
		}
		return nil
	}
	sum, err := worker.Enqueue(ctx, st, fs.Args(), e.stdin)
	if *asJSON {
		if eerr := json.NewEncoder(e.stdout).Encode(sum); eerr != nil {
			return eerr
		}
	} else {
		fmt.Fprintf(e.stdout, "%d articles read, %d queued (the rest were queued before), %d feeds, %d bad inputs\n",
			sum.Read, sum.Queued, sum.Feeds, sum.Bad)
		for _, m := range sum.Errors {
			fmt.Fprintf(e.stderr, "  %s\n", m)
		}
	}
	return err
}

// openPostgres opens a PostgreSQL store, resolving query names through the
// knowledge base as the SQLite store does.
func openPostgres(ctx context.Context, dsn, schema string) (*postgres.DB, error) {
	k, err := kb.Load()
	if err != nil {
		return nil, fmt.Errorf("loading the knowledge base: %w", err)
	}
	return postgres.Open(ctx, dsn, postgres.Options{Schema: schema, Resolver: func(name string) []string {
		var ids []string
		for _, en := range k.LookupVariant(name) {
			ids = append(ids, en.ID)
		}
		return ids
	}})
}

// openAnyStore opens the store --db names: PostgreSQL for a postgres://
// URL, else the SQLite file at that path.
func openAnyStore(ctx context.Context, db string) (store.Store, error) {
	if postgres.IsDSN(db) {
		return openPostgres(ctx, db, "")
	}
	return openStore(ctx, db)
}
