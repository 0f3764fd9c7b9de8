package main

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"runtime"
	"sort"
	"strings"
	"sync"

	"akhbar/article"
	"akhbar/story"
)

const evalWireUsage = `
akhbar eval wire measures wire-copy grouping (package story) on a gold set of
article pairs labelled copy or distinct, over a JSON lines corpus: precision
and recall of "grouped together". With --build N it writes a gold set instead,
labelled by a rule independent of the grouping (see story.BuildGold).

Usage:
  akhbar eval wire [flags]

Examples:
  akhbar eval wire --corpus ../shared/data/news/arabic_news.jsonl.gz --gold story/testdata/wire_gold.tsv
  akhbar eval wire --corpus ../shared/data/news/arabic_news.jsonl.gz --build 200 --year 2015 --gold /tmp/gold.tsv
`

func runEvalWire(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "eval wire", evalWireUsage)
	corpus := fs.String("corpus", "../shared/data/news/arabic_news.jsonl.gz", "JSON lines corpus")
	gold := fs.String("gold", "story/testdata/wire_gold.tsv", "gold pairs (TSV: id, id, copy|distinct, ...)")
	build := fs.Int("build", 0, "write a gold set with this many copy pairs (and as many distinct) instead of measuring")
	year := fs.String("year", "2015", "with --build: only articles of this year (the SaudiNewsNet wires)")
	threshold := fs.Float64("threshold", 0, "containment threshold (0: story's default)")
	minBar := fs.Float64("min", 0, "fail unless precision and recall are both at least this")
	verbose := fs.Bool("v", false, "print the misses")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	docs, err := readDocs(ctx, *corpus)
	if err != nil {
		return err
	}
	if *build > 0 {
		var sel []story.Doc
		for _, d := range docs {
			if strings.HasPrefix(d.Published, *year) {
				sel = append(sel, d)
			}
		}
		pairs := story.BuildGold(sel, *build, *build/2, *build/2)
		var b strings.Builder
		b.WriteString("# a\tb\tlabel\tkind\tlongest_shared_run\tshared_cover  (akhbar eval wire --build; rule: story.BuildGold)\n")
		for _, p := range pairs {
			b.WriteString(story.FormatGold(p) + "\n")
		}
		if err := os.WriteFile(*gold, []byte(b.String()), 0o644); err != nil {
			return fmt.Errorf("writing gold set: %w", err)
		}
		fmt.Fprintf(e.stdout, "wrote %d pairs from %d articles to %s\n", len(pairs), len(sel), *gold)
		return nil
	}
	pairs, err := readGold(*gold)
	if err != nil {
		return err
	}
	sigs := make([]story.Signature, len(docs))
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(docs); i += workers {
				sigs[i] = story.Sign(docs[i].Text)
			}
		}()
	}
	wg.Wait()
	groups := story.GroupSignatures(docs, sigs, story.WireOptions{Threshold: *threshold})
	groupOf := map[string]int{}
	inGroups := 0
	for gi, g := range groups {
		groupOf[docs[g.Original].ID] = gi + 1
		for _, c := range g.Copies {
			groupOf[docs[c].ID] = gi + 1
		}
		inGroups += 1 + len(g.Copies)
	}
	var tp, fp, fn, tn int
	for _, p := range pairs {
		ga, oka := groupOf[p.a]
		gb, okb := groupOf[p.b]
		same := oka && okb && ga == gb
		switch {
		case p.copy && same:
			tp++
		case p.copy:
			fn++
			if *verbose {
				fmt.Fprintf(e.stdout, "missed copy: %s %s (%s)\n", p.a, p.b, p.note)
			}
		case same:
			fp++
			if *verbose {
				fmt.Fprintf(e.stdout, "false copy: %s %s (%s)\n", p.a, p.b, p.note)
			}
		default:
			tn++
		}
	}
	prec, rec := wireRatio(tp, tp+fp), wireRatio(tp, tp+fn)
	fmt.Fprintf(e.stdout, "%d articles, %d wire groups holding %d articles\n", len(docs), len(groups), inGroups)
	fmt.Fprintf(e.stdout, "gold %d pairs: precision %.3f recall %.3f (tp %d fp %d fn %d tn %d)\n", len(pairs), prec, rec, tp, fp, fn, tn)
	failed := 0
	if *minBar > 0 && (prec < *minBar || rec < *minBar) {
		failed = 1
	}
	fmt.Fprintf(e.stdout, "%d passed, %d failed\n", 1-failed, failed)
	if failed > 0 {
		return fmt.Errorf("precision %.3f / recall %.3f below %.2f", prec, rec, *minBar)
	}
	return nil
}

func wireRatio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

type goldPair struct {
	a, b string
	copy bool
	note string
}

func readGold(path string) ([]goldPair, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, usageError("reading gold set: %v", err)
	}
	defer f.Close()
	var out []goldPair
	sc := bufio.NewScanner(f)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Text()
		if s == "" || strings.HasPrefix(s, "#") {
			continue
		}
		f := strings.Split(s, "\t")
		if len(f) < 3 || (f[2] != "copy" && f[2] != "distinct") {
			return nil, fmt.Errorf("%s:%d: want id, id, copy|distinct", path, line)
		}
		out = append(out, goldPair{a: f[0], b: f[1], copy: f[2] == "copy", note: strings.Join(f[3:], " ")})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return out, nil
}

// readDocs reads a JSON lines corpus into story docs, skipping bad lines.
func readDocs(ctx context.Context, path string) ([]story.Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, usageError("reading corpus: %v", err)
	}
	defer f.Close()
	var docs []story.Doc
	err = article.ReadJSONLines(ctx, f, path, func(a *article.Article, err error) error {
		if err != nil {
			return nil
		}
		docs = append(docs, story.Doc{ID: a.ID, Published: a.Published.String(), Site: a.Site, Headline: a.Headline, Text: a.Text})
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].ID < docs[j].ID })
	return docs, nil
}
