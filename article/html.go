package article

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode/utf8"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/PuerkitoBio/goquery"
	"golang.org/x/net/html"

	"akhbar/arabic"
)

// MaxPageBytes is the largest HTML page, feed or text file the readers
// accept; a larger one is an error (a 50 MB "page" is not an article).
const MaxPageBytes = 10 << 20

// ErrNoArticle is the error ReadHTML wraps when a page holds no article.
var ErrNoArticle = errors.New("no article text found")

// minArticleWords is the fewest words of body text a page must have to be
// an article.
const minArticleWords = 20

// readAllLimited reads r whole, failing when it is larger than MaxPageBytes.
func readAllLimited(r io.Reader, name string) ([]byte, error) {
	data, err := io.ReadAll(io.LimitReader(r, MaxPageBytes+1))
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if len(data) > MaxPageBytes {
		return nil, fmt.Errorf("reading %s: larger than %d MB; not read", name, MaxPageBytes>>20)
	}
	return data, nil
}

// ReadHTML reads a news page: the main text through readability (menus,
// related-article lists and share buttons stay out), and the metadata from
// JSON-LD NewsArticle (headline, datePublished, author, publisher,
// articleSection), <meta property="article:published_time">, og:title,
// og:site_name, <time datetime>, <html lang>, and the canonical URL.
//
// When the page carries no machine-readable date, the Arabic dateline in
// its text gives Published. When both are there and disagree, the machine
// date wins: it is exact to the second and carries its UTC offset, while a
// visible dateline is often the local time, or the time of an update.
//
// pageURL, when not empty, is the page's address (for the site and for
// relative links). Text is the headline, a blank line, then the body.
func ReadHTML(ctx context.Context, r io.Reader, name, pageURL string) (*Article, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	data, err := readAllLimited(r, name)
	if err != nil {
		return nil, err
	}
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("reading %s: not valid UTF-8", name)
	}
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("reading %s: parsing HTML: %w", name, err)
	}
	var base *url.URL
	if pageURL != "" {
		base, _ = url.Parse(pageURL)
	}
	meta := readMeta(goquery.NewDocumentFromNode(doc))
	parser := readability.NewParser()
	ra, err := parser.ParseDocument(doc, base)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w: %v", name, ErrNoArticle, err)
	}
	body := ""
	if ra.Node != nil {
		body = nodeText(ra.Node)
	}
	if len(strings.Fields(body)) < minArticleWords {
		return nil, fmt.Errorf("reading %s: %w (%d words of text; an article has at least %d)", name, ErrNoArticle, len(strings.Fields(body)), minArticleWords)
	}
	a := &Article{
		URL:        firstNonEmpty(meta.url, pageURL),
		Site:       firstNonEmpty(meta.site, ra.SiteName(), hostOf(firstNonEmpty(meta.url, pageURL))),
		Section:    meta.section,
		Byline:     firstNonEmpty(meta.author, ra.Byline()),
		Lang:       firstNonEmpty(meta.lang, ra.Language()),
		Categories: meta.tags,
		Published:  meta.published,
	}
	headline := cleanTitle(firstNonEmpty(meta.headline, meta.ogTitle, meta.h1, ra.Title(), meta.title), a.Site)
	body = dropHeadline(body, headline)
	if headline != "" {
		a.Headline = headline
		a.HeadlineAt = arabic.Span{End: utf8.RuneCountInString(headline)}
		a.Text = headline + "\n\n" + body
	} else {
		a.Text = body
	}
	a.readHTMLBody(a.HeadlineAt.End)
	if a.Lang == "" {
		a.Lang = guessLang(a.Text)
	}
	return a, nil
}

// dropHeadline removes the headline from the first paragraphs of body:
// readability often keeps the page's <h1>, sometimes after a date line.
func dropHeadline(body, headline string) string {
	if headline == "" {
		return body
	}
	paras := strings.SplitN(body, "\n\n", 4)
	for i, p := range paras[:min(3, len(paras))] {
		if strings.TrimSpace(p) == headline {
			return strings.Join(append(paras[:i:i], paras[i+1:]...), "\n\n")
		}
	}
	return body
}

// readHTMLBody finds the dateline (among the body's first lines), the body
// and the credited source in a page's text.
func (a *Article) readHTMLBody(start int) {
	lines := splitLines(a.Text)
	bodyStart := start
	n := 0
	for _, l := range lines {
		if l.span.Start < start {
			continue
		}
		if n++; n > 3 {
			break
		}
		if !mayBeDateline(l.text) {
			continue
		}
		if p := parseDateline(l.text); isDateline(p) {
			a.DatelineAt = l.span
			if a.Published.IsZero() {
				a.Published = p.ts
			}
			bodyStart = l.span.End
			break
		}
	}
	a.readBody(bodyStart)
}

// pageMeta is what a page's metadata says.
type pageMeta struct {
	headline, ogTitle, h1, title string
	site, author, section, lang  string
	url                          string
	tags                         []string
	published                    Timestamp
}

