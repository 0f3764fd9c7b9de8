package arabic

import (
	"strings"
	"unicode/utf8"
)

// NameKey returns a matching key for a proper name, so that the spellings
// Arabic writers use for one transliterated name share a key: لوكاشينكو,
// لوكاتشينكو and لوكاشنكو; بوتين and بوتن; نتنياهو and نتانياهو; ترامب and
// ترمب. Each word of name is keyed on its own and the keys are joined by one
// space; عبد and أبو are joined to the word after them (عبد الله = عبدالله).
//
// The rules, applied to the folded word (Fold: no tashkeel or tatweel,
// أ إ آ -> ا, ى -> ي, ة -> ه, ؤ -> و, ئ -> ي):
//
//   - the lone hamza ء is dropped;
//   - تش (ch) and دج (dj) become ش and ج; ج غ ق گ (g, j, gh, q) become ج ك:
//     غ -> ج and ق -> ك;
//   - the emphatic and interdental letters fold to their plain kin, and z
//     to s: ط -> ت, ص -> س, ض -> د, ث -> ت (th), ظ ذ ز -> س (كورتيز =
//     كورتيس); ع is read as a vowel, like ا (عكاري = أكاري);
//   - a leading ال is dropped (الجعبري = جعبري); a final يه becomes ي
//     (أندريه = أندري) and a final ه (ة) becomes ا (لالة = لالا);
//   - a medial و or ي (a long vowel u/i, or a glide next to one) is dropped;
//     the first and the last letter are kept;
//   - a medial ا is dropped unless one letter follows it (so the stressed
//     last vowel of بوتان stays and بوتان differs from بوتين);
//   - a doubled letter is written once (before the vowels go, so the two
//     م of مامين stay apart and مامين differs from مون).
//
// A key is lossy by design: حسن and حسين, or سالم and سليم, share a key. Use
// SameName for the finer decision between two names.
func NameKey(name string) string {
	words := nameWords(name)
	keys := make([]string, 0, len(words))
	for _, w := range words {
		if k := wordKey(w.folded, w.article); k != "" {
			keys = append(keys, k)
		}
	}
	return strings.Join(keys, " ")
}

// wordKey keys one folded word; article says the word was written with a
// bare ال (not أل, as in ألكسي).
func wordKey(w string, article bool) string {
	rs := make([]rune, 0, utf8.RuneCountInString(w))
	for _, r := range w {
		if r == 'ء' || !isArabicLetter(r) && !(r >= 'a' && r <= 'z') && !(r >= 'A' && r <= 'Z') && !(r >= '0' && r <= '9') {
			continue
		}
		rs = append(rs, r)
	}
	// Digraphs first, on the letters as written.
	out := rs[:0:0]
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if i+1 < len(rs) {
			switch {
			case r == 'ت' && rs[i+1] == 'ش':
				out = append(out, 'ش')
				i++
				continue
			case r == 'د' && rs[i+1] == 'ج':
				out = append(out, 'ج')
				i++
				continue
			}
		}
		c := consonantClass(r)
		if len(out) > 0 && out[len(out)-1] == c {
			continue // a doubled letter is written once
		}
		out = append(out, c)
	}
	rs = out
	// The article is not part of a name's key (الجعبري = جعبري), a final يه
	// is é (أندريه = أندري), and a final ه is a final a (لالة = لالا).
	if article && len(rs) > 4 && rs[0] == 'ا' && rs[1] == 'ل' {
		rs = rs[2:]
	}
	if n := len(rs); n > 3 && rs[n-1] == 'ه' && rs[n-2] == 'ي' {
		rs = rs[:n-1]
	} else if n > 2 && rs[n-1] == 'ه' {
		rs[n-1] = 'ا'
	}
	n := len(rs)
	key := make([]rune, 0, n)
	for i, r := range rs {
		medial := i > 0 && i < n-1
		if medial && (r == 'و' || r == 'ي') {
			continue
		}
		if medial && r == 'ا' && i < n-2 {
			continue
		}
		key = append(key, r)
	}
	return string(key)
}

// consonantClass maps letters that transliterations use interchangeably to
// one representative.
func consonantClass(r rune) rune {
	switch r {
	case 'غ':
		return 'ج'
	case 'ق':
		return 'ك'
	case 'ط':
		return 'ت'
	case 'ص':
		return 'س'
	case 'ض':
		return 'د'
	case 'ظ', 'ذ', 'ز':
		return 'س'
	case 'ع':
		return 'ا'
	case 'ث':
		return 'ت'
	}
	if r >= 'A' && r <= 'Z' {
		return r + ('a' - 'A')
	}
	return r
}

// SameName reports whether a and b are spellings of one name. Their keys
// (NameKey) must agree word for word. When a word of either name is a common
// Arabic given name (حسن، حسين، سالم، سليم، محمد، محمود...), the long vowels
// of that word are meaningful, so its folded forms must agree too, with
// hamza, alef and ta marbuta variants still allowed (أحمد = احمد). Words of
// transliterated names keep the looser key match (بوتين = بوتن).
//
// Words in Latin script (CNN) must agree up to case. The folded words
// must also be close: at most one edit in three letters
// (at least one allowed), so a short key shared by chance (يونغ and
// يوييانغ) does not make two names one.
//
// Trade-off: a foreign name that happens to be written like an Arabic given
// name is held to the strict rule, and two Arabic names outside the list that
// differ only by a long vowel are still treated as one.
func SameName(a, b string) bool {
	wa, wb := nameWords(a), nameWords(b)
	if len(wa) == 0 || len(wa) != len(wb) {
		return false
	}
	for i := range wa {
		x, y := wa[i], wb[i]
		if x.folded == y.folded {
			continue
		}
		if wordKey(x.folded, x.article) != wordKey(y.folded, y.article) {
			return false
		}
		if !hasArabic(x.folded) || !hasArabic(y.folded) {
			// Latin words (acronyms: CNN, CNS) match only as written,
			// up to case.
			if !strings.EqualFold(x.folded, y.folded) {
				return false
			}
			continue
		}
		bx, by := x.bare(), y.bare()
		if bx == by {
			continue
		}
		if givenNames[x.folded] || givenNames[y.folded] {
			return false
		}
		if d := EditDistance(bx, by); d > max(2, min(len([]rune(bx)), len([]rune(by)))/2) {
			return false
		}
	}
	return true
}

