package main

import (
	"bufio"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"akhbar/analysis"
	"akhbar/article"
	"akhbar/quote"
)

const evalQuotesUsage = `
akhbar eval quotes measures quotation and attribution finding. With --cases it reads
composed passages (JSON lines: name, text, quotes [{text, speaker, direct}],
attributions [{text, source}]); with --gold and --corpus it reads hand annotations of
real articles (JSON lines: id, quotes [{start, end, speaker, direct}], offsets in code
points into the article's text field) and the articles themselves (JSON lines, .gz or
plain: id, title, text). Each article is analyzed as its title, a blank line and its
text, as akhbar analyze would see it. A found quotation matches an expected one when
their spans share at least half their length; its speaker is right when a word of the
expected name (within a letter or two) is in the speaker's entity name or words.

It prints precision, recall and F1 of quotations, speaker accuracy, and attribution
precision and recall, then "N passed, M failed" (passed: expected quotations found with
the right speaker; failed: the others plus spurious ones). With --min-f1 it exits 1
when the F1 counting speakers is below the bar.

Usage:
  akhbar eval quotes --cases FILE [--min-f1 X] [-v]
  akhbar eval quotes --gold FILE --corpus FILE [--min-f1 X] [-v]

Examples:
  akhbar eval quotes --cases quote/testdata/cases.jsonl
  akhbar eval quotes --gold quote/testdata/gold_news.jsonl --corpus ../shared/data/news/arabic_news.jsonl.gz --min-f1 0.6
`

func runEvalQuotes(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval quotes", evalQuotesUsage)
	casesFile := fs.String("cases", "", "composed passages with expected quotations (JSON lines)")
	goldFile := fs.String("gold", "", "hand annotations of real articles (JSON lines)")
	corpusFile := fs.String("corpus", "", "the articles the annotations refer to (JSON lines, optionally gzipped)")
	minF1 := fs.Float64("min-f1", 0, "exit 1 when the F1 counting speakers is below this")
	verbose := fs.Bool("v", false, "print each mismatch")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	az, err := analysis.New(analysis.Options{})
	if err != nil {
		return err
	}
	var total quote.Score
	switch {
	case *casesFile != "":
		total, err = evalQuoteCases(ctx, e, az, *casesFile, *verbose)
	case *goldFile != "" && *corpusFile != "":
		total, err = evalQuoteGold(ctx, e, az, *goldFile, *corpusFile, *verbose)
	default:
		return usageError("--cases FILE, or --gold FILE with --corpus FILE, is required")
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "quotations: %d expected, %d found, %d matched: precision %.3f recall %.3f F1 %.3f\n",
		total.Expected, total.Found, total.Matched, total.Precision(), total.Recall(), total.F1())
	fmt.Fprintf(e.stdout, "speakers: %d of %d matched right (accuracy %.3f); F1 counting speakers %.3f; direct flag right %d of %d\n",
		total.SpeakerRight, total.Matched, total.SpeakerAccuracy(), total.SpeakerF1(), total.DirectRight, total.Matched)
	if *casesFile != "" {
		fmt.Fprintf(e.stdout, "attributions: %d expected, %d found, %d matched: precision %.3f recall %.3f\n",
			total.AttrExpected, total.AttrFound, total.AttrMatched, total.AttrPrecision(), total.AttrRecall())
	}
	failed := total.Expected - total.SpeakerRight + total.Found - total.Matched
	fmt.Fprintf(e.stdout, "%d passed, %d failed\n", total.SpeakerRight, failed)
	if *minF1 > 0 && total.SpeakerF1() < *minF1 {
		return fmt.Errorf("quotations: F1 counting speakers %.4f is below the bar %.4f", total.SpeakerF1(), *minF1)
	}
	return nil
}

