package server

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"

	"akhbar/analysis"
	"akhbar/feeds"
)

//go:embed openapi.json
var openAPI []byte

func (s *Server) routes() {
	s.route("GET /healthz", false, s.healthz)
	s.route("GET /metrics", false, s.metricsHandler)
	s.route("GET /api/openapi.json", false, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(openAPI)
	})
	s.route("POST /api/analyze", false, s.apiAnalyze)
	s.route("POST /api/articles", true, s.apiIngest)
	s.route("GET /api/articles/{id}", false, s.apiArticle)
	s.route("GET /api/search", false, s.apiSearch)
	s.route("GET /api/entities/{id}", false, s.apiEntity)
	s.route("GET /api/stories", false, s.apiStories)
	s.route("GET /api/trend", false, s.apiTrend)
	s.route("GET /api/feeds", false, s.apiFeeds)
	s.route("POST /api/feeds", true, s.apiAddFeed)
	s.route("DELETE /api/feeds/{id}", true, s.apiDeleteFeed)
	s.route("GET /api/alerts", false, s.apiAlerts)
	s.route("POST /api/alerts", true, s.apiAddAlert)
	s.route("DELETE /api/alerts/{id}", true, s.apiDeleteAlert)
	s.route("GET /api/alerts/{id}/atom", false, s.apiAlertAtom)
	s.route("/api/", false, func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusNotFound, fmt.Sprintf("no endpoint %s %s; see /api/openapi.json", r.Method, r.URL.Path))
	})
	s.pageRoutes()
}

// apiError is the body of every API error.
type apiError struct {
	Error  string `json:"error"`
	Status int    `json:"status"`
}

// fail answers with a JSON error (or a page for browsers on non-API paths).
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, msg string) {
	if status >= 500 {
		s.log.Error("request failed", "method", r.Method, "path", r.URL.Path, "status", status, "err", msg)
	}
	if !strings.HasPrefix(r.URL.Path, "/api/") && r.URL.Path != "/healthz" && strings.Contains(r.Header.Get("Accept"), "text/html") {
		s.errorPage(w, r, status, msg)
		return
	}
	writeJSON(w, status, apiError{Error: msg, Status: status})
}

// failErr maps an error to a status: not found, too large, timeout, or bad
// input (status).
func (s *Server) failErr(w http.ResponseWriter, r *http.Request, status int, err error) {
	var tooBig *http.MaxBytesError
	switch {
	case errors.As(err, &tooBig):
		s.fail(w, r, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body larger than %d bytes", tooBig.Limit))
	case errors.Is(err, ErrNotFound), errors.Is(err, feeds.ErrNotFound):
		s.fail(w, r, http.StatusNotFound, err.Error())
	case errors.Is(err, context.DeadlineExceeded):
		s.fail(w, r, http.StatusServiceUnavailable, "timed out: "+err.Error())
	default:
		s.fail(w, r, status, err.Error())
	}
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		http.Error(w, `{"error":"encoding response failed","status":500}`, http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

// decodeJSON reads a JSON body into v, rejecting unknown fields and
// trailing data.
func decodeJSON(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return err
		}
		if errors.Is(err, io.EOF) {
			return errors.New("empty request body: send a JSON object")
		}
		return fmt.Errorf("malformed JSON body: %w", err)
	}
	if dec.More() {
		return errors.New("malformed JSON body: more than one value")
	}
	return nil
}

// readInput reads an article from a request: a JSON Input, or the body as
// text/plain or text/html.
func readInput(r *http.Request) (Input, error) {
	ct, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var in Input
	switch ct {
	case "application/json", "":
		if err := decodeJSON(r, &in); err != nil {
			return in, err
		}
	case "text/plain", "text/html":
		b, err := io.ReadAll(r.Body)
		if err != nil {
			return in, fmt.Errorf("reading request body: %w", err)
		}
		if ct == "text/html" {
			in.HTML = string(b)
		} else {
			in.Text = string(b)
		}
	default:
		return in, fmt.Errorf("content type %q: send application/json, text/plain or text/html", ct)
	}
	return in, nil
}

func (s *Server) analyze(ctx context.Context, in Input) (*analysis.Analysis, time.Duration, error) {
	a, err := in.Article(ctx)
	if err != nil {
		return nil, 0, err
	}
	start := time.Now()
	res, err := s.cfg.Analyzer.Analyze(ctx, a)
	if err != nil {
		return nil, 0, fmt.Errorf("analyzing article: %w", err)
	}
	return res, time.Since(start), nil
}

// count returns the number of stored articles.
func (s *Server) count(ctx context.Context) (int, error) {
	if c, ok := s.cfg.Store.(Counter); ok {
		return c.Count(ctx)
	}
	res, err := s.cfg.Store.Search(ctx, Query{Limit: 1})
	if err != nil {
		return 0, err
	}
	return res.Total, nil
}

func (s *Server) healthz(w http.ResponseWriter, r *http.Request) {
	n, err := s.count(r.Context())
	if err != nil {
		writeJSON(w, http.StatusServiceUnavailable, map[string]any{"status": "unhealthy", "error": err.Error()})
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"status": "ok", "articles": n})
}

