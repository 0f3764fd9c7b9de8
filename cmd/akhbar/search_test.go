package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// newsLines are short news items written for this test, as JSON lines.
var newsLines = []string{
	`{"id": "n1", "source": "site_a", "url": "https://a.example/1", "date": "2022-01-06T10:00:00+03:00", "title": "لوكاشينكو يحذر من الثورة الملونة", "text": "قال الرئيس البيلاروسي ألكسندر لوكاشينكو يوم الخميس إن بلاده لن تسمح بتكرار الثورة الملونة، مضيفا أن قوات الأمن مستعدة."}`,
	`{"id": "n2", "source": "site_b", "url": "https://b.example/2", "date": "2022-01-12T09:00:00+03:00", "title": "احتجاجات في كازاخستان", "text": "تواصلت الاحتجاجات في مدن كازاخستان لليوم الثالث، وحذر مسؤولون من الثورة الملونة في المنطقة."}`,
	`{"id": "n3", "source": "site_a", "url": "https://a.example/3", "date": "2022-01-13T08:00:00+03:00", "title": "أسعار النفط ترتفع", "text": "ارتفعت أسعار النفط في الأسواق العالمية بعد قرار خفض الإنتاج."}`,
}

func runStoreCLI(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	code := run(context.Background(), &env{stdin: strings.NewReader(""), stdout: &out, stderr: &errb}, args)
	return code, out.String(), errb.String()
}

func TestIngestSearchTrendCommands(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "news.jsonl")
	os.WriteFile(corpus, []byte(strings.Join(newsLines, "\n")+"\n"), 0o644)
	db := filepath.Join(dir, "akhbar.db")

	code, out, errs := runStoreCLI(t, "ingest", "--db", db, "--quiet", corpus)
	if code != 0 || !strings.Contains(out, "read 3, stored 3") {
		t.Fatalf("ingest: code %d, out %q, err %q", code, out, errs)
	}
	code, out, _ = runStoreCLI(t, "ingest", "--db", db, "--quiet", corpus)
	if code != 0 || !strings.Contains(out, "stored 0, updated 0, duplicates 3") {
		t.Fatalf("second ingest: code %d, out %q", code, out)
	}

	code, out, errs = runStoreCLI(t, "search", "--db", db, "--json", `"الثورة الملونة"`)
	if code != 0 {
		t.Fatalf("search: %d %s", code, errs)
	}
	var res struct {
		Total int
		Hits  []struct {
			ID      string
			Snippet struct {
				Text  string
				Marks [][2]int
			}
		}
	}
	if err := json.Unmarshal([]byte(out), &res); err != nil {
		t.Fatal(err)
	}
	if res.Total != 2 || len(res.Hits) != 2 || len(res.Hits[0].Snippet.Marks) == 0 {
		t.Fatalf("phrase search: %+v", res)
	}
	m := res.Hits[0].Snippet.Marks[0]
	if got := string([]rune(res.Hits[0].Snippet.Text)[m[0]:m[1]]); got != "الثورة الملونة" {
		t.Errorf("snippet mark = %q", got)
	}

	code, out, _ = runStoreCLI(t, "search", "--db", db, "--site", "site_a", "النفط")
	if code != 0 || !strings.Contains(out, "1 results") || !strings.Contains(out, "⟦النفط⟧") {
		t.Errorf("filtered search printed %q", out)
	}

	// Every spelling: the text says لوكاشينكو; the query spells it otherwise
	// and finds it through the entity id.
	code, out, _ = runStoreCLI(t, "search", "--db", db, "لوكاتشينكو")
	if code != 0 || !strings.Contains(out, "n1 ·") || !strings.Contains(out, "⟦لوكاشينكو⟧") {
		t.Errorf("variant spelling search printed %q", out)
	}
	code, out, _ = runStoreCLI(t, "quotes", "--db", db, "--csv", "لوكاتشينكو")
	if code != 0 || !strings.Contains(out, "n1") || !strings.HasPrefix(out, "published,article,speaker") {
		t.Errorf("quotes CSV = %q", out)
	}

	code, out, _ = runStoreCLI(t, "trend", "--db", db, "--by", "week", "--csv", `"الثورة الملونة"`)
	if code != 0 || out != "week,count\n2022-01-03,1\n2022-01-10,1\n" {
		t.Errorf("trend CSV = %q (code %d)", out, code)
	}

	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"search", "--db", db, "؟!..."}, 2, "no searchable words"},
		{[]string{"search", "--db", db, strings.Repeat("ن", 10000)}, 2, "query too long"},
		{[]string{"search", "--db", filepath.Join(dir, "missing.db"), "النفط"}, 1, "run 'akhbar ingest"},
		{[]string{"search", "--db", db, "--from", "yesterday", "النفط"}, 2, "not a date"},
		{[]string{"trend", "--db", db, "--by", "year", "النفط"}, 2, "period"},
		{[]string{"entity", "--db", db, "شخص_لا_يوجد"}, 1, "no entity named"},
		{[]string{"ingest", "--db", db}, 2, "no SOURCE"},
		{[]string{"ingest", "--db", db, filepath.Join(dir, "nope.jsonl")}, 2, "nope.jsonl"},
	} {
		code, _, errs := runStoreCLI(t, c.args...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("%v: code %d, stderr %q; want %d and %q", c.args[:2], code, errs, c.code, c.want)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "missing.db")); err == nil {
		t.Error("search created the store it did not find")
	}
}
