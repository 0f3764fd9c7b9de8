package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"time"
	"unicode/utf8"

	"akhbar/arabic"
	"akhbar/timex"
)

const evalTimexUsage = `
akhbar eval timex runs the temporal layer over each case's input, resolved
against the case's reference time, and checks that an expression with each
expected value is found (an interval: both ends; expected [] means nothing
may be found). It lists the failures, then prints "N passed, M failed";
--json prints the pass rate overall and per origin instead.

With --spans FILE instead, it reads a CoNLL-style file (a token and its
IOB tags per line, a blank line between sentences, as Wojood), and counts
the DATE and TIME spans that an expression overlaps (passed) and the
expressions that overlap no such span (precision).

Usage:
  akhbar eval timex --cases FILE [--json] [--min RATE]
  akhbar eval timex --spans FILE [--min RATE]

Case file: JSON lines {"input": "...", "reference": "2013-02-12T04:30:00-02:00",
  "expected": [{"type": "DATE", "value": "2013-02-13"} | {"type": "INTERVAL", "from": "...", "to": "..."}],
  "origin": "..."}

Examples:
  akhbar eval timex --cases ../shared/data/duckling_ar/timex_cases.jsonl --min 0.9
  akhbar eval timex --spans ../shared/data/wojood_sample/val.txt
`

// timexCase is one line of a timex case file.
type timexCase struct {
	Input     string `json:"input"`
	Reference string `json:"reference"`
	Expected  []struct {
		Type  string `json:"type"`
		Value string `json:"value"`
		From  string `json:"from"`
		To    string `json:"to"`
	} `json:"expected"`
	Origin string `json:"origin"`
}

func runEvalTimex(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval timex", evalTimexUsage)
	casesPath := fs.String("cases", "", "JSON lines case `FILE` (required)")
	asJSON := fs.Bool("json", false, "print the pass rates as JSON")
	minRate := fs.Float64("min", 0, "exit 1 when the pass rate is under `RATE` (0-1, or a percentage)")
	spansPath := fs.String("spans", "", "CoNLL-style `FILE` with DATE and TIME tags: span recall and precision")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *spansPath != "" {
		// Only spans are compared, so relative expressions resolve against
		// any fixed reference.
		ref := time.Date(2020, 6, 15, 12, 0, 0, 0, time.UTC)
		return evalSpans(ctx, e, *spansPath, *minRate, []string{"DATE", "TIME"}, "expressions", func(text string) [][2]int {
			txs, _ := timex.Find(text, arabic.Tokenize(text), ref)
			out := make([][2]int, len(txs))
			for i, t := range txs {
				out[i] = [2]int{t.Start, t.End}
			}
			return out
		})
	}
	if *casesPath == "" {
		return usageError("--cases FILE (or --spans FILE) is required")
	}
	type prepared struct {
		timexCase
		ref time.Time
	}
	var cases []prepared
	if err := readCases(*casesPath, func(line []byte) error {
		var c timexCase
		if err := json.Unmarshal(line, &c); err != nil {
			return err
		}
		ref, err := time.Parse(time.RFC3339, c.Reference)
		if err != nil {
			return fmt.Errorf("reference %q: %w", c.Reference, err)
		}
		cases = append(cases, prepared{c, ref})
		return nil
	}); err != nil {
		return err
	}
	rep := newEvalReport()
	for _, c := range cases {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("evaluating timex: %w", err)
		}
		found, _ := timex.Find(c.Input, arabic.Tokenize(c.Input), c.ref)
		pass := true
		var want []string
		for _, x := range c.Expected {
			ok := false
			for _, t := range found {
				if x.Type == "INTERVAL" && t.From == x.From && t.To == x.To ||
					x.Type != "INTERVAL" && t.Value == x.Value {
					ok = true
				}
			}
			pass = pass && ok
			if x.Type == "INTERVAL" {
				want = append(want, x.From+".."+x.To)
			} else {
				want = append(want, x.Type+" "+x.Value)
			}
		}
		if len(c.Expected) == 0 {
			pass = len(found) == 0
			want = append(want, "nothing")
		}
		var got []string
		for _, t := range found {
			s := fmt.Sprintf("%s=%s %s", t.Text, t.Type, t.Value)
			if t.Mod != "" {
				s += " " + t.Mod
			}
			if t.From != "" {
				s += " [" + t.From + ".." + t.To + ")"
			}
			got = append(got, s)
		}
		rep.add(c.Origin, pass, c.Input, strings.Join(want, "; "), strings.Join(got, "; "))
	}
	return rep.finish(e.stdout, *asJSON, *minRate)
}

// parseReference reads a --reference time: RFC 3339, or a local date with
// an optional time of day (2022-01-15, 2022-01-15T13:02); "" is none.
func parseReference(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("%q is not a time (want 2022-01-15, 2022-01-15T13:02 or RFC 3339)", s)
}

// evalSpans measures span recall and precision of a recognizer on a
// CoNLL-style file against the spans tagged with one of types. Sentences are
// the tokens joined by spaces.
func evalSpans(ctx context.Context, e *env, path string, minRate float64, types []string, what string, find func(text string) [][2]int) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return usageError("reading spans: %v", err)
	}
	is := func(tag, prefix string) bool {
		for _, t := range types {
			if strings.Contains(tag, prefix+t) {
				return true
			}
		}
		return false
	}
	var gold, hit, found, overlapping int
	var words, tags []string
	flush := func() {
		if len(words) == 0 {
			return
		}
		text := strings.Join(words, " ")
		starts := make([]int, len(words)+1)
		for i, w := range words {
			starts[i+1] = starts[i] + utf8.RuneCountInString(w) + 1
		}
		var spans [][2]int
		for i := 0; i < len(tags); i++ {
			if !is(tags[i], "B-") {
				continue
			}
			j := i + 1
			for j < len(tags) && is(tags[j], "I-") {
				j++
			}
			spans = append(spans, [2]int{starts[i], starts[j] - 1})
		}
		got := find(text)
		overlaps := func(a, b [2]int) bool { return a[0] < b[1] && b[0] < a[1] }
		for _, g := range spans {
			gold++
			for _, x := range got {
				if overlaps(g, x) {
					hit++
					break
				}
			}
		}
		for _, x := range got {
			found++
			for _, g := range spans {
				if overlaps(g, x) {
					overlapping++
					break
				}
			}
		}
		words, tags = words[:0], tags[:0]
	}
	for _, line := range strings.Split(string(data), "\n") {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("evaluating %s spans: %w", what, err)
		}
		f := strings.Fields(line)
		switch {
		case len(f) == 0:
			flush()
		case len(f) >= 2 && f[0] != "$#$":
			words = append(words, f[0])
			tags = append(tags, strings.Join(f[1:], " "))
		}
	}
	flush()
	if gold == 0 {
		return fmt.Errorf("reading %s: no %s spans", path, strings.Join(types, "/"))
	}
	rec := float64(hit) / float64(gold)
	prec := 1.0
	if found > 0 {
		prec = float64(overlapping) / float64(found)
	}
	fmt.Fprintf(e.stdout, "recall %.1f%% (%d of %d %s spans overlapped), precision %.1f%% (%d of %d %s overlap one)\n",
		100*rec, hit, gold, strings.Join(types, "/"), 100*prec, overlapping, found, what)
	fmt.Fprintf(e.stdout, "%d passed, %d failed\n", hit, gold-hit)
	if minRate > 1 {
		minRate /= 100
	}
	if rec < minRate {
		return fmt.Errorf("span recall %.1f%% is under the bar of %.1f%%", 100*rec, 100*minRate)
	}
	return nil
}
