/* The site's search ranking: pure functions of a search index entry and the query's terms,
 * and every weight in one object, each with what it does and how it was chosen. No state: the
 * search worker (search-worker.js) indexes the notes, builds the terms and calls these; the
 * tests call them in Chromium on entries of a few words (tests/test_ranking.py). */
"use strict";

const WEIGHTS = Object.freeze({
  // By the words: set by hand against the 100 queries (tests/search_queries.yaml), each where
  // the queries of its kind stopped improving without another kind losing one.
  title: 3,            // a heading that names the query beats a section that mentions it
  pageTitle: 1,        // but a page's title (the service) is named by half the queries
  synonym: 0.5,        // "Availability Zone" for "AZ" counts, but less than the words typed
  coverage: 6,         // sections that hold every word of the question come first
  synonymCoverage: 0.5, // ... a word held only in the notes' term for it, this much
  // The query as typed, found whole ("StatusCheckFailed_Instance" for "status check failed
  // instance", "150 GB"): as strong as every word of it in a heading, and more in a heading.
  phraseInText: 1.2,
  phraseInTitle: 2,
  titleFit: 4,         // of two headings that name the query, the one with less else wins
  exactTitle: 0.3,     // ... and a heading that is just what was asked wins clearly
  lengthDamping: 400,  // words after which a long section's text counts for less
  pageTop: 0.8,        // a page's introduction is less specific than a section that matches as well
  parent: 0.5,         // "Placement Groups" above "Spread": the heading's context, weaker
  // A question that names a page's subject, if only by an everyday word ("traffic splitter" for
  // Elastic Load Balancing), is about that page: each of its sections gains, so that the page's
  // group of results comes first and its own best section leads, not a section elsewhere that
  // shares a word in another sense ("Requests type" for "every request").
  pageNamed: 2,
  derived: 0.5,        // "weekly" for "week": the same idea, not the same word
  derivedMinStem: 4,   // shorter stems share beginnings by chance
  literal: 0.5,        // the word exactly as typed ("patching"), not only its stem
  // By meaning, before the sentence model arrives: the word vectors' closeness (0.3-0.9).
  wordVectors: 10,     // a section that means the question gains up to this much
  wordVectorsFloor: 0.3, // ... when every word typed is one of the notes', this share of it
  // By the sentence model: a section's closeness is its closest passage's (0.1-0.8). Chosen on
  // the first plain-English set and the 100 queries (top-1): 40 x closeness 0.661 / 0.970, 60
  // 0.694 / 0.970, 90 0.694 / 0.960, and 90 with a twentieth where the notes' own words were
  // typed 0.694 (top-3 0.855) / 0.970: the notes' words decide where they were typed, meaning
  // where not.
  model: 90,
  modelFloor: 0.05,
  // Meaning also counts as far as no section holds the question's words: a question all in the
  // notes' words that no section holds together ("where to keep passwords for my app" meets
  // "passwords" in one place, "app" in another) is a question of meaning, at this share of the
  // words missing from the section that holds the most. Chosen on the first plain-English set
  // and the 100 queries (top-1 / top-3): 0 (off) 0.694 / 0.855, 0.3 0.694 / 0.871, 0.5
  // 0.710 / 0.887, 0.7 0.710 / 0.871, 1 0.694 / 0.855; the 100 queries 0.970 at each.
  wordsMissing: 0.5,
  meantResults: 5,     // sections found by meaning alone that join the results...
  minMeantCloseness: 0.35, // ... when at least this close to the question
});

/* How much meaning counts for a question: more the fewer of its words are the notes' own, or
 * the fewer of them the best-holding section holds (`heldShare`, 0 to 1; 1 when unknown). */
function meaningWeight(foreignShare, byModel, bestHeld = 1) {
  const floor = byModel ? WEIGHTS.modelFloor : WEIGHTS.wordVectorsFloor;
  const weak = Math.max(foreignShare, WEIGHTS.wordsMissing * (1 - bestHeld));
  return (byModel ? WEIGHTS.model : WEIGHTS.wordVectors) * (floor + (1 - floor) * weak);
}

/* The share of the words typed that a section holds, in its heading, its parents' or its text
 * (a word held only in the notes' term for it, half, as towards holding the whole question). */
