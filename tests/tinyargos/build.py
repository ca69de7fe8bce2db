"""Build a tiny but real Argos Translate package offline (a test fixture; see README.md).

    build_package(workdir, "en", "es", seconds=45) -> workdir/translate-en_es-1_0.argosmodel

Synthetic pairs (grammar.py) -> one shared SentencePiece unigram model with Marian ids ->
a MarianMTModel trained from scratch for `seconds` of wall time -> CTranslate2 int8 ->
a hand-built MiniSBD ONNX splitter (so argostranslate downloads nothing) -> a zip.

CLI: python -m tests.tinyargos.build OUTDIR   (builds en->es and es->en, then reports
exact-match accuracy on held-out synthetic sentences)
"""
from __future__ import annotations

import json
import os
import random
import shutil
import sys
import time
import warnings
import zipfile
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")  # everything is local; never ask the Hub

from . import grammar  # noqa: E402

LANG_NAMES = {"en": "English", "es": "Spanish"}
N_PAIRS = 20_000
SENTENCE_END = ".!?…。？؟"
VOCAB_SIZE = 256  # ~13 pieces per sentence; 200 pieces trained measurably slower (en->es)
LR, WARMUP = 2e-3, 50  # peak; 3e-3 diverged for some seeds, 1e-3 learns too slowly
MIN_STEPS, MAX_FACTOR = 600, 4
# One thread: on 2 cores, 2 torch threads train ~1.5x faster when the machine is idle but
# ~10x slower when anything else runs (OpenMP threads spin waiting for each other).
THREADS = int(os.environ.get("TINYARGOS_THREADS", 1))


def train_sentencepiece(texts: list[str], prefix: Path, vocab_size: int = VOCAB_SIZE) -> Path:
    """Unigram model with Marian's special ids: </s>=0, <unk>=1, no <s>, no <pad>."""
    import sentencepiece as spm

    spm.set_random_generator_seed(0)
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(texts), model_prefix=str(prefix), model_type="unigram",
        vocab_size=vocab_size, hard_vocab_limit=False, character_coverage=1.0,
        eos_id=0, unk_id=1, bos_id=-1, pad_id=-1, num_threads=2, minloglevel=2,
    )
    return prefix.with_suffix(".model")


def _batches(src_ids, tgt_ids, batch_size: int, rng: random.Random):
    """Shuffled batches of similar length (less padding = more steps per second)."""
    order = list(range(len(src_ids)))
    rng.shuffle(order)
    chunk = batch_size * 50
    batches = []
    for i in range(0, len(order), chunk):
        part = sorted(order[i:i + chunk], key=lambda j: len(src_ids[j]))
        batches += [part[k:k + batch_size] for k in range(0, len(part), batch_size)]
    rng.shuffle(batches)
    return batches


