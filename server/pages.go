package server

import (
	"bytes"
	"embed"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"akhbar/analysis"
)

//go:embed web/templates/*.html web/static/*
var webFS embed.FS

// pages holds the parsed templates, one per page, each with the layout.
type pages struct {
	tmpl   map[string]*template.Template
	static fs.FS
}

func loadPages() (*pages, error) {
	names, err := fs.Glob(webFS, "web/templates/*.html")
	if err != nil {
		return nil, fmt.Errorf("listing templates: %w", err)
	}
	p := &pages{tmpl: map[string]*template.Template{}}
	for _, n := range names {
		base := strings.TrimSuffix(strings.TrimPrefix(n, "web/templates/"), ".html")
		if base == "layout" || base == "analysis" {
			continue
		}
		t, err := template.New(base).ParseFS(webFS, "web/templates/layout.html", "web/templates/analysis.html", n)
		if err != nil {
			return nil, fmt.Errorf("parsing template %s: %w", n, err)
		}
		p.tmpl[base] = t
	}
	p.static, err = fs.Sub(webFS, "web/static")
	if err != nil {
		return nil, fmt.Errorf("static files: %w", err)
	}
	return p, nil
}

// page is what every template gets: the language, the active section and
// the page's own data.
type page struct {
	Lang      string
	Title     string
	Nav       string
	Path      string
	NeedToken bool
	Query     string
	Data      any
}

// T returns the label for key in the page's language.
func (p *page) T(key string) string {
	l, ok := labels[key]
	if !ok {
		return key
	}
	if p.Lang == "en" {
		return l[1]
	}
	return l[0]
}

// LabelDir is the direction of a line made mostly of labels: rtl in
// Arabic, ltr with the English toggle, so that counts stay beside their
// words.
func (p *page) LabelDir() string {
	if p.Lang == "en" {
		return "ltr"
	}
	return "rtl"
}

// Date formats a timestamp for reading.
func (p *page) Date(s string) string { return readableDate(s, p.Lang) }

// Num groups a number's thousands.
func (p *page) Num(n int) string { return readableNumber(n) }

// ToggleURL is the link that switches the labels' language.
func (p *page) ToggleURL() string {
	to := "en"
	if p.Lang == "en" {
		to = "ar"
	}
	return "/lang?to=" + to + "&back=" + url.QueryEscape(p.Path)
}

func (s *Server) newPage(r *http.Request, nav, title string, data any) *page {
	lang := "ar"
	if c, err := r.Cookie("akhbar_lang"); err == nil && c.Value == "en" {
		lang = "en"
	}
	return &page{Lang: lang, Nav: nav, Title: title, Path: r.URL.RequestURI(), NeedToken: s.cfg.Token != "", Data: data}
}

