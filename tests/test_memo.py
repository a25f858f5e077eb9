"""What a function of text gave, kept between builds (notesite.memo): the same output as the
function's own, read back only for the same text and the same version of the function."""

from __future__ import annotations

from notesite.memo import TextMemo


def _counting(calls: list[str]):
    def upper(text: str) -> str:
        calls.append(text)
        return text.upper()
    return upper


def test_a_later_build_reads_back_what_the_function_gave_without_calling_it(tmp_path):
    calls: list[str] = []
    first = TextMemo(tmp_path / "kept", "v1")
    assert [first(_counting(calls), t) for t in ("a", "b", "a")] == ["A", "B", "A"]
    assert calls == ["a", "b"]
    first.save()
    later = TextMemo(tmp_path / "kept", "v1")
    assert [later(_counting(calls), t) for t in ("b", "a", "c")] == ["B", "A", "C"]
    assert calls == ["a", "b", "c"]


def test_another_version_of_the_function_starts_afresh(tmp_path):
    calls: list[str] = []
    memo = TextMemo(tmp_path / "kept", "v1")
    memo(_counting(calls), "a")
    memo.save()
    assert TextMemo(tmp_path / "kept", "v2")(_counting(calls), "a") == "A"
    assert calls == ["a", "a"]


def test_only_what_the_last_build_used_is_kept_and_an_unchanged_build_writes_nothing(tmp_path):
    calls: list[str] = []
    path = tmp_path / "kept"
    memo = TextMemo(path, "v1")
    for text in ("a", "b"):
        memo(_counting(calls), text)
    memo.save()
    memo(_counting(calls), "a")    # a build that no longer gives "b"
    memo.save()
    TextMemo(path, "v1")(_counting(calls), "b")
    assert calls == ["a", "b", "b"]
    path.unlink()
    memo(_counting(calls), "a")    # the same as the last build: nothing to write
    memo.save()
    assert not path.exists()


def test_an_unreadable_file_is_an_empty_memo(tmp_path):
    path = tmp_path / "kept"
    for junk in (b"", b"not marshal at all", b"\x00" * 7):
        path.write_bytes(junk)
        calls: list[str] = []
        assert TextMemo(path, "v1")(_counting(calls), "a") == "A" and calls == ["a"]
