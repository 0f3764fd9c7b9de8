package entity

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"akhbar/arabic"
	"akhbar/kb"
	"akhbar/ner"
)

// mentionsOf builds tagger mentions by hand: each spec is TYPE:surface, and
// every occurrence of surface not inside an earlier spec's occurrence is a
// mention; TYPE:surface@N takes only the Nth such occurrence.
func mentionsOf(text string, toks []arabic.Token, specs ...string) []ner.Mention {
	runes := []rune(text)
	taken := make([]bool, len(runes))
	var out []ner.Mention
	for _, spec := range specs {
		typ, surface, _ := strings.Cut(spec, ":")
		surface, nth, one := strings.Cut(surface, "@")
		sr := []rune(surface)
		seen := 0
		for i := 0; i+len(sr) <= len(runes); i++ {
			if string(runes[i:i+len(sr)]) != surface || taken[i] {
				continue
			}
			if i+len(sr) < len(runes) && arabic.IsArabicLetter(runes[i+len(sr)]) {
				continue // inside a longer word
			}
			seen++
			if one && fmt.Sprint(seen) != nth {
				continue
			}
			m := ner.Mention{Start: i, End: i + len(sr), TokStart: -1, Type: typ}
			for j, t := range toks {
				if t.End > m.Start && t.Start < m.End {
					if m.TokStart < 0 {
						m.TokStart = j
					}
					m.TokEnd = j + 1
				}
			}
			for j := m.Start; j < m.End; j++ {
				taken[j] = true
			}
			out = append(out, m)
		}
	}
	return out
}

func loadKB(t testing.TB) *kb.KB {
	t.Helper()
	k, err := kb.Load()
	if err != nil {
		t.Fatalf("kb.Load: %v", err)
	}
	return k
}

func day(s string) time.Time {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return d
}

// want is an expected entity: id ("" for any), type, and mention texts
// (role mentions prefixed with "role:").
type want struct {
	id, typ  string
	mentions []string
}

func check(t *testing.T, got []Entity, wants []want, absent []string) {
	t.Helper()
	for _, w := range wants {
		found := false
		for _, e := range got {
			if w.id != "" && e.ID != w.id || e.Type != w.typ {
				continue
			}
			texts := map[string]int{}
			for _, m := range e.Mentions {
				k := m.Text
				if m.Role {
					k = "role:" + k
				}
				texts[k]++
			}
			ok := true
			for _, m := range w.mentions {
				if texts[m] == 0 {
					ok = false
					break
				}
				texts[m]--
			}
			if ok {
				found = true
				break
			}
		}
		if !found {
			t.Errorf("no %s entity %q holding %v; got:\n%s", w.typ, w.id, w.mentions, dump(got))
		}
	}
	for _, a := range absent {
		for _, e := range got {
			for _, m := range e.Mentions {
				if m.Text == a {
					t.Errorf("%q is a mention of %s, want no entity", a, e.ID)
				}
			}
		}
	}
}

func dump(es []Entity) string {
	var b strings.Builder
	for _, e := range es {
		b.WriteString("  " + e.ID + " " + e.Type + " " + e.Name + ":")
		for _, m := range e.Mentions {
			if m.Role {
				b.WriteString(" [role]")
			}
			b.WriteString(" " + m.Text + " |")
		}
		b.WriteString("\n")
	}
	return b.String()
}