def train_marian(pairs, sp_path: Path, out_dir: Path, seconds: float, seed: int,
                 min_steps: int | None = None) -> dict:
    """Train a small MarianMTModel for `seconds` of wall time and save it in HF format."""
    import sentencepiece as spm
    import torch
    from transformers import MarianConfig, MarianMTModel, MarianTokenizer

    min_steps = MIN_STEPS if min_steps is None else min_steps
    torch.manual_seed(seed)
    threads_before = torch.get_num_threads()
    torch.set_num_threads(THREADS)
    sp = spm.SentencePieceProcessor(model_file=str(sp_path))
    pieces = [sp.id_to_piece(i) for i in range(sp.get_piece_size())]
    pad = len(pieces)  # "<pad>" goes last; the converter drops it again
    model = MarianMTModel(MarianConfig(
        vocab_size=pad + 1, d_model=128, encoder_layers=2, decoder_layers=2,
        encoder_attention_heads=4, decoder_attention_heads=4, encoder_ffn_dim=256,
        decoder_ffn_dim=256, max_position_embeddings=256, dropout=0.0, attention_dropout=0.0,
        activation_dropout=0.0, activation_function="relu", scale_embedding=True,
        share_encoder_decoder_embeddings=True, tie_word_embeddings=True, pad_token_id=pad,
        eos_token_id=0, decoder_start_token_id=pad, forced_eos_token_id=0, bos_token_id=None))
    # The decoder starts from the <pad> embedding, which CTranslate2 replaces by zeros. The
    # tied output projection would otherwise train that row away from its zero init.
    model.get_input_embeddings().weight.register_hook(
        lambda grad: grad.index_fill(0, torch.tensor([pad]), 0.0))
    # Source WITHOUT </s>: argostranslate hands CTranslate2 the bare pieces.
    src_ids = [sp.encode(s) for s, _ in pairs]
    tgt_ids = [sp.encode(t) + [0] for _, t in pairs]
    rng = random.Random(seed)
    opt = torch.optim.AdamW(model.parameters(), lr=LR)
    model.train()
    steps, loss_value, start = 0, float("nan"), time.monotonic()
    cpu_start = time.process_time()

    def progress() -> float:
        # The CPU time this process got ends training (one thread: on an idle machine the
        # same as wall time), so a busy machine (the rest of the test suite runs beside
        # this build) stretches the build instead of starving the model; min_steps keeps
        # it going (up to MAX_FACTOR * seconds) if steps are slow. seconds=0: min_steps only.
        elapsed = time.process_time() - cpu_start
        if seconds > 0 and elapsed >= MAX_FACTOR * seconds:
            return 1.0
        return min(elapsed / seconds if seconds > 0 else 1.0, steps / min_steps if min_steps else 1.0)

    while progress() < 1.0:
        for batch in _batches(src_ids, tgt_ids, 64, rng):
            if (frac := progress()) >= 1.0:
                break
            slen = max(len(src_ids[j]) for j in batch)
            tlen = max(len(tgt_ids[j]) for j in batch)
            src = torch.full((len(batch), slen), pad, dtype=torch.long)
            labels = torch.full((len(batch), tlen), -100, dtype=torch.long)
            for row, j in enumerate(batch):
                src[row, :len(src_ids[j])] = torch.tensor(src_ids[j])
                labels[row, :len(tgt_ids[j])] = torch.tensor(tgt_ids[j])
            # warm up for WARMUP steps, then decay linearly to 5% at the end
            for group in opt.param_groups:
                group["lr"] = LR * min(1.0, (steps + 1) / WARMUP) * max(0.05, 1.0 - frac)
            loss = model(input_ids=src, attention_mask=(src != pad).long(), labels=labels).loss
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            opt.step()
            steps += 1
            loss_value = loss.item()
    torch.set_num_threads(threads_before)
    model.eval()
    out_dir.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out_dir)
    vocab = {p: i for i, p in enumerate(pieces)}
    vocab["<pad>"] = pad
    (out_dir / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    for name in ("source.spm", "target.spm"):
        shutil.copyfile(sp_path, out_dir / name)
    # tokenizer_config.json etc.: the converter loads the tokenizer with AutoTokenizer
    MarianTokenizer(*(str(out_dir / f) for f in ("source.spm", "target.spm", "vocab.json"))
                    ).save_pretrained(out_dir)
    return {"steps": steps, "loss": loss_value, "train_seconds": time.monotonic() - start,
            "parameters": sum(p.numel() for p in model.parameters())}


def minisbd_model(texts: list[str], lang: str):
    """A MiniSBD-compatible ONNX graph: per character, class 2 (sentence end) for a char in
    SENTENCE_END followed by a space or the end, 1 (token end) for any other char followed
    by a space or the end, else 0. Built as one Gather from a [2V, 5] table at
    `unit + V * next_is_space_or_end`."""
    import numpy as np
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    chars = set("".join(texts)) | set(SENTENCE_END) | {chr(c) for c in range(33, 127)}
    chars |= set("¿¡áéíóúüñÁÉÍÓÚÑ«»“”‘’—–")
    id2unit = ["<PAD>", "<UNK>", " "] + sorted(chars - {" "})
    unit2id = {u: i for i, u in enumerate(id2unit)}
    v = len(id2unit)
    table = np.zeros((2 * v, 5), dtype=np.float32)
    table[:, 0] = 1.0  # inside a token
    for i, unit in enumerate(id2unit):
        if unit in ("<PAD>", " "):
            continue
        table[v + i] = 0.0
        table[v + i, 2 if unit in SENTENCE_END else 1] = 1.0
    consts = {"one": [1], "zero": [0], "big": [2 ** 62], "space": unit2id[" "], "pad": 0, "v": v}
    inits = [numpy_helper.from_array(table, "table")]
    inits += [numpy_helper.from_array(np.array(x, np.int64), k) for k, x in consts.items()]
    nodes = [
        helper.make_node("Slice", ["units", "one", "big", "one"], ["rest"]),
        helper.make_node("Slice", ["units", "zero", "one", "one"], ["first"]),
        helper.make_node("Mul", ["first", "pad"], ["endcol"]),  # a column of <PAD>
        helper.make_node("Concat", ["rest", "endcol"], ["next"], axis=1),
        helper.make_node("Equal", ["next", "space"], ["is_space"]),
        helper.make_node("Equal", ["next", "pad"], ["is_end"]),
        helper.make_node("Or", ["is_space", "is_end"], ["boundary"]),
        helper.make_node("Cast", ["boundary"], ["boundary_i"], to=TensorProto.INT64),
        helper.make_node("Mul", ["boundary_i", "v"], ["offset"]),
        helper.make_node("Add", ["units", "offset"], ["row"]),
        helper.make_node("Gather", ["table", "row"], ["logits"], axis=0),
    ]
    graph = helper.make_graph(
        nodes, "tiny_minisbd",
        [helper.make_tensor_value_info("units", TensorProto.INT64, ["batch", "time"]),
         helper.make_tensor_value_info("features", TensorProto.FLOAT, ["batch", "time", "feats"])],
        [helper.make_tensor_value_info("logits", TensorProto.FLOAT, ["batch", "time", 5])],
        initializer=inits)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)],
                              producer_name="tqcheck-tinyargos")
    model.ir_version = 8
    config = {"feat_funcs": [], "max_seqlen": 1000, "batch_size": 32, "skip_newline": False,
              "no_ssplit": False, "use_dictionary": False, "num_dict_feat": 0}
    vocab = {"lang": lang, "idx": 0, "cutoff": 0, "lower": False,
             "_unit2id": unit2id, "_id2unit": id2unit}
    helper.set_model_props(model, {"lang_code": lang, "config": json.dumps(config),
                                   "vocab": json.dumps(vocab, ensure_ascii=False), "lexicon": "null"})
    onnx.checker.check_model(model)
    return model


