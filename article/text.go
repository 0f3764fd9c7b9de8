package article

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"akhbar/arabic"
)

// line is one non-blank line of a text, trimmed, with its place in code
// points.
type line struct {
	text string
	span arabic.Span
}

// splitLines returns the non-blank lines of text, trimmed of spaces and bidi
// marks, with their code point spans.
func splitLines(text string) []line {
	var out []line
	cp := 0
	for len(text) > 0 {
		end := strings.IndexByte(text, '\n')
		raw := text
		if end >= 0 {
			raw = text[:end]
		}
		n := utf8.RuneCountInString(raw)
		lead := strings.TrimLeftFunc(raw, isTrimmable)
		trimmed := strings.TrimRightFunc(lead, isTrimmable)
		if trimmed != "" {
			start := cp + n - utf8.RuneCountInString(lead)
			out = append(out, line{text: trimmed, span: arabic.Span{Start: start, End: start + utf8.RuneCountInString(trimmed)}})
		}
		cp += n
		if end < 0 {
			break
		}
		text = text[end+1:]
		cp++
	}
	return out
}

func isTrimmable(r rune) bool {
	return unicode.IsSpace(r) || unicode.Is(unicode.Cf, r)
}

// ReadText reads a plain-text article laid out as Arabic sites and wires
// lay them out: an optional section line, the headline, a dateline, the body
// and a closing source line (المصدر: سبوتنيك), or a wire lead in the body's
// first words (القاهرة (رويترز) -, دمشق-سانا). Every part stays in Text; the
// Article's fields say what each is and where.
//
// name names the input in errors. Text that is not UTF-8, or that has
// nothing but spaces, is an error.
func ReadText(name string, data []byte) (*Article, error) {
	if !utf8.Valid(data) {
		return nil, fmt.Errorf("reading %s: not valid UTF-8", name)
	}
	text := strings.TrimPrefix(string(data), "\uFEFF")
	a := &Article{Text: text}
	if err := a.readLayout(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	a.Lang = guessLang(a.Text)
	return a, nil
}

// maxHeaderLines is how many lines may come before the body: section,
// headline, byline, dateline, and one spare.
const maxHeaderLines = 5

// readLayout finds section, headline, byline, dateline, body and credited
// source in a.Text, filling the fields that are still empty.
func (a *Article) readLayout() error {
	lines := splitLines(a.Text)
	if len(lines) == 0 {
		return fmt.Errorf("no text")
	}
	last := len(lines) // body lines are lines[bodyStart:last]
	var src credit
	var haveSrc bool
	if len(lines) > 1 {
		if c, ok := findSourceLine(lines[len(lines)-1].text); ok {
			src, haveSrc = c, true
			src.span = shift(src.span, lines[len(lines)-1].span.Start)
			last--
		}
	}
	var headers []line
	dateIdx := -1
	i := 0
	for i < last-1 && i < maxHeaderLines {
		l := lines[i]
		if dateIdx < 0 && mayBeDateline(l.text) {
			if p := parseDateline(l.text); isDateline(p) {
				dateIdx = i
				if a.Published.IsZero() {
					a.Published = p.ts
				}
				a.DatelineAt = l.span
				if c, ok := datelineCredit(l.text, p); ok && !haveSrc {
					src, haveSrc = c, true
					src.span = shift(src.span, l.span.Start)
				}
				i++
				continue
			} else if p.err != nil && !isNoDate(p.err) && p.unused <= 2 && p.words <= 12 {
				// A dateline that names a date that does not exist.
				return fmt.Errorf("line %d: dateline %q: %w", lineNumber(a.Text, l.span.Start), l.text, p.err)
			}
		}
		if a.BylineAt == (arabic.Span{}) {
			if by, span, ok := readByline(l); ok {
				a.Byline, a.BylineAt = by, span
				i++
				continue
			}
		}
		if len(headers) < 2 && isHeaderish(l.text) && (dateIdx < 0 || len(headers) == 0) {
			headers = append(headers, l)
			i++
			continue
		}
		break
	}
	switch {
	case len(headers) == 2 && isSectionish(headers[0].text):
		a.setSection(headers[0])
		a.setHeadline(headers[1])
	case len(headers) == 2 && dateIdx < 0:
		// Two short lines and no dateline: a headline and a short first
		// paragraph.
		a.setHeadline(headers[0])
		i = indexOf(lines, headers[1])
	case len(headers) == 2:
		a.setHeadline(headers[0])
	case len(headers) == 1:
		a.setHeadline(headers[0])
	}
	body := lines[i:last]
	if len(body) > 0 {
		a.Body = arabic.Span{Start: body[0].span.Start, End: body[len(body)-1].span.End}
		if !haveSrc {
			if c, ok := findWireLead(body[0].text); ok {
				src, haveSrc = c, true
				src.span = shift(src.span, body[0].span.Start)
			}
		}
		if !haveSrc {
			if c, ok := findTrailingCredit(body[len(body)-1].text); ok {
				src, haveSrc = c, true
				src.span = shift(src.span, body[len(body)-1].span.Start)
			}
		}
		if !haveSrc {
			if c, ok := findSourceLine(body[len(body)-1].text); ok && len(body) > 1 {
				src, haveSrc = c, true
				src.span = shift(src.span, body[len(body)-1].span.Start)
			}
		}
		if !haveSrc {
			bodyText := substr(a.Text, a.Body.Start, a.Body.End)
			if c, ok := findAttribution(bodyText); ok {
				src, haveSrc = c, true
				src.span = shift(src.span, a.Body.Start)
			}
		}
	}
	if haveSrc && a.Source.IsZero() {
		a.Source, a.SourceAt = src.src, src.span
		if a.Place == "" {
			a.Place = src.place
		}
	}
	return nil
}

func (a *Article) setSection(l line) {
	if a.Section == "" {
		a.Section = l.text
	}
	a.SectionAt = l.span
}

func (a *Article) setHeadline(l line) {
	if a.Headline == "" {
		a.Headline = l.text
	}
	a.HeadlineAt = l.span
}

func indexOf(lines []line, l line) int {
	for i := range lines {
		if lines[i].span == l.span {
			return i
		}
	}
	return 0
}

func shift(s arabic.Span, by int) arabic.Span {
	return arabic.Span{Start: s.Start + by, End: s.End + by}
}

func isNoDate(err error) bool { return errors.Is(err, ErrNoDate) }

// maxDatelineBytes is the longest line worth parsing as a dateline; longer
// lines are running text.
const maxDatelineBytes = 400

func mayBeDateline(s string) bool { return len(s) <= maxDatelineBytes }

// isDateline reports whether a parsed line is a dateline: it names a date
// and little else.
func isDateline(p dateline) bool {
	return p.err == nil && !p.ts.IsZero() && p.unused <= 3 && p.words <= 12
}

// lineNumber returns the 1-based line of code point offset cp in text.
func lineNumber(text string, cp int) int {
	n, i := 1, 0
	for _, r := range text {
		if i >= cp {
			break
		}
		if r == '\n' {
			n++
		}
		i++
	}
	return n
}

// isHeaderish reports whether a line may be a section or headline: short,
// and not ending as a sentence of running text does.
func isHeaderish(s string) bool {
	words := len(strings.Fields(s))
	if words == 0 || words > 30 {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r != '.' && r != '،' && r != ':' && r != ','
}

// isSectionish reports whether a line may be a section name: at most three
// words, no digits, no sentence punctuation.
func isSectionish(s string) bool {
	if len(strings.Fields(s)) > 3 {
		return false
	}
	for _, r := range s {
		if unicode.IsDigit(r) || strings.ContainsRune(".،:؟?!\"«»", r) {
			return false
		}
	}
	return true
}

// bylinePrefixes open a byline: بقلم فلان, كتب: فلان.
var bylinePrefixes = []string{"بقلم", "كتب", "كتبت", "كتبه", "اعداد", "إعداد", "تقرير", "مراسل", "مراسلة", "By", "by"}

func readByline(l line) (string, arabic.Span, bool) {
	fields := strings.Fields(l.text)
	if len(fields) < 2 || len(fields) > 8 {
		return "", arabic.Span{}, false
	}
	for _, p := range bylinePrefixes {
		rest, ok := strings.CutPrefix(l.text, p)
		if !ok {
			continue
		}
		if rest == "" || !(rest[0] == ' ' || rest[0] == ':') {
			continue
		}
		name := strings.TrimLeft(rest, " :")
		if name == "" {
			continue
		}
		start := l.span.Start + utf8.RuneCountInString(l.text) - utf8.RuneCountInString(name)
		return name, arabic.Span{Start: start, End: l.span.End}, true
	}
	return "", arabic.Span{}, false
}
