// Package quote finds who said what in an Arabic news text: direct quotations
// in quotation marks, reported speech introduced by a reporting verb and a
// complementizer (أكد أن، أشار إلى أن), statements continued by a dependent
// form (مشيرا إلى أن، مضيفا أن), headline attributions (لوكاشينكو: ...), and
// the places where the article credits a source (وبحسب موقع سبوتنيك، نقلا عن،
// المصدر: ...، the wire dateline (رويترز)).
//
// Find reads the tokens and sentences the arabic package produced and the
// entity mentions of the entity layer; it re-tokenizes nothing. Every offset
// is in Unicode code points, end exclusive. Work is linear in the text: a
// quotation never runs past its paragraph and reported speech never past its
// sentence, so an unbalanced mark cannot swallow the rest of an article.
package quote