func (s *Server) metricsHandler(w http.ResponseWriter, r *http.Request) {
	fe := FeedErrors{}
	if s.cfg.Feeds != nil {
		for _, f := range s.cfg.Feeds.List() {
			fe[f.URL] = f.Errors
		}
	}
	n, err := s.count(r.Context())
	if err != nil {
		n = -1
	}
	w.Header().Set("Content-Type", "text/plain; version=0.0.4; charset=utf-8")
	s.metrics.WriteTo(w, fe, n)
}

func (s *Server) apiAnalyze(w http.ResponseWriter, r *http.Request) {
	in, err := readInput(r)
	if err != nil {
		s.failErr(w, r, http.StatusBadRequest, err)
		return
	}
	res, _, err := s.analyze(r.Context(), in)
	if err != nil {
		s.failErr(w, r, http.StatusBadRequest, err)
		return
	}
	writeJSON(w, http.StatusOK, res)
}

// Ingest analyzes an input, stores it and checks the alerts. It returns
// the stored id and whether it was new.
func (s *Server) Ingest(ctx context.Context, in Input) (string, bool, error) {
	res, took, err := s.analyze(ctx, in)
	if err != nil {
		s.metrics.ObserveIngest(false, err, 0)
		return "", false, err
	}
	id, created, err := s.cfg.Store.Put(ctx, res)
	s.metrics.ObserveIngest(created, err, took)
	if err != nil {
		return "", false, fmt.Errorf("storing article: %w", err)
	}
	if created {
		if _, err := s.alerts.Check(ctx); err != nil {
			s.log.Warn("checking alerts", "err", err)
		}
	}
	return id, created, nil
}

func (s *Server) apiIngest(w http.ResponseWriter, r *http.Request) {
	in, err := readInput(r)
	if err != nil {
		s.failErr(w, r, http.StatusBadRequest, err)
		return
	}
	id, created, err := s.Ingest(r.Context(), in)
	if err != nil {
		s.failErr(w, r, http.StatusBadRequest, err)
		return
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	w.Header().Set("Location", "/api/articles/"+url.PathEscape(id))
	writeJSON(w, status, map[string]any{"id": id, "created": created})
}

// validID reports whether id is safe to use: 1-200 bytes of letters (any
// script), digits and - _ . : (no slashes, no "..").
func validID(id string) bool {
	if id == "" || len(id) > 200 || strings.Contains(id, "..") {
		return false
	}
	for _, r := range id {
		ok := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '-' || r == '_' || r == '.' || r == ':'
		if !ok {
			return false
		}
	}
	return true
}

func (s *Server) pathID(w http.ResponseWriter, r *http.Request) (string, bool) {
	id := r.PathValue("id")
	if !validID(id) {
		s.fail(w, r, http.StatusBadRequest, fmt.Sprintf("id %q: only letters, digits, '-', '_', '.' and ':' are allowed (no slashes, no '..')", id))
		return "", false
	}
	return id, true
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) {
	id, ok := s.pathID(w, r)
	if !ok {
		return
	}
	a, err := s.cfg.Store.Get(r.Context(), id)
	if err != nil {
		s.failErr(w, r, http.StatusInternalServerError, err)
		return
	}
	writeJSON(w, http.StatusOK, a)
}

// queryFrom reads a search query from URL parameters.
func queryFrom(v url.Values) (Query, error) {
	q := Query{Text: strings.TrimSpace(v.Get("q")), Source: v.Get("source"), Site: v.Get("site"), Entity: v.Get("entity"),
		Type: v.Get("type"), Lang: v.Get("lang"), From: v.Get("from"), To: v.Get("to"), Sort: v.Get("sort")}
	if n := len([]rune(q.Text)); n > 1000 {
		return q, fmt.Errorf("query of %d characters: at most 1000", n)
	}
	for name, d := range map[string]string{"from": q.From, "to": q.To} {
		if d == "" {
			continue
		}
		if _, err := time.Parse("2006-01-02", d); err != nil {
			return q, fmt.Errorf("%s=%q: not a date YYYY-MM-DD", name, d)
		}
	}
	if q.Type != "" && q.Type != "PER" && q.Type != "ORG" && q.Type != "LOC" && q.Type != "MISC" {
		return q, fmt.Errorf("type=%q: one of PER, ORG, LOC, MISC", q.Type)
	}
	if q.Sort != "" && q.Sort != "date" && q.Sort != "relevance" {
		return q, fmt.Errorf("sort=%q: relevance or date", q.Sort)
	}
	for name, p := range map[string]*int{"limit": &q.Limit, "offset": &q.Offset} {
		if raw := v.Get(name); raw != "" {
			n, err := strconv.Atoi(raw)
			if err != nil || n < 0 {
				return q, fmt.Errorf("%s=%q: not a count", name, raw)
			}
			*p = n
		}
	}
	if q.Limit == 0 {
		q.Limit = 20
	}
	q.Histogram = v.Get("histogram") == "1" || v.Get("histogram") == "true"
	q.Facets = v.Get("facets") == "1" || v.Get("facets") == "true"
	q.Limit = min(q.Limit, 1000)
	return q, nil
}

func (s *Server) search(ctx context.Context, q Query) (*Results, error) {
	start := time.Now()
	release, err := s.query(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	res, err := s.cfg.Store.Search(ctx, q)
	s.metrics.ObserveSearch(time.Since(start))
	return res, err
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	q, err := queryFrom(r.URL.Query())
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	format := r.URL.Query().Get("format")
	if format != "" && format != "json" && format != "csv" {
		s.fail(w, r, http.StatusBadRequest, fmt.Sprintf("format=%q: json or csv", format))
		return
	}
	res, err := s.search(r.Context(), q)
	if err != nil {
		s.failErr(w, r, http.StatusInternalServerError, err)
		return
	}
	if format != "csv" {
		writeJSON(w, http.StatusOK, res)
		return
	}
	w.Header().Set("Content-Type", "text/csv; charset=utf-8")
	w.Header().Set("Content-Disposition", `attachment; filename="akhbar-search.csv"`)
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"id", "published", "site", "source", "headline", "score", "snippet"})
	for _, h := range res.Hits {
		var snip strings.Builder
		for _, f := range h.Snippet {
			snip.WriteString(f.Text)
		}
		_ = cw.Write([]string{h.ID, h.Published, h.Site, h.Source, csvSafe(h.Headline), strconv.FormatFloat(h.Score, 'f', -1, 64), csvSafe(snip.String())})
	}
	cw.Flush()
}

