"""The site's sentence model reads text as the original all-MiniLM-L6-v2 does: on 100 sentences
(questions, notes lines, typos, identifiers, other scripts), its vectors stay within cosine 0.99
of the original model's full-precision ones, which scripts/make_model.py recorded."""

from __future__ import annotations

import json
import os
from pathlib import Path

import numpy as np
import pytest

from notesite import meaning

ROOT = Path(__file__).resolve().parent.parent
REFERENCE = json.loads((ROOT / "tests" / "data" / "model-reference.json").read_text())


@pytest.fixture(scope="module")
def model():
    return meaning.load(ROOT / meaning.MODEL_FILE)


def test_the_model_file_is_the_one_pinned():
    assert meaning.digest(ROOT / meaning.MODEL_FILE) == meaning.MODEL_SHA256


def test_every_reference_sentence_means_what_the_original_model_says(model):
    assert len(REFERENCE["sentences"]) == 100
    for sentence, expected in zip(REFERENCE["sentences"], REFERENCE["embeddings"]):
        assert float(np.dot(model.embed(sentence), np.array(expected))) >= 0.99, sentence


def test_close_meanings_are_closer_than_unrelated_ones(model):
    ask, fact, other = (model.embed(t) for t in ("my server got a new address after a restart",
                                                 "Elastic IP addresses stay with the account",
                                                 "SQS visibility timeout hides a message"))
    assert float(ask @ fact) > float(ask @ other) + 0.1


def test_a_missing_or_changed_model_file_stops_the_build_naming_the_file(tmp_path):
    with pytest.raises(meaning.NotesError, match="sentence-model.bin"):
        meaning.load(tmp_path / "sentence-model.bin")
    changed = tmp_path / "sentence-model.bin"
    changed.write_bytes((ROOT / meaning.MODEL_FILE).read_bytes()[:-1] + b"\1")
    with pytest.raises(meaning.NotesError, match="make_model.py"):
        meaning.load(changed)


def test_a_model_file_written_again_in_the_same_process_is_checked_again(tmp_path):
    model = tmp_path / "sentence-model.bin"
    model.write_bytes((ROOT / meaning.MODEL_FILE).read_bytes())
    meaning.check(model)      # read once, and remembered by the file's identity and time
    meaning.check(model)
    before = model.stat()
    model.write_bytes(model.read_bytes()[:-1] + b"\1")     # same size, as a copy over it would be
    os.utime(model, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
    with pytest.raises(meaning.NotesError, match="make_model.py"):
        meaning.check(model)


@pytest.mark.parametrize("products", ["wasm", "javascript"])
def test_the_browser_reads_every_reference_sentence_as_the_build_does(browser, products):
    """The search worker's encoder (overrides/assets/sentence-model.js), run in Chromium, within
    cosine 0.99 of the original model on the same 100 sentences, with BERT's tokens: with its
    matrix products in WebAssembly (sentence-kernel.wasm), and in JavaScript, as a browser
    without SIMD does them."""
    model, kernel = ROOT / meaning.MODEL_FILE, ROOT / "overrides" / "assets" / "sentence-kernel.wasm"
    page = browser.new_page()
    page.route("http://model.test/**", lambda route: route.fulfill(
        body=(model.read_bytes() if route.request.url.endswith(".bin") else kernel.read_bytes()
              if route.request.url.endswith(".wasm") else "<!doctype html><title>model</title>"),
        content_type="text/html" if route.request.url.endswith(".html") else "application/octet-stream"))
    page.goto("http://model.test/index.html")
    page.add_script_tag(path=str(ROOT / "overrides" / "assets" / "sentence-model.js"))
    embedded = page.evaluate("""async ([sentences, products]) => {
        const kernel = products === "wasm" ? new Uint8Array(await (await fetch("sentence-kernel.wasm")).arrayBuffer()) : null;
        const model = sentenceModel(await (await fetch("sentence-model.bin")).arrayBuffer(), kernel);
        return {products: model.products,
                read: sentences.map(s => ({tokens: model.tokens(s), vector: Array.from(model.embed(s))}))};
    }""", [REFERENCE["sentences"], products])
    page.close()
    assert embedded["products"] == products
    python = meaning.load(model)
    for sentence, expected, got in zip(REFERENCE["sentences"], REFERENCE["embeddings"], embedded["read"]):
        assert got["tokens"] == python.tokens(sentence), sentence
        assert float(np.dot(np.array(got["vector"]), np.array(expected))) >= 0.99, sentence


def test_the_vectors_file_kept_is_read_back_only_for_the_same_search_index():
    index, vectors = b'{"docs": [{"location": "ec2/", "title": "EC2", "text": "x"}]}', b"NSV1 vectors"
    digest = meaning.index_digest(index)
    kept = meaning.keep_vectors(digest, vectors)
    assert meaning.vectors_kept_for(digest, kept) == vectors
    assert meaning.vectors_kept_for(meaning.index_digest(index.replace(b"x", b"y")), kept) is None
    assert meaning.vectors_kept_for(digest, b"") is None and meaning.vectors_kept_for(digest, kept[:32]) is None


def test_the_kernel_is_what_its_source_assembles_to():
    """overrides/assets/sentence-kernel.wasm is scripts/sentence-kernel.wat, assembled (remake it
    with scripts/make_kernel.py after changing the source)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("make_kernel", ROOT / "scripts" / "make_kernel.py")
    make_kernel = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(make_kernel)
    assert make_kernel.OUT.read_bytes() == make_kernel.assemble()
