package sqlite

import (
	"bytes"
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"akhbar/store"
	"akhbar/store/storetest"
)

func openTemp(t *testing.T) *DB {
	t.Helper()
	d, err := Open(context.Background(), filepath.Join(t.TempDir(), "akhbar.db"), Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d
}

func TestConformance(t *testing.T) {
	storetest.Run(t, func(t *testing.T) store.Store { return openTemp(t) })
}

func TestCorruptFileIsRefusedAndKept(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	garbage := filepath.Join(dir, "garbage.db")
	junk := bytes.Repeat([]byte("not a database at all "), 500)
	if err := os.WriteFile(garbage, junk, 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(ctx, garbage, Options{}); err == nil || !strings.Contains(err.Error(), "not an akhbar store or corrupt") ||
		!strings.Contains(err.Error(), garbage) {
		t.Errorf("Open(garbage) = %v, want a clear error naming the file", err)
	}
	if got, _ := os.ReadFile(garbage); !bytes.Equal(got, junk) {
		t.Error("Open changed the file it refused")
	}

	// A real store with its middle overwritten: open or check says so.
	path := filepath.Join(dir, "a.db")
	d, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.Put(ctx, storetest.Fixtures(), store.PutOptions{}); err != nil {
		t.Fatal(err)
	}
	d.Close()
	data, _ := os.ReadFile(path)
	for i := 4096; i < len(data); i++ { // every page but the header page
		data[i] = 0xA5
	}
	os.WriteFile(path, data, 0o644)
	d, err = Open(ctx, path, Options{})
	if err == nil {
		err = d.Check(ctx)
		d.Close()
	}
	if err == nil {
		t.Fatal("a store with overwritten pages opened and checked fine")
	}
	if !strings.Contains(err.Error(), path) {
		t.Errorf("error does not name the store: %v", err)
	}

	// A SQLite file that is not akhbar's.
	other := filepath.Join(dir, "other.db")
	odb, err := sql.Open("sqlite3", other)
	if err != nil {
		t.Fatal(err)
	}
	odb.Exec(`CREATE TABLE t(x)`)
	odb.Close()
	if _, err := Open(ctx, other, Options{}); err == nil || !strings.Contains(err.Error(), "not an akhbar store") {
		t.Errorf("Open(other SQLite file) = %v", err)
	}
}

func TestNotADirectory(t *testing.T) {
	if _, err := Open(context.Background(), t.TempDir(), Options{}); err == nil || !strings.Contains(err.Error(), "is a directory") {
		t.Errorf("Open(dir) = %v", err)
	}
	if _, err := Open(context.Background(), "/nonexistent-dir/x/a.db", Options{}); err == nil {
		t.Error("Open in a missing directory succeeded")
	}
}

func TestUpgradeFromSchema1(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "a.db")
	d, err := Open(ctx, path, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.Put(ctx, storetest.Fixtures(), store.PutOptions{}); err != nil {
		t.Fatal(err)
	}
	// Make it a schema 1 store: no facts table.
	for _, s := range []string{`DROP TABLE facts`, `UPDATE meta SET value = '1' WHERE key = 'schema'`} {
		if _, err := d.db.ExecContext(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	d.Close()
	d, err = Open(ctx, path, Options{})
	if err != nil {
		t.Fatalf("opening a schema 1 store: %v", err)
	}
	defer d.Close()
	res, err := d.Search(ctx, store.Query{Text: "موسكو", Site: "beta"})
	if err != nil || res.Total != 1 || res.Hits[0].ID != "a5" {
		t.Fatalf("search after upgrade: %+v %v", res, err)
	}
	if _, err := d.db.ExecContext(ctx, `UPDATE meta SET value = '9' WHERE key = 'schema'`); err != nil {
		t.Fatal(err)
	}
	d.Close()
	if _, err := Open(ctx, path, Options{}); err == nil || !strings.Contains(err.Error(), "schema version 9") {
		t.Errorf("opening a newer store: %v", err)
	}
}
