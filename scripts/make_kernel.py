"""Assemble the sentence model's matrix product for the browser (scripts/sentence-kernel.wat)
into overrides/assets/sentence-kernel.wasm, the file the search worker fetches with the model.

The WebAssembly text is the source; the binary is kept beside the other assets so that neither
a build nor a reader needs an assembler. `tests/test_meaning.py` checks that the two agree.

    .venv/bin/python scripts/make_kernel.py
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "scripts" / "sentence-kernel.wat"
OUT = ROOT / "overrides" / "assets" / "sentence-kernel.wasm"


def assemble(source: Path = SOURCE) -> bytes:
    import wasmtime   # the test requirements' (requirements-test.txt): an assembler, not a runtime here

    return wasmtime.wat2wasm(source.read_text(encoding="utf-8"))


def main() -> int:
    OUT.write_bytes(assemble())
    print(f"{OUT.relative_to(ROOT)}: {OUT.stat().st_size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
