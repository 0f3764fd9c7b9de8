package ner

import (
	"slices"
	"testing"

	"akhbar/arabic"
)

func TestDropNonNames(t *testing.T) {
	lex := NewLexicon()
	lex.add("الفرنسي", lexNAT)
	lex.add("ماكرون", lexPER)
	toks := arabic.Tokenize("قال الرئيس الفرنسي ماكرون")
	views := resources{lex: lex}.views(nil, toks)
	bPER, iPER := 1, 2
	tests := []struct{ in, want []int }{
		{[]int{0, 0, bPER, bPER}, []int{0, 0, 0, bPER}},    // the adjective alone is not a name
		{[]int{0, 0, bPER, iPER}, []int{0, 0, bPER, iPER}}, // inside a longer mention it stays
		{[]int{0, 0, 5, 0}, []int{0, 0, 5, 0}},             // LOC is left alone
		{[]int{0, bPER, 0, bPER}, []int{0, bPER, 0, bPER}}, // not a nationality
	}
	for _, tt := range tests {
		got := slices.Clone(tt.in)
		dropNonNames(views, got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("dropNonNames(%v) = %v, want %v", tt.in, got, tt.want)
		}
	}
	// A lone head noun of organizations refers back to a name; it is not one.
	views = resources{}.views(nil, arabic.Tokenize("أرسلت المنظمة قوات وقالت للمنظمة الدولية"))
	bORG, iORG := 3, 4
	got := []int{0, bORG, 0, 0, bORG, iORG}
	dropNonNames(views, got)
	if want := []int{0, 0, 0, 0, bORG, iORG}; !slices.Equal(got, want) {
		t.Errorf("dropNonNames on lone المنظمة = %v, want %v", got, want)
	}
}

func TestSplitAtConjunction(t *testing.T) {
	iPER, iORG := bPER+1, bORG+1
	checkRule(t, "splitAtConjunction", splitAtConjunction, []ruleCase{
		// Two people, not one; the organization keeps its و.
		{"التقى بري والسنيورة في بيروت وزارة الخارجية والتعاون",
			[]int{0, bPER, iPER, 0, bLOC, bORG, iORG, iORG}, []int{0, bPER, bPER, 0, bLOC, bORG, iORG, iORG}},
	})
}

func TestQuotedPlaces(t *testing.T) {
	checkRule(t, "quotedPlaces", quotedPlaces, []ruleCase{
		// The newspaper in guillemets is an organization; the region is not.
		{"قالت « الشرق الأوسط » إن الشرق الأوسط يتغير",
			[]int{0, 0, bLOC, bLOC + 1, 0, 0, bLOC, bLOC + 1, 0}, []int{0, 0, bORG, bORG + 1, 0, 0, bLOC, bLOC + 1, 0}},
	})
}

type ruleCase struct {
	text     string
	in, want []int
}

func checkRule(t *testing.T, name string, rule func([]view, []int), cases []ruleCase) {
	t.Helper()
	for _, tt := range cases {
		views := resources{}.views(nil, arabic.Tokenize(tt.text))
		got := slices.Clone(tt.in)
		rule(views, got)
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %s = %v, want %v", tt.text, name, got, tt.want)
		}
	}
}

func TestQuotedNames(t *testing.T) {
	checkRule(t, "quotedNames", quotedNames, []ruleCase{
		// A programme's title after برنامج is one MISC mention, whatever
		// the first stage made of its words.
		{"قدم برنامج « حوار من القلب » أمس", []int{0, 0, 0, bPER, 0, bLOC, 0, 0}, []int{0, 0, 0, bMISC, bMISC + 1, bMISC + 1, 0, 0}},
		{"على استاد \" سلتيك بارك \" في غلاسكو", []int{0, 0, 0, bORG, bORG + 1, 0, 0, bLOC}, []int{0, 0, 0, bMISC, bMISC + 1, 0, 0, bLOC}},
		// A newspaper's or channel's name in quotes is one ORG mention.
		{"قالت صحيفة « نيويورك تايمز » أمس", []int{0, 0, 0, bLOC, bLOC + 1, 0, 0}, []int{0, 0, 0, bORG, bORG + 1, 0, 0}},
		{"ذكرت الجريدة \" الأهرام \" صباحا", []int{0, 0, 0, 0, 0, 0}, []int{0, 0, 0, bORG, 0, 0}},
		// Not after a quote head, or too long to be a title: left alone.
		{"قال « حلب » أمس", []int{0, 0, bLOC, 0, 0}, []int{0, 0, bLOC, 0, 0}},
		{"بعنوان « لا أحد يعرف ما حدث هنا »", []int{0, 0, 0, 0, 0, 0, 0, 0, 0}, []int{0, 0, 0, 0, 0, 0, 0, 0, 0}},
	})
}

