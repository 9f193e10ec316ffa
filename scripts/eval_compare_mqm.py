#!/usr/bin/env python
"""Measure ``mtcheck compare``'s judgement of competing translations against expert MQM scores.

Usage: ``scripts/eval_compare_mqm.py SEGMENTS_TSV [--limit N] [--no-embeddings] [--model M] [--no-detectors]
[--cache FILE]``

SEGMENTS_TSV is one of ``../shared/data/mqm/segments-*.tsv`` (see that folder's README). For every source segment
and every pair of systems with different MQM scores (lower MQM = better), it asks mtcheck's comparison
(``mtcheck.compare.segment_scores``, the block score of ``mtcheck compare``) which translation is better, with
the reference and, where the targets are English (the zh-en sets), without it; sentence-level chrF and BLEU from
sacrebleu are scored on the same pairs. A tie counts as wrong, as in the MQM README's pairwise accuracy.
The last line is ``pairwise_ref=X pairwise_noref=Y chrf=Z bleu=W pairs=N``.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from mtcheck.compare import Scorer, segment_scores  # noqa: E402


def read_segments(path: str, limit: int | None) -> list[tuple[str, list[dict[str, str]]]]:
    """Return (segment key, rows) for every segment with at least two scored system outputs."""
    segs: dict[str, list[dict[str, str]]] = defaultdict(list)
    with open(path, newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            if not row["target"].strip() or not row["reference"].strip():
                continue  # no text, or the reference system itself
            try:
                float(row["mqm_score"])
            except ValueError:
                continue  # not rated
            segs[f"{row['doc']}#{row['seg_id']}"].append(row)
    out = [(k, rows) for k, rows in segs.items() if len(rows) >= 2]
    return out[:limit] if limit else out


def pairwise(values: list[float], mqm: list[float]) -> tuple[int, int]:
    """Return (agreeing pairs, pairs) over pairs with different MQM; a tie in ``values`` counts as wrong."""
    ok = n = 0
    for i, j in itertools.combinations(range(len(values)), 2):
        if mqm[i] == mqm[j]:
            continue
        n += 1
        if values[i] != values[j] and (values[i] > values[j]) == (mqm[i] < mqm[j]):
            ok += 1
    return ok, n


def main() -> None:
    """Run the evaluation and print the accuracies."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("segments_tsv")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N segments (a quick run)")
    ap.add_argument("--no-embeddings", action="store_true", help="lexical similarity only (no model)")
    ap.add_argument("--model", default=None, help="sentence-transformers model (default: bundled MiniLM)")
    ap.add_argument("--no-detectors", dest="detectors", action="store_false",
                    help="skip mtcheck's detector penalties (faster; they rarely fire on single sentences)")
    ap.add_argument("--cache", default=None, metavar="FILE",
                    help="keep the embeddings in this .npz file and reuse them on the next run")
    ap.add_argument("--noref", choices=["auto", "yes", "no"], default="auto",
                    help="reference-free too (auto: when the file name says the targets are English, *-zhen*)")
    args = ap.parse_args()
    t0 = time.time()
    segs = read_segments(args.segments_tsv, args.limit)
    if not segs:
        sys.exit(f"{args.segments_tsv}: no scored segments")
    noref = args.noref == "yes" or (args.noref == "auto" and "zhen" in Path(args.segments_tsv).name)
    encoder = None
    if not args.no_embeddings:
        from mtcheck.embeddings import load_encoder

        encoder = load_encoder(args.model)
    scorer = Scorer(encoder)
    texts = sorted({r[c] for _, rows in segs for r in rows for c in ("target", "reference")})
    if encoder is not None and args.cache and Path(args.cache).exists():
        with np.load(args.cache, allow_pickle=False) as z:
            if str(z["model"]) == encoder.info()["name"]:
                scorer._emb.update(zip(z["texts"].tolist(), z["vectors"]))
    scorer.prime(texts)  # one batched encoding of every text not cached yet
    if encoder is not None and args.cache:
        keys = sorted(scorer._emb)
        np.savez(args.cache, texts=np.array(keys), vectors=np.stack([scorer._emb[k] for k in keys]),
                 model=np.array(encoder.info()["name"]))
    t_enc = time.time() - t0
    from sacrebleu.metrics import BLEU, CHRF

    chrf, bleu = CHRF(), BLEU(effective_order=True)
    detect = None
    if args.detectors:
        from mtcheck.document import build_document
        from mtcheck.engine import check_document
        from mtcheck.scoring import MIN_WORDS, WEIGHTS
        from mtcheck.settings import Settings

        settings = Settings(embeddings=False)

        def detect(text: str) -> float:
            doc = build_document(text)
            res = check_document(doc, settings)
            apt = sum(WEIGHTS[f.severity] for f in res.findings if f.category.value != "meta")
            return 1000.0 * apt / max(doc.word_count, MIN_WORDS)

    tallies = defaultdict(lambda: [0, 0])
    for _, rows in segs:
        mqm = [float(r["mqm_score"]) for r in rows]
        hyps = [[r["target"]] for r in rows]
        ref = rows[0]["reference"]
        pens = [[detect(r["target"])] for r in rows] if detect else None
        judged = {"ref": segment_scores(hyps, [ref], scorer, pens)[:, 0].tolist()}
        if noref:
            judged["noref"] = segment_scores(hyps, None, scorer, pens)[:, 0].tolist()
        judged["chrf"] = [chrf.sentence_score(r["target"], [ref]).score for r in rows]
        judged["bleu"] = [bleu.sentence_score(r["target"], [ref]).score for r in rows]
        for name, vals in judged.items():
            ok, n = pairwise([round(v, 6) for v in vals], mqm)
            tallies[name][0] += ok
            tallies[name][1] += n
    acc = {k: (ok / n if n else float("nan")) for k, (ok, n) in tallies.items()}
    pairs = tallies["chrf"][1]
    method = scorer.method + (f" ({encoder.info()['name']})" if encoder is not None else "")
    print(f"{Path(args.segments_tsv).name}: {len(segs)} segments, {pairs} pairs with different MQM; "
          f"similarity {method}; detectors {'on' if detect else 'off'}; "
          f"encoding {t_enc:.0f}s, total {time.time() - t0:.0f}s")
    noref_s = f"{acc['noref']:.4f}" if "noref" in acc else "n/a"
    print(f"pairwise_ref={acc['ref']:.4f} pairwise_noref={noref_s} chrf={acc['chrf']:.4f} "
          f"bleu={acc['bleu']:.4f} pairs={pairs}")


if __name__ == "__main__":
    main()
