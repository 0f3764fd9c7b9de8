package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strings"
	"time"

	"akhbar/arabic"
	"akhbar/number"
	"akhbar/timex"
)

const evalNumbersUsage = `
akhbar eval numbers runs the temporal and number layers over each case's
input, as akhbar analyze does, and checks that the numbers layer finds every
expected value (and ordinal flag). It lists the failures,
then prints "N passed, M failed"; --json prints the pass rate overall and per
origin instead.

With --spans FILE instead, it reads a CoNLL-style file (a token and its
IOB tags per line, a blank line between sentences, as Wojood) and counts the
CARDINAL, ORDINAL, PERCENT and MONEY spans a number overlaps (passed), and
the numbers that overlap no such span (precision).

Usage:
  akhbar eval numbers --cases FILE [--json] [--min RATE]
  akhbar eval numbers --spans FILE [--min RATE]

Case file: JSON lines {"input": "...", "expected": [{"value": 20, "ordinal": false}], "origin": "..."}

Example:
  akhbar eval numbers --cases ../shared/data/duckling_ar/number_cases.jsonl --min 0.95
`

// numberCase is one line of a number case file.
type numberCase struct {
	Input    string `json:"input"`
	Expected []struct {
		Value   float64 `json:"value"`
		Ordinal bool    `json:"ordinal"`
	} `json:"expected"`
	Origin string `json:"origin"`
}

func runEvalNumbers(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval numbers", evalNumbersUsage)
	casesPath := fs.String("cases", "", "JSON lines case `FILE` (required)")
	asJSON := fs.Bool("json", false, "print the pass rates as JSON")
	minRate := fs.Float64("min", 0, "exit 1 when the pass rate is under `RATE` (0-1, or a percentage)")
	spansPath := fs.String("spans", "", "CoNLL-style `FILE` with CARDINAL, ORDINAL, PERCENT and MONEY tags: span recall and precision")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *spansPath != "" {
		return evalSpans(ctx, e, *spansPath, *minRate, []string{"CARDINAL", "ORDINAL", "PERCENT", "MONEY"}, "numbers",
			func(text string) [][2]int {
				toks := arabic.Tokenize(text)
				txs, skipped := timex.Find(text, toks, time.Time{})
				nums, _ := number.Find(text, toks, timex.Claimed(txs, skipped))
				out := make([][2]int, len(nums))
				for i, n := range nums {
					out[i] = [2]int{n.Start, n.End}
				}
				return out
			})
	}
	if *casesPath == "" {
		return usageError("--cases FILE (or --spans FILE) is required")
	}
	var cases []numberCase
	if err := readCases(*casesPath, func(line []byte) error {
		var c numberCase
		if err := json.Unmarshal(line, &c); err != nil {
			return err
		}
		if c.Input == "" {
			return fmt.Errorf("no input")
		}
		cases = append(cases, c)
		return nil
	}); err != nil {
		return err
	}
	rep := newEvalReport()
	for _, c := range cases {
		if err := ctx.Err(); err != nil {
			return fmt.Errorf("evaluating numbers: %w", err)
		}
		// The two layers as analysis runs them: dates and times first,
		// then numbers outside them.
		toks := arabic.Tokenize(c.Input)
		txs, skipped := timex.Find(c.Input, toks, time.Time{})
		nums, _ := number.Find(c.Input, toks, timex.Claimed(txs, skipped))
		pass := true
		var want []string
		for _, x := range c.Expected {
			found := false
			for _, n := range nums {
				if sameValue(n.Value, x.Value) && n.Ordinal == x.Ordinal {
					found = true
				}
			}
			pass = pass && found
			want = append(want, formatNumber(x.Value, x.Ordinal))
		}
		var got []string
		for _, n := range nums {
			got = append(got, fmt.Sprintf("%s=%s", n.Text, formatNumber(n.Value, n.Ordinal)))
		}
		rep.add(c.Origin, pass, c.Input, strings.Join(want, " "), strings.Join(got, " "))
	}
	return rep.finish(e.stdout, *asJSON, *minRate)
}

func sameValue(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
}

func formatNumber(v float64, ordinal bool) string {
	s := fmt.Sprintf("%g", v)
	if math.Abs(v) >= 1e6 && v == math.Trunc(v) {
		s = fmt.Sprintf("%.0f", v)
	}
	if ordinal {
		s += " (ordinal)"
	}
	return s
}

// readCases calls fn with each non-empty line of a JSON lines file, skipping
// a metadata line ({"_meta": ...}); errors name the file and line.
func readCases(path string, fn func(line []byte) error) error {
	f, err := os.Open(path)
	if err != nil {
		return usageError("reading cases: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 16<<20)
	n := 0
	for ln := 1; sc.Scan(); ln++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, `{"_meta"`) {
			continue
		}
		if err := fn([]byte(line)); err != nil {
			return fmt.Errorf("reading %s line %d: %w", path, ln, err)
		}
		n++
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading %s: %w", path, err)
	}
	if n == 0 {
		return fmt.Errorf("reading %s: no cases", path)
	}
	return nil
}

// evalReport tallies cases overall and per origin.
type evalReport struct {
	passed, failed int
	origins        map[string]*originTally
	failures       []evalFailure
}

type originTally struct {
	Cases  int     `json:"cases"`
	Passed int     `json:"passed"`
	Rate   float64 `json:"rate"`
}

type evalFailure struct {
	Origin string `json:"origin,omitempty"`
	Input  string `json:"input"`
	Want   string `json:"want"`
	Got    string `json:"got"`
}

func newEvalReport() *evalReport { return &evalReport{origins: map[string]*originTally{}} }

func (r *evalReport) add(origin string, pass bool, input, want, got string) {
	o := r.origins[origin]
	if o == nil {
		o = &originTally{}
		r.origins[origin] = o
	}
	o.Cases++
	if pass {
		o.Passed++
		r.passed++
		return
	}
	r.failed++
	r.failures = append(r.failures, evalFailure{Origin: origin, Input: input, Want: want, Got: got})
}

// finish prints the report and returns an error when the rate is under
// minRate (a fraction, or a percentage when above 1).
func (r *evalReport) finish(w io.Writer, asJSON bool, minRate float64) error {
	total := r.passed + r.failed
	rate := 0.0
	if total > 0 {
		rate = float64(r.passed) / float64(total)
	}
	for _, o := range r.origins {
		o.Rate = float64(o.Passed) / float64(o.Cases)
	}
	if asJSON {
		enc := json.NewEncoder(w)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(map[string]any{
			"cases": total, "passed": r.passed, "failed": r.failed, "rate": rate,
			"origins": r.origins, "failures": r.failures,
		}); err != nil {
			return fmt.Errorf("writing report: %w", err)
		}
	} else {
		for _, f := range r.failures {
			fmt.Fprintf(w, "FAIL %s: %s\n     want %s\n     got  %s\n", f.Origin, f.Input, f.Want, f.Got)
		}
		names := make([]string, 0, len(r.origins))
		for k := range r.origins {
			names = append(names, k)
		}
		sort.Strings(names)
		for _, k := range names {
			o := r.origins[k]
			fmt.Fprintf(w, "%-28s %4d/%-4d %5.1f%%\n", k, o.Passed, o.Cases, 100*o.Rate)
		}
		fmt.Fprintf(w, "%d passed, %d failed\n", r.passed, r.failed)
	}
	if minRate > 1 {
		minRate /= 100
	}
	if rate < minRate {
		return fmt.Errorf("pass rate %.1f%% is under the bar of %.1f%%", 100*rate, 100*minRate)
	}
	return nil
}