// csvSafe defuses cells a spreadsheet would run as a formula.
func csvSafe(s string) string {
	if s != "" && strings.ContainsRune("=+-@", rune(s[0])) {
		return "'" + s
	}
	return s
}

// entity reads an entity from the store in a query slot.
func (s *Server) entity(ctx context.Context, id string) (*EntityInfo, error) {
	release, err := s.query(ctx)
	if err != nil {
		return nil, err
	}
	defer release()
	return s.cfg.Store.Entity(ctx, id)
}

func (s *Server) apiEntity(w http.ResponseWriter, r *http.Request) {
	id, ok := s.pathID(w, r)
	if !ok {
		return
	}
	e, err := s.entity(r.Context(), id)
	if err != nil {
		s.failErr(w, r, http.StatusInternalServerError, err)
		return
	}
	writeJSON(w, http.StatusOK, e)
}

func (s *Server) apiStories(w http.ResponseWriter, r *http.Request) {
	limit := 50
	if raw := r.URL.Query().Get("limit"); raw != "" {
		n, err := strconv.Atoi(raw)
		if err != nil || n <= 0 {
			s.fail(w, r, http.StatusBadRequest, fmt.Sprintf("limit=%q: not a positive count", raw))
			return
		}
		limit = min(n, 1000)
	}
	st, err := s.cfg.Store.Stories(r.Context(), limit)
	if err != nil {
		s.failErr(w, r, http.StatusInternalServerError, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"stories": st})
}

func (s *Server) apiTrend(w http.ResponseWriter, r *http.Request) {
	q := strings.TrimSpace(r.URL.Query().Get("q"))
	if q == "" {
		s.fail(w, r, http.StatusBadRequest, "q is required: the phrase to count per week")
		return
	}
	release, err := s.query(r.Context())
	if err != nil {
		s.failErr(w, r, http.StatusServiceUnavailable, err)
		return
	}
	defer release()
	t, err := s.cfg.Store.Trend(r.Context(), q)
	if err != nil {
		s.failErr(w, r, http.StatusInternalServerError, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"q": q, "weeks": t})
}

func (s *Server) noFeeds(w http.ResponseWriter, r *http.Request) bool {
	if s.cfg.Feeds == nil {
		s.fail(w, r, http.StatusNotImplemented, "feed polling is off in this server")
		return true
	}
	return false
}

