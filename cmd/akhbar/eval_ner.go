package main

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"time"

	"akhbar/ner"
)

func runEvalNER(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval ner", `
akhbar eval ner tags the tokens of a CoNLL file ("token TAG" lines, blank line
between sentences) and prints entity-level precision, recall and F1 (exact span
and type, conlleval rules), per type, and tokens tagged per second, then
"N passed, M failed": entities found exactly, and entities missed plus
entities found wrongly.

Usage:
  akhbar eval ner --conll FILE [--model PATH] [--dev FRACTION] [--min F1] [--errors] [--json]

Example (the dev split: the last 10% of the training file):
  akhbar eval ner --conll ../shared/data/anercorp/anercorp_train.txt --dev 0.1 --min 0.75`)
	conll := fs.String("conll", "", "CoNLL `file` to score (required)")
	model := fs.String("model", "", "model `file` (default: the model built into akhbar)")
	dev := fs.Float64("dev", 0, "score only the last `fraction` of the file's sentences (the dev split of 'train ner --dev')")
	devFrom := fs.Int("dev-from", -1, "with --dev: score the sentences from this `index` (0-based) on instead of the last ones ('train ner --dev-from')")
	minF1 := fs.Float64("min", 0, "exit with status 1 when overall F1 is below this `bar`")
	asJSON := fs.Bool("json", false, "print the scores as JSON")
	showErrors := fs.Bool("errors", false, "also list every entity missed or found wrongly, with its context")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *conll == "" {
		return usageError("need --conll FILE")
	}
	if *dev < 0 || *dev >= 1 {
		return usageError("--dev must be in [0, 1)")
	}
	if *devFrom >= 0 && *dev == 0 {
		return usageError("--dev-from needs --dev")
	}
	sents, err := readCoNLLFile(*conll)
	if err != nil {
		return err
	}
	if *dev > 0 {
		if _, sents, err = splitDev(sents, *dev, *devFrom); err != nil {
			return err
		}
	}
	var t *ner.Tagger
	if *model != "" {
		t, err = ner.Open(*model)
	} else {
		t, err = ner.Load()
	}
	if err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return fmt.Errorf("evaluating NER: %w", err)
	}
	began := time.Now()
	sc := ner.Evaluate(t, sents)
	secs := time.Since(began).Seconds()
	rate := float64(sc.Tokens) / max(secs, 1e-9)
	if !*showErrors {
		sc.Mistakes = nil
	}
	if *asJSON {
		out := struct {
			ner.Scores
			Sentences    int     `json:"sentences"`
			TokensPerSec float64 `json:"tokens_per_second"`
			Passed       int     `json:"passed"`
			Failed       int     `json:"failed"`
		}{sc, len(sents), rate, sc.All.Correct, sc.All.Gold + sc.All.Predicted - 2*sc.All.Correct}
		enc := json.NewEncoder(e.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(out); err != nil {
			return fmt.Errorf("writing scores: %w", err)
		}
	} else {
		fmt.Fprintf(e.stdout, "%d sentences, %d tokens, %.0f tokens/s (features, decoding and scoring)\n", len(sents), sc.Tokens, rate)
		printNERScores(e, sc)
		for _, m := range sc.Mistakes {
			fmt.Fprintf(e.stdout, "%5d  gold %-4s found %-4s  %s\n", m.Sentence+1, orDash(m.Gold), orDash(m.Found), m.Context)
		}
		fmt.Fprintf(e.stdout, "%d passed, %d failed\n", sc.All.Correct, sc.All.Gold+sc.All.Predicted-2*sc.All.Correct)
	}
	if sc.All.F1 < *minF1 {
		return fmt.Errorf("F1 %.4f is below the bar %.4f", sc.All.F1, *minF1)
	}
	return nil
}

func printNERScores(e *env, sc ner.Scores) {
	fmt.Fprintf(e.stdout, "%-5s %6s %6s %6s %8s %8s %8s\n", "type", "gold", "found", "right", "P", "R", "F1")
	types := make([]string, 0, len(sc.ByType))
	for k := range sc.ByType {
		types = append(types, k)
	}
	sort.Strings(types)
	for _, k := range types {
		s := sc.ByType[k]
		fmt.Fprintf(e.stdout, "%-5s %6d %6d %6d %8.4f %8.4f %8.4f\n", k, s.Gold, s.Predicted, s.Correct, s.Precision, s.Recall, s.F1)
	}
	s := sc.All
	fmt.Fprintf(e.stdout, "%-5s %6d %6d %6d %8.4f %8.4f %8.4f\n", "all", s.Gold, s.Predicted, s.Correct, s.Precision, s.Recall, s.F1)
	fmt.Fprintf(e.stdout, "token accuracy %.4f\n", float64(sc.Correct)/float64(max(sc.Tokens, 1)))
}

// orDash returns s, or "-" when s is empty.
func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
