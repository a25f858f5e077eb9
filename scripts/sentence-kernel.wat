;; The sentence model's matrix product for the reader's browser, in WebAssembly with 128-bit SIMD:
;; the six layers' linear maps are nearly all of a question's arithmetic, and four floats a step
;; here, four tokens a row of weights, run about ten times as fast as the same loop in
;; JavaScript (overrides/assets/sentence-model.js keeps that loop for a browser without SIMD).
;; Assembled into overrides/assets/sentence-kernel.wasm by scripts/make_kernel.py.
(module
  (import "env" "memory" (memory 1))

  ;; out[i][o] = bias[o] + (row o of w) . (row i of x), for n tokens of `size` floats and `rows`
  ;; outputs. Arguments are byte addresses in the memory; `size` is a multiple of 4 (384, 1536).
  ;; Four tokens at a time, so that a row of weights is read from memory once for four; lane k
  ;; of a sum holds the products of columns k, k+4, ..., as the JavaScript loop's k-th sum does.
  (func (export "linear") (param $w i32) (param $x i32) (param $bias i32) (param $out i32)
        (param $n i32) (param $rows i32) (param $size i32)
    (local $o i32) (local $i i32) (local $c i32) (local $row i32) (local $stride i32)
    (local $x0 i32) (local $b f32) (local $wv v128)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local.set $stride (i32.shl (local.get $size) (i32.const 2)))
    (block $rows_done (loop $rows_loop
      (br_if $rows_done (i32.ge_u (local.get $o) (local.get $rows)))
      (local.set $row (i32.add (local.get $w) (i32.mul (local.get $o) (local.get $stride))))
      (local.set $b (f32.load (i32.add (local.get $bias) (i32.shl (local.get $o) (i32.const 2)))))
      (local.set $i (i32.const 0))
      (block $quad_done (loop $quad_loop
        (br_if $quad_done (i32.gt_u (i32.add (local.get $i) (i32.const 4)) (local.get $n)))
        (local.set $x0 (i32.add (local.get $x) (i32.mul (local.get $i) (local.get $stride))))
        (local.set $a0 (v128.const i32x4 0 0 0 0)) (local.set $a1 (v128.const i32x4 0 0 0 0))
        (local.set $a2 (v128.const i32x4 0 0 0 0)) (local.set $a3 (v128.const i32x4 0 0 0 0))
        (local.set $c (i32.const 0))
        (block $dot_done (loop $dot_loop
          (br_if $dot_done (i32.ge_u (local.get $c) (local.get $stride)))
          (local.set $wv (v128.load (i32.add (local.get $row) (local.get $c))))
          (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $wv)
            (v128.load (i32.add (local.get $x0) (local.get $c))))))
          (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $wv)
            (v128.load (i32.add (i32.add (local.get $x0) (local.get $stride)) (local.get $c))))))
          (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $wv)
            (v128.load (i32.add (i32.add (local.get $x0) (i32.shl (local.get $stride) (i32.const 1))) (local.get $c))))))
          (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $wv)
            (v128.load (i32.add (i32.add (local.get $x0) (i32.mul (local.get $stride) (i32.const 3))) (local.get $c))))))
          (local.set $c (i32.add (local.get $c) (i32.const 16)))
          (br $dot_loop)))
        (call $put (local.get $out) (local.get $i) (local.get $rows) (local.get $o) (local.get $a0) (local.get $b))
        (call $put (local.get $out) (i32.add (local.get $i) (i32.const 1)) (local.get $rows) (local.get $o) (local.get $a1) (local.get $b))
        (call $put (local.get $out) (i32.add (local.get $i) (i32.const 2)) (local.get $rows) (local.get $o) (local.get $a2) (local.get $b))
        (call $put (local.get $out) (i32.add (local.get $i) (i32.const 3)) (local.get $rows) (local.get $o) (local.get $a3) (local.get $b))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $quad_loop)))
      ;; The tokens left over, one at a time.
      (block $one_done (loop $one_loop
        (br_if $one_done (i32.ge_u (local.get $i) (local.get $n)))
        (local.set $x0 (i32.add (local.get $x) (i32.mul (local.get $i) (local.get $stride))))
        (local.set $a0 (v128.const i32x4 0 0 0 0))
        (local.set $c (i32.const 0))
        (block $dot1_done (loop $dot1_loop
          (br_if $dot1_done (i32.ge_u (local.get $c) (local.get $stride)))
          (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (v128.load (i32.add (local.get $row) (local.get $c)))
            (v128.load (i32.add (local.get $x0) (local.get $c))))))
          (local.set $c (i32.add (local.get $c) (i32.const 16)))
          (br $dot1_loop)))
        (call $put (local.get $out) (local.get $i) (local.get $rows) (local.get $o) (local.get $a0) (local.get $b))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $one_loop)))
      (local.set $o (i32.add (local.get $o) (i32.const 1)))
      (br $rows_loop))))

  ;; out[i][o] = the four lanes' sum (in the JavaScript loop's order) plus the bias.
  (func $put (param $out i32) (param $i i32) (param $rows i32) (param $o i32) (param $acc v128) (param $b f32)
    (f32.store (i32.add (local.get $out) (i32.shl (i32.add (i32.mul (local.get $i) (local.get $rows)) (local.get $o)) (i32.const 2)))
      (f32.add (f32.add (f32.add (f32.add (f32x4.extract_lane 0 (local.get $acc)) (f32x4.extract_lane 1 (local.get $acc)))
        (f32x4.extract_lane 2 (local.get $acc))) (f32x4.extract_lane 3 (local.get $acc))) (local.get $b)))))
