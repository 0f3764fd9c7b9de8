package quote

import (
	"sort"
	"strings"
	"unicode/utf8"

	"akhbar/arabic"
)

// resolve makes a speaker of tokens [i, j): its words, the entity a mention
// over them names, and the fullest name known for it.
func (f *finder) resolve(i, j int) speaker {
	text, s, e := f.textOf(i, j)
	sp := speaker{text: text, start: s, end: e}
	if f.isDocument(i, j) && f.last.entity != "" {
		// وأضاف البيان: the statement speaks for whoever issued it, the
		// speaker before it.
		sp.entity, sp.name = f.last.entity, f.last.name
		return sp
	}
	// Of the mentions over the words, a person's name wins, then a role
	// that names a person, then an organization; a place comes last
	// (رئيس كازاخستان is a person, not Kazakhstan).
	best := -1
	for _, m := range f.overlapping(s, e) {
		if m.End <= s || m.Entity == "" {
			continue
		}
		if f.qualifier(m, i) {
			// وزارة الصحة السعودية is the ministry, not Saudi Arabia.
			continue
		}
		if r := mentionRank(m); r > best {
			best = r
			sp.entity, sp.name = m.Entity, m.Name
		}
	}
	role, name := f.splitRole(i, j)
	// A name set off by commas after a role (مدرب الفريق، جوزيه مورينيو) is
	// the name; a role after a name (رونالدو، مسجل الهدف) is not.
	for c := j - 1; c > i; c-- {
		if f.isPunct(c, "،", ",") {
			if r2, n2 := f.splitRole(c+1, j); n2 != "" && r2 == "" {
				role, name = f.roleText(i, c), n2
			}
			break
		}
	}
	if w := strings.Fields(role); len(w) > 0 && institutions[w[0]] && name != "" && sp.name == "" {
		// وزارة الصحة السعودية is a body, and the words after it are no
		// person's name: the body speaks.
		sp.name, name = f.nameOf(i, f.wordsAfter(i, len(w))), ""
	}
	switch {
	case name != "":
		if sp.name == "" {
			sp.name = name
		}
		if role != "" {
			f.aliases[role] = sp
			// الوزير alone later means this minister: key the head noun too.
			if head := strings.Fields(role)[0]; head != "" {
				f.aliases["ال"+strings.TrimPrefix(head, "ال")] = sp
			}
		}
		if !f.named[sp.name] {
			// once per name, so matching surnames stays linear in the
			// number of distinct speakers
			f.named[sp.name] = true
			f.names = append(f.names, sp)
		}
	case role != "":
		a, ok := f.aliases[role]
		if head := strings.Fields(role)[0]; !ok && strings.HasPrefix(head, "ال") {
			// المدرب البرتغالي المخضرم: a definite role refers back to
			// the last speaker its head noun titled.
			a, ok = f.aliases[head]
		}
		if ok {
			if sp.entity == "" {
				sp.entity = a.entity
			}
			if sp.name == "" {
				sp.name = a.name
			}
		}
	}
	if sp.name == "" {
		sp.name = f.nameOf(i, j)
	}
	return sp
}

// mentionRank orders mentions by how likely they name a speaker.
func mentionRank(m Mention) int {
	r := 0
	switch m.Type {
	case "PER":
		r = 6
	case "ORG":
		r = 4
	case "MISC", "":
		r = 2
	}
	if !m.Role {
		r++
	}
	return r
}

// splitRole splits the words of tokens [i, j) into a leading role phrase
// (الرئيس البيلاروسي، رئيس كازاخستان), folded, and the personal name after
// it as written.
func (f *finder) splitRole(i, j int) (role, name string) {
	k := i
	for k < j {
		w := f.fold[k]
		if roleNouns[w] {
			k++
			if constructRoles[w] && k < j {
				k++
			}
			continue
		}
		if k > i && (strings.HasPrefix(f.toks[k].Text, "ال") || strings.HasPrefix(f.toks[k].Text, "لل")) {
			k++
			continue
		}
		break
	}
	// A role further on starts the role over: نائب المتحدث لمديرية الدفاع
	// المدني بمنطقة جازان الرائد محمد آل صمغان.
	for x := j - 1; x >= k; x-- {
		if roleNouns[f.fold[x]] && f.isWord(x) {
			if r, n := f.splitRole(x, j); n != "" {
				return f.roleText(i, x) + " " + r, n
			}
			break
		}
	}
	return f.roleText(i, k), f.nameOf(k, j)
}

// isDocument reports whether tokens [i, j) name a statement and nothing
// more: البيان, البيان الرسمي.
func (f *finder) isDocument(i, j int) bool {
	if i >= j || !documents[f.fold[i]] {
		return false
	}
	for x := i + 1; x < j; x++ {
		if f.isWord(x) && !strings.HasPrefix(f.fold[x], "ال") {
			return false
		}
	}
	return true
}

// headBefore reports whether a content word (no particle, preposition or
// mark) stands among the tokens from i up to code point end.
func (f *finder) headBefore(i, end int) bool {
	for ; i < len(f.toks) && f.toks[i].Start < end; i++ {
		if f.isWord(i) && !stopAfterVerb[f.fold[i]] && !particles[f.fold[i]] {
			return true
		}
	}
	return false
}

