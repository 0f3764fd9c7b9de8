package arabic

import (
	"strings"
	"testing"

	"golang.org/x/text/transform"
)

func TestNormalize(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"hamza on alef", "أعلن إعلان آخر ٱلسلام", "اعلن اعلان اخر السلام"},
		{"alef maqsura", "مستشفى", "مستشفي"},
		{"hamza carriers", "رؤساء الهيئة", "روساء الهيية"},
		{"taa marbuta kept", "الثورة الملونة", "الثورة الملونة"},
		{"tashkeel", "قَالَ الرَّئِيسُ", "قال الرييس"},
		{"tanween and superscript alef", "شكراً هٰذا", "شكرا هذا"},
		{"tatweel", "الـــرئيـــس", "الرييس"},
		{"arabic-indic digits", "٢٠٢٢ و١٥", "2022 و15"},
		{"persian digits", "۱۴۴۴", "1444"},
		{"decimal and thousands separators", "٦٫٥ و١٬٠٠٠", "6.5 و1,000"},
		{"persian letters", "کابل یک", "كابل يك"},
		{"lam-alef ligature", "ﻻ", "لا"},
		{"allah ligature", "ﷲ", "الله"},
		{"presentation forms", "ﺍﻟﺴﻼﻢ", "السلام"},
		{"latin untouched", "MBC مصر", "MBC مصر"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Normalize(tt.in); got != tt.want {
				t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestFoldTaaMarbuta(t *testing.T) {
	if got := Fold("فاطمة"); got != "فاطمه" {
		t.Errorf("Fold(فاطمة) = %q, want فاطمه", got)
	}
	if got := Normalize("فاطمة"); got != "فاطمة" {
		t.Errorf("Normalize must keep ة for display, got %q", got)
	}
}

func TestNormalizerStreams(t *testing.T) {
	// A long input through a transform.Reader with tiny buffers must give
	// the same result as the string form.
	in := strings.Repeat("قَالَ الرئيس ﻻ ٢٠٢٢ ", 2000)
	r := transform.NewReader(strings.NewReader(in), NewNormalizer(Options{}))
	var b strings.Builder
	buf := make([]byte, 7)
	for {
		n, err := r.Read(buf)
		b.Write(buf[:n])
		if err != nil {
			break
		}
	}
	if got, want := b.String(), Normalize(in); got != want {
		t.Fatalf("streamed output differs from Normalize: %d vs %d bytes", len(got), len(want))
	}
}

func TestNormalizeReplacesInvalidBytes(t *testing.T) {
	tests := []struct{ in, want string }{
		{"قال\xffالرئيس", "قال\uFFFDالرييس"},
		// A diacritic removed between two stray bytes must not join them
		// into a letter (here \xd9\xa7 would be ٧).
		{"\xd9\u064e\xa7", "\uFFFD\uFFFD"},
	}
	for _, tt := range tests {
		if got := Normalize(tt.in); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
