"""Batch benchmark: check 1,000 generated articles and print articles/second and peak memory.

    .venv/bin/python bench/bench_batch.py [--articles 1000] [--jobs 4] [--no-embeddings-only]

Each mode runs in a fresh interpreter (so peak memory is its own): heuristics in one process, heuristics with
``--jobs`` processes, and embeddings on (one model load for the batch; skipped when the model cannot be loaded).
The articles are invented from templates (a third carry artefacts: dash quotes, ad markers, glued words, a
repeated headline) and written to a temporary folder, then checked through ``mtcheck check`` on that folder.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

PLACES = ["Nordvik", "Sandhamn", "Eikefjord", "Holmsund", "Brekkestad", "Lindvik", "Ostera", "Kallvik"]
WHO = ["the mayor", "the union leader", "a council spokesperson", "the harbour master", "the police chief",
       "a local shop owner", "the school principal", "the fire service"]
TOPICS = ["ferry timetable", "school budget", "harbour dredging", "road closure", "wind farm permit",
          "hospital waiting lists", "library opening hours", "fishing quota"]
SENTENCES = [
    "The council in {place} discussed the {topic} on {day} evening, and {who} said a decision would follow soon.",
    "Residents of {place} have complained about the {topic} for months, according to {who}.",
    "{who_cap} told reporters that the {topic} would cost more than first expected.",
    "A public meeting about the {topic} is planned for next {day} at the community hall in {place}.",
    "Figures published on {day} show that the {topic} has been delayed by at least six weeks.",
    "In a statement, {who} said the municipality would publish the full report before the summer.",
    "Several people in {place} said they had not been told about the changes to the {topic}.",
    "The regional authority has asked {place} to explain why the {topic} was not approved last year.",
]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def article(rng: random.Random, dirty: bool) -> str:
    place, topic = rng.choice(PLACES), rng.choice(TOPICS)
    title = f"{place} postpones decision on {topic}"
    paras = [title]
    if dirty and rng.random() < 0.5:
        paras.append(title)
    for _ in range(rng.randint(5, 8)):
        sents = []
        for _ in range(rng.randint(2, 3)):
            who = rng.choice(WHO)
            sents.append(rng.choice(SENTENCES).format(place=place, topic=topic, day=rng.choice(DAYS), who=who,
                                                      who_cap=who[0].upper() + who[1:]))
        paras.append(" ".join(sents))
    if dirty:
        paras.insert(rng.randint(2, len(paras)), f"– We will not accept this, says {rng.choice(WHO)}.")
        if rng.random() < 0.5:
            paras.insert(rng.randint(2, len(paras)), "Article continues below ad")
        if rng.random() < 0.5:
            paras[-1] = paras[-1] + "Read more"
    return "\n\n".join(paras) + "\n"


def run_mode(folder: str, args: list[str]) -> dict[str, float]:
    code = f"""
import json, resource, sys, time
t = time.perf_counter()
from mtcheck.cli import main
try:
    main(["check", "--isolated", "--exit-zero", "--no-progress", "-f", "json", "-o", {os.devnull!r}, {folder!r}] + {args!r})
except SystemExit as e:
    rc = e.code
wall = time.perf_counter() - t
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
kids = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({{"rc": rc, "seconds": wall, "peak_mb": own / 1024, "worker_peak_mb": kids / 1024}}))
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    if proc.returncode != 0 or not proc.stdout.strip():
        return {"error": (proc.stderr.strip().splitlines() or ["failed"])[-1]}  # type: ignore[dict-item]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=min(4, os.cpu_count() or 1))
    parser.add_argument("--no-embeddings-only", action="store_true", help="Skip the embeddings run.")
    parser.add_argument("--embedding-articles", type=int, default=None,
                        help="Check only this many articles in the embeddings run (it is far slower on CPU).")
    opts = parser.parse_args()
    rng = random.Random(20240601)
    with tempfile.TemporaryDirectory(prefix="mtcheck-bench-") as tmp:
        words = 0
        for i in range(opts.articles):
            text = article(rng, dirty=i % 3 == 0)
            words += len(text.split())
            Path(tmp, f"article-{i:04d}.txt").write_text(text, encoding="utf-8")
        print(f"{opts.articles} generated articles, {words / opts.articles:.0f} words on average, "
              f"{os.cpu_count()} CPUs", flush=True)
        modes = [("heuristics, 1 process", ["--no-embeddings"]),
                 (f"heuristics, --jobs {opts.jobs}", ["--no-embeddings", "--jobs", str(opts.jobs)])]
        if not opts.no_embeddings_only:
            modes.append(("embeddings on (one model load)", []))
        for label, args in modes:
            n = opts.articles
            folder = tmp
            if "--no-embeddings" not in args and opts.embedding_articles:
                n = min(n, opts.embedding_articles)
                folder = os.path.join(tmp, "subset")
                os.makedirs(folder)
                for i in range(n):
                    os.link(os.path.join(tmp, f"article-{i:04d}.txt"), os.path.join(folder, f"article-{i:04d}.txt"))
                label += f", {n} articles"
            r = run_mode(folder, args)
            if "error" in r:
                print(f"{label:<34} skipped: {r['error']}", flush=True)
                continue
            rate = n / r["seconds"]
            workers = f", workers {r['worker_peak_mb']:.0f} MB each at most" if r["worker_peak_mb"] else ""
            print(f"{label:<34} {rate:8.1f} articles/s  ({r['seconds']:.1f} s wall, exit {r['rc']}), "
                  f"peak RSS {r['peak_mb']:.0f} MB{workers}", flush=True)


if __name__ == "__main__":
    main()
