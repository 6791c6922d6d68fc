// Writes a tiny llama-architecture GGUF (random weights, byte-level SentencePiece vocabulary plus the space piece) so the
// tests can run the real local-model binding with no download. Format: GGUF v3
// (https://github.com/ggml-org/ggml/blob/master/docs/gguf.md). A few hundred KB; says nothing useful.
import fs from "node:fs";
import { seededRandom } from "./seeded-random";

const ALIGN = 32;
const T = { U32: 4, I32: 5, F32: 6, BOOL: 7, STRING: 8, ARRAY: 9 } as const;

type Value =
  | { t: "u32"; v: number }
  | { t: "f32"; v: number }
  | { t: "bool"; v: boolean }
  | { t: "str"; v: string }
  | { t: "strs"; v: string[] }
  | { t: "f32s"; v: number[] }
  | { t: "i32s"; v: number[] };

class Writer {
  private chunks: Buffer[] = [];
  size = 0;
  push(b: Buffer) {
    this.chunks.push(b);
    this.size += b.length;
  }
  u32(n: number) {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(n);
    this.push(b);
  }
  i32(n: number) {
    const b = Buffer.alloc(4);
    b.writeInt32LE(n);
    this.push(b);
  }
  u64(n: number) {
    const b = Buffer.alloc(8);
    b.writeBigUInt64LE(BigInt(n));
    this.push(b);
  }
  f32(n: number) {
    const b = Buffer.alloc(4);
    b.writeFloatLE(n);
    this.push(b);
  }
  str(s: string) {
    const b = Buffer.from(s, "utf8");
    this.u64(b.length);
    this.push(b);
  }
  pad() {
    const rest = this.size % ALIGN;
    if (rest) this.push(Buffer.alloc(ALIGN - rest));
  }
  buffer() {
    return Buffer.concat(this.chunks);
  }
}

function writeValue(w: Writer, value: Value) {
  switch (value.t) {
    case "u32":
      w.u32(T.U32);
      w.u32(value.v);
      return;
    case "f32":
      w.u32(T.F32);
      w.f32(value.v);
      return;
    case "bool":
      w.u32(T.BOOL);
      w.push(Buffer.from([value.v ? 1 : 0]));
      return;
    case "str":
      w.u32(T.STRING);
      w.str(value.v);
      return;
    case "strs":
      w.u32(T.ARRAY);
      w.u32(T.STRING);
      w.u64(value.v.length);
      for (const s of value.v) w.str(s);
      return;
    case "f32s":
      w.u32(T.ARRAY);
      w.u32(T.F32);
      w.u64(value.v.length);
      for (const n of value.v) w.f32(n);
      return;
    case "i32s":
      w.u32(T.ARRAY);
      w.u32(T.I32);
      w.u64(value.v.length);
      for (const n of value.v) w.i32(n);
      return;
  }
}

type Tensor = { name: string; dims: number[]; fill: (row: number, col: number) => number };

export type TinyModelOptions = {
  embedding?: number;
  layers?: number;
  heads?: number;
  seed?: number;
  /** The end-of-text token is as likely as any character: replies end after ~100 tokens, not at max_tokens. */
  ends?: boolean;
};

