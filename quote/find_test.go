package quote

import (
	"strings"
	"testing"
	"time"

	"akhbar/arabic"
)

func find(text string) ([]Quote, []Attribution) {
	return Find(text, arabic.Tokenize(text), arabic.Sentences(text), nil)
}

// checkOffsets fails when a quote's or attribution's offsets do not give
// back its text.
func checkOffsets(t *testing.T, text string, qs []Quote, as []Attribution) {
	t.Helper()
	r := []rune(text)
	for _, q := range qs {
		if q.Start < 0 || q.End > len(r) || q.Start >= q.End || string(r[q.Start:q.End]) != q.Text {
			t.Errorf("quote [%d,%d) %q does not match the text there", q.Start, q.End, q.Text)
		}
		if q.SpeakerText != "" && string(r[q.SpeakerStart:q.SpeakerEnd]) != q.SpeakerText {
			t.Errorf("speaker [%d,%d) %q does not match the text there", q.SpeakerStart, q.SpeakerEnd, q.SpeakerText)
		}
	}
	for _, a := range as {
		if a.Start < 0 || a.End > len(r) || a.Start >= a.End || string(r[a.Start:a.End]) != a.Text {
			t.Errorf("attribution [%d,%d) %q does not match the text there", a.Start, a.End, a.Text)
		}
	}
}

func TestFind(t *testing.T) {
	for _, c := range []struct {
		name, text          string
		quote, speaker, cue string
		direct              bool
		speakerName         string
	}{
		{"verb then colon then marks", "وقال الوزير سامي حداد: «الميناء سيفتح غدا أمام السفن».",
			"الميناء سيفتح غدا أمام السفن", "الوزير سامي حداد", "قال", true, "سامي حداد"},
		{"conjunction ف on the verb", "فأكد المدير نزار عودة أن المصنع لن يغلق.",
			"المصنع لن يغلق", "المدير نزار عودة", "أكد", false, "نزار عودة"},
		{"feminine verb", "وأوضحت المتحدثة رهف سليمان أن الرحلات عادت إلى طبيعتها.",
			"الرحلات عادت إلى طبيعتها", "المتحدثة رهف سليمان", "أوضحت", false, "رهف سليمان"},
		{"verb after the marks", "\"نريد حلا عادلا للجميع\"، قالت الناشطة منى قاسم.",
			"نريد حلا عادلا للجميع", "الناشطة منى قاسم", "قالت", true, "منى قاسم"},
		{"dropped subject continues the last speaker", "قال النائب عمر زيدان إن الجلسة تأجلت. وأضاف أن التصويت سيجرى الأسبوع المقبل.",
			"التصويت سيجرى الأسبوع المقبل", "النائب عمر زيدان", "أضاف", false, "عمر زيدان"},
		{"prepositional verb with أن", "ولفت الباحث سعد الدين إلى أن العينة كانت صغيرة.",
			"العينة كانت صغيرة", "الباحث سعد الدين", "لفت", false, "سعد الدين"},
		{"role resolves to the name given before", "أعلن الرئيس الفنلندي يوهان كارلسون أن بلاده ستزيد الإنفاق. وقال الرئيس الفنلندي: «الأمن أولويتنا الأولى الآن».",
			"الأمن أولويتنا الأولى الآن", "الرئيس الفنلندي", "قال", true, "يوهان كارلسون"},
		{"a clause about the speaker before إن", "ويؤكد سالم ناصر، الذي يدير جمعية تعمل على تسجيل اللاجئين القادمين من الشمال في مخيم الوادي إن الأعداد تضاعفت هذا العام.",
			"الأعداد تضاعفت هذا العام", "سالم ناصر", "يؤكد", false, "سالم ناصر"},
		{"a clause about the speaker, then its verb's preposition", "وشدد الوزير عمار حيدر، الذي زار المدينة أمس، على أن الإعمار سيبدأ قريبا.",
			"الإعمار سيبدأ قريبا", "الوزير عمار حيدر", "شدد", false, "عمار حيدر"},
		{"to whom it was said ends the speaker", "وقال مصدر أمني لقناتي \"الشرق\" و\"المدار\" إن الطريق أعيد فتحه صباحا.",
			"الطريق أعيد فتحه صباحا", "مصدر أمني", "قال", false, "مصدر أمني"},
		{"a dependent form after بحسب ما أعلنه X continues X", "توفي الممثل أمس بحسب ما أعلنه وكيل أعماله سمير داود، مشيرا إلى أن الجنازة ستقام غدا.",
			"الجنازة ستقام غدا", "وكيل أعماله سمير داود", "مشيرا", false, "سمير داود"},
		{"a definite role refers back through its head noun", "قال المدرب جواد حمدي إن الفريق جاهز. وأضاف المدرب المخضرم أن الجماهير ستحضر.",
			"الجماهير ستحضر", "المدرب المخضرم", "أضاف", false, "جواد حمدي"},
		{"hashtags in the speaker and the quote", "وقالت #وزارة_الصحة إن #الحملة_الوطنية بلغت القرى.",
			"الحملة_الوطنية بلغت القرى", "وزارة_الصحة", "قالت", false, "وزارة الصحة"},
	} {
		t.Run(c.name, func(t *testing.T) {
			qs, as := find(c.text)
			checkOffsets(t, c.text, qs, as)
			for _, q := range qs {
				if q.Text != c.quote {
					continue
				}
				if q.SpeakerText != c.speaker || q.Cue != c.cue || q.Direct != c.direct || q.SpeakerName != c.speakerName {
					t.Errorf("got speaker %q (%q) cue %q direct %v; want %q (%q) cue %q direct %v",
						q.SpeakerText, q.SpeakerName, q.Cue, q.Direct, c.speaker, c.speakerName, c.cue, c.direct)
				}
				return
			}
			t.Errorf("no quote %q among %+v", c.quote, qs)
		})
	}
}

