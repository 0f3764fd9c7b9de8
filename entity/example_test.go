package entity_test

import (
	"fmt"
	"time"

	"akhbar/arabic"
	"akhbar/entity"
	"akhbar/kb"
	"akhbar/ner"
)

func ExampleResolve() {
	k, err := kb.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "قال الرئيس البيلاروسي ألكسندر لوكاشينكو إن الوضع هادئ، وأضاف لوكاتشينكو أن المهمة انتهت."
	toks := arabic.Tokenize(text)
	// Mentions as a tagger gives them: the two spellings of the name.
	mentions := []ner.Mention{
		{Start: 22, End: 39, TokStart: 3, TokEnd: 5, Type: ner.PER},
		{Start: 61, End: 71, TokStart: 10, TokEnd: 11, Type: ner.PER},
	}
	date := time.Date(2022, 1, 15, 0, 0, 0, 0, time.UTC)
	for _, e := range entity.Resolve(text, toks, mentions, date, k) {
		fmt.Println(e.ID, e.NameEn)
		for _, m := range e.Mentions {
			fmt.Println(" ", m.Text, m.Role)
		}
	}
	// Output:
	// per:lukashenko Alexander Lukashenko
	//   الرئيس البيلاروسي true
	//   ألكسندر لوكاشينكو false
	//   لوكاتشينكو false
}

func ExampleCovering() {
	es := []entity.Entity{{ID: "per:lukashenko", Mentions: []entity.Mention{{Start: 4, End: 21, Text: "الرئيس البيلاروسي", Role: true}}}}
	id, ok := entity.Covering(es, 11, 21) // البيلاروسي
	fmt.Println(id, ok)
	// Output: per:lukashenko true
}
