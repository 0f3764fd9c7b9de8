package article

import (
	"strings"
	"unicode"

	"akhbar/arabic"
)

// agencies is the table of wire agencies and outlets Arabic news credits,
// each with its stable id and the names it goes by.
var agencies = []struct {
	id    string
	names []string
}{
	{"sputnik", []string{"سبوتنيك", "سبوتنك", "سبوتنيك عربي", "Sputnik"}},
	{"reuters", []string{"رويترز", "رويتر", "Reuters"}},
	{"afp", []string{"أ ف ب", "أ.ف.ب", "فرانس برس", "فرانس بريس", "الوكالة الفرنسية", "وكالة الصحافة الفرنسية", "AFP"}},
	{"ap", []string{"أ ب", "أ.ب", "أسوشيتد برس", "أسوشييتد برس", "أسوشيتدبرس", "اسوشيتد برس", "AP", "Associated Press"}},
	{"spa", []string{"واس", "وكالة الأنباء السعودية", "SPA"}},
	{"sana", []string{"سانا", "الوكالة العربية السورية للأنباء", "وكالة الأنباء السورية", "SANA"}},
	{"wam", []string{"وام", "وكالة أنباء الإمارات", "وكالة الأنباء الإماراتية", "WAM"}},
	{"qna", []string{"قنا", "وكالة الأنباء القطرية", "QNA"}},
	{"kuna", []string{"كونا", "وكالة الأنباء الكويتية", "KUNA"}},
	{"mena", []string{"أ ش أ", "أ.ش.أ", "وكالة أنباء الشرق الأوسط", "MENA"}},
	{"anadolu", []string{"الأناضول", "وكالة الأناضول", "الاناضول", "Anadolu"}},
	{"xinhua", []string{"شينخوا", "شينغوا", "شنخوا", "Xinhua"}},
	{"tass", []string{"تاس", "إيتار تاس", "TASS"}},
	{"ria", []string{"ريا نوفوستي", "نوفوستي", "RIA Novosti"}},
	{"dpa", []string{"د ب أ", "د.ب.أ", "الوكالة الألمانية", "dpa"}},
	{"efe", []string{"إفي", "EFE"}},
	{"petra", []string{"بترا", "وكالة الأنباء الأردنية", "Petra"}},
	{"map", []string{"ومع", "و م ع", "وكالة المغرب العربي للأنباء", "MAP"}},
	{"aps", []string{"واج", "وكالة الأنباء الجزائرية", "APS"}},
	{"tap", []string{"وات", "وكالة تونس أفريقيا للأنباء", "TAP"}},
	{"ina", []string{"واع", "وكالة الأنباء العراقية", "INA"}},
	{"bna", []string{"بنا", "وكالة أنباء البحرين", "وكالة البحرين للأنباء", "BNA"}},
	{"ona", []string{"العمانية", "وكالة الأنباء العمانية", "ONA"}},
	{"wafa", []string{"وفا", "وكالة الأنباء الفلسطينية", "WAFA"}},
	{"nna", []string{"الوكالة الوطنية للإعلام", "الوكالة الوطنية", "NNA"}},
	{"irna", []string{"إرنا", "ارنا", "IRNA"}},
	{"bbc", []string{"بي بي سي", "بي بي سي عربي", "BBC", "BBC Arabic"}},
	{"cnn", []string{"سي إن إن", "سي ان ان", "سي.إن.إن", "CNN", "CNN Arabic"}},
	{"aljazeera", []string{"الجزيرة", "الجزيرة نت", "Al Jazeera"}},
	{"alarabiya", []string{"العربية", "العربية نت", "العربية.نت", "Al Arabiya"}},
	{"skynews", []string{"سكاي نيوز", "سكاي نيوز عربية", "Sky News", "Sky News Arabia"}},
	{"france24", []string{"فرانس 24", "فرانس24", "France 24"}},
	{"rt", []string{"روسيا اليوم", "آر تي", "RT"}},
	{"dw", []string{"دويتشه فيله", "دويتشه فيله", "DW"}},
	{"agencies", []string{"وكالات", "الوكالات", "وكالات الأنباء", "مواقع إخبارية"}},
}

// sourceKeys maps the compact folded form of every known name to its id.
var sourceKeys = func() map[string]string {
	m := map[string]string{}
	for _, a := range agencies {
		for _, n := range a.names {
			m[sourceKey(n)] = a.id
		}
	}
	return m
}()

// outletWords are words that may stand before an outlet's name and are not
// part of it: موقع سبوتنيك, وكالة رويترز.
var outletWords = []string{"وكاله انباء", "وكاله", "موقع", "صحيفه", "قناه", "شبكه", "اذاعه", "تلفزيون", "جريده", "مجله", "الموقع الالكتروني ل", "موقع قناه"}

// sourceKey folds a name for lookup: arabic.Fold, lower case, and no
// spaces, dots or brackets (أ.ف.ب = أ ف ب = افب).
func sourceKey(s string) string {
	s = arabic.Fold(strings.ToLower(s))
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || unicode.IsPunct(r) || r == 'ـ' {
			return -1
		}
		return r
	}, s)
}

// LookupSource returns the credited source a name designates: a known agency
// or outlet with its stable id (رويترز -> reuters, وكالة الأنباء السعودية
// (واس) -> spa), else ok is false.
func LookupSource(name string) (Source, bool) {
	name = strings.TrimSpace(name)
	if id, ok := lookupKey(name); ok {
		return Source{Name: name, ID: id}, true
	}
	// وكالة الأنباء السعودية (واس): either part.
	if i := strings.IndexAny(name, "(["); i > 0 {
		if j := strings.IndexAny(name[i:], ")]"); j > 0 {
			if id, ok := lookupKey(name[i+1 : i+j]); ok {
				return Source{Name: name, ID: id}, true
			}
		}
		if id, ok := lookupKey(name[:i]); ok {
			return Source{Name: name, ID: id}, true
		}
	}
	return Source{}, false
}

func lookupKey(name string) (string, bool) {
	if id, ok := sourceKeys[sourceKey(name)]; ok {
		return id, true
	}
	folded := arabic.Fold(strings.TrimSpace(name))
	for _, w := range outletWords {
		if rest, ok := strings.CutPrefix(folded, w+" "); ok {
			if id, ok := sourceKeys[sourceKey(rest)]; ok {
				return id, true
			}
		}
	}
	return "", false
}

// SourceFor returns the Source for a credited name: its table id when known,
// else a slug of the name (lower case, folded, words joined by '-').
func SourceFor(name string) Source {
	name = strings.Trim(strings.TrimSpace(name), ".،,:;-–— ")
	if name == "" {
		return Source{}
	}
	if s, ok := LookupSource(name); ok {
		return s
	}
	return Source{Name: name, ID: slug(name)}
}

func slug(name string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(arabic.Fold(strings.ToLower(name)), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if b.Len() > 0 {
			b.WriteByte('-')
		}
		b.WriteString(w)
	}
	return b.String()
}
