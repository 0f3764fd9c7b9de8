// Package postgres is akhbar's shared store: store.Store on PostgreSQL
// through github.com/jackc/pgx/v5, plus the work queue that `akhbar worker`
// processes claim items from.
//
// Analyzed terms are stored as a tsvector (no text search configuration is
// involved: the vector is built from akhbar's own arabic.Analyzer, the one
// the SQLite backend uses), with a GIN index; queries are turned into a
// tsquery by the same analyzer, so matching and ranking never depend on
// Postgres's Arabic stemmer. Snippets come from store.MakeSnippet.
//
// The schema is versioned in the binary (see Migrate) and every table is
// keyed by the column a Citus cluster would distribute it by; see
// docs/scaling.md.
package postgres

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"strings"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"

	"akhbar/store"
)

// Options configure Open and Migrate.
type Options struct {
	// Schema is the PostgreSQL schema (namespace) akhbar's tables live in;
	// when empty, the connection string's search_path parameter, else
	// "public". Tests use one schema each.
	Schema string
	// Resolver, when set, names the entity ids a query word or phrase may
	// refer to beyond those the store has seen (a knowledge base).
	Resolver func(name string) []string
	// MaxConns caps the connection pool; 0 means pgx's default.
	MaxConns int32
	// ApplicationName is what the server shows for akhbar's connections
	// (pg_stat_activity); "akhbar" when empty.
	ApplicationName string
}

// DB is a Store in a PostgreSQL database.
type DB struct {
	pool *pgxpool.Pool
	name string // the DSN without its password, for messages
	opts Options
}

var _ store.Store = (*DB)(nil)

// IsDSN reports whether s is a PostgreSQL connection URL
// (postgres://... or postgresql://...), as opposed to a SQLite file path.
func IsDSN(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Redact returns dsn with its password hidden, for messages and logs.
func Redact(dsn string) string {
	u, err := url.Parse(dsn)
	if err != nil {
		return userinfo.ReplaceAllString(dsn, "${1}xxxxx@")
	}
	if u.User == nil {
		return dsn
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// userinfo finds the password of a URL that does not parse.
var userinfo = regexp.MustCompile(`(://[^:/@]*:)[^@]*@`)

var schemaName = regexp.MustCompile(`^[a-z_][a-z0-9_]{0,62}$`)

// schemaOf returns the schema akhbar uses: Options.Schema, else the
// search_path the connection string sets, else public.
func schemaOf(opts Options, searchPath string) string {
	switch {
	case opts.Schema != "":
		return opts.Schema
	case searchPath != "":
		return searchPath
	}
	return "public"
}

// connect opens a pool on dsn with search_path set to the schema, and
// checks that the server answers.
func connect(ctx context.Context, dsn string, opts Options) (*pgxpool.Pool, string, error) {
	name := Redact(dsn)
	if !IsDSN(dsn) {
		return nil, name, fmt.Errorf("%q is not a PostgreSQL URL (want postgres://user@host:port/database)", name)
	}
	cfg, err := pgxpool.ParseConfig(dsn)
	if err != nil {
		return nil, name, fmt.Errorf("bad connection string %s: %w", name, errors.Unwrap(err))
	}
	schema := schemaOf(opts, cfg.ConnConfig.RuntimeParams["search_path"])
	if !schemaName.MatchString(schema) {
		return nil, name, fmt.Errorf("schema %q: want lower-case letters, digits and _", schema)
	}
	cfg.ConnConfig.RuntimeParams["search_path"] = schema
	cfg.ConnConfig.RuntimeParams["application_name"] = "akhbar"
	if opts.ApplicationName != "" {
		cfg.ConnConfig.RuntimeParams["application_name"] = opts.ApplicationName
	}
	if opts.MaxConns > 0 {
		cfg.MaxConns = opts.MaxConns
	}
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, name, fmt.Errorf("connecting to %s: %w", name, err)
	}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, name, fmt.Errorf("connecting to %s: %w", name, err)
	}
	return pool, name, nil
}

// Open connects to the database at dsn and checks that its schema is the
// one this binary writes: an older schema is refused with ErrSchemaBehind
// (run `akhbar migrate`), a newer one with ErrSchemaAhead (this akhbar is
// older than the database). A wrong connection string or an unreachable
// server is a clear error naming the address, password hidden.
func Open(ctx context.Context, dsn string, opts Options) (*DB, error) {
	pool, name, err := connect(ctx, dsn, opts)
	if err != nil {
		return nil, fmt.Errorf("opening store: %w", err)
	}
	d := &DB{pool: pool, name: name, opts: opts}
	if err := d.checkSchema(ctx); err != nil {
		pool.Close()
		return nil, fmt.Errorf("opening store %s: %w", name, err)
	}
	return d, nil
}

// Close closes the connection pool.
func (d *DB) Close() error {
	d.pool.Close()
	return nil
}

// Stats counts articles, entities and quotes and sums the size of the
// store's tables and indexes.
func (d *DB) Stats(ctx context.Context) (store.Stats, error) {
	var s store.Stats
	err := d.pool.QueryRow(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM entities),
		(SELECT count(*) FROM quotes),
		(SELECT coalesce(sum(pg_total_relation_size(c.oid)), 0)::bigint FROM pg_class c
			JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = current_schema() AND c.relkind = 'r')`).
		Scan(&s.Articles, &s.Entities, &s.Quotes, &s.Bytes)
	if err != nil {
		return s, fmt.Errorf("reading stats of %s: %w", d.name, err)
	}
	return s, nil
}

// querier is what a pool, a connection and a transaction share.
type querier interface {
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}
