package main

import (
	"context"
	"fmt"

	"akhbar/store/postgres"
)

const migrateUsage = `
akhbar migrate brings a PostgreSQL database to the schema this akhbar reads
and writes. Every step is versioned in the binary and applied once, in its own
transaction; concurrent runs wait for each other. Other commands check the
version at start and refuse a database that is behind (run migrate) or ahead
(upgrade akhbar).

Usage:
  akhbar migrate --db postgres://USER@HOST:PORT/DATABASE [flags]

Examples:
  akhbar migrate --db postgres://akhbar@localhost/news
  akhbar migrate --db postgres://akhbar@localhost/news --status
`

func runMigrate(ctx context.Context, e *env, args []string) error {
	fs := newFlagSet(e, "migrate", migrateUsage)
	db := fs.String("db", "", "PostgreSQL URL (postgres://...)")
	schema := fs.String("schema", "", "PostgreSQL schema to use (default public)")
	to := fs.Int("to", 0, "migrate up to this version (0: the latest)")
	status := fs.Bool("status", false, "print the database's version and the steps, change nothing")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usageError("unexpected argument %q (see --help)", fs.Arg(0))
	}
	if !postgres.IsDSN(*db) {
		return usageError("--db must be a PostgreSQL URL (postgres://...), got %q", postgres.Redact(*db))
	}
	opts := postgres.Options{Schema: *schema}
	if *status {
		v, err := postgres.Version(ctx, *db, opts)
		if err != nil {
			return err
		}
		for _, m := range postgres.Migrations() {
			mark := "pending"
			if m.Version <= v {
				mark = "applied"
			}
			fmt.Fprintf(e.stdout, "%3d  %-8s %s\n", m.Version, mark, m.Name)
		}
		fmt.Fprintf(e.stdout, "database at version %d; this akhbar needs %d\n", v, postgres.SchemaVersion())
		return nil
	}
	applied, err := postgres.Migrate(ctx, *db, opts, *to)
	for _, v := range applied {
		fmt.Fprintf(e.stdout, "applied %d: %s\n", v, postgres.Migrations()[v-1].Name)
	}
	if err != nil {
		return err
	}
	if len(applied) == 0 {
		fmt.Fprintln(e.stdout, "schema up to date")
	}
	return nil
}
