package quote

import (
	"strings"

	"akhbar/arabic"
)

// Gold is one expected quotation: where its words lie (code points), who
// said it and whether it is in quotation marks.
type Gold struct {
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Speaker string `json:"speaker"` // the speaker's name; "" when the text does not say
	Direct  bool   `json:"direct"`
}

// Score counts found quotations and attributions against expected ones.
type Score struct {
	Expected, Found, Matched int // quotations
	SpeakerRight             int // matched quotations whose speaker is right
	DirectRight              int // matched quotations whose direct flag is right
	AttrExpected, AttrFound  int // attributions
	AttrMatched              int
}

// Add adds o's counts to s.
func (s *Score) Add(o Score) {
	s.Expected += o.Expected
	s.Found += o.Found
	s.Matched += o.Matched
	s.SpeakerRight += o.SpeakerRight
	s.DirectRight += o.DirectRight
	s.AttrExpected += o.AttrExpected
	s.AttrFound += o.AttrFound
	s.AttrMatched += o.AttrMatched
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// Precision is the share of found quotations that match an expected one.
func (s Score) Precision() float64 { return ratio(s.Matched, s.Found) }

// Recall is the share of expected quotations found.
func (s Score) Recall() float64 { return ratio(s.Matched, s.Expected) }

// F1 is the harmonic mean of Precision and Recall.
func (s Score) F1() float64 { return f1(s.Precision(), s.Recall()) }

// SpeakerAccuracy is the share of matched quotations with the right speaker.
func (s Score) SpeakerAccuracy() float64 { return ratio(s.SpeakerRight, s.Matched) }

// SpeakerF1 is F1 counting a quotation as found only when its speaker is
// right too.
func (s Score) SpeakerF1() float64 {
	return f1(ratio(s.SpeakerRight, s.Found), ratio(s.SpeakerRight, s.Expected))
}

// AttrPrecision is the share of found attributions that were expected.
func (s Score) AttrPrecision() float64 { return ratio(s.AttrMatched, s.AttrFound) }

// AttrRecall is the share of expected attributions found.
func (s Score) AttrRecall() float64 { return ratio(s.AttrMatched, s.AttrExpected) }

// overlaps reports whether two spans share at least half their combined
// length (Dice coefficient >= 0.5): reported speech whose ends differ by a
// few words still counts, a quotation that swallowed its neighbour does not.
func overlaps(as, ae, bs, be int) bool {
	o := min(ae, be) - max(as, bs)
	if o <= 0 {
		return false
	}
	return 4*o >= ae-as+be-bs
}

// ScoreQuotes matches found quotations to expected ones, each used once.
func ScoreQuotes(want []Gold, got []Quote) Score {
	s := Score{Expected: len(want), Found: len(got)}
	used := make([]bool, len(got))
	for _, w := range want {
		for i, q := range got {
			if used[i] || !overlaps(w.Start, w.End, q.Start, q.End) {
				continue
			}
			used[i] = true
			s.Matched++
			if SpeakerMatches(w.Speaker, q) {
				s.SpeakerRight++
			}
			if w.Direct == q.Direct {
				s.DirectRight++
			}
			break
		}
	}
	return s
}

// SpeakerMatches reports whether quotation q names the speaker called want:
// a word of the name (a surname, spelt within a letter or two) is in the
// quotation's speaker name or words. An empty want matches only an unknown
// speaker.
func SpeakerMatches(want string, q Quote) bool {
	if strings.TrimSpace(want) == "" {
		return q.SpeakerName == "" && q.SpeakerText == "" && q.Speaker == ""
	}
	gotWords := nameWords(q.SpeakerName + " " + q.SpeakerText)
	for _, w := range nameWords(want) {
		for _, g := range gotWords {
			if similar(w, g) {
				return true
			}
		}
	}
	return false
}

// nameWords returns the folded words of a name without the article or a
// leading conjunction, dropping role words unless the name is only those.
func nameWords(s string) []string {
	var all, names []string
	for _, w := range strings.Fields(arabic.Fold(s)) {
		w = strings.Trim(w, "،,.:\"«»")
		if w == "" {
			continue
		}
		all = append(all, strip(w))
		if !roleNouns[w] {
			names = append(names, strip(w))
		}
	}
	if len(names) > 0 {
		return names
	}
	return all
}

func strip(w string) string {
	for _, p := range []string{"وال", "ال", "و"} {
		if strings.HasPrefix(w, p) && len([]rune(w))-len([]rune(p)) >= 3 {
			return w[len(p):]
		}
	}
	return w
}

// ScoreAttributions matches found attributions to expected ones by
// overlap; want are code point spans.
func ScoreAttributions(want [][2]int, got []Attribution) Score {
	s := Score{AttrExpected: len(want), AttrFound: len(got)}
	used := make([]bool, len(got))
	for _, w := range want {
		for i, a := range got {
			if !used[i] && min(w[1], a.End) > max(w[0], a.Start) {
				used[i] = true
				s.AttrMatched++
				break
			}
		}
	}
	return s
}
