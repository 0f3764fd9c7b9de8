// Package demo holds akhbar's demo set: short Arabic news articles written
// for the project (fictional people and events in real places, varied
// outlets and dateline styles, people recurring across articles under
// different spellings, and wire copies of one story), embedded in the
// binary so that `akhbar serve --demo` shows every page working.
package demo

import (
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"akhbar/arabic"
	"akhbar/article"
)

//go:embed articles/*.txt
var files embed.FS

//go:embed feeds.txt
var feedList string

// Articles returns the demo articles, in file order.
func Articles() ([]*article.Article, error) {
	names, err := fs.Glob(files, "articles/*.txt")
	if err != nil {
		return nil, fmt.Errorf("listing demo articles: %w", err)
	}
	sort.Strings(names)
	out := make([]*article.Article, 0, len(names))
	for _, n := range names {
		b, err := files.ReadFile(n)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", n, err)
		}
		a, err := Parse(b)
		if err != nil {
			return nil, fmt.Errorf("demo article %s: %w", n, err)
		}
		out = append(out, a)
	}
	return out, nil
}

// Parse reads one article in the demo format: "key: value" header lines
// (id, site, url, published as RFC 3339, source as "name|id", headline), a
// blank line, then the body. The article's text is the headline, a blank
// line and the body.
func Parse(b []byte) (*article.Article, error) {
	if !utf8.Valid(b) {
		return nil, fmt.Errorf("not valid UTF-8")
	}
	s := strings.ReplaceAll(string(b), "\r\n", "\n")
	head, body, ok := strings.Cut(s, "\n\n")
	if !ok {
		return nil, fmt.Errorf("no blank line between header and body")
	}
	a := &article.Article{Lang: "ar"}
	for i, line := range strings.Split(head, "\n") {
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			return nil, fmt.Errorf("header line %d %q: not key: value", i+1, line)
		}
		v = strings.TrimSpace(v)
		switch strings.TrimSpace(k) {
		case "id":
			a.ID = v
		case "site":
			a.Site = v
		case "url":
			a.URL = v
		case "headline":
			a.Headline = v
		case "source":
			name, id, _ := strings.Cut(v, "|")
			a.Source = article.Source{Name: strings.TrimSpace(name), ID: strings.TrimSpace(id)}
		case "published":
			t, err := time.Parse(time.RFC3339, v)
			if err != nil {
				return nil, fmt.Errorf("header line %d: published %q: %w", i+1, v, err)
			}
			a.Published = article.Timestamp{Time: t, Clock: true, Zone: true}
		default:
			return nil, fmt.Errorf("header line %d: unknown key %q", i+1, k)
		}
	}
	body = strings.TrimSpace(body)
	if body == "" {
		return nil, fmt.Errorf("empty body")
	}
	if a.Headline == "" {
		return nil, fmt.Errorf("no headline")
	}
	a.Text = a.Headline + "\n\n" + body
	n := utf8.RuneCountInString(a.Text)
	a.Body = arabic.Span{Start: n - utf8.RuneCountInString(body), End: n}
	return a, nil
}

// Feeds returns the default list of real Arabic news feeds (RSS or Atom
// URLs), enabled by `akhbar serve --default-feeds`.
func Feeds() []string {
	var out []string
	for _, line := range strings.Split(feedList, "\n") {
		line = strings.TrimSpace(line)
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f, _, _ := strings.Cut(line, " ")
		out = append(out, f)
	}
	return out
}
