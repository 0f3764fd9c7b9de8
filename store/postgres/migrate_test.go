package postgres

import (
	"context"
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/jackc/pgx/v5"

	"akhbar/analysis"
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
		// Version 1 had no rank vector: the columns it wrote, by hand.
		for _, a := range storetest.Fixtures() {
			ents := map[string]analysis.Entity{}
			names := map[[2]string]bool{}
			for _, e := range a.Entities {
				ents[e.ID] = e
				for _, m := range e.Mentions {
					names[[2]string{store.NameKey(m.Text), e.ID}] = true
				}
			}
			if err := upsertEntities(ctx, tx, ents, names); err != nil {
				return err
			}
			blob, err := new(store.Codec).Encode(a)
			if err != nil {
				return err
			}
			k := KeyString(store.KeyOf(a.URL, a.Site, a.Text))
			if _, err := tx.Exec(ctx, `INSERT INTO articles(id, key, url, hash, headline, published, day, source, source_name,
				site, lang, text, tsv, analysis) VALUES($1,$2,$3,$4,$5,$6,$7,'','',$8,$9,$10,$11::tsvector,$12)`,
				a.ID, k, a.URL, store.KeyOf(a.URL, a.Site, a.Text).Hash, a.Headline, a.Published, dayOf(a.Published),
				a.Site, a.Lang, a.Text, vector(a), blob); err != nil {
				return err
			}
			if _, err := tx.Exec(ctx, `INSERT INTO article_keys(key, article) VALUES($1, $2)`, k, a.ID); err != nil {
				return err
			}
			for _, e := range a.Entities {
				if _, err := tx.Exec(ctx, `INSERT INTO mentions(article, entity, type, n) VALUES($1, $2, $3, $4)`,
					a.ID, e.ID, e.Type, len(e.Mentions)); err != nil {
					return err
				}
			}
		}
		return nil
	})
	pool.Close()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, dsn, opts); !errors.Is(err, ErrSchemaBehind) || !strings.Contains(err.Error(), "akhbar migrate") {
		t.Fatalf("Open of a version-1 schema = %v, want ErrSchemaBehind naming akhbar migrate", err)
	}
	if got, err := Migrate(ctx, dsn, opts, 0); err != nil || !slices.Equal(got, []int{2, 3, 4}) {
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
	if err != nil || res.Total != 2 || res.Hits[0].Score <= 0 {
		t.Fatalf("search after migration: %v, %+v", err, res)
	}
	if ids, err := d.Search(ctx, store.Query{Text: "الثورة", EntityType: "LOC"}); err != nil || ids.Total != 2 {
		t.Fatalf("entity-type filter after migration: %v, %+v", err, ids)
	}
	// Re-analysis refreshes a migrated row in place.
	if r, err := d.Put(ctx, storetest.Fixtures()[:1], store.PutOptions{Reanalyze: true}); err != nil || r.Outcomes[0] != store.Updated {
		t.Fatalf("reanalyze after migration: %+v, %v", r, err)
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
