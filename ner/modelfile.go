package ner

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
)

// The model file is gzip-compressed binary:
//
//	magic "AKNER2\n" ("AKNER1\n" files, which lack the corpus tally, load too)
//	uvarint nTags, then each tag name (uvarint length, bytes)
//	first-stage weights: float32 bias against O, (nTags+1)*nTags float32
//	  transition scores (little endian), uvarint feature count; per
//	  feature, in increasing key order: uvarint key delta, uint16 mask of
//	  non-zero tags, a float32 per set bit
//	one byte: 1 if second-stage weights follow (same layout), else 0
//	uvarint word count; per word: name, uvarint count, fine, coarse
//	uvarint lexicon size; per entry: name, one byte of kind bits
//	uvarint tally size; per word: name, uvarint counts of O, PER, ORG, LOC,
//	  MISC, then of cue contexts cuePER to cueMISC
//	trailer "END\n"
const (
	modelMagic   = "AKNER2\n"
	modelMagicV1 = "AKNER1\n"
)

// limits that keep a corrupt file from asking for absurd memory.
const (
	maxFeatures = 20_000_000
	maxWords    = 5_000_000
	maxString   = 1 << 12
)

// writeModel writes the tagger's model to w. Rows whose weights are all
// below minWeight in magnitude are left out (pruned).
func writeModel(w io.Writer, t *Tagger, minWeight float32) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return fmt.Errorf("writing NER model: %w", err)
	}
	bw := bufio.NewWriter(zw)
	var tmp [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], x)]) }
	str := func(s string) { uv(uint64(len(s))); bw.WriteString(s) }
	bw.WriteString(modelMagic)
	uv(uint64(nTags))
	for i := range nTags {
		str(tagName(i))
	}
	writeWeights(bw, t.w, minWeight)
	if t.w2 == nil {
		bw.WriteByte(0)
	} else {
		bw.WriteByte(1)
		writeWeights(bw, t.w2, minWeight)
	}
	var words []string
	if t.res.classes != nil {
		for wd := range t.res.classes.words {
			words = append(words, wd)
		}
	}
	slices.Sort(words)
	uv(uint64(len(words)))
	for _, wd := range words {
		e := t.res.classes.words[wd]
		str(wd)
		uv(uint64(e.count))
		uv(uint64(e.fine))
		uv(uint64(e.coarse))
	}
	var names []string
	if t.res.lex != nil {
		for n := range t.res.lex.names {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	uv(uint64(len(names)))
	for _, n := range names {
		str(n)
		bw.WriteByte(t.res.lex.names[n])
	}
	tallied := make([]string, 0, len(t.res.corp))
	for wd := range t.res.corp {
		tallied = append(tallied, wd)
	}
	slices.Sort(tallied)
	uv(uint64(len(tallied)))
	for _, wd := range tallied {
		str(wd)
		for _, n := range t.res.corp[wd] {
			uv(uint64(n))
		}
	}
	bw.WriteString("END\n")
	if err := bw.Flush(); err != nil {
		return fmt.Errorf("writing NER model: %w", err)
	}
	if err := zw.Close(); err != nil {
		return fmt.Errorf("writing NER model: %w", err)
	}
	return nil
}

// writeWeights writes one weight set: transitions, then the features.
func writeWeights(bw *bufio.Writer, w *weights, minWeight float32) {
	var tmp [binary.MaxVarintLen64]byte
	uv := func(x uint64) { bw.Write(tmp[:binary.PutUvarint(tmp[:], x)]) }
	f32 := func(f float32) {
		var b [4]byte
		binary.LittleEndian.PutUint32(b[:], math.Float32bits(f))
		bw.Write(b[:])
	}
	f32(w.oBias)
	for _, f := range w.trans {
		f32(f)
	}
	keys := make([]uint64, 0, len(w.index))
	for k, r := range w.index {
		row := w.rows[int(r)*nTags : int(r)*nTags+nTags]
		if slices.ContainsFunc(row, func(f float32) bool { return f >= minWeight || f <= -minWeight }) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	uv(uint64(len(keys)))
	var last uint64
	for _, k := range keys {
		uv(k - last)
		last = k
		r := w.index[k]
		row := w.rows[int(r)*nTags : int(r)*nTags+nTags]
		var mask uint16
		for i, f := range row {
			if f >= minWeight || f <= -minWeight {
				mask |= 1 << i
			}
		}
		bw.Write([]byte{byte(mask), byte(mask >> 8)})
		for i, f := range row {
			if mask&(1<<i) != 0 {
				f32(f)
			}
		}
	}
}

// errCorrupt is wrapped by every error about a model file's content.
var errCorrupt = errors.New("not a valid akhbar NER model")

// decodeModel reads a model written by writeModel; name names the input in
// errors.
func decodeModel(r io.Reader, name string) (t *Tagger, err error) {
	fail := func(what string, e error) error {
		if e == nil {
			return fmt.Errorf("reading NER model %s: %w: %s", name, errCorrupt, what)
		}
		return fmt.Errorf("reading NER model %s: %w: %s: %v", name, errCorrupt, what, e)
	}
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fail("not gzip", err)
	}
	br := bufio.NewReader(zr)
	magic := make([]byte, len(modelMagic))
	if _, err := io.ReadFull(br, magic); err != nil || (string(magic) != modelMagic && string(magic) != modelMagicV1) {
		return nil, fail("bad magic", err)
	}
	uv := func() (uint64, error) { return binary.ReadUvarint(br) }
	str := func() (string, error) {
		n, err := uv()
		if err != nil {
			return "", err
		}
		if n > maxString {
			return "", fmt.Errorf("string of %d bytes", n)
		}
		b := make([]byte, n)
		_, err = io.ReadFull(br, b)
		return string(b), err
	}
	n, err := uv()
	if err != nil || n != uint64(nTags) {
		return nil, fail(fmt.Sprintf("tag count %d, want %d", n, nTags), err)
	}
	for i := range nTags {
		s, err := str()
		if err != nil || s != tagName(i) {
			return nil, fail(fmt.Sprintf("tag %d is %q, want %q", i, s, tagName(i)), err)
		}
	}
	w, err := readWeights(br)
	if err != nil {
		return nil, fail("first stage", err)
	}
	var w2 *weights
	switch stages, err := br.ReadByte(); {
	case err != nil:
		return nil, fail("stages", err)
	case stages == 1:
		if w2, err = readWeights(br); err != nil {
			return nil, fail("second stage", err)
		}
	case stages != 0:
		return nil, fail(fmt.Sprintf("stage flag %d", stages), nil)
	}
	nw, err := uv()
	if err != nil || nw > maxWords {
		return nil, fail(fmt.Sprintf("word count %d", nw), err)
	}
	var c *Classes
	if nw > 0 {
		c = &Classes{words: make(map[string]classEntry, nw)}
		for i := range nw {
			wd, err := str()
			if err != nil {
				return nil, fail(fmt.Sprintf("word %d", i), err)
			}
			var v [3]uint64
			for j := range v {
				if v[j], err = uv(); err != nil {
					return nil, fail(fmt.Sprintf("word %q", wd), err)
				}
			}
			if v[0] > math.MaxUint32 || v[1] > math.MaxUint16 || v[2] > math.MaxUint16 {
				return nil, fail(fmt.Sprintf("word %q classes out of range", wd), nil)
			}
			c.words[wd] = classEntry{count: uint32(v[0]), fine: uint16(v[1]), coarse: uint16(v[2])}
		}
	}
	nn, err := uv()
	if err != nil || nn > maxWords {
		return nil, fail(fmt.Sprintf("lexicon size %d", nn), err)
	}
	var lex *Lexicon
	if nn > 0 {
		lex = NewLexicon()
		for i := range nn {
			n, err := str()
			if err != nil || n == "" {
				return nil, fail(fmt.Sprintf("lexicon entry %d", i), err)
			}
			b, err := br.ReadByte()
			if err != nil || b == 0 || b >= 1<<5 {
				return nil, fail(fmt.Sprintf("lexicon entry %q", n), err)
			}
			lex.set(n, b)
		}
	}
	var corp corpusStats
	if string(magic) == modelMagic {
		nc, err := uv()
		if err != nil || nc > maxWords {
			return nil, fail(fmt.Sprintf("tally size %d", nc), err)
		}
		if nc > 0 {
			corp = make(corpusStats, nc)
		}
		for i := range nc {
			wd, err := str()
			if err != nil || wd == "" {
				return nil, fail(fmt.Sprintf("tally word %d", i), err)
			}
			c := new(tally)
			for j := range c {
				n, err := uv()
				if err != nil || n > math.MaxUint32 {
					return nil, fail(fmt.Sprintf("tally of %q", wd), err)
				}
				c[j] = uint32(n)
			}
			corp[wd] = c
		}
	}
	trailer := make([]byte, 4)
	if _, err := io.ReadFull(br, trailer); err != nil || string(trailer) != "END\n" {
		return nil, fail("missing trailer", err)
	}
	if _, err := br.ReadByte(); err != io.EOF {
		// Reading to the end also makes gzip check its CRC.
		return nil, fail("data after trailer", err)
	}
	if err := zr.Close(); err != nil {
		return nil, fail("gzip", err)
	}
	return newTagger(w, w2, resources{classes: c, lex: lex, corp: corp}), nil
}

// readWeights reads one weight set written by writeWeights.
func readWeights(br *bufio.Reader) (*weights, error) {
	f32 := func() (float32, error) {
		var b [4]byte
		if _, err := io.ReadFull(br, b[:]); err != nil {
			return 0, err
		}
		f := math.Float32frombits(binary.LittleEndian.Uint32(b[:]))
		if math.IsNaN(float64(f)) || math.IsInf(float64(f), 0) {
			return 0, errors.New("weight is not finite")
		}
		return f, nil
	}
	w := &weights{}
	var err error
	if w.oBias, err = f32(); err != nil {
		return nil, fmt.Errorf("bias: %w", err)
	}
	for i := range w.trans {
		if w.trans[i], err = f32(); err != nil {
			return nil, fmt.Errorf("transitions: %w", err)
		}
	}
	nf, err := binary.ReadUvarint(br)
	if err != nil || nf > maxFeatures {
		return nil, fmt.Errorf("feature count %d: %v", nf, err)
	}
	w.index = make(map[uint64]int32, nf)
	w.rows = make([]float32, 0, int(nf)*nTags)
	var key uint64
	for i := range nf {
		d, err := binary.ReadUvarint(br)
		if err != nil || (i > 0 && d == 0) {
			return nil, fmt.Errorf("feature %d key: %v", i, err)
		}
		key += d
		var mb [2]byte
		if _, err := io.ReadFull(br, mb[:]); err != nil {
			return nil, fmt.Errorf("feature %d: %w", i, err)
		}
		mask := uint16(mb[0]) | uint16(mb[1])<<8
		if mask>>nTags != 0 {
			return nil, fmt.Errorf("feature %d mask %#x", i, mask)
		}
		w.index[key] = int32(i)
		for t := range nTags {
			var f float32
			if mask&(1<<t) != 0 {
				if f, err = f32(); err != nil {
					return nil, fmt.Errorf("feature %d weight: %w", i, err)
				}
			}
			w.rows = append(w.rows, f)
		}
	}
	return w, nil
}
