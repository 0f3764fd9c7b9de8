package entity

import "akhbar/arabic"

// commonWords are knowledge-base names that are, far more often, ordinary
// words of news text: كيف is Kyiv and "how", مالي is Mali and "financial",
// مدينة is Medina and "a city", أقصر is Luxor and "shortest". They are
// never added from the gazetteer, and a tagger's mention of one is kept
// only when it is an entry's canonical name (مالي). A table of facts.
var commonWords = foldedSet("كيف", "مدينة", "المدينة", "مالي", "مالية", "بورصة", "الجزيرة", "هوئه", "السلام", "الأمل",
	"النور", "الوطن", "الحياة", "الشروق", "الاتحاد", "الخليج", "الأهرام", "البيان", "الراية", "الشرق", "الغرب", "العين",
	"صور", "الباب", "حماة", "الأمين", "أمين", "بنا", "كرم", "الأبيض", "آمل", "ليل", "طراز", "الخمس", "سالم", "عشاق",
	"بالي", "قم", "ليون", "نيس", "باري", "ليستر", "أقصر")

func isCommonWord(name string) bool { return commonWords[arabic.Fold(name)] }
