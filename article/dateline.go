package article

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"akhbar/arabic"
	"akhbar/calendar"
)

// ErrNoDate is the error ParseDateline wraps when a line names no complete
// date (day, month and year).
var ErrNoDate = errors.New("no complete date (day, month and year)")

// ParseDateline reads the date and time a dateline gives, in any tradition
// Arabic newsrooms write them: Levantine, Egyptian/Gulf, Maghreb and Hijri
// month names, paired forms (آب/أغسطس), digits of any script, numeric dates
// (15/01/2022, 2022-01-15), weekday names, م and هـ suffixes, a Hijri date
// next to a Gregorian one (cross-checked: they must agree within one day),
// times (13:02, الساعة 6:45 مساء) and time zones (بتوقيت مكة, GMT+3).
//
// When a line gives both calendars, the Gregorian date wins: it is the one
// the newsroom wrote from its own clock, while the Hijri one may follow a
// local sighting. A date that does not exist (31 شباط 2022) is an error
// saying why; a line with no complete date wraps ErrNoDate.
func ParseDateline(line string) (Timestamp, error) {
	p := parseDateline(line)
	return p.ts, p.err
}

// dateline is what parseDateline found in a line.
type dateline struct {
	ts  Timestamp
	err error
	// unused counts the words that are not part of a date, a time or the
	// usual dateline words (نشر في، الموافق...): a real dateline has few.
	unused int
	words  int
	// first and last token of the date and time, as code point offsets.
	span arabic.Span
}

// datelineWords are words a dateline carries besides the date itself.
var datelineWords = foldSet(map[string]bool{
	"نشر": true, "نشرت": true, "في": true, "بتاريخ": true, "تاريخ": true, "النشر": true, "اخر": true,
	"تحديث": true, "التحديث": true, "على": true, "عند": true, "الساعه": true, "ساعه": true, "الموافق": true,
	"الموافقه": true, "يوم": true, "من": true, "م": true, "ه": true, "هـ": true, "تم": true, "اليوم": true,
	"حدث": true, "محدث": true, "منذ": true, "الي": true, "بتوقيت": true, "توقيت": true, "و": true,
	"updated": true, "published": true, "posted": true, "on": true, "at": true, "gmt": true, "utc": true,
})

// foldSet returns m with its keys folded as arabic.Fold folds words.
func foldSet[V any](m map[string]V) map[string]V {
	out := make(map[string]V, len(m))
	for k, v := range m {
		out[arabic.Fold(k)] = v
	}
	return out
}

type foundDate struct {
	sys     calendar.System
	y, m, d int
	text    string
}

// meridiem words after a time: true for after noon.
var meridiems = foldSet(map[string]bool{
	"صباحا": false, "صباح": false, "ص": false, "فجرا": false, "الفجر": false, "صباحاً": false,
	"مساء": true, "مساءا": true, "م": true, "ظهرا": true, "عصرا": true, "ليلا": true, "مساءً": true,
	"بعد": true, // بعد الظهر
})

// zones are fixed UTC offsets (hours) named after بتوقيت or alone.
var zones = foldSet(map[string]int{
	"مكه": 3, "مكه المكرمه": 3, "السعوديه": 3, "الرياض": 3, "الدوحه": 3, "قطر": 3, "الكويت": 3,
	"بغداد": 3, "العراق": 3, "البحرين": 3, "المنامه": 3, "موسكو": 3, "عمان": 3, "الاردن": 3,
	"ابوظبي": 4, "ابو ظبي": 4, "دبي": 4, "الامارات": 4, "مسقط": 4,
	"غرينتش": 0, "جرينتش": 0, "غرينيتش": 0, "جرينيتش": 0, "gmt": 0, "utc": 0,
	"الجزائر": 1, "تونس": 1, "الرباط": 1, "المغرب": 1,
})

