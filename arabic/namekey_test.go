package arabic

import (
	"fmt"
	"testing"
)

func TestNameKeyAgrees(t *testing.T) {
	same := [][]string{
		{"لوكاشينكو", "لوكاتشينكو", "لوكاشنكو"},
		{"بوتين", "بوتن"},
		{"نتنياهو", "نتانياهو"},
		{"ترامب", "ترمب"},
		{"توكاييف", "توكايف"},
		{"غوتيريش", "جوتيريش"},
		{"أنطونيو", "انتونيو"},
		{"مدرسة", "مدرسه"},
		{"مصطفى", "مصطفي"},
		{"عبد الله", "عبدالله"},
		{"أبو ظبي", "ابوظبي"},
		{"ماكرون", "ماكرون"},
		{"شي جين بينغ", "شي جين بينج"},
		{"فلاديمير بوتين", "فلادمير بوتن"},
		{"ميدفيديف", "مدفيديف"},
	}
	for _, group := range same {
		want := NameKey(group[0])
		for _, n := range group[1:] {
			if got := NameKey(n); got != want {
				t.Errorf("NameKey(%q) = %q, want %q (the key of %q)", n, got, want, group[0])
			}
		}
	}
}

func TestNameKeyDiffers(t *testing.T) {
	pairs := [][2]string{
		{"بوتين", "بوتان"},
		{"لوكاشينكو", "لوكاس"},
		{"ترامب", "ترابلس"},
		{"ماريا", "ماريو"},
		{"سامح", "سامي"},
	}
	for _, p := range pairs {
		if NameKey(p[0]) == NameKey(p[1]) {
			t.Errorf("NameKey(%q) = NameKey(%q) = %q, want different keys", p[0], p[1], NameKey(p[0]))
		}
	}
}

func TestNameKeyEdges(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", ""},
		{"   ", ""},
		{"!!", ""},
		{"ء", ""},
		{"MBC", "mbc"},
	}
	for _, tt := range tests {
		if got := NameKey(tt.in); got != tt.want {
			t.Errorf("NameKey(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSameName(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"لوكاشينكو", "لوكاتشينكو", true},
		{"بوتين", "بوتن", true},
		{"نتنياهو", "نتانياهو", true},
		{"ترامب", "ترمب", true},
		{"أحمد", "احمد", true},
		{"فاطمة", "فاطمه", true},
		{"حسن", "حسين", false},
		{"سالم", "سليم", false},
		{"محمد", "محمود", false},
		{"بوتين", "بوتان", false},
		{"سامح شكري", "شكري", false},
		{"", "", false},
		{"مون", "مامين", false},
		{"CNN", "CN", false},
		{"cnn", "CNN", true},
		{"يونغ", "يوييانغ", false},
		{"لوكاشنكو", "لوكاتشينكو", true},
		{"قاسم جومارت توكاييف", "قاسم جومرت توكايف", true},
	}
	for _, tt := range tests {
		if got := SameName(tt.a, tt.b); got != tt.want {
			t.Errorf("SameName(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func ExampleNameKey() {
	fmt.Println(NameKey("لوكاتشينكو") == NameKey("لوكاشينكو"))
	fmt.Println(NameKey("بوتين") == NameKey("بوتان"))
	// Output:
	// true
	// false
}

func ExampleSameName() {
	fmt.Println(SameName("نتنياهو", "نتانياهو"))
	fmt.Println(SameName("حسن", "حسين"))
	// Output:
	// true
	// false
}

func FuzzNameKey(f *testing.F) {
	for _, s := range []string{"لوكاتشينكو", "عبد الله", "ألكسي", "الجعبري", "أندريه", "ء", "MBC مصر", "\xff\xfe", "ﻻ"} {
		f.Add(s, "بوتين")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		ka := NameKey(a)
		if ka != NameKey(a) {
			t.Fatalf("NameKey(%q) is not deterministic", a)
		}
		if SameName(a, b) != SameName(b, a) {
			t.Fatalf("SameName(%q, %q) is not symmetric", a, b)
		}
		if SameName(a, b) && NameKey(a) != NameKey(b) {
			t.Fatalf("SameName(%q, %q) but keys %q and %q differ", a, b, NameKey(a), NameKey(b))
		}
	})
}
