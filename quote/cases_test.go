package quote

import (
	"os"
	"testing"

	"akhbar/arabic"
)

// TestComposedCases scores Find on the passages in testdata/cases.jsonl,
// written for this test, and holds precision, recall and speaker accuracy
// above their bars.
func TestComposedCases(t *testing.T) {
	fh, err := os.Open("testdata/cases.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	defer fh.Close()
	cases, err := ReadCases(fh, "testdata/cases.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	if len(cases) < 40 {
		t.Fatalf("%d cases, want at least 40", len(cases))
	}
	var total Score
	for _, c := range cases {
		qs, as := Find(c.Text, arabic.Tokenize(c.Text), arabic.Sentences(c.Text), nil)
		gold, _ := c.Gold()
		spans, _ := c.AttributionSpans()
		s := ScoreQuotes(gold, qs)
		s.Add(ScoreAttributions(spans, as))
		total.Add(s)
		if s.Matched != len(gold) || s.Matched != len(qs) || s.SpeakerRight != s.Matched || s.AttrMatched != len(spans) || len(as) != len(spans) {
			t.Logf("case %q: want %d quotes, found %d, matched %d, speaker right %d; attributions want %d found %d matched %d",
				c.Name, len(gold), len(qs), s.Matched, s.SpeakerRight, len(spans), len(as), s.AttrMatched)
			for _, q := range qs {
				t.Logf("   got %q by %q (%q) cue %q direct %v", q.Text, q.SpeakerText, q.SpeakerName, q.Cue, q.Direct)
			}
			for _, a := range as {
				t.Logf("   got attribution %q -> %q", a.Text, a.Source)
			}
		}
	}
	t.Logf("quotes: precision %.3f recall %.3f F1 %.3f speaker accuracy %.3f direct right %d/%d; attributions: precision %.3f recall %.3f",
		total.Precision(), total.Recall(), total.F1(), total.SpeakerAccuracy(), total.DirectRight, total.Matched,
		total.AttrPrecision(), total.AttrRecall())
	if total.Precision() < 0.9 || total.Recall() < 0.9 || total.SpeakerAccuracy() < 0.9 {
		t.Errorf("quotes: precision %.3f recall %.3f speaker accuracy %.3f, want each >= 0.9",
			total.Precision(), total.Recall(), total.SpeakerAccuracy())
	}
	if total.AttrPrecision() < 0.9 || total.AttrRecall() < 0.9 {
		t.Errorf("attributions: precision %.3f recall %.3f, want each >= 0.9", total.AttrPrecision(), total.AttrRecall())
	}
}