func parseDateline(line string) (p dateline) {
	toks := arabic.Tokenize(line)
	used := make([]bool, len(toks))
	var dates []foundDate
	var weekday *time.Weekday
	hour, minute, sec := -1, 0, 0
	var zone *time.Location
	first, last := -1, -1
	mark := func(i, j int) { // tokens i..j-1 belong to the date
		for k := i; k < j && k < len(toks); k++ {
			used[k] = true
		}
		if first < 0 || i < first {
			first = i
		}
		if j-1 > last {
			last = j - 1
		}
	}
	word := func(i int) string {
		if i < 0 || i >= len(toks) {
			return ""
		}
		return arabic.Fold(strings.ToLower(toks[i].Text))
	}
	texts := make([]string, len(toks))
	for i, t := range toks {
		texts[i] = t.Text
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if used[i] {
			continue
		}
		switch t.Kind {
		case arabic.Word:
			// Bare أحد is also "one"; only الأحد is Sunday here.
			if d, ok := calendar.Weekday(t.Text); ok && weekday == nil && arabic.Fold(t.Text) != "احد" {
				weekday = &d
				mark(i, i+1)
			}
		case arabic.Number:
			// A time: 13:02, 13:02:45, 6:45 م.
			if h, m, s, n, ok := readClock(toks, i); ok && hour < 0 {
				if h > 23 || m > 59 || s > 59 {
					p.err = fmt.Errorf("time %s does not exist", joinTokens(line, toks, i, i+n))
					return p
				}
				hour, minute, sec = h, m, s
				end := i + n
				if strings.HasSuffix(arabic.Fold(toks[end-1].Text), "م") && hour < 12 {
					hour += 12
				} else if pm, ok := meridiems[word(end)]; ok {
					if pm && hour < 12 {
						hour += 12
					} else if !pm && hour == 12 {
						hour = 0
					}
					end++
					if word(end-1) == "بعد" && word(end) == "الظهر" {
						end++
					}
				}
				if w := word(i - 1); w == "الساعه" || w == "ساعه" {
					mark(i-1, i)
				}
				mark(i, end)
				i = end - 1
				continue
			}
			if fd, n, ok := readNumericDate(toks, i); ok {
				dates = append(dates, fd)
				mark(i, i+n)
				i += n - 1
				continue
			}
			if fd, n, ok := readNamedDate(toks, texts, i); ok {
				dates = append(dates, fd)
				mark(i, i+n)
				i += n - 1
				continue
			}
		}
	}
	// Time zones: بتوقيت مكة, GMT, GMT+3, +03:00.
	for i := range toks {
		w := word(i)
		if w == "بتوقيت" || w == "توقيت" {
			for _, k := range []int{2, 1} {
				if off, ok := zones[strings.Join(foldRange(toks, i+1, i+1+k), " ")]; ok && i+k < len(toks) {
					zone = time.FixedZone("", off*3600)
					mark(i, i+1+k)
					break
				}
			}
		}
		if (w == "gmt" || w == "utc") && zone == nil {
			off, n := 0, 1
			if i+2 < len(toks) && (toks[i+1].Text == "+" || toks[i+1].Text == "-") && toks[i+2].Kind == arabic.Number {
				if h, err := strconv.Atoi(toks[i+2].Norm); err == nil && h <= 14 {
					off = h
					if toks[i+1].Text == "-" {
						off = -h
					}
					n = 3
				}
			}
			zone = time.FixedZone("", off*3600)
			mark(i, i+n)
		}
	}
	for i, t := range toks {
		if used[i] || t.Kind == arabic.Punct || t.Kind == arabic.Number {
			continue
		}
		p.words++
		if !datelineWords[word(i)] && !datelineWords[strings.TrimPrefix(word(i), "و")] {
			p.unused++
		}
	}
	if first >= 0 {
		p.span = arabic.Span{Start: toks[first].Start, End: toks[last].End}
	}
	p.ts, p.err = resolveDates(dates, weekday, hour, minute, sec, zone)
	return p
}

func foldRange(toks []arabic.Token, i, j int) []string {
	var out []string
	for k := i; k < j && k < len(toks); k++ {
		out = append(out, arabic.Fold(strings.ToLower(toks[k].Text)))
	}
	return out
}