func (s *Server) apiFeeds(w http.ResponseWriter, r *http.Request) {
	if s.noFeeds(w, r) {
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"feeds": s.cfg.Feeds.List()})
}

// feedRequest is the body of POST /api/feeds.
type feedRequest struct {
	URL      string `json:"url"`
	Interval string `json:"interval,omitempty"` // Go duration: 15m, 1h
}

// AddFeed checks a feed URL (http or https, not this server) and adds it.
func (s *Server) AddFeed(raw string, interval time.Duration) (feeds.Feed, error) {
	u, err := feeds.CheckURL(raw)
	if err != nil {
		return feeds.Feed{}, err
	}
	for _, self := range s.selfs {
		if feeds.SameHost(u, self) {
			return feeds.Feed{}, fmt.Errorf("feed URL %q points at this server", raw)
		}
	}
	f, err := s.cfg.Feeds.Add(raw, interval)
	if err == nil {
		s.changed()
	}
	return f, err
}

// RemoveFeed stops polling a feed.
func (s *Server) RemoveFeed(id string) error {
	if err := s.cfg.Feeds.Remove(id); err != nil {
		return err
	}
	s.changed()
	return nil
}

func parseInterval(raw string) (time.Duration, error) {
	if raw == "" {
		return 15 * time.Minute, nil
	}
	d, err := time.ParseDuration(raw)
	if err != nil || d <= 0 {
		return 0, fmt.Errorf("interval %q: a duration such as 15m or 1h", raw)
	}
	return d, nil
}

func (s *Server) apiAddFeed(w http.ResponseWriter, r *http.Request) {
	if s.noFeeds(w, r) {
		return
	}
	var req feedRequest
	if err := decodeJSON(r, &req); err != nil {
		s.failErr(w, r, http.StatusBadRequest, err)
		return
	}
	d, err := parseInterval(req.Interval)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	f, err := s.AddFeed(req.URL, d)
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, err.Error())
		return
	}
	writeJSON(w, http.StatusCreated, f)
}

func (s *Server) apiDeleteFeed(w http.ResponseWriter, r *http.Request) {
	if s.noFeeds(w, r) {
		return
	}
	id, ok := s.pathID(w, r)
	if !ok {
		return
	}
	if err := s.RemoveFeed(id); err != nil {
		s.failErr(w, r, http.StatusInternalServerError, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) apiAlerts(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"alerts": s.alerts.List()})
}

// alertRequest is the body of POST /api/alerts.
type alertRequest struct {
	Name    string `json:"name,omitempty"`
	Query   string `json:"query,omitempty"`
	Entity  string `json:"entity,omitempty"`
	Webhook string `json:"webhook,omitempty"`
}

// AddAlert validates and saves an alert; a webhook may not point at this
// server.
func (s *Server) AddAlert(ctx context.Context, req Alert) (Alert, error) {
	if req.Webhook != "" {
		u, err := feeds.CheckURL(req.Webhook)
		if err != nil {
			return Alert{}, fmt.Errorf("webhook: %w", err)
		}
		for _, self := range s.selfs {
			if feeds.SameHost(u, self) {
				return Alert{}, fmt.Errorf("webhook %q points at this server", req.Webhook)
			}
		}
	}
	return s.alerts.Add(ctx, req)
}

func (s *Server) apiAddAlert(w http.ResponseWriter, r *http.Request) {
	var req alertRequest
	if err := decodeJSON(r, &req); err != nil {
		s.failErr(w, r, http.StatusBadRequest, err)
		return
	}
	a, err := s.AddAlert(r.Context(), Alert{Name: req.Name, Query: strings.TrimSpace(req.Query), Entity: req.Entity, Webhook: req.Webhook})
	if err != nil {
		s.failErr(w, r, http.StatusBadRequest, err)
		return
	}
	writeJSON(w, http.StatusCreated, a)
}

func (s *Server) apiDeleteAlert(w http.ResponseWriter, r *http.Request) {
	id, ok := s.pathID(w, r)
	if !ok {
		return
	}
	if err := s.alerts.Remove(id); err != nil {
		s.failErr(w, r, http.StatusInternalServerError, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}

func (s *Server) apiAlertAtom(w http.ResponseWriter, r *http.Request) {
	id, ok := s.pathID(w, r)
	if !ok {
		return
	}
	a, err := s.alerts.Get(id)
	if err != nil {
		s.failErr(w, r, http.StatusInternalServerError, err)
		return
	}
	var buf bytes.Buffer
	if err := WriteAtom(&buf, a, "http://"+r.Host); err != nil {
		s.failErr(w, r, http.StatusInternalServerError, err)
		return
	}
	w.Header().Set("Content-Type", "application/atom+xml; charset=utf-8")
	_, _ = w.Write(buf.Bytes())
}
