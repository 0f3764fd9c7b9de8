package timex

import (
	"strings"

	"akhbar/arabic"
)

// set returns a read-only set of folded words.
func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[arabic.Fold(w)] = true
	}
	return m
}

// phrases maps folded word sequences (space-separated when written) to a
// value; lookups try the longest first.
type phrases[V any] struct {
	list    []phrase[V]
	byFirst map[string][]int // indexes into list by first word, longest first
}

type phrase[V any] struct {
	words []string
	val   V
}

func newPhrases[V any](m map[string]V) phrases[V] {
	var p phrases[V]
	for k, v := range m {
		p.list = append(p.list, phrase[V]{strings.Fields(arabic.Fold(k)), v})
	}
	// Longest first, then by text for a stable order.
	for i := 1; i < len(p.list); i++ {
		for j := i; j > 0 && less(p.list[j].words, p.list[j-1].words); j-- {
			p.list[j], p.list[j-1] = p.list[j-1], p.list[j]
		}
	}
	p.byFirst = make(map[string][]int)
	for i, c := range p.list {
		p.byFirst[c.words[0]] = append(p.byFirst[c.words[0]], i)
		triggers[c.words[0]] = true
		if len(c.words) > 1 {
			if phraseSecond[c.words[0]] == nil {
				phraseSecond[c.words[0]] = map[string]bool{}
			}
			phraseSecond[c.words[0]][c.words[1]] = true
		}
	}
	return p
}

// triggers are the folded words an expression can start with; Find tries
// its matchers only at those (and at digits, number words, month and
// weekday names).
var triggers = map[string]bool{}

// phraseSecond holds, by first word, the second words of the phrases.
var phraseSecond = map[string]map[string]bool{}

// linkWords are frequent words that start an expression only with what
// follows them (من 13 إلى 15، في غضون، قبل أسبوع، ما يقارب).
var linkWords = set("من", "في", "بين", "منذ", "قبل", "بعد", "خلال", "حتى", "عند", "لغاية", "ما", "على")

func less(a, b []string) bool {
	if len(a) != len(b) {
		return len(a) > len(b)
	}
	return strings.Join(a, " ") < strings.Join(b, " ")
}

// Relative days: offset from the reference day.
var relDays = newPhrases(map[string]int{
	"اليوم": 0, "هذا اليوم": 0, "في هذا اليوم": 0, "نهار اليوم": 0,
	"أمس": -1, "الأمس": -1, "البارحة": -1, "امبارح": -1, "يوم أمس": -1, "اليوم الماضي": -1, "اليوم السابق": -1, "اليوم المنصرم": -1,
	"أول أمس": -2, "أول من أمس": -2, "قبل أمس": -2, "يوم قبل أمس": -2, "اليوم القبل البارحة": -2, "اليوم الي قبل امبارح": -2,
	"اليوم الذي قبل أمس": -2, "قبل البارحة": -2,
	"غدا": 1, "غداً": 1, "الغد": 1, "يوم غد": 1, "بكرة": 1, "بكرا": 1,
	"بعد غد": 2, "يوم بعد غد": 2, "اليوم الذي بعد الغد": 2, "اليوم الي بعد بكرة": 2, "بعد الغد": 2, "بعد بكرة": 2,
})

// now words: the reference moment.
var nowWords = newPhrases(map[string]bool{
	"الآن": true, "حالا": true, "حاليا": true, "حالياً": true, "في هذه اللحظة": true, "هذه اللحظة": true, "في الوقت الحالي": true,
})

// Qualifiers after a unit or a name: -1 past, 0 this, +1 next.
var qualifiers = map[string]int{}

func init() {
	for w, v := range map[string]int{
		"الماضي": -1, "الماض": -1, "السابق": -1, "المنصرم": -1, "الفائت": -1, "المنقضي": -1,
		"الماضية": -1, "السابقة": -1, "المنصرمة": -1, "الفائتة": -1,
		"الحالي": 0, "الجاري": 0, "الحالية": 0, "الجارية": 0,
		"المقبل": 1, "القادم": 1, "التالي": 1, "الجاي": 1, "المقبلة": 1, "القادمة": 1, "التالية": 1,
	} {
		qualifiers[arabic.Fold(w)] = v
	}
}

