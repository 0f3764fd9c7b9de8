package main

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// evalTask is one `akhbar eval` task.
type evalTask struct {
	name    string
	summary string
	run     func(ctx context.Context, e *env, args []string) error
}

func evalTasks() []evalTask {
	return []evalTask{
		{"wire", "wire-copy grouping against gold pairs (precision, recall)", runEvalWire},
		{"stem", "normalization and stemming against Lucene's test pairs", runEvalStem},
		{"numbers", "number recognizer on Duckling-style cases (pass rate per origin)", runEvalNumbers},
		{"timex", "dates, times and durations on Duckling-style cases (pass rate per origin)", runEvalTimex},
		{"ner", "named-entity tagger: entity-level P/R/F1 on a CoNLL file", runEvalNER},
		{"names", "name matcher (SameName, NameKey): P/R/F1 on name pairs", runEvalNames},
		{"quotes", "quotations, speakers and attributions: P/R/F1 on composed cases or annotated articles", runEvalQuotes},
		{"read", "article readers on a JSON lines corpus: lines read, datelines against the lines' dates", runEvalRead},
	}
}

func runEval(ctx context.Context, e *env, args []string) error {
	tasks := evalTasks()
	sort.Slice(tasks, func(i, j int) bool { return tasks[i].name < tasks[j].name })
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		var b strings.Builder
		b.WriteString("akhbar eval measures a component on a test file and prints 'N passed, M failed' last.\n\nUsage:\n  akhbar eval TASK [flags]\n\nTasks:\n")
		for _, t := range tasks {
			fmt.Fprintf(&b, "  %-10s %s\n", t.name, t.summary)
		}
		b.WriteString("\nExample:\n  akhbar eval stem --pairs ../shared/data/lucene_ar/lucene_ar_tests.tsv\n")
		fmt.Fprint(e.stdout, b.String())
		if len(args) == 0 {
			return usageError("which task? (see above)")
		}
		return nil
	}
	for _, t := range tasks {
		if t.name == args[0] {
			return t.run(ctx, e, args[1:])
		}
	}
	return usageError("unknown task %q", args[0])
}