// nameWord is one word of a name: folded without the lone hamza, and
// whether it was written with a bare ال.
type nameWord struct {
	folded  string
	article bool
}

// bare returns the word without a bare leading ال, with a final يه read as
// ي and a final ه (ة) as ا, as NameKey reads them: the form given names and edit distances are compared in
// (نورة = نورا).
func (w nameWord) bare() string {
	f := w.folded
	if w.article && len(f) > len("ال")+2*len("ا") {
		f = strings.TrimPrefix(f, "ال")
	}
	switch {
	case strings.HasSuffix(f, "يه") && len(f) > 3*len("ا"):
		f = strings.TrimSuffix(f, "ه")
	case strings.HasSuffix(f, "ه") && len(f) > 2*len("ا"):
		f = strings.TrimSuffix(f, "ه") + "ا"
	}
	return f
}

// nameWords splits name into words, joining عبد and أبو to the word after
// them (عبد الله = عبدالله).
func nameWords(name string) []nameWord {
	raw := strings.Fields(name)
	out := make([]nameWord, 0, len(raw))
	glue := false
	for _, r := range raw {
		w := strings.ReplaceAll(Fold(r), "ء", "")
		if w == "" {
			continue
		}
		if glue && len(out) > 0 {
			out[len(out)-1].folded += w
		} else {
			out = append(out, nameWord{w, strings.HasPrefix(r, "ال")})
		}
		glue = w == "عبد" || w == "ابو" || w == "ابي"
	}
	return out
}

// givenNames are common Arabic given names, folded, whose long vowels tell
// names apart (حسن / حسين، سالم / سليم، محمد / محمود). A table of facts.
var givenNames = nameSet(
	"محمد", "محمود", "احمد", "حامد", "حمد", "حميد", "حمدي", "حمدان", "علي", "عالي", "عليا", "حسن", "حسين", "حسان", "حسنين",
	"سعد", "سعيد", "سعاد", "سعديه", "سالم", "سليم", "سلمي", "سلمان", "سليمان", "سلام", "سلامه", "جمال", "جميل", "جميله",
	"كمال", "كامل", "كميل", "نبيل", "نبيله", "نبال", "صالح", "صلاح", "صليح", "كريم", "كرم", "كريمه", "رشيد", "راشد", "رشد",
	"رشدي", "مجد", "ماجد", "مجيد", "مجدي", "فهد", "فهيد", "فاهد", "خالد", "خليد", "خلود", "وليد", "ولاد", "سمير", "سامر",
	"سمر", "سميره", "سامي", "سامح", "سميح", "امين", "امينه", "امن", "امنه", "ايمن", "ايمان", "يمان", "عمر", "عامر", "عمار",
	"عمرو", "عماد", "عمادي", "زياد", "زيد", "زايد", "يزيد", "فريد", "فريده", "فراس", "فارس", "نور", "نوره", "منير", "منيره",
	"منار", "نادر", "ناديه", "نديم", "نديمه", "هاني", "هناء", "هنا", "هند", "رياض", "رضا", "رضوان", "مروان", "مريم", "مرام",
	"حكيم", "حاكم", "حكم", "عادل", "عدلي", "عديل", "نائل", "نايل", "نائله", "نبيه", "منصور", "ناصر", "نصر", "نصير", "نصري",
	"طارق", "طريق", "عاطف", "عطيه", "لطفي", "لطيف", "لطيفه", "شريف", "شريفه", "شرف", "اشرف", "رفيق", "رفيقه", "رافع", "رفعت",
	"جابر", "جبير", "جبر", "جبران", "بشير", "بشار", "بشري", "بشر", "حبيب", "حبيبه", "مصطفي", "مختار", "مراد", "مريد", "رائد",
	"رائده", "رايد", "عبير", "عبيد", "عابد", "عبده", "هادي", "هدي", "هديل", "مهدي", "قاسم", "قسيم", "قسام", "هشام", "هاشم",
	"هيثم", "معاذ", "معاويه", "يوسف", "يونس", "ياسر", "ياسين", "ياسمين", "يسري", "يسرا", "زينب", "زين", "زينه", "فاطمه",
	"فاطم", "فطيم", "عائشه", "عايشه", "خديجه", "ليلي", "ليلا", "رانيا", "رنا", "رنيم", "دينا", "دانا", "ديما", "لينا", "لين",
	"لمي", "لمياء", "شيماء", "اسماء", "سماح", "سماء", "نجيب", "نجيبه", "نجاح", "نجوي", "نجلاء", "غسان", "غاده", "توفيق", "وفيق",
	"عصام", "عاصم", "عصمت", "حمزه", "حازم", "حزم", "انس", "انيس", "انيسه", "اياد", "عياد", "عيد", "سعود", "مسعود", "مساعد",
)

// nameSet builds a set of names in the form nameWords gives them.
func nameSet(names ...string) map[string]bool {
	m := make(map[string]bool, len(names))
	for _, n := range names {
		m[strings.ReplaceAll(Fold(n), "ء", "")] = true
	}
	return m
}

// EditDistance is the Levenshtein distance between a and b in code points.
func EditDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			c := prev[j-1]
			if ra[i-1] != rb[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
