package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"akhbar/ner"
)

// nerFixture is a CoNLL file composed for these tests.
const nerFixture = `قال O
الرئيس O
الروسي O
فلاديمير B-PER
بوتين I-PER
إن O
موسكو B-LOC
مستعدة O
. O

وصل O
الوفد O
إلى O
القاهرة B-LOC
. O
`

func writeTemp(t *testing.T, name, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestEvalNER(t *testing.T) {
	conll := writeTemp(t, "fixture.conll", nerFixture)
	tests := []struct {
		args     []string
		code     int
		contains string
	}{
		{[]string{"eval", "ner", "--conll", conll}, 0, "all "},
		{[]string{"eval", "ner", "--conll", conll}, 0, "3 passed, 0 failed"},
		{[]string{"eval", "ner", "--conll", conll, "--min", "1.01"}, 1, "below the bar"},
		{[]string{"eval", "ner"}, 2, "need --conll"},
		{[]string{"eval", "ner", "--conll", conll, "--dev", "1.5"}, 2, "--dev"},
		// The first sentence as the dev split: Putin and Moscow, not Cairo.
		{[]string{"eval", "ner", "--conll", conll, "--dev", "0.5", "--dev-from", "0"}, 0, "2 passed"},
		{[]string{"eval", "ner", "--conll", conll, "--dev", "0.5", "--dev-from", "2"}, 2, "runs past"},
		{[]string{"eval", "ner", "--conll", conll, "--dev-from", "0"}, 2, "needs --dev"},
		{[]string{"eval", "ner", "--conll", filepath.Join(t.TempDir(), "missing")}, 1, "missing"},
		{[]string{"eval", "ner", "--conll", writeTemp(t, "bad.conll", "كلمة B-XYZ\n")}, 1, "unknown tag"},
		{[]string{"eval", "ner", "--conll", conll, "--model", writeTemp(t, "bad.model", "not a model")}, 1, "not a valid akhbar NER model"},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		code := run(context.Background(), &env{stdout: &out, stderr: &errb}, tt.args)
		if code != tt.code || !strings.Contains(out.String()+errb.String(), tt.contains) {
			t.Errorf("%v: code %d, want %d; output %q %q, want it to contain %q", tt.args, code, tt.code, out.String(), errb.String(), tt.contains)
		}
	}
	var out bytes.Buffer
	run(context.Background(), &env{stdout: &out, stderr: &bytes.Buffer{}}, []string{"eval", "ner", "--conll", conll, "--json"})
	var got struct {
		All struct {
			Gold int     `json:"gold"`
			F1   float64 `json:"f1"`
		} `json:"all"`
		Sentences int `json:"sentences"`
	}
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("--json output %q: %v", out.String(), err)
	}
	if got.All.Gold != 3 || got.Sentences != 2 || got.All.F1 <= 0 {
		t.Errorf("--json: %+v", got)
	}
}

func TestTrainNERTinyCorpus(t *testing.T) {
	var b strings.Builder
	for range 5 {
		b.WriteString(nerFixture + "\n")
	}
	conll := writeTemp(t, "train.conll", b.String())
	model := filepath.Join(t.TempDir(), "m.gz")
	var out, errb bytes.Buffer
	code := run(context.Background(), &env{stdout: &out, stderr: &errb}, []string{"train", "ner", "--conll", conll, "--epochs", "5", "--out", model})
	if code != 0 {
		t.Fatalf("train: code %d: %s", code, errb.String())
	}
	if !strings.Contains(out.String(), "epoch  5") {
		t.Errorf("no progress per epoch: %q", out.String())
	}
	out.Reset()
	if code := run(context.Background(), &env{stdout: &out, stderr: &errb}, []string{"eval", "ner", "--conll", conll, "--model", model, "--min", "0.99"}); code != 0 {
		t.Errorf("eval of a model on its own training data: code %d\n%s", code, out.String())
	}
	out.Reset()
	if code := run(context.Background(), &env{stdout: &out, stderr: &errb}, []string{"train", "ner", "--conll", conll, "--epochs", "2", "--stack", "--classes", "embedded", "--out", model}); code != 0 || !strings.Contains(out.String(), "stage 2") {
		t.Errorf("train --stack --classes embedded: code %d\n%s%s", code, out.String(), errb.String())
	}
	if code := run(context.Background(), &env{stdout: &out, stderr: &errb}, []string{"train", "ner", "--conll", conll}); code != 2 {
		t.Errorf("train without --out: code %d, want 2", code)
	}
}

func TestTrainNERWithNews(t *testing.T) {
	var b strings.Builder
	for range 5 {
		b.WriteString(nerFixture + "\n")
	}
	conll := writeTemp(t, "train.conll", b.String())
	// Two articles composed for this test, one of them without text (skipped).
	news := writeTemp(t, "news.jsonl", `{"title":"زيارة","text":"وصل الرئيس فلاديمير بوتين إلى القاهرة. وصل الوفد إلى موسكو."}
{"title":"بلا نص","text":""}
`)
	model := filepath.Join(t.TempDir(), "m.gz")
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"--stack", "--news", news}, 0, "tagged"},
		{[]string{"--news", news}, 2, "--news needs --stack"},
		{[]string{"--stack", "--news", filepath.Join(t.TempDir(), "missing.jsonl")}, 1, "missing.jsonl"},
		{[]string{"--stack", "--news", writeTemp(t, "bad.jsonl", "{not json\n")}, 1, "bad.jsonl:1"},
	}
	for _, tt := range tests {
		var out, errb bytes.Buffer
		args := append([]string{"train", "ner", "--conll", conll, "--epochs", "5", "--out", model}, tt.args...)
		code := run(context.Background(), &env{stdout: &out, stderr: &errb}, args)
		if code != tt.code || !strings.Contains(out.String()+errb.String(), tt.want) {
			t.Errorf("%v: code %d, want %d with %q\n%s%s", tt.args, code, tt.code, tt.want, out.String(), errb.String())
		}
	}
	var out bytes.Buffer
	if code := run(context.Background(), &env{stdout: &out, stderr: &bytes.Buffer{}}, []string{"eval", "ner", "--conll", conll, "--model", model, "--errors"}); code != 0 {
		t.Errorf("eval of the model trained with news: code %d\n%s", code, out.String())
	}
}

func TestSplitDev(t *testing.T) {
	sents := make([]ner.Sentence, 10)
	for i := range sents {
		sents[i].Tokens = []string{strconv.Itoa(i)}
	}
	first := func(ss []ner.Sentence) string {
		var b strings.Builder
		for _, s := range ss {
			b.WriteString(s.Tokens[0])
		}
		return b.String()
	}
	tests := []struct {
		frac       float64
		from       int
		rest, dev  string
		wantErrors bool
	}{
		{0.2, -1, "01234567", "89", false}, // the last fifth
		{0.2, 3, "01256789", "34", false},  // a slice moved out, the rest in order
		{0.25, 0, "3456789", "012", false}, // 2.5 sentences round to 3
		{0.2, 9, "", "", true},             // past the end
	}
	for _, tt := range tests {
		rest, dev, err := splitDev(sents, tt.frac, tt.from)
		if (err != nil) != tt.wantErrors || err == nil && (first(rest) != tt.rest || first(dev) != tt.dev) {
			t.Errorf("splitDev(%v, %d) = %s, %s, %v; want %s, %s", tt.frac, tt.from, first(rest), first(dev), err, tt.rest, tt.dev)
		}
	}
	if first(sents) != "0123456789" {
		t.Errorf("splitDev changed its input: %s", first(sents))
	}
}
