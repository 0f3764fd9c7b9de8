package server

import (
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/PuerkitoBio/goquery"

	"akhbar/arabic"
	"akhbar/article"
)

// Input is an article sent to the API: plain text or an HTML page, with
// optional metadata.
type Input struct {
	Text      string          `json:"text,omitempty"`
	HTML      string          `json:"html,omitempty"`
	Headline  string          `json:"headline,omitempty"`
	URL       string          `json:"url,omitempty"`
	Site      string          `json:"site,omitempty"`
	Published string          `json:"published,omitempty"` // RFC 3339 or YYYY-MM-DD
	Source    *article.Source `json:"source,omitempty"`
	Lang      string          `json:"lang,omitempty"`
}

// maxTextRunes bounds one article's text.
const maxTextRunes = 500_000

// Article turns the input into an Article, or says why it cannot.
func (in Input) Article() (*article.Article, error) {
	for name, v := range map[string]string{"text": in.Text, "html": in.HTML, "headline": in.Headline, "url": in.URL, "site": in.Site} {
		if !utf8.ValidString(v) {
			return nil, fmt.Errorf("field %s: not valid UTF-8", name)
		}
	}
	a := &article.Article{Headline: strings.TrimSpace(in.Headline), URL: in.URL, Site: in.Site, Lang: in.Lang}
	if in.Source != nil {
		a.Source = *in.Source
	}
	if in.Published != "" {
		ts, err := parseTimestamp(in.Published)
		if err != nil {
			return nil, err
		}
		a.Published = ts
	}
	switch {
	case strings.TrimSpace(in.HTML) != "":
		if err := readHTML(a, in.HTML); err != nil {
			return nil, err
		}
	case strings.TrimSpace(in.Text) != "":
		body := strings.TrimSpace(strings.ReplaceAll(in.Text, "\r\n", "\n"))
		if a.Headline == "" {
			line, _, _ := strings.Cut(body, "\n")
			if utf8.RuneCountInString(line) <= 200 {
				a.Headline = strings.TrimSpace(line)
			}
		}
		a.Text = body
	default:
		return nil, errors.New("empty article: send text or html")
	}
	if utf8.RuneCountInString(a.Text) > maxTextRunes {
		return nil, fmt.Errorf("article text longer than %d characters", maxTextRunes)
	}
	a.Body = arabic.Span{Start: 0, End: utf8.RuneCountInString(a.Text)}
	if a.Lang == "" {
		a.Lang = "ar"
	}
	return a, nil
}

func parseTimestamp(s string) (article.Timestamp, error) {
	for _, f := range []struct {
		layout      string
		clock, zone bool
	}{{time.RFC3339, true, true}, {"2006-01-02T15:04:05", true, false}, {"2006-01-02T15:04", true, false}, {"2006-01-02", false, false}} {
		if t, err := time.Parse(f.layout, s); err == nil {
			return article.Timestamp{Time: t, Clock: f.clock, Zone: f.zone}, nil
		}
	}
	return article.Timestamp{}, fmt.Errorf("published %q: not RFC 3339 or YYYY-MM-DD", s)
}

// readHTML fills a from an HTML page: headline from h1 or title, site and
// date from meta tags, text from the paragraphs. Scripts, styles and
// navigation are dropped.
func readHTML(a *article.Article, page string) error {
	doc, err := goquery.NewDocumentFromReader(strings.NewReader(page))
	if err != nil {
		return fmt.Errorf("reading HTML: %w", err)
	}
	doc.Find("script, style, noscript, nav, header, footer, aside, form, iframe").Remove()
	meta := func(names ...string) string {
		for _, n := range names {
			if v, ok := doc.Find(`meta[property="` + n + `"], meta[name="` + n + `"]`).First().Attr("content"); ok && strings.TrimSpace(v) != "" {
				return strings.TrimSpace(v)
			}
		}
		return ""
	}
	if a.Headline == "" {
		a.Headline = squash(doc.Find("h1").First().Text())
	}
	if a.Headline == "" {
		a.Headline = squash(meta("og:title"))
	}
	if a.Headline == "" {
		a.Headline = squash(doc.Find("title").First().Text())
	}
	if a.Site == "" {
		a.Site = meta("og:site_name")
	}
	if a.URL == "" {
		a.URL = meta("og:url")
	}
	if a.Published.IsZero() {
		if v := meta("article:published_time", "date", "pubdate"); v != "" {
			if ts, err := parseTimestamp(v); err == nil {
				a.Published = ts
			}
		}
	}
	var paras []string
	root := doc.Find("article").First()
	if root.Length() == 0 {
		root = doc.Find("body")
	}
	root.Find("p").Each(func(_ int, p *goquery.Selection) {
		if t := squash(p.Text()); t != "" {
			paras = append(paras, t)
		}
	})
	if len(paras) == 0 {
		if t := squash(root.Text()); t != "" {
			paras = append(paras, t)
		}
	}
	if len(paras) == 0 {
		return errors.New("HTML page has no article text")
	}
	text := strings.Join(paras, "\n\n")
	if a.Headline != "" && !strings.HasPrefix(text, a.Headline) {
		text = a.Headline + "\n\n" + text
	}
	a.Text = text
	return nil
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }
