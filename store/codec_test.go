package store

import (
	"testing"

	"akhbar/analysis"
)

func TestCodecRoundTrip(t *testing.T) {
	var c Codec
	for _, text := range []string{"قال الوزير إن الاتفاق قريب.", "نص آخر أطول قليلا من الأول عن الانتخابات."} {
		a := &analysis.Analysis{Text: text, Headline: "عنوان", Tokens: []analysis.Token{{Text: "قال"}},
			Timexes: []analysis.Timex{{Start: 0, End: 3, Text: "قال", Type: "DATE", Value: "2022-01-06"}}}
		blob, err := c.Encode(a)
		if err != nil {
			t.Fatal(err)
		}
		got, err := DecodeAnalysis(blob, text)
		if err != nil {
			t.Fatal(err)
		}
		if got.Text != text || got.Headline != "عنوان" || len(got.Timexes) != 1 || got.Timexes[0].Value != "2022-01-06" {
			t.Errorf("round trip lost data: %+v", got)
		}
		if got.Tokens != nil {
			t.Errorf("debugging tokens must not be stored")
		}
	}
	if _, err := DecodeAnalysis([]byte("not deflate"), ""); err == nil {
		t.Error("a corrupt blob must give an error")
	}
}
