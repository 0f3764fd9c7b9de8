package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"time"

	"akhbar/analysis"
	"akhbar/demo"
	"akhbar/feeds"
	"akhbar/server"
	"akhbar/server/memstore"
	"akhbar/store/postgres"
)

// storiesLimit is the largest store whose stories serve groups in memory on
// each request; larger stores need a story index in the store.
const storiesLimit = 5000

const serveUsage = `
akhbar serve runs the HTTP API and the web UI, and polls feeds in the
background, ingesting what they bring.

Usage:
  akhbar serve [flags]

It binds to 127.0.0.1 by default. When it listens elsewhere, set --token (or
AKHBAR_TOKEN) so that writes (ingest, feeds, alerts) need it.

Examples:
  akhbar serve --demo                      # 32 demo articles, open http://127.0.0.1:8080
  akhbar serve --addr 127.0.0.1:9000 --default-feeds
  AKHBAR_TOKEN=secret akhbar serve --addr 0.0.0.0:8080
`

func runServe(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "serve", serveUsage)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on (host:port)")
	db := fs.String("db", "akhbar.db", "SQLite store file (with --demo and no --db: a fresh store in a temporary directory)")
	memory := fs.Bool("memory", false, "keep articles in memory only (nothing written to disk)")
	withDemo := fs.Bool("demo", false, "load the embedded demo articles into the store at start")
	token := fs.String("token", os.Getenv("AKHBAR_TOKEN"), "token that write endpoints require (default $AKHBAR_TOKEN)")
	defaultFeeds := fs.Bool("default-feeds", false, "poll the default list of Arabic news feeds")
	interval := fs.Duration("interval", 15*time.Minute, "polling interval of feeds added with --default-feeds")
	maxBody := fs.Int64("max-body", 4<<20, "largest request body in bytes; larger ones get 413")
	timeout := fs.Duration("timeout", 20*time.Second, "time limit of each request")
	jsonLogs := fs.Bool("json-logs", false, "write logs as JSON lines instead of text")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("unexpected arguments %q", fs.Args())
	}
	host, _, err := net.SplitHostPort(*addr)
	if err != nil {
		return usageError("--addr %q: %v", *addr, err)
	}
	if ip := net.ParseIP(host); (ip == nil || !ip.IsLoopback()) && host != "localhost" && *token == "" {
		fmt.Fprintf(e.stderr, "akhbar serve: warning: listening on %s without --token: anyone who reaches it can write\n", *addr)
	}
	var log *slog.Logger
	if *jsonLogs {
		log = slog.New(slog.NewJSONHandler(e.stderr, nil))
	} else {
		log = slog.New(slog.NewTextHandler(e.stderr, nil))
	}
	dbSet := false
	fs.Visit(func(f *flag.Flag) { dbSet = dbSet || f.Name == "db" })
	az, err := analysis.New(analysis.Options{})
	if err != nil {
		return fmt.Errorf("loading the analyzer: %w", err)
	}
	var store server.Store
	statePath := ""
	switch {
	case *memory:
		store = memstore.New()
	default:
		path := *db
		if *withDemo && !dbSet {
			dir, err := os.MkdirTemp("", "akhbar-demo-")
			if err != nil {
				return fmt.Errorf("creating a demo store: %w", err)
			}
			defer os.RemoveAll(dir)
			path = filepath.Join(dir, "demo.db")
		}
		sdb, err := openAnyStore(ctx, path) // SQLite file or postgres:// URL
		if err != nil {
			return err
		}
		defer sdb.Close()
		store = server.FromStore(sdb, memstore.GroupStories(sdb, storiesLimit))
		if !postgres.IsDSN(path) {
			statePath = path + ".state.json"
		}
		log.Info("store open", "db", postgres.Redact(path))
	}
	var srv *server.Server
	poller := feeds.NewPoller(feeds.Options{
		Client: &http.Client{},
		Logger: log,
		Sink: func(ctx context.Context, it feeds.Item) error {
			in := server.Input{HTML: it.HTML, Headline: it.Title, URL: it.Link}
			if !it.Published.IsZero() {
				in.Published = it.Published.Format(time.RFC3339)
			}
			_, _, err := srv.Ingest(ctx, in)
			return err
		},
	})
	srv, err = server.New(server.Config{Store: store, Analyzer: az, Feeds: poller, Token: *token,
		MaxBody: *maxBody, Timeout: *timeout, Logger: log, StatePath: statePath})
	if err != nil {
		return err
	}
	if *withDemo {
		n, err := demo.Load(ctx, az, store)
		if err != nil {
			return err
		}
		log.Info("loaded demo articles", "articles", n)
	}
	if *defaultFeeds {
		for _, u := range demo.Feeds() {
			if _, err := srv.AddFeed(u, *interval); err != nil {
				return fmt.Errorf("adding default feed: %w", err)
			}
		}
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", *addr, err)
	}
	pctx, stop := context.WithCancel(ctx)
	defer stop()
	go poller.Run(pctx)
	u := url.URL{Scheme: "http", Host: ln.Addr().String(), Path: "/"}
	fmt.Fprintf(e.stdout, "akhbar serving on %s\n", u.String())
	err = srv.Serve(ctx, ln)
	if errors.Is(err, context.Canceled) {
		return nil
	}
	return err
}
