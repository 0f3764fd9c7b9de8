package article

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

const goodLines = `{"id": "a1", "source": "ant_skynews_arabia", "title": "افتتاح جسر جديد", "date": "2018-03-05T10:20:00+04:00", "text": "افتتح وزير النقل جسرا جديدا يربط ضفتي النهر.\nوقال الوزير إن الجسر سيخفف الازدحام.", "url": "https://example.org/a1", "category": "local"}
not json at all
{"id": "a3", "source": "saudinewsnet_was", "title": "خبر بلا نص"}
{"id": "a4", "source": "saudinewsnet_okaz", "title": "قرار جديد", "date": "2015-07-21 02:58:18", "text": "الرياض 5 شوال 1436 هـ الموافق 21 يوليو 2015 م واس\nأصدر المجلس قرارا جديدا بشأن تنظيم الأسواق."}
{"id": "a5", "title": "تاريخ غير صالح", "date": "yesterday", "text": "نص."}

{"id": "a6", "source": "ant_jawharafm", "title": "", "date": "2016-08-20", "text": "تونس (وات) - انطلقت اليوم الدورة الجديدة لمهرجان المدينة."}
`

type item struct {
	a   *Article
	err error
}

func readAll(t *testing.T, data []byte) ([]item, error) {
	t.Helper()
	var got []item
	err := ReadJSONLines(context.Background(), bytes.NewReader(data), "news.jsonl", func(a *Article, err error) error {
		got = append(got, item{a, err})
		return nil
	})
	return got, err
}

func TestReadJSONLines(t *testing.T) {
	for _, gz := range []bool{false, true} {
		data := []byte(goodLines)
		if gz {
			var buf bytes.Buffer
			zw := gzip.NewWriter(&buf)
			zw.Write(data)
			zw.Close()
			data = buf.Bytes()
		}
		got, err := readAll(t, data)
		if err != nil {
			t.Fatalf("gzip=%v: %v", gz, err)
		}
		if len(got) != 6 {
			t.Fatalf("gzip=%v: %d items; want 6 (one per non-blank line)", gz, len(got))
		}
		a := got[0].a
		if got[0].err != nil || a.ID != "a1" || a.Headline != "افتتاح جسر جديد" || a.Site != "skynews_arabia" ||
			a.Published.String() != "2018-03-05T10:20:00+04:00" || a.URL != "https://example.org/a1" ||
			len(a.Categories) != 1 || a.Categories[0] != "local" {
			t.Errorf("line 1 = %+v, %v", a, got[0].err)
		}
		if at(a.Text, a.HeadlineAt.Start, a.HeadlineAt.End) != a.Headline || !strings.HasPrefix(at(a.Text, a.Body.Start, a.Body.End), "افتتح وزير") {
			t.Errorf("line 1 spans: headline %v body %v in %q", a.HeadlineAt, a.Body, a.Text)
		}
		wantErrs := map[int]string{
			1: "news.jsonl:2: not a JSON object",
			2: `news.jsonl:3 (id a3): no "text" field`,
			4: `news.jsonl:5 (id a5): field "date": date "yesterday" is in no known format`,
		}
		for i, want := range wantErrs {
			var le *LineError
			if got[i].err == nil || !strings.Contains(got[i].err.Error(), want) || !errors.As(got[i].err, &le) {
				t.Errorf("item %d: err = %v; want %q", i, got[i].err, want)
			}
		}
		if a := got[3].a; a == nil || a.Source.ID != "spa" || a.Published.String() != "2015-07-21T02:58:18" {
			t.Errorf("line 4 = %+v", a)
		}
		if a := got[5].a; a == nil || a.Source.ID != "tap" || a.Place != "تونس" || a.Headline != "" || a.Published.String() != "2016-08-20" {
			t.Errorf("line 7 = %+v", a)
		}
	}
}

func TestReadJSONLinesTruncatedGzip(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	for i := range 200 {
		fmt.Fprintf(zw, `{"id": "x%d", "title": "عنوان %d", "text": "نص الخبر رقم %d في سطر واحد يكفي للاختبار %x."}`+"\n", i, i*7, i*i, i*i*i)
	}
	zw.Close()
	data := buf.Bytes()[:buf.Len()/2]
	got, err := readAll(t, data)
	var le *LineError
	if !errors.As(err, &le) || !strings.Contains(err.Error(), "truncated") || !strings.HasPrefix(err.Error(), "news.jsonl:") {
		t.Fatalf("err = %v; want a LineError saying the input is truncated", err)
	}
	if len(got) < 2 || got[len(got)-1].err == nil {
		t.Fatalf("the lines before the break should be read and the break reported to fn; got %d items", len(got))
	}
	for _, it := range got[:len(got)-1] {
		if it.err != nil {
			t.Fatalf("line before the break failed: %v", it.err)
		}
	}
}

func TestReadJSONLinesStopsWhenFnFails(t *testing.T) {
	stop := errors.New("stop")
	n := 0
	err := ReadJSONLines(context.Background(), strings.NewReader(goodLines), "news.jsonl", func(*Article, error) error {
		n++
		return stop
	})
	if err != stop || n != 1 {
		t.Errorf("err = %v after %d calls; want stop after 1", err, n)
	}
}

func TestParseTimestamp(t *testing.T) {
	tests := []struct{ in, want string }{
		{"2018-02-18T21:35:43+04:00", "2018-02-18T21:35:43+04:00"},
		{"2015-07-21 02:58:18", "2015-07-21T02:58:18"},
		{"2016-08-20", "2016-08-20"},
		{"2022-01-15T13:02", "2022-01-15T13:02"},
		{"Sat, 15 Jan 2022 13:02:00 +0200", "2022-01-15T13:02:00+02:00"},
		{"2022-01-15T11:02:00Z", "2022-01-15T11:02:00Z"},
		{"2017-01-22T185600", "2017-01-22T18:56"},
	}
	for _, tt := range tests {
		got, err := ParseTimestamp(tt.in)
		if err != nil || got.String() != tt.want {
			t.Errorf("ParseTimestamp(%q) = %s, %v; want %s", tt.in, got, err, tt.want)
		}
		var back Timestamp
		if err := back.UnmarshalText([]byte(got.String())); err != nil || back.String() != got.String() {
			t.Errorf("round trip of %s = %s, %v", got, back, err)
		}
	}
	if _, err := ParseTimestamp("غدا"); err == nil {
		t.Error("ParseTimestamp(غدا) succeeded")
	}
}
