// Package wordclass learns word classes from unlabelled text: word vectors
// by skip-gram with negative sampling (word2vec, Mikolov et al. 2013)
// written here, then k-means over the vectors for fine classes and k-means
// over the fine centroids for coarse classes. The NER tagger uses the
// classes as features, so that a name it never saw labelled still looks like
// the names it did see.
//
// Everything runs on one core and is deterministic for a seed.
package wordclass
