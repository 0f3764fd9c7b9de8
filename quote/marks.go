package quote

import "akhbar/arabic"

// pairMarks pairs quotation marks within paragraphs and records the
// outermost pairs in f.marks. « » nest; curly and straight marks pair with
// the next mark of their family in the paragraph; an ASCII apostrophe
// quotes only when it stands against a word on its inner side. A mark that
// never closes in its paragraph is ignored. Work is linear in the tokens.
func (f *finder) pairMarks() {
	n := len(f.toks)
	closeOf := make([]int, n)
	for i := range closeOf {
		closeOf[i] = -1
	}
	// « » by a stack per paragraph.
	var stack []int
	for i := 0; i < n; i++ {
		if i > 0 && f.para[i] != f.para[i-1] {
			stack = stack[:0]
		}
		switch {
		case f.isPunct(i, "«"):
			stack = append(stack, i)
		case f.isPunct(i, "»") && len(stack) > 0:
			o := stack[len(stack)-1]
			stack = stack[:len(stack)-1]
			closeOf[o] = i
		}
	}
	// Families that pair with the next mark of the family: scan right to
	// left remembering the next one seen in the paragraph.
	families := []struct {
		marks  []string
		opener func(i int) bool
		closer func(i int) bool
	}{
		{[]string{"“", "”", "„"}, func(int) bool { return true }, func(int) bool { return true }},
		{[]string{"\""}, func(int) bool { return true }, func(int) bool { return true }},
		{[]string{"‘", "’"}, func(int) bool { return true }, func(int) bool { return true }},
		{[]string{"'"}, f.apostropheOpens, f.apostropheCloses},
	}
	for _, fam := range families {
		next := -1
		for i := n - 1; i >= 0; i-- {
			if i+1 < n && f.para[i] != f.para[i+1] {
				next = -1
			}
			if !f.isPunct(i, fam.marks...) {
				continue
			}
			if fam.opener(i) && next > i {
				closeOf[i] = next
			}
			if fam.closer(i) {
				next = i
			}
		}
	}
	// Outermost pairs, left to right.
	for i := 0; i < n; {
		c := closeOf[i]
		if c <= i {
			i++
			continue
		}
		f.openAt[i] = len(f.marks)
		f.marks = append(f.marks, mark{open: i, close: c})
		f.closeAt[c] = true
		f.closeOf[c] = len(f.marks) - 1
		i = c + 1
	}
}

// gapBefore reports whether whitespace separates token i from the one
// before it (true at the start of the text).
func (f *finder) gapBefore(i int) bool {
	return i == 0 || f.toks[i-1].End < f.toks[i].Start
}

func (f *finder) apostropheOpens(i int) bool {
	return i+1 < len(f.toks) && !f.gapBefore(i+1) && f.isWord(i+1) && (f.gapBefore(i) || !f.isWord(i-1))
}

func (f *finder) apostropheCloses(i int) bool {
	return i > 0 && !f.gapBefore(i) && (i+1 >= len(f.toks) || f.gapBefore(i+1) || !f.isWord(i+1))
}

// inner returns the code point span inside mark m, without the marks and
// surrounding spaces.
func (f *finder) inner(m mark) (int, int) {
	s, e := f.toks[m.open].End, f.toks[m.close].Start
	for s < e && isSpaceRune(f.runes[s]) {
		s++
	}
	for e > s && isSpaceRune(f.runes[e-1]) {
		e--
	}
	return s, e
}

// wordsIn counts the word and number tokens strictly between tokens i and j.
func (f *finder) wordsIn(i, j int) int {
	n := 0
	for k := i + 1; k < j && k < len(f.toks); k++ {
		if f.toks[k].Kind != arabic.Punct {
			n++
		}
	}
	return n
}

func isSpaceRune(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\u00a0', '\u200f', '\u200e':
		return true
	}
	return false
}