// demonstratives before a unit: هذا الأسبوع، هذه السنة.
var demonstratives = set("هذا", "هذه")

// calendar units, singular definite, for relative units.
var unitWords = map[string]grain{}

func init() {
	for w, g := range map[string]grain{
		"الأسبوع": gWeek, "الاسبوع": gWeek, "الشهر": gMonth, "السنة": gYear, "العام": gYear,
	} {
		unitWords[arabic.Fold(w)] = g
	}
}

// durationUnit is a unit of a duration and how many of it a word names.
type durationUnit struct {
	unit  string // Y M W D H MIN S (MIN: minutes)
	count float64
	// bare marks a singular that means "one unit" alone; plural-only forms
	// need a number.
	bare bool
	// plural marks the plural form (أيام), which follows 3-10.
	plural bool
}

var durationUnits = map[string]durationUnit{}

func init() {
	add := func(unit string, count float64, bare, plural bool, ws ...string) {
		for _, w := range ws {
			durationUnits[arabic.Fold(w)] = durationUnit{unit, count, bare, plural}
		}
	}
	add("S", 1, true, false, "ثانية", "لحظة")
	add("S", 1, false, true, "ثوان", "ثواني")
	add("S", 2, true, false, "ثانيتين", "ثانيتان")
	add("MIN", 1, true, false, "دقيقة")
	add("MIN", 1, false, true, "دقائق")
	add("MIN", 2, true, false, "دقيقتين", "دقيقتان")
	add("H", 1, true, false, "ساعة")
	add("H", 1, false, true, "ساعات")
	add("H", 2, true, false, "ساعتين", "ساعتان")
	add("D", 1, false, false, "يوم", "يوما")
	add("D", 1, false, true, "أيام")
	add("D", 2, true, false, "يومين", "يومان")
	add("W", 1, true, false, "أسبوع", "اسبوع")
	add("W", 1, false, false, "أسبوعا")
	add("W", 1, false, true, "أسابيع")
	add("W", 2, true, false, "أسبوعين", "أسبوعان")
	add("M", 1, true, false, "شهر")
	add("M", 1, false, false, "شهرا")
	add("M", 1, false, true, "أشهر", "شهور")
	add("M", 2, true, false, "شهرين", "شهران")
	add("Y", 1, true, false, "سنة")
	add("Y", 1, false, false, "عام", "عاما")
	add("Y", 1, false, true, "سنوات", "سنين", "أعوام")
	add("Y", 2, true, false, "سنتين", "سنتان", "عامين", "عامان")
	add("DE", 1, false, false, "عقد")
	add("DE", 1, false, true, "عقود")
	add("DE", 2, true, false, "عقدين", "عقدان")
	add("CE", 1, false, false, "قرن")
	add("CE", 1, false, true, "قرون")
	add("CE", 2, true, false, "قرنين", "قرنان")
}

// Words before a duration.
var (
	withinWords  = newPhrases(map[string]bool{"في غضون": true, "خلال": true, "غضون": true, "في خلال": true, "في أقل من": true})
	agoWords     = newPhrases(map[string]int{"قبل": -1, "منذ": -1, "من": -1, "بعد": 1})
	durationMods = newPhrases(map[string]string{
		"نحو": Approx, "حوالي": Approx, "حوالى": Approx, "قرابة": Approx, "زهاء": Approx, "ما يقارب": Approx, "ما يقرب من": Approx,
		"بحدود": Approx, "في حدود": Approx, "ما يناهز": Approx,
		"أكثر من": MoreThan, "ما يزيد على": MoreThan, "ما يزيد عن": MoreThan, "أزيد من": MoreThan, "ما لا يقل عن": MoreThan,
		"أقل من": LessThan, "ما يقل عن": LessThan,
	})
	durationLead = set("لمدة", "مدة", "طوال", "طيلة", "على مدى", "مدى", "على مدار")
)