func TestResolve(t *testing.T) {
	k := loadKB(t)
	tests := []struct {
		name   string
		text   string
		date   string
		specs  []string
		wants  []want
		absent []string
	}{
		{
			name: "roles, counterpart, surnames and the headline",
			text: "شكري يبحث مع الصفدي أزمة المياه\n" +
				"التقى وزير الخارجية المصري سامح شكري أمس في القاهرة نظيره الأردني أيمن الصفدي، وبحث الجانبان أزمة المياه. " +
				"وقال شكري إن بلاده تدعم جهود الأمم المتحدة، فيما أكد الصفدي أن الحوار مستمر.",
			date:  "2021-03-02",
			specs: []string{"PER:سامح شكري", "PER:أيمن الصفدي", "PER:شكري", "PER:الصفدي", "LOC:القاهرة"},
			wants: []want{
				{"per:shoukry", "PER", []string{"شكري", "سامح شكري", "شكري", "role:وزير الخارجية المصري"}},
				{"per:safadi", "PER", []string{"الصفدي", "أيمن الصفدي", "الصفدي", "role:نظيره الأردني"}},
				{"", "LOC", []string{"القاهرة"}},
				{"org:un", "ORG", []string{"الأمم المتحدة"}},
			},
		},
		{
			name:  "an ambiguous place name follows the country the article names",
			text:  "أعلنت الحكومة الأردنية أن مؤتمر المياه سيعقد في عمان الشهر المقبل بمشاركة وفود عربية.",
			date:  "2023-03-01",
			specs: []string{"LOC:عمان"},
			wants: []want{{"gn:250441", "LOC", []string{"عمان"}}},
		},
		{
			name:  "a mention that ends a known name takes in its head, unless the name is the same thing",
			text:  "رحبت جنوب إفريقيا بدعوة مجموعة السبع إلى قمة في دولة قطر الشهر المقبل.",
			date:  "2023-03-01",
			specs: []string{"LOC:إفريقيا", "ORG:السبع", "LOC:قطر"},
			wants: []want{
				{"", "LOC", []string{"جنوب إفريقيا"}},
				{"", "ORG", []string{"مجموعة السبع"}},
				{"", "LOC", []string{"قطر"}},
			},
			absent: []string{"إفريقيا", "السبع", "دولة قطر"},
		},
		{
			name:   "no extension over a word another mention holds",
			text:   "رحب المسؤول بقرار مجموعة السبع أمس.",
			date:   "2023-03-01",
			specs:  []string{"PER:بقرار مجموعة", "ORG:السبع"},
			absent: []string{"مجموعة السبع"},
		},
		{
			name:  "a dateline names a city",
			text:  "صيف صعب ينتظر عمان\nعمان – حذر مسؤول في سلطة المياه من شح الأمطار هذا الشتاء.",
			date:  "2023-03-01",
			specs: []string{"LOC:عمان", "LOC:عمان"},
			wants: []want{{"gn:250441", "LOC", []string{"عمان", "عمان"}}},
		},
		{
			name:  "a club named for its city stays an organization, whatever proclitic it takes",
			text:  "فاز فريق ليفربول على ضيفه، وسجل المهاجم هدفين لليفربول.",
			date:  "2023-03-01",
			specs: []string{"ORG:ليفربول", "ORG:لليفربول"},
			wants: []want{{LocalID("ORG", "ليفربول"), "ORG", []string{"ليفربول", "ليفربول"}}},
		},
		{
			name:  "without a context the country keeps the name",
			text:  "وصل وفد تجاري إلى عمان أمس لبحث فرص الاستثمار في قطاع الموانئ.",
			date:  "2023-03-01",
			specs: []string{"LOC:عمان"},
			wants: []want{{"OM", "LOC", []string{"عمان"}}},
		},
		{
			name: "spelling variants, apposition and the office holder at the date",
			text: "أكد الرئيس البيلاروسي ألكسندر لوكاشينكو أن بلاده سترسل مساعدات. وأضاف لوكاتشينكو أن الرئيس البيلاروسي " +
				"تحدث هاتفيا مع الرئيس الكازاخي. وقال الرئيس البيلاروسي إن قواته جاهزة للعودة من كازاخستان.",
			date:  "2022-01-20",
			specs: []string{"PER:ألكسندر لوكاشينكو", "PER:لوكاتشينكو", "LOC:كازاخستان"},
			wants: []want{
				{"per:lukashenko", "PER", []string{"ألكسندر لوكاشينكو", "لوكاتشينكو", "role:الرئيس البيلاروسي", "role:الرئيس البيلاروسي", "role:الرئيس البيلاروسي"}},
				{"per:tokayev", "PER", []string{"role:الرئيس الكازاخي"}},
				{"KZ", "LOC", []string{"كازاخستان"}},
			},
		},
		{
			name:  "the office holder changes with the date",
			text:  "استقبل الرئيس الكازاخي وفدا رسميا في العاصمة.",
			date:  "2015-06-01",
			wants: []want{{"per:nazarbayev", "PER", []string{"role:الرئيس الكازاخي"}}},
		},
		{
			name:  "apposition after a country name, an unknown person in two spellings",
			text:  "قال رئيس كازاخستان قاسم جومارت توكاييف إن المحلل فلاديسلاف كوزنيتسوف أخطأ، ورد كوزنتسوف بأن الأرقام دقيقة.",
			date:  "2022-01-11",
			specs: []string{"PER:قاسم جومارت توكاييف", "PER:فلاديسلاف كوزنيتسوف", "PER:كوزنتسوف", "LOC:كازاخستان"},
			wants: []want{
				{"per:tokayev", "PER", []string{"قاسم جومارت توكاييف", "role:رئيس كازاخستان"}},
				{LocalID("PER", "فلاديسلاف كوزنيتسوف"), "PER", []string{"فلاديسلاف كوزنيتسوف", "كوزنتسوف"}},
				{"KZ", "LOC", []string{"كازاخستان"}},
			},
		},
		{
			name:  "an organization and its short form; a longer council is its own organization",
			text:  "دعا الاتحاد العام التونسي للشغل إلى إضراب، وقال الاتحاد إن مجلس الأمن الجماعي للتحالف سيجتمع.",
			date:  "2020-01-01",
			specs: []string{"ORG:الاتحاد العام التونسي للشغل", "ORG:الاتحاد"},
			wants: []want{
				{LocalID("ORG", "الاتحاد العام التونسي للشغل"), "ORG", []string{"الاتحاد العام التونسي للشغل", "الاتحاد"}},
			},
			absent: []string{"مجلس الأمن"},
		},
		{
			name:  "the knowledge base repairs the tagger's boundaries and types",
			text:  "قال لوكاشينكو إن قوات منظمة معاهدة الأمن الجماعي ستغادر، وأضاف لوكاتشينكو أن العاصمة نور سلطان هادئة. المصدر: سبوتنيك",
			date:  "2022-01-15",
			specs: []string{"PER:لوكاشينكو", "PER:وكاتشينكو", "ORG:منظمة معاهدة الأمن", "PER:نور سلطان", "PER:سبوتنيك"},
			wants: []want{
				{"per:lukashenko", "PER", []string{"لوكاشينكو", "لوكاتشينكو"}},
				{"org:csto", "ORG", []string{"منظمة معاهدة الأمن الجماعي"}},
				{"gn:1526273", "LOC", []string{"نور سلطان"}},
				{"org:sputnik", "ORG", []string{"سبوتنيك"}},
			},
			absent: []string{"وكاتشينكو", "منظمة معاهدة الأمن"},
		},
		{
			name:   "common words that are also place names are not taken from the gazetteer",
			text:   "كيف تؤثر الأزمة المالية على مدينة صغيرة؟ سأل الخبير في تقرير مالي عن الجزيرة العربية والعلم الأبيض، ثم نقلت وكالة الأنباء المشهد من بنغازي.",
			date:   "2020-01-01",
			wants:  []want{{"gn:88319", "LOC", []string{"بنغازي"}}},
			absent: []string{"كيف", "مدينة", "مالي", "الأبيض"},
		},
		{
			name:  "one name with two types from the tagger is one entity of the majority type",
			text:  "رفعت مؤسسة كوبالت تصنيف البنك، وقالت كوبالت إن النظرة مستقرة، وأضافت كوبالت أن المخاطر محدودة.",
			date:  "2020-01-01",
			specs: []string{"ORG:مؤسسة كوبالت", "PER:كوبالت@1", "ORG:كوبالت"},
			wants: []want{{LocalID("ORG", "مؤسسة كوبالت"), "ORG", []string{"مؤسسة كوبالت", "كوبالت", "كوبالت"}}},
		},
		{
			name:  "a name the tagger types two ways, without a longer form",
			text:  "قالت نوفاريس إن الأرباح ارتفعت، وأكدت نوفاريس أن السوق تتحسن، ثم أعلنت نوفاريس خطة جديدة.",
			date:  "2020-01-01",
			specs: []string{"PER:نوفاريس@1", "ORG:نوفاريس"},
			wants: []want{{LocalID("ORG", "نوفاريس"), "ORG", []string{"نوفاريس", "نوفاريس", "نوفاريس"}}},
		},
		{
			name:  "a title before a name is a role mention of that person",
			text:  "وقال الرئيس فلاديمير بوتين إن وزير الخارجية سيرغي لافروف سيزور أنقرة، فيما التقى رئيس مجلس الإدارة أحمد السالم بالموظفين.",
			date:  "2021-05-01",
			specs: []string{"PER:فلاديمير بوتين", "PER:سيرغي لافروف", "PER:أحمد السالم"},
			wants: []want{
				{"per:putin", "PER", []string{"role:الرئيس", "فلاديمير بوتين"}},
				{"", "PER", []string{"role:وزير الخارجية", "سيرغي لافروف"}},
			},
			absent: []string{"رئيس مجلس الإدارة", "رئيس"},
		},
		{
			name:  "a counterpart after a title without owner",
			text:  "استقبل وزير الخارجية سامح شكري نظيره الأردني في القاهرة.",
			date:  "2021-03-02",
			specs: []string{"PER:سامح شكري"},
			wants: []want{
				{"per:shoukry", "PER", []string{"role:وزير الخارجية", "سامح شكري"}},
				{"per:safadi", "PER", []string{"role:نظيره الأردني"}},
			},
		},
		{
			name:  "proclitics the tagger left in or merged with the article",
			text:  "قال مسؤول للكرملين إن الزيارة مهمة لمصر ولسان بيرناردينو في كاليفورنيا وبولندا وبريطانيا وأوروبا.",
			date:  "2020-01-01",
			specs: []string{"ORG:كرملين", "LOC:لمصر", "LOC:كاليفورنيا", "LOC:ولندا", "LOC:بريطانيا"},
			wants: []want{{"org:kremlin", "ORG", []string{"كرملين"}}, {"EG", "LOC", []string{"مصر"}},
				{"PL", "LOC", []string{"بولندا"}}, {"GB", "LOC", []string{"بريطانيا"}}, {"reg:europe", "LOC", []string{"أوروبا"}},
				{LocalID("LOC", "كاليفورنيا"), "LOC", []string{"كاليفورنيا"}}},
			absent: []string{"لمصر"},
		},
		{
			name:   "a letter the tagger cut off a name is put back when the article spells the name whole",
			text:   "فاز نادي بايرن ميونيخ على ضيفه، وقال مدرب بايرن إن الفريق جاهز.",
			date:   "2020-01-01",
			specs:  []string{"ORG:ايرن ميونيخ", "ORG:بايرن"},
			wants:  []want{{"", "ORG", []string{"بايرن ميونيخ", "بايرن"}}},
			absent: []string{"ايرن ميونيخ"},
		},
		{
			name:   "nisba adjectives alone are not entities, nor common words the tagger took for names",
			text:   "عادت الوحدة البيلاروسية إلى مينسك في أقصر وقت بعد مهمة قصيرة في مالي.",
			date:   "2022-01-20",
			specs:  []string{"MISC:البيلاروسية", "LOC:مينسك", "LOC:أقصر", "LOC:مالي"},
			wants:  []want{{"", "LOC", []string{"مينسك"}}, {"ML", "LOC", []string{"مالي"}}},
			absent: []string{"البيلاروسية", "أقصر"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			toks := arabic.Tokenize(tt.text)
			got := Resolve(tt.text, toks, mentionsOf(tt.text, toks, tt.specs...), day(tt.date), k)
			check(t, got, tt.wants, tt.absent)
			runes := []rune(tt.text)
			for _, e := range got {
				for _, m := range e.Mentions {
					if string(runes[m.Start:m.End]) != m.Text {
						t.Errorf("mention %q of %s has offsets [%d,%d) = %q", m.Text, e.ID, m.Start, m.End, string(runes[m.Start:m.End]))
					}
				}
			}
		})
	}
}

