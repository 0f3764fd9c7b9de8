package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"akhbar/analysis"
)

// The composed cases through the whole pipeline (entities included) keep
// their bar, and the command ends with "N passed, M failed".
func TestEvalQuotesCases(t *testing.T) {
	code, out, stderr := runCLI(t, "", "eval", "quotes", "--cases", filepath.Join("..", "..", "quote", "testdata", "cases.jsonl"), "--min-f1", "0.9")
	if code != 0 {
		t.Fatalf("exit %d: %s%s", code, out, stderr)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if last := lines[len(lines)-1]; !strings.HasSuffix(last, "failed") || !strings.Contains(last, "passed") {
		t.Errorf("last line %q, want N passed, M failed", last)
	}
}

func TestEvalQuotesBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	if err := os.WriteFile(bad, []byte("{\"name\": \"x\", \"text\": \"نص\", \"quotes\": [{\"text\": \"غير موجود\"}]}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"eval", "quotes"},
		{"eval", "quotes", "--gold", bad},
		{"eval", "quotes", "--cases", filepath.Join(dir, "missing.jsonl")},
	} {
		if code, _, _ := runCLI(t, "", args...); code != 2 {
			t.Errorf("%v: exit %d, want 2", args, code)
		}
	}
	code, _, stderr := runCLI(t, "", "eval", "quotes", "--cases", bad)
	if code != 1 || !strings.Contains(stderr, "does not occur") {
		t.Errorf("expected text missing from its case: exit %d, stderr %q", code, stderr)
	}
}

// TestSeedQuotesAndTimeline checks the seed article when ../shared is
// present: Lukashenko's two direct quotations, Tokayev's and Putin's
// reported statements, the credit to Sputnik and the four dated events.
func TestSeedQuotesAndTimeline(t *testing.T) {
	seed := filepath.Join("..", "..", "..", "shared", "seed", "000_5bdffc39f75f55d1.txt")
	if _, err := os.Stat(seed); err != nil {
		t.Skip("the seed article is not beside the project (../shared/seed)")
	}
	code, out, stderr := runCLI(t, "", "analyze", seed)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var a analysis.Analysis
	if err := json.Unmarshal([]byte(out), &a); err != nil {
		t.Fatal(err)
	}
	count := func(speaker string, direct bool) int {
		n := 0
		for _, q := range a.Quotes {
			if strings.Contains(q.Speaker, speaker) && q.Direct == direct {
				n++
			}
		}
		return n
	}
	if n := count("lukashenko", true); n != 2 {
		t.Errorf("%d direct quotes by Lukashenko, want 2", n)
	}
	if count("lukashenko", false) < 2 || count("tokayev", false) < 2 || count("putin", false) < 1 {
		t.Errorf("reported statements missing: %+v", a.Quotes)
	}
	sputnik := false
	for _, at := range a.Attributions {
		sputnik = sputnik || strings.Contains(at.Text, "سبوتنيك") && strings.Contains(at.Source, "sputnik")
	}
	if !sputnik {
		t.Errorf("no attribution to Sputnik: %+v", a.Attributions)
	}
	dates := map[string]bool{}
	for _, ev := range a.Events {
		dates[ev.Date] = true
	}
	for _, d := range []string{"2022-01-02", "2022-01-06", "2022-01-11", "2022-01-15"} {
		if !dates[d] {
			t.Errorf("no event dated %s: %v", d, dates)
		}
	}
}
