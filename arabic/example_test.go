package arabic_test

import (
	"fmt"

	"akhbar/arabic"
)

func ExampleNormalize() {
	fmt.Println(arabic.Normalize("أعلنَ الرئيسُ في ١٥ كانون الثاني"))
	// Output: اعلن الرييس في 15 كانون الثاني
}

func ExampleTokenize() {
	for _, t := range arabic.Tokenize("قال: «نعم» عام ٢٠٢٢م") {
		fmt.Println(t.Start, t.End, t.Kind, t.Text)
	}
	// Output:
	// 0 3 word قال
	// 3 4 punct :
	// 5 6 punct «
	// 6 9 word نعم
	// 9 10 punct »
	// 11 14 word عام
	// 15 20 number ٢٠٢٢م
}

func ExampleSegmentWord() {
	s := arabic.SegmentWord("لكازاخستان")
	fmt.Println(s.Prefix, s.Base, s.PrefixLen)
	// Output: ل كازاخستان 1
}

func ExampleStem() {
	fmt.Println(arabic.Stem("بالثورات"), arabic.Stem("وكازاخستان"), arabic.Stem("قوات"))
	// Output: ثور كازاخستان قوات
}

func ExampleAnalyzer() {
	fmt.Println(arabic.Analyzer{}.Terms("وبحسب موقع سبوتنيك، أنقذت القوات كازاخستان"))
	// Output: [بحسب موقع سبوتنيك انقذت قوات كازاخستان]
}
