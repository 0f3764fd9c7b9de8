// Command akhbar reads Arabic news and answers who, where, when, who said
// what, according to whom, and which stories are the same story.
//
// Run `akhbar --help` for the list of commands and `akhbar CMD --help` for
// one command.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sort"
	"strings"
)

// command is one subcommand of akhbar.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *env, args []string) error
}

// env is what a command may touch: its streams. Commands take it instead of
// reaching for os.Stdout so tests can run them.
type env struct {
	stdin  io.Reader
	stdout io.Writer
	stderr io.Writer
}

// errUsage marks errors caused by how the command was called; they exit
// with code 2.
var errUsage = errors.New("usage")

// usageError returns an error that exits with code 2.
func usageError(format string, args ...any) error {
	return fmt.Errorf("%w: %s", errUsage, fmt.Sprintf(format, args...))
}

// commands returns akhbar's subcommands.
func commands() []command {
	return []command{
		{"analyze", "analyze articles and print their Analysis as JSON", runAnalyze},
		{"bench", "measure search latency, indexing side by side with bleve, ingest rates", runBench},
		{"eval", "measure a component on test data (stem, timex, numbers, ner, names, quotes, read, wire)", runEval},
		{"entity", "an entity's spellings, timeline and co-occurring entities", runEntity},
		{"ingest", "read, analyze and store articles (SQLite, resumable)", runIngest},
		{"quotes", "what an entity said, newest first", runQuotes},
		{"migrate", "bring a PostgreSQL store to this akhbar's schema", runMigrate},
		{"queue", "queue articles and feeds for workers (PostgreSQL)", runQueue},
		{"search", "search stored articles (every spelling, filters, facets)", runSearch},
		{"trend", "articles matching a query per day, week or month", runTrend},
		{"serve", "serve the HTTP API and the web UI; poll feeds", runServe},
		{"train", "build a model from data (ner)", runTrain},
		{"worker", "claim queued work from PostgreSQL, analyze and store it", runWorker},
	}
}

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr}, os.Args[1:])
	stop()
	os.Exit(code)
}

// run dispatches args to a command and returns the process exit code.
func run(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		printUsage(e.stdout)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range commands() {
		if c.name != args[0] {
			continue
		}
		err := c.run(ctx, e, args[1:])
		switch {
		case err == nil:
			return 0
		case errors.Is(err, flag.ErrHelp):
			return 0
		case errors.Is(err, errUsage):
			fmt.Fprintf(e.stderr, "akhbar %s: %s\n", c.name, strings.TrimPrefix(err.Error(), errUsage.Error()+": "))
			return 2
		default:
			fmt.Fprintf(e.stderr, "akhbar %s: %v\n", c.name, err)
			return 1
		}
	}
	fmt.Fprintf(e.stderr, "akhbar: unknown command %q; run 'akhbar --help'\n", args[0])
	return 2
}

func printUsage(w io.Writer) {
	fmt.Fprint(w, `akhbar reads Arabic news: who, where, when, who said what, according to whom.

Usage:
  akhbar COMMAND [flags] [args]

Commands:
`)
	cs := commands()
	sort.Slice(cs, func(i, j int) bool { return cs[i].name < cs[j].name })
	for _, c := range cs {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Example:
  akhbar analyze examples/seed-like.txt

Run 'akhbar COMMAND --help' for a command's flags and examples.
`)
}

// newFlagSet returns a flag set that reports errors to e.stderr and prints
// usage with the given text and example.
func newFlagSet(e *env, name, usage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		fmt.Fprintf(e.stdout, "%s\n\nFlags:\n", strings.TrimSpace(usage))
		fs.SetOutput(e.stdout)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, turning flag errors into usage errors.
func parseFlags(fs *flag.FlagSet, args []string) error {
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		fs.Usage()
		return err
	}
	if err != nil {
		return usageError("%v (see --help)", err)
	}
	return nil
}
