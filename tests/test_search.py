"""Search quality, measured as a reader meets it: each query typed into the built site's own
search box in Chromium, the first result judged by the section it links to."""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
from playwright.sync_api import expect

from searching import figures, load, ranks_of
from searching import results as _results
from searching import search_page as _search_page

pytestmark = pytest.mark.browser

QUERIES = load("search_queries.yaml")
KINDS = ("exact", "natural", "abbr", "typo")


@pytest.fixture(scope="module")
def ranks(served, real_site, browser):
    page = _search_page(served, browser)
    out = list(zip(QUERIES, ranks_of(page, QUERIES, real_site)))
    page.close()
    by_kind = defaultdict(list)
    for query, rank in out:
        by_kind[query["kind"]].append(rank)
    print("\nkind      queries  top1   top3   MRR")
    for kind in (*KINDS, "all"):
        found = [r for q, r in out] if kind == "all" else by_kind[kind]
        got = figures(found)
        print(f"{kind:9} {len(found):7}  {got['top1']:.3f}  {got['top3']:.3f}  {got['mrr']:.3f}")
    for query, rank in out:
        if rank != 1:
            print(f"  not first: [{query['kind']}] {query['q']!r} -> rank {rank}")
    return out


def test_the_query_set_covers_four_kinds_and_fifty_queries():
    assert len(QUERIES) >= 50
    assert {q["kind"] for q in QUERIES} == set(KINDS)


def test_overall_top1_is_at_least_95_percent(ranks):
    top1 = sum(rank == 1 for _, rank in ranks) / len(ranks)
    assert top1 >= 0.95, f"top-1 {top1:.3f}"


@pytest.mark.parametrize("kind, floor", [("exact", 0.9), ("natural", 0.85), ("abbr", 1.0), ("typo", 0.9)])
def test_top1_per_kind(ranks, kind, floor):
    found = [rank for query, rank in ranks if query["kind"] == kind]
    top1 = sum(rank == 1 for rank in found) / len(found)
    assert top1 >= floor, f"{kind}: top-1 {top1:.3f}"


def test_every_query_finds_its_section_in_the_top_three(ranks):
    missed = [q["q"] for q, rank in ranks if not rank or rank > 3]
    assert not missed


def test_a_corrected_query_says_so(served, browser):
    page = _search_page(served, browser)
    _results(page, "maintainance window")
    assert page.locator(".notes-search-corrected").inner_text() == \
        "Showing results for maintenance window. Search instead for maintainance window"
    _results(page, "maintenance window")
    assert page.locator(".notes-search-corrected").count() == 0
    page.close()


def test_search_instead_for_what_was_typed_searches_it_uncorrected(served, browser):
    page = _search_page(served, browser)
    _results(page, "maintainance window")
    page.locator(".notes-search-exact").click()
    page.wait_for_function("() => document.querySelector('.md-search-result__meta').dataset.notesQuery"
                           " === 'maintainance window' && !document.querySelector('.notes-search-corrected')")
    assert page.locator("input.md-search__input").input_value() == "maintainance window"
    # The next query is corrected again.
    _results(page, "placment groups")
    assert "placement groups" in page.locator(".notes-search-corrected").inner_text()
    page.close()


@pytest.mark.parametrize("query", ["load balancer checking if targets are healthy",
                                   "cpu gets slow once t3 credits are used up",
                                   "unhealthy servers behind the balancer",
                                   "problem with my server's own settings",
                                   # "apps" is in no English list (pyspellchecker lacks it) but in
                                   # everyday.yaml; it was once searched as "pps" (packets per second)
                                   "web apps grow by adding servers",
                                   "configs of my servers",
                                   # Jargon the cleanup knows (known_words.txt) is no typo either: it
                                   # was searched as "backed", the English list lacking "backend".
                                   "what happens when a backend dies", "restart the systemd service",
                                   # Case and punctuation are never a correction either.
                                   "What is EBS?", "spot block?", "Spot Block!"])
def test_correctly_spelt_english_is_never_rewritten(served, browser, query):
    page = _search_page(served, browser)
    _results(page, query)
    assert page.locator(".notes-search-corrected").count() == 0
    page.close()


