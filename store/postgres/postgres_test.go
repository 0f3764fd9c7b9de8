package postgres

import (
	"context"
	"fmt"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"

	"akhbar/store"
	"akhbar/store/storetest"
)

// testDSN returns the test server's URL from AKHBAR_TEST_POSTGRES (see
// .ci/postgres.sh). Without it the test is skipped, except in CI, where a
// missing server is a failure and never a silent skip.
func testDSN(t testing.TB) string {
	t.Helper()
	dsn := os.Getenv("AKHBAR_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("AKHBAR_TEST_POSTGRES is not set in CI: start a server with .ci/postgres.sh start")
		}
		t.Skip("AKHBAR_TEST_POSTGRES not set: run .ci/postgres.sh start and source its env line")
	}
	return dsn
}

var schemaCounter atomic.Int64

// freshSchema returns options naming a new, empty schema, dropped when the
// test ends.
func freshSchema(t testing.TB, dsn string) Options {
	t.Helper()
	name := fmt.Sprintf("akhbar_t%d_%d", time.Now().UnixNano()%1e9, schemaCounter.Add(1))
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Logf("dropping schema %s: %v", name, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, `DROP SCHEMA IF EXISTS `+name+` CASCADE`); err != nil {
			t.Logf("dropping schema %s: %v", name, err)
		}
	})
	return Options{Schema: name}
}

// openFresh migrates a new schema and opens it.
func openFresh(t testing.TB) (*DB, string, Options) {
	t.Helper()
	dsn := testDSN(t)
	opts := freshSchema(t, dsn)
	ctx := context.Background()
	if _, err := Migrate(ctx, dsn, opts, 0); err != nil {
		t.Fatal(err)
	}
	d, err := Open(ctx, dsn, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.Close() })
	return d, dsn, opts
}

func TestConformance(t *testing.T) {
	testDSN(t)
	storetest.Run(t, func(t *testing.T) store.Store {
		d, _, _ := openFresh(t)
		return d
	})
}