// Part-of-day words: TIMEX3 code and whether an hour after it is PM.
type partOfDay struct {
	code string // MO, MI, AF, EV, NI
	pm   int    // +1 afternoon/evening, -1 morning, 0 either
}

var partsOfDay = newPhrases(map[string]partOfDay{
	"صباحا": {"MO", -1}, "صباحاً": {"MO", -1}, "الصبح": {"MO", -1}, "صباح": {"MO", -1}, "الصباح": {"MO", -1}, "هذا الصباح": {"MO", -1},
	"فجرا": {"MO", -1}, "الفجر": {"MO", -1}, "فجر": {"MO", -1}, "قبل الظهر": {"MO", -1}, "ضحى": {"MO", -1},
	"ظهرا": {"MI", 0}, "الظهر": {"MI", 0}, "ظهر": {"MI", 0},
	"عصرا": {"AF", 1}, "العصر": {"AF", 1}, "عصر": {"AF", 1}, "بعد الظهر": {"AF", 1}, "بعد العصر": {"AF", 1}, "بعد الظهيرة": {"AF", 1},
	"مساء": {"EV", 1}, "مساءا": {"EV", 1}, "مساءً": {"EV", 1}, "المساء": {"EV", 1}, "قبل المغرب": {"AF", 1}, "بعد المغرب": {"EV", 1},
	"المغرب": {"EV", 1}, "العشاء": {"EV", 1}, "بعد العشاء": {"EV", 1},
	"ليلا": {"NI", 1}, "ليلاً": {"NI", 1}, "الليل": {"NI", 1}, "ليلة": {"NI", 1}, "الليلة": {"NI", 1}, "هذه الليلة": {"NI", 1},
	"منتصف الليل": {"NI", 0}, "بعد منتصف الليل": {"NI", -1},
})

// Modifiers before a month, a year or a relative unit.
var periodMods = newPhrases(map[string]string{
	"أوائل": Start, "مطلع": Start, "بداية": Start, "بدايات": Start, "مستهل": Start, "اوائل": Start,
	"منتصف": Mid, "أواسط": Mid, "نص": Mid, "نصف": Mid, "وسط": Mid,
	"أواخر": End, "نهاية": End, "نهايات": End, "آخر": End, "أواخر شهر": End, "ختام": End,
})

// Set words.
var setWords = newPhrases(map[string]string{
	"يوميا": "P1D", "يومياً": "P1D", "أسبوعيا": "P1W", "أسبوعياً": "P1W", "شهريا": "P1M", "شهرياً": "P1M",
	"سنويا": "P1Y", "سنوياً": "P1Y", "كل يوم": "P1D", "كل أسبوع": "P1W", "كل شهر": "P1M", "كل عام": "P1Y",
	"كل سنة": "P1Y", "كل ساعة": "PT1H", "كل يوم تقريبا": "P1D", "كل ليلة": "P1D", "ساعيا": "PT1H",
})

// Year keywords before a year number.
var yearWords = set("عام", "سنة", "العام", "السنة", "لعام", "لسنة", "بعام", "بسنة", "وعام", "وسنة", "عامي", "للعام", "للسنة")

// This init comes last in the file: it reads the tables the ones above fill.
func init() {
	for _, w := range []string{
		"شهر", "الشهر", "هذا", "هذه", "الاسبوع", "العام", "السنه", "عام", "سنه", "يوم", "اليوم", "الساعه",
		"عند", "من", "بين", "في", "منذ", "قبل", "بعد", "خلال", "حتي", "لغايه", "كل", "اول", "اخر", "بتاريخ", "تاريخ",
	} {
		triggers[arabic.Fold(w)] = true
	}
	for w := range unitWords {
		triggers[w] = true
	}
	for w := range pluralUnits {
		triggers[w] = true
	}
	for w := range durationUnits {
		triggers[w] = true
	}
	for w := range yearWords {
		triggers[w] = true
	}
}
