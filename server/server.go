// Package server is akhbar's HTTP side: a JSON API over the analysis and
// the store, and server-rendered right-to-left pages (search, article,
// entity, stories, paste, feeds, alerts), with everything embedded in the
// binary.
package server

import (
	"context"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"strings"
	"sync"
	"time"

	"akhbar/analysis"
	"akhbar/feeds"
)

// Config is what a Server needs. Store and Analyzer are required.
type Config struct {
	Store    Store
	Analyzer *analysis.Analyzer
	// Feeds polls the feeds; nil disables the feed endpoints.
	Feeds *feeds.Poller
	// Token, when set, must be sent as "Authorization: Bearer TOKEN" (or
	// the token form field on pages) to every write endpoint.
	Token string
	// MaxBody bounds request bodies; larger ones get 413. Zero means 4 MiB.
	MaxBody int64
	// Timeout bounds every handler. Zero means 20 seconds.
	Timeout time.Duration
	// Logger receives one line per request. Nil means slog.Default().
	Logger *slog.Logger
	// Client makes outgoing requests (alert webhooks). Nil means a client
	// with a 10-second timeout.
	Client *http.Client
	// StatePath, when set, is the JSON file where feeds and alerts are kept
	// across restarts; New reads it and every change rewrites it.
	StatePath string
	// MaxQueries bounds the store queries (searches, entities, trends) run
	// at once; more wait their turn within their request's timeout. Zero
	// means 4 per CPU.
	MaxQueries int
}

// Server serves the API and the pages. Create it with New.
type Server struct {
	cfg     Config
	log     *slog.Logger
	metrics *Metrics
	alerts  *Alerts
	pages   *pages
	mux     *http.ServeMux
	selfs   []string // host:port the server listens on, to refuse feeds pointing at itself
	stateMu sync.Mutex
	queries chan struct{} // one token per store query running
}

// New returns a Server for cfg.
func New(cfg Config) (*Server, error) {
	if cfg.Store == nil || cfg.Analyzer == nil {
		return nil, errors.New("server: Config needs a Store and an Analyzer")
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 4 << 20
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = 20 * time.Second
	}
	if cfg.Logger == nil {
		cfg.Logger = slog.Default()
	}
	if cfg.Client == nil {
		cfg.Client = &http.Client{Timeout: 10 * time.Second}
	}
	if cfg.MaxQueries <= 0 {
		cfg.MaxQueries = 4 * runtime.GOMAXPROCS(0)
	}
	p, err := loadPages()
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, log: cfg.Logger, metrics: NewMetrics(), pages: p, mux: http.NewServeMux(),
		queries: make(chan struct{}, cfg.MaxQueries)}
	s.alerts = NewAlerts(cfg.Store, cfg.Client, cfg.Logger)
	s.alerts.onChange = s.changed
	if err := s.loadState(context.Background()); err != nil {
		return nil, err
	}
	s.routes()
	return s, nil
}

// Metrics returns the server's counters.
func (s *Server) Metrics() *Metrics { return s.metrics }

// Alerts returns the server's alerts.
func (s *Server) Alerts() *Alerts { return s.alerts }

// SetSelf records the address the server listens on, so that feeds and
// webhooks pointing back at it are refused.
func (s *Server) SetSelf(addr string) { s.selfs = append(s.selfs, addr) }

// ServeHTTP serves one request.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.mux.ServeHTTP(w, r) }

// route registers h under pattern with the common wrapping: security
// headers, a timeout, a body limit, the token check for writes, metrics and
// a log line.
func (s *Server) route(pattern string, write bool, h http.HandlerFunc) {
	name := pattern
	s.mux.Handle(pattern, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &statusRecorder{ResponseWriter: w, status: http.StatusOK}
		hdr := rec.Header()
		hdr.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'")
		hdr.Set("X-Content-Type-Options", "nosniff")
		hdr.Set("Referrer-Policy", "no-referrer")
		hdr.Set("X-Frame-Options", "DENY")
		ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
		defer cancel()
		r = r.WithContext(ctx)
		r.Body = http.MaxBytesReader(rec, r.Body, s.cfg.MaxBody)
		defer func() {
			if p := recover(); p != nil {
				s.log.Error("handler panicked", "method", r.Method, "path", r.URL.Path, "panic", fmt.Sprint(p))
				if !rec.wrote {
					s.fail(rec, r, http.StatusInternalServerError, "internal error while answering this request")
				}
			}
		}()
		switch {
		case write && !s.authorized(r):
			s.fail(rec, r, http.StatusUnauthorized, "this endpoint needs the server's token: send Authorization: Bearer TOKEN")
		default:
			h(rec, r)
		}
		dur := time.Since(start)
		s.metrics.observeRequest(name, rec.status, dur)
		s.log.LogAttrs(ctx, slog.LevelInfo, "request", slog.String("method", r.Method), slog.String("path", r.URL.Path),
			slog.Int("status", rec.status), slog.Duration("duration", dur))
	}))
}

func (s *Server) authorized(r *http.Request) bool {
	if s.cfg.Token == "" {
		return true
	}
	got := ""
	if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") {
		got = strings.TrimPrefix(h, "Bearer ")
	} else if c, err := r.Cookie("akhbar_token"); err == nil {
		got = c.Value
	} else if strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		got = r.PostFormValue("token")
	}
	return subtle.ConstantTimeCompare([]byte(got), []byte(s.cfg.Token)) == 1
}

type statusRecorder struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (r *statusRecorder) WriteHeader(code int) {
	if !r.wrote {
		r.status, r.wrote = code, true
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *statusRecorder) Write(b []byte) (int, error) {
	r.wrote = true
	return r.ResponseWriter.Write(b)
}

// ListenAndServe serves on addr until ctx is done, then shuts down
// gracefully.
func (s *Server) ListenAndServe(ctx context.Context, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w", addr, err)
	}
	return s.Serve(ctx, ln)
}

// Serve serves on ln until ctx is done.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	s.SetSelf(ln.Addr().String())
	hs := &http.Server{
		Handler:           s,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       s.cfg.Timeout + 10*time.Second,
		WriteTimeout:      s.cfg.Timeout + 10*time.Second,
		IdleTimeout:       2 * time.Minute,
		BaseContext:       func(net.Listener) context.Context { return ctx },
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	select {
	case err := <-errc:
		return fmt.Errorf("serving on %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutting down %s: %w", ln.Addr(), err)
	}
	return nil
}

// query waits for a free query slot (or the end of ctx) and returns the
// function that frees it. Bounding the queries run at once keeps a burst of
// searches from swamping the store: the rest wait, and time out cleanly.
func (s *Server) query(ctx context.Context) (func(), error) {
	select {
	case s.queries <- struct{}{}:
		return func() { <-s.queries }, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("waiting for a free query slot: %w", ctx.Err())
	}
}
