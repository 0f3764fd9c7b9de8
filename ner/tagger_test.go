package ner

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"akhbar/arabic"
)

func loadT(t testing.TB) *Tagger {
	t.Helper()
	tg, err := Load()
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return tg
}

// mentionTexts returns "TYPE:text" for each mention of text.
func mentionTexts(tg *Tagger, text string) []string {
	r := []rune(text)
	var out []string
	for _, m := range tg.Tag(arabic.Tokenize(text)) {
		out = append(out, m.Type+":"+string(r[m.Start:m.End]))
	}
	return out
}

func TestEmbeddedModelTagsObviousNames(t *testing.T) {
	tg := loadT(t)
	// Sentences composed for this test; each must yield the listed mentions
	// (others may appear too).
	tests := []struct {
		text string
		want []string
	}{
		{"قال الرئيس الروسي فلاديمير بوتين إن موسكو مستعدة للحوار.", []string{"PER:فلاديمير بوتين", "LOC:موسكو"}},
		{"وصل وزير الخارجية المصري إلى القاهرة قادما من باريس.", []string{"LOC:القاهرة", "LOC:باريس"}},
		{"أصدرت منظمة الصحة العالمية تقريرا جديدا في جنيف.", []string{"ORG:منظمة الصحة العالمية", "LOC:جنيف"}},
		{"عاد الوفد إلى لبنان بعد زيارة لسوريا.", []string{"LOC:لبنان", "LOC:سوريا"}},
	}
	for _, tt := range tests {
		got := mentionTexts(tg, tt.text)
		for _, w := range tt.want {
			found := false
			for _, g := range got {
				found = found || g == w
			}
			if !found {
				t.Errorf("%s\n  missing %s; got %v", tt.text, w, got)
			}
		}
	}
}

func TestMentionsExcludeProclitics(t *testing.T) {
	tg := loadT(t)
	text := "توجه الوفد إلى لبنان ثم إلى سوريا، وأشاد بلبنان وبالقاهرة."
	for _, m := range mentionTexts(tg, text) {
		name := m[strings.IndexByte(m, ':')+1:]
		if strings.HasPrefix(name, "بل") || strings.HasPrefix(name, "وبال") || strings.HasPrefix(name, "بال") {
			t.Errorf("mention %s keeps its proclitic", m)
		}
	}
}

func TestTagOffsetsPointIntoText(t *testing.T) {
	tg := loadT(t)
	text := "أعلن رئيس الوزراء البريطاني في لندن، أن حكومته ستدعم الأمم المتحدة."
	toks := arabic.Tokenize(text)
	r := []rune(text)
	for _, m := range tg.Tag(toks) {
		if m.Start < toks[m.TokStart].Start || m.End != toks[m.TokEnd-1].End || m.Start >= m.End || m.End > len(r) {
			t.Errorf("mention %+v does not lie on its tokens", m)
		}
	}
}

func TestTagBadInput(t *testing.T) {
	tg := loadT(t)
	long := strings.Repeat("ذهب محمد إلى السوق ", 2500) // 10,000 tokens, no full stop
	tests := []string{
		"",
		"!!! ... ؟؟ ،،، ---",
		"شاهدت البرنامج على MBC مصر أمس",
		"xyzzy قررقرق ثثثثث 12345 @@",
		"\xff\xfe كلمة",
		long,
	}
	for _, text := range tests {
		ms := tg.Tag(arabic.Tokenize(text))
		n := len([]rune(text))
		for _, m := range ms {
			if m.Start < 0 || m.End > n || m.Start >= m.End {
				t.Errorf("bad mention %+v in %.40q", m, text)
			}
		}
	}
	if got := tg.Tag(nil); len(got) != 0 {
		t.Errorf("Tag(nil) = %v", got)
	}
}