func TestResolveBadInput(t *testing.T) {
	k := loadKB(t)
	text := "قال بوتين"
	toks := arabic.Tokenize(text)
	bad := []ner.Mention{
		{Start: -1, End: 3, TokStart: 0, TokEnd: 1, Type: "PER"},
		{Start: 4, End: 99, TokStart: 1, TokEnd: 2, Type: "PER"},
		{Start: 4, End: 9, TokStart: 1, TokEnd: 7, Type: "PER"},
		{Start: 5, End: 4, TokStart: 1, TokEnd: 2, Type: "PER"},
	}
	got := Resolve(text, toks, bad, time.Time{}, k)
	// The bad mentions are dropped; the gazetteer still finds بوتين.
	check(t, got, []want{{"per:putin", "PER", []string{"بوتين"}}}, nil)
	if es := Resolve("", nil, nil, time.Time{}, k); len(es) != 0 {
		t.Errorf("Resolve of empty text = %v, want none", es)
	}
	if es := Resolve(text, toks, mentionsOf(text, toks, "PER:بوتين"), time.Time{}, nil); len(es) != 1 || es[0].ID != LocalID("PER", "بوتين") {
		t.Errorf("Resolve without a KB = %v, want one unlinked entity", es)
	}
}

func TestUnlinkedNameKeepsItsArticle(t *testing.T) {
	// The club is first written after لل, which swallows its article.
	text := "تكريم للزمالك بعد الفوز\nاحتفل جمهور الزمالك بالفوز في المباراة."
	toks := arabic.Tokenize(text)
	got := Resolve(text, toks, mentionsOf(text, toks, "ORG:زمالك", "ORG:الزمالك"), time.Time{}, loadKB(t))
	if len(got) != 1 || got[0].Name != "الزمالك" || len(got[0].Mentions) != 2 {
		t.Errorf("Resolve = %+v, want one entity named الزمالك with both mentions", got)
	}
}

