package postgres

import (
	"context"
	"errors"
	"fmt"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// Errors of the schema check, for errors.Is.
var (
	// ErrSchemaBehind means the database's schema is older than this
	// binary's (or absent): run `akhbar migrate`.
	ErrSchemaBehind = errors.New("database schema is older than this akhbar")
	// ErrSchemaAhead means the database was migrated by a newer akhbar;
	// this binary refuses to read or write it.
	ErrSchemaAhead = errors.New("database schema is newer than this akhbar")
)

// Migration is one step of the schema, applied in one transaction.
type Migration struct {
	Version int
	Name    string
	SQL     []string
}

// SchemaVersion is the schema version this binary reads and writes.
func SchemaVersion() int { return migrations[len(migrations)-1].Version }

// Migrations returns the schema's steps in order.
func Migrations() []Migration { return append([]Migration(nil), migrations...) }

// Every table has a primary key that starts with the column a Citus
// cluster distributes it by (docs/scaling.md): articles, mentions and
// quotes by article id (co-located), article_keys and jobs by the article
// key; entities and entity_names are small reference tables. No foreign
// keys and no unique constraint that would need a cross-shard check.
var migrations = []Migration{
	{1, "articles, entities, mentions, quotes; tsvector search index", []string{
		`CREATE SEQUENCE article_seq`,
		`CREATE TABLE articles(
			id text PRIMARY KEY,
			seq bigint NOT NULL DEFAULT nextval('article_seq'),
			key text NOT NULL,
			url text,
			hash text NOT NULL,
			headline text NOT NULL,
			published text NOT NULL,
			day text NOT NULL,
			source text NOT NULL,
			source_name text NOT NULL,
			site text NOT NULL,
			lang text NOT NULL,
			text text NOT NULL,
			tsv tsvector NOT NULL,
			analysis bytea NOT NULL
		)`,
		`CREATE INDEX articles_tsv ON articles USING gin(tsv)`,
		`CREATE INDEX articles_seq ON articles(seq)`,
		`CREATE INDEX articles_hash ON articles(hash)`,
		`CREATE INDEX articles_day ON articles(day, seq)`,
		`CREATE INDEX articles_site ON articles(site, day)`,
		`CREATE INDEX articles_source ON articles(source, day)`,
		// The de-duplication key (u:URL or h:content hash) of every article:
		// claiming it is what makes storage exactly-once under concurrent
		// writers.
		`CREATE TABLE article_keys(key text PRIMARY KEY, article text NOT NULL)`,
		`CREATE TABLE entities(id text PRIMARY KEY, type text NOT NULL, name text NOT NULL, name_en text NOT NULL)`,
		`CREATE TABLE entity_names(norm text NOT NULL, entity text NOT NULL, PRIMARY KEY(norm, entity))`,
		`CREATE TABLE mentions(article text NOT NULL, entity text NOT NULL, type text NOT NULL, n int NOT NULL,
			PRIMARY KEY(article, entity))`,
		`CREATE INDEX mentions_entity ON mentions(entity)`,
		`CREATE INDEX mentions_type ON mentions(type, article)`,
		`CREATE TABLE quotes(article text NOT NULL, ord int NOT NULL, speaker text NOT NULL, speaker_text text NOT NULL,
			cue text NOT NULL, direct boolean NOT NULL, text text NOT NULL, start int NOT NULL, "end" int NOT NULL,
			PRIMARY KEY(article, ord))`,
		`CREATE INDEX quotes_speaker ON quotes(speaker)`,
	}},
	{2, "work queue: articles to analyze and feeds due, claimed with leases", []string{
		`CREATE TABLE jobs(
			key text PRIMARY KEY,
			kind text NOT NULL,
			payload bytea NOT NULL,
			state text NOT NULL DEFAULT 'pending',
			due timestamptz NOT NULL DEFAULT now(),
			lease_until timestamptz,
			worker text NOT NULL DEFAULT '',
			attempts int NOT NULL DEFAULT 0,
			error text NOT NULL DEFAULT '',
			article text NOT NULL DEFAULT '',
			created timestamptz NOT NULL DEFAULT now(),
			updated timestamptz NOT NULL DEFAULT now()
		)`,
		`CREATE INDEX jobs_pending ON jobs(kind, due) WHERE state = 'pending'`,
	}},
	// Ranking read every matching article's full vector from TOAST; the
	// rank vector is small and stored inline. Rows stored before this
	// version get their headline and entity terms (the vector's A and B
	// weights); re-analysis (--reanalyze) adds their lead paragraph.
	{3, "rank vector: headline, entity ids and lead paragraph, read instead of the full vector when ranking", []string{
		`ALTER TABLE articles ADD COLUMN tsv_rank tsvector`,
		`UPDATE articles SET tsv_rank = ts_filter(tsv, '{a,b}')`,
		`ALTER TABLE articles ALTER COLUMN tsv_rank SET NOT NULL`,
	}},
	// The entity-type facet and filter joined mentions for every match.
	{4, "entity types of each article in the article row, for the entity-type facet and filter", []string{
		`ALTER TABLE articles ADD COLUMN types text NOT NULL DEFAULT ''`,
		`UPDATE articles a SET types = coalesce((SELECT string_agg(DISTINCT type, ' ' ORDER BY type) FROM mentions m
			WHERE m.article = a.id), '')`,
	}},
}

// migrationsTable records the applied versions.
const migrationsTable = `CREATE TABLE IF NOT EXISTS akhbar_migrations(
	version int PRIMARY KEY, name text NOT NULL, applied timestamptz NOT NULL DEFAULT now())`

// Version returns the schema version of the database at dsn: 0 when akhbar
// has never migrated it.
func Version(ctx context.Context, dsn string, opts Options) (int, error) {
	pool, name, err := connect(ctx, dsn, opts)
	if err != nil {
		return 0, err
	}
	defer pool.Close()
	v, err := version(ctx, pool)
	if err != nil {
		return 0, fmt.Errorf("reading schema version of %s: %w", name, err)
	}
	return v, nil
}

func version(ctx context.Context, q querier) (int, error) {
	var v int
	err := q.QueryRow(ctx, `SELECT coalesce(max(version), 0) FROM akhbar_migrations`).Scan(&v)
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "42P01" { // undefined_table
		return 0, nil
	}
	return v, err
}

func (d *DB) checkSchema(ctx context.Context) error {
	v, err := version(ctx, d.pool)
	if err != nil {
		return fmt.Errorf("reading schema version: %w", err)
	}
	want := SchemaVersion()
	switch {
	case v == 0:
		return fmt.Errorf("%w: no akhbar schema here; run `akhbar migrate --db ...` first", ErrSchemaBehind)
	case v < want:
		return fmt.Errorf("%w: schema version %d, this akhbar needs %d; run `akhbar migrate --db ...`", ErrSchemaBehind, v, want)
	case v > want:
		return fmt.Errorf("%w: schema version %d, this akhbar knows up to %d; upgrade akhbar", ErrSchemaAhead, v, want)
	}
	return nil
}

// Migrate brings the database at dsn to schema version to (the latest
// when to is 0), applying each missing step in its own transaction under
// an advisory lock, so concurrent migrations wait for each other. It
// returns the versions applied. A database newer than to is refused with
// ErrSchemaAhead: migrations only go forward.
func Migrate(ctx context.Context, dsn string, opts Options, to int) ([]int, error) {
	if to == 0 {
		to = SchemaVersion()
	}
	if to < 0 || to > SchemaVersion() {
		return nil, fmt.Errorf("migrating: no schema version %d (this akhbar knows 1..%d)", to, SchemaVersion())
	}
	pool, name, err := connect(ctx, dsn, opts)
	if err != nil {
		return nil, fmt.Errorf("migrating: %w", err)
	}
	defer pool.Close()
	schema := schemaOf(opts, pool.Config().ConnConfig.RuntimeParams["search_path"])
	var applied []int
	for _, m := range migrations {
		ok, err := apply(ctx, pool, schema, m, to)
		if err != nil {
			return applied, fmt.Errorf("migrating %s to version %d (%s): %w", name, m.Version, m.Name, err)
		}
		if ok {
			applied = append(applied, m.Version)
		}
	}
	return applied, nil
}

// apply applies m unless the database already has it; it fails when the
// database is ahead of to.
func apply(ctx context.Context, pool interface {
	Begin(context.Context) (pgx.Tx, error)
}, schema string, m Migration, to int) (bool, error) {
	tx, err := pool.Begin(ctx)
	if err != nil {
		return false, err
	}
	defer tx.Rollback(ctx)
	if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock(hashtext('akhbar migrate ' || $1))`, schema); err != nil {
		return false, err
	}
	if _, err := tx.Exec(ctx, `CREATE SCHEMA IF NOT EXISTS `+pgx.Identifier{schema}.Sanitize()); err != nil {
		return false, err
	}
	if _, err := tx.Exec(ctx, migrationsTable); err != nil {
		return false, err
	}
	v, err := version(ctx, tx)
	if err != nil {
		return false, err
	}
	if v > to {
		return false, fmt.Errorf("%w: schema version %d, asked for %d", ErrSchemaAhead, v, to)
	}
	if m.Version <= v || m.Version > to {
		return false, nil
	}
	if m.Version != v+1 {
		return false, fmt.Errorf("schema version %d cannot go to %d directly", v, m.Version)
	}
	for _, s := range m.SQL {
		if _, err := tx.Exec(ctx, s); err != nil {
			return false, err
		}
	}
	if _, err := tx.Exec(ctx, `INSERT INTO akhbar_migrations(version, name) VALUES($1, $2)`, m.Version, m.Name); err != nil {
		return false, err
	}
	return true, tx.Commit(ctx)
}
