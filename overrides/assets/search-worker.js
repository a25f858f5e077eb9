/*
 * The site's search worker: the theme's own worker (lunr, its index, its highlighting), with
 * three things in front of it and one behind it.
 *
 * In front, on every query:
 *   1. Misspelt words are corrected against the words of the notes ("maintainance window" ->
 *      "maintenance window"); the result says so, and the page shows "Showing results for",
 *      with a link to search for exactly what was typed. A word that is English is never
 *      corrected, though the notes lack it ("checking", "healthy"), nor is its plural or a
 *      word of the everyday list: the word list (english.js) is loaded for the first word the
 *      notes do not know.
 *   2. Abbreviations and what they stand for find each other, from the same glossary that
 *      feeds the pages' tooltips: "AZ" also looks for "Availability Zone", "Systems Manager"
 *      also for "SSM"; everyday words bring in the notes' term ("server" for "instance").
 * Behind, on every result:
 *   3. Ranking by section: the words of the question in a section's heading, its context and
 *      its text, the whole question held before a part of it, a page whose subject the
 *      question names before others. A page's own entry (the text above its first heading)
 *      leads only when it is the best match on that page; otherwise it is just the title of
 *      its group, and the best section comes first.
 *   4. Ranking by meaning: static word vectors (word-vectors.bin, made by
 *      scripts/distill_vectors.py) add up to a vector for the question and for each section;
 *      the closer they are, the more the section gains, so "restart the server" leans towards
 *      the sections about rebooting instances. Fetched when the search box is first used.
 */
"use strict";

const SETUP = 0, QUERY = 2, RESULT = 3;
const MIN_CORRECTED_LENGTH = 4;   // "ec2", "az", "ssm": too short to guess at
const LUNR_SYNTAX = /[*~^:+\-"]/;
// lunr's operators, bounded: "~N" makes lunr expand a word to every word within N edits, and
// "instance~99" enumerates the whole index for each (the tab hung); 2 edits is as far as a
// typo goes. A boost only orders results: past 100 it orders them no differently.
const MAX_EDIT_DISTANCE = 2, MAX_BOOST = 100;
const LUNR_FUZZ = /~(\d*)/g, LUNR_BOOST = /\^(\d*(?:\.\d+)?)/g;
// What lunr reads as syntax and the words do not hold: an operator's number, a field name,
// a leading + or -, quotes and wildcards (a field is the index's own: "kms:Decrypt" is one word).
const LUNR_OPERATORS = /[~^]\d*(?:\.\d+)?|\b(?:title|text|tags):(?=\S)|(^|\s)[+\-]|["*]/gi;

/* A query in lunr's syntax with its numbers bounded. */
function bounded(query) {
  return query
    .replace(LUNR_FUZZ, (_, n) => `~${Math.min(Number(n || 1), MAX_EDIT_DISTANCE)}`)
    .replace(LUNR_BOOST, (_, n) => `^${Math.min(Number(n) || 1, MAX_BOOST)}`);
}

/* A query's words without lunr's operators: what the sections are ranked by. */
function wordsOf(query) {
  return query.replace(LUNR_OPERATORS, "$1 ").replace(/\s+/g, " ").trim();
}

let separator = /[\s\-]+/;
let vocabulary = new Map();       // word -> how often the notes use it
let glossary = [];                // [{abbr, words}] from the glossary
let everyday = [];                // [[term's words, [everyday phrases as stems]]]: "instance" for "server"
let everydayWords = new Set();    // every word of that list: search knows them, so never corrects them
let lastCorrection = null;

function tokens(text) {
  return String(text).split(separator).map(t => t.toLowerCase()).filter(Boolean);
}

function learn(docs) {
  const counts = new Map();
  for (const doc of docs)
    for (const token of tokens(`${doc.title} ${doc.text} ${(doc.tags || []).join(" ")}`.replace(/<[^>]+>/g, " ")))
      counts.set(token, (counts.get(token) || 0) + 1);
  // Punctuation trimmed once a distinct token, not once a use: "cron," is the word "cron".
  vocabulary = new Map();
  for (const [token, count] of counts) {
    const word = trim(token);
    if (word) vocabulary.set(word, (vocabulary.get(word) || 0) + count);
  }
  const pairs = Object.entries(self.NOTES_EVERYDAY || {});
  everyday = pairs.map(([term, plain]) => [tokens(term), plain.map(stems)]);
  everydayWords = new Set(pairs.flatMap(([term, plain]) => [term, ...plain]).flatMap(tokens));
  glossary = Object.entries(self.NOTES_GLOSSARY || {}).map(([abbr, expansion]) => ({
    abbr: abbr.toLowerCase(), words: tokens(expansion), squashed: squash(expansion)
  }));
}

/* Damerau-Levenshtein distance, stopping early once it exceeds `limit`. */
function distance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let previous2 = null, previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (previous2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, previous2[j - 2] + 1);
      current.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) return limit + 1;
    previous2 = previous;
    previous = current;
  }
  return previous[b.length];
}