// analyzedQuotes analyzes text and returns its quotations as the quote
// package's type, with speaker names taken from the entities, and its
// attributions.
func analyzedQuotes(ctx context.Context, az *analysis.Analyzer, id, text string, published time.Time) ([]quote.Quote, []quote.Attribution, error) {
	a := &article.Article{ID: id, Text: text}
	if !published.IsZero() {
		a.Published = article.Timestamp{Time: published}
	}
	res, err := az.Analyze(ctx, a)
	if err != nil {
		return nil, nil, err
	}
	names := make(map[string]string, len(res.Entities))
	for _, en := range res.Entities {
		names[en.ID] = en.Name
	}
	qs := make([]quote.Quote, len(res.Quotes))
	for i, q := range res.Quotes {
		qs[i] = quote.Quote{Start: q.Start, End: q.End, Text: q.Text, Speaker: q.Speaker, SpeakerText: q.SpeakerText,
			SpeakerName: names[q.Speaker], Cue: q.Cue, Direct: q.Direct}
	}
	as := make([]quote.Attribution, len(res.Attributions))
	for i, a := range res.Attributions {
		as[i] = quote.Attribution{Start: a.Start, End: a.End, Text: a.Text, Source: a.Source}
	}
	return qs, as, nil
}

func evalQuoteCases(ctx context.Context, e *env, az *analysis.Analyzer, file string, verbose bool) (quote.Score, error) {
	var total quote.Score
	fh, err := os.Open(file)
	if err != nil {
		return total, usageError("reading %s: %v", file, err)
	}
	defer fh.Close()
	cases, err := quote.ReadCases(fh, file)
	if err != nil {
		return total, err
	}
	for _, c := range cases {
		qs, as, err := analyzedQuotes(ctx, az, c.Name, c.Text, time.Time{})
		if err != nil {
			return total, fmt.Errorf("case %q: %w", c.Name, err)
		}
		gold, _ := c.Gold()
		spans, _ := c.AttributionSpans()
		s := quote.ScoreQuotes(gold, qs)
		s.Add(quote.ScoreAttributions(spans, as))
		total.Add(s)
		if verbose && (s.SpeakerRight != len(gold) || s.Found != s.Matched || s.AttrMatched != len(spans) || s.AttrFound != len(spans)) {
			fmt.Fprintf(e.stdout, "case %q: %d expected, %d found, %d matched, %d with the right speaker; attributions %d expected, %d found\n",
				c.Name, len(gold), s.Found, s.Matched, s.SpeakerRight, len(spans), s.AttrFound)
			for _, q := range qs {
				fmt.Fprintf(e.stdout, "  found %q by %q (%s) cue %s\n", q.Text, q.SpeakerText, q.Speaker, q.Cue)
			}
		}
	}
	fmt.Fprintf(e.stdout, "%d cases\n", len(cases))
	return total, nil
}

// goldArticle is one hand-annotated article: its id and the quotations in
// its text, by offsets and speaker name only.
type goldArticle struct {
	ID     string       `json:"id"`
	Quotes []quote.Gold `json:"quotes"`
}

