package story

import (
	"strings"
	"testing"
)

// A wire item written for this test, and outlets' versions of it.
const wire = `أعلنت وزارة الصحة اليوم عن افتتاح مستشفى جديد في المنطقة الشرقية بسعة ثلاثمئة سرير، ` +
	`ويضم المستشفى أقساما للطوارئ والأطفال والجراحة والعناية المركزة. وقال وكيل الوزارة إن المشروع ` +
	`يأتي ضمن خطة لرفع الطاقة الاستيعابية للمستشفيات في المملكة خلال العامين المقبلين، وإن العمل ` +
	`سيبدأ في استقبال المرضى مطلع الشهر القادم بعد اكتمال تجهيز الأقسام وتدريب الكوادر الطبية.`

const other = `شهدت أسواق الأسهم المحلية تراجعا ملحوظا في تعاملات الأسبوع الماضي بعد موجة من عمليات ` +
	`البيع، وانخفض المؤشر العام بنسبة اثنين في المئة وسط تداولات ضعيفة. وأرجع محللون التراجع إلى ` +
	`ترقب المستثمرين لنتائج الشركات الفصلية وتراجع أسعار النفط في الأسواق العالمية خلال الفترة نفسها.`

func TestWireCopies(t *testing.T) {
	docs := []Doc{
		{ID: "copy-late", Published: "2015-03-02T09:00", Site: "b", Text: "الرياض - واس: " + wire},
		{ID: "orig", Published: "2015-03-01T20:00", Site: "a", Text: wire},
		{ID: "other", Published: "2015-03-01", Site: "c", Text: other},
		// Cut short and lightly edited: still a copy.
		{ID: "short", Published: "2015-03-02", Site: "d", Text: strings.Replace(wire[:len(wire)*2/3], "اليوم", "أمس", 1)},
		// Same topic, own words: not a copy.
		{ID: "rewrite", Published: "2015-03-01", Site: "e", Text: `افتتحت في المنطقة الشرقية منشأة صحية حديثة تضم ثلاثمئة سرير، ` +
			`بحسب ما ذكره مسؤول في الوزارة، مشيرا إلى أن استقبال المرضى سيبدأ قريبا بعد تدريب الطواقم وتجهيز الأجنحة المختلفة.`},
		{ID: "tiny1", Published: "2015-03-01", Site: "a", Text: "صورة اليوم"},
		{ID: "tiny2", Published: "2015-03-01", Site: "b", Text: "صورة اليوم"},
	}
	groups := WireCopies(docs, WireOptions{})
	if len(groups) != 1 {
		t.Fatalf("got %d groups, want 1: %+v", len(groups), groups)
	}
	g := groups[0]
	var copies []string
	for _, c := range g.Copies {
		copies = append(copies, docs[c].ID)
	}
	if docs[g.Original].ID != "orig" || strings.Join(copies, ",") != "short,copy-late" {
		t.Errorf("original %s, copies %v; want orig with short,copy-late (earliest first)", docs[g.Original].ID, copies)
	}
}

func TestContainmentEstimate(t *testing.T) {
	a, b := Sign(wire), Sign(wire+" "+other)
	if c := Containment(a, b); c < 0.8 {
		t.Errorf("containment of a text in its extension = %.2f, want >= 0.8", c)
	}
	if j := Jaccard(Sign(wire), Sign(other)); j > 0.05 {
		t.Errorf("Jaccard of unrelated texts = %.2f", j)
	}
}

func TestStories(t *testing.T) {
	docs := []Doc{
		{ID: "1", Published: "2022-01-05", Headline: "احتجاجات واسعة في كازاخستان بسبب أسعار الوقود", Text: "خرج محتجون في مدن كازاخستان.", Entities: []string{"KZ"}},
		{ID: "2", Published: "2022-01-06", Headline: "كازاخستان: الحكومة تستقيل بعد احتجاجات الوقود", Text: "استقالت حكومة كازاخستان.", Entities: []string{"KZ"}},
		{ID: "3", Published: "2022-01-06", Headline: "قوات روسية تصل إلى كازاخستان لمواجهة الاحتجاجات", Text: "وصلت قوات إلى كازاخستان.", Entities: []string{"KZ", "RU"}},
		{ID: "4", Published: "2022-01-06", Headline: "فوز المنتخب في مباراة ودية", Text: "فاز المنتخب الوطني.", Entities: []string{"team"}},
		{ID: "5", Published: "2022-03-20", Headline: "احتجاجات في كازاخستان على أسعار الوقود مجددا", Text: "عاد المحتجون في كازاخستان.", Entities: []string{"KZ"}},
		{ID: "6", Published: "2022-01-07", Headline: "المنتخب يستعد لمباراة ودية جديدة", Text: "يستعد المنتخب الوطني.", Entities: []string{"team"}},
		{ID: "7", Published: "", Headline: "احتجاجات كازاخستان", Text: "", Entities: []string{"KZ"}},
	}
	// Filler so that document frequencies mean something.
	for i := range 60 {
		docs = append(docs, Doc{ID: "f" + string(rune('a'+i%26)) + string(rune('a'+i/26)), Published: "2021-06-01",
			Headline: "خبر عام رقم " + string(rune('٠'+i%10)), Text: "نص عادي عن شؤون متفرقة " + strings.Repeat("كلمة ", i%5)})
	}
	stories := Stories(docs, StoryOptions{})
	var kz *Story
	for i := range stories {
		for _, m := range stories[i].Members {
			if docs[m].ID == "1" {
				kz = &stories[i]
			}
		}
	}
	if kz == nil {
		t.Fatalf("no story holds the Kazakhstan protests: %+v", stories)
	}
	var ids []string
	for _, m := range kz.Members {
		ids = append(ids, docs[m].ID)
	}
	if strings.Join(ids, ",") != "1,2,3" {
		t.Errorf("Kazakhstan story members %v, want 1,2,3 (5 is months later, 7 has no date)", ids)
	}
	if kz.First != "2022-01-05" || kz.Last != "2022-01-06" || !strings.Contains(kz.Label, "كازاخستان") {
		t.Errorf("story %+v", kz)
	}
}
