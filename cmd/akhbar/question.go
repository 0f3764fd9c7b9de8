package main

import (
	"context"
	"flag"
	"strings"

	"akhbar/store"
)

// question holds the flags shared by the commands that ask a store one
// question (entity, quotes, trend): the store and the output format.
type question struct {
	db     *string
	asJSON *bool
	asCSV  *bool
}

// addQuestionFlags adds --db, --json and --csv to fs.
func addQuestionFlags(fs *flag.FlagSet) question {
	return question{
		db:     fs.String("db", "akhbar.db", "store file, or a postgres:// URL"),
		asJSON: fs.Bool("json", false, "print JSON"),
		asCSV:  fs.Bool("csv", false, "print CSV"),
	}
}

// parse parses args and returns the question (the arguments joined), or a
// usage error that says what is missing.
func (q question) parse(fs *flag.FlagSet, args []string, missing string) (string, error) {
	if err := parseFlags(fs, args); err != nil {
		return "", err
	}
	text := strings.TrimSpace(strings.Join(fs.Args(), " "))
	if text == "" {
		return "", usageError("%s (see --help)", missing)
	}
	if *q.asJSON && *q.asCSV {
		return "", usageError("--json and --csv exclude each other")
	}
	return text, nil
}

// open opens the store the question is asked of.
func (q question) open(ctx context.Context) (store.Store, error) {
	return openExistingStore(ctx, *q.db)
}
