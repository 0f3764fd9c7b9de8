package article

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"akhbar/arabic"
)

// MaxLineBytes is the longest JSON line ReadJSONLines accepts; a longer one
// is an error for that line and reading goes on after it.
const MaxLineBytes = 16 << 20

// jsonArticle is one line of a JSON lines corpus.
type jsonArticle struct {
	ID       *string         `json:"id"`
	Source   string          `json:"source"`
	Title    string          `json:"title"`
	Date     string          `json:"date"`
	Text     *string         `json:"text"`
	URL      string          `json:"url"`
	Category json.RawMessage `json:"category"`
	Author   string          `json:"author"`
	Lang     string          `json:"lang"`
}

// LineError is an error about one line (or item) of an input.
type LineError struct {
	Name string // the input
	Line int    // 1-based line or item number
	ID   string // the item's id, when it could be read
	Err  error
}

// Error implements error: "news.jsonl:12 (id abc): no text".
func (e *LineError) Error() string {
	if e.ID != "" {
		return fmt.Sprintf("%s:%d (id %s): %v", e.Name, e.Line, e.ID, e.Err)
	}
	return fmt.Sprintf("%s:%d: %v", e.Name, e.Line, e.Err)
}

// Unwrap returns the underlying error.
func (e *LineError) Unwrap() error { return e.Err }

// gzipMagic starts every gzip stream.
var gzipMagic = []byte{0x1f, 0x8b}

// ReadJSONLines streams a JSON lines corpus (gzip-compressed or not) with
// one article a line: id, source, title, date, text, and optionally url,
// category. It calls fn for each line in order, with the Article or with a
// *LineError naming name, the line and the id (not JSON, no text, a bad
// date...); reading goes on after a bad line. The headline is the first line
// of Text, then a blank line, then the text; source is the publishing site;
// date is the published time.
//
// It stops at the first error fn returns, or when ctx is done, and returns
// it. A stream that cannot be read (truncated gzip, I/O error) ends with a
// *LineError at the line where it broke, passed to fn and returned.
func ReadJSONLines(ctx context.Context, r io.Reader, name string, fn func(*Article, error) error) error {
	br := bufio.NewReaderSize(r, 1<<16)
	if head, _ := br.Peek(2); bytes.Equal(head, gzipMagic) {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return fmt.Errorf("reading %s: %w", name, err)
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 1<<16)
	}
	lineNo := 0
	var buf []byte
	for {
		if err := ctx.Err(); err != nil {
			return err
		}
		line, tooLong, err := readLine(br, buf[:0])
		buf = line
		if len(line) > 0 || tooLong || err == nil {
			lineNo++
		}
		if tooLong {
			if ferr := fn(nil, &LineError{Name: name, Line: lineNo, Err: fmt.Errorf("line longer than %d bytes", MaxLineBytes)}); ferr != nil {
				return ferr
			}
		} else if len(bytes.TrimSpace(line)) > 0 && (err == nil || err == io.EOF) {
			a, perr := parseJSONLine(line)
			if perr != nil {
				perr = &LineError{Name: name, Line: lineNo, ID: idOf(a), Err: perr}
				a = nil
			}
			if ferr := fn(a, perr); ferr != nil {
				return ferr
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			lerr := &LineError{Name: name, Line: lineNo, Err: fmt.Errorf("reading: %w", err)}
			if errors.Is(err, io.ErrUnexpectedEOF) {
				lerr.Err = fmt.Errorf("input ends early (truncated file?): %w", err)
			}
			if ferr := fn(nil, lerr); ferr != nil {
				return ferr
			}
			return lerr
		}
	}
}

func idOf(a *Article) string {
	if a == nil {
		return ""
	}
	return a.ID
}

// readLine reads one line into buf without its newline. A line longer than
// MaxLineBytes is skipped to its end and reported with tooLong.
func readLine(br *bufio.Reader, buf []byte) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(buf)+len(chunk) > MaxLineBytes {
				tooLong, buf = true, buf[:0]
			} else {
				buf = append(buf, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		if n := len(buf); n > 0 && buf[n-1] == '\n' {
			buf = buf[:n-1]
		}
		return buf, tooLong, err
	}
}

