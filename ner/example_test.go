package ner_test

import (
	"fmt"

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
