"""The sentence model itself: all-MiniLM-L6-v2 read from the site's model file, in numpy.

The same encoder runs in the reader's browser (overrides/assets/sentence-model.js) for the
question; here it gives each section's vector at build time. Both read `sentence-model.bin`
(made by scripts/make_model.py): a BERT tokenizer's vocabulary, weight matrices as 8-bit
integers with a scale a row, the rest as floats. Both do the same arithmetic, step for step:
WordPiece tokens, six transformer layers, the mean of the token vectors, scaled to length 1.
Imported only when a section is new: numpy alone costs a warm build a tenth of a second.
"""

from __future__ import annotations

import json
import re
import struct
import unicodedata
from pathlib import Path

import numpy as np

MAGIC = b"NSM1"
MAX_WORD_CHARS = 100       # a longer "word" is no word: one [UNK], as BERT's tokenizer has it
# Punctuation as BERT's tokenizer splits it: every ASCII non-letter, non-digit, and Unicode's P*.
ASCII_PUNCTUATION = re.compile(r"[!-/:-@\[-`{-~]")


class SentenceModel:
    """The model read from its file; `embed` gives a unit vector a text."""

    def __init__(self, path: Path) -> None:
        data = path.read_bytes()
        if data[:4] != MAGIC:
            raise ValueError(f"{path} is not a sentence model file (remake it with scripts/make_model.py)")
        (length,) = struct.unpack_from("<I", data, 4)
        header = json.loads(data[8:8 + length])
        body = memoryview(data)[8 + length:]
        self.config = header["config"]
        # A text's first tokens, as many as the file keeps positions for (scripts/make_model.py:
        # 128; a section's title and first lines say what it is about).
        self.max_tokens = self.config["max_positions"]
        self.vocab = {token: index for index, token in enumerate(header["vocab"])}
        self.tensors: dict[str, np.ndarray] = {}
        for tensor in header["tensors"]:
            shape = tuple(tensor["shape"])
            count = int(np.prod(shape))
            if tensor["dtype"] == "i8":
                values = np.frombuffer(body, np.int8, count, tensor["offset"]).reshape(shape).astype(np.float32)
                scales = np.frombuffer(body, np.float32, shape[0], tensor["scales"])
                self.tensors[tensor["name"]] = values * scales[:, None]
            else:
                self.tensors[tensor["name"]] = np.frombuffer(body, np.float32, count, tensor["offset"]).reshape(shape)

    def tokens(self, text: str) -> list[int]:
        """[CLS], the WordPiece tokens of the lower-cased text, [SEP]; at most `max_tokens`."""
        ids = [self.vocab["[CLS]"]]
        for word in basic_words(text):
            ids += self._pieces(word)
            if len(ids) >= self.max_tokens - 1:
                break
        return ids[:self.max_tokens - 1] + [self.vocab["[SEP]"]]

    def _pieces(self, word: str) -> list[int]:
        if len(word) > MAX_WORD_CHARS:
            return [self.vocab["[UNK]"]]
        pieces, start = [], 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    pieces.append(self.vocab[piece])
                    break
                end -= 1
            else:
                return [self.vocab["[UNK]"]]
            start = end
        return pieces

    def embed(self, text: str) -> np.ndarray:
        t = self.tensors
        ids = self.tokens(text)
        x = t["embeddings.word_embeddings.weight"][ids] + t["embeddings.position_embeddings.weight"][:len(ids)] \
            + t["embeddings.token_type_embeddings.weight"][0]
        x = self._norm(x, "embeddings.LayerNorm")
        heads = self.config["num_attention_heads"]
        size = x.shape[1] // heads
        for layer in range(self.config["num_hidden_layers"]):
            p = f"encoder.layer.{layer}."
            q, k, v = (self._linear(x, p + f"attention.self.{n}").reshape(len(ids), heads, size).transpose(1, 0, 2)
                       for n in ("query", "key", "value"))
            scores = q @ k.transpose(0, 2, 1) / np.float32(np.sqrt(size))
            scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
            attended = (scores / scores.sum(axis=-1, keepdims=True)) @ v
            x = self._norm(x + self._linear(attended.transpose(1, 0, 2).reshape(len(ids), -1), p + "attention.output.dense"),
                           p + "attention.output.LayerNorm")
            inner = gelu(self._linear(x, p + "intermediate.dense"))
            x = self._norm(x + self._linear(inner, p + "output.dense"), p + "output.LayerNorm")
        mean = x.mean(axis=0)
        return (mean / np.linalg.norm(mean)).astype(np.float32)

    def _linear(self, x: np.ndarray, name: str) -> np.ndarray:
        return x @ self.tensors[name + ".weight"].T + self.tensors[name + ".bias"]

    def _norm(self, x: np.ndarray, name: str) -> np.ndarray:
        mean = x.mean(axis=-1, keepdims=True)
        variance = ((x - mean) ** 2).mean(axis=-1, keepdims=True)
        normed = (x - mean) / np.sqrt(variance + self.config["layer_norm_eps"])
        return normed * self.tensors[name + ".weight"] + self.tensors[name + ".bias"]


def basic_words(text: str) -> list[str]:
    """BERT's basic tokenizer, uncased: control characters dropped, accents stripped, lower
    case, CJK characters and punctuation each a word of their own."""
    out: list[str] = []
    text = unicodedata.normalize("NFD", text.lower())
    for word in text.split():
        current = ""
        for char in word:
            category = unicodedata.category(char)
            if category == "Mn" or category in ("Cc", "Cf") or char in ("\ufffd", "\0"):
                continue
            if ASCII_PUNCTUATION.match(char) or category.startswith("P") or _is_cjk(char):
                if current:
                    out.append(current)
                out.append(char)
                current = ""
            else:
                current += char
        if current:
            out.append(current)
    return out


def _is_cjk(char: str) -> bool:
    code = ord(char)
    return (0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x2A6DF
            or 0x2A700 <= code <= 0x2B73F or 0x2B740 <= code <= 0x2B81F or 0x2B820 <= code <= 0x2CEAF
            or 0xF900 <= code <= 0xFAFF or 0x2F800 <= code <= 0x2FA1F)


def gelu(x: np.ndarray) -> np.ndarray:
    """GELU with the error function (as the model was trained), by Abramowitz and Stegun 7.1.26
    (error under 1.5e-7): the browser has no erf either, and both sides must compute the same."""
    return 0.5 * x * (1 + erf(x / np.float32(np.sqrt(2))))


def erf(x: np.ndarray) -> np.ndarray:
    sign = np.sign(x)
    a = np.abs(x)
    t = 1 / (1 + 0.3275911 * a)
    y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * np.exp(-a * a)
    return (sign * y).astype(np.float32)