func evalQuoteGold(ctx context.Context, e *env, az *analysis.Analyzer, goldFile, corpusFile string, verbose bool) (quote.Score, error) {
	var total quote.Score
	gold, err := readGoldArticles(goldFile)
	if err != nil {
		return total, err
	}
	want := make(map[string]goldArticle, len(gold))
	for _, g := range gold {
		want[g.ID] = g
	}
	found := 0
	err = readCorpus(corpusFile, func(id, title, text string, date time.Time) error {
		g, ok := want[id]
		if !ok {
			return nil
		}
		found++
		delete(want, id)
		head := ""
		if title != "" {
			head = title + "\n\n"
		}
		shift := utf8.RuneCountInString(head)
		qs, _, err := analyzedQuotes(ctx, az, id, head+text, date)
		if err != nil {
			return fmt.Errorf("article %s: %w", id, err)
		}
		// Only the text field is annotated: drop what was found in the
		// title and shift the rest onto the text's offsets.
		body := qs[:0]
		for _, q := range qs {
			if q.Start >= shift {
				q.Start -= shift
				q.End -= shift
				body = append(body, q)
			}
		}
		for _, w := range g.Quotes {
			if w.Start < 0 || w.End > utf8.RuneCountInString(text) || w.Start >= w.End {
				return fmt.Errorf("%s: article %s: quote [%d, %d) lies outside its text of %d code points",
					goldFile, id, w.Start, w.End, utf8.RuneCountInString(text))
			}
		}
		s := quote.ScoreQuotes(g.Quotes, body)
		total.Add(s)
		if verbose && (s.SpeakerRight != len(g.Quotes) || s.Found != s.Matched) {
			r := []rune(text)
			fmt.Fprintf(e.stdout, "article %s: %d expected, %d found, %d matched, %d with the right speaker\n",
				id, len(g.Quotes), s.Found, s.Matched, s.SpeakerRight)
			for _, w := range g.Quotes {
				fmt.Fprintf(e.stdout, "  expected [%d,%d) by %q: %s\n", w.Start, w.End, w.Speaker, clip(string(r[w.Start:w.End])))
			}
			for _, q := range body {
				fmt.Fprintf(e.stdout, "  found    [%d,%d) by %q (%s) cue %s: %s\n", q.Start, q.End, q.SpeakerText, q.Speaker, q.Cue, clip(q.Text))
			}
		}
		return nil
	})
	if err != nil {
		return total, err
	}
	if len(want) > 0 {
		return total, fmt.Errorf("%s: %d annotated articles are not in %s (first: %s)", goldFile, len(want), corpusFile, firstKey(want))
	}
	fmt.Fprintf(e.stdout, "%d articles\n", found)
	return total, nil
}

func clip(s string) string {
	r := []rune(strings.Join(strings.Fields(s), " "))
	if len(r) > 80 {
		return string(r[:80]) + "…"
	}
	return string(r)
}

func firstKey(m map[string]goldArticle) string {
	for k := range m {
		return k
	}
	return ""
}

func readGoldArticles(file string) ([]goldArticle, error) {
	fh, err := os.Open(file)
	if err != nil {
		return nil, usageError("reading %s: %v", file, err)
	}
	defer fh.Close()
	var out []goldArticle
	sc := bufio.NewScanner(fh)
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	line := 0
	for sc.Scan() {
		line++
		b := strings.TrimSpace(sc.Text())
		if b == "" || strings.HasPrefix(b, "#") {
			continue
		}
		var g goldArticle
		if err := json.Unmarshal([]byte(b), &g); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", file, line, err)
		}
		if g.ID == "" {
			return nil, fmt.Errorf("%s:%d: no id", file, line)
		}
		out = append(out, g)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", file, err)
	}
	return out, nil
}

// readCorpus calls fn for each article of a JSON lines corpus, gzipped when
// its name ends in .gz, with its date when the reader can read its date field
// (the knowledge base then names office holders at that date).
func readCorpus(file string, fn func(id, title, text string, date time.Time) error) error {
	fh, err := os.Open(file)
	if err != nil {
		return usageError("reading %s: %v", file, err)
	}
	defer fh.Close()
	var r io.Reader = fh
	if strings.HasSuffix(file, ".gz") {
		gz, err := gzip.NewReader(fh)
		if err != nil {
			return fmt.Errorf("reading %s: %w", file, err)
		}
		defer gz.Close()
		r = gz
	}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	line := 0
	for sc.Scan() {
		line++
		var a struct {
			ID    string `json:"id"`
			Title string `json:"title"`
			Text  string `json:"text"`
			Date  string `json:"date"`
		}
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			return fmt.Errorf("%s:%d: %w", file, line, err)
		}
		// As the JSON lines reader dates an article; zero when absent or
		// unreadable.
		date, _ := article.ParseTimestamp(a.Date)
		if err := fn(a.ID, a.Title, a.Text, date.Time); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading %s: %w", file, err)
	}
	return nil
}
