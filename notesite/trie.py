"""A regex alternation of many words, built as a trie.

Python's regex engine tries the alternatives of `a|b|c|...` one by one at every position, so a
pattern of hundreds of names costs hundreds of tries per character. Sharing prefixes
(`ec(?:2|2s)` rather than `ec2|ec2s`) makes the cost depend on the length of the words instead.
"""

from __future__ import annotations

import re

END = ""


def trie_pattern(words: list[str], escape=re.escape) -> str:
    """A regex (no groups captured) matching any of the words, longest first at each branch."""
    root: dict = {}
    for word in words:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[END] = True
    return _pattern(root, escape) if root else "(?!)"


def _pattern(node: dict, escape) -> str:
    ends = END in node
    branches = [escape(char) + _pattern(child, escape) for char, child in sorted(node.items()) if char != END]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if ends else body
