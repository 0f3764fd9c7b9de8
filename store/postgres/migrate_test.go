package postgres

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"akhbar/store"
	"akhbar/store/storetest"
)

func TestMigrateFromOlderSchema(t *testing.T) {
	dsn := testDSN(t)
	opts := freshSchema(t, dsn)
	ctx := context.Background()
	if got, err := Migrate(ctx, dsn, opts, 1); err != nil || !slices.Equal(got, []int{1}) {
		t.Fatalf("Migrate to 1 = %v, %v", got, err)
	}
	// Fill the version-1 schema the way a version-1 akhbar did.
	pool, _, err := connect(ctx, dsn, opts)
	if err != nil {
		t.Fatal(err)
	}
	err = pgx.BeginFunc(ctx, pool, func(tx pgx.Tx) error {
		_, err := put(ctx, tx, storetest.Fixtures(), store.PutOptions{})
		return err
	})
	pool.Close()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, dsn, opts); !errors.Is(err, ErrSchemaBehind) || !strings.Contains(err.Error(), "akhbar migrate") {
		t.Fatalf("Open of a version-1 schema = %v, want ErrSchemaBehind naming akhbar migrate", err)
	}
	if got, err := Migrate(ctx, dsn, opts, 0); err != nil || !slices.Equal(got, []int{2}) {
		t.Fatalf("Migrate to latest = %v, %v", got, err)
	}
	if got, err := Migrate(ctx, dsn, opts, 0); err != nil || len(got) != 0 {
		t.Fatalf("second Migrate = %v, %v, want nothing to do", got, err)
	}
	d, err := Open(ctx, dsn, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	// The old articles are intact and searchable, and the queue works.
	res, err := d.Search(ctx, store.Query{Text: "لوكاشينكو"})
	if err != nil || res.Total != 2 {
		t.Fatalf("search after migration: %v, %+v", err, res)
	}
	if n, err := d.Enqueue(ctx, []Job{{Key: "h:x", Kind: KindArticle, Payload: []byte("{}")}}); err != nil || n != 1 {
		t.Fatalf("Enqueue after migration = %d, %v", n, err)
	}
}

func TestSchemaAhead(t *testing.T) {
	d, dsn, opts := openFresh(t)
	ctx := context.Background()
	if _, err := d.pool.Exec(ctx, `INSERT INTO akhbar_migrations(version, name) VALUES(99, 'from the future')`); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, dsn, opts); !errors.Is(err, ErrSchemaAhead) || !strings.Contains(err.Error(), "upgrade akhbar") {
		t.Errorf("Open of a newer schema = %v, want ErrSchemaAhead saying to upgrade", err)
	}
	if _, err := Migrate(ctx, dsn, opts, 0); !errors.Is(err, ErrSchemaAhead) {
		t.Errorf("Migrate of a newer schema = %v, want ErrSchemaAhead", err)
	}
}

func TestBadConnectionStrings(t *testing.T) {
	ctx := context.Background()
	for _, c := range []struct{ dsn, want string }{
		{"akhbar.db", "not a PostgreSQL URL"},
		{"postgres://u:hunter2@[bad", "bad connection string"},
		{"postgres://u:hunter2@127.0.0.1:1/none?connect_timeout=2", "connecting to postgres://u:xxxxx@127.0.0.1:1/none"},
		{"postgres://u@127.0.0.1:5432/x?sslmode=bogus", "bad connection string"},
	} {
		_, err := Open(ctx, c.dsn, Options{})
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("Open(%q) = %v, want an error containing %q", c.dsn, err, c.want)
			continue
		}
		if strings.Contains(err.Error(), "hunter2") {
			t.Errorf("Open(%q) error shows the password: %v", c.dsn, err)
		}
	}
	if _, err := Open(ctx, "postgres://u@h/x", Options{Schema: "Robert'); DROP"}); err == nil || !strings.Contains(err.Error(), "schema") {
		t.Errorf("bad schema name accepted: %v", err)
	}
}

func TestRedact(t *testing.T) {
	for in, want := range map[string]string{
		"postgres://a:secret@h:5/db?x=1": "postgres://a:xxxxx@h:5/db?x=1",
		"postgres://a@h/db":              "postgres://a@h/db",
		"postgres://a:secret@[oops":      "postgres://a:xxxxx@[oops",
	} {
		if got := Redact(in); got != want {
			t.Errorf("Redact(%q) = %q, want %q", in, got, want)
		}
	}
}