let english = null;               // Set of English words, loaded when first needed

function isEnglish(word) {
  if (english === null) {
    try {
      importScripts("english.js");
      english = new Set(String(self.NOTES_ENGLISH || "").split(" "));
    } catch (error) {
      english = new Set();           // without the list, correct as before rather than fail
    }
  }
  return english.has(word);
}

function known(word, isLast) {
  if (vocabulary.has(word) || everydayWords.has(word) || glossary.some(g => g.abbr === word)) return true;
  // "apps", "cmks": the plural of a known word is a word too.
  if (word.length >= 4 && word.endsWith("s") && known(word.slice(0, -1), false)) return true;
  // "server's", "don't": English when the word before the apostrophe is.
  if (isEnglish(word) || (word.includes("'") && word.split("'").every(part => !part || part.length < 4 || isEnglish(part))))
    return true;
  // The word being typed: a prefix of a word in the notes is not a typo (yet).
  if (isLast) for (const candidate of vocabulary.keys()) if (candidate.startsWith(word)) return true;
  return false;
}

function correct(word, isLast) {
  if (word.length < MIN_CORRECTED_LENGTH || /\d/.test(word) || known(word, isLast)) return word;
  const limit = word.length >= 8 ? 2 : 1;
  let best = null, bestDistance = limit + 1, bestCount = 0;
  for (const [candidate, count] of vocabulary) {
    if (candidate.length < MIN_CORRECTED_LENGTH - 1) continue;
    const d = distance(word, candidate, limit);
    if (d < bestDistance || (d === bestDistance && count > bestCount)) {
      best = candidate; bestDistance = d; bestCount = count;
    }
  }
  return best && bestDistance <= limit ? best : word;
}

/* The query with misspellings fixed, as the reader would write it (for "Showing results for"). */
function corrected(query) {
  if (LUNR_SYNTAX.test(query)) return query;   // the reader is writing lunr syntax: leave it be
  const words = query.split(/(\s+)/);
  const last = words.map(w => w.trim() !== "").lastIndexOf(true);
  return words.map((word, i) => {
    if (!word.trim()) return word;
    const parts = tokens(word);
    if (parts.length !== 1 || parts[0] !== word.toLowerCase()) return word;   // identifiers, paths
    const fixed = correct(parts[0], i === last && !/\s$/.test(query));
    return sameWords(fixed, word) ? word : fixed;
  }).join("");
}

/* Whether two spellings are the same words to a reader: case and punctuation are no correction
   ("What is EBS?" is not corrected to "what is ebs"). */
function sameWords(a, b) {
  const plain = text => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
  return plain(a) === plain(b);
}

/* Extra terms that say the same thing: abbreviations for expansions and back. Each extra word
 * keeps the words typed it stands for, so that a section holding it answers those words. */
function synonyms(query) {
  const words = tokens(query);
  const text = ` ${words.join(" ")} `;
  const extra = new Map();          // extra word -> the words typed it stands for
  const add = (said, meant) => {
    for (const word of meant) if (!words.includes(word)) extra.set(word, [...new Set([...(extra.get(word) || []), ...said])]);
  };
  for (const { abbr, words: expansion } of glossary) {
    if (words.includes(abbr)) add([abbr], expansion);
    else if (expansion.length > 1 && text.includes(` ${expansion.join(" ")} `)) add(expansion, [abbr]);
  }
  // Everyday words bring in the notes' term for them: "server" also looks for "instance", and
  // so does "servers" (the words are compared by their stems).
  const stemmed = words.map(word => stem(trim(word)));
  for (const [term, plain] of everyday)
    for (const phrase of plain)
      for (let i = 0; i + phrase.length <= stemmed.length; i++)
        if (phrase.every((s, j) => stemmed[i + j] === s)) add(words.slice(i, i + phrase.length).map(trim), term);
  return [...extra].map(([word, stands]) => ({ word, for: stands }));
}