func TestSecondVerbAfterCommaIsNoApposition(t *testing.T) {
	text := "ويرى المدرب فادي نصار فرصة للتحسن، وقال إن اللاعبين تعبوا من السفر."
	qs, as := find(text)
	checkOffsets(t, text, qs, as)
	for _, q := range qs {
		if strings.Contains(q.SpeakerText, "قال") || strings.Contains(q.SpeakerName, "قال") {
			t.Errorf("quote %q: speaker %q (%q) takes in the next verb", q.Text, q.SpeakerText, q.SpeakerName)
		}
	}
	if len(qs) == 0 || qs[len(qs)-1].Text != "اللاعبين تعبوا من السفر" || qs[len(qs)-1].Cue != "قال" {
		t.Errorf("got %+v, want the statement after وقال", qs)
	}
}

func TestPlaceInsideSpeakerQualifiesIt(t *testing.T) {
	for _, c := range []struct{ text, place, name, entity string }{
		{"وقالت وزارة الصحة السعودية إن الحملة بدأت في المدن كلها.", "السعودية", "وزارة الصحة السعودية", ""},
		{"وقالت السعودية إن الحملة بدأت في المدن كلها.", "السعودية", "السعودية", "SA"},
	} {
		i := strings.Index(c.text, c.place)
		s := len([]rune(c.text[:i]))
		ms := []Mention{{Start: s, End: s + len([]rune(c.place)), Entity: "SA", Name: "السعودية", Type: "LOC"}}
		qs, _ := Find(c.text, arabic.Tokenize(c.text), arabic.Sentences(c.text), ms)
		if len(qs) != 1 || qs[0].SpeakerName != c.name || qs[0].Speaker != c.entity {
			t.Errorf("%s: got %+v, want speaker %q (%q)", c.text, qs, c.name, c.entity)
		}
	}
}

func TestStatementSpeaksForItsIssuer(t *testing.T) {
	text := "أعلنت الشركة الوطنية للنقل أن الرحلات ستعود غدا. وأضاف البيان الرسمي أن التذاكر متاحة."
	i := strings.Index(text, "الشركة الوطنية للنقل")
	s := len([]rune(text[:i]))
	ms := []Mention{{Start: s, End: s + len([]rune("الشركة الوطنية للنقل")), Entity: "org:naql", Name: "الشركة الوطنية للنقل", Type: "ORG"}}
	qs, _ := Find(text, arabic.Tokenize(text), arabic.Sentences(text), ms)
	if len(qs) != 2 || qs[1].Speaker != "org:naql" || qs[1].SpeakerText != "البيان الرسمي" {
		t.Errorf("got %+v, want the statement's words credited to the company", qs)
	}
}

