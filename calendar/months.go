package calendar

import (
	"strings"
	"time"

	"akhbar/arabic"
)

// System is a calendar system.
type System int

// Calendar systems.
const (
	Gregorian System = iota + 1
	Hijri
)

// String returns the system's name.
func (s System) String() string {
	switch s {
	case Gregorian:
		return "gregorian"
	case Hijri:
		return "hijri"
	}
	return "unknown"
}

// monthName is one spelling of a month, as folded words.
type monthName struct {
	words []string
	month int
	sys   System
}

// monthNames lists every spelling we know, folded with arabic.Fold. Longer
// names come first so that كانون الثاني wins over a bare كانون.
var monthNames = buildMonthNames()

func buildMonthNames() map[string][]monthName {
	type entry struct {
		name  string
		month int
		sys   System
	}
	entries := []entry{
		// Syriac / Levantine.
		{"كانون الثاني", 1, Gregorian}, {"شباط", 2, Gregorian}, {"آذار", 3, Gregorian},
		{"نيسان", 4, Gregorian}, {"أيار", 5, Gregorian}, {"حزيران", 6, Gregorian},
		{"تموز", 7, Gregorian}, {"آب", 8, Gregorian}, {"أيلول", 9, Gregorian},
		{"تشرين الأول", 10, Gregorian}, {"تشرين الثاني", 11, Gregorian}, {"كانون الأول", 12, Gregorian},
		{"تشرين أول", 10, Gregorian}, {"تشرين ثاني", 11, Gregorian},
		{"كانون أول", 12, Gregorian}, {"كانون ثاني", 1, Gregorian},
		// Egyptian / Gulf, with spelling variants.
		{"يناير", 1, Gregorian}, {"فبراير", 2, Gregorian}, {"فبرایر", 2, Gregorian},
		{"مارس", 3, Gregorian}, {"أبريل", 4, Gregorian}, {"إبريل", 4, Gregorian}, {"ابريل", 4, Gregorian},
		{"أبريل", 4, Gregorian}, {"مايو", 5, Gregorian}, {"يونيو", 6, Gregorian}, {"يونيه", 6, Gregorian},
		{"يوليو", 7, Gregorian}, {"يوليه", 7, Gregorian}, {"أغسطس", 8, Gregorian}, {"اغسطس", 8, Gregorian},
		{"أغسطوس", 8, Gregorian}, {"سبتمبر", 9, Gregorian}, {"أكتوبر", 10, Gregorian}, {"اكتوبر", 10, Gregorian},
		{"نوفمبر", 11, Gregorian}, {"ديسمبر", 12, Gregorian}, {"دیسمبر", 12, Gregorian},
		// Algerian / Tunisian.
		{"جانفي", 1, Gregorian}, {"فيفري", 2, Gregorian}, {"أفريل", 4, Gregorian}, {"ماي", 5, Gregorian},
		{"جوان", 6, Gregorian}, {"جويلية", 7, Gregorian}, {"جويليه", 7, Gregorian}, {"أوت", 8, Gregorian},
		// Moroccan.
		{"يوليوز", 7, Gregorian}, {"غشت", 8, Gregorian}, {"شتنبر", 9, Gregorian},
		{"نونبر", 11, Gregorian}, {"دجنبر", 12, Gregorian},
		// Hijri.
		{"محرم", 1, Hijri}, {"المحرم", 1, Hijri}, {"صفر", 2, Hijri},
		{"ربيع الأول", 3, Hijri}, {"ربيع أول", 3, Hijri},
		{"ربيع الآخر", 4, Hijri}, {"ربيع الثاني", 4, Hijri}, {"ربيع ثاني", 4, Hijri}, {"ربيع آخر", 4, Hijri},
		{"جمادى الأولى", 5, Hijri}, {"جمادى الأول", 5, Hijri}, {"جمادى أولى", 5, Hijri},
		{"جمادى الآخرة", 6, Hijri}, {"جمادى الثانية", 6, Hijri}, {"جمادى الآخر", 6, Hijri}, {"جمادى الثاني", 6, Hijri},
		{"جمادى ثانية", 6, Hijri}, {"جمادى آخرة", 6, Hijri},
		{"رجب", 7, Hijri}, {"شعبان", 8, Hijri}, {"رمضان", 9, Hijri}, {"شوال", 10, Hijri},
		{"ذو القعدة", 11, Hijri}, {"ذي القعدة", 11, Hijri}, {"ذا القعدة", 11, Hijri},
		{"ذو الحجة", 12, Hijri}, {"ذي الحجة", 12, Hijri}, {"ذا الحجة", 12, Hijri},
	}
	m := make(map[string][]monthName)
	for _, e := range entries {
		words := strings.Fields(arabic.Fold(e.name))
		m[words[0]] = append(m[words[0]], monthName{words: words, month: e.month, sys: e.sys})
	}
	for k, names := range m {
		// Longest first.
		for i := 1; i < len(names); i++ {
			for j := i; j > 0 && len(names[j].words) > len(names[j-1].words); j-- {
				names[j], names[j-1] = names[j-1], names[j]
			}
		}
		m[k] = names
	}
	return m
}

