package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEvalNames(t *testing.T) {
	dir := t.TempDir()
	pairs := filepath.Join(dir, "pairs.tsv")
	// Our own pairs: two variants, two different names, one miss (حسن/حسين
	// differ, so the third positive below is a deliberate false negative).
	data := "name_a\tname_b\tsame\nلوكاشينكو\tلوكاتشينكو\t1\nبوتين\tبوتن\t1\nحسن\tحسين\t1\nبوتين\tبوتان\t0\nسالم\tسليم\t0\n"
	if err := os.WriteFile(pairs, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCLI(t, "", "eval", "names", "--pairs", pairs, "--json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var got struct {
		Pairs    int `json:"pairs"`
		SameName struct {
			Precision, Recall float64
			TP                int `json:"tp"`
			FN                int `json:"fn"`
		} `json:"same_name"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("output %q: %v", out, err)
	}
	if got.Pairs != 5 || got.SameName.TP != 2 || got.SameName.FN != 1 || got.SameName.Precision != 1 {
		t.Errorf("summary = %+v, want 5 pairs, tp 2, fn 1, precision 1", got)
	}
	if code, _, _ := runCLI(t, "", "eval", "names", "--pairs", pairs, "--min", "0.95"); code != 1 {
		t.Errorf("--min 0.95 with F1 0.8: exit %d, want 1", code)
	}
	if code, out, _ := runCLI(t, "", "eval", "names", "--pairs", pairs); code != 0 || !strings.HasSuffix(strings.TrimSpace(out), "4 passed, 1 failed") {
		t.Errorf("text output (exit %d) = %q, want it to end with 4 passed, 1 failed", code, out)
	}
}

func TestEvalNamesBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.tsv")
	if err := os.WriteFile(bad, []byte("a\tb\t1\nc\td\tmaybe\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{
		{"eval", "names"},
		{"eval", "names", "--pairs", filepath.Join(dir, "missing.tsv")},
		{"eval", "names", "--pairs", bad},
		{"eval", "names", "--make-pairs", filepath.Join(dir, "out.tsv")},
	} {
		code, _, stderr := runCLI(t, "", args...)
		if code != 2 || stderr == "" {
			t.Errorf("%v: exit %d, stderr %q; want 2 and an error", args, code, stderr)
		}
	}
}

func TestMakeNamePairs(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join(dir, "names.tsv")
	// Wikidata-style rows written for the test: two English spellings of
	// one name with two Arabic spellings, and two names one letter apart.
	rows := "philip\tف ي ل ي ب\t5\nphillip\tف ي ل ب\t3\nhassan\tح س ن\t9\nhussein\tح س ي ن\t9\nvii\tا ل س ا ب ع\t4\n"
	if err := os.WriteFile(src, []byte(rows), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "pairs.tsv")
	if code, _, stderr := runCLI(t, "", "eval", "names", "--make-pairs", out, "--from", src); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	got := string(b)
	for _, want := range []string{"فيلب\tفيليب\t1", "حسن\tحسين\t0"} {
		if !strings.Contains(got, want) {
			t.Errorf("pairs %q lack %q", got, want)
		}
	}
	if strings.Contains(got, "السابع") {
		t.Errorf("pairs %q keep a misaligned row", got)
	}
}
