package ner

import (
	"bufio"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// classEntry is one word's entry in the word-class table.
type classEntry struct {
	count  uint32 // occurrences in the unlabelled corpus
	fine   uint16 // fine class
	coarse uint16 // coarse class (a cluster of fine classes)
}

// Classes maps folded words to the word classes learned from unlabelled
// news (see package wordclass) and to their corpus counts. A nil *Classes
// has no words.
type Classes struct {
	words map[string]classEntry
}

// count returns how often the folded word w occurred in the corpus the
// classes were learned from (0 when unknown).
func (c *Classes) count(w string) uint32 {
	if c == nil {
		return 0
	}
	return c.words[w].count
}

// alCount returns the corpus count of the word with the definite article
// (ال + w); names seldom take it.
func (c *Classes) alCount(w string) uint32 {
	if c == nil {
		return 0
	}
	return c.words["ال"+w].count
}

// ReadClasses reads a word-class file as written by wordclass.Write: one
// word a line, "word<TAB>count<TAB>fine<TAB>coarse", words folded; lines
// starting with # are comments. name names the input in errors.
func ReadClasses(r io.Reader, name string) (*Classes, error) {
	c := &Classes{words: map[string]classEntry{}}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64*1024), 1024*1024)
	line := 0
	for sc.Scan() {
		line++
		text := sc.Text()
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Split(text, "\t")
		if len(f) != 4 {
			return nil, fmt.Errorf("%s:%d: want 4 tab-separated fields (word, count, fine, coarse), got %d", name, line, len(f))
		}
		n, err1 := strconv.ParseUint(f[1], 10, 32)
		fine, err2 := strconv.ParseUint(f[2], 10, 16)
		coarse, err3 := strconv.ParseUint(f[3], 10, 16)
		if err1 != nil || err2 != nil || err3 != nil {
			return nil, fmt.Errorf("%s:%d: count and classes must be small non-negative integers: %q", name, line, text)
		}
		c.words[f[0]] = classEntry{count: uint32(n), fine: uint16(fine), coarse: uint16(coarse)}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading %s: %w", name, err)
	}
	if len(c.words) == 0 {
		return nil, fmt.Errorf("%s: no word classes", name)
	}
	return c, nil
}

// Len returns the number of words with a class.
func (c *Classes) Len() int {
	if c == nil {
		return 0
	}
	return len(c.words)
}