func joinTokens(line string, toks []arabic.Token, i, j int) string {
	r := []rune(line)
	return string(r[toks[i].Start:toks[j-1].End])
}

// number returns the value of a number token written only with digits
// (any script), without a calendar suffix, and its digit count.
func number(t arabic.Token) (v, digits int, suffix string, ok bool) {
	s := t.Norm
	for _, suf := range []string{"هـ", "ه", "م"} {
		if strings.HasSuffix(s, suf) {
			s, suffix = strings.TrimSuffix(s, suf), suf
			break
		}
	}
	if s == "" || len(s) > 6 {
		return 0, 0, "", false
	}
	for _, c := range s {
		if c < '0' || c > '9' {
			return 0, 0, "", false
		}
	}
	v, err := strconv.Atoi(s)
	return v, len(s), suffix, err == nil
}

// readClock reads a time at toks[i]: H:MM or H:MM:SS.
func readClock(toks []arabic.Token, i int) (h, m, s, n int, ok bool) {
	if i+2 >= len(toks) || toks[i+1].Text != ":" {
		return 0, 0, 0, 0, false
	}
	h, hd, hsuf, ok1 := number(toks[i])
	m, md, _, ok2 := number(toks[i+2])
	if !ok1 || !ok2 || hd > 2 || md != 2 || hsuf != "" {
		return 0, 0, 0, 0, false
	}
	n = 3
	if i+4 < len(toks) && toks[i+3].Text == ":" {
		if v, sd, _, ok := number(toks[i+4]); ok && sd == 2 {
			s, n = v, 5
		}
	}
	return h, m, s, n, true
}

// readNumericDate reads 15/01/2022, 15-1-2022, 2022-01-15, 2022/01/15 or
// 15.01.2022 at toks[i].
func readNumericDate(toks []arabic.Token, i int) (fd foundDate, n int, ok bool) {
	var parts []arabic.Token
	if strings.Count(toks[i].Norm, ".") == 2 { // the tokenizer keeps 15.01.2022 whole
		for _, s := range strings.Split(toks[i].Norm, ".") {
			parts = append(parts, arabic.Token{Norm: s, Kind: arabic.Number})
		}
		n = 1
	} else {
		if i+4 >= len(toks) {
			return fd, 0, false
		}
		sep := toks[i+1].Text
		if sep != "/" && sep != "-" || toks[i+3].Text != sep {
			return fd, 0, false
		}
		parts = []arabic.Token{toks[i], toks[i+2], toks[i+4]}
		n = 5
	}
	a, ad, _, ok1 := number(parts[0])
	b, bd, _, ok2 := number(parts[1])
	c, cd, csuf, ok3 := number(parts[2])
	if !ok1 || !ok2 || !ok3 || bd > 2 {
		return fd, 0, false
	}
	fd.sys = calendar.Gregorian
	switch {
	case ad == 4 && cd <= 2: // 2022-01-15
		fd.y, fd.m, fd.d = a, b, c
	case ad <= 2 && (cd == 4 || cd == 2): // 15/01/2022, 15/01/22
		fd.y, fd.m, fd.d = c, b, a
		if cd == 2 {
			fd.y += 2000
		}
	default:
		return fd, 0, false
	}
	if csuf == "ه" || csuf == "هـ" || fd.y < 1700 {
		fd.sys = calendar.Hijri
	}
	if fd.m < 1 || fd.m > 12 {
		return fd, 0, false
	}
	fd.text = tokensText(toks, i, i+n)
	return fd, n, true
}

func tokensText(toks []arabic.Token, i, j int) string {
	var b strings.Builder
	for k := i; k < j && k < len(toks); k++ {
		if k > i && toks[k].Start > toks[k-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].Text)
	}
	return b.String()
}

