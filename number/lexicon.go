package number

import "akhbar/arabic"

// kind is the grammatical role of a number word.
type kind uint8

const (
	kUnit    kind = iota + 1 // 0-9: واحد، ثلاثة، ست
	kTen                     // عشرة / عشر: ten alone, or the second half of 11-19
	kTeen                    // one-word teens (Egyptian): حداشر، ستاشر
	kTens                    // 20-90: عشرون، عشرين
	kHundred                 // 100-900 in one word: مائة، مائتان، ثلاثمائة
	kScale                   // ألف، مليون، مليار (singular)
	kScalePl                 // آلاف، ملايين، مليارات (plural, after 3-10)
	kScaleDu                 // ألفان، مليونين (dual: two of the scale)
	kOrd                     // ordinal units: أول، ثاني، ثالث... حادي
)

// entry is one number word in folded form (arabic.Fold).
type entry struct {
	val  float64
	kind kind
	// compoundOnly marks words that are numbers only inside a compound
	// (أحد عشر، إحدى عشرة), never alone: alone they mean "one of" or Sunday.
	compoundOnly bool
}

// words maps folded number words to their value. Read-only after init.
var words = buildWords()

func buildWords() map[string]entry {
	m := map[string]entry{}
	add := func(k kind, v float64, ws ...string) {
		for _, w := range ws {
			m[arabic.Fold(w)] = entry{val: v, kind: k}
		}
	}
	add(kUnit, 0, "صفر")
	add(kUnit, 1, "واحد", "واحده")
	m["احد"] = entry{val: 1, kind: kUnit, compoundOnly: true}
	m["احدي"] = entry{val: 1, kind: kUnit, compoundOnly: true}
	add(kUnit, 2, "اثنان", "اثنين", "اثنتان", "اثنتين", "اثني", "اثنتي", "اثنا", "اثنتا", "اتنين", "اتنان", "اثنى", "اثنتى")
	add(kUnit, 3, "ثلاثه", "ثلاث", "تلاته", "تلات")
	add(kUnit, 4, "اربعه", "اربع")
	add(kUnit, 5, "خمسه", "خمس")
	add(kUnit, 6, "سته", "ست")
	add(kUnit, 7, "سبعه", "سبع")
	add(kUnit, 8, "ثمانيه", "ثماني", "ثمان", "تمانيه", "تمن", "تمان")
	add(kUnit, 9, "تسعه", "تسع")
	add(kTen, 10, "عشره", "عشر")
	add(kTeen, 11, "حداشر", "احداشر")
	add(kTeen, 12, "اتناشر", "اطناشر")
	add(kTeen, 13, "تلتاشر", "تلاتاشر")
	add(kTeen, 14, "اربعتاشر", "اربعطاشر")
	add(kTeen, 15, "خمستاشر", "خمسطاشر")
	add(kTeen, 16, "ستاشر", "سطاشر")
	add(kTeen, 17, "سبعتاشر", "سبعطاشر")
	add(kTeen, 18, "تمنتاشر", "تمنطاشر")
	add(kTeen, 19, "تسعتاشر", "تسعطاشر")
	add(kTens, 20, "عشرون", "عشرين")
	add(kTens, 30, "ثلاثون", "ثلاثين", "تلاتين")
	add(kTens, 40, "اربعون", "اربعين")
	add(kTens, 50, "خمسون", "خمسين")
	add(kTens, 60, "ستون", "ستين")
	add(kTens, 70, "سبعون", "سبعين")
	add(kTens, 80, "ثمانون", "ثمانين", "تمانين")
	add(kTens, 90, "تسعون", "تسعين")
	hundred := []string{"مائه", "مئه", "ميه", "مايه"}
	add(kHundred, 100, hundred...)
	add(kHundred, 200, "مائتان", "مائتين", "مئتان", "مئتين", "ميتين", "متين", "مايتين")
	for v, stems := range map[float64][]string{
		300: {"ثلاث", "ثلاثه", "تلت", "تلات"}, 400: {"اربع", "اربعه"}, 500: {"خمس", "خمسه"},
		600: {"ست", "سته"}, 700: {"سبع", "سبعه"}, 800: {"ثمان", "ثماني", "ثمن", "تمن", "تمان"}, 900: {"تسع", "تسعه"},
	} {
		for _, s := range stems {
			for _, h := range []string{"مائه", "مئه", "ميه", "مايه"} {
				m[arabic.Fold(s+h)] = entry{val: v, kind: kHundred}
			}
		}
	}
	add(kScale, 1e3, "الف")
	add(kScalePl, 1e3, "الاف", "الوف")
	add(kScaleDu, 2e3, "الفان", "الفين", "الفا", "الفي")
	add(kScale, 1e6, "مليون")
	add(kScalePl, 1e6, "ملايين")
	add(kScaleDu, 2e6, "مليونان", "مليونين", "مليونا", "مليوني")
	add(kScale, 1e9, "مليار", "بليون")
	add(kScalePl, 1e9, "مليارات", "بلايين")
	add(kScaleDu, 2e9, "ملياران", "مليارين", "مليارا", "ملياري")
	add(kScale, 1e12, "تريليون", "ترليون")
	add(kScalePl, 1e12, "تريليونات", "ترليونات")
	add(kOrd, 1, "اول", "اولي")
	add(kOrd, 2, "ثاني", "ثان", "ثانيه", "تاني")
	add(kOrd, 3, "ثالث", "ثالثه", "تالت")
	add(kOrd, 4, "رابع", "رابعه")
	add(kOrd, 5, "خامس", "خامسه")
	add(kOrd, 6, "سادس", "سادسه")
	add(kOrd, 7, "سابع", "سابعه")
	add(kOrd, 8, "ثامن", "ثامنه", "تامن")
	add(kOrd, 9, "تاسع", "تاسعه")
	add(kOrd, 10, "عاشر", "عاشره")
	m["حادي"] = entry{val: 1, kind: kOrd, compoundOnly: true}
	m["حاديه"] = entry{val: 1, kind: kOrd, compoundOnly: true}
	return m
}

