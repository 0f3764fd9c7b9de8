package quote

import "akhbar/arabic"

// verbInfo describes a reporting verb form.
type verbInfo struct {
	// prep is the preposition that introduces what was said (أشار إلى،
	// شدد على، حذر من، كشف عن) in folded form; "" when the verb takes أن
	// directly.
	prep string
	// cont marks a dependent form (مشيرا، مضيفا) that continues the
	// speaker of the clause before it.
	cont bool
	// marksOnly marks a verb form that introduces speech only before a
	// colon or a quotation mark (تابع is also "affiliated").
	marksOnly bool
	// present marks an imperfect form (يقول، تضيف).
	present bool
}

// verbLemma lists the forms of one reporting verb in their unfolded
// spelling; forms are folded when the table is built.
type verbLemma struct {
	forms     []string
	prep      string
	cont      bool
	marksOnly bool
	present   bool
}

// reportingVerbs is the table the verb lexicon is built from.
var reportingVerbs = []verbLemma{
	{forms: []string{"قال", "قالت", "قالوا", "قالا", "قلن"}},
	{forms: []string{"يقول", "تقول", "يقولون", "تقولان"}, present: true},
	{forms: []string{"أكد", "أكدت", "أكدوا", "أكدا", "شدد", "شددت", "شددوا"}, prep: "على"},
	{forms: []string{"يؤكد", "تؤكد", "يؤكدون", "يشدد", "تشدد"}, prep: "على", present: true},
	{forms: []string{"أوضح", "أوضحت", "أوضحوا", "بينت", "صرح", "صرحت", "صرحوا", "اعتبر", "اعتبرت", "اعتبروا",
		"زعم", "زعمت", "زعموا", "أعلن", "أعلنت", "أعلنوا", "أفاد", "أفادت", "أفادوا",
		"ذكر", "ذكرت", "ذكروا", "أقر", "أقرت", "اعترف", "اعترفت", "أضاف", "أضافت", "أضافوا", "ادعى", "ادعت",
		"نفى", "نفت", "نفوا", "أوردت", "أورد", "أبلغ", "أبلغت", "أجاب", "أجابت", "ردت"}},
	{forms: []string{"يضيف", "تضيف", "يوضح", "توضح", "يرى", "ترى", "يرون", "يعتبر", "تعتبر", "يعتقد", "تعتقد"}, present: true},
	{forms: []string{"أشار", "أشارت", "أشاروا", "لفت", "لفتت", "لفتوا", "نوه", "نوهت"}, prep: "إلى"},
	{forms: []string{"يشير", "تشير", "يشيرون", "يلفت", "تلفت"}, prep: "إلى", present: true},
	{forms: []string{"حذر", "حذرت", "حذروا"}, prep: "من"},
	{forms: []string{"كشف", "كشفت", "كشفوا"}, prep: "عن"},
	{forms: []string{"تابع", "تابعت", "تابعوا", "ختم", "ختمت", "اختتم", "اختتمت", "استطرد", "استطردت"}, marksOnly: true},
	// Dependent forms continue the last speaker.
	{forms: []string{"مشيرا", "مشيرة", "مشيرين", "لافتا", "لافتة", "لافتين", "منوها", "منوهة"}, prep: "إلى", cont: true},
	{forms: []string{"مؤكدا", "مؤكدة", "مؤكدين", "مشددا", "مشددة", "مشددين"}, prep: "على", cont: true},
	{forms: []string{"مضيفا", "مضيفة", "مضيفين", "موضحا", "موضحة", "موضحين", "معتبرا", "معتبرة",
		"مبينا", "مبينة", "قائلا", "قائلة", "قائلين", "معلنا", "معلنة", "مستطردا"}, cont: true},
	{forms: []string{"محذرا", "محذرة", "محذرين"}, prep: "من", cont: true},
	{forms: []string{"كاشفا", "كاشفة"}, prep: "عن", cont: true},
}

// verbs maps the folded form of every reporting verb to its description.
// It is built once and only read.
var verbs = buildVerbs()

func buildVerbs() map[string]verbInfo {
	m := make(map[string]verbInfo)
	for _, l := range reportingVerbs {
		for _, f := range l.forms {
			m[arabic.Fold(f)] = verbInfo{prep: arabic.Fold(l.prep), cont: l.cont, marksOnly: l.marksOnly, present: l.present}
		}
	}
	return m
}

// complementizers introduce reported speech (أن، إن، بأن، بأنه...), folded.
var complementizers = foldSet("أن", "إن", "بأن", "أنه", "إنه", "بأنه", "أنها", "إنها", "بأنها", "أنهم", "إنهم",
	"بأنهم", "أنهما", "بأنهما", "أنني", "إنني", "بأنني", "أننا", "إننا", "بأننا", "أنهن", "بأنهن")