func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p *page) {
	t, ok := s.pages.tmpl[name]
	if !ok {
		http.Error(w, "no template "+name, http.StatusInternalServerError)
		return
	}
	var buf bytes.Buffer
	if err := t.ExecuteTemplate(&buf, "layout", p); err != nil {
		s.log.Error("rendering page", "page", name, "err", err)
		http.Error(w, "rendering page failed", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

func (s *Server) errorPage(w http.ResponseWriter, r *http.Request, status int, msg string) {
	s.render(w, r, status, "error", s.newPage(r, "", http.StatusText(status), map[string]any{"Status": status, "Message": msg}))
}

func (s *Server) pageRoutes() {
	s.route("GET /static/", false, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "public, max-age=3600")
		http.StripPrefix("/static/", http.FileServerFS(s.pages.static)).ServeHTTP(w, r)
	})
	s.route("GET /lang", false, s.langToggle)
	s.route("GET /{$}", false, s.searchPage)
	s.route("GET /search", false, func(w http.ResponseWriter, r *http.Request) {
		// The search page lives at /; keep links and habits that say /search.
		http.Redirect(w, r, "/?"+r.URL.RawQuery, http.StatusMovedPermanently)
	})
	s.route("GET /article/{id}", false, s.articlePage)
	s.route("GET /entity/{id}", false, s.entityPage)
	s.route("GET /stories", false, s.storiesPage)
	s.route("GET /paste", false, s.pastePage)
	s.route("POST /paste", false, s.pastePage)
	s.route("GET /feeds", false, s.feedsPage)
	s.route("POST /feeds", true, s.feedsPage)
	s.route("POST /feeds/{id}/delete", true, s.feedDelete)
	s.route("GET /alerts", false, s.alertsPage)
	s.route("POST /alerts", true, s.alertsPage)
	s.route("POST /alerts/{id}/delete", true, s.alertDelete)
	s.route("/", false, func(w http.ResponseWriter, r *http.Request) {
		s.errorPage(w, r, http.StatusNotFound, fmt.Sprintf("no page at %s", r.URL.Path))
	})
}

func (s *Server) langToggle(w http.ResponseWriter, r *http.Request) {
	to := r.URL.Query().Get("to")
	if to != "en" {
		to = "ar"
	}
	http.SetCookie(w, &http.Cookie{Name: "akhbar_lang", Value: to, Path: "/", MaxAge: 365 * 24 * 3600, SameSite: http.SameSiteLaxMode, HttpOnly: true})
	back := r.URL.Query().Get("back")
	if !strings.HasPrefix(back, "/") || strings.HasPrefix(back, "//") || strings.HasPrefix(back, "/\\") {
		back = "/"
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
}

// facetView is a facet for the search page, with links that add or drop
// its filter.
type facetView struct {
	Name   string
	Param  string
	Values []facetValue
}

type facetValue struct {
	Label  string
	Count  int
	Href   string
	Active bool
}

type searchView struct {
	Q       Query
	Err     string
	Res     *Results
	Chart   *Chart
	Facets  []facetView
	Prev    string
	Next    string
	CSV     string
	Empty   bool
	Showing string
}

func withParam(v url.Values, key, val string) string {
	c := url.Values{}
	for k, vs := range v {
		c[k] = append([]string(nil), vs...)
	}
	if val == "" {
		c.Del(key)
	} else {
		c.Set(key, val)
	}
	if key != "offset" {
		c.Del("offset")
	}
	return "/?" + c.Encode()
}

func (s *Server) searchPage(w http.ResponseWriter, r *http.Request) {
	v := r.URL.Query()
	view := &searchView{}
	p := s.newPage(r, "search", "", view)
	q, err := queryFrom(v)
	q.Limit = 20
	q.Histogram, q.Facets = true, true
	view.Q = q
	p.Query = q.Text
	if err != nil {
		view.Err = err.Error()
		s.render(w, r, http.StatusBadRequest, "search", p)
		return
	}
	res, err := s.search(r.Context(), q)
	if err != nil {
		view.Err = err.Error()
		s.render(w, r, http.StatusInternalServerError, "search", p)
		return
	}
	view.Res = res
	view.Empty = res.Total == 0 && q.Text == "" && q.Source == "" && q.Site == "" && q.Entity == "" && q.Type == "" && q.From == "" && q.To == ""
	view.Chart = barChart(res.Histogram, 640, 80, func(day string) string {
		c := url.Values{}
		for k, vs := range v {
			c[k] = vs
		}
		c.Set("from", day)
		c.Set("to", day)
		c.Del("offset")
		return "/?" + c.Encode()
	})
	for _, f := range []struct{ name, param string }{{"source", "source"}, {"site", "site"}, {"entity", "entity"}, {"type", "type"}} {
		fv := facetView{Name: f.name, Param: f.param}
		for _, x := range res.Facets[f.name] {
			label := x.Label
			if label == "" {
				label = x.Value
			}
			if f.name == "type" {
				label = p.T(x.Value)
			}
			active := v.Get(f.param) == x.Value
			href := withParam(v, f.param, x.Value)
			if active {
				href = withParam(v, f.param, "")
			}
			fv.Values = append(fv.Values, facetValue{Label: label, Count: x.Count, Href: href, Active: active})
		}
		if len(fv.Values) > 0 {
			view.Facets = append(view.Facets, fv)
		}
	}
	if q.Offset > 0 {
		view.Prev = withParam(v, "offset", strconv.Itoa(max(0, q.Offset-q.Limit)))
	}
	if q.Offset+q.Limit < res.Total {
		view.Next = withParam(v, "offset", strconv.Itoa(q.Offset+q.Limit))
	}
	c := url.Values{}
	for k, vs := range v {
		c[k] = vs
	}
	c.Set("format", "csv")
	c.Set("limit", "1000")
	c.Del("offset")
	view.CSV = "/api/search?" + c.Encode()
	s.render(w, r, http.StatusOK, "search", p)
}

// analysisView is an Analysis laid out for reading.
type analysisView struct {
	A          *analysis.Analysis
	Paragraphs []Paragraph
	Legend     []string
	Provenance Provenance
	Quotes     []quoteView
	Events     []analysis.Event
	Entities   []analysis.Entity
}

type quoteView struct {
	analysis.Quote
	SpeakerName string
}

func newAnalysisView(a *analysis.Analysis) *analysisView {
	v := &analysisView{A: a, Paragraphs: annotate(a), Provenance: provenance(a), Events: append([]analysis.Event(nil), a.Events...)}
	names := map[string]string{}
	types := map[string]bool{}
	for _, e := range a.Entities {
		names[e.ID] = e.Name
		types[e.Type] = true
	}
	for _, t := range []string{"PER", "ORG", "LOC", "MISC"} {
		if types[t] {
			v.Legend = append(v.Legend, t)
		}
	}
	if len(a.Timexes) > 0 {
		v.Legend = append(v.Legend, "DATE")
	}
	for _, q := range a.Quotes {
		qv := quoteView{Quote: q, SpeakerName: names[q.Speaker]}
		if qv.SpeakerName == "" {
			qv.SpeakerName = q.SpeakerText
		}
		v.Quotes = append(v.Quotes, qv)
	}
	sort.SliceStable(v.Events, func(i, j int) bool { return v.Events[i].Date < v.Events[j].Date })
	v.Entities = append([]analysis.Entity(nil), a.Entities...)
	sort.SliceStable(v.Entities, func(i, j int) bool { return len(v.Entities[i].Mentions) > len(v.Entities[j].Mentions) })
	return v
}

func (s *Server) articlePage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !validID(id) {
		s.errorPage(w, r, http.StatusBadRequest, fmt.Sprintf("id %q: only letters, digits, '-', '_', '.' and ':' are allowed (no slashes, no '..')", id))
		return
	}
	a, err := s.cfg.Store.Get(r.Context(), id)
	if err != nil {
		s.pageErr(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "article", s.newPage(r, "", a.Headline, newAnalysisView(a)))
}

func (s *Server) pageErr(w http.ResponseWriter, r *http.Request, err error) {
	status := http.StatusInternalServerError
	if strings.Contains(err.Error(), ErrNotFound.Error()) {
		status = http.StatusNotFound
	}
	s.errorPage(w, r, status, err.Error())
}

type entityView struct {
	E     *EntityInfo
	Chart *Chart
}

func (s *Server) entityPage(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if !validID(id) {
		s.errorPage(w, r, http.StatusBadRequest, fmt.Sprintf("id %q: only letters, digits, '-', '_', '.' and ':' are allowed (no slashes, no '..')", id))
		return
	}
	e, err := s.entity(r.Context(), id)
	if err != nil {
		s.pageErr(w, r, err)
		return
	}
	view := &entityView{E: e, Chart: barChart(e.Timeline, 640, 80, func(day string) string {
		return "/?" + url.Values{"entity": {id}, "from": {day}, "to": {day}}.Encode()
	})}
	s.render(w, r, http.StatusOK, "entity", s.newPage(r, "", e.Name, view))
}

func (s *Server) storiesPage(w http.ResponseWriter, r *http.Request) {
	st, err := s.cfg.Store.Stories(r.Context(), 100)
	if err != nil {
		s.pageErr(w, r, err)
		return
	}
	s.render(w, r, http.StatusOK, "stories", s.newPage(r, "stories", "", st))
}

type pasteView struct {
	Text   string
	Mode   string
	Err    string
	Result *analysisView
}

func (s *Server) pastePage(w http.ResponseWriter, r *http.Request) {
	view := &pasteView{Mode: "text"}
	p := s.newPage(r, "paste", "", view)
	if r.Method != http.MethodPost {
		s.render(w, r, http.StatusOK, "paste", p)
		return
	}
	if err := r.ParseForm(); err != nil {
		s.failErr(w, r, http.StatusBadRequest, err)
		return
	}
	view.Text, view.Mode = r.PostFormValue("text"), r.PostFormValue("mode")
	in := Input{Text: view.Text}
	if view.Mode == "html" {
		in = Input{HTML: view.Text}
	} else {
		view.Mode = "text"
	}
	res, _, err := s.analyze(r.Context(), in)
	if err != nil {
		view.Err = err.Error()
		s.render(w, r, http.StatusBadRequest, "paste", p)
		return
	}
	view.Result = newAnalysisView(res)
	s.render(w, r, http.StatusOK, "paste", p)
}

type feedsView struct {
	On    bool
	Feeds []feedRow
	Err   string
	URL   string
}

type feedRow struct {
	ID, URL, Interval, LastSuccess, LastError, NextPoll string
	Items, Errors                                       int
}

func (s *Server) feedsPage(w http.ResponseWriter, r *http.Request) {
	view := &feedsView{On: s.cfg.Feeds != nil}
	p := s.newPage(r, "feeds", "", view)
	status := http.StatusOK
	if r.Method == http.MethodPost && view.On {
		d, err := parseInterval(r.PostFormValue("interval"))
		if err == nil {
			_, err = s.AddFeed(r.PostFormValue("url"), d)
		}
		if err != nil {
			view.Err, view.URL, status = err.Error(), r.PostFormValue("url"), http.StatusBadRequest
		} else {
			http.Redirect(w, r, "/feeds", http.StatusSeeOther)
			return
		}
	}
	if view.On {
		for _, f := range s.cfg.Feeds.List() {
			row := feedRow{ID: f.ID, URL: f.URL, Interval: shortDuration(f.Interval), LastError: f.LastError, Items: f.Items, Errors: f.Errors}
			if !f.LastSuccess.IsZero() {
				row.LastSuccess = p.Date(f.LastSuccess.UTC().Format("2006-01-02T15:04"))
			}
			if !f.NextPoll.IsZero() {
				row.NextPoll = p.Date(f.NextPoll.UTC().Format("2006-01-02T15:04"))
			}
			view.Feeds = append(view.Feeds, row)
		}
	}
	s.render(w, r, status, "feeds", p)
}

func (s *Server) feedDelete(w http.ResponseWriter, r *http.Request) {
	if s.cfg.Feeds == nil {
		s.errorPage(w, r, http.StatusNotImplemented, "feed polling is off in this server")
		return
	}
	if err := s.RemoveFeed(r.PathValue("id")); err != nil {
		s.errorPage(w, r, http.StatusNotFound, err.Error())
		return
	}
	http.Redirect(w, r, "/feeds", http.StatusSeeOther)
}

type alertsView struct {
	Alerts []Alert
	Err    string
	Form   Alert
}

func (s *Server) alertsPage(w http.ResponseWriter, r *http.Request) {
	view := &alertsView{}
	p := s.newPage(r, "alerts", "", view)
	status := http.StatusOK
	if r.Method == http.MethodPost {
		form := Alert{Name: r.PostFormValue("name"), Query: strings.TrimSpace(r.PostFormValue("query")),
			Entity: r.PostFormValue("entity"), Webhook: strings.TrimSpace(r.PostFormValue("webhook"))}
		if _, err := s.AddAlert(r.Context(), form); err != nil {
			view.Err, view.Form, status = err.Error(), form, http.StatusBadRequest
		} else {
			http.Redirect(w, r, "/alerts", http.StatusSeeOther)
			return
		}
	} else {
		view.Form = Alert{Query: r.URL.Query().Get("q"), Entity: r.URL.Query().Get("entity")}
	}
	view.Alerts = s.alerts.List()
	s.render(w, r, status, "alerts", p)
}

func (s *Server) alertDelete(w http.ResponseWriter, r *http.Request) {
	if err := s.alerts.Remove(r.PathValue("id")); err != nil {
		s.errorPage(w, r, http.StatusNotFound, err.Error())
		return
	}
	http.Redirect(w, r, "/alerts", http.StatusSeeOther)
}

// With returns a copy of the page carrying other data, for sub-templates.
func (p *page) With(data any) *page {
	c := *p
	c.Data = data
	return &c
}

// shortDuration writes 15m rather than 15m0s, and 1h30m rather than
// 1h30m0s.
func shortDuration(d time.Duration) string {
	s := d.String()
	if strings.HasSuffix(s, "m0s") {
		s = strings.TrimSuffix(s, "0s")
	}
	if strings.HasSuffix(s, "h0m") {
		s = strings.TrimSuffix(s, "0m")
	}
	return s
}