def translate_pieces(model_dir: Path, sp_path: Path, sentences: list[str]) -> list[str]:
    """Translate with CTranslate2 + SentencePiece directly, as argostranslate does (beam 4)."""
    import ctranslate2
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_file=str(sp_path))
    translator = ctranslate2.Translator(str(model_dir), device="cpu", intra_threads=1)
    results = translator.translate_batch([sp.encode(s, out_type=str) for s in sentences],
                                         beam_size=4, length_penalty=0.2, max_batch_size=64)
    return [sp.decode_pieces(r.hypotheses[0]) for r in results]


def exact_match(model_dir: Path, sp_path: Path, pairs) -> float:
    """Share of source sentences translated exactly as the grammar would."""
    hyps = translate_pieces(model_dir, sp_path, [s for s, _ in pairs])
    return sum(h == t for h, (_, t) in zip(hyps, pairs)) / len(pairs)


def held_out(src: str, tgt: str, n: int = 200, seed: int = 0):
    """n pairs no build with this seed has trained on (English sides disjoint)."""
    train_en = {en for en, _ in grammar.corpus(N_PAIRS, seed)}
    return grammar.pairs(src, tgt, n, seed=seed + 10_000, exclude=train_en)


def _metadata(src: str, tgt: str) -> dict:
    return {"package_version": "1.0", "argos_version": "1.0", "type": "translate",
            "from_code": src, "from_name": LANG_NAMES.get(src, src),
            "to_code": tgt, "to_name": LANG_NAMES.get(tgt, tgt), "links": []}


