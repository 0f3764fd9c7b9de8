package arabic

import "testing"

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"full stops", "قال الوزير. ثم غادر.", []string{"قال الوزير.", "ثم غادر."}},
		{"arabic question mark", "هل انتهى؟ نعم", []string{"هل انتهى؟", "نعم"}},
		{"decimal point", "نما 6.5 بالمئة.", []string{"نما 6.5 بالمئة."}},
		{"line breaks", "عنوان\n\nنص الخبر", []string{"عنوان", "نص الخبر"}},
		{"quote keeps its full stop", "قال: «انتهى. لن نعود». ثم غادر", []string{"قال: «انتهى. لن نعود».", "ثم غادر"}},
		{"closing quote after stop", "قال \"نعم.\" ثم", []string{"قال \"نعم.\"", "ثم"}},
		{"abbreviation", "أكدت U.N. ذلك.", []string{"أكدت U.N. ذلك."}},
		{"empty", "  \n ", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			runes := []rune(tt.in)
			got := Sentences(tt.in)
			if len(got) != len(tt.want) {
				t.Fatalf("Sentences(%q) = %v, want %q", tt.in, got, tt.want)
			}
			for i, s := range got {
				if string(runes[s.Start:s.End]) != tt.want[i] {
					t.Errorf("sentence %d = %q, want %q", i, string(runes[s.Start:s.End]), tt.want[i])
				}
			}
		})
	}
}

func TestParagraphs(t *testing.T) {
	in := "أخبار\n\n  العنوان هنا \r\nالفقرة الأولى.\n"
	runes := []rune(in)
	want := []string{"أخبار", "العنوان هنا", "الفقرة الأولى."}
	got := Paragraphs(in)
	if len(got) != len(want) {
		t.Fatalf("Paragraphs = %v, want %q", got, want)
	}
	for i, s := range got {
		if string(runes[s.Start:s.End]) != want[i] {
			t.Errorf("paragraph %d = %q, want %q", i, string(runes[s.Start:s.End]), want[i])
		}
	}
}
