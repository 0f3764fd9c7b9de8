package quote

import (
	"strings"

	"akhbar/arabic"
	"akhbar/article"
)

const (
	// maxSourceWords bounds the name of a credited source.
	maxSourceWords = 5
	// datelineTokens is how far into a paragraph a wire dateline may sit.
	datelineTokens = 30
)

// attributions finds the places where the article credits a source.
func (f *finder) attributions() {
	n := len(f.toks)
	for k := 0; k < n; k++ {
		if m := f.openAt[k]; m >= 0 && f.marks[m].claimed {
			k = f.marks[m].close
			continue
		}
		w := f.fold[k]
		switch {
		case attributionTriggers[w]:
			f.creditAfter(k)
		case mediaVerbs[w] && k+1 < n && mediaNouns[f.fold[k+1]]:
			f.creditSource(k, k+1)
		case w == "المصدر" && f.isPunct(k+1, ":") && (k == 0 || f.para[k-1] != f.para[k]):
			e := k + 2
			for e < n && f.para[e] == f.para[k] && e-k-2 < maxSourceWords && f.isWord(e) {
				e++
			}
			if e > k+2 {
				f.credit(k, e, k+2, e)
			}
		case f.isPunct(k, "(") && f.nearParagraphStart(k):
			f.dateline(k)
		}
	}
}

// creditAfter handles بحسب / وفقا لـ / نقلا عن at token k.
func (f *finder) creditAfter(k int) {
	j := k + 1
	w := f.fold[k]
	if strings.Contains(w, "نقلا") || strings.Contains(w, "استنادا") {
		if j < len(f.toks) && (f.fold[j] == "عن" || f.fold[j] == "الي") {
			j++
		}
	}
	if j < len(f.toks) && (f.fold[j] == "ل" || f.fold[j] == "لـ") {
		j++
	}
	if j < len(f.toks) && f.fold[j] == "ما" {
		j++
		if j < len(f.toks) && mediaVerbs[f.fold[j]] {
			j++
		} else if _, _, ok := f.verbAt(j); ok {
			j++
		}
	}
	f.creditSource(k, j)
}

// creditSource records a credit from token k whose source's name starts at
// token s, when the name is a news source, a known agency or an entity.
func (f *finder) creditSource(k, s int) {
	e := s
	for e < len(f.toks) && e-s < maxSourceWords+2 && f.para[e] == f.para[s] {
		if m := f.openAt[e]; m >= 0 && e > s && f.marks[m].close-e <= maxSourceWords {
			// a quoted name: صحيفة "إكسبريس" البريطانية
			e = f.marks[m].close + 1
			continue
		}
		if !f.isWord(e) {
			break
		}
		w := f.fold[e]
		if e > s && (stopAfterVerb[w] || complementizers[w]) {
			break
		}
		if _, _, ok := f.verbAt(e); ok && e > s {
			break
		}
		e++
	}
	if e == s {
		return
	}
	first := f.fold[s]
	if strings.HasPrefix(first, "ل") && mediaNouns[strings.TrimPrefix(first, "ل")] {
		first = strings.TrimPrefix(first, "ل")
	}
	_, _, _, isWire := f.wireIn(s, e)
	if !mediaNouns[first] && !isWire && !f.entityIn(s, e) {
		return
	}
	f.credit(k, e, s, e)
}

// credit records an attribution over tokens [k, e) whose source is named by
// tokens [s, e).
func (f *finder) credit(k, e, s, se int) {
	text, start, end := f.textOf(k, e)
	if text == "" {
		return
	}
	for _, a := range f.attrs {
		if a.Start < end && start < a.End {
			return
		}
	}
	srcText, ss, sEnd := f.textOf(s, se)
	a := Attribution{Start: start, End: end, Text: text, SourceText: srcText}
	for _, m := range f.overlapping(ss, sEnd) {
		if m.Start < sEnd && ss < m.End && m.Entity != "" && !f.qualifier(m, s) {
			a.Source = m.Entity
			break
		}
	}
	if a.Source == "" {
		if id, _, _, ok := f.wireIn(s, se); ok {
			a.Source = id
		}
	}
	if a.Source == "" {
		a.Source = knownSource(f.nameOf(s, se))
	}
	f.attrs = append(f.attrs, a)
}

