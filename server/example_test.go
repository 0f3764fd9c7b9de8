package server_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"

	"akhbar/analysis"
	"akhbar/server"
	"akhbar/server/memstore"
)

// A server over an in-memory store: ingest an article, then search it.
func ExampleServer() {
	az, err := analysis.New(analysis.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	srv, err := server.New(server.Config{Store: memstore.New(), Analyzer: az, Logger: slog.New(slog.DiscardHandler)})
	if err != nil {
		fmt.Println(err)
		return
	}
	ts := httptest.NewServer(srv)
	defer ts.Close()

	resp, err := http.Post(ts.URL+"/api/articles", "text/plain", strings.NewReader("افتتاح مكتبة عامة في الزرقاء\n\nافتتحت البلدية مكتبة عامة تضم عشرة آلاف كتاب."))
	if err != nil {
		fmt.Println(err)
		return
	}
	resp.Body.Close()
	fmt.Println(resp.Status)

	res, err := http.Get(ts.URL + "/api/search?format=csv&q=%D9%85%D9%83%D8%AA%D8%A8%D8%A9")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	fmt.Println(strings.Split(string(b), "\n")[0])
	// Output:
	// 201 Created
	// id,published,site,source,headline,score,snippet
}

// Load measures search latency with many clients at once.
func ExampleLoad() {
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { fmt.Fprint(w, "{}") }))
	defer ts.Close()
	rep, err := server.Load(context.Background(), http.DefaultClient, []string{ts.URL + "/api/search?q=x"}, 10, 100)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(rep.Requests, rep.Errors, rep.P95 >= rep.P50)
	// Output: 100 0 true
}