// wordsAfter returns the token after the first n words from token i.
func (f *finder) wordsAfter(i, n int) int {
	for ; i < len(f.toks) && n > 0; i++ {
		if f.isWord(i) {
			n--
		}
	}
	return i
}

// nameOf returns the words of tokens [i, j) as written, one space wherever
// the text separates them: a line break or the underscore of a hashtag
// (#وزارة_الصحة) is a space in a name.
func (f *finder) nameOf(i, j int) string {
	var b strings.Builder
	for x := max(i, 0); x < min(j, len(f.toks)); x++ {
		if x > i && f.toks[x].Start > f.toks[x-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(f.toks[x].Text)
	}
	return b.String()
}

// roleText returns the folded words of tokens [i, k) joined by spaces.
func (f *finder) roleText(i, k int) string {
	var rb strings.Builder
	for x := i; x < k; x++ {
		if f.isWord(x) {
			if rb.Len() > 0 {
				rb.WriteByte(' ')
			}
			rb.WriteString(f.fold[x])
		}
	}
	return rb.String()
}

// resolveNames gives a speaker named by one word (a surname, often in the
// headline) the fullest name the text gives a speaker with a matching last
// word, and that speaker's entity.
func (f *finder) resolveNames() {
	f.resolveDefinites()
	for qi := range f.quotes {
		q := &f.quotes[qi]
		words := strings.Fields(q.SpeakerName)
		if len(words) != 1 || strings.HasPrefix(words[0], "ال") {
			continue
		}
		w := arabic.Fold(words[0])
		best := speaker{}
		for _, n := range f.names {
			nw := strings.Fields(n.name)
			if len(nw) < 2 || len(nw) <= len(strings.Fields(best.name)) {
				continue
			}
			if similar(w, arabic.Fold(nw[len(nw)-1])) {
				best = n
			}
		}
		if best.name != "" {
			q.SpeakerName = best.name
			if q.Speaker == "" {
				q.Speaker = best.entity
			}
		}
	}
}

// similar reports whether two folded words are spellings of one name:
// equal, or one or two letters apart in a long word (لوكاشينكو،
// لوكاتشينكو).
func similar(a, b string) bool {
	if a == b {
		return true
	}
	la, lb := utf8.RuneCountInString(a), utf8.RuneCountInString(b)
	if min(la, lb) < 5 {
		return false
	}
	limit := 1
	if min(la, lb) >= 8 {
		limit = 2
	}
	return editDistance([]rune(a), []rune(b), limit) <= limit
}

// editDistance is the Levenshtein distance of a and b, or limit+1 when it
// exceeds limit.
func editDistance(a, b []rune, limit int) int {
	if d := len(a) - len(b); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			c := prev[j-1]
			if a[i-1] != b[j-1] {
				c++
			}
			cur[j] = min(c, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// resolveDefinites gives a speaker named by one definite noun (البنك،
// المخترع، البيان) the speaker of the nearest quotation, before it or else
// after it, whose words begin with that noun (بنك الاستثمار «مورغان
// ستانلي»، المخترع مارتن غرير).
func (f *finder) resolveDefinites() {
	// Index once the quotes whose speaker is named by two words or more, by
	// their first word, so each lookup is a binary search (an article with
	// thousands of quotes stays linear-logarithmic).
	byHead := map[string][]int{}
	first := make([]string, len(f.quotes))
	single := make([]bool, len(f.quotes))
	for qi, q := range f.quotes {
		words := strings.Fields(arabic.Fold(q.SpeakerText))
		if len(words) == 0 {
			continue
		}
		first[qi] = words[0]
		single[qi] = len(words) == 1
		if len(words) >= 2 {
			byHead[words[0]] = append(byHead[words[0]], qi)
		}
	}
	nearest := func(list []int, qi int) int {
		k := sort.SearchInts(list, qi) // list[k-1] < qi <= list[k]
		if k > 0 {
			return list[k-1]
		}
		if k < len(list) && list[k] != qi {
			return list[k]
		}
		if k+1 < len(list) {
			return list[k+1]
		}
		return -1
	}
	for qi := range f.quotes {
		q := &f.quotes[qi]
		w := first[qi]
		if q.Speaker != "" || !single[qi] || !strings.HasPrefix(w, "ال") {
			continue
		}
		bare := strings.TrimPrefix(w, "ال")
		// The nearest earlier quote whose speaker starts with the word (with
		// or without ال), else the nearest later one.
		found := -1
		for _, head := range []string{w, bare} {
			o := nearest(byHead[head], qi)
			switch {
			case o < 0:
			case found < 0:
				found = o
			case o < qi && (found > qi || o > found):
				found = o
			case o > qi && found > qi && o < found:
				found = o
			}
		}
		if found >= 0 {
			q.Speaker, q.SpeakerName = f.quotes[found].Speaker, f.quotes[found].SpeakerName
		}
	}
}
