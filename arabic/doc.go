// Package arabic is akhbar's orthography and morphology layer: normalization,
// tokenization with code-point offsets, clitic segmentation, light stemming,
// the search analyzer and name keys for transliterated names.
//
// It imports no other package of akhbar; every other layer builds on it.
package arabic
