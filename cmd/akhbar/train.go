package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"akhbar/ner"
)

// trainTasks returns the models `akhbar train` can build.
func trainTasks() []command {
	return []command{
		{"ner", "the named-entity tagger, from CoNLL files (ANERcorp)", runTrainNER},
		{"classes", "word classes for the tagger, from unlabelled news (JSON lines, gzip)", runTrainClasses},
	}
}

func runTrain(ctx context.Context, e *env, args []string) error {
	return runGroup(ctx, e, args, group{
		name:    "train",
		intro:   "akhbar train builds a model from data.",
		what:    "MODEL",
		example: "akhbar train ner --conll ../shared/data/anercorp/anercorp_train.txt --classes embedded --out ner.model.gz",
		tasks:   trainTasks(),
	})
}

// fileList is a repeatable string flag.
type fileList []string

func (f *fileList) String() string     { return strings.Join(*f, ",") }
func (f *fileList) Set(s string) error { *f = append(*f, s); return nil }

func runTrainNER(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "train ner", `
akhbar train ner trains the named-entity tagger (averaged perceptron over BIO
tags) on CoNLL files of "token TAG" lines and writes the model, gzip-compressed.
Training is deterministic for a seed and prints one line per epoch.

Usage:
  akhbar train ner --conll FILE [--conll FILE...] --out MODEL [flags]

With --stack and --news, the first stage also tags unlabelled news and the
second stage learns from how each word was tagged across it; this pass over
the whole news corpus (18M words) adds about a minute per fold on two cores.

Example (dev split: train on the first 90%, score the last 10% every epoch):
  akhbar train ner --conll ../shared/data/anercorp/anercorp_train.txt --dev 0.1 \
      --classes embedded --stack --news ../shared/data/news/arabic_news.jsonl.gz \
      --out /tmp/ner.model.gz`)
	var conll fileList
	fs.Var(&conll, "conll", "a CoNLL training `file` (repeatable; extra arguments are more files)")
	out := fs.String("out", "", "write the model to this `file` (required)")
	classes := fs.String("classes", "", "word-class `file` from 'akhbar train classes', or \"embedded\" for the classes in the built-in model (optional)")
	epochs := fs.Int("epochs", 10, "training `passes`")
	seed := fs.Uint64("seed", 1, "random `seed` for the order of sentences")
	dev := fs.Float64("dev", 0, "hold out this `fraction` of the first file's sentences, the last ones (or see --dev-from), and score it every epoch")
	devFrom := fs.Int("dev-from", -1, "with --dev: hold out the sentences from this `index` (0-based) on instead of the last ones")
	gazetteer := fs.String("gazetteer", "", "gazetteer `dir` (countries, cities, organizations, persons, demonyms TSVs) for name-membership features")
	names := fs.String("names", "", "person-name tokens `file` (latin, spaced Arabic letters, count) for features")
	stack := fs.Bool("stack", false, "train a second stage on the first stage's tags across the document (6x the training time)")
	margin := fs.Float64("margin", 0, "train for this `margin`: while training, every wrong tag gets this extra score, so updates go on until the gold tags win by it")
	oBias := fs.Float64("o-bias", 0, "subtract this `score` from O at every token (more recall, less precision); --dev prints F1 for a range")
	news := fs.String("news", "", "JSON-lines news `file` (.gz or plain) whose first-stage tags the second stage sees (with --stack)")
	newsLimit := fs.Int("news-limit", 0, "read at most this many `articles` of --news (0: all)")
	minWeight := fs.Float64("min-weight", 0.01, "prune features whose weights are all below this `magnitude`")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	conll = append(conll, fs.Args()...)
	if len(conll) == 0 || *out == "" {
		return usageError("need --conll FILE and --out MODEL")
	}
	if *dev < 0 || *dev >= 1 || *epochs < 1 || *epochs > 1000 {
		return usageError("--dev must be in [0, 1) and --epochs in [1, 1000]")
	}
	if *devFrom >= 0 && *dev == 0 {
		return usageError("--dev-from needs --dev")
	}
	if *margin < 0 || *margin > 1000 {
		return usageError("--margin must be in [0, 1000]")
	}
	var train, devSents []ner.Sentence
	for i, path := range conll {
		s, err := readCoNLLFile(path)
		if err != nil {
			return err
		}
		if i == 0 && *dev > 0 {
			if s, devSents, err = splitDev(s, *dev, *devFrom); err != nil {
				return err
			}
		}
		train = append(train, s...)
	}
	opts := ner.TrainOptions{Epochs: *epochs, Seed: *seed, Dev: devSents, Stack: *stack, OBias: float32(*oBias), Margin: float32(*margin)}
	if *classes == "embedded" {
		t, err := ner.Load()
		if err != nil {
			return err
		}
		opts.Classes = t.Classes()
	} else if *classes != "" {
		f, err := os.Open(*classes)
		if err != nil {
			return fmt.Errorf("opening word classes: %w", err)
		}
		c, err := ner.ReadClasses(f, *classes)
		f.Close()
		if err != nil {
			return err
		}
		opts.Classes = c
	}
	if *gazetteer != "" || *names != "" {
		lex, err := readLexicon(*gazetteer, *names)
		if err != nil {
			return err
		}
		opts.Lexicon = lex
	}
	if *news != "" {
		if !*stack {
			return usageError("--news needs --stack: the second stage reads the tally")
		}
		n, err := eachNewsArticle(ctx, *news, *newsLimit, func(title, text string) {
			opts.Unlabelled = append(opts.Unlabelled, title+"\n"+text)
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "read %d unlabelled articles from %s\n", n, *news)
		opts.Note = func(s string) { fmt.Fprintln(e.stdout, s) }
	}
	fmt.Fprintf(e.stderr, "training on %d sentences (%d held out), %d word classes, %d lexicon entries\n", len(train), len(devSents), opts.Classes.Len(), opts.Lexicon.Len())
	opts.Progress = func(r ner.EpochReport) {
		line := fmt.Sprintf("%-9s epoch %2d  errors %5d/%d (%.2f%%)  features %d  %s", r.Stage, r.Epoch, r.Errors, r.Tokens,
			100*float64(r.Errors)/float64(max(r.Tokens, 1)), r.Features, r.Elapsed.Round(time.Millisecond))
		if r.Dev != nil {
			line += fmt.Sprintf("  dev P %.4f R %.4f F1 %.4f", r.Dev.All.Precision, r.Dev.All.Recall, r.Dev.All.F1)
		}
		fmt.Fprintln(e.stdout, line)
	}
	t, err := ner.Train(ctx, train, opts)
	if err != nil {
		return err
	}
	var buf bytes.Buffer
	if err := t.Write(&buf, float32(*minWeight)); err != nil {
		return err
	}
	if err := writeFileAtomic(*out, buf.Bytes()); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "wrote %s (%d bytes)\n", *out, buf.Len())
	if len(devSents) > 0 {
		printNERScores(e, ner.Evaluate(t, devSents))
		biases := []float32{0, 2, 4, 6, 8, 10, 12, 14, 16, 20, 25}
		for i, sc := range ner.BiasCurve(t, devSents, biases) {
			fmt.Fprintf(e.stdout, "with --o-bias %4.1f: dev P %.4f R %.4f F1 %.4f\n", biases[i], sc.All.Precision, sc.All.Recall, sc.All.F1)
		}
	}
	return nil
}

