package article

import (
	"strings"
	"testing"
)

// at returns the text of span s of text.
func at(text string, start, end int) string {
	r := []rune(text)
	if start < 0 || end > len(r) || start > end {
		return "<bad span>"
	}
	return string(r[start:end])
}

func TestReadTextLayouts(t *testing.T) {
	tests := []struct {
		name                                 string
		text                                 string
		section, headline, byline, published string
		source, sourceID, place              string
		bodyStart                            string // the body's first words
	}{
		{
			name:    "seed-like: section, headline, dateline, body, source line",
			text:    "سياسة\n\nالبرلمان يقر موازنة العام المقبل بعد جلسة طويلة\n\n3 آذار 2023 10:20\n\nأقر البرلمان مساء أمس الموازنة العامة بأغلبية واضحة.\n\nوقال رئيس المجلس إن النقاش كان صريحا.\n\nالمصدر: سبوتنيك",
			section: "سياسة", headline: "البرلمان يقر موازنة العام المقبل بعد جلسة طويلة", published: "2023-03-03T10:20",
			source: "سبوتنيك", sourceID: "sputnik", bodyStart: "أقر البرلمان",
		},
		{
			name:     "wire lead with city and agency in brackets",
			text:     "ارتفاع أسعار القمح في الأسواق المحلية\n\nالقاهرة (رويترز) - ارتفعت أسعار القمح اليوم بنسبة خمسة في المئة وسط مخاوف من نقص الإمدادات.",
			headline: "ارتفاع أسعار القمح في الأسواق المحلية", source: "رويترز", sourceID: "reuters", place: "القاهرة",
			bodyStart: "القاهرة (رويترز)",
		},
		{
			name:     "city-agency lead",
			text:     "افتتاح معرض الكتاب في العاصمة\n\nدمشق-سانا\n\nافتتح وزير الثقافة معرض الكتاب السنوي بمشاركة مئتي دار نشر.",
			headline: "افتتاح معرض الكتاب في العاصمة", source: "سانا", sourceID: "sana", place: "دمشق",
			bodyStart: "دمشق-سانا",
		},
		{
			name:     "agency abbreviation as the last line",
			text:     "زلزال بقوة خمس درجات يضرب الساحل\n\nضرب زلزال بقوة خمس درجات المنطقة الساحلية فجر اليوم دون أن يسفر عن إصابات.\n\n(أ ف ب)",
			headline: "زلزال بقوة خمس درجات يضرب الساحل", source: "أ ف ب", sourceID: "afp", bodyStart: "ضرب زلزال",
		},
		{
			name:     "agency in brackets closing the last paragraph",
			text:     "انقطاع الكهرباء عن أحياء العاصمة\n\nانقطعت الكهرباء عن عدة أحياء في العاصمة مساء أمس بسبب عطل فني. (رويترز)",
			headline: "انقطاع الكهرباء عن أحياء العاصمة", source: "رويترز", sourceID: "reuters", bodyStart: "انقطعت الكهرباء",
		},
		{
			name:     "agencies credited with a dash",
			text:     "تراجع أسعار النفط للأسبوع الثاني\n\nتراجعت أسعار النفط في التعاملات الآسيوية مع تزايد المخزونات الأمريكية.\n\n- وكالات",
			headline: "تراجع أسعار النفط للأسبوع الثاني", source: "وكالات", sourceID: "agencies", bodyStart: "تراجعت أسعار",
		},
		{
			name:     "published-at dateline and a byline",
			text:     "حفل تكريم للفائزين بجائزة الرواية\n\nبقلم: سلمى يوسف\n\nنشر في 3 ديسمبر 2019 على الساعة 18:45\n\nكرمت الجمعية الأدبية مساء أمس الفائزين بجائزتها السنوية للرواية العربية.",
			headline: "حفل تكريم للفائزين بجائزة الرواية", byline: "سلمى يوسف", published: "2019-12-03T18:45",
			bodyStart: "كرمت الجمعية",
		},
		{
			name:     "two calendars on one dateline, agency in full with its abbreviation",
			text:     "بدء موسم الحج\n\nالجمعة ٧ أكتوبر ٢٠٢٢ - ١١ ربيع الأول ١٤٤٤ هـ\n\nذكرت وكالة الأنباء السعودية (واس) أن الاستعدادات اكتملت لاستقبال ضيوف الرحمن هذا العام.",
			headline: "بدء موسم الحج", published: "2022-10-07", source: "وكالة الأنباء السعودية (واس)", sourceID: "spa",
			bodyStart: "ذكرت وكالة",
		},
		{
			name:     "attribution in running text",
			text:     "تعزيزات عسكرية على الحدود\n\nأرسل الجيش تعزيزات إلى الحدود الشمالية، وبحسب موقع سبوتنيك فإن القوات وصلت صباح اليوم.",
			headline: "تعزيزات عسكرية على الحدود", source: "سبوتنيك", sourceID: "sputnik", bodyStart: "أرسل الجيش",
		},
		{
			name:     "dateline first, then the headline",
			text:     "الأحد 12 حزيران 2022\n\nفوز الفريق الوطني في المباراة الودية\n\nفاز المنتخب الوطني على ضيفه بهدفين دون رد في مباراة ودية أقيمت أمس.",
			headline: "فوز الفريق الوطني في المباراة الودية", published: "2022-06-12", bodyStart: "فاز المنتخب",
		},
		{
			name:      "a single paragraph is all body",
			text:      "عقد مجلس الوزراء اجتماعه الأسبوعي وناقش عددا من القضايا الاقتصادية.",
			bodyStart: "عقد مجلس",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a, err := ReadText("test.txt", []byte(tt.text))
			if err != nil {
				t.Fatal(err)
			}
			check := func(field, got, want string) {
				if got != want {
					t.Errorf("%s = %q; want %q", field, got, want)
				}
			}
			check("Section", a.Section, tt.section)
			check("Headline", a.Headline, tt.headline)
			check("Byline", a.Byline, tt.byline)
			check("Published", a.Published.String(), tt.published)
			check("Source.Name", a.Source.Name, tt.source)
			check("Source.ID", a.Source.ID, tt.sourceID)
			check("Place", a.Place, tt.place)
			if a.Text != tt.text {
				t.Errorf("Text changed")
			}
			// Every span points at what its field says.
			check("text at HeadlineAt", at(a.Text, a.HeadlineAt.Start, a.HeadlineAt.End), tt.headline)
			check("text at SectionAt", at(a.Text, a.SectionAt.Start, a.SectionAt.End), tt.section)
			check("text at BylineAt", at(a.Text, a.BylineAt.Start, a.BylineAt.End), tt.byline)
			if tt.source != "" {
				check("text at SourceAt", at(a.Text, a.SourceAt.Start, a.SourceAt.End), tt.source)
			}
			if body := at(a.Text, a.Body.Start, a.Body.End); !strings.HasPrefix(body, tt.bodyStart) {
				t.Errorf("body starts %q; want %q", body, tt.bodyStart)
			}
		})
	}
}

