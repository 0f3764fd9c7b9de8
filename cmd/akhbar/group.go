package main

import (
	"context"
	"fmt"
	"sort"
	"strings"
)

// group is a command made of named tasks: `akhbar eval stem`, `akhbar train ner`.
type group struct {
	name    string    // the command: eval
	intro   string    // one sentence on what the command does
	what    string    // what a task is called in usage: TASK, MODEL
	example string    // one example command line
	tasks   []command // the tasks
}

// runGroup runs the task args[0] of g with the rest of args, or prints g's
// usage for no task or --help.
func runGroup(ctx context.Context, e *env, args []string, g group) error {
	sort.Slice(g.tasks, func(i, j int) bool { return g.tasks[i].name < g.tasks[j].name })
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" {
		var b strings.Builder
		fmt.Fprintf(&b, "%s\n\nUsage:\n  akhbar %s %s [flags]\n\n%ss:\n", g.intro, g.name, g.what, strings.ToUpper(g.what[:1])+strings.ToLower(g.what[1:]))
		for _, t := range g.tasks {
			fmt.Fprintf(&b, "  %-10s %s\n", t.name, t.summary)
		}
		fmt.Fprintf(&b, "\nExample:\n  %s\n", g.example)
		fmt.Fprint(e.stdout, b.String())
		if len(args) == 0 {
			return usageError("which %s? (see above)", strings.ToLower(g.what))
		}
		return nil
	}
	for _, t := range g.tasks {
		if t.name == args[0] {
			return t.run(ctx, e, args[1:])
		}
	}
	return usageError("unknown %s %q", strings.ToLower(g.what), args[0])
}