/* --- Meaning ----------------------------------------------------------------------------- */

let vectors = null;              // {index: Map word -> row, weights, packed: four bits a value, step, dims}
let sectionVectors = new Map();  // location -> unit vector of its title and text
let vectorsLoading = null;
let vectorsSettled = false;       // loaded, or failed for good

/* The file scripts/distill_vectors.py writes: words, a weight each, four-bit vector values. */
function readVectors(buffer) {
  const view = new DataView(buffer);
  if (new TextDecoder().decode(new Uint8Array(buffer, 0, 4)) !== "NWV1") throw new Error("search: not a word-vectors file");
  const count = view.getUint32(4, true), dims = view.getUint16(8, true), scale = view.getFloat32(12, true);
  const wordBytes = view.getUint32(16, true);
  let offset = 20;
  const words = new TextDecoder().decode(new Uint8Array(buffer, offset, wordBytes)).split("\n");
  offset += wordBytes;
  const weights = new Uint8Array(buffer, offset, count);
  offset += count;
  // The values stay packed: a query or a section reads the rows of its own words only, so the
  // first search does not wait for all 30,000 rows to be unpacked.
  const packed = new Uint8Array(buffer, offset, count * dims / 2);
  return { index: new Map(words.map((w, i) => [w, i])), weights, packed, step: scale / 7, dims };
}

/* The weighted sum of the words' vectors, as a unit vector (null when no word is known). */
function meaning(text) {
  if (!vectors) return null;
  const sum = new Float32Array(vectors.dims);
  let any = false;
  for (const word of tokens(text).map(trim)) {
    const row = vectors.index.get(word);
    if (row === undefined) continue;
    const weight = vectors.weights[row] / 255, at = row * vectors.dims / 2;
    for (let d = 0; d < vectors.dims; d += 2) {
      const byte = vectors.packed[at + d / 2];   // two values a byte, the first in the low four bits
      sum[d] += weight * ((byte & 15) - 8) * vectors.step;
      sum[d + 1] += weight * ((byte >> 4) - 8) * vectors.step;
    }
    any = true;
  }
  const norm = Math.hypot(...sum);
  return any && norm ? sum.map(v => v / norm) : null;
}

function closeness(a, b) {
  let dot = 0;
  for (let d = 0; d < a.length; d++) dot += a[d] * b[d];
  return Math.max(0, dot);
}

/* A file beside the worker, from the site itself. */
function fetchBytes(name) {
  return fetch(name).then(response => {
    if (!response.ok) throw new Error(`search: ${name}: ${response.status}`);
    return response.arrayBuffer();
  });
}

/* Fetch the vectors once; when they arrive, search again so the results on screen use them. */
function loadVectors(docs) {
  if (vectorsLoading) return vectorsLoading;
  vectorsLoading = fetchBytes("word-vectors.bin")
    .then(buffer => {
      vectors = readVectors(buffer);
      sectionVectors = new Map();
      for (const doc of docs) {
        const title = plainText(doc.title);
        const vector = meaning(`${title} ${title} ${plainText(doc.text)}`);
        if (vector) sectionVectors.set(doc.location, vector);
      }
      vectorsSettled = true;
      // Results already on screen (the wait ran out) are searched again with the meaning.
      if (pendingQuery === null && lastQuery.typed.trim()) searchAgain();
    })
    .catch(error => { vectorsSettled = true; console.warn(error); });   // then by words alone
  return vectorsLoading;
}

/* The sentence model (sentence-model.js, -.bin, and its matrix product in WebAssembly,
 * sentence-kernel.wasm) and each section's vector from the build (section-meaning.bin): fetched
 * once the reader searches, never on page load. While they are on their way, or if they fail,
 * the word vectors above stand in; without the kernel the model does its products in
 * JavaScript, slower. */
