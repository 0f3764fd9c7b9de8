package main

import (
	"bufio"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestServeBadFlagsExitTwo(t *testing.T) {
	for _, args := range [][]string{
		{"serve", "--addr", "nonsense"},
		{"serve", "extra-argument"},
		{"serve", "--timeout", "soon"},
	} {
		code, _, stderr := runCLI(t, "", args...)
		if code != 2 || !strings.Contains(stderr, "akhbar serve:") {
			t.Errorf("%v: exit %d, stderr %q; want 2 and a one-line reason", args, code, stderr)
		}
	}
}

// TestServeDemo starts `akhbar serve --demo` on a free loopback port with a
// store file, asks /healthz, and stops it.
func TestServeDemo(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a server with the demo set")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	pr, pw := io.Pipe()
	var stderr strings.Builder
	done := make(chan int, 1)
	db := filepath.Join(t.TempDir(), "demo.db")
	go func() {
		done <- run(ctx, &env{stdin: strings.NewReader(""), stdout: pw, stderr: &stderr},
			[]string{"serve", "--demo", "--db", db, "--addr", "127.0.0.1:0"})
		pw.Close()
	}()
	line, err := bufio.NewReader(pr).ReadString('\n')
	if err != nil {
		t.Fatalf("no address printed: %v; stderr %s", err, stderr.String())
	}
	base := strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(line, "akhbar serving on ")), "/")
	go func() { _, _ = io.Copy(io.Discard, pr) }()
	resp, err := http.Get(base + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	var h struct {
		Status   string `json:"status"`
		Articles int    `json:"articles"`
	}
	err = json.NewDecoder(resp.Body).Decode(&h)
	resp.Body.Close()
	if err != nil || h.Status != "ok" || h.Articles < 30 {
		t.Errorf("/healthz = %+v, %v; want ok with the demo's articles", h, err)
	}
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("serve exited %d after its context ended; stderr %s", code, stderr.String())
	}
}
