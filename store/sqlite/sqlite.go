// Package sqlite is akhbar's embedded store: one SQLite file (WAL mode)
// through github.com/ncruces/go-sqlite3, with an FTS5 index whose tokenizer
// is akhbar's Arabic analyzer, so the index and its queries agree.
package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/ncruces/go-sqlite3"
	"github.com/ncruces/go-sqlite3/driver"
	"github.com/ncruces/go-sqlite3/ext/fts5"

	"akhbar/store"
)

// schemaVersion is the layout this package writes; a database with another
// version is refused rather than misread.
const schemaVersion = "2"

// Options configure Open.
type Options struct {
	// MaxPages caps the database at this many pages (4 KiB each), the way
	// a full disk would; 0 means no cap. Used to test running out of space.
	MaxPages int
	// Resolver, when set, names the entity ids a query word or phrase may
	// refer to beyond those the store has seen (a knowledge base).
	Resolver func(name string) []string
}

// DB is a Store in one SQLite file.
type DB struct {
	db   *sql.DB
	path string
	opts Options
}

var _ store.Store = (*DB)(nil)

// TokenizerName is the name the FTS5 tokenizer is registered under.
const TokenizerName = "akhbar"

// Open opens (creating it when missing) the store at path. A file that is
// not an akhbar database, or is corrupt, is refused with an error naming
// it, and is not modified.
func Open(ctx context.Context, path string, opts Options) (*DB, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, fmt.Errorf("opening store %s: %w", path, err)
	}
	if st, err := os.Stat(abs); err == nil && st.IsDir() {
		return nil, fmt.Errorf("opening store %s: is a directory", path)
	}
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(20000)")
	q.Add("_pragma", "foreign_keys(off)")
	q.Add("_pragma", "cache_size(-32768)") // 32 MiB a connection
	q.Add("_txlock", "immediate")
	if opts.MaxPages > 0 {
		q.Add("_pragma", "max_page_count("+strconv.Itoa(opts.MaxPages)+")")
	}
	dsn := (&url.URL{Scheme: "file", OmitHost: true, Path: abs, RawQuery: q.Encode()}).String()
	db, err := driver.Open(dsn, func(c *sqlite3.Conn) error {
		return fts5.RegisterCustom(c, func(api *fts5.API) error {
			return api.CreateTokenizer(TokenizerName, func([]string) (fts5.Tokenizer, error) {
				return tokenizer{}, nil
			})
		})
	})
	if err != nil {
		return nil, fmt.Errorf("opening store %s: %w", path, err)
	}
	// Opening a connection instantiates SQLite anew; keep enough idle
	// ones for a search and its facets running side by side.
	db.SetMaxIdleConns(8)
	d := &DB{db: db, path: path, opts: opts}
	if err := d.init(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("opening store %s: %w", path, err)
	}
	return d, nil
}

