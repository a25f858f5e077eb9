"""The data files have their own rules: sorted, no duplicates, nothing that fights itself."""

from __future__ import annotations

import re

import pytest

from notesite import data
from notesite.inline import normalizer


def _entries(name: str) -> list[str]:
    return [line for _, line in data._data_lines(data.DATA_DIR / name)]


@pytest.mark.parametrize("name", ["terms.txt", "labels.txt", "known_words.txt"])
def test_word_lists_are_sorted_and_unique(name):
    entries = _entries(name)
    assert len({e.lower() for e in entries}) == len(entries), "duplicate entry"
    if name != "terms.txt":
        assert entries == sorted(entries, key=str.lower)


def test_corrections_are_sorted_unique_and_never_map_a_word_to_itself():
    entries = _entries("corrections.txt")
    wrong = [e.split("->")[0].lower() for e in entries]
    assert wrong == sorted(wrong), "keep corrections.txt sorted"
    assert len(set(wrong)) == len(wrong), "a misspelling is listed twice"
    for wrong_word, right in data.corrections().items():
        assert wrong_word.lower() != right.lower(), f"{wrong_word} maps to itself"


def test_no_correction_rewrites_a_real_aws_term():
    known = set(data.casing()) | {s.lower() for svc in data.services() for s in svc.spellings()}
    for wrong in data.corrections():
        assert wrong.lower() not in known, f"{wrong} is a real term; remove it from corrections.txt"


def test_no_correction_is_undone_by_another():
    fixes = {v.lower() for v in data.corrections().values()}
    for wrong in data.corrections():
        assert wrong.lower() not in fixes


def test_glossary_keys_are_sorted_and_expansions_say_something():
    keys = list(data.glossary())
    own = [k for k in keys if k not in {s.abbr for s in data.services()}]
    assert own == sorted(own, key=str.lower)
    for abbr, expansion in data.glossary().items():
        assert expansion and expansion.lower() != abbr.lower()


def test_services_have_unique_names_and_valid_page_slugs():
    names = [s.name.lower() for s in data.services()]
    assert len(set(names)) == len(names)
    spellings: dict[str, str] = {}
    for service in data.services():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", service.page), service.page
        for spelling in service.spellings():
            owner = spellings.setdefault(spelling.lower(), service.name)
            assert owner == service.name, f"{spelling!r} names both {owner} and {service.name}"


def test_sub_services_live_on_a_page_a_service_owns():
    owners = {}
    for service in data.services():
        owners.setdefault(service.page, service)
    opsworks = next(s for s in data.services() if s.name == "OpsWorks")
    assert owners[opsworks.page].name == "Systems Manager"


def test_labels_are_recognised_in_any_case():
    norm = normalizer()
    assert norm.split_label("use CAses: big data") == ("Use cases", "big data")
    assert norm.split_label("ex: we have") == ("Ex", "we have")
    assert norm.split_label("Explain this") is None


def test_everyday_words_are_sorted_and_each_names_one_term():
    everyday = data.everyday()
    assert list(everyday) == sorted(everyday), "keep everyday.yaml sorted by term"
    plain = [word for words in everyday.values() for word in words]
    assert len(plain) == len(set(plain)), "an everyday word stands for two terms"
    assert not set(plain) & set(everyday), "an everyday word is also a term"
