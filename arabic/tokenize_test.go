package arabic

import (
	"strings"
	"testing"
)

func TestTokenize(t *testing.T) {
	type tok struct {
		text       string
		start, end int
		kind       Kind
	}
	tests := []struct {
		name string
		in   string
		want []tok
	}{
		{"words and comma", "قال الرئيس، اليوم", []tok{{"قال", 0, 3, Word}, {"الرئيس", 4, 10, Word}, {"،", 10, 11, Punct}, {"اليوم", 12, 17, Word}}},
		{"decimal number", "نما 6.5 بالمئة", []tok{{"نما", 0, 3, Word}, {"6.5", 4, 7, Number}, {"بالمئة", 8, 14, Word}}},
		{"arabic-indic digits", "٧٤ مليار", []tok{{"٧٤", 0, 2, Number}, {"مليار", 3, 8, Word}}},
		{"gregorian suffix", "عام 2022م", []tok{{"عام", 0, 3, Word}, {"2022م", 4, 9, Number}}},
		{"hijri suffix", "1444هـ الجاري", []tok{{"1444هـ", 0, 6, Number}, {"الجاري", 7, 13, Word}}},
		{"number then word", "20ألف", []tok{{"20", 0, 2, Number}, {"ألف", 2, 5, Word}}},
		{"guillemets", "«نعم»", []tok{{"«", 0, 1, Punct}, {"نعم", 1, 4, Word}, {"»", 4, 5, Punct}}},
		{"latin inside arabic", "قناة MBC مصر", []tok{{"قناة", 0, 4, Word}, {"MBC", 5, 8, Latin}, {"مصر", 9, 12, Word}}},
		{"latin hyphenated", "فيروس COVID-19 انتشر", []tok{{"فيروس", 0, 5, Word}, {"COVID-19", 6, 14, Latin}, {"انتشر", 15, 20, Word}}},
		{"diacritics stay in word", "قَالَ", []tok{{"قَالَ", 0, 5, Word}}},
		{"bidi controls skipped", "\u200fقال\u202b نعم\u202c", []tok{{"قال", 1, 4, Word}, {"نعم", 6, 9, Word}}},
		{"question mark", "لماذا؟", []tok{{"لماذا", 0, 5, Word}, {"؟", 5, 6, Punct}}},
		{"time", "13:02", []tok{{"13", 0, 2, Number}, {":", 2, 3, Punct}, {"02", 3, 5, Number}}},
		{"hashtag", "قالت #موديز", []tok{{"قالت", 0, 4, Word}, {"موديز", 6, 11, Word}}},
		{"hashtag of joined words", "#وزارة_الصحة تعلن", []tok{{"وزارة", 1, 6, Word}, {"الصحة", 7, 12, Word}, {"تعلن", 13, 17, Word}}},
		{"latin hashtag", "#COP27 بدأ", []tok{{"COP27", 1, 6, Latin}, {"بدأ", 7, 10, Word}}},
		{"lone number sign and underscore", "رقم # 5 و _ هنا_", []tok{{"رقم", 0, 3, Word}, {"#", 4, 5, Punct}, {"5", 6, 7, Number}, {"و", 8, 9, Word}, {"_", 10, 11, Punct}, {"هنا", 12, 15, Word}, {"_", 15, 16, Punct}}},
		{"invalid byte is one code point", "قال\xffنعم", []tok{{"قال", 0, 3, Word}, {"\xff", 3, 4, Punct}, {"نعم", 4, 7, Word}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Tokenize(tt.in)
			if len(got) != len(tt.want) {
				t.Fatalf("Tokenize(%q) gave %d tokens %v, want %d", tt.in, len(got), got, len(tt.want))
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Text != w.text || g.Start != w.start || g.End != w.end || g.Kind != w.kind {
					t.Errorf("token %d = {%q %d %d %v}, want {%q %d %d %v}", i, g.Text, g.Start, g.End, g.Kind, w.text, w.start, w.end, w.kind)
				}
			}
		})
	}
}

// TestTokenOffsetsSliceText checks the contract: text[start:end] in code
// points is the token's text, whatever the input.
func TestTokenOffsetsSliceText(t *testing.T) {
	inputs := []string{
		"أعلن الرئيس البيلاروسي ألكسندر لوكاشينكو اليوم السبت، بأن «النجاح» تحقق في 15/1/2022.",
		"\u200fمرحبا\u200e Hello\u202bعالم\u202c ١٢٣٫٤ ﻻ ﷲ",
		"\x00\xff\xfe" + strings.Repeat("ـ", 5) + "قَالَ",
	}
	for _, in := range inputs {
		checkOffsets(t, in)
	}
}

func checkOffsets(t *testing.T, in string) {
	t.Helper()
	runes := []rune(in)
	prevEnd := 0
	for _, tok := range Tokenize(in) {
		if tok.Start < prevEnd || tok.End <= tok.Start || tok.End > len(runes) {
			t.Fatalf("bad offsets %d..%d (prev end %d, len %d) for %q", tok.Start, tok.End, prevEnd, len(runes), tok.Text)
		}
		if got := string(runes[tok.Start:tok.End]); got != string([]rune(tok.Text)) {
			t.Fatalf("text[%d:%d] = %q, token says %q", tok.Start, tok.End, got, tok.Text)
		}
		if in[tok.ByteStart:tok.ByteEnd] != tok.Text {
			t.Fatalf("byte offsets %d..%d do not slice %q", tok.ByteStart, tok.ByteEnd, tok.Text)
		}
		prevEnd = tok.End
	}
}

func TestTokenizeLongLine(t *testing.T) {
	if testing.Short() {
		t.Skip("long input")
	}
	// A 100 MB line without a single separator is one token, found in
	// linear time.
	in := strings.Repeat("ب", 50<<20)
	toks := Tokenize(in)
	if len(toks) != 1 || toks[0].End != 50<<20 {
		t.Fatalf("got %d tokens", len(toks))
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range []string{"قال الرئيس: «نعم» 6.5%", "٢٠٢٢م 1444هـ", "\xff\x00\u200f", "MBC مصر", "ﻻ ﷲ", "#وزارة_الصحة _# #_"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		checkOffsets(t, in)
	})
}

func FuzzNormalize(f *testing.F) {
	for _, s := range []string{"قَالَ", "ﻻ", "\xff", "٦٫٥", "ـــ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, in string) {
		n := Normalize(in)
		if Normalize(n) != n {
			t.Fatalf("Normalize is not idempotent on %q: %q then %q", in, n, Normalize(n))
		}
		var b []byte
		if got := string(AppendFold(b, in)); got != Fold(in) && !strings.ContainsRune(in, '\uFFFD') && isValid(in) {
			t.Fatalf("AppendFold(%q) = %q, Fold = %q", in, got, Fold(in))
		}
	})
}

func isValid(s string) bool { return strings.ToValidUTF8(s, "") == s }
