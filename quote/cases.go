package quote

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Case is one composed test passage with the quotations and attributions a
// reader finds in it, written by hand. Expected texts are substrings of
// Text (their first occurrence is meant).
type Case struct {
	Name         string            `json:"name"`
	Text         string            `json:"text"`
	Quotes       []CaseQuote       `json:"quotes"`
	Attributions []CaseAttribution `json:"attributions"`
}

// CaseQuote is an expected quotation in a Case.
type CaseQuote struct {
	Text    string `json:"text"`
	Speaker string `json:"speaker"`
	Direct  bool   `json:"direct"`
}

// CaseAttribution is an expected attribution in a Case.
type CaseAttribution struct {
	Text   string `json:"text"`
	Source string `json:"source"`
}

// ReadCases reads cases, one JSON object a line; name names the input in
// errors. Every expected text must occur in its case's text.
func ReadCases(r io.Reader, name string) ([]Case, error) {
	var out []Case
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		b := strings.TrimSpace(sc.Text())
		if b == "" || strings.HasPrefix(b, "#") {
			continue
		}
		var c Case
		if err := json.Unmarshal([]byte(b), &c); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if _, err := c.Gold(); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		if _, err := c.AttributionSpans(); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", name, line, err)
		}
		out = append(out, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	return out, nil
}

// Gold returns the case's expected quotations as spans of its text.
func (c Case) Gold() ([]Gold, error) {
	out := make([]Gold, 0, len(c.Quotes))
	for _, q := range c.Quotes {
		s, e, err := locate(c.Text, q.Text)
		if err != nil {
			return nil, fmt.Errorf("case %q: quote: %w", c.Name, err)
		}
		out = append(out, Gold{Start: s, End: e, Speaker: q.Speaker, Direct: q.Direct})
	}
	return out, nil
}

// AttributionSpans returns the spans of the case's expected attributions.
func (c Case) AttributionSpans() ([][2]int, error) {
	out := make([][2]int, 0, len(c.Attributions))
	for _, a := range c.Attributions {
		s, e, err := locate(c.Text, a.Text)
		if err != nil {
			return nil, fmt.Errorf("case %q: attribution: %w", c.Name, err)
		}
		out = append(out, [2]int{s, e})
	}
	return out, nil
}

// locate returns the code point span of the first occurrence of sub in text.
func locate(text, sub string) (int, int, error) {
	i := strings.Index(text, sub)
	if sub == "" || i < 0 {
		return 0, 0, fmt.Errorf("%q does not occur in the text", sub)
	}
	s := utf8.RuneCountInString(text[:i])
	return s, s + utf8.RuneCountInString(sub), nil
}