// approxWords start an approximate number (folded, one or two words).
var approxWords = foldPhrases([][]string{
	{"حوالي"}, {"نحو"}, {"قرابه"}, {"زهاء"}, {"ما", "يقارب"}, {"ما", "يقرب", "من"},
	{"ما", "يناهز"}, {"يناهز"}, {"يقارب"}, {"بحدود"}, {"في", "حدود"},
})

// boundWords start a bounded number: MORE_THAN or LESS_THAN.
var boundWords = []struct {
	words []string
	bound string
}{
	{[]string{"اكثر", "من"}, MoreThan},
	{[]string{"ما", "يزيد", "علي"}, MoreThan},
	{[]string{"ما", "يزيد", "عن"}, MoreThan},
	{[]string{"ما", "يربو", "علي"}, MoreThan},
	{[]string{"ما", "يفوق"}, MoreThan},
	{[]string{"يزيد", "علي"}, MoreThan},
	{[]string{"يزيد", "عن"}, MoreThan},
	{[]string{"ازيد", "من"}, MoreThan},
	{[]string{"اقل", "من"}, LessThan},
	{[]string{"ما", "يقل", "عن"}, LessThan},
	{[]string{"دون"}, LessThan},
}

// percentWords follow a number to make it a percentage (folded).
var percentWords = foldPhrases([][]string{
	{"بالمائه"}, {"بالمئه"}, {"بالميه"}, {"بالمايه"}, {"في", "المائه"}, {"في", "المئه"}, {"في", "الميه"},
	{"%"}, {"٪"},
})

// currencies maps folded currency words (singular, accusative, plural,
// dual) to the unit reported.
var currencies = map[string]string{
	"دولار": "dollar", "دولارا": "dollar", "دولارات": "dollar", "دولاران": "dollar", "دولارين": "dollar",
	"يورو": "euro", "يوروهات": "euro",
	"ريال": "riyal", "ريالا": "riyal", "ريالات": "riyal", "ريالين": "riyal",
	"جنيه": "pound", "جنيها": "pound", "جنيهات": "pound", "جنيهين": "pound",
	"دينار": "dinar", "دينارا": "dinar", "دنانير": "dinar", "دينارين": "dinar",
	"درهم": "dirham", "درهما": "dirham", "دراهم": "dirham", "درهمين": "dirham",
	"ليره": "lira", "ليرات": "lira", "ليرتين": "lira",
	"$": "dollar", "€": "euro", "£": "pound",
}

// foldPhrases folds every word of the phrases with arabic.Fold.
func foldPhrases(ps [][]string) [][]string {
	for _, p := range ps {
		for i, w := range p {
			p[i] = arabic.Fold(w)
		}
	}
	return ps
}

// modifierFirst holds the first words of the approximation and bound
// phrases.
var modifierFirst = func() map[string]bool {
	m := map[string]bool{}
	for _, p := range approxWords {
		m[p[0]] = true
	}
	for _, b := range boundWords {
		m[arabic.Fold(b.words[0])] = true
	}
	return m
}()
