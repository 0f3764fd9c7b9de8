package ner_test

import (
	"fmt"
	"strings"

	"akhbar/arabic"
	"akhbar/ner"
)

func ExampleTagger_Tag() {
	tagger, err := ner.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "قال الرئيس الروسي فلاديمير بوتين إن موسكو مستعدة للحوار."
	runes := []rune(text)
	for _, m := range tagger.Tag(arabic.Tokenize(text)) {
		fmt.Println(m.Type, string(runes[m.Start:m.End]))
	}
	// Output:
	// PER فلاديمير بوتين
	// LOC موسكو
}

func ExampleEvaluate() {
	corpus := "زار O\nالوزير O\nمدينة O\nحلب B-LOC\n.  O\n"
	sents, err := ner.ReadCoNLL(strings.NewReader(corpus), "example")
	if err != nil {
		fmt.Println(err)
		return
	}
	tagger, err := ner.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	sc := ner.Evaluate(tagger, sents)
	fmt.Printf("gold %d, found %d, F1 %.2f\n", sc.All.Gold, sc.All.Predicted, sc.All.F1)
	// Output:
	// gold 1, found 1, F1 1.00
}