func TestHashtagNamesLink(t *testing.T) {
	text := "رحبت #الولايات_المتحدة بقرار #الاتحاد_الأوروبي أمس."
	toks := arabic.Tokenize(text)
	got := Resolve(text, toks, mentionsOf(text, toks, "LOC:الولايات_المتحدة", "ORG:الاتحاد_الأوروبي"), time.Time{}, loadKB(t))
	ids := map[string]string{}
	for _, e := range got {
		ids[e.ID] = e.Name
	}
	if ids["US"] == "" || ids["org:eu"] == "" {
		t.Errorf("Resolve = %+v, want the United States and the European Union linked", got)
	}
}

func TestCovering(t *testing.T) {
	es := []Entity{
		{ID: "org:csto", Mentions: []Mention{{Start: 10, End: 40}}},
		{ID: "per:x", Mentions: []Mention{{Start: 0, End: 5}, {Start: 20, End: 25}}},
	}
	tests := []struct {
		start, end int
		want       string
	}{{0, 5, "per:x"}, {21, 24, "per:x"}, {12, 18, "org:csto"}, {3, 12, ""}}
	for _, tt := range tests {
		got, ok := Covering(es, tt.start, tt.end)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Covering(%d, %d) = %q, %v; want %q", tt.start, tt.end, got, ok, tt.want)
		}
	}
}
