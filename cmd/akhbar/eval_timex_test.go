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

func writeCases(t *testing.T, lines ...string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "cases.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestEvalTimexAndNumbers(t *testing.T) {
	timexCases := writeCases(t,
		`{"_meta": {"note": "skipped"}}`,
		`{"input": "وصل الوفد أمس", "reference": "2022-01-15T13:02:00+02:00", "expected": [{"type": "DATE", "value": "2022-01-14"}], "origin": "a"}`,
		`{"input": "يقام المهرجان من 13 إلى 15 تموز", "reference": "2022-01-15T13:02:00+02:00", "expected": [{"type": "INTERVAL", "from": "2022-07-13", "to": "2022-07-16"}], "origin": "a"}`,
		`{"input": "حب", "reference": "2022-01-15T13:02:00+02:00", "expected": [], "origin": "b"}`,
		`{"input": "وصل الوفد أمس", "reference": "2022-01-15T13:02:00+02:00", "expected": [{"type": "DATE", "value": "2022-01-13"}], "origin": "b"}`,
	)
	numberCases := writeCases(t,
		`{"input": "حوالي 20 ألف", "expected": [{"value": 20000, "ordinal": false}], "origin": "n"}`,
		`{"input": "الحادي عشر", "expected": [{"value": 11, "ordinal": true}], "origin": "n"}`,
	)
	tests := []struct {
		args     []string
		code     int
		lastLine string
	}{
		{[]string{"eval", "timex", "--cases", timexCases}, 0, "3 passed, 1 failed"},
		{[]string{"eval", "timex", "--cases", timexCases, "--min", "0.9"}, 1, ""},
		{[]string{"eval", "timex", "--cases", timexCases, "--min", "75"}, 0, "3 passed, 1 failed"},
		{[]string{"eval", "numbers", "--cases", numberCases, "--min", "1"}, 0, "2 passed, 0 failed"},
		{[]string{"eval", "timex"}, 2, ""},
		{[]string{"eval", "numbers", "--cases", filepath.Join(t.TempDir(), "missing.jsonl")}, 2, ""},
	}
	for _, tt := range tests {
		var out, errOut bytes.Buffer
		code := run(context.Background(), &env{stdout: &out, stderr: &errOut}, tt.args)
		if code != tt.code {
			t.Errorf("%v: exit %d, want %d (stderr %q)", tt.args, code, tt.code, errOut.String())
		}
		lines := strings.Split(strings.TrimSpace(out.String()), "\n")
		if tt.lastLine != "" && lines[len(lines)-1] != tt.lastLine {
			t.Errorf("%v: last line %q, want %q", tt.args, lines[len(lines)-1], tt.lastLine)
		}
	}
	// --json gives the rate overall and per origin.
	var out bytes.Buffer
	run(context.Background(), &env{stdout: &out, stderr: &bytes.Buffer{}}, []string{"eval", "timex", "--cases", timexCases, "--json"})
	var rep struct {
		Rate    float64 `json:"rate"`
		Origins map[string]struct {
			Rate float64 `json:"rate"`
		} `json:"origins"`
	}
	if err := json.Unmarshal(out.Bytes(), &rep); err != nil {
		t.Fatalf("--json: %v in %q", err, out.String())
	}
	if rep.Rate != 0.75 || rep.Origins["a"].Rate != 1 || rep.Origins["b"].Rate != 0.5 {
		t.Errorf("--json: got %+v", rep)
	}
}

func TestEvalTimexSpans(t *testing.T) {
	path := writeCases(t,
		"وصل O", "الوفد O", "في O", "15 B-DATE", "آذار I-DATE", "2021 I-DATE", ". O", "",
		"وغادر O", "بعد O", "ذلك O", "بأيام B-DATE", ". O", "",
		"قال O", "الوزير O", "أمس B-DATE", "إن O", "الاجتماع O", "استمر O", "ساعتين O", "",
	)
	var out bytes.Buffer
	code := run(context.Background(), &env{stdout: &out, stderr: &bytes.Buffer{}}, []string{"eval", "timex", "--spans", path})
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if code != 0 || lines[len(lines)-1] != "2 passed, 1 failed" || !strings.Contains(lines[0], "precision 66.7% (2 of 3") {
		t.Errorf("exit %d, output %q", code, out.String())
	}
}

func TestParseReference(t *testing.T) {
	tests := []struct {
		in   string
		want string
		err  bool
	}{
		{"", "0001-01-01T00:00:00Z", false},
		{"2022-01-15", "2022-01-15T00:00:00Z", false},
		{"2022-01-15T13:02", "2022-01-15T13:02:00Z", false},
		{"2022-01-15T13:02:00+02:00", "2022-01-15T13:02:00+02:00", false},
		{"15/1/2022", "", true},
	}
	for _, tt := range tests {
		got, err := parseReference(tt.in)
		if (err != nil) != tt.err || (err == nil && got.Format("2006-01-02T15:04:05Z07:00") != tt.want) {
			t.Errorf("parseReference(%q) = %v, %v; want %s, error %v", tt.in, got, err, tt.want, tt.err)
		}
	}
}