// knownSource returns the id of the agency or outlet whose full name starts
// the source's words (as nameOf gives them, a hashtag's underscores spaces) (وكالة الأنباء السعودية الرسمية -> spa), or "".
func knownSource(src string) string {
	words := strings.Fields(src)
	if len(words) > 0 {
		if w, ok := strings.CutPrefix(words[0], "ل"); ok && mediaNouns[arabic.Fold(w)] {
			words[0] = w // لوكالة الأنباء
		}
	}
	for n := min(len(words), 5); n >= 2; n-- {
		if src, ok := article.LookupSource(strings.Join(words[:n], " ")); ok {
			return src.ID
		}
	}
	return ""
}

// dateline records "(رويترز)" near the start of a paragraph.
func (f *finder) dateline(k int) {
	for c := k + 1; c < len(f.toks) && c <= k+wireMaxWords+4; c++ {
		if f.isPunct(c, ")") {
			if id, _, _, ok := f.wireIn(k+1, c); ok {
				text, s, e := f.textOf(k, c+1)
				src, _, _ := f.textOf(k+1, c)
				for _, a := range f.attrs {
					if a.Start < e && s < a.End {
						return
					}
				}
				f.attrs = append(f.attrs, Attribution{Start: s, End: e, Text: text, Source: id, SourceText: src})
			}
			return
		}
	}
}

func (f *finder) nearParagraphStart(k int) bool {
	for i := k - 1; i >= 0 && i >= k-datelineTokens; i-- {
		if f.para[i] != f.para[k] {
			return true
		}
	}
	return k < datelineTokens
}

// wireIn looks for a known agency among the words of tokens [s, e): its id
// and the tokens naming it.
func (f *finder) wireIn(s, e int) (id string, ws, we int, ok bool) {
	var words []string
	var at []int
	for i := s; i < e; i++ {
		if f.toks[i].Kind == arabic.Punct {
			continue
		}
		w := strings.Trim(f.fold[i], ".")
		if i == s && strings.HasPrefix(w, "ل") && len(w) > len("ل") {
			if _, ok := wires[strings.TrimPrefix(w, "ل")]; ok {
				w = strings.TrimPrefix(w, "ل")
			}
		}
		words = append(words, w)
		at = append(at, i)
	}
	for a := 0; a < len(words); a++ {
		for l := min(wireMaxWords, len(words)-a); l >= 1; l-- {
			if id, ok := wires[strings.Join(words[a:a+l], " ")]; ok {
				return id, at[a], at[a+l-1] + 1, true
			}
		}
	}
	// Letters with dots: أ.ف.ب
	if joined := strings.Join(words, ""); len(joined) > 0 {
		if id, ok := wires[spaced(joined)]; ok {
			return id, s, e, true
		}
	}
	return "", 0, 0, false
}

// spaced writes the letters of a short abbreviation apart: افب -> ا ف ب.
func spaced(s string) string {
	r := []rune(s)
	if len(r) > 4 {
		return s
	}
	parts := make([]string, len(r))
	for i, c := range r {
		parts[i] = string(c)
	}
	return strings.Join(parts, " ")
}

// entityIn reports whether an entity mention overlaps tokens [s, e).
func (f *finder) entityIn(s, e int) bool {
	if s >= e {
		return false
	}
	cs, ce := f.toks[s].Start, f.toks[e-1].End
	for _, m := range f.overlapping(cs, ce) {
		if m.Start < ce && cs < m.End && m.Entity != "" {
			return true
		}
	}
	return false
}

// qualifier reports whether mention m is a place after the head of a phrase
// starting at token s, which it only qualifies: السعودية in وكالة الأنباء
// السعودية, مصر in تقسيم تاريخ مصر.
func (f *finder) qualifier(m Mention, s int) bool {
	return m.Type == "LOC" && s < len(f.toks) && m.Start > f.toks[s].Start && f.headBefore(s, m.Start)
}
