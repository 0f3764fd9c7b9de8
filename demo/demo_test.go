package demo

import (
	"strings"
	"testing"
)

func TestArticlesMakeAVariedDemo(t *testing.T) {
	arts, err := Articles()
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) < 30 {
		t.Fatalf("%d demo articles, want at least 30", len(arts))
	}
	sites, ids, bodies := map[string]int{}, map[string]bool{}, map[string]int{}
	for _, a := range arts {
		if ids[a.ID] {
			t.Errorf("id %s used twice", a.ID)
		}
		ids[a.ID] = true
		sites[a.Site]++
		if a.Published.IsZero() || a.Headline == "" || a.URL == "" {
			t.Errorf("%s: missing date, headline or URL", a.ID)
		}
		if !strings.HasPrefix(a.Text, a.Headline+"\n\n") {
			t.Errorf("%s: text does not start with the headline", a.ID)
		}
		if got := string([]rune(a.Text)[a.Body.Start:a.Body.End]); !strings.HasSuffix(a.Text, got) || got == "" {
			t.Errorf("%s: body span %v does not cover the body", a.ID, a.Body)
		}
		body := string([]rune(a.Text)[a.Body.Start:a.Body.End])
		first, _, _ := strings.Cut(body, "\n")
		bodies[first]++
	}
	if len(sites) < 5 {
		t.Errorf("%d outlets, want at least 5", len(sites))
	}
	wire := 0
	for _, n := range bodies {
		if n > 1 {
			wire++
		}
	}
	if wire < 1 {
		t.Error("no two articles share their first paragraph: the demo needs wire copies of one story")
	}
	// People recur across articles, some under two spellings.
	for _, name := range []string{"الراشدي", "يوهانسون", "يوهانسن", "بن عاشور", "ليلى حداد"} {
		n := 0
		for _, a := range arts {
			if strings.Contains(a.Text, name) {
				n++
			}
		}
		if n < 2 {
			t.Errorf("%s appears in %d articles, want at least 2", name, n)
		}
	}
}

func TestParseRejectsBadInput(t *testing.T) {
	for _, tc := range []struct {
		name, in, want string
	}{
		{"no body", "id: x\nheadline: ع", "no blank line"},
		{"bad header", "id x\n\nنص", "not key: value"},
		{"unknown key", "colour: red\nheadline: ع\n\nنص", "unknown key"},
		{"bad date", "headline: ع\npublished: 2026-02-30T10:00:00Z\n\nنص", "published"},
		{"empty body", "headline: ع\n\n   ", "empty body"},
		{"no headline", "id: x\n\nنص", "no headline"},
		{"not utf8", "headline: \xff\n\nنص", "UTF-8"},
	} {
		_, err := Parse([]byte(tc.in))
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("%s: Parse = %v, want an error with %q", tc.name, err, tc.want)
		}
	}
}

func TestFeedsAreHTTPURLs(t *testing.T) {
	fs := Feeds()
	if len(fs) < 5 {
		t.Fatalf("%d default feeds, want at least 5", len(fs))
	}
	for _, f := range fs {
		if !strings.HasPrefix(f, "https://") && !strings.HasPrefix(f, "http://") {
			t.Errorf("default feed %q is not an http(s) URL", f)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("id: a\nheadline: عنوان\npublished: 2026-03-01T10:00:00+03:00\nsource: وكالة|w\n\nنص الخبر."))
	f.Add([]byte("headline: x\n\n"))
	f.Fuzz(func(t *testing.T, b []byte) {
		a, err := Parse(b)
		if err != nil {
			return
		}
		r := []rune(a.Text)
		if a.Body.Start < 0 || a.Body.End > len(r) || a.Body.Start > a.Body.End {
			t.Fatalf("body span %v outside text of %d runes", a.Body, len(r))
		}
	})
}
