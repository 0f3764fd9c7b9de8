package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

func TestPostgresCommandsUsage(t *testing.T) {
	for _, args := range [][]string{
		{"migrate"},
		{"migrate", "--db", "akhbar.db"},
		{"worker", "--db", "news.db"},
		{"worker", "--db", "postgres://u@h/db", "--batch", "0"},
		{"queue", "--db", "postgres://u@h/db"},
		{"queue", "SOURCE"},
	} {
		code, _, stderr := runCLI(t, "", args...)
		if code != 2 || strings.Count(strings.TrimSpace(stderr), "\n") > 0 {
			t.Errorf("akhbar %v: exit %d, stderr %q; want 2 and one line", args, code, stderr)
		}
	}
	// A server that is not there: a clear one-line error, no stack trace.
	code, _, stderr := runCLI(t, "", "migrate", "--db", "postgres://akhbar:hunter2@127.0.0.1:1/news?connect_timeout=2")
	if code != 1 || !strings.Contains(stderr, "connecting to postgres://akhbar:xxxxx@127.0.0.1:1/news") ||
		strings.Contains(stderr, "hunter2") || strings.Contains(stderr, "goroutine") {
		t.Errorf("migrate on a missing server: exit %d, stderr %q", code, stderr)
	}
}

// TestPostgresCommands queues two composed articles, runs a worker until
// the queue is empty and checks the queue's counts, on the server in
// AKHBAR_TEST_POSTGRES (see .ci/postgres.sh).
func TestPostgresCommands(t *testing.T) {
	dsn := os.Getenv("AKHBAR_TEST_POSTGRES")
	if dsn == "" {
		if os.Getenv("CI") == "true" {
			t.Fatal("AKHBAR_TEST_POSTGRES is not set in CI: start a server with .ci/postgres.sh start")
		}
		t.Skip("AKHBAR_TEST_POSTGRES not set: run .ci/postgres.sh start and source its env line")
	}
	schema := fmt.Sprintf("akhbar_cli%d", time.Now().UnixNano()%1e12)
	t.Cleanup(func() {
		conn, err := pgx.Connect(context.Background(), dsn)
		if err == nil {
			conn.Exec(context.Background(), `DROP SCHEMA IF EXISTS `+schema+` CASCADE`) //nolint:errcheck
			conn.Close(context.Background())
		}
	})
	db := []string{"--db", dsn, "--schema", schema}
	code, _, stderr := runCLI(t, "", append([]string{"worker"}, db...)...)
	if code != 1 || !strings.Contains(stderr, "akhbar migrate") {
		t.Fatalf("worker before migrate: exit %d, stderr %q; want a refusal naming akhbar migrate", code, stderr)
	}
	if code, out, stderr := runCLI(t, "", append([]string{"migrate"}, db...)...); code != 0 || !strings.Contains(out, "applied 2") {
		t.Fatalf("migrate: exit %d, %q %q", code, out, stderr)
	}
	dir := t.TempDir()
	texts := []string{
		"وزير المالية يعلن موازنة جديدة\n\nأعلن وزير المالية اليوم موازنة جديدة تركز على دعم التعليم والصحة.",
		"افتتاح جسر يربط ضفتي النهر\n\nافتتح رئيس البلدية صباح اليوم جسرا جديدا يربط ضفتي النهر بعد عامين من العمل.",
	}
	for i, s := range texts {
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("%d.txt", i)), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if code, out, stderr := runCLI(t, "", append(append([]string{"queue"}, db...), dir)...); code != 0 || !strings.Contains(out, "2 queued") {
		t.Fatalf("queue: exit %d, %q %q", code, out, stderr)
	}
	code, out, stderr := runCLI(t, "", append([]string{"worker", "--exit-when-idle", "--idle", "50ms"}, db...)...)
	if code != 0 || !strings.Contains(out, "2 stored") {
		t.Fatalf("worker: exit %d, %q %q", code, out, stderr)
	}
	code, out, _ = runCLI(t, "", append([]string{"queue", "--status"}, db...)...)
	if code != 0 || !strings.Contains(out, "article  done            2") {
		t.Errorf("queue --status: exit %d, %q", code, out)
	}
	// Storing the same files again through ingest finds them stored.
	code, out, stderr = runCLI(t, "", "ingest", "--quiet", "--db", dsn+"&search_path="+schema, dir)
	if code != 0 || !strings.Contains(out, "duplicates 2") {
		t.Errorf("ingest into postgres: exit %d, %q %q", code, out, stderr)
	}
}
