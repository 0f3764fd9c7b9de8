package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"

	"akhbar/arabic"
)

const evalStemUsage = `
akhbar eval stem runs Lucene's Arabic normalization, stemming and analyzer test pairs
through akhbar's components and prints a line per failure, then "N passed, M failed".

A pairs file is a TSV with a header. Lucene's layout names the component of each row
(class, component, method, input, expected); bleve's port names the test file the row
comes from (file, input, expected): normalize, stemmer or analyzer.
Expected tokens are separated by '|'. Failures listed in the --by-design file (lines
"component<TAB>input<TAB>reason") are ours on purpose: they are reported, not counted.

Usage:
  akhbar eval stem --pairs FILE [--by-design FILE] [--json]

Example:
  akhbar eval stem --pairs ../shared/data/lucene_ar/lucene_ar_tests.tsv
`

// stemCase is one row of a pairs file.
type stemCase struct {
	line      int
	component string // normalize, stem or analyzer
	method    string
	input     string
	expected  []string
}

func runEvalStem(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval stem", evalStemUsage)
	pairs := fs.String("pairs", "", "TSV of test pairs (required)")
	byDesign := fs.String("by-design", "arabic/testdata/stem_by_design.tsv", "TSV of failures that are ours by design")
	asJSON := fs.Bool("json", false, "print a JSON summary instead of text")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *pairs == "" {
		return usageError("--pairs FILE is required")
	}
	cases, err := readStemCases(*pairs)
	if err != nil {
		return usageError("%v", err)
	}
	designed, err := readByDesign(*byDesign)
	if err != nil && !os.IsNotExist(err) {
		return err
	}
	type tally struct {
		Passed   int `json:"passed"`
		Failed   int `json:"failed"`
		ByDesign int `json:"by_design"`
	}
	by := map[string]*tally{}
	var total tally
	for _, c := range cases {
		if err := ctx.Err(); err != nil {
			return err
		}
		got := runStemComponent(c)
		t := by[c.component]
		if t == nil {
			t = &tally{}
			by[c.component] = t
		}
		if strings.Join(got, "|") == strings.Join(c.expected, "|") {
			t.Passed++
			total.Passed++
			continue
		}
		reason, ok := designed[c.component+"\t"+c.input]
		if ok {
			t.ByDesign++
			total.ByDesign++
		} else {
			t.Failed++
			total.Failed++
		}
		if !*asJSON {
			mark := "FAIL"
			if ok {
				mark = "BY DESIGN (" + reason + ")"
			}
			fmt.Fprintf(e.stdout, "%s line %d %s %s: %q -> got %q, want %q\n", mark, c.line, c.component, c.method, c.input, strings.Join(got, "|"), strings.Join(c.expected, "|"))
		}
	}
	if *asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		return enc.Encode(map[string]any{"task": "stem", "passed": total.Passed, "failed": total.Failed, "by_design": total.ByDesign, "by_component": by})
	}
	comps := make([]string, 0, len(by))
	for k := range by {
		comps = append(comps, k)
	}
	sort.Strings(comps)
	for _, k := range comps {
		fmt.Fprintf(e.stdout, "%-10s %d passed, %d failed, %d by design\n", k, by[k].Passed, by[k].Failed, by[k].ByDesign)
	}
	fmt.Fprintf(e.stdout, "%d passed, %d failed\n", total.Passed, total.Failed)
	if total.Failed > 0 {
		return fmt.Errorf("%d stem pairs failed", total.Failed)
	}
	return nil
}

// runStemComponent runs the case's component over its input.
func runStemComponent(c stemCase) []string {
	noStem := map[string]bool{}
	if i := strings.Index(c.method, "noStem="); i >= 0 {
		for _, w := range strings.FieldsFunc(c.method[i+len("noStem="):], func(r rune) bool { return r == ',' || r == ')' }) {
			if w != "EMPTY" {
				noStem[w] = true
			}
		}
	}
	keyword := strings.Contains(c.method, "keyword-marked")
	out := []string{}
	switch c.component {
	case "normalize":
		for _, w := range strings.Fields(c.input) {
			out = append(out, arabic.Fold(w))
		}
	case "stem":
		for _, w := range strings.Fields(c.input) {
			if keyword || noStem[w] {
				out = append(out, arabic.Fold(w))
			} else {
				out = append(out, arabic.Stem(w))
			}
		}
	default:
		an := arabic.Analyzer{KeepStopWords: strings.Contains(c.method, "stop=EMPTY")}
		arabic.Scan(c.input, func(t arabic.Token) bool {
			if t.Kind == arabic.Punct {
				return true
			}
			if noStem[t.Text] {
				out = append(out, arabic.Fold(t.Text))
				return true
			}
			if term := an.AppendTerm(nil, t.Text); len(term) > 0 {
				out = append(out, string(term))
			}
			return true
		})
	}
	return out
}

func readStemCases(path string) ([]stemCase, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	var cases []stemCase
	for line := 1; sc.Scan(); line++ {
		if line == 1 {
			continue // header
		}
		cols := strings.Split(sc.Text(), "\t")
		var c stemCase
		switch len(cols) {
		case 5:
			c = stemCase{line: line, method: cols[2], input: cols[3], component: lucenComponent(cols[1])}
			c.expected = splitTokens(cols[4])
		case 3:
			c = stemCase{line: line, method: cols[0], input: cols[1], component: bleveComponent(cols[0]), expected: splitTokens(cols[2])}
		default:
			return nil, fmt.Errorf("%s:%d: want 3 or 5 tab-separated columns, got %d", path, line, len(cols))
		}
		if c.component == "" {
			// The factory chains: a whitespace tokenizer with normalization,
			// and with stemming too.
			c.component = "normalize"
			if strings.Contains(c.method, "Stem") {
				c.component = "stem"
			}
		}
		cases = append(cases, c)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return cases, nil
}

func lucenComponent(name string) string {
	switch {
	case strings.HasPrefix(name, "ArabicNormalization"):
		return "normalize"
	case strings.HasPrefix(name, "ArabicStem"):
		return "stem"
	case strings.HasPrefix(name, "ArabicAnalyzer"):
		return "analyzer"
	}
	return ""
}

func bleveComponent(file string) string {
	switch {
	case strings.Contains(file, "normalize"):
		return "normalize"
	case strings.Contains(file, "stemmer"):
		return "stem"
	}
	return "analyzer"
}

func splitTokens(s string) []string {
	if s == "" {
		return []string{}
	}
	return strings.Split(s, "|")
}

func readByDesign(path string) (map[string]string, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	for _, l := range strings.Split(string(data), "\n") {
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		cols := strings.SplitN(l, "\t", 3)
		if len(cols) == 3 {
			m[cols[0]+"\t"+cols[1]] = cols[2]
		}
	}
	return m, nil
}