// clitic prefixes a month name may carry: و, ب, ل, ف and their pairs.
var monthPrefixes = []string{"وب", "ول", "وف", "فب", "و", "ب", "ل", "ف"}

// MatchMonth matches a month name at the start of words, as the tokens of a
// text give them (punctuation as separate words) or as whitespace-separated
// words. Words are folded with arabic.Fold here, so callers may pass them as
// written; a leading و, ب or ل on the first word is accepted (وآذار,
// بشباط).
//
// It returns the month number 1-12, its calendar system and how many words
// it used: كانون الثاني = 2, ربيع الأول = 2, ذو الحجة = 2, أغسطس = 1. A paired
// form naming the same month twice is taken whole: آب / أغسطس = 3 words
// (the slash is a word), أغسطس ( آب ) = 4, "آب/أغسطس" = 1, "أغسطس (آب)" = 2.
//
// Many month names are also ordinary words (صفر zero, محرم forbidden, رجب
// and رمضان are given names, مارس practised): whether a match is a date
// is for the caller to decide from context, such as a number before it.
func MatchMonth(words []string) (month int, sys System, n int, ok bool) {
	if len(words) == 0 {
		return 0, 0, 0, false
	}
	first := words[0]
	// A paired form written as one word: آب/أغسطس, أغسطس(آب).
	if i := strings.IndexAny(first, "/("); i > 0 {
		m, s, k, ok := matchOne([]string{first[:i]})
		if !ok || k != 1 {
			return 0, 0, 0, false
		}
		rest := strings.Trim(first[i:], "/() ")
		if m2, s2, k2, ok2 := matchOne([]string{rest}); ok2 && k2 == 1 && m2 == m && rest != "" {
			_ = s2
			return m, s, 1, true
		}
		return 0, 0, 0, false
	}
	m, s, k, ok := matchOne(words)
	if !ok {
		return 0, 0, 0, false
	}
	return m, s, k + pairedTail(words[k:], m), true
}

// pairedTail returns how many words after a month name repeat the same
// month in another tradition: "/ أغسطس", "( آب )", "(آب)", "/أغسطس".
func pairedTail(rest []string, month int) int {
	if len(rest) == 0 {
		return 0
	}
	switch w := rest[0]; {
	case w == "/" || w == "-" && len(rest) > 1:
		if m, _, k, ok := matchOne(rest[1:]); ok && m == month {
			return 1 + k
		}
	case w == "(":
		if m, _, k, ok := matchOne(rest[1:]); ok && m == month && len(rest) > 1+k && rest[1+k] == ")" {
			return 2 + k
		}
	case strings.HasPrefix(w, "/"):
		if m, _, k, ok := matchOne([]string{strings.TrimPrefix(w, "/")}); ok && k == 1 && m == month {
			return 1
		}
	case strings.HasPrefix(w, "(") && strings.HasSuffix(w, ")"):
		if m, _, k, ok := matchOne([]string{strings.Trim(w, "()")}); ok && k == 1 && m == month {
			return 1
		}
	}
	return 0
}