// splitDev holds out frac of sents as a dev split: the last ones when from
// is negative, else those from sentence from on. It returns the others, in
// order, and the dev split.
func splitDev(sents []ner.Sentence, frac float64, from int) (rest, dev []ner.Sentence, err error) {
	n := int(float64(len(sents))*frac + 0.5)
	if from < 0 {
		from = len(sents) - n
	}
	if from+n > len(sents) {
		return nil, nil, usageError("--dev-from %d: a dev split of %d sentences from there runs past the file's %d", from, n, len(sents))
	}
	rest = append(slices.Clip(sents[:from]), sents[from+n:]...)
	return rest, sents[from : from+n], nil
}

func readCoNLLFile(path string) ([]ner.Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("opening CoNLL file: %w", err)
	}
	defer f.Close()
	return ner.ReadCoNLL(f, path)
}

// writeFileAtomic writes data to path through a temporary file in the same
// directory, so a failed write leaves no partial file.
func writeFileAtomic(path string, data []byte) error {
	tmp, err := os.CreateTemp(filepath.Dir(path), ".akhbar-*")
	if err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(0o644); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("writing %s: %w", path, err)
	}
	return nil
}

// lexiconSources are the gazetteer files and columns the tagger's lexicon
// reads, with the kind of name each holds.
var lexiconSources = []struct {
	file, kind string
	columns    []string
}{
	{"countries.tsv", "LOC", []string{"name_ar", "aliases_ar", "capital_ar"}},
	{"countries.tsv", "NAT", []string{"demonym_ar_m", "demonym_ar_f", "demonym_ar_def_m", "demonym_ar_def_f", "demonym_aliases_ar"}},
	{"cities.tsv", "LOC", []string{"name_ar", "aliases_ar"}},
	{"organizations.tsv", "ORG", []string{"name_ar", "aliases_ar"}},
	{"persons.tsv", "PER", []string{"name_ar", "aliases_ar"}},
	{"demonyms.tsv", "NAT", []string{"male", "female", "def_male", "def_female", "aliases_ar", "aliases_f"}},
}

// readLexicon builds the tagger's lexicon from a gazetteer directory and a
// person-name token file (either may be empty).
func readLexicon(dir, names string) (*ner.Lexicon, error) {
	lex := ner.NewLexicon()
	if dir != "" {
		for _, src := range lexiconSources {
			path := filepath.Join(dir, src.file)
			f, err := os.Open(path)
			if err != nil {
				return nil, fmt.Errorf("opening gazetteer: %w", err)
			}
			_, err = lex.AddTSV(f, path, src.kind, src.columns...)
			f.Close()
			if err != nil {
				return nil, err
			}
		}
	}
	if names != "" {
		f, err := os.Open(names)
		if err != nil {
			return nil, fmt.Errorf("opening person-name tokens: %w", err)
		}
		_, err = lex.AddNameTokens(f, names, 2)
		f.Close()
		if err != nil {
			return nil, err
		}
	}
	return lex, nil
}