func TestFindEntities(t *testing.T) {
	text := "وأكد رئيس الوزراء كمال سعيد أن الحكومة باقية، مضيفا أن الانتخابات في موعدها."
	r := []rune(text)
	at := func(sub string) (int, int) {
		i := strings.Index(text, sub)
		s := len([]rune(text[:i]))
		return s, s + len([]rune(sub))
	}
	rs, re := at("رئيس الوزراء")
	ns, ne := at("كمال سعيد")
	ms := []Mention{
		{Start: rs, End: re, Entity: "per:kamal", Name: "كمال سعيد", Type: "PER", Role: true},
		{Start: ns, End: ne, Entity: "per:kamal", Name: "كمال سعيد", Type: "PER"},
	}
	qs, _ := Find(text, arabic.Tokenize(text), arabic.Sentences(text), ms)
	if len(qs) != 2 {
		t.Fatalf("got %d quotes, want 2: %+v", len(qs), qs)
	}
	for _, q := range qs {
		if q.Speaker != "per:kamal" {
			t.Errorf("quote %q: speaker %q, want per:kamal", q.Text, q.Speaker)
		}
	}
	_ = r
}

func TestAttributions(t *testing.T) {
	for _, c := range []struct{ text, credit, source string }{
		{"وبحسب وكالة رويترز، ارتفع سعر النفط.", "وبحسب وكالة رويترز", "reuters"},
		{"القاهرة (أ ف ب) - افتتح المتحف الجديد أبوابه.", "(أ ف ب)", "afp"},
		{"ونقلا عن وكالة سبوتنيك، وصل الوفد إلى موسكو.", "ونقلا عن وكالة سبوتنيك", "sputnik"},
		{"وذكرت صحيفة المساء المحلية أن المعرض سيستمر أسبوعا.", "وذكرت صحيفة المساء المحلية", ""},
		{"وصل الوزير إلى المدينة.\nالمصدر: وكالة الأناضول", "المصدر: وكالة الأناضول", "anadolu"},
		{"وبحسب وكالة #رويترز، ارتفع سعر النفط.", "وبحسب وكالة #رويترز", "reuters"},
		{"ونقلت وكالة الأنباء السعودية الرسمية أن الموسم بدأ.", "ونقلت وكالة الأنباء السعودية الرسمية", "spa"},
		{"وفقا لوكالة أنباء البحرين، افتتح المعرض.", "وفقا لوكالة أنباء البحرين", "bna"},
	} {
		qs, as := find(c.text)
		checkOffsets(t, c.text, qs, as)
		if len(as) != 1 || as[0].Text != c.credit || as[0].Source != c.source {
			t.Errorf("%s: got %+v, want one credit %q -> %q", c.text, as, c.credit, c.source)
		}
	}
	// "حسب" before a plan is no credit.
	if _, as := find("سارت الأمور حسب الخطة الموضوعة."); len(as) != 0 {
		t.Errorf("credit found in a plain sentence: %+v", as)
	}
}

// Bad input: unbalanced and nested marks, a quote that never closes, a huge
// quote. Work stays bounded and no quote runs past its paragraph.
func TestBadInput(t *testing.T) {
	long := strings.Repeat("كلمة ", 5000)
	cases := []string{
		"وقال الوزير: «" + long + "»",
		"وقال الوزير: «" + long + "\nوفي خبر آخر، قال المدير إن المصنع يعمل.",
		"«««««",
		"»»» «« \" ' “ ” ‘",
		strings.Repeat("قال: «", 3000),
		strings.Repeat("\"", 4001),
		strings.Repeat("أكد أن ", 3000),
		"وقال: «قال \"لا «أبدا» نعم\" ثم مضى».",
		"",
		":",
		"قال",
		"\xff\xfe قال: «\xff»",
	}
	for i, text := range cases {
		start := time.Now()
		qs, as := find(text)
		if d := time.Since(start); d > 2*time.Second {
			t.Errorf("case %d took %v", i, d)
		}
		checkOffsets(t, text, qs, as)
		for _, q := range qs {
			if strings.Contains(q.Text, "\n") && !strings.Contains(text, "\n\n") {
				t.Errorf("case %d: quote crosses a line break: %.60q", i, q.Text)
			}
		}
	}
	// The never-closing quote stops at its paragraph.
	text := cases[1]
	qs, _ := find(text)
	for _, q := range qs {
		if strings.Contains(q.Text, "المصنع") && strings.Contains(q.Text, "كلمة") {
			t.Errorf("a quote swallowed the next paragraph")
		}
	}
	// The closed 5,000-word quote is found whole.
	qs, _ = find(cases[0])
	if len(qs) != 1 || len([]rune(qs[0].Text)) != len([]rune(strings.TrimSpace(long))) {
		t.Errorf("5,000-word quote: got %d quotes", len(qs))
	}
}