// stopAfterVerb are words that end the subject of a reporting verb:
// prepositions, time words, conjunctions and particles.
var stopAfterVerb = foldSet("في", "خلال", "من", "على", "عن", "إلى", "مع", "أمام", "عبر", "بعد", "قبل", "حول",
	"أثناء", "لدى", "لـ", "اليوم", "أمس", "غدا", "الليلة", "صباح", "مساء", "ظهر", "مؤخرا", "الأحد", "الاثنين",
	"الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت", "و", "ثم", "أو", "كما", "قد", "لقد",
	"ما", "الذي", "التي", "الذين", "اللذين", "اللتين", "حين", "عندما", "بينما", "إذ", "حيث", "أيضا", "كذلك",
	"للصحفيين", "لوكالة", "لصحيفة", "لقناة", "لموقع", "له", "لها", "لهم", "هذا", "هذه", "ذلك", "تلك", "بدوره",
	"بدورها", "فيه", "فيها", "عقب", "إثر", "بحسب", "وفق", "وفقا", "نقلا", "ضمن", "بيان", "تصريح", "تصريحات",
	"لا", "لم", "لن", "ليس", "إنه", "هو", "هي", "هم", "الشهر", "الأسبوع", "العام", "السنة", "الماضي",
	"الماضية", "الجاري", "الحالي", "المقبل", "يوم", "يوما", "منذ", "حاليا", "أول", "آخر", "مجددا", "سابقا",
	"لاحقا", "ليلة", "فجر", "عصر", "بعيد", "قبيل", "بالقول", "قائلا", "إذا", "لو", "إن", "كلمته", "كلمتها",
	"حديثه", "حديثها", "تصريحه", "تصريحها", "كلامه", "كلامها", "تغريدة", "تغريدته", "تغريدتها", "خطابه",
	"خطابها", "مقابلة", "لقاء", "لقائه", "لقائها", "رسالة", "رسالته", "مؤتمر", "منشور", "كلمة", "حوار")

// sayingNouns are "his saying" forms after نقل عن X: نقلت عن مصدر قوله إن.
var sayingNouns = foldSet("قوله", "قولها", "قولهم", "قولهما")

// roleNouns head a role phrase (الرئيس البيلاروسي، وزير الخارجية).
var roleNouns = foldSet("الرئيس", "رئيس", "الوزير", "وزير", "وزيرة", "الوزيرة", "المتحدث", "متحدث",
	"المتحدثة", "الناطق", "ناطق", "الناطقة", "السفير", "سفير", "الأمين", "أمين", "المدير", "مدير", "المديرة",
	"القائد", "قائد", "الزعيم", "زعيم", "الملك", "ملك", "الأمير", "أمير", "ولي", "نائب", "النائب", "رئيسة",
	"الرئيسة", "المستشار", "مستشار", "المستشارة", "المبعوث", "مبعوث", "المفوض", "مفوض", "العاهل", "الشيخ",
	"محافظ", "المحافظ", "عضو", "العضو", "مسؤول", "المسؤول", "الجنرال", "اللواء", "العميد", "العقيد",
	"الدكتور", "د", "السيد", "السيدة", "المدرب", "مدرب", "النجم", "النجمة", "الفنان", "الفنانة", "اللاعب",
	"الكاتب", "الكاتبة", "الخبير", "خبير", "المحلل", "الباحث", "رئيس", "حاكم", "الحاكم", "المرشد", "البابا",
	"باسم", "عام", "العام", "الأعلى", "الدولي", "الدولية", "مجلس", "المجلس", "الحكومة", "الوزراء", "وزارة",
	"الوزارة", "الخارجية", "الداخلية", "الدفاع", "الصحة", "المالية")

// constructRoles are role nouns that take the next word as part of the
// role (رئيس كازاخستان، وزير الخارجية).
var constructRoles = foldSet("رئيس", "وزير", "وزيرة", "متحدث", "ناطق", "سفير", "أمين", "مدير", "قائد",
	"زعيم", "ملك", "أمير", "ولي", "نائب", "رئيسة", "مستشار", "مبعوث", "مفوض", "محافظ", "عضو", "مسؤول",
	"مدرب", "حاكم", "باسم", "مجلس", "وزارة")

// titleNouns before a quotation mark name a work, not a speech: كتاب "...".
var titleNouns = foldSet("كتاب", "كتابه", "كتابها", "رواية", "روايته", "روايتها", "بعنوان", "عنوان", "عنوانه",
	"فيلم", "فيلمه", "مسلسل", "برنامج", "أغنية", "أغنيته", "قصيدة", "صحيفة", "مجلة", "شعار", "حملة",
	"عملية", "مبادرة", "وسم", "هاشتاغ", "هاشتاق", "مشروع", "ديوان", "مسرحية", "تحت", "اسم", "باسم", "مسمى",
	"لقب", "ألبوم", "ألبومه", "موقع", "تطبيق", "قناة", "منصة", "شركة", "مجموعة", "فرقة", "جائزة", "مهرجان",
	"معرض", "مؤتمر", "منتدى", "قمة", "حزب", "حركة", "تنظيم", "جمعية", "نادي", "مركز", "سلسلة", "تقرير",
	"دراسة", "مقال", "مقالة", "بحث", "لوحة", "عمل", "كتب", "وثائقي", "الفيلم", "الكتاب", "الرواية", "البرنامج",
	"المسلسل", "ما", "يسمى", "تسمى", "المسمى", "المسماة", "يعرف", "تعرف", "بـ")