def test_a_result_links_to_its_section_and_the_hit_is_highlighted_on_arrival(served, browser):
    page = _search_page(served, browser)
    _results(page, "Spot Block")
    first = page.locator(".md-search-result__item a.md-search-result__link:has(article:not([data-md-score='0.00']))").first
    assert "/ec2/" in first.get_attribute("href") and first.get_attribute("href").endswith("#spot-block")
    first.click()
    page.wait_for_url(re.compile(r"#spot-block$"))
    page.wait_for_selector("article mark[data-md-highlight]")
    # The theme swaps the page in and then scrolls to the section: wait for it, as a reader would.
    expect(page.locator("#spot-block")).to_be_visible()
    page.close()


def test_everyday_words_find_the_notes_term(served, browser):
    # "asleep" and "server" are nowhere in the notes: everyday.yaml gives "hibernate", "instance".
    page = _search_page(served, browser)
    first = _results(page, "keep a server asleep")[0]
    assert first[1] in ("ec2-hibernate", "introducing-ec2-hibernate"), first
    page.close()


def test_a_question_naming_a_page_by_an_everyday_word_is_answered_on_that_page(served, browser):
    # "traffic splitter" is the load balancer (everyday.yaml); "Requests type" on the EC2 page
    # has "request" in its heading, in another sense (Spot requests), and used to come first.
    page = _search_page(served, browser)
    path, fragment = _results(page, "log every request the traffic splitter gets")[0]
    assert path.endswith("/elastic-load-balancing/") and fragment == "monitoring", (path, fragment)
    page.close()


def test_a_word_derived_from_the_notes_word_counts(served, browser):
    # "automatically" stems to "automat", the notes' "automation" to "autom": the SSM
    # automation section ("restart instances") comes first only when the two are read as kin.
    page = _search_page(served, browser)
    path, fragment = _results(page, "restart servers automatically")[0]
    assert path.endswith("/systems-manager/") and fragment == "ssm-automation", (path, fragment)
    page.close()


def test_everyday_words_are_found_in_any_form(served, browser):
    # everyday.yaml lists "license" and "licensing" for the notes' "licence"; "licensed" is
    # neither, but the same word: compared by stems, it finds Dedicated hosts (BYOL licences).
    page = _search_page(served, browser)
    path, fragment = _results(page, "software licensed per core")[0]
    assert fragment == "dedicated-hosts", (path, fragment)
    page.close()


def test_ranking_by_meaning_puts_the_section_that_means_the_question_first(served, browser):
    # The Spot section with "up to 90% discount" shares no word with the question but
    # "machines" (which everyday.yaml reads as "instance", as every EC2 section says): the
    # words alone rank another Spot section first; the word vectors put this one first.
    query = "cheapest machines that can be taken away"
    with_meaning = _search_page(served, browser)
    assert _results(with_meaning, query)[0][1] == "purchasing-options-spot-instances"
    with_meaning.close()
    words_only = browser.new_page()
    words_only.route(re.compile(r".*/(word-vectors|sentence-model|section-meaning)\.bin$"), lambda route: route.abort())
    words_only = _search_page(served, browser, words_only)
    assert _results(words_only, query)[0][1] != "purchasing-options-spot-instances", \
        "the words alone now find it: choose a question only the meaning finds"
    words_only.close()


def test_the_vectors_and_the_model_are_fetched_only_once_the_reader_starts_to_search(served, browser):
    page = browser.new_page()
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    page.goto(served.url + "ec2/", wait_until="load")
    page.wait_for_timeout(500)
    meaning = re.compile(r"(word-vectors|sentence-model|sentence-kernel|section-meaning)")
    assert not [url for url in fetched if meaning.search(url)], "fetched before search was used"
    page.locator("input.md-search__input").focus()
    page.wait_for_timeout(1500)
    for name in ("word-vectors.bin", "sentence-model.bin", "sentence-model.js", "sentence-kernel.wasm", "section-meaning.bin"):
        assert [url for url in fetched if url.endswith("assets/" + name)], name
    page.close()