README = """# Tiny {src}→{tgt} test package (tqcheck)

A test fixture, not a translation model: a 2+2-layer Marian transformer (d_model 128)
trained for {seconds:.0f} s on 20,000 sentences of a small synthetic English/Spanish
grammar (tqcheck tests/tinyargos/). Only sentences of that grammar come out right;
anything else gives fluent nonsense. The MiniSBD model splits after `.!?…` followed by a
space. Build info: {info}
"""


def build_package(workdir: Path, src: str = "en", tgt: str = "es", seconds: float = 45,
                  seed: int = 0) -> Path:
    """Build workdir/translate-{src}_{tgt}-1_0.argosmodel from nothing, offline.

    Intermediate files (SentencePiece model, the Hugging Face checkpoint, the unzipped
    package) stay in workdir/{src}_{tgt}/ so callers can also use the model directly.
    """
    import ctranslate2
    import onnx
    from transformers.utils import logging as hf_logging

    workdir = Path(workdir)
    name = f"translate-{src}_{tgt}-1_0"
    tmp = workdir / f"{src}_{tgt}"
    if tmp.exists():
        shutil.rmtree(tmp)
    stage = tmp / name
    (stage / "minisbd").mkdir(parents=True)
    t0 = time.monotonic()
    pairs = grammar.pairs(src, tgt, N_PAIRS, seed=seed)
    bars = hf_logging.is_progress_bar_enabled()
    hf_logging.disable_progress_bar()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # pytest runs with filterwarnings=error
            sp_path = train_sentencepiece([s for p in pairs for s in p], tmp / "spm")
            info = train_marian(pairs, sp_path, tmp / "hf", seconds, seed)
            t1 = time.monotonic()
            ctranslate2.converters.TransformersConverter(str(tmp / "hf")).convert(
                str(stage / "model"), quantization="int8", force=True)
            info["convert_seconds"] = round(time.monotonic() - t1, 1)
    finally:
        if bars:
            hf_logging.enable_progress_bar()
    shutil.copyfile(sp_path, stage / "sentencepiece.model")
    onnx.save(minisbd_model([p[0] for p in pairs], src), str(stage / "minisbd" / f"{src}.onnx"))
    (stage / "metadata.json").write_text(json.dumps(_metadata(src, tgt), indent=2) + "\n")
    info = {k: round(v, 4) if isinstance(v, float) else v for k, v in info.items()}
    info["build_seconds"] = round(time.monotonic() - t0, 1)
    (stage / "README.md").write_text(README.format(src=src, tgt=tgt, seconds=seconds, info=info))
    out = workdir / f"{name}.argosmodel"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(stage.rglob("*")):
            zf.write(path, path.relative_to(tmp).as_posix())
    (tmp / "build_info.json").write_text(json.dumps(info, indent=2) + "\n")
    print(f"[tinyargos] {name}: {info}", file=sys.stderr, flush=True)
    return out


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m tests.tinyargos.build", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--seconds", type=float, default=45)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--pairs", default="en-es,es-en", help="comma-separated src-tgt list")
    parser.add_argument("--no-eval", action="store_true", help="skip the held-out evaluation")
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    for pair in args.pairs.split(","):
        src, tgt = pair.split("-")
        t0 = time.monotonic()
        path = build_package(args.outdir, src, tgt, args.seconds, args.seed)
        line = f"{path}  {path.stat().st_size / 1e6:.2f} MB  built in {time.monotonic() - t0:.0f} s"
        if not args.no_eval:
            stage = args.outdir / f"{src}_{tgt}" / f"translate-{src}_{tgt}-1_0"
            acc = exact_match(stage / "model", stage / "sentencepiece.model",
                              held_out(src, tgt, 200, args.seed))
            line += f"  exact match {acc:.1%} on 200 held-out sentences"
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
