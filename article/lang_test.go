package article

import "testing"

func TestGuessLang(t *testing.T) {
	tests := []struct{ text, want string }{
		{"أعلن الرئيس اليوم عن خطة جديدة", "ar"},
		{"أعلنت شركة Apple عن iPhone جديد", "ar"},
		{"The president announced a new plan", ""},
		{"2022 - 13:02", ""},
		{"", ""},
	}
	for _, tt := range tests {
		if got := guessLang(tt.text); got != tt.want {
			t.Errorf("guessLang(%q) = %q; want %q", tt.text, got, tt.want)
		}
	}
	a, err := ReadText("t.txt", []byte("عنوان الخبر\n\nنص الخبر."))
	if err != nil || a.Lang != "ar" {
		t.Errorf("ReadText: Lang = %q, %v; want ar", a.Lang, err)
	}
}