// headlineLabels before a colon in a headline are labels, not speakers.
var headlineLabels = foldSet("عاجل", "فيديو", "بالفيديو", "شاهد", "بالصور", "صور", "تقرير", "حوار", "المصدر",
	"خاص", "تحليل", "رأي", "مقال", "مصدر", "تفاصيل", "انفوجراف", "إنفوجراف", "تحديث", "متابعة", "بيان", "ملخص",
	"الموضوع", "نص", "إعلان", "ترجمة", "مقابلة", "استطلاع", "قراءة", "خبر", "أخبار", "بالأرقام", "لقطات",
	"سؤال", "السؤال", "الجواب", "ملاحظة", "تنويه", "تاريخ", "التاريخ", "المكان", "الزمان", "الوقت", "العنوان",
	"الكاتب", "بقلم", "كتب", "الرابط", "رابط", "المدة", "السعر", "الهاتف", "ملحوظة", "اقرأ", "اقرأ أيضا")

// attributionTriggers introduce a credited source (وبحسب موقع سبوتنيك).
var attributionTriggers = foldSet("بحسب", "وبحسب", "حسب", "وحسب", "فحسب", "وفق", "وفقا", "ووفقا", "ووفق",
	"طبقا", "وطبقا", "نقلا", "ونقلا", "استنادا", "واستنادا")

// mediaNouns head the name of a news source (وكالة رويترز، صحيفة الرياض).
var mediaNouns = foldSet("وكالة", "صحيفة", "موقع", "قناة", "تلفزيون", "التلفزيون", "إذاعة", "الإذاعة",
	"شبكة", "مصادر", "مصدر", "وسائل", "مجلة", "الصحيفة", "الوكالة", "القناة", "الموقع", "بيان", "البيان",
	"تقرير", "التقرير", "مراسل", "مراسلة", "وكالات", "صحف", "مواقع", "قنوات", "محطة", "راديو", "جريدة")

// mediaVerbs credit a source when a media noun follows: ذكرت وكالة ...
var mediaVerbs = foldSet("ذكرت", "ذكر", "أفادت", "أفاد", "نقلت", "نقل", "أوردت", "أورد", "قالت", "قال",
	"بثت", "نشرت", "نشر", "أعلنت", "كشفت", "أكدت", "وذكرت", "وأفادت", "ونقلت", "وأوردت", "وقالت", "ونشرت",
	"فيما", "حسبما", "بحسبما", "وحسبما", "كما")

// wireNames maps the name of a news agency or outlet, as written, to a
// stable id; wires holds the same map under folded keys.
var wireNames = map[string]string{
	"رويترز": "reuters", "ا ف ب": "afp", "اف ب": "afp", "فرانس برس": "afp", "فرانس بريس": "afp",
	"اسوشيتد برس": "ap", "اسوشيتدبرس": "ap", "اسوشيتيد برس": "ap", "ا ب": "ap", "د ب ا": "dpa",
	"واس": "spa", "سبوتنيك": "sputnik", "الاناضول": "anadolu", "الأناضول": "anadolu", "وام": "wam",
	"قنا": "qna", "كونا": "kuna", "بترا": "petra", "سانا": "sana", "شينخوا": "xinhua", "تاس": "tass",
	"نوفوستي": "ria", "ريا نوفوستي": "ria", "ايفي": "efe", "يونهاب": "yonhap", "ارنا": "irna",
	"روسيا اليوم": "rt", "سي ان ان": "cnn", "بي بي سي": "bbc", "الجزيره": "aljazeera",
	"العربيه": "alarabiya", "سكاي نيوز": "skynews", "بلومبرغ": "bloomberg", "بلومبيرغ": "bloomberg",
	"شينخوا الصينيه": "xinhua", "الشرق الاوسط": "aawsat", "رويترز للانباء": "reuters", "مهر": "mehr",
	"فارس": "fars", "تسنيم": "tasnim", "معا": "maan", "وفا": "wafa", "ومع": "map", "واج": "aps",
	"يو بي اي": "upi", "ام اي ان": "mena", "اكي": "aki", "كيودو": "kyodo",
}

// wires maps folded agency names to their ids. It is built once and only
// read.
var wires = foldKeys(wireNames)

func foldKeys(m map[string]string) map[string]string {
	out := make(map[string]string, len(m))
	for k, v := range m {
		out[arabic.Fold(k)] = v
	}
	return out
}

// wireMaxWords is the number of words of the longest key of wires.
const wireMaxWords = 3

func foldSet(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[arabic.Fold(w)] = true
	}
	return m
}