function heldShare(doc, terms) {
  const typed = terms.filter(term => term.weight === 1);
  if (!typed.length) return 0;
  const holds = term => (match(doc.title, term) || match(doc.parents, term) || match(doc.text, term)) ? 1 : 0;
  let held = 0;
  for (const term of typed)
    held += Math.max(holds(term), WEIGHTS.synonymCoverage * Math.max(0, ...(term.through || []).map(holds)));
  return held / typed.length;
}

/* 1 when the field holds a form of the term, 0.5 when only a prefix or a derived word of it. */
function match(field, term) {
  let best = 0;
  if (term.derived && term.derived.some(s => field.has(s))) best = WEIGHTS.derived;
  for (const form of term.forms) {
    if (form.stems.every(s => field.has(s))) return 1;
    if (form.prefix)
      for (const s of field.keys()) if (s.startsWith(form.prefix)) { best = 0.5; break; }
  }
  return best;
}

function textCount(doc, term) {
  return Math.max(...term.forms.map(f => Math.min(...f.stems.map(s => doc.text.get(s) || 0))));
}

/* A search index entry's score for the query's terms: `doc` is the entry as the worker indexed
 * it (stems of its title, parents, page and text, its words), `isSection` whether it is a
 * section rather than a page's top, `stats` the index's size and each stem's document count. */
function scoreSection(doc, isSection, terms, phrase, stats) {
  const total = Math.max(1, stats.total);
  let value = 0, matched = 0, wanted = 0, allInTitle = 0, definitions = 0;
  const found = new Map();          // term -> how well the section holds it (0 to 1)
  for (const term of terms) {
    const rarest = Math.min(...term.forms[0].stems.map(s => stats.frequency.get(s) || 1));
    const idf = Math.log(1 + total / rarest);
    const inTitle = Math.max(match(doc.title, term), WEIGHTS.parent * match(doc.parents, term));
    const inText = match(doc.text, term);
    value += term.weight * idf * WEIGHTS.pageNamed * match(doc.page, term);
    if (term.weight === 1) allInTitle += WEIGHTS.title * idf;
    if (term.word && doc.literal.has(term.word)) value += WEIGHTS.literal * idf;
    // Where an abbreviation typed is spelled out, the notes explain it: "AZ" -> "Availability Zone".
    if (term.abbreviation && doc.squashedText.includes(term.abbreviation.squashed)) definitions += WEIGHTS.title * idf;
    const count = Math.max(textCount(doc, term), inText ? 1 : 0);
    value += term.weight * idf * ((isSection ? WEIGHTS.title : WEIGHTS.pageTitle) * inTitle
                                  + inText * Math.sqrt(Math.min(count, 4)) / (1 + doc.words / WEIGHTS.lengthDamping));
    found.set(term, Math.max(inTitle, inText));
    if (term.weight === 1) wanted += 1;
  }
  // Every word typed counts towards holding the whole question, in the notes' words if need be:
  // "server template" is answered by a section on the AMI, though less than in the words typed.
  for (const term of terms)
    if (term.through)
      matched += Math.max(found.get(term), WEIGHTS.synonymCoverage * Math.max(0, ...term.through.map(t => found.get(t))));
  let phraseFound = false;
  if (phrase && doc.squashedTitle.includes(phrase)) { value += WEIGHTS.phraseInTitle * allInTitle; phraseFound = true; }
  else if (phrase && doc.squashedText.includes(phrase)) { value += WEIGHTS.phraseInText * allInTitle; phraseFound = true; }
  // Spelled out where the notes explain an abbreviation: the whole answer when the abbreviation
  // is the whole query ("AZ"), one clue among several in a longer one.
  value += WEIGHTS.phraseInText * definitions / Math.max(1, wanted);
  if (wanted) value += WEIGHTS.coverage * (phraseFound ? 1 : (matched / wanted) ** 2);
  if (doc.title.size) {
    // A heading word named by a synonym counts as much as the synonym does: "AMI" is not just
    // what "server template" asked.
    const named = [...doc.title].reduce((sum, s) =>
      sum + Math.max(0, ...terms.filter(t => t.forms.some(f => f.stems.includes(s))).map(t => t.weight)), 0);
    const fit = named / doc.title.size;
    value += WEIGHTS.titleFit * fit + (fit === 1 ? WEIGHTS.exactTitle * allInTitle : 0);
  }
  return isSection ? value : WEIGHTS.pageTop * value;
}
