package main

import "context"

// evalTasks returns the tasks `akhbar eval` can measure.
func evalTasks() []command {
	return []command{
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
	return runGroup(ctx, e, args, group{
		name:    "eval",
		intro:   "akhbar eval measures a component on a test file and prints 'N passed, M failed' last.",
		what:    "TASK",
		example: "akhbar eval stem --pairs ../shared/data/lucene_ar/lucene_ar_tests.tsv",
		tasks:   evalTasks(),
	})
}
