package kb

import (
	"strings"
	"time"

	"akhbar/arabic"
)

// Role is a role phrase found in tokens: a title and the country or
// organization it belongs to (الرئيس البيلاروسي، رئيس كازاخستان، الأمين العام
// للأمم المتحدة).
type Role struct {
	TokStart, TokEnd int    // token range [TokStart, TokEnd)
	Start, End       int    // code points, without the first token's proclitics
	Title            string // normalized title (see NormTitle)
	Owner            string // ISO2 of the country or id of the organization
}

// NormTitle returns the form titles are compared in: folded, without the
// definite article on any word, so الرئيس and رئيس (رئيس كازاخستان) agree, as
// do وزير الخارجية and وزير خارجية.
func NormTitle(t string) string { return normTitle(t) }

func normTitle(t string) string {
	words := strings.Fields(nameForm(t))
	for i, w := range words {
		words[i] = titleWord(w)
	}
	return strings.Join(words, " ")
}

// titleWord drops the article from one word in name form.
func titleWord(w string) string {
	if strings.HasPrefix(w, "ال") && len(w) > 3*len("ا") {
		return w[len("ال"):]
	}
	return w
}

func roleKey(title, owner string) string { return title + "|" + owner }

// IsTitle reports whether t (any form: الرئيس، رئيس الوزراء) is a known
// role title.
func (k *KB) IsTitle(t string) bool { return k.titles[normTitle(t)] }

// Holder returns the person who held the office title (any form) of owner
// (ISO2 or organization id) at the moment at; a zero at means "now". When
// terms overlap, the latest to start wins.
func (k *KB) Holder(title, owner string, at time.Time) (*Entry, bool) {
	var best *Entry
	var bestStart time.Time
	for _, h := range k.roles[roleKey(normTitle(title), owner)] {
		tm := h.person.Terms[h.term]
		if !tm.Covers(at) {
			continue
		}
		if best == nil || tm.Start.After(bestStart) {
			best, bestStart = h.person, tm.Start
		}
	}
	return best, best != nil
}

// splitCue splits a role phrase into its title and its owner.
func (k *KB) splitCue(cue string) (title, owner string, ok bool) {
	words := strings.Fields(cue)
	for n := 1; n <= 3 && n < len(words); n++ {
		if o, ok := k.owner(words[len(words)-n:], true); ok {
			return strings.Join(words[:len(words)-n], " "), o, true
		}
	}
	return "", "", false
}

// owner resolves the words after a title: a nisba (البيلاروسي), a country
// name (كازاخستان), or, after ل, an organization or country
// (للأمم المتحدة). Indefinite nisbas are accepted only when definite is
// false.
func (k *KB) owner(words []string, definite bool) (string, bool) {
	if len(words) == 1 {
		f := arabic.Fold(words[0])
		if iso, ok := k.nisba[f]; ok && (!definite || strings.HasPrefix(f, "ال")) {
			return iso, true
		}
	}
	phrase := nameForm(strings.Join(words, " "))
	if id, ok := k.ownerEntry(phrase); ok {
		return id, true
	}
	switch {
	case strings.HasPrefix(phrase, "لل"):
		return k.ownerEntry("ال" + strings.TrimPrefix(phrase, "لل"))
	case strings.HasPrefix(phrase, "ل"):
		return k.ownerEntry(strings.TrimPrefix(phrase, "ل"))
	}
	return "", false
}

func (k *KB) ownerEntry(phrase string) (string, bool) {
	for _, e := range k.byName[phrase] {
		if e.Class == "country" || e.Type == "ORG" {
			return e.ID, true
		}
	}
	return "", false
}

// RoleAt reports the role phrase that starts at token i, if any: the
// longest known title followed by its owner. A nisba owner must be definite
// (الرئيس البيلاروسي, not رئيس بيلاروسي).
func (k *KB) RoleAt(w *Words, i int) (Role, bool) {
	if i < 0 || i >= len(w.toks) || w.toks[i].Kind != arabic.Word {
		return Role{}, false
	}
	toks := w.toks
	for _, first := range w.reads[i] {
		if !k.titleFirst[titleWord(first.rest)] {
			continue
		}
		for n := min(k.maxTitle, len(toks)-i); n >= 1; n-- {
			words := make([]string, 0, n)
			words = append(words, titleWord(first.rest))
			ok := true
			for j := i + 1; j < i+n; j++ {
				if toks[j].Kind != arabic.Word {
					ok = false
					break
				}
				words = append(words, titleWord(w.form[j]))
			}
			if !ok {
				continue
			}
			title := strings.Join(words, " ")
			if !k.titles[title] {
				continue
			}
			for m := min(3, len(toks)-i-n); m >= 1; m-- {
				ow := make([]string, 0, m)
				for j := i + n; j < i+n+m; j++ {
					if toks[j].Kind != arabic.Word {
						ok = false
						break
					}
					ow = append(ow, w.form[j])
				}
				if !ok {
					ok = true
					continue
				}
				if owner, found := k.owner(ow, true); found {
					return Role{TokStart: i, TokEnd: i + n + m, Start: toks[i].Start + first.prefix, End: toks[i+n+m-1].End,
						Title: title, Owner: owner}, true
				}
			}
		}
	}
	return Role{}, false
}

// TitleAt reports the longest known title that starts at token i, without
// an owner: الرئيس in الرئيس فلاديمير بوتين, وزير الخارجية in وزير الخارجية
// سامح شكري. A one-word title must be definite (الرئيس, not رئيس). The
// returned Role has no Owner.
func (k *KB) TitleAt(w *Words, i int) (Role, bool) {
	if i < 0 || i >= len(w.toks) || w.toks[i].Kind != arabic.Word {
		return Role{}, false
	}
	toks := w.toks
	for _, first := range w.reads[i] {
		head := titleWord(first.rest)
		if !k.titleFirst[head] {
			continue
		}
		words := []string{head}
		best := 0
		for j := i + 1; ; j++ {
			title := strings.Join(words, " ")
			if k.titles[title] && (len(words) > 1 || head != first.rest) {
				best = len(words)
			}
			if j >= len(toks) || len(words) >= k.maxTitle || toks[j].Kind != arabic.Word {
				break
			}
			words = append(words, titleWord(w.form[j]))
		}
		if best > 0 {
			return Role{TokStart: i, TokEnd: i + best, Start: toks[i].Start + first.prefix, End: toks[i+best-1].End,
				Title: strings.Join(words[:best], " ")}, true
		}
	}
	return Role{}, false
}
