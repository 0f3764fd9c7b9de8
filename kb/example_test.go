package kb_test

import (
	"fmt"
	"time"

	"akhbar/arabic"
	"akhbar/kb"
)

func ExampleKB_Holder() {
	k, err := kb.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	at := time.Date(2022, 1, 15, 0, 0, 0, 0, time.UTC)
	iso, _ := k.Nisba("البيلاروسي")
	p, _ := k.Holder("الرئيس", iso, at)
	fmt.Println(iso, p.ID, p.NameEn)
	// Output: BY per:lukashenko Alexander Lukashenko
}

func ExampleKB_RoleAt() {
	k, err := kb.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	toks := arabic.Tokenize("وقال رئيس كازاخستان")
	r, ok := k.RoleAt(kb.Prepare(toks), 1)
	fmt.Println(ok, r.Owner, r.TokEnd)
	// Output: true KZ 3
}

func ExampleKB_LookupVariant() {
	k, err := kb.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(k.LookupVariant("لوكاتشينكو")[0].ID)
	// Output: per:lukashenko
}

func ExampleKB_MatchAt() {
	k, err := kb.Load()
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "وصل الوفد لكازاخستان"
	w := kb.Prepare(arabic.Tokenize(text))
	m, ok := k.MatchAt(w, 2)
	fmt.Println(ok, string([]rune(text)[m.Start:m.End]), m.Entries[0].ID)
	// Output: true كازاخستان KZ
}