func TestTagTextHonoursContext(t *testing.T) {
	tg := loadT(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := tg.TagText(ctx, "بيروت"); !errors.Is(err, context.Canceled) {
		t.Errorf("TagText on a cancelled context: err = %v", err)
	}
}

func TestOpenRejectsBadModels(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	gz := func(b []byte) []byte {
		var buf bytes.Buffer
		zw := gzip.NewWriter(&buf)
		zw.Write(b)
		zw.Close()
		return buf.Bytes()
	}
	truncated := embedded[:len(embedded)/2]
	flipped := bytes.Clone(embedded)
	flipped[len(flipped)/2] ^= 0x55
	tests := map[string]string{
		"missing":     filepath.Join(dir, "nope.gz"),
		"empty":       write("empty", nil),
		"not gzip":    write("text", []byte("hello")),
		"wrong magic": write("magic", gz([]byte("NOTNER1\n"))),
		"truncated":   write("trunc", truncated),
		"corrupted":   write("flip", flipped),
	}
	for name, path := range tests {
		tg, err := Open(path)
		if err == nil || tg != nil {
			t.Errorf("%s: Open succeeded", name)
			continue
		}
		if !strings.Contains(err.Error(), path) && name != "missing" {
			t.Errorf("%s: error %q does not name the file", name, err)
		}
	}
}

// tinyCorpus is a small training corpus composed for the tests.
func tinyCorpus() []Sentence {
	lines := []string{
		"قال:O الرئيس:O سامر:B-PER خليل:I-PER إن:O مدينة:O حلب:B-LOC آمنة:O",
		"زار:O سامر:B-PER خليل:I-PER مدينة:O حمص:B-LOC أمس:O",
		"أعلنت:O شركة:O نور:B-ORG للطاقة:I-ORG أرباحها:O",
		"التقى:O الوزير:O رامي:B-PER نادر:I-PER في:O حلب:B-LOC",
		"افتتحت:O شركة:O نور:B-ORG للطاقة:I-ORG فرعا:O في:O حمص:B-LOC",
		"قال:O الرئيس:O رامي:B-PER نادر:I-PER إن:O شركة:O نور:B-ORG للطاقة:I-ORG ناجحة:O",
	}
	var out []Sentence
	for _, l := range lines {
		var s Sentence
		for _, f := range strings.Fields(l) {
			i := strings.LastIndexByte(f, ':')
			s.Tokens = append(s.Tokens, f[:i])
			s.Tags = append(s.Tags, f[i+1:])
		}
		out = append(out, s)
	}
	return out
}

func TestTrainTinyCorpusRoundTrip(t *testing.T) {
	sents := tinyCorpus()
	opts := TrainOptions{Epochs: 5, Seed: 7}
	a, err := Train(context.Background(), sents, opts)
	if err != nil {
		t.Fatal(err)
	}
	sc := Evaluate(a, sents)
	if sc.All.F1 < 0.99 {
		t.Errorf("training-set F1 %.3f on a tiny corpus, want 1", sc.All.F1)
	}
	// Deterministic for a seed: same bytes.
	b, err := Train(context.Background(), sents, opts)
	if err != nil {
		t.Fatal(err)
	}
	var ba, bb bytes.Buffer
	if err := a.Write(&ba, 0); err != nil {
		t.Fatal(err)
	}
	if err := b.Write(&bb, 0); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(ba.Bytes(), bb.Bytes()) {
		t.Error("two trainings with one seed wrote different models")
	}
	// Written and read back, the model tags the same.
	c, err := decodeModel(bytes.NewReader(ba.Bytes()), "round trip")
	if err != nil {
		t.Fatal(err)
	}
	if got := Evaluate(c, sents); got.All != sc.All {
		t.Errorf("after a round trip: %+v, before: %+v", got.All, sc.All)
	}
	// A new sentence with a known cue and a known name.
	got := mentionTexts(c, "قال الرئيس سامر خليل إن حمص هادئة")
	want := []string{"PER:سامر خليل", "LOC:حمص"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("tiny model tagged %v, want %v", got, want)
	}
}

func TestTrainRejectsBadInput(t *testing.T) {
	if _, err := Train(context.Background(), nil, TrainOptions{}); err == nil {
		t.Error("Train(nil) succeeded")
	}
	bad := []Sentence{{Tokens: []string{"a", "b"}, Tags: []string{"O"}}}
	if _, err := Train(context.Background(), bad, TrainOptions{}); err == nil {
		t.Error("Train with mismatched tags succeeded")
	}
}

func TestReadCoNLL(t *testing.T) {
	in := "محمد B-PERS\nعلي I-PERS\nفي O\nتونس I-LOC\n\n\nبيروت B-LOC\n"
	s, err := ReadCoNLL(strings.NewReader(in), "test")
	if err != nil {
		t.Fatal(err)
	}
	if len(s) != 2 || strings.Join(s[0].Tags, " ") != "B-PER I-PER O B-LOC" || s[1].Tokens[0] != "بيروت" {
		t.Errorf("got %+v", s)
	}
	for _, bad := range []string{"", "محمد\n", "محمد B-XYZ\n"} {
		if _, err := ReadCoNLL(strings.NewReader(bad), "bad"); err == nil || !strings.Contains(err.Error(), "bad") {
			t.Errorf("ReadCoNLL(%q): err = %v", bad, err)
		}
	}
}

func TestTrainStackedOnOneDocument(t *testing.T) {
	// Fewer sentences than one document: no fold has training data of its
	// own, and training must still succeed.
	tg, err := Train(context.Background(), tinyCorpus(), TrainOptions{Epochs: 5, Stack: true})
	if err != nil {
		t.Fatal(err)
	}
	if tg.w2 == nil {
		t.Fatal("no second stage")
	}
	if sc := Evaluate(tg, tinyCorpus()); sc.All.F1 < 0.99 {
		t.Errorf("training-set F1 %.3f", sc.All.F1)
	}
}

func TestTrainWithMargin(t *testing.T) {
	sents := tinyCorpus()
	plain, err := Train(context.Background(), sents, TrainOptions{Epochs: 5, Seed: 7})
	if err != nil {
		t.Fatal(err)
	}
	wide, err := Train(context.Background(), sents, TrainOptions{Epochs: 5, Seed: 7, Margin: 10})
	if err != nil {
		t.Fatal(err)
	}
	if sc := Evaluate(wide, sents); sc.All.F1 < 0.99 {
		t.Errorf("with a margin, training-set F1 %.3f on a tiny corpus, want 1", sc.All.F1)
	}
	// Training for a margin goes on updating after the gold tags first win,
	// so the gold tags of every training token win by more.
	gap := func(tg *Tagger) float32 {
		least := float32(1e9)
		for _, s := range sents {
			views := tg.res.views(nil, tokensOf(s.Tokens))
			for i := range views {
				sc := make([]float32, nTags)
				tg.w.emit(sc, features(nil, views, i))
				g, _ := parseTag(s.Tags[i])
				for k, v := range sc {
					if k != g {
						least = min(least, sc[g]-v)
					}
				}
			}
		}
		return least
	}
	if p, w := gap(plain), gap(wide); w <= p {
		t.Errorf("smallest gold-over-other emission gap: %.2f with a margin, %.2f without; want it larger", w, p)
	}
}
