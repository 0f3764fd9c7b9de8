package arabic

import "testing"

func TestSegmentWord(t *testing.T) {
	tests := []struct {
		word, prefix, base, suffix string
	}{
		{"لكازاخستان", "ل", "كازاخستان", ""},
		{"وكازاخستان", "و", "كازاخستان", ""},
		{"بالثورات", "بال", "ثورات", ""},
		{"والمتطرفين", "وال", "متطرفين", ""},
		{"للأمن", "لل", "أمن", ""},
		{"وقال", "و", "قال", ""},
		{"وزير", "", "وزير", ""},
		{"بلال", "", "بلال", ""},
		{"بلاده", "", "بلاد", "ه"},
		{"كتابهم", "", "كتاب", "هم"},
		{"الملونة", "ال", "ملونة", ""},
		{"جهودنا", "", "جهود", "نا"},
		{"قوات", "", "قوات", ""},
		{"الْحَسَن", "الْ", "حَسَن", ""},
		{"في", "", "في", ""},
	}
	for _, tt := range tests {
		t.Run(tt.word, func(t *testing.T) {
			s := SegmentWord(tt.word)
			if s.Prefix != tt.prefix || s.Base != tt.base || s.Suffix != tt.suffix {
				t.Errorf("SegmentWord(%q) = %q|%q|%q, want %q|%q|%q", tt.word, s.Prefix, s.Base, s.Suffix, tt.prefix, tt.base, tt.suffix)
			}
			if got := len([]rune(s.Prefix)); got != s.PrefixLen {
				t.Errorf("PrefixLen = %d, want %d", s.PrefixLen, got)
			}
			if got := len([]rune(s.Suffix)); got != s.SuffixLen {
				t.Errorf("SuffixLen = %d, want %d", s.SuffixLen, got)
			}
		})
	}
}

func TestStemAgreement(t *testing.T) {
	// Words in each group must share one stem; want is that stem.
	groups := []struct {
		want  string
		words []string
	}{
		{"كازاخستان", []string{"كازاخستان", "لكازاخستان", "وكازاخستان", "بكازاخستان"}},
		{"سلام", []string{"السلام", "سلام", "والسلام", "سلامة"}},
		{"قوات", []string{"قوات", "القوات", "والقوات"}},
		{"ثور", []string{"الثورة", "ثورة", "الثورات", "بالثورات"}},
		{"متطرف", []string{"المتطرفين", "والمتطرفين", "متطرفون"}},
		{"منظم", []string{"منظمة", "المنظمة", "لمنظمة", "للمنظمة"}},
		{"وزير", []string{"وزير", "الوزير", "والوزير"}},
	}
	for _, g := range groups {
		for _, w := range g.words {
			if got := Stem(w); got != g.want {
				t.Errorf("Stem(%q) = %q, want %q", w, got, g.want)
			}
		}
	}
}

func TestStemNeverOverstems(t *testing.T) {
	for _, w := range []string{"قوات", "كازاخستان", "باكستان", "لبنان", "الصين"} {
		if got := []rune(Stem(w)); len(got) < 3 {
			t.Errorf("Stem(%q) = %q: fewer than three letters", w, string(got))
		}
	}
	if got := Stem("كازاخستان"); got == "كازاخست" {
		t.Errorf("Stem(كازاخستان) over-stemmed to %q", got)
	}
}

func TestAnalyzerTerms(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"وبحسب موقع سبوتنيك", []string{"بحسب", "موقع", "سبوتنيك"}},
		{"قال إن الثورة في كازاخستان", []string{"قال", "ثور", "كازاخستان"}},
		{"عام ٢٠٢٢م", []string{"عام", "2022"}},
		{"The CSTO mission", []string{"csto", "mission"}},
		{"،؛؟!", nil},
	}
	for _, tt := range tests {
		got := Analyzer{}.Terms(tt.in)
		if len(got) != len(tt.want) {
			t.Errorf("Terms(%q) = %q, want %q", tt.in, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("Terms(%q) = %q, want %q", tt.in, got, tt.want)
				break
			}
		}
	}
}

func TestAnalyzerPositionsLeaveGapsForStopWords(t *testing.T) {
	var pos []int
	Analyzer{}.Each("قال إن الرئيس", func(t Term) bool {
		pos = append(pos, t.Position)
		return true
	})
	if len(pos) != 2 || pos[0] != 0 || pos[1] != 2 {
		t.Errorf("positions = %v, want [0 2]", pos)
	}
}

func TestAnalyzerAllocatesNothingPerTerm(t *testing.T) {
	text := "أعلن الرئيس البيلاروسي اليوم أن قوات حفظ السلام أنقذت كازاخستان من الثورات الملونة"
	allocs := testing.AllocsPerRun(20, func() {
		Analyzer{}.Each(text, func(Term) bool { return true })
	})
	if allocs > 1 {
		t.Errorf("Each allocated %.0f times for one sentence; want at most 1", allocs)
	}
}