// parseJSONLine reads one article from a JSON line. On error the returned
// Article, when not nil, holds the id for the message.
func parseJSONLine(line []byte) (*Article, error) {
	if !utf8.Valid(line) {
		return nil, fmt.Errorf("not valid UTF-8")
	}
	var ja jsonArticle
	if err := json.Unmarshal(line, &ja); err != nil {
		return nil, fmt.Errorf("not a JSON object: %w", err)
	}
	a := &Article{}
	if ja.ID != nil {
		a.ID = *ja.ID
	}
	if ja.Text == nil {
		return a, fmt.Errorf("no \"text\" field")
	}
	if strings.TrimSpace(*ja.Text) == "" && strings.TrimSpace(ja.Title) == "" {
		return a, fmt.Errorf("empty \"text\"")
	}
	a.URL, a.Site, a.Byline, a.Lang = ja.URL, siteName(ja.Source), ja.Author, ja.Lang
	a.Categories = stringOrList(ja.Category)
	if ja.Date != "" {
		ts, err := ParseTimestamp(ja.Date)
		if err != nil {
			return a, fmt.Errorf("field \"date\": %w", err)
		}
		a.Published = ts
	}
	title := strings.TrimSpace(ja.Title)
	body := strings.TrimSpace(*ja.Text)
	if title != "" {
		a.Headline = title
		a.HeadlineAt.End = utf8.RuneCountInString(title)
		a.Text = title + "\n\n" + body
	} else {
		a.Text = body
	}
	a.readBody(a.HeadlineAt.End)
	if a.Lang == "" {
		a.Lang = guessLang(a.Text)
	}
	return a, nil
}

// readBody sets Body from code point start to the end of Text and looks
// for the credited source there, for inputs whose layout is known.
func (a *Article) readBody(start int) {
	lines := splitLines(a.Text)
	var body []line
	for _, l := range lines {
		if l.span.Start >= start {
			body = append(body, l)
		}
	}
	if len(body) == 0 {
		return
	}
	a.Body = arabic.Span{Start: body[0].span.Start, End: body[len(body)-1].span.End}
	if !a.Source.IsZero() {
		return
	}
	if mayBeDateline(body[0].text) {
		if p := parseDateline(body[0].text); isDateline(p) {
			// A wire dateline: الرياض 5 شوال 1436 هـ الموافق 21 يوليو 2015 م واس
			a.DatelineAt = body[0].span
			if a.Published.IsZero() {
				a.Published = p.ts
			}
			if c, ok := datelineCredit(body[0].text, p); ok {
				a.Source, a.SourceAt, a.Place = c.src, shift(c.span, body[0].span.Start), c.place
				return
			}
		}
	}
	if c, ok := findWireLead(body[0].text); ok {
		a.Source, a.SourceAt, a.Place = c.src, shift(c.span, body[0].span.Start), c.place
		return
	}
	if len(body) > 1 {
		if c, ok := findSourceLine(body[len(body)-1].text); ok {
			a.Source, a.SourceAt = c.src, shift(c.span, body[len(body)-1].span.Start)
			return
		}
	}
	if c, ok := findTrailingCredit(body[len(body)-1].text); ok {
		a.Source, a.SourceAt = c.src, shift(c.span, body[len(body)-1].span.Start)
		return
	}
	// An outlet credited in the opening paragraphs: وبحسب موقع سبوتنيك.
	for _, l := range body[:min(2, len(body))] {
		if c, ok := findAttribution(l.text); ok {
			a.Source, a.SourceAt = c.src, shift(c.span, l.span.Start)
			return
		}
	}
}

// siteName turns a corpus source tag into a site name: ant_bbc_arabic ->
// bbc_arabic, saudinewsnet_okaz -> okaz.
func siteName(s string) string {
	for _, p := range []string{"ant_", "saudinewsnet_"} {
		if rest, ok := strings.CutPrefix(s, p); ok {
			return rest
		}
	}
	return s
}

// categories reads "category": a string or a list of strings.