/** The bytes of a tiny model; `writeTinyGguf` puts them in a file. */
export function tinyGguf(options: TinyModelOptions = {}): Buffer {
  const nEmbd = options.embedding ?? 64;
  const nLayer = options.layers ?? 2;
  const nHead = options.heads ?? 4;
  const nFf = nEmbd * 2;
  const rand = seededRandom(options.seed ?? 1);
  const small = () => (rand() - 0.5) * 0.2;
  const ones = () => 1;

  // SentencePiece ("llama") vocabulary: <unk>, <s>, </s>, then the 256 byte tokens every text falls back to.
  const tokens = ["<unk>", "<s>", "</s>"];
  const types = [2, 3, 3]; // unknown, control, control
  for (let b = 0; b < 256; b++) {
    tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, "0")}>`);
    types.push(6); // byte
  }
  // SentencePiece writes spaces as "▁"; without this piece they would come back as "▁" bytes.
  tokens.push("\u2581");
  types.push(1);
  const nVocab = tokens.length;

  const kv: [string, Value][] = [
    ["general.architecture", { t: "str", v: "llama" }],
    ["general.name", { t: "str", v: "persona-market-tiny-test" }],
    ["general.alignment", { t: "u32", v: ALIGN }],
    ["llama.context_length", { t: "u32", v: 512 }],
    ["llama.embedding_length", { t: "u32", v: nEmbd }],
    ["llama.block_count", { t: "u32", v: nLayer }],
    ["llama.feed_forward_length", { t: "u32", v: nFf }],
    ["llama.attention.head_count", { t: "u32", v: nHead }],
    ["llama.attention.head_count_kv", { t: "u32", v: nHead }],
    ["llama.rope.dimension_count", { t: "u32", v: nEmbd / nHead }],
    ["llama.attention.layer_norm_rms_epsilon", { t: "f32", v: 1e-5 }],
    ["tokenizer.ggml.model", { t: "str", v: "llama" }],
    ["tokenizer.ggml.tokens", { t: "strs", v: tokens }],
    ["tokenizer.ggml.scores", { t: "f32s", v: tokens.map(() => 0) }],
    ["tokenizer.ggml.token_type", { t: "i32s", v: types }],
    ["tokenizer.ggml.bos_token_id", { t: "u32", v: 1 }],
    ["tokenizer.ggml.eos_token_id", { t: "u32", v: 2 }],
    ["tokenizer.ggml.unknown_token_id", { t: "u32", v: 0 }],
    ["tokenizer.ggml.add_space_prefix", { t: "bool", v: false }],
  ];

  // Every embedding leans along its first dimension, and the output rows of printable ASCII bytes
  // point the same way while the rest point away: the random model then writes readable characters.
  const printable = (token: number) =>
    (token >= 3 + 0x21 && token <= 3 + 0x7e) ||
    token === nVocab - 1 ||
    (options.ends === true && token === 2);
  const tensors: Tensor[] = [
    { name: "token_embd.weight", dims: [nEmbd, nVocab], fill: (row, col) => (col === 0 ? 1 : small()) },
    { name: "output_norm.weight", dims: [nEmbd], fill: () => 1 },
    {
      name: "output.weight",
      dims: [nEmbd, nVocab],
      fill: (row, col) => (col === 0 ? (printable(row) ? 4 : -4) : small()),
    },
  ];
  for (let i = 0; i < nLayer; i++) {
    tensors.push(
      { name: `blk.${i}.attn_norm.weight`, dims: [nEmbd], fill: ones },
      { name: `blk.${i}.attn_q.weight`, dims: [nEmbd, nEmbd], fill: small },
      { name: `blk.${i}.attn_k.weight`, dims: [nEmbd, nEmbd], fill: small },
      { name: `blk.${i}.attn_v.weight`, dims: [nEmbd, nEmbd], fill: small },
      { name: `blk.${i}.attn_output.weight`, dims: [nEmbd, nEmbd], fill: small },
      { name: `blk.${i}.ffn_norm.weight`, dims: [nEmbd], fill: ones },
      { name: `blk.${i}.ffn_gate.weight`, dims: [nEmbd, nFf], fill: small },
      { name: `blk.${i}.ffn_up.weight`, dims: [nEmbd, nFf], fill: small },
      { name: `blk.${i}.ffn_down.weight`, dims: [nFf, nEmbd], fill: small },
    );
  }

  const w = new Writer();
  w.push(Buffer.from("GGUF", "ascii"));
  w.u32(3);
  w.u64(tensors.length);
  w.u64(kv.length);
  for (const [key, value] of kv) {
    w.str(key);
    writeValue(w, value);
  }
  let offset = 0;
  const sizes = tensors.map((t) => t.dims.reduce((a, b) => a * b, 1) * 4);
  tensors.forEach((t, i) => {
    w.str(t.name);
    w.u32(t.dims.length);
    for (const d of t.dims) w.u64(d);
    w.u32(0); // GGML_TYPE_F32
    w.u64(offset);
    offset += Math.ceil(sizes[i]! / ALIGN) * ALIGN;
  });
  w.pad();
  tensors.forEach((t, i) => {
    const data = Buffer.alloc(Math.ceil(sizes[i]! / ALIGN) * ALIGN);
    const rowLength = t.dims[0]!;
    const count = sizes[i]! / 4;
    for (let j = 0; j < count; j++)
      data.writeFloatLE(t.fill(Math.floor(j / rowLength), j % rowLength), j * 4);
    w.push(data);
  });
  return w.buffer();
}

export function writeTinyGguf(file: string, options?: TinyModelOptions) {
  fs.writeFileSync(file, tinyGguf(options));
}
