package article

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Kind is the kind of an input: plain text, an HTML page, a feed or JSON
// lines.
type Kind int

// Input kinds.
const (
	Unknown Kind = iota
	Text
	HTML
	Feed
	JSONLines
)

// String returns the kind's name as --as takes it.
func (k Kind) String() string {
	switch k {
	case Text:
		return "text"
	case HTML:
		return "html"
	case Feed:
		return "feed"
	case JSONLines:
		return "jsonl"
	}
	return "unknown"
}

// ParseKind reads a kind's name: text, html, feed or jsonl.
func ParseKind(s string) (Kind, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "text", "txt":
		return Text, nil
	case "html", "htm":
		return HTML, nil
	case "feed", "rss", "atom":
		return Feed, nil
	case "jsonl", "json", "ndjson":
		return JSONLines, nil
	}
	return Unknown, fmt.Errorf("unknown input kind %q (want text, html, feed or jsonl)", s)
}

// DetectKind guesses an input's kind from its name and its first bytes:
// the extension when it is telling (.txt, .html, .rss, .atom, .xml, .jsonl,
// .gz of those), else the content (gzip or '{' -> JSON lines, <rss / <feed
// / <rdf -> feed, <html / <!doctype -> HTML, else text).
func DetectKind(name string, head []byte) Kind {
	base := strings.ToLower(filepath.Base(name))
	base = strings.TrimSuffix(base, ".gz")
	switch filepath.Ext(base) {
	case ".jsonl", ".ndjson":
		return JSONLines
	case ".html", ".htm", ".xhtml":
		return HTML
	case ".rss", ".atom":
		return Feed
	case ".txt", ".text", ".md":
		return Text
	}
	if bytes.HasPrefix(head, gzipMagic) {
		return JSONLines
	}
	h := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\uFEFF")), " \t\r\n")
	if len(h) > 0 && h[0] == '{' {
		return JSONLines
	}
	lower := bytes.ToLower(h)
	if len(lower) > 1024 {
		lower = lower[:1024]
	}
	switch {
	case bytes.Contains(lower, []byte("<rss")), bytes.Contains(lower, []byte("<feed")), bytes.Contains(lower, []byte("<rdf:rdf")):
		return Feed
	case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.Contains(lower, []byte("<html")),
		bytes.HasPrefix(lower, []byte("<head")), bytes.HasPrefix(lower, []byte("<body")):
		return HTML
	case bytes.HasPrefix(lower, []byte("<?xml")):
		return Feed
	}
	return Text
}

// Read reads every article of an input of the given kind (Unknown: detect
// it from name and content) and calls fn for each, in order, with the
// Article or with an error naming name (and the line or item for JSON lines
// and feeds). An input that cannot be read at all is one error given to fn.
// Read returns the first error fn returns, or ctx's.
func Read(ctx context.Context, r io.Reader, name string, kind Kind, fn func(*Article, error) error) error {
	br := bufio.NewReaderSize(r, 1<<16)
	if kind == Unknown {
		head, _ := br.Peek(1024)
		kind = DetectKind(name, head)
	}
	var fnErr error
	wrapped := func(a *Article, err error) error {
		if e := fn(a, err); e != nil {
			fnErr = e
			return e
		}
		return nil
	}
	// finish reports a reading error that fn has not seen yet.
	finish := func(err error, reported bool) error {
		switch {
		case err == nil:
			return nil
		case fnErr != nil:
			return fnErr
		case ctx.Err() != nil:
			return ctx.Err()
		case reported:
			return nil
		}
		return fn(nil, err)
	}
	switch kind {
	case JSONLines:
		err := ReadJSONLines(ctx, br, name, wrapped)
		var le *LineError
		return finish(err, errors.As(err, &le))
	case Feed:
		return finish(ReadFeed(ctx, br, name, wrapped), false)
	case HTML:
		a, err := ReadHTML(ctx, br, name, "")
		return fn(a, err)
	default:
		data, err := readAllLimited(br, name)
		if err != nil {
			return fn(nil, err)
		}
		a, err := ReadText(name, data)
		return fn(a, err)
	}
}