func (d *DB) init(ctx context.Context) error {
	// Reading the schema first tells a corrupt or foreign file apart
	// before anything is written.
	var n int
	if err := d.db.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master`).Scan(&n); err != nil {
		return notDatabase(err)
	}
	if n > 0 {
		var v string
		err := d.db.QueryRowContext(ctx, `SELECT value FROM meta WHERE key = 'schema'`).Scan(&v)
		if err != nil {
			return fmt.Errorf("not an akhbar store (no schema version): %w", notDatabase(err))
		}
		if v == "1" {
			if err := d.upgrade1(ctx); err != nil {
				return fmt.Errorf("upgrading store schema 1 to 2: %w", err)
			}
			v = schemaVersion
		}
		if v != schemaVersion {
			return fmt.Errorf("store schema version %s, this akhbar reads %s", v, schemaVersion)
		}
	}
	if _, err := d.db.ExecContext(ctx, `PRAGMA journal_mode=WAL`); err != nil {
		return notDatabase(err)
	}
	if _, err := d.db.ExecContext(ctx, `PRAGMA synchronous=NORMAL`); err != nil {
		return err
	}
	if n > 0 {
		return nil
	}
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, s := range schema {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return fmt.Errorf("creating schema: %w", err)
		}
	}
	return tx.Commit()
}

// upgrade1 adds the facts table (the narrow copy of the columns filters,
// facets and date sorts read, so they do not load whole article rows) to a
// store of schema 1, in one transaction.
func (d *DB) upgrade1(ctx context.Context) error {
	tx, err := d.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	for _, s := range schema {
		if strings.Contains(s, "facts") {
			if _, err := tx.ExecContext(ctx, s); err != nil {
				return err
			}
		}
	}
	for _, s := range []string{
		`INSERT INTO facts SELECT rowid, day, site, source, source_name, lang, types FROM articles`,
		`UPDATE meta SET value = '` + schemaVersion + `' WHERE key = 'schema'`,
	} {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			return err
		}
	}
	return tx.Commit()
}

func notDatabase(err error) error {
	if errors.Is(err, sqlite3.NOTADB) || errors.Is(err, sqlite3.CORRUPT) {
		return fmt.Errorf("not an akhbar store or corrupt: %w", err)
	}
	return err
}

var schema = []string{
	`CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL)`,
	`INSERT INTO meta VALUES('schema', '` + schemaVersion + `')`,
	`CREATE TABLE articles(
		rowid INTEGER PRIMARY KEY,
		id TEXT NOT NULL UNIQUE,
		url TEXT,
		hash TEXT NOT NULL,
		headline TEXT NOT NULL,
		published TEXT NOT NULL,
		day TEXT NOT NULL,
		source TEXT NOT NULL,
		source_name TEXT NOT NULL,
		site TEXT NOT NULL,
		lang TEXT NOT NULL,
		ents TEXT NOT NULL,
		types TEXT NOT NULL,
		text TEXT NOT NULL,
		analysis BLOB NOT NULL
	)`,
	`CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url IS NOT NULL`,
	`CREATE INDEX articles_hash ON articles(hash)`,
	`CREATE VIRTUAL TABLE fts USING fts5(headline, text, ents,
		content='articles', content_rowid='rowid', tokenize='` + TokenizerName + `', detail=full)`,
	`CREATE TABLE facts(rowid INTEGER PRIMARY KEY, day TEXT NOT NULL, site TEXT NOT NULL, source TEXT NOT NULL,
		source_name TEXT NOT NULL, lang TEXT NOT NULL, types TEXT NOT NULL)`,
	`CREATE INDEX facts_day ON facts(day, rowid)`,
	`CREATE INDEX facts_site ON facts(site, day)`,
	`CREATE INDEX facts_source ON facts(source, day)`,
	`CREATE TABLE entities(id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, name_en TEXT NOT NULL)`,
	`CREATE TABLE entity_names(norm TEXT NOT NULL, entity TEXT NOT NULL, PRIMARY KEY(norm, entity)) WITHOUT ROWID`,
	`CREATE TABLE mentions(entity TEXT NOT NULL, article INTEGER NOT NULL, type TEXT NOT NULL, n INTEGER NOT NULL,
		PRIMARY KEY(entity, article)) WITHOUT ROWID`,
	`CREATE INDEX mentions_article ON mentions(article)`,
	`CREATE INDEX mentions_type ON mentions(type, article)`,
	`CREATE TABLE quotes(article INTEGER NOT NULL, speaker TEXT NOT NULL, speaker_text TEXT NOT NULL,
		cue TEXT NOT NULL, direct INTEGER NOT NULL, text TEXT NOT NULL, start INTEGER NOT NULL, "end" INTEGER NOT NULL)`,
	`CREATE INDEX quotes_speaker ON quotes(speaker)`,
	`CREATE INDEX quotes_article ON quotes(article)`,
}

// Close closes the database.
func (d *DB) Close() error {
	if err := d.db.Close(); err != nil {
		return fmt.Errorf("closing store %s: %w", d.path, err)
	}
	return nil
}

// Check runs SQLite's integrity check and the FTS index's own check.
func (d *DB) Check(ctx context.Context) error {
	var res string
	if err := d.db.QueryRowContext(ctx, `PRAGMA integrity_check`).Scan(&res); err != nil {
		return fmt.Errorf("checking store %s: %w", d.path, notDatabase(err))
	}
	if res != "ok" {
		return fmt.Errorf("checking store %s: %s", d.path, res)
	}
	if _, err := d.db.ExecContext(ctx, `INSERT INTO fts(fts) VALUES('integrity-check')`); err != nil {
		return fmt.Errorf("checking search index of %s: %w", d.path, err)
	}
	return nil
}

// Stats describes the store.
func (d *DB) Stats(ctx context.Context) (store.Stats, error) {
	var s store.Stats
	err := d.db.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM entities),
		(SELECT count(*) FROM quotes)`).Scan(&s.Articles, &s.Entities, &s.Quotes)
	if err != nil {
		return s, fmt.Errorf("reading stats of %s: %w", d.path, err)
	}
	for _, suffix := range []string{"", "-wal"} {
		if st, err := os.Stat(d.path + suffix); err == nil {
			s.Bytes += st.Size()
		}
	}
	return s, nil
}