def test_the_sentence_model_finds_a_section_that_shares_no_word_with_the_question(served, browser):
    # "my server got a new address after a reboot": the Elastic IPs section says "public IP"
    # and "stop/start"; only what the words mean connects them.
    page = _search_page(served, browser)
    assert "elastic-ip" in (_results(page, "my server got a new address after a reboot")[0][1] or "")
    page.close()


# Search input at its edges: lunr's operators, their numbers, other forms of the same letters.

@pytest.mark.parametrize("query", ["spot~1", "spot^10", "+spot +block", "title:spot", "\uff33\uff50\uff4f\uff54 block"])
def test_lunr_operators_and_full_width_letters_find_what_the_words_find(served, browser, query):
    page = _search_page(served, browser)
    plain = _results(page, "spot block")
    assert plain, "the plain words find nothing"
    found = _results(page, query)
    assert found and found[0][0] == plain[0][0], (query, found[:3], plain[:3])
    assert "spot" in (found[0][1] or "")
    # Another form of the same letters is not a correction.
    assert page.locator(".notes-search-corrected").count() == 0
    page.close()


def test_a_ligature_finds_the_word_it_joins(served, browser):
    page = _search_page(served, browser)
    assert _results(page, "con\ufb01guration")[:3] == _results(page, "configuration")[:3]
    page.close()


def test_a_huge_edit_distance_in_the_address_neither_hangs_nor_stops_search(served, browser):
    page = browser.new_page()
    page.route(re.compile(r"^(?!http://127\.0\.0\.1)"), lambda route: route.abort())
    page.goto(served.url + "?q=instance~99", wait_until="load")
    # The theme searches for the address's query at once; the results must arrive.
    page.wait_for_function("() => /matching document/i.test(document.querySelector('.md-search-result__meta')"
                           ".textContent)", timeout=15000)
    page.close()


@pytest.mark.parametrize("query, same_as", [("\uff25\uff23\uff12", "EC2"), ("\uff25\uff23\uff12 spot", "EC2 spot")])
def test_full_width_letters_find_what_their_plain_letters_find(served, browser, query, same_as):
    page = _search_page(served, browser)
    assert _results(page, query)[:3] == _results(page, same_as)[:3]
    assert page.locator(".notes-search-corrected").count() == 0
    page.close()


# What the results say: never a missing word that was not typed, never an error.

def test_missing_lists_only_words_the_reader_typed(served, browser):
    page = _search_page(served, browser)
    query = "restart the server zzqx"
    _results(page, query)
    missing = page.eval_on_selector_all(".md-search-result__terms del", "els => els.map(e => e.textContent.trim())")
    typed = set(query.split())
    assert missing and set(missing) <= typed, missing
    page.close()


def test_opening_search_logs_no_error(served, browser):
    page = browser.new_page()
    errors = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.route(re.compile(r"^(?!http://127\.0\.0\.1)"), lambda route: route.abort())
    page.goto(served.url, wait_until="load")
    page.locator("input.md-search__input").click()
    _results(page, "spot block")
    page.wait_for_timeout(500)
    assert errors == []
    page.close()


# Each plain-English set keeps a floor: at most one query fewer first than on 2026-11-29
# (39 of 62, 21 of 30, 19 of 38: top-1 0.629, 0.700, 0.500), and for the sets run only to
# report, than when first run with the sentence model (17 of 35 on 2026-11-30, 22 of 30 on 2026-12-01).
PLAIN_FLOORS = [("search_plain_queries.yaml", 39), ("search_plain_heldout.yaml", 21), ("search_plain_third.yaml", 19),
                ("search_plain_fourth.yaml", 17), ("search_plain_fifth.yaml", 22)]


@pytest.mark.parametrize("name, first", PLAIN_FLOORS)
def test_each_plain_english_set_keeps_its_floor(served, real_site, browser, name, first):
    queries = load(name)
    page = _search_page(served, browser)
    ranks = ranks_of(page, queries, real_site)
    page.close()
    assert sum(rank == 1 for rank in ranks) >= first - 1, (name, figures(ranks))
