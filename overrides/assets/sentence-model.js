/* What a question means, as the site's sentence model reads it (all-MiniLM-L6-v2, 8 bits a
 * weight): the same arithmetic as notesite/encoder.py, step for step, so that a question read
 * here and a section read at build time are compared in one space. Loaded by the search worker
 * once the reader searches; `sentenceModel(buffer, kernel)` reads `sentence-model.bin`, and
 * with `kernel` (the bytes of sentence-kernel.wasm, scripts/sentence-kernel.wat) does its matrix
 * products in WebAssembly where the browser has SIMD: a question of 15 tokens in about a sixth
 * of the time. Without it, or without SIMD, the same products in JavaScript. */
"use strict";

const SENTENCE_MAGIC = "NSM1";
const MAX_WORD_CHARS = 100;      // a longer "word" is one [UNK], as BERT's tokenizer has it
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/;

function sentenceModel(buffer, kernel = null) {
  const view = new DataView(buffer);
  if (new TextDecoder().decode(new Uint8Array(buffer, 0, 4)) !== SENTENCE_MAGIC) throw new Error("search: not a sentence model file");
  const length = view.getUint32(4, true);
  const header = JSON.parse(new TextDecoder().decode(new Uint8Array(buffer, 8, length)));
  const base = 8 + length;
  const config = header.config;
  const vocab = new Map(header.vocab.map((token, index) => [token, index]));
  const tensors = new Map();
  for (const t of header.tensors) {
    const count = t.shape.reduce((a, b) => a * b, 1);
    tensors.set(t.name, t.dtype === "i8"
      ? { rows: t.shape[0], cols: t.shape[1], values: new Int8Array(buffer, base + t.offset, count),
          scales: new Float32Array(buffer, base + t.scales, t.shape[0]) }
      : { values: new Float32Array(buffer, base + t.offset, count) });
  }
  const hidden = config.hidden_size, heads = config.num_attention_heads, size = hidden / heads;
  const maxTokens = config.max_positions;   // the positions the file keeps (scripts/make_model.py)

  function pieces(word) {
    if (word.length > MAX_WORD_CHARS) return [vocab.get("[UNK]")];
    const out = [];
    let start = 0;
    const chars = [...word];
    while (start < chars.length) {
      let end = chars.length, found = -1;
      while (end > start) {
        const piece = (start ? "##" : "") + chars.slice(start, end).join("");
        if (vocab.has(piece)) { found = vocab.get(piece); break; }
        end -= 1;
      }
      if (found < 0) return [vocab.get("[UNK]")];
      out.push(found);
      start = end;
    }
    return out;
  }

  function tokens(text) {
    let ids = [vocab.get("[CLS]")];
    for (const word of basicWords(text)) {
      ids = ids.concat(pieces(word));
      if (ids.length >= maxTokens - 1) break;
    }
    return [...ids.slice(0, maxTokens - 1), vocab.get("[SEP]")];
  }

  /* A row of an 8-bit matrix, as floats. */
  function row(t, r, out) {
    const s = t.scales[r], at = r * t.cols;
    for (let c = 0; c < t.cols; c++) out[c] = t.values[at + c] * s;
    return out;
  }

  /* The layers' weights as floats, made once, the first time a question is read: the product
   * below runs three times faster on floats than on 8-bit integers scaled as it goes. */
  const unpacked = new Map();
  function floats(name) {
    if (!unpacked.has(name)) {
      const w = tensors.get(name), values = new Float32Array(w.rows * w.cols);
      for (let r = 0; r < w.rows; r++) row(w, r, values.subarray(r * w.cols, (r + 1) * w.cols));
      unpacked.set(name, values);
    }
    return unpacked.get(name);
  }

  const fast = kernel && typeof WebAssembly === "object" && WebAssembly.validate(kernel)
    ? wasmProducts(kernel, header.tensors.filter(t => t.dtype === "i8" && t.name.startsWith("encoder.")), maxTokens)
    : null;

  /* The layers' weights as floats in the kernel's memory, each the first time it is used. */
  function wasmProducts(bytes, weights, tokens) {
    const largest = Math.max(...weights.map(t => Math.max(...t.shape)));
    let end = 0;
    const at = new Map();            // weight name -> its byte address in the memory
    for (const t of weights) { at.set(t.name, end); end += 4 * t.shape[0] * t.shape[1]; }
    const bias = end; end += 4 * largest;
    const input = end; end += 4 * tokens * largest;
    const output = end; end += 4 * tokens * largest;
    const memory = new WebAssembly.Memory({ initial: Math.ceil(end / 65536) });
    const { linear } = new WebAssembly.Instance(new WebAssembly.Module(bytes), { env: { memory } }).exports;
    const heap = new Float32Array(memory.buffer), placed = new Set();
    return (x, n, name) => {
      const w = tensors.get(name + ".weight"), address = at.get(name + ".weight");
      if (!placed.has(name)) {
        for (let r = 0; r < w.rows; r++) row(w, r, heap.subarray(address / 4 + r * w.cols, address / 4 + (r + 1) * w.cols));
        placed.add(name);
      }
      heap.set(tensors.get(name + ".bias").values, bias / 4);
      heap.set(x.subarray(0, n * w.cols), input / 4);
      linear(address, input, bias, output, n, w.rows, w.cols);
      return heap.slice(output / 4, output / 4 + n * w.rows);
    };
  }

  /* x (n rows of `inSize`) times the layer's weight, transposed, plus its bias. */
  function linear(x, n, name) {
    if (fast) return fast(x, n, name);
    const w = tensors.get(name + ".weight"), values = floats(name + ".weight"), b = tensors.get(name + ".bias").values;
    const rows = w.rows, inSize = w.cols, out = new Float32Array(n * rows);
    // A weight row at a time, for every token: the row is read from memory once.
    for (let o = 0; o < rows; o++) {
      const at = o * inSize;
      for (let i = 0; i < n; i++) {
        const xi = i * inSize;
        let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        for (let c = 0; c < inSize; c += 4) {     // the sizes are multiples of 4 (384, 1536)
          s0 += values[at + c] * x[xi + c];
          s1 += values[at + c + 1] * x[xi + c + 1];
          s2 += values[at + c + 2] * x[xi + c + 2];
          s3 += values[at + c + 3] * x[xi + c + 3];
        }
        out[i * rows + o] = s0 + s1 + s2 + s3 + b[o];
      }
    }
    return out;
  }

  function norm(x, n, name) {
    const g = tensors.get(name + ".weight").values, b = tensors.get(name + ".bias").values;
    for (let i = 0; i < n; i++) {
      let mean = 0, variance = 0;
      for (let c = 0; c < hidden; c++) mean += x[i * hidden + c];
      mean /= hidden;
      for (let c = 0; c < hidden; c++) variance += (x[i * hidden + c] - mean) ** 2;
      const scale = 1 / Math.sqrt(variance / hidden + config.layer_norm_eps);
      for (let c = 0; c < hidden; c++) x[i * hidden + c] = (x[i * hidden + c] - mean) * scale * g[c] + b[c];
    }
    return x;
  }

  function embed(text) {
    const ids = tokens(text), n = ids.length;
    let x = new Float32Array(n * hidden);
    const words = tensors.get("embeddings.word_embeddings.weight"), positions = tensors.get("embeddings.position_embeddings.weight");
    const type = tensors.get("embeddings.token_type_embeddings.weight").values;
    const a = new Float32Array(hidden), p = new Float32Array(hidden);
    for (let i = 0; i < n; i++) {
      row(words, ids[i], a); row(positions, i, p);
      for (let c = 0; c < hidden; c++) x[i * hidden + c] = a[c] + p[c] + type[c];
    }
    x = norm(x, n, "embeddings.LayerNorm");
    for (let layer = 0; layer < config.num_hidden_layers; layer++) {
      const pre = `encoder.layer.${layer}.`;
      const q = linear(x, n, pre + "attention.self.query"), k = linear(x, n, pre + "attention.self.key");
      const v = linear(x, n, pre + "attention.self.value");
      const attended = new Float32Array(n * hidden), scores = new Float32Array(n), root = Math.sqrt(size);
      for (let h = 0; h < heads; h++) {
        for (let i = 0; i < n; i++) {
          let max = -Infinity;
          for (let j = 0; j < n; j++) {
            let dot = 0;
            for (let d = 0; d < size; d++) dot += q[i * hidden + h * size + d] * k[j * hidden + h * size + d];
            scores[j] = dot / root;
            if (scores[j] > max) max = scores[j];
          }
          let total = 0;
          for (let j = 0; j < n; j++) { scores[j] = Math.exp(scores[j] - max); total += scores[j]; }
          for (let d = 0; d < size; d++) {
            let sum = 0;
            for (let j = 0; j < n; j++) sum += scores[j] * v[j * hidden + h * size + d];
            attended[i * hidden + h * size + d] = sum / total;
          }
        }
      }
      const out = linear(attended, n, pre + "attention.output.dense");
      for (let c = 0; c < x.length; c++) out[c] += x[c];
      x = norm(out, n, pre + "attention.output.LayerNorm");
      const inner = linear(x, n, pre + "intermediate.dense");
      for (let c = 0; c < inner.length; c++) inner[c] = gelu(inner[c]);
      const back = linear(inner, n, pre + "output.dense");
      for (let c = 0; c < x.length; c++) back[c] += x[c];
      x = norm(back, n, pre + "output.LayerNorm");
    }
    const mean = new Float32Array(hidden);
    for (let i = 0; i < n; i++) for (let c = 0; c < hidden; c++) mean[c] += x[i * hidden + c] / n;
    const length = Math.hypot(...mean);
    return mean.map(value => value / length);
  }

  return { tokens, embed, products: fast ? "wasm" : "javascript" };
}

