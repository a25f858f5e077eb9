"""The word vectors search ranks by meaning with: the file the worker reads, in the format
scripts/distill_vectors.py documents, small enough to fetch, and saying what words mean."""

from __future__ import annotations

import gzip
import math
import struct
from pathlib import Path

import pytest

from notesite import data

VECTORS = Path(__file__).resolve().parent.parent / "overrides" / "assets" / "word-vectors.bin"


def _read(blob: bytes):
    assert blob[:4] == b"NWV1"
    count, dims, _, scale, word_bytes = struct.unpack("<IHHfI", blob[4:20])
    words = blob[20:20 + word_bytes].decode("utf-8").split("\n")
    weights = blob[20 + word_bytes:20 + word_bytes + count]
    packed = blob[20 + word_bytes + count:]
    return count, dims, scale, words, weights, packed


@pytest.fixture(scope="module")
def vectors():
    count, dims, scale, words, weights, packed = _read(VECTORS.read_bytes())
    row = {word: i for i, word in enumerate(words)}

    def vector(word: str) -> list[float]:
        start = row[word] * dims // 2
        values = []
        for byte in packed[start:start + dims // 2]:
            values += [(byte & 15) - 8, (byte >> 4) - 8]
        norm = math.sqrt(sum(v * v for v in values))
        return [v / norm for v in values]

    return {"count": count, "dims": dims, "words": words, "weights": weights, "packed": packed,
            "vector": vector, "weight": lambda word: weights[row[word]] / 255}


def _closeness(vectors, a: str, b: str) -> float:
    return sum(x * y for x, y in zip(vectors["vector"](a), vectors["vector"](b)))


def test_the_file_holds_what_its_header_says(vectors):
    assert vectors["count"] == len(vectors["words"]) > 20_000
    assert vectors["dims"] % 2 == 0
    assert len(vectors["weights"]) == vectors["count"]
    assert len(vectors["packed"]) == vectors["count"] * vectors["dims"] // 2
    assert vectors["words"] == sorted(set(vectors["words"])), "words sorted, each once"
    assert all(word and word == word.lower() and "\n" not in word for word in vectors["words"])


def test_it_fetches_in_under_a_megabyte():
    assert len(gzip.compress(VECTORS.read_bytes(), 9)) < 1_000_000


def test_every_everyday_word_and_the_notes_terms_for_them_have_a_meaning(vectors):
    known = set(vectors["words"])
    for term, plain in data.everyday().items():
        for phrase in (term, *plain):
            for word in phrase.replace("-", " ").split():
                assert word in known, f"{word!r} ({phrase!r}) has no vector; run scripts/distill_vectors.py"


@pytest.mark.parametrize("word, alike, unlike", [
    ("restart", "reboot", "discount"),
    ("cheap", "discount", "reboot"),
    ("memory", "ram", "firewall"),
    ("server", "instance", "banana"),
    ("firewall", "security", "memory"),
])
def test_words_that_mean_alike_are_closer_than_words_that_do_not(vectors, word, alike, unlike):
    assert _closeness(vectors, word, alike) > _closeness(vectors, word, unlike) + 0.2


def test_common_words_weigh_less_than_telling_ones(vectors):
    # A question's "the" and "my" should not decide what it means; "hibernate" should.
    assert vectors["weight"]("the") < 0.05 and vectors["weight"]("my") < 0.2
    assert vectors["weight"]("hibernate") > 0.9