let model = null;                // {embed(text)}
let modelSections = new Map();   // location -> its passages' vectors, as notesite/encoder.py read them at build time
let modelLoading = null;
let modelSettled = false;
const askedMeanings = new Map(); // question -> its vector: each keystroke's text read once
const MAX_ASKED_MEANINGS = 200;

function readSectionMeaning(buffer) {
  const view = new DataView(buffer);
  if (new TextDecoder().decode(new Uint8Array(buffer, 0, 4)) !== "NSV1") throw new Error("search: not a section-meaning file");
  const count = view.getUint32(4, true), dims = view.getUint32(8, true), length = view.getUint32(12, true);
  const locations = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 16, length)));
  let at = 16 + length + ((4 - (16 + length) % 4) % 4);
  const out = new Map();           // location -> its passages' vectors
  for (let i = 0; i < count; i++, at += 4 + dims) {
    const scale = view.getFloat32(at, true), values = new Int8Array(buffer, at + 4, dims);
    if (!out.has(locations[i])) out.set(locations[i], []);
    out.get(locations[i]).push(Float32Array.from(values, v => v * scale));
  }
  return out;
}

function loadModel() {
  if (modelLoading) return modelLoading;
  modelLoading = Promise.all([fetchBytes("sentence-model.bin"), fetchBytes("section-meaning.bin"),
                              fetchBytes("sentence-kernel.wasm").catch(error => { console.warn(error); return null; })])
    .then(([weights, sections, kernel]) => {
      importScripts("sentence-model.js");
      model = sentenceModel(weights, kernel && new Uint8Array(kernel));
      modelSections = readSectionMeaning(sections);
      modelSettled = true;
      if (pendingQuery === null && lastQuery.typed.trim()) searchAgain();
    })
    .catch(error => { modelSettled = true; console.warn(error); });
  return modelLoading;
}

/* The question's vector by the model, once it is here (null before). */
function askedMeaning(text) {
  if (!model || !text.trim()) return null;
  if (!askedMeanings.has(text)) {
    if (askedMeanings.size >= MAX_ASKED_MEANINGS) askedMeanings.clear();
    askedMeanings.set(text, model.embed(text));
  }
  return askedMeanings.get(text);
}

/* --- Ranking ----------------------------------------------------------------------------- */

// Derivational endings: "weekly" (weekli) for "week", "automatically" (automat) for "automate".
const DERIVED_ENDINGS = /^(li|ly|al|ic|at|ion|ment|er|or|ive|ical|abl|ibl)$/;
let documents = new Map();       // location -> {title: Set, text: Map, squashedTitle, squashedText, words}
let documentFrequency = new Map();

function stem(word) {
  return self.lunr ? self.lunr.stemmer(new self.lunr.Token(word)).toString() : word;
}

function isStopWord(word) {
  return self.lunr ? !self.lunr.stopWordFilter(new self.lunr.Token(word)) : false;
}

function trim(word) {
  return word.replace(/^\W+|\W+$/g, "");
}

function stems(text) {
  return tokens(text).map(trim).filter(Boolean).map(stem);
}

function squash(text) {
  return String(text).toLowerCase().replace(/[^a-z0-9]+/g, "");
}

