package entity

import "akhbar/arabic"

// commonWords are knowledge-base names that are, far more often, ordinary
// words of news text: كيف is Kyiv and "how", مالي is Mali and "financial",
// مدينة is Medina and "a city". They are added from the gazetteer only when
// the tagger marks them as names. Folded forms; a table of facts.
var commonWords = map[string]bool{
	"كيف": true, "مدينه": true, "المدينه": true, "مالي": true, "ماليه": true, "بورصه": true, "الجزيره": true,
	"هويه": true, "هوىه": true, "السلام": true, "الامل": true, "النور": true, "الوطن": true, "الحياه": true, "الشروق": true,
	"الاتحاد": true, "الخليج": true, "الاهرام": true, "البيان": true, "الرايه": true, "الشرق": true, "الغرب": true,
	"العين": true, "صور": true, "الباب": true, "حماه": true, "الامين": true, "امين": true, "بنا": true, "كرم": true,
}

func isCommonWord(name string) bool { return commonWords[arabic.Fold(name)] }
