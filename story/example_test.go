package story_test

import (
	"fmt"

	"akhbar/story"
)

func ExampleWireCopies() {
	wire := "أعلنت وزارة الصحة اليوم افتتاح مستشفى جديد في المنطقة الشرقية بسعة ثلاثمئة سرير، ويضم المستشفى " +
		"أقساما للطوارئ والأطفال والجراحة والعناية المركزة، على أن يبدأ استقبال المرضى مطلع الشهر المقبل بعد " +
		"اكتمال تجهيز الأقسام وتدريب الكوادر الطبية العاملة فيه."
	docs := []story.Doc{
		{ID: "paper-b", Published: "2015-03-02", Text: "الرياض - واس: " + wire},
		{ID: "wire", Published: "2015-03-01", Text: wire},
		{ID: "other", Published: "2015-03-01", Text: "تراجعت أسواق الأسهم في تعاملات الأسبوع الماضي بعد موجة من عمليات البيع وسط تداولات ضعيفة وترقب لنتائج الشركات الفصلية وأسعار النفط في الأسواق العالمية خلال الفترة المقبلة."},
	}
	for _, g := range story.WireCopies(docs, story.WireOptions{}) {
		fmt.Print("original ", docs[g.Original].ID, ", copies:")
		for _, c := range g.Copies {
			fmt.Print(" ", docs[c].ID)
		}
		fmt.Println()
	}
	// Output: original wire, copies: paper-b
}