function plainText(html) {
  return String(html).replace(/<[^>]+>/g, " ").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

function index(docs) {
  const pageStems = new Map(docs.filter(doc => !doc.location.includes("#")).map(doc => [doc.location, new Set(stems(plainText(doc.title)))]));
  documents = new Map();
  documentFrequency = new Map();
  for (const doc of docs) {
    const title = plainText(doc.title), text = plainText(doc.text);
    const titleStems = new Set(stems(title));
    const textStems = new Map();
    for (const s of stems(text)) textStems.set(s, (textStems.get(s) || 0) + 1);
    // A section's context: the headings above it and its page's title ("AMI" for "AMI process").
    const page = pageStems.get(doc.location.split("#")[0]) || new Set();
    const parents = new Set([...stems(((self.NOTES_SECTIONS || {})[doc.location] || []).join(" ")), ...(doc.location.includes("#") ? page : [])]);
    documents.set(doc.location, {
      literal: new Set([...tokens(title), ...tokens(text)].map(trim)),
      title: titleStems, parents, text: textStems, words: text.split(/\s+/).length,
      page,
      squashedTitle: squash(title), squashedText: squash(text)
    });
    for (const s of new Set([...titleStems, ...textStems.keys()]))
      documentFrequency.set(s, (documentFrequency.get(s) || 0) + 1);
  }
}

/*
 * The query as terms. Each word typed is one term, met by any of its forms: the word itself
 * (stemmed), what an abbreviation stands for ("AZ": availability + zone, all of them), and for
 * the word still being typed, the word of the notes it most likely becomes ("hibernat").
 * Expansions typed out also bring in their abbreviation, as a weaker extra term.
 */
function queryTerms(query, extra, original) {
  const typed = tokens(query).map(trim).filter(w => w && !isStopWord(w));
  const asTyped = tokens(original).map(trim).filter(w => w && !isStopWord(w));
  const terms = typed.map((word, i) => {
    const forms = [{ stems: [stem(word)], prefix: null }];
    // A corrected word still counts as typed: "difference" is a word, even if the notes lack it.
    if (asTyped.length === typed.length && asTyped[i] !== word) forms.push({ stems: [stem(asTyped[i])], prefix: null });
    const abbreviation = glossary.find(g => g.abbr === word);
    if (abbreviation) forms.push({ stems: abbreviation.words.map(stem), prefix: null });
    else if (i === typed.length - 1 && word.length >= 3) {
      forms[0].prefix = word;
      const completion = complete(word);
      if (completion) forms.push({ stems: [stem(completion)], prefix: null });
    }
    return { forms, weight: 1, abbreviation, word, derived: derivedStems(word) };
  });
  const synonymTerms = extra.map(({ word, for: stands }) =>
    ({ forms: [{ stems: [stem(word)], prefix: null }], weight: WEIGHTS.synonym, for: stands }));
  // Each word typed knows the extra terms that stand for it: a section holding one of them
  // holds that word, in the notes' words.
  for (const term of terms) term.through = synonymTerms.filter(t => t.for.includes(term.word));
  return [...terms, ...synonymTerms];
}

/*
 * The notes' words derived from the word typed, or it from them: the stemmer leaves "weekly"
 * (weekli) apart from "week" and "automatically" (automat) from "automate" (autom). Only
 * derivational endings count, so "port" does not become "portal".
 */
function derivedStems(word) {
  const base = stem(word);
  if (base.length < WEIGHTS.derivedMinStem) return [];
  const derives = (longer, shorter) => longer.startsWith(shorter) && DERIVED_ENDINGS.test(longer.slice(shorter.length));
  return [...documentFrequency.keys()].filter(s =>
    s !== base && s.length >= WEIGHTS.derivedMinStem && (derives(s, base) || derives(base, s)));
}

/* The most used word of the notes that starts with what is typed, if it is not a word itself. */
function complete(prefix) {
  if (vocabulary.has(prefix)) return null;
  let best = null, bestCount = 0;
  for (const [word, count] of vocabulary)
    if (word.startsWith(prefix) && count > bestCount) { best = word; bestCount = count; }
  return best;
}

function score(location, terms, phrase) {
  const doc = documents.get(location);
  return doc ? scoreSection(doc, location.includes("#"), terms, phrase, { total: documents.size, frequency: documentFrequency }) : 0;
}

/* The query as a phrase worth finding whole: several words, or one identifier-like word. */
function phraseOf(query) {
  const words = query.trim().split(/\s+/).filter(w => !isStopWord(w.toLowerCase()));
  const squashed = squash(words.join(" "));
  const identifier = /[_./\d]|[a-z][A-Z]/.test(query);
  return squashed.length >= 4 && (words.length > 1 || identifier) ? squashed : null;
}

/* The sections closest in meaning join the results, though they share no word with the
 * question: "my server got a new address" is answered by "Elastic IPs". */
function addMeant(result, near) {
  const shown = new Set(result.items.flat().map(item => item.location));
  const closest = [...modelSections.keys()].map(location => [location, near(location)])
    .filter(([location, close]) => close >= WEIGHTS.minMeantCloseness && !shown.has(location) && setupIndex.has(location))
    .sort((a, b) => b[1] - a[1]).slice(0, WEIGHTS.meantResults);
  for (const [location] of closest) {
    const doc = setupIndex.get(location), page = location.split("#")[0];
    const item = { location, title: doc.title, text: doc.text, score: 0, terms: {} };
    const group = result.items.find(items => items.length && items[0].location.split("#")[0] === page);
    if (group) group.push(item); else result.items.push([item]);
  }
}

/* How close a section is to the question: its closest passage by the model, or its one vector
 * of word vectors before the model has arrived. */
function sectionCloseness(asked, location) {
  if (!model) { const section = sectionVectors.get(location); return section ? closeness(asked, section) : 0; }
  return Math.max(0, ...(modelSections.get(location) || []).map(vector => closeness(asked, vector)));
}

/* Each section's closeness to the question, worked out once a query: the sections found by
 * meaning alone and the results' scores read the same figures. */
function closenessTo(asked) {
  const known = new Map();
  return location => {
    if (!known.has(location)) known.set(location, sectionCloseness(asked, location));
    return known.get(location);
  };
}

function rerank(result, query, extra, original) {
  const terms = queryTerms(query, extra, original);
  const askedWords = new Set(tokens(query).map(trim).filter(Boolean));
  const phrase = phraseOf(query);
  const asked = model ? askedMeaning(query) : meaning(query);
  // Meaning counts as far as the reader's words are not the notes' own: "SSM parameter store"
  // is found by its words alone, "where to keep passwords for my app" needs the meaning.
  const typed = terms.filter(term => term.weight === 1);
  const foreign = typed.filter(term => !vocabulary.has(term.word)).length / Math.max(1, typed.length);
  // ... and as far as no section found holds the question's words together.
  const bestHeld = Math.max(0, ...result.items.flat().map(item => {
    const doc = documents.get(item.location);
    return doc ? heldShare(doc, terms) : 0;
  }));
  const semanticWeight = meaningWeight(foreign, Boolean(model), bestHeld);
  const near = asked ? closenessTo(asked) : null;
  if (model && asked) addMeant(result, near);
  const groups = result.items.map(items => {
    for (const item of items) {
      item.score = score(item.location, terms, phrase);
      if (asked && (item.score > 0 || model)) item.score += semanticWeight * near(item.location);
    }
    const article = items.find(item => !item.location.includes("#"));
    const bestSection = Math.max(0, ...items.filter(item => item !== article).map(item => item.score));
    // A page's own entry leads only when it is the best match on its page; otherwise it is
    // just the title of its group.
    if (article && article.score < bestSection) article.score = 0;
    // "Missing:" under a result lists only words the reader typed (or the correction shown),
    // never the extra terms, the completion or the synonyms search added.
    for (const item of items)
      for (const term of Object.keys(item.terms || {}))
        if (!askedWords.has(term.toLowerCase())) delete item.terms[term];
    items.sort((a, b) => b.score - a.score);
    return items;
  });
  const best = items => Math.max(...items.map(item => item.score));
  result.items = groups.filter(items => best(items) > 0).sort((a, b) => best(b) - best(a));
  return result;
}

// Results leave through postMessage: re-rank them and say whether the query was corrected.
let lastQuery = { typed: "", text: "", extra: [] };
const post = self.postMessage.bind(self);
self.postMessage = message => {
  if (message && message.type === RESULT && message.data) {
    rerank(message.data, lastQuery.text, lastQuery.extra, lastQuery.typed);
    message.data.corrected = lastCorrection;
    message.data.query = lastQuery.typed;
  }
  post(message);
};

// Queries arrive as messages: rewrite them before the theme's worker (which listens after this
// one) sees them.
let exactQuery = null;            // "Search instead for ...": this query is not corrected
let setupDocs = null;             // the index's documents, for the sections' meaning
let setupIndex = new Map();       // location -> its document, for sections found by meaning alone
let wanted = false;               // the search box was used before the index arrived
let lastSearch = null;            // what the theme's worker was last asked, to ask it again
let pendingQuery = null;          // the query typed while the word vectors were on their way
const VECTORS_WAIT_MS = 2000;     // the model's 23 MB from the site itself, the first time

self.addEventListener("message", event => {
  const message = event.data;
  // The site's own messages are not the theme's: its worker would throw on them.
  if (message && message.notes === "exact") {
    event.stopImmediatePropagation();
    exactQuery = typeof message.data === "string" ? message.data : null;
    return;
  }
  // The reader is about to search (the page sends this when the search box gets focus).
  if (message && message.notes === "warm") {
    event.stopImmediatePropagation();
    wanted = true;
    if (setupDocs) loadVectors(setupDocs);
    loadModel();
    return;
  }
  if (!message || message.notes) return;
  if (message.type === SETUP) {
    if (message.data.config.separator) separator = new RegExp(message.data.config.separator);
    setupDocs = message.data.docs;
    setupIndex = new Map(setupDocs.map(doc => [doc.location, doc]));
    learn(setupDocs);
    index(setupDocs);
    if (wanted) loadVectors(setupDocs);
    return;
  }
  if (message.type !== QUERY || typeof message.data !== "string") return;
  event.stopImmediatePropagation();
  if (!setupDocs || !message.data.trim()) return search(message.data);   // the theme's own empty queries
  // The first search waits for the meaning of words (a moment, from the site itself), so that
  // results do not reorder under the reader's eyes; if it is slow, it searches without it.
  const loading = Promise.all([loadVectors(setupDocs), loadModel()]);
  if (vectorsSettled && modelSettled) return search(message.data);
  pendingQuery = message.data;
  Promise.race([loading, new Promise(done => setTimeout(done, VECTORS_WAIT_MS))]).then(() => {
    if (pendingQuery !== null) { const data = pendingQuery; pendingQuery = null; search(data); }
  });
});

/* Rewrite the query typed and hand it to the theme's worker (which listens after this one). */
function search(typed) {
  // Another query ends it (not the empty one the page sends to search again).
  if (exactQuery !== null && typed.trim() && typed.trim() !== exactQuery.trim()) exactQuery = null;
  // Full-width letters ("ＥＣ２") and ligatures ("proﬁle") as the notes write them: not a
  // correction, so not shown as one.
  const normal = typed.normalize("NFKC");
  const fixed = exactQuery !== null ? normal : corrected(normal);
  lastCorrection = sameWords(fixed, normal) ? null : fixed;
  const syntax = LUNR_SYNTAX.test(fixed);
  const ranked = syntax ? wordsOf(fixed) : fixed;
  const more = synonyms(ranked);
  lastQuery = { typed, text: ranked, extra: more };
  const last = fixed.trim().split(/\s+/).pop();
  const completion = /\s$/.test(fixed) ? null : complete(last.toLowerCase());
  // Every word twice: exact (stemmed, so "patching" finds "patch") and as a prefix (for the word
  // being typed); synonyms exact only. Stop words would match every word as prefixes: dropped.
  const words = fixed.split(/\s+/).filter(w => w && !isStopWord(w.toLowerCase()));
  const kept = words.length ? words : [fixed];
  const query = syntax ? bounded(fixed)
    : [...kept.flatMap(w => [`${w}^3`, w]), ...more.map(({ word }) => `${word}^1`),
       ...(completion ? [`${completion}^2`] : [])].join(" ");
  lastSearch = query;
  self.dispatchEvent(new MessageEvent("message", { data: { type: QUERY, data: query, notes: true } }));
}

function searchAgain() {
  if (lastSearch !== null)
    self.dispatchEvent(new MessageEvent("message", { data: { type: QUERY, data: lastSearch, notes: true } }));
}

// The theme's own worker, by the name the build found in the installed theme (see
// hooks/search_wiring.py); only a name of that shape is loaded.
const THEME_WORKER = new URL(self.location.href).searchParams.get("theme") || "";
if (!/^javascripts\/workers\/search\.[0-9a-f]+\.min\.js$/.test(THEME_WORKER))
  throw new Error(`search: not the theme's search worker: ${THEME_WORKER}`);
importScripts("search-ranking.js", "glossary.js", "sections.js", THEME_WORKER);
