package kb

import (
	"strings"
	"testing"
	"time"

	"akhbar/arabic"
)

func load(t testing.TB) *KB {
	t.Helper()
	k, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return k
}

func date(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestLookup(t *testing.T) {
	k := load(t)
	tests := []struct{ name, id string }{
		{"كازاخستان", "KZ"},
		{"الأردن", "JO"},
		{"الاردن", "JO"},
		{"ألماتي", "gn:1526384"},
		{"نور سلطان", "gn:1526273"},
		{"منظمة معاهدة الأمن الجماعي", "org:csto"},
		{"سبوتنيك", "org:sputnik"},
		{"فلاديمير بوتين", "per:putin"},
		{"لوكاشينكو", "per:lukashenko"},
		{"CNN", "org:cnn"},
		{"cnn", "org:cnn"},
	}
	for _, tt := range tests {
		es := k.Lookup(tt.name)
		if len(es) == 0 || es[0].ID != tt.id {
			t.Errorf("Lookup(%q) = %v, want %s first", tt.name, ids(es), tt.id)
		}
	}
	if es := k.Lookup("بن"); len(es) != 0 {
		t.Errorf("Lookup(بن) = %v, want nothing", ids(es))
	}
	if es := k.Lookup("الثورة الملونة"); len(es) != 0 {
		t.Errorf("Lookup(الثورة الملونة) = %v, want nothing", ids(es))
	}
}

func TestLookupVariant(t *testing.T) {
	k := load(t)
	tests := []struct{ name, id string }{
		{"لوكاتشينكو", "per:lukashenko"},
		{"توكايف", "per:tokayev"},
		{"بوتن", "per:putin"},
	}
	for _, tt := range tests {
		es := k.LookupVariant(tt.name)
		if len(es) == 0 || es[0].ID != tt.id {
			t.Errorf("LookupVariant(%q) = %v, want %s", tt.name, ids(es), tt.id)
		}
	}
	small, err := Parse("L\tgn:1\tcity\tManama\tالمنامة\t\tBH\t500000\tnaturalearth\tnaturalearth\n")
	if err != nil {
		t.Fatal(err)
	}
	if es := small.LookupVariant("منامة"); len(es) != 0 {
		t.Errorf("LookupVariant(منامة) = %v, want nothing (المنامة has the article)", ids(es))
	}
	if es := small.LookupVariant("المنامه"); len(es) != 1 {
		t.Errorf("LookupVariant(المنامه) = %v, want gn:1", ids(es))
	}
	if es := k.LookupVariant("بوروسيا"); len(es) != 0 {
		t.Errorf("LookupVariant(بوروسيا) = %v, want nothing", ids(es))
	}
	if es := k.LookupVariant("ربات"); len(es) != 0 {
		t.Errorf("LookupVariant(ربات) = %v, want nothing (a short word one letter from رباط)", ids(es))
	}
	if es := k.LookupVariant("لوم"); len(es) != 0 {
		t.Errorf("LookupVariant(لوم) = %v, want nothing (a word, not لومي)", ids(es))
	}
	for _, word := range []string{"كيف", "خبر"} {
		if es := k.Lookup(word); len(es) != 0 {
			t.Errorf("Lookup(%s) = %v, want nothing (a word, though listed as a spelling of a city)", word, ids(es))
		}
	}
	if es := k.Lookup("مكة"); len(es) == 0 || es[0].NameEn != "Makkah" {
		t.Errorf("Lookup(مكة) = %v, want Makkah, a word of its name مكة المكرمة", ids(es))
	}
	if es := k.LookupVariant("بوتان"); len(es) != 0 && es[0].ID == "per:putin" {
		t.Errorf("LookupVariant(بوتان) found Putin")
	}
}

func TestNisba(t *testing.T) {
	k := load(t)
	tests := []struct{ word, iso string }{
		{"البيلاروسي", "BY"}, {"البيلاروسية", "BY"}, {"الكازاخي", "KZ"}, {"الأردني", "JO"}, {"المصري", "EG"}, {"روسي", "RU"},
	}
	for _, tt := range tests {
		if iso, ok := k.Nisba(tt.word); !ok || iso != tt.iso {
			t.Errorf("Nisba(%q) = %q, %v; want %q", tt.word, iso, ok, tt.iso)
		}
	}
	if iso, ok := k.Nisba("الجماعي"); ok {
		t.Errorf("Nisba(الجماعي) = %q, want none", iso)
	}
}

func TestHolder(t *testing.T) {
	k := load(t)
	tests := []struct {
		title, owner, at, want string
	}{
		{"الرئيس", "BY", "2022-01-15", "per:lukashenko"},
		{"رئيس", "KZ", "2022-01-15", "per:tokayev"},
		{"الرئيس", "KZ", "2015-06-01", "per:nazarbayev"},
		{"وزير الخارجية", "EG", "2020-05-01", "per:shoukry"},
		{"الأمين العام", "org:un", "2020-05-01", "per:guterres"},
	}
	for _, tt := range tests {
		e, ok := k.Holder(tt.title, tt.owner, date(tt.at))
		if !ok || e.ID != tt.want {
			got := "none"
			if ok {
				got = e.ID
			}
			t.Errorf("Holder(%s, %s, %s) = %s, want %s", tt.title, tt.owner, tt.at, got, tt.want)
		}
	}
	if e, ok := k.Holder("الرئيس", "KZ", date("1980-01-01")); ok {
		t.Errorf("Holder(الرئيس, KZ, 1980) = %s, want none", e.ID)
	}
}

func TestRoleAt(t *testing.T) {
	k := load(t)
	tests := []struct {
		text, role, title, owner string
	}{
		{"وقال الرئيس البيلاروسي إن", "الرئيس البيلاروسي", "رييس", "BY"},
		{"والتقى رئيس كازاخستان أمس", "رئيس كازاخستان", "رييس", "KZ"},
		{"أكد وزير الخارجية المصري أن", "وزير الخارجية المصري", "وزير خارجيه", "EG"},
		{"دعا الأمين العام للأمم المتحدة إلى", "الأمين العام للأمم المتحدة", "امين عام", "org:un"},
		{"وقال رئيس وزراء روسيا", "رئيس وزراء روسيا", "رييس وزراء", "RU"},
	}
	for _, tt := range tests {
		toks := arabic.Tokenize(tt.text)
		found := false
		for i := range toks {
			r, ok := k.RoleAt(Prepare(toks), i)
			if !ok {
				continue
			}
			found = true
			got := string([]rune(tt.text)[r.Start:r.End])
			if got != tt.role || r.Title != tt.title || r.Owner != tt.owner {
				t.Errorf("RoleAt in %q = %q (%s, %s), want %q (%s, %s)", tt.text, got, r.Title, r.Owner, tt.role, tt.title, tt.owner)
			}
			break
		}
		if !found {
			t.Errorf("no role found in %q", tt.text)
		}
	}
	for _, text := range []string{"قال رئيس بيلاروسي سابق", "وصل الرئيس إلى القاعة"} {
		toks := arabic.Tokenize(text)
		for i := range toks {
			if r, ok := k.RoleAt(Prepare(toks), i); ok {
				t.Errorf("RoleAt in %q found %+v, want none", text, r)
			}
		}
	}
}

func TestMatchAt(t *testing.T) {
	k := load(t)
	tests := []struct{ text, name, id string }{
		{"لكازاخستان", "كازاخستان", "KZ"},
		{"والأردن", "الأردن", "JO"},
		{"في العاصمة نور سلطان اليوم", "نور سلطان", "gn:1526273"},
		{"بحسب وكالة سبوتنيك", "وكالة سبوتنيك", "org:sputnik"},
		{"سافر الوفد للندن أمس", "لندن", "gn:2643743"},
		{"وللقاهرة", "قاهرة", "gn:360630"},
	}
	for _, tt := range tests {
		toks := arabic.Tokenize(tt.text)
		var got []string
		for i := 0; i < len(toks); i++ {
			if m, ok := k.MatchAt(Prepare(toks), i); ok {
				got = append(got, string([]rune(tt.text)[m.Start:m.End])+"="+m.Entries[0].ID)
				i = m.TokEnd - 1
			}
		}
		want := tt.name + "=" + tt.id
		if !contains(got, want) {
			t.Errorf("matches in %q = %v, want %s", tt.text, got, want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct{ in, want string }{
		{"", "no entries"},
		{"X\ta\tb", "unknown record kind"},
		{"C\tKZ\tKazakhstan", "fields"},
		{"P\tper:x\tX\tس\t\tKZ\thead_of_state\tPresident\t2019-13\t\t\tcurated", "start of term"},
	}
	for _, tt := range tests {
		_, err := Parse(tt.in)
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("Parse(%q) error = %v, want one containing %q", tt.in, err, tt.want)
		}
	}
}

func ids(es []*Entry) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.ID
	}
	return out
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func TestTitleAt(t *testing.T) {
	k := load(t)
	tests := []struct{ text, want string }{
		{"وقال الرئيس فلاديمير بوتين", "الرئيس"},
		{"أكد وزير الخارجية سامح شكري", "وزير الخارجية"},
		{"قال رئيس الوزراء أمس", "رئيس الوزراء"},
		{"قال رئيس مجلس الإدارة", ""},
		{"وصل رئيس إلى المطار", ""},
	}
	for _, tt := range tests {
		w := Prepare(arabic.Tokenize(tt.text))
		got := ""
		for i := range w.Len() {
			if r, ok := k.TitleAt(w, i); ok {
				got = string([]rune(tt.text)[r.Start:r.End])
				break
			}
		}
		if got != tt.want {
			t.Errorf("TitleAt in %q = %q, want %q", tt.text, got, tt.want)
		}
	}
}