/* BERT's basic tokenizer, uncased: as notesite/encoder.py's basic_words. */
function basicWords(text) {
  const out = [];
  for (const word of text.toLowerCase().normalize("NFD").split(/\s+/u)) {
    let current = "";
    for (const char of word) {
      if (/\p{Mn}|\p{Cc}|\p{Cf}/u.test(char) || char === "\ufffd" || char === "\0") continue;
      if (ASCII_PUNCTUATION.test(char) || /\p{P}/u.test(char) || isCjk(char)) {
        if (current) out.push(current);
        out.push(char);
        current = "";
      } else current += char;
    }
    if (current) out.push(current);
  }
  return out;
}

function isCjk(char) {
  const code = char.codePointAt(0);
  return (code >= 0x4E00 && code <= 0x9FFF) || (code >= 0x3400 && code <= 0x4DBF) || (code >= 0x20000 && code <= 0x2A6DF)
    || (code >= 0x2A700 && code <= 0x2B73F) || (code >= 0x2B740 && code <= 0x2B81F) || (code >= 0x2B820 && code <= 0x2CEAF)
    || (code >= 0xF900 && code <= 0xFAFF) || (code >= 0x2F800 && code <= 0x2FA1F);
}

/* GELU by the error function, Abramowitz and Stegun 7.1.26, as notesite/encoder.py. */
function gelu(x) {
  const z = x / Math.SQRT2, a = Math.abs(z), t = 1 / (1 + 0.3275911 * a);
  const y = 1 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-a * a);
  return 0.5 * x * (1 + Math.sign(z) * y);
}
