package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestTrainClassesThenNER(t *testing.T) {
	// Short articles composed for this test: cities after "إلى", people
	// after "قال".
	var news strings.Builder
	cities := []string{"حلب", "حمص", "بيروت", "عمان"}
	people := []string{"سامر", "رامي", "خليل", "نادر"}
	for i := range 200 {
		fmt.Fprintf(&news, `{"title":"خبر","text":"وصل الوفد إلى %s أمس. قال %s إن الاتفاق جيد."}`+"\n", cities[i%4], people[i%4])
	}
	in := writeTemp(t, "news.jsonl", news.String())
	classes := filepath.Join(t.TempDir(), "classes.tsv")
	var out, errb bytes.Buffer
	args := []string{"train", "classes", "--news", in, "--out", classes, "--dim", "8", "--epochs", "2", "--min-count", "5",
		"--fine", "4", "--coarse", "2"}
	if code := run(context.Background(), &env{stdout: &out, stderr: &errb}, args); code != 0 {
		t.Fatalf("train classes: code %d\n%s", code, errb.String())
	}
	if want := "in 4 fine and 2 coarse classes"; !strings.Contains(out.String(), want) {
		t.Errorf("train classes said %q, want %q", out.String(), want)
	}
	conll := writeTemp(t, "train.conll", nerFixture+"\n")
	model := filepath.Join(t.TempDir(), "m.gz")
	out.Reset()
	args = []string{"train", "ner", "--conll", conll, "--epochs", "2", "--classes", classes, "--out", model}
	if code := run(context.Background(), &env{stdout: &out, stderr: &errb}, args); code != 0 {
		t.Fatalf("train ner with the classes: code %d\n%s", code, errb.String())
	}
	if !regexp.MustCompile(`, [1-9][0-9]* word classes`).MatchString(errb.String()) {
		t.Errorf("train ner did not use the learned word classes: %q", errb.String())
	}
	// Asking for more classes than there are words fails clearly and
	// leaves the earlier file as it was.
	before, err := os.ReadFile(classes)
	if err != nil {
		t.Fatal(err)
	}
	args = []string{"train", "classes", "--news", in, "--out", classes, "--fine", "5000"}
	errb.Reset()
	if code := run(context.Background(), &env{stdout: &out, stderr: &errb}, args); code != 1 || !strings.Contains(errb.String(), "fewer than 5000 classes") {
		t.Errorf("train classes --fine 5000: code %d: %s", code, errb.String())
	}
	if after, err := os.ReadFile(classes); err != nil || !bytes.Equal(after, before) {
		t.Errorf("a failed train classes changed %s (%v)", classes, err)
	}
}