// readNamedDate reads DAY [من] MONTH [،] YEAR [م|هـ] at toks[i].
func readNamedDate(toks []arabic.Token, texts []string, i int) (fd foundDate, n int, ok bool) {
	d, dd, dsuf, ok := number(toks[i])
	if !ok || dd > 2 || dsuf != "" || d == 0 {
		return fd, 0, false
	}
	j := i + 1
	if j < len(toks) && arabic.Fold(toks[j].Text) == "من" {
		j++
	}
	if j >= len(toks) {
		return fd, 0, false
	}
	month, sys, k, ok := calendar.MatchMonth(texts[j:])
	if !ok {
		return fd, 0, false
	}
	j += k
	if j < len(toks) && (toks[j].Text == "،" || toks[j].Text == ",") {
		j++
	}
	if j >= len(toks) {
		return fd, 0, false
	}
	y, yd, ysuf, ok := number(toks[j])
	if !ok || yd < 3 {
		return fd, 0, false
	}
	j++
	if ysuf == "" && j < len(toks) {
		switch arabic.Fold(toks[j].Text) {
		case "ه", "هـ":
			ysuf = "ه"
			j++
		case "م":
			ysuf = "م"
			j++
		}
	}
	if ysuf == "هـ" {
		ysuf = "ه"
	}
	if ysuf == "ه" && sys != calendar.Hijri {
		return fd, 0, false
	}
	fd = foundDate{sys: sys, y: y, m: month, d: d, text: tokensText(toks, i, j)}
	return fd, j - i, true
}

// resolveDates turns what a line gave into one Timestamp, checking that
// every date exists and that they agree with each other and the weekday.
func resolveDates(dates []foundDate, weekday *time.Weekday, hour, minute, sec int, zone *time.Location) (Timestamp, error) {
	if len(dates) == 0 {
		return Timestamp{}, ErrNoDate
	}
	var greg, hijri *foundDate
	for i := range dates {
		fd := &dates[i]
		if err := calendar.CheckDate(fd.sys, fd.y, fd.m, fd.d); err != nil {
			return Timestamp{}, fmt.Errorf("date %q: %w", fd.text, err)
		}
		switch fd.sys {
		case calendar.Gregorian:
			if greg != nil && (greg.y != fd.y || greg.m != fd.m || greg.d != fd.d) {
				return Timestamp{}, fmt.Errorf("two different dates: %q and %q", greg.text, fd.text)
			}
			greg = fd
		case calendar.Hijri:
			if hijri == nil {
				hijri = fd
			}
		}
	}
	var day time.Time
	if greg != nil {
		day = time.Date(greg.y, time.Month(greg.m), greg.d, 0, 0, 0, 0, time.UTC)
	}
	if hijri != nil {
		h, err := calendar.HijriToGregorian(hijri.y, hijri.m, hijri.d)
		if err != nil {
			return Timestamp{}, fmt.Errorf("date %q: %w", hijri.text, err)
		}
		switch {
		case greg == nil:
			day = h
			// A Hijri month may begin a day off the Umm al-Qura table where
			// the moon was sighted; the weekday then tells which day it was.
			if weekday != nil && day.Weekday() != *weekday {
				for _, delta := range []int{-1, 1} {
					if alt := day.AddDate(0, 0, delta); alt.Weekday() == *weekday {
						day = alt
						break
					}
				}
			}
		default:
			if diff := day.Sub(h).Hours() / 24; diff > 1 || diff < -1 {
				return Timestamp{}, fmt.Errorf("the Hijri date %q is %s, %d days from the Gregorian date %q",
					hijri.text, h.Format("2006-01-02"), int(diff), greg.text)
			}
		}
	}
	if weekday != nil && day.Weekday() != *weekday {
		return Timestamp{}, fmt.Errorf("%s is a %s, not a %s as the line says", day.Format("2006-01-02"), day.Weekday(), *weekday)
	}
	ts := Timestamp{Time: day}
	loc := time.UTC
	if zone != nil {
		loc = zone
	}
	if hour >= 0 {
		ts.Clock = true
		ts.Zone = zone != nil
		ts.Time = time.Date(day.Year(), day.Month(), day.Day(), hour, minute, sec, 0, loc)
	} else if zone != nil {
		ts.Time = time.Date(day.Year(), day.Month(), day.Day(), 0, 0, 0, 0, loc)
	}
	return ts, nil
}
