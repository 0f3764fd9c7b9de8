package article

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// page builds a news page with navigation, related links and share buttons
// around the article, the way Arabic news sites lay them out.
func page(head, articleHTML string) string {
	return `<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8">` + head + `</head><body>
<nav class="menu"><ul><li><a href="/">الرئيسية</a></li><li><a href="/politics">سياسة</a></li><li><a href="/economy">اقتصاد</a></li><li><a href="/sport">رياضة</a></li></ul></nav>
<div class="share"><button>شارك على فيسبوك</button><button>شارك على تويتر</button></div>
<main><article>` + articleHTML + `</article></main>
<aside class="related"><h3>اقرأ أيضا</h3><ul><li><a href="/a">ارتفاع أسعار الذهب</a></li><li><a href="/b">افتتاح مهرجان السينما</a></li></ul></aside>
<footer><p>جميع الحقوق محفوظة للموقع</p></footer></body></html>`
}

const storyHTML = `<h1>الحكومة تعلن خطة لدعم المزارعين في موسم الجفاف</h1>
<p>أعلنت الحكومة اليوم خطة شاملة لدعم المزارعين المتضررين من موجة الجفاف التي ضربت البلاد خلال الأشهر الماضية، وتشمل الخطة قروضا ميسرة وإعفاءات ضريبية لمدة عامين.</p>
<p>وقال وزير الزراعة في مؤتمر صحفي إن الخطة ستشمل أكثر من عشرين ألف مزارع في المناطق الأكثر تضررا، مضيفا أن التمويل سيبدأ الشهر المقبل.</p>
<p>وكانت نقابة المزارعين قد طالبت الحكومة بالتدخل السريع لإنقاذ الموسم الزراعي، محذرة من ارتفاع أسعار الخضروات في الأسواق.</p>`

