// Package ner finds the names of people (PER), organizations (ORG), places
// (LOC) and other named things (MISC) in Arabic text.
//
// The tagger is an averaged perceptron over BIO tags, decoded with the
// Viterbi algorithm, trained by akhbar's own code on ANERcorp (see
// README.md). Its features suit Arabic: the folded word, its clitic-stripped
// base and light stem, prefixes and suffixes, the shape of transliterated
// foreign names, cue words such as الرئيس or منظمة, neighbouring words, and
// word classes learned from unlabelled news (package wordclass).
//
// Mentions exclude proclitics: in لكازاخستان the mention is كازاخستان.
package ner
