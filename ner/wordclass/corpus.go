package wordclass

// Corpus is a sequence of words, as ids into a vocabulary, with document
// boundaries. Build one with Add and EndDoc.
type Corpus struct {
	index  map[string]int32
	words  []string
	counts []int64
	ids    []int32 // -1 marks the end of a document
}

// NewCorpus returns an empty corpus.
func NewCorpus() *Corpus {
	return &Corpus{index: map[string]int32{}}
}

// Add appends word to the current document.
func (c *Corpus) Add(word string) {
	id, ok := c.index[word]
	if !ok {
		id = int32(len(c.words))
		c.index[word] = id
		c.words = append(c.words, word)
		c.counts = append(c.counts, 0)
	}
	c.counts[id]++
	c.ids = append(c.ids, id)
}

// EndDoc ends the current document: no context window crosses it.
func (c *Corpus) EndDoc() {
	if n := len(c.ids); n > 0 && c.ids[n-1] != -1 {
		c.ids = append(c.ids, -1)
	}
}

// Tokens returns the number of words added.
func (c *Corpus) Tokens() int {
	n := 0
	for _, id := range c.ids {
		if id >= 0 {
			n++
		}
	}
	return n
}

// Types returns the number of distinct words.
func (c *Corpus) Types() int { return len(c.words) }