func TestReadHTML(t *testing.T) {
	tests := []struct {
		name                                   string
		html                                   string
		headline, published, site, byline, url string
		section, lang, source                  string
	}{
		{
			name: "metadata only: JSON-LD and Open Graph",
			html: page(`<title>الحكومة تعلن خطة لدعم المزارعين في موسم الجفاف | أخبار اليوم</title>
<meta property="og:title" content="الحكومة تعلن خطة لدعم المزارعين في موسم الجفاف">
<meta property="og:site_name" content="أخبار اليوم">
<meta property="article:published_time" content="2023-05-10T09:30:00+03:00">
<meta property="article:section" content="اقتصاد">
<link rel="canonical" href="https://akhbar.example/economy/123">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"الحكومة تعلن خطة لدعم المزارعين في موسم الجفاف","datePublished":"2023-05-10T09:30:00+03:00","author":[{"@type":"Person","name":"ليلى حسن"}],"publisher":{"@type":"Organization","name":"أخبار اليوم"}}</script>`, storyHTML),
			headline: "الحكومة تعلن خطة لدعم المزارعين في موسم الجفاف", published: "2023-05-10T09:30:00+03:00",
			site: "أخبار اليوم", byline: "ليلى حسن", url: "https://akhbar.example/economy/123", section: "اقتصاد", lang: "ar",
		},
		{
			name: "dateline only: the Arabic dateline in the text gives the date",
			html: page(`<title>الحكومة تعلن خطة لدعم المزارعين</title>`,
				`<h1>الحكومة تعلن خطة لدعم المزارعين في موسم الجفاف</h1><p class="date">الأربعاء 10 أيار 2023 - 09:30</p>`+strings.TrimPrefix(storyHTML, "<h1>الحكومة تعلن خطة لدعم المزارعين في موسم الجفاف</h1>")+`<p>المصدر: وكالة الأناضول</p>`),
			headline: "الحكومة تعلن خطة لدعم المزارعين في موسم الجفاف", published: "2023-05-10T09:30", lang: "ar", source: "anadolu",
		},
		{
			name: "both, disagreeing: the machine date wins",
			html: page(`<meta property="og:title" content="الحكومة تعلن خطة لدعم المزارعين في موسم الجفاف">
<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","datePublished":"2023-05-10T06:30:00Z","publisher":{"name":"صحيفة الغد"}}]}</script>`,
				`<p>الخميس 11 أيار 2023</p>`+storyHTML),
			headline: "الحكومة تعلن خطة لدعم المزارعين في موسم الجفاف", published: "2023-05-10T06:30:00Z", site: "صحيفة الغد", lang: "ar",
		},
		{
			name:     "time element",
			html:     page(`<meta property="og:site_name" content="الموقع">`, `<time datetime="2021-12-01T08:00:00+02:00">1 ديسمبر 2021</time>`+storyHTML),
			headline: "الحكومة تعلن خطة لدعم المزارعين في موسم الجفاف", published: "2021-12-01T08:00:00+02:00", site: "الموقع", lang: "ar",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ReadHTML(context.Background(), strings.NewReader(tt.html), "page.html", "")
			if err != nil {
				t.Fatal(err)
			}
			check := func(field, got, want string) {
				t.Helper()
				if got != want {
					t.Errorf("%s = %q; want %q", field, got, want)
				}
			}
			check("Headline", a.Headline, tt.headline)
			check("Published", a.Published.String(), tt.published)
			check("Site", a.Site, tt.site)
			check("Byline", a.Byline, tt.byline)
			check("URL", a.URL, tt.url)
			check("Section", a.Section, tt.section)
			check("Lang", a.Lang, tt.lang)
			check("Source.ID", a.Source.ID, tt.source)
			check("text at HeadlineAt", at(a.Text, a.HeadlineAt.Start, a.HeadlineAt.End), tt.headline)
			for _, junk := range []string{"شارك على", "اقرأ أيضا", "الرئيسية", "جميع الحقوق"} {
				if strings.Contains(a.Text, junk) {
					t.Errorf("page chrome %q in the text: %q", junk, a.Text)
				}
			}
			if !strings.Contains(a.Text, "وقال وزير الزراعة") {
				t.Errorf("body missing from %q", a.Text)
			}
			if body := at(a.Text, a.Body.Start, a.Body.End); !strings.HasPrefix(body, "أعلنت الحكومة") {
				t.Errorf("body starts %q", body)
			}
		})
	}
}

func TestReadHTMLBadInput(t *testing.T) {
	tests := []struct {
		name, html, wantErr string
		is                  error
	}{
		{"no article at all", page("<title>الرئيسية</title>", `<p>مرحبا بكم</p>`), "page.html: no article text found", ErrNoArticle},
		{"empty", "", "page.html: no article text found", ErrNoArticle},
		{"not UTF-8", "<html>\xff\xfe</html>", "page.html: not valid UTF-8", nil},
		{"too large", "<html><body><p>" + strings.Repeat("كلمة ", MaxPageBytes/8) + "</p></body></html>", "page.html: larger than 10 MB", nil},
	}
	for _, tt := range tests {
		_, err := ReadHTML(context.Background(), strings.NewReader(tt.html), "page.html", "")
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) || tt.is != nil && !errors.Is(err, tt.is) {
			t.Errorf("%s: err = %v; want %q", tt.name, err, tt.wantErr)
		}
	}
}

const rssFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>أخبار المدينة</title><link>https://madina.example/</link><language>ar</language>
<item><title>افتتاح مستشفى جديد</title><link>https://madina.example/1</link><guid>n1</guid>
<pubDate>Sat, 15 Jan 2022 13:02:00 +0200</pubDate><category>صحة</category><author>محرر الموقع</author>
<description><![CDATA[<p>افتتح وزير الصحة <b>مستشفى</b> جديدا في المدينة.</p><p>ويضم المستشفى مئتي سرير.</p>]]></description></item>
<item><title></title><link>https://madina.example/2</link><guid>n2</guid><description></description></item>
<item><title>قرار بتمديد العام الدراسي</title><link>https://madina.example/3</link><description>قررت وزارة التربية تمديد العام الدراسي أسبوعين. (أ ف ب)</description></item>
</channel></rss>`

const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>نشرة الأخبار</title>
<entry><title>هطول أمطار غزيرة</title><id>urn:x:1</id><link href="https://nashra.example/1"/><updated>2022-02-01T07:00:00Z</updated>
<content type="html">&lt;p&gt;شهدت المناطق الشمالية هطول أمطار غزيرة.&lt;/p&gt;</content></entry></feed>`

