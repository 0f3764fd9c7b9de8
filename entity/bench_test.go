package entity

import (
	"strings"
	"testing"
	"time"

	"akhbar/arabic"
	"akhbar/article"
	"akhbar/kb"
	"akhbar/ner"
)

// benchText is a composed news article of 169 words, 183 tokens (our own
// text).
var benchText = strings.Repeat(`وزير الخارجية المصري يبحث مع نظيره الأردني أزمة المياه

القاهرة 3 آذار 2021

التقى وزير الخارجية المصري سامح شكري أمس في القاهرة نظيره الأردني أيمن الصفدي، وبحث الجانبان أزمة المياه في المنطقة وسبل دعم الحوار بين دول حوض النيل. وقال شكري في مؤتمر صحفي مشترك إن بلاده تدعم جهود الأمم المتحدة والاتحاد الأفريقي للتوصل إلى اتفاق ملزم، فيما أكد الصفدي أن الأردن يقف إلى جانب مصر والسودان في الدفاع عن حقوقهما المائية.
وأضاف الوزير المصري أن الرئيس المصري عبد الفتاح السيسي تلقى اتصالا هاتفيا من الملك عبد الله الثاني تناول التطورات في فلسطين وسوريا ولبنان، وأن الجانبين اتفقا على مواصلة التنسيق مع جامعة الدول العربية.
من جهة أخرى، ذكرت وكالة الأنباء الأردنية بترا أن وفدا من رجال الأعمال الأردنيين سيزور الإسكندرية الشهر المقبل، وأن غرفة تجارة عمان تعد لمعرض مشترك في عمان والعقبة.
وكان الرئيس الروسي فلاديمير بوتين قد دعا في وقت سابق إلى مؤتمر دولي في موسكو بمشاركة الصين والولايات المتحدة والاتحاد الأوروبي، بينما قال الأمين العام للأمم المتحدة أنطونيو غوتيريش إن الحل يجب أن يكون سياسيا.
المصدر: وكالة سبوتنيك
`, 1)

func benchSetup(b *testing.B) (*ner.Tagger, *kb.KB) {
	b.Helper()
	t, err := ner.Load()
	if err != nil {
		b.Skipf("no NER model: %v", err)
	}
	k, err := kb.Load()
	if err != nil {
		b.Fatal(err)
	}
	return t, k
}

var benchDate = time.Date(2021, 3, 3, 0, 0, 0, 0, time.UTC)

// BenchmarkRead is the reading stage (plain text to Article), for scale.
func BenchmarkRead(b *testing.B) {
	data := []byte(benchText)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		if _, err := article.ReadText("bench", data); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkTokenize is the tokenizer every layer reads.
func BenchmarkTokenize(b *testing.B) {
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		arabic.Tokenize(benchText)
	}
}

// BenchmarkTag is the tagger alone.
func BenchmarkTag(b *testing.B) {
	t, _ := benchSetup(b)
	toks := arabic.Tokenize(benchText)
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		t.Tag(toks)
	}
}

// BenchmarkResolve is the entity stage alone, on the tagger's mentions.
func BenchmarkResolve(b *testing.B) {
	t, k := benchSetup(b)
	toks := arabic.Tokenize(benchText)
	ms := t.Tag(toks)
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		Resolve(benchText, toks, ms, benchDate, k)
	}
}

// BenchmarkEntityStage is the whole stage per article: tag and resolve.
func BenchmarkEntityStage(b *testing.B) {
	t, k := benchSetup(b)
	toks := arabic.Tokenize(benchText)
	b.SetBytes(int64(len(benchText)))
	for b.Loop() {
		Resolve(benchText, toks, t.Tag(toks), benchDate, k)
	}
}