// matchOne matches one month name (one or two words) at the start of words.
func matchOne(words []string) (month int, sys System, n int, ok bool) {
	if len(words) == 0 {
		return 0, 0, 0, false
	}
	raw := words[0]
	first := arabic.Fold(raw)
	if first == "" {
		return 0, 0, 0, false
	}
	if m, s, k, ok := lookup(raw, first, words); ok {
		return m, s, k, true
	}
	for _, p := range monthPrefixes {
		if rest, found := strings.CutPrefix(first, p); found && len([]rune(rest)) >= 3 {
			rawRest := strings.TrimPrefix(raw, p)
			if m, s, k, ok := lookup(rawRest, rest, words); ok {
				return m, s, k, true
			}
		}
	}
	return 0, 0, 0, false
}

func lookup(raw, first string, words []string) (month int, sys System, n int, ok bool) {
	names := monthNames[first]
	if len(names) == 0 {
		return 0, 0, 0, false
	}
	// أب (father) folds like آب (August); only the madda or bare alef spelling is the month.
	if first == "اب" && strings.ContainsAny(raw, "أإ") {
		return 0, 0, 0, false
	}
next:
	for _, nm := range names {
		if len(nm.words) > len(words) {
			continue
		}
		for i := 1; i < len(nm.words); i++ {
			if arabic.Fold(words[i]) != nm.words[i] {
				continue next
			}
		}
		return nm.month, nm.sys, len(nm.words), true
	}
	return 0, 0, 0, false
}

// weekdays maps folded weekday names, with and without ال, to weekdays.
var weekdays = map[string]time.Weekday{
	"السبت": time.Saturday, "سبت": time.Saturday,
	"الاحد": time.Sunday, "احد": time.Sunday,
	"الاثنين": time.Monday, "اثنين": time.Monday, "الاتنين": time.Monday,
	"الثلاثاء": time.Tuesday, "ثلاثاء": time.Tuesday, "الثلاثا": time.Tuesday,
	"الاربعاء": time.Wednesday, "اربعاء": time.Wednesday, "الاربعا": time.Wednesday,
	"الخميس": time.Thursday, "خميس": time.Thursday,
	"الجمعه": time.Friday, "جمعه": time.Friday,
}

// Weekday returns the weekday a word names: السبت, الأحد, الإثنين... with
// or without ال, in any spelling arabic.Fold unifies, with or without a
// leading و or ب (والخميس).
func Weekday(word string) (time.Weekday, bool) {
	w := arabic.Fold(strings.TrimSpace(word))
	if d, ok := weekdays[w]; ok {
		return d, true
	}
	for _, p := range []string{"و", "ب"} {
		if rest, ok := strings.CutPrefix(w, p); ok && strings.HasPrefix(rest, "ال") {
			if d, ok := weekdays[rest]; ok {
				return d, true
			}
		}
	}
	return 0, false
}

// gregorianNames are the Levantine and Egyptian names, for messages.
var gregorianNames = [13]string{"", "January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

var hijriNames = [13]string{"", "Muharram", "Safar", "Rabi al-Awwal", "Rabi al-Thani", "Jumada al-Ula",
	"Jumada al-Akhira", "Rajab", "Shaban", "Ramadan", "Shawwal", "Dhu al-Qada", "Dhu al-Hijja"}

var arabicGregorian = [13]string{"", "يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو",
	"أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر"}

var arabicHijri = [13]string{"", "محرم", "صفر", "ربيع الأول", "ربيع الآخر", "جمادى الأولى", "جمادى الآخرة",
	"رجب", "شعبان", "رمضان", "شوال", "ذو القعدة", "ذو الحجة"}

// MonthName returns the month's English name (January, Ramadan) in the given
// system, or "" when month is not 1-12.
func MonthName(sys System, month int) string {
	if month < 1 || month > 12 {
		return ""
	}
	if sys == Hijri {
		return hijriNames[month]
	}
	return gregorianNames[month]
}

// ArabicMonthName returns the month's usual Arabic name (Egyptian/Gulf names
// for Gregorian months), or "" when month is not 1-12.
func ArabicMonthName(sys System, month int) string {
	if month < 1 || month > 12 {
		return ""
	}
	if sys == Hijri {
		return arabicHijri[month]
	}
	return arabicGregorian[month]
}
