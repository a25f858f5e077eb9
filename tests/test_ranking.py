"""The search ranking's pure functions (overrides/assets/search-ranking.js), in Chromium, on index
entries of a few words: one behaviour a test. Entries and terms are built as the search worker
builds them (stems as sets and counts; a term's forms, weight and the words it stands for)."""

from __future__ import annotations

from pathlib import Path

import pytest

RANKING = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "search-ranking.js"

# Helpers in the page: an entry from words, a term from a word; stems are the words themselves.
HELPERS = """
self.entry = (title, text, more = {}) => ({
  title: new Set(title.split(" ").filter(Boolean)), parents: new Set(more.parents || []),
  page: new Set(more.page || []), text: new Map(), literal: new Set([...title.split(" "), ...text.split(" ")]),
  words: more.words || text.split(" ").length, squashedTitle: title.replace(/ /g, ""), squashedText: text.replace(/ /g, ""),
  ...(() => { const counts = new Map(); for (const w of text.split(" ").filter(Boolean)) counts.set(w, (counts.get(w) || 0) + 1);
              return { text: counts }; })()
});
self.term = (word, weight = 1, more = {}) => ({ forms: [{ stems: [word], prefix: null }], weight, word, derived: more.derived || [],
  through: more.through });
self.stats = { total: 100, frequency: new Map() };
"""


@pytest.fixture(scope="module")
def page(browser):
    page = browser.new_page()
    page.set_content("<!doctype html><title>ranking</title>")
    page.add_script_tag(path=str(RANKING))
    page.evaluate(HELPERS)
    yield page
    page.close()


def test_a_heading_that_names_the_query_beats_a_section_that_mentions_it(page):
    assert page.evaluate("""() => {
        const terms = [term("spot")];
        return scoreSection(entry("spot", "cheap"), true, terms, null, stats)
             > scoreSection(entry("pricing", "spot cheap"), true, terms, null, stats); }""")


def test_a_section_that_holds_every_word_asked_beats_one_that_holds_some(page):
    assert page.evaluate("""() => {
        const terms = [term("spot"), term("block")];
        return scoreSection(entry("notes", "spot block hours"), true, terms, null, stats)
             > scoreSection(entry("notes", "spot spot spot hours"), true, terms, null, stats); }""")


def test_a_word_held_only_in_the_notes_term_for_it_counts_less_than_the_word_typed(page):
    assert page.evaluate("""() => {
        const synonym = term("instance", WEIGHTS.synonym);
        synonym.for = ["server"];
        const typed = term("server", 1, { through: [synonym] });
        const terms = [typed, synonym];
        const a = scoreSection(entry("notes", "server restarts"), true, terms, null, stats);
        const b = scoreSection(entry("notes", "instance restarts"), true, terms, null, stats);
        return a > b && b > 0; }""")


def test_a_derived_word_counts_half_a_match(page):
    assert page.evaluate("""() => match(new Set(["weekli"]), term("week", 1, { derived: ["weekli"] }))""") == 0.5
    assert page.evaluate("""() => match(new Set(["week"]), term("week"))""") == 1


def test_a_long_section_s_text_counts_for_less_than_a_short_one_s(page):
    assert page.evaluate("""() => {
        const terms = [term("hibernate")];
        return scoreSection(entry("notes", "hibernate ram", { words: 40 }), true, terms, null, stats)
             - scoreSection(entry("notes", "hibernate ram", { words: 4000 }), true, terms, null, stats); }""") > 1


def test_a_page_s_top_counts_for_less_than_a_section_that_matches_as_well(page):
    assert page.evaluate("""() => {
        const terms = [term("placement")];
        const doc = entry("placement", "groups");
        return scoreSection(doc, false, terms, null, stats) < scoreSection(doc, true, terms, null, stats); }""")


def test_the_query_found_whole_in_a_heading_beats_it_found_whole_in_the_text(page):
    assert page.evaluate("""() => {
        const terms = [term("status"), term("check")];
        return scoreSection(entry("statuscheck", "x"), true, terms, "statuscheck", stats)
             > scoreSection(entry("notes", "status check"), true, terms, "statuscheck", stats); }""")


def test_a_page_the_question_names_lifts_its_sections(page):
    assert page.evaluate("""() => {
        const terms = [term("splitter"), term("requests")];
        return scoreSection(entry("logs", "requests", { page: ["splitter"] }), true, terms, null, stats)
             > scoreSection(entry("logs", "requests"), true, terms, null, stats); }""")


def test_meaning_counts_more_the_fewer_words_are_the_notes_own_and_most_by_the_model(page):
    weights = page.evaluate("() => [meaningWeight(0, true), meaningWeight(1, true), meaningWeight(0, false), meaningWeight(1, false)]")
    assert weights[0] < weights[1] and weights[2] < weights[3]
    assert weights[0] == pytest.approx(90 * 0.05) and weights[1] == 90


def test_a_section_holds_the_share_of_the_words_typed_it_has_and_half_for_the_notes_term(page):
    shares = page.evaluate("""() => {
        const synonym = term("instance", WEIGHTS.synonym);
        synonym.for = ["server"];
        const terms = [term("server", 1, { through: [synonym] }), term("password"), synonym];
        return [heldShare(entry("notes", "server password"), terms), heldShare(entry("password", "notes"), terms),
                heldShare(entry("notes", "instance password"), terms), heldShare(entry("notes", "other"), terms)]; }""")
    assert shares == [1, 0.5, 0.75, 0]


def test_meaning_counts_more_when_no_section_holds_the_words_typed_together(page):
    weights = page.evaluate("() => [meaningWeight(0, true, 1), meaningWeight(0, true, 0.5), meaningWeight(0, true, 0), meaningWeight(1, true, 0)]")
    assert weights[0] == pytest.approx(90 * 0.05) and weights[0] < weights[1] < weights[2] < weights[3] == 90