func TestReadFeed(t *testing.T) {
	var got []item
	err := ReadFeed(context.Background(), strings.NewReader(rssFeed), "feed.xml", func(a *Article, err error) error {
		got = append(got, item{a, err})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 {
		t.Fatalf("%d items; want 3", len(got))
	}
	a := got[0].a
	if a == nil || a.Headline != "افتتاح مستشفى جديد" || a.ID != "n1" || a.URL != "https://madina.example/1" ||
		a.Site != "أخبار المدينة" || a.Published.String() != "2022-01-15T13:02:00+02:00" || a.Lang != "ar" ||
		len(a.Categories) != 1 || a.Text != "افتتاح مستشفى جديد\n\nافتتح وزير الصحة مستشفى جديدا في المدينة.\n\nويضم المستشفى مئتي سرير." {
		t.Errorf("item 1 = %+v", a)
	}
	if got[1].err == nil || !strings.Contains(got[1].err.Error(), "feed.xml:2 (id n2): item has neither title nor text") {
		t.Errorf("item 2 err = %v", got[1].err)
	}
	if a := got[2].a; a == nil || a.Source.ID != "afp" {
		t.Errorf("item 3 = %+v", a)
	}

	got = nil
	if err := ReadFeed(context.Background(), strings.NewReader(atomFeed), "feed.atom", func(a *Article, err error) error {
		got = append(got, item{a, err})
		return nil
	}); err != nil || len(got) != 1 || got[0].a.Published.String() != "2022-02-01T07:00:00Z" || got[0].a.URL != "https://nashra.example/1" {
		t.Errorf("atom: %v, %+v", err, got)
	}

	err = ReadFeed(context.Background(), strings.NewReader("this is not XML"), "feed.xml", func(*Article, error) error { return nil })
	if err == nil || !strings.Contains(err.Error(), "feed.xml: not an RSS, Atom or JSON feed") {
		t.Errorf("not XML: err = %v", err)
	}
}

func TestDetectKind(t *testing.T) {
	tests := []struct {
		name, head string
		want       Kind
	}{
		{"news.jsonl.gz", "\x1f\x8b", JSONLines},
		{"news.jsonl", "", JSONLines},
		{"x", `{"id": 1}`, JSONLines},
		{"x.bin", "\x1f\x8b\x08", JSONLines},
		{"page.html", "", HTML},
		{"page", "<!DOCTYPE html><html>", HTML},
		{"feed.xml", `<?xml version="1.0"?><rss version="2.0">`, Feed},
		{"feed", `<feed xmlns="http://www.w3.org/2005/Atom">`, Feed},
		{"a.txt", "<html>", Text},
		{"article", "أخبار\n\nعنوان", Text},
	}
	for _, tt := range tests {
		if got := DetectKind(tt.name, []byte(tt.head)); got != tt.want {
			t.Errorf("DetectKind(%q, %q) = %v; want %v", tt.name, tt.head, got, tt.want)
		}
	}
	for _, s := range []string{"text", "html", "feed", "jsonl"} {
		if k, err := ParseKind(s); err != nil || k.String() != s {
			t.Errorf("ParseKind(%q) = %v, %v", s, k, err)
		}
	}
	if _, err := ParseKind("pdf"); err == nil {
		t.Error("ParseKind(pdf) succeeded")
	}
}
