package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"runtime"

	"golang.org/x/term"

	"akhbar/analysis"
	"akhbar/ingest"
	"akhbar/kb"
	"akhbar/store/sqlite"
)

const ingestUsage = `
akhbar ingest reads articles, analyzes them and keeps them in the store: an
SQLite file (akhbar.db, or --db). Articles already stored (same URL, else same
site and text) are skipped, so a stopped run continues where it stopped.

Usage:
  akhbar ingest [flags] SOURCE...

SOURCE is a file (plain-text article, HTML page, RSS/Atom feed, JSON lines
corpus, gzip or not; the kind comes from the extension, else the content), a
directory of them, an http(s) URL of a page or feed, or "-" for standard input.

Examples:
  akhbar ingest ../shared/data/news/arabic_news.jsonl.gz
  akhbar ingest --db news.db --reanalyze articles/
  akhbar ingest https://example.com/rss.xml
`

func runIngest(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "ingest", ingestUsage)
	db := fs.String("db", "akhbar.db", "store file")
	reanalyze := fs.Bool("reanalyze", false, "analyze stored articles again and replace their analysis")
	workers := fs.Int("workers", runtime.GOMAXPROCS(0), "articles analyzed at once")
	batch := fs.Int("batch", 200, "articles stored per transaction")
	limit := fs.Int("limit", 0, "stop after this many articles (0: all)")
	asJSON := fs.Bool("json", false, "print the summary as JSON")
	quiet := fs.Bool("quiet", false, "no progress")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return usageError("no SOURCE given (see --help)")
	}
	if *workers < 1 || *batch < 1 || *limit < 0 {
		return usageError("--workers and --batch must be at least 1, --limit at least 0")
	}
	sources, err := ingest.Sources(fs.Args(), e.stdin)
	if err != nil {
		return usageError("%v", err)
	}
	az, err := analysis.New(analysis.Options{})
	if err != nil {
		return err
	}
	st, err := openAnyStore(ctx, *db) // SQLite file or postgres:// URL
	if err != nil {
		return err
	}
	defer st.Close()
	opts := ingest.Options{Workers: *workers, BatchSize: *batch, Reanalyze: *reanalyze, Limit: *limit}
	if !*quiet {
		opts.Progress = e.stderr
		if f, ok := e.stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			opts.Terminal = true
		}
	}
	sum, err := ingest.Run(ctx, st, az, sources, opts)
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if eerr := enc.Encode(sum); eerr != nil {
			return eerr
		}
	} else {
		fmt.Fprintln(e.stdout, sum.String())
	}
	return err
}

// openStore opens the SQLite store at path, resolving query names through
// the knowledge base so that a search finds every spelling of a name.
func openStore(ctx context.Context, path string) (*sqlite.DB, error) {
	k, err := kb.Load()
	if err != nil {
		return nil, fmt.Errorf("loading the knowledge base: %w", err)
	}
	return sqlite.Open(ctx, path, sqlite.Options{Resolver: func(name string) []string {
		var ids []string
		for _, en := range k.LookupVariant(name) {
			ids = append(ids, en.ID)
		}
		return ids
	}})
}
