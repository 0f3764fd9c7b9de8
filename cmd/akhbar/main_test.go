package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs akhbar with args and returns its exit code, stdout and stderr.
func runCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}, args)
	return code, out.String(), errb.String()
}

func TestUsageErrorsExitTwo(t *testing.T) {
	tests := []struct {
		name string
		args []string
	}{
		{"no command", nil},
		{"unknown command", []string{"frobnicate"}},
		{"unknown flag", []string{"analyze", "--no-such-flag"}},
		{"missing file", []string{"analyze", filepath.Join(t.TempDir(), "missing.txt")}},
		{"eval without task", []string{"eval"}},
		{"eval stem without pairs", []string{"eval", "stem"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, _, stderr := runCLI(t, "", tt.args...)
			if code != 2 {
				t.Errorf("exit code %d, want 2 (stderr %q)", code, stderr)
			}
			if tt.args != nil && strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
				t.Errorf("error should be one line, got %q", stderr)
			}
		})
	}
}

func TestHelpExitsZero(t *testing.T) {
	for _, args := range [][]string{{"--help"}, {"analyze", "--help"}, {"eval", "--help"}, {"eval", "stem", "--help"}} {
		code, out, _ := runCLI(t, "", args...)
		if code != 0 || !strings.Contains(out, "akhbar") {
			t.Errorf("%v: exit %d, output %q", args, code, out)
		}
	}
}

func TestAnalyzeOffsetsSliceText(t *testing.T) {
	text, err := os.ReadFile("../../examples/amman-water.txt")
	if err != nil {
		t.Fatal(err)
	}
	code, out, stderr := runCLI(t, string(text), "analyze", "-")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	var res struct {
		Text      string   `json:"text"`
		Sentences [][2]int `json:"sentences"`
	}
	if err := json.Unmarshal([]byte(strings.SplitN(out, "\n", 2)[0]), &res); err != nil {
		t.Fatalf("output is not JSON: %v", err)
	}
	if !strings.Contains(string(text), strings.TrimSpace(res.Text)) || res.Text == "" {
		t.Fatalf("text does not match the input")
	}
	runes := []rune(res.Text)
	if len(res.Sentences) < 5 {
		t.Fatalf("only %d sentences", len(res.Sentences))
	}
	for _, s := range res.Sentences {
		if s[0] < 0 || s[1] > len(runes) || s[0] >= s[1] {
			t.Fatalf("sentence %v out of range", s)
		}
		if got := string(runes[s[0]:s[1]]); strings.TrimSpace(got) != got {
			t.Errorf("sentence %q has surrounding space", got)
		}
	}
}
