package main

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"akhbar/arabic"
	"akhbar/timex"
)

const evalTimexUsage = `
akhbar eval timex runs the temporal layer over each case's input, resolved
against the case's reference time, and checks that an expression with each
expected value is found (an interval: both ends; expected [] means nothing
may be found). It lists the failures, then prints "N passed, M failed";
--json prints the pass rate overall and per origin instead.

Usage:
  akhbar eval timex --cases FILE [--json] [--min RATE]

Case file: JSON lines {"input": "...", "reference": "2013-02-12T04:30:00-02:00",
  "expected": [{"type": "DATE", "value": "2013-02-13"} | {"type": "INTERVAL", "from": "...", "to": "..."}],
  "origin": "..."}

Example:
  akhbar eval timex --cases ../shared/data/duckling_ar/timex_cases.jsonl --min 0.9
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
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *casesPath == "" {
		return usageError("--cases FILE is required")
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