func TestReadTextBadInput(t *testing.T) {
	tests := []struct {
		name, text, wantErr string
	}{
		{"not UTF-8", "\xff\xfe\x00", "bad.txt: not valid UTF-8"},
		{"empty", "  \n\n \t", "bad.txt: no text"},
		{"impossible dateline", "عنوان الخبر هنا\n\n31 شباط 2022\n\nنص الخبر في سطر طويل بما يكفي ليكون متنا.", "bad.txt: line 3: dateline \"31 شباط 2022\""},
	}
	for _, tt := range tests {
		_, err := ReadText("bad.txt", []byte(tt.text))
		if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
			t.Errorf("%s: err = %v; want it to contain %q", tt.name, err, tt.wantErr)
		}
	}
}

func TestAttributionQuotedName(t *testing.T) {
	text := "تراجع العجز التجاري\n\nتراجع العجز التجاري للبلاد خلال الربع الأول، وفقا لوكالة \"فرانس برس\".\n\nوأضاف التقرير أن الصادرات زادت."
	a, err := ReadText("q.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if a.Source.ID != "afp" || a.Source.Name != "فرانس برس" || at(a.Text, a.SourceAt.Start, a.SourceAt.End) != "فرانس برس" {
		t.Errorf("source = %+v at %v", a.Source, a.SourceAt)
	}
}

func TestReadTextWindowsLineEndsAndBOM(t *testing.T) {
	text := "\uFEFFاقتصاد\r\n\r\nالبنك المركزي يثبت سعر الفائدة\r\n\r\n١٠/٠٥/٢٠٢٣ - ١٤:٠٠\r\n\r\nقرر البنك المركزي تثبيت سعر الفائدة للمرة الثالثة.\r\n\r\nالمصدر: وام\r\n"
	a, err := ReadText("crlf.txt", []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if a.Section != "اقتصاد" || a.Headline != "البنك المركزي يثبت سعر الفائدة" || a.Published.String() != "2023-05-10T14:00" || a.Source.ID != "wam" {
		t.Errorf("got section %q headline %q published %s source %+v", a.Section, a.Headline, a.Published, a.Source)
	}
	if at(a.Text, a.SourceAt.Start, a.SourceAt.End) != "وام" || at(a.Text, a.HeadlineAt.Start, a.HeadlineAt.End) != a.Headline {
		t.Errorf("spans off: source %v headline %v", a.SourceAt, a.HeadlineAt)
	}
}
