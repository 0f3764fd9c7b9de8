package ner

import (
	"bytes"
	"compress/gzip"
	"context"
	"io"
	"slices"
	"strings"
	"testing"

	"akhbar/arabic"
)

// unlabelledNews is a few lines of news composed for these tests; each
// sentence comes three times so that its words reach minCorpusCount.
func unlabelledNews() []string {
	one := "زار سامر خليل مدينة حلب أمس. افتتحت شركة نور للطاقة فرعا في حمص."
	return []string{one, one, strings.Repeat(one+" ", 1) + "كلمة نادرة."}
}

func TestTallyCorpusCountsTagsAndCues(t *testing.T) {
	stage1, err := Train(context.Background(), tinyCorpus(), TrainOptions{Epochs: 5, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	st, tokens, err := tallyCorpus(context.Background(), stage1.w, stage1.res, unlabelledNews())
	if err != nil {
		t.Fatal(err)
	}
	if tokens < 3*14 {
		t.Errorf("tagged %d tokens, want at least 42", tokens)
	}
	halab := st["حلب"]
	if halab == nil {
		t.Fatalf("no tally for حلب; have %d words", len(st))
	}
	loc := 1 + 2 // O, PER, ORG, then LOC
	if halab[loc] != 3 || total(halab) != 3 {
		t.Errorf("حلب tallied %v, want 3 occurrences, all LOC", *halab)
	}
	if halab[len(types)+int(cueLOC)] != 3 {
		t.Errorf("حلب came after مدينة %d times, want 3", halab[len(types)+int(cueLOC)])
	}
	if st["نادره"] != nil {
		t.Error("a word seen once kept its tally")
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, _, err := tallyCorpus(ctx, stage1.w, stage1.res, unlabelledNews()); err == nil {
		t.Error("tallyCorpus ran on after its context was cancelled")
	}
}

func TestTrainWithUnlabelledKeepsTallyInModel(t *testing.T) {
	opts := TrainOptions{Epochs: 4, Stack: true, Folds: 2, Unlabelled: unlabelledNews()}
	var notes []string
	opts.Note = func(s string) { notes = append(notes, s) }
	tg, err := Train(context.Background(), tinyCorpus(), opts)
	if err != nil {
		t.Fatal(err)
	}
	if len(tg.res.corp) == 0 || len(notes) == 0 {
		t.Fatalf("model has %d tallied words after %d notes", len(tg.res.corp), len(notes))
	}
	var buf bytes.Buffer
	if err := tg.Write(&buf, 0); err != nil {
		t.Fatal(err)
	}
	back, err := decodeModel(bytes.NewReader(buf.Bytes()), "round trip")
	if err != nil {
		t.Fatal(err)
	}
	if len(back.res.corp) != len(tg.res.corp) || *back.res.corp["حلب"] != *tg.res.corp["حلب"] {
		t.Errorf("tally changed in a round trip: %d words, حلب %v", len(back.res.corp), back.res.corp["حلب"])
	}
	text := "قال الرئيس سامر خليل إن حمص هادئة"
	if a, b := mentionTexts(tg, text), mentionTexts(back, text); strings.Join(a, "|") != strings.Join(b, "|") {
		t.Errorf("read back, the model tags %v; before, %v", b, a)
	}
}

func TestOpenReadsModelsWithoutTally(t *testing.T) {
	// A model of the first format ("AKNER1") has no tally section.
	tg, err := Train(context.Background(), tinyCorpus(), TrainOptions{Epochs: 3})
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := tg.Write(&buf, 0); err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	raw, err := io.ReadAll(zr)
	if err != nil {
		t.Fatal(err)
	}
	// Without a tally the section is one zero byte before the trailer.
	body := raw[len(modelMagic) : len(raw)-len("\x00END\n")]
	var v1 bytes.Buffer
	zw := gzip.NewWriter(&v1)
	zw.Write([]byte(modelMagicV1))
	zw.Write(body)
	zw.Write([]byte("END\n"))
	zw.Close()
	old, err := decodeModel(&v1, "v1")
	if err != nil {
		t.Fatalf("reading a first-format model: %v", err)
	}
	text := "قال الرئيس سامر خليل إن حمص هادئة"
	if a, b := mentionTexts(tg, text), mentionTexts(old, text); strings.Join(a, "|") != strings.Join(b, "|") {
		t.Errorf("first-format model tags %v, want %v", b, a)
	}
}

func TestEvaluateListsMistakes(t *testing.T) {
	tg, err := Train(context.Background(), tinyCorpus(), TrainOptions{Epochs: 5, Seed: 3})
	if err != nil {
		t.Fatal(err)
	}
	// The gold standard calls a common word an organization and leaves a
	// name the tagger knows untagged.
	s := Sentence{
		Tokens: strings.Fields("زار سامر خليل مدينة حلب أمس"),
		Tags:   strings.Fields("B-ORG O O O B-LOC O"),
	}
	sc := Evaluate(tg, []Sentence{s})
	var got []string
	for _, m := range sc.Mistakes {
		got = append(got, m.Gold+">"+m.Found+":"+m.Text)
	}
	want := "ORG>:زار|>PER:سامر خليل"
	if strings.Join(got, "|") != want {
		t.Errorf("mistakes %v, want %s", got, want)
	}
	if sc.All.Correct != 1 || len(sc.Mistakes) != sc.All.Gold+sc.All.Predicted-2*sc.All.Correct {
		t.Errorf("scores %+v do not match %d mistakes", sc.All, len(sc.Mistakes))
	}
}

func TestStackFeaturesPairTallyWithCueAndFirstStage(t *testing.T) {
	corp := corpusStats{"العربي": &tally{10, 0, 2, 0, 0}} // mostly O in the news
	views := resources{}.views(nil, arabic.Tokenize("فاز فريق العربي"))
	keys := func(s1 []int) []uint64 {
		return stackFeatures(nil, views, s1, docStats{}, corp, 2)
	}
	asO, asORG := keys([]int{0, 0, 0}), keys([]int{0, 0, bORG})
	tallied := corp.signal(&views[2])
	afterCue := hashInt(hashKind(fCorpAfterCue), tallied<<8|int64(cueORG))
	if !slices.Contains(asO, afterCue) {
		t.Error("no feature pairs the tally of العربي with the ORG cue فريق before it")
	}
	withS1 := hashInt(hashKind(fCorpS1), tallied<<8|int64(bORG))
	if !slices.Contains(asORG, withS1) || slices.Contains(asO, withS1) {
		t.Error("the feature pairing the tally with the first stage's tag does not follow that tag")
	}
}