func readMeta(doc *goquery.Document) pageMeta {
	var m pageMeta
	metaContent := func(sel string) string {
		return strings.TrimSpace(doc.Find(sel).First().AttrOr("content", ""))
	}
	m.ogTitle = metaContent(`meta[property="og:title"]`)
	m.site = metaContent(`meta[property="og:site_name"]`)
	m.section = metaContent(`meta[property="article:section"]`)
	m.author = metaContent(`meta[name="author"]`)
	m.title = strings.TrimSpace(doc.Find("title").First().Text())
	m.h1 = strings.Join(strings.Fields(doc.Find("h1").First().Text()), " ")
	m.lang = strings.TrimSpace(doc.Find("html").First().AttrOr("lang", ""))
	m.url = strings.TrimSpace(doc.Find(`link[rel="canonical"]`).First().AttrOr("href", ""))
	if m.url == "" {
		m.url = metaContent(`meta[property="og:url"]`)
	}
	doc.Find(`meta[property="article:tag"]`).Each(func(_ int, s *goquery.Selection) {
		if t := strings.TrimSpace(s.AttrOr("content", "")); t != "" {
			m.tags = append(m.tags, t)
		}
	})
	// Dates, most trusted first.
	var dates []string
	doc.Find(`script[type="application/ld+json"]`).Each(func(_ int, s *goquery.Selection) {
		ld, ok := findNewsArticle([]byte(s.Text()))
		if !ok {
			return
		}
		if ld.Headline != "" {
			m.headline = strings.TrimSpace(ld.Headline)
		}
		if ld.DatePublished != "" {
			dates = append([]string{ld.DatePublished}, dates...)
		}
		if names := ld.authorNames(); names != "" && m.author == "" {
			m.author = names
		}
		if ld.Publisher.Name != "" && m.site == "" {
			m.site = ld.Publisher.Name
		}
		if s := ld.section(); s != "" && m.section == "" {
			m.section = s
		}
	})
	for _, sel := range []string{`meta[property="article:published_time"]`, `meta[itemprop="datePublished"]`,
		`meta[name="pubdate"]`, `meta[name="publishdate"]`, `meta[name="date"]`, `meta[name="DC.date.issued"]`} {
		if c := metaContent(sel); c != "" {
			dates = append(dates, c)
		}
	}
	if t := strings.TrimSpace(doc.Find("time[datetime]").First().AttrOr("datetime", "")); t != "" {
		dates = append(dates, t)
	}
	for _, d := range dates {
		if ts, err := ParseTimestamp(d); err == nil {
			m.published = ts
			break
		}
	}
	return m
}

// ldArticle is the part of a JSON-LD NewsArticle we read.
type ldArticle struct {
	Type          json.RawMessage `json:"@type"`
	Headline      string          `json:"headline"`
	DatePublished string          `json:"datePublished"`
	Author        json.RawMessage `json:"author"`
	Publisher     struct {
		Name string `json:"name"`
	} `json:"publisher"`
	ArticleSection json.RawMessage   `json:"articleSection"`
	Graph          []json.RawMessage `json:"@graph"`
}

var articleTypes = map[string]bool{"NewsArticle": true, "Article": true, "ReportageNewsArticle": true,
	"AnalysisNewsArticle": true, "BlogPosting": true, "OpinionNewsArticle": true, "WebPage": false}

// findNewsArticle finds the article object in a JSON-LD script: an object,
// a list, or a @graph.
func findNewsArticle(data []byte) (ldArticle, bool) {
	data = bytes.TrimSpace(data)
	if len(data) > 0 && data[0] == '[' {
		var list []json.RawMessage
		if json.Unmarshal(data, &list) != nil {
			return ldArticle{}, false
		}
		for _, item := range list {
			if a, ok := findNewsArticle(item); ok {
				return a, true
			}
		}
		return ldArticle{}, false
	}
	var a ldArticle
	if json.Unmarshal(data, &a) != nil {
		return ldArticle{}, false
	}
	for _, t := range stringOrList(a.Type) {
		if articleTypes[t] {
			return a, true
		}
	}
	for _, item := range a.Graph {
		if g, ok := findNewsArticle(item); ok {
			return g, true
		}
	}
	return ldArticle{}, false
}

func (a ldArticle) authorNames() string {
	var names []string
	var one struct {
		Name string `json:"name"`
	}
	var many []struct {
		Name string `json:"name"`
	}
	switch {
	case json.Unmarshal(a.Author, &one) == nil && one.Name != "":
		names = append(names, one.Name)
	case json.Unmarshal(a.Author, &many) == nil:
		for _, p := range many {
			if p.Name != "" {
				names = append(names, p.Name)
			}
		}
	default:
		names = stringOrList(a.Author)
	}
	return strings.Join(names, "، ")
}

func (a ldArticle) section() string {
	if s := stringOrList(a.ArticleSection); len(s) > 0 {
		return s[0]
	}
	return ""
}

// stringOrList reads a JSON string or list of strings.
func stringOrList(raw json.RawMessage) []string {
	var one string
	if json.Unmarshal(raw, &one) == nil {
		if one == "" {
			return nil
		}
		return []string{one}
	}
	var many []string
	if json.Unmarshal(raw, &many) == nil {
		return many
	}
	return nil
}

// cleanTitle drops a " - Site" or " | Site" suffix naming the site.
func cleanTitle(title, site string) string {
	title = strings.Join(strings.Fields(title), " ")
	if site == "" {
		return title
	}
	for _, sep := range []string{" | ", " - ", " – ", " — ", " :: "} {
		if i := strings.LastIndex(title, sep); i > 0 && strings.EqualFold(strings.TrimSpace(title[i+len(sep):]), site) {
			return strings.TrimSpace(title[:i])
		}
	}
	return title
}

func hostOf(u string) string {
	p, err := url.Parse(u)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(p.Hostname(), "www.")
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}
