package arabic

// Paragraphs returns the spans of the paragraphs of text, one for each
// non-blank line (news text is laid out one paragraph per line). Leading and
// trailing whitespace is excluded from each span.
func Paragraphs(text string) []Span {
	runes := []rune(text)
	var out []Span
	lineStart := 0
	for i, r := range runes {
		if r == '\n' {
			if s, ok := trimRunes(runes, lineStart, i); ok {
				out = append(out, s)
			}
			lineStart = i + 1
		}
	}
	if s, ok := trimRunes(runes, lineStart, len(runes)); ok {
		out = append(out, s)
	}
	return out
}

// Sentences returns the spans of the sentences of text. A sentence ends at
// . ؟ ? ! … (and any closing quotes or brackets after them) or at a line
// break. A full stop between digits (6.5) or after a single Latin capital
// (U.N.) does not end a sentence. Spans exclude surrounding whitespace.
func Sentences(text string) []Span {
	runes := []rune(text)
	var out []Span
	start := 0
	emit := func(end int) {
		if s, ok := trimRunes(runes, start, end); ok {
			out = append(out, s)
		}
		start = end
	}
	depth := 0 // inside « » or “ ” quotes a full stop does not split
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		switch r {
		case '«', '“':
			depth++
		case '»', '”':
			if depth > 0 {
				depth--
			}
		case '\n':
			emit(i + 1)
			depth = 0
		case '.', '؟', '?', '!', '…':
			if r == '.' && i > 0 && i+1 < len(runes) && isDigit(runes[i-1]) && isDigit(runes[i+1]) {
				continue
			}
			if r == '.' && i > 0 && runes[i-1] >= 'A' && runes[i-1] <= 'Z' && (i < 2 || !isLetterRune(runes[i-2])) {
				continue
			}
			if depth > 0 {
				continue
			}
			j := i + 1
			for j < len(runes) && isSentenceTrail(runes[j]) {
				j++
			}
			emit(j)
			i = j - 1
		}
	}
	emit(len(runes))
	return out
}

func isLetterRune(r rune) bool {
	return (r >= 'a' && r <= 'z') || (r >= 'A' && r <= 'Z') || isArabicLetter(r)
}

func isSentenceTrail(r rune) bool {
	switch r {
	case '.', '؟', '?', '!', '…', '"', '\'', '»', '”', ')', ']':
		return true
	}
	return false
}

func trimRunes(runes []rune, start, end int) (Span, bool) {
	for start < end && isSpace(runes[start]) {
		start++
	}
	for end > start && isSpace(runes[end-1]) {
		end--
	}
	return Span{start, end}, end > start
}