func TestClubsByAgreement(t *testing.T) {
	lex := NewLexicon()
	lex.add("فرنسي", lexNAT)
	lex.add("مالي", lexNAT)
	views := resources{lex: lex}.views(nil, arabic.Tokenize("فاز ليون الفرنسي وزار ليون الفرنسية وسوق دبي المالي"))
	got := []int{0, bLOC, 0, 0, bLOC, 0, 0, bLOC, 0}
	clubsByAgreement(views, got)
	// The club takes the masculine adjective, the city the feminine;
	// المالي is also "financial" and tells nothing.
	if want := []int{0, bORG, 0, 0, bLOC, 0, 0, bLOC, 0}; !slices.Equal(got, want) {
		t.Errorf("clubsByAgreement = %v, want %v", got, want)
	}
}

func TestNasab(t *testing.T) {
	checkRule(t, "nasab", nasab, []ruleCase{
		// The name after ولد or بن belongs to the person before it, and a
		// mention the tagger began there joins the first.
		{"عين سالم ولد أحمد وزيرا", []int{0, bPER, 0, 0, 0}, []int{0, bPER, bPER + 1, bPER + 1, 0}},
		{"حضر سالم ولد محمد الأمين", []int{0, bPER, bPER + 1, bPER, bPER + 1}, []int{0, bPER, bPER + 1, bPER + 1, bPER + 1}},
		{"استقبل خالد بن سعيد الضيوف", []int{0, bPER, 0, bLOC, 0}, []int{0, bPER, bPER + 1, bPER + 1, 0}},
		// ولد meaning "was born", or after no person: left alone.
		{"سالم ولد في نواكشوط", []int{bPER, 0, 0, bLOC}, []int{bPER, 0, 0, bLOC}},
		{"في المدينة ولد أحمد", []int{0, bLOC, 0, bPER}, []int{0, bLOC, 0, bPER}},
	})
}

func TestKunyas(t *testing.T) {
	checkRule(t, "kunyas", kunyas, []ruleCase{
		// The kunya left outside the name joins it, with or without و.
		{"وقال أبو عبد الله أمس", []int{0, 0, bPER, bPER + 1, 0}, []int{0, bPER, bPER + 1, bPER + 1, 0}},
		{"التقى وابو مازن", []int{0, 0, bPER}, []int{0, bPER, bPER + 1}},
		// Already inside, or before no name: left alone.
		{"قال أبو مازن", []int{0, bPER, bPER + 1}, []int{0, bPER, bPER + 1}},
		{"أبو الأولاد غائب", []int{0, 0, 0}, []int{0, 0, 0}},
		// Other words before a name are not kunyas.
		{"قال باسم عباس", []int{0, 0, bPER}, []int{0, 0, bPER}},
	})
}

func TestPropagate(t *testing.T) {
	iORG := bORG + 1
	tests := []struct {
		name     string
		sents    []string
		in, want [][]int
	}{
		{"a place found twice is tagged where it was missed, also after a proclitic",
			[]string{"وصل الوفد إلى طلوزة", "وغادر طلوزة مساء", "وقال سكان وطلوزة إنهم بخير"},
			[][]int{{0, 0, 0, bLOC}, {0, bLOC, 0}, {0, 0, 0, 0, 0}},
			[][]int{{0, 0, 0, bLOC}, {0, bLOC, 0}, {0, 0, bLOC, 0, 0}}},
		{"a name of two words, with the article restored after لل",
			[]string{"أعلنت الأمم المتحدة", "وقالت الأمم المتحدة", "ونقل للأمم المتحدة"},
			[][]int{{0, bORG, iORG}, {0, bORG, iORG}, {0, 0, 0}},
			[][]int{{0, bORG, iORG}, {0, bORG, iORG}, {0, bORG, iORG}}},
		{"found once: may be a slip, left alone",
			[]string{"وصل الوفد إلى طلوزة", "وغادر طلوزة مساء"},
			[][]int{{0, 0, 0, bLOC}, {0, 0, 0}},
			[][]int{{0, 0, 0, bLOC}, {0, 0, 0}}},
		{"right after a mention, and names of two letters: left alone",
			[]string{"زار عمر طلوزة", "ثم طلوزة ثم طلوزة", "قال بو ثم بو وبو"},
			[][]int{{0, bPER, 0}, {0, bLOC, 0, bLOC}, {0, bPER, 0, bPER, 0}},
			[][]int{{0, bPER, 0}, {0, bLOC, 0, bLOC}, {0, bPER, 0, bPER, 0}}},
	}
	for _, tt := range tests {
		doc := make([][]view, len(tt.sents))
		got := make([][]int, len(tt.sents))
		for i, s := range tt.sents {
			doc[i] = resources{}.views(nil, arabic.Tokenize(s))
			got[i] = slices.Clone(tt.in[i])
		}
		propagate(doc, got)
		for i := range got {
			if !slices.Equal(got[i], tt.want[i]) {
				t.Errorf("%s: sentence %d: propagate = %v, want %v", tt.name, i, got[i], tt.want[i])
			}
		}
	}
}
