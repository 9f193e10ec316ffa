"""Measure mtcheck on a labelled corpus laid out like ../shared/corpus (see its README).

- A label is found when a finding of its category overlaps one occurrence of its quote.
- Precision: findings on ``mt/`` files that overlap a label of their category, over all findings on ``mt/``.
- On ``clean/``: the share of plain articles (``web-NNN``) that pass the gate, major findings per 1,000 words,
  and findings that land on ``silent`` traps of ``clean-notes.jsonl``.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .engine import ArticleResult, check_document
from .errors import InputError
from .findings import Category, Severity
from .inputs import read_document
from .settings import Settings

STRUCTURAL = ("quote_dash", "boilerplate", "duplicate", "glued", "byline", "untranslated")
CATEGORIES = ("quote_dash", "calque", "byline", "boilerplate", "duplicate", "glued", "untranslated", "garbled")
PLAIN_CLEAN = re.compile(r"^clean/web-\d+\.txt$")


def occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    """Return every (start, end) of ``quote`` in ``text``."""
    out, i = [], text.find(quote)
    while i >= 0:
        out.append((i, i + len(quote)))
        i = text.find(quote, i + 1)
    return out


@dataclass
class Evaluation:
    """Counts and lists behind the printed figures."""

    labels: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    found: dict[str, list[bool]] = field(default_factory=lambda: defaultdict(list))
    findings_mt: int = 0
    findings_mt_ok: int = 0
    findings_by_cat: dict[str, list[bool]] = field(default_factory=lambda: defaultdict(list))
    unmatched: list[dict[str, Any]] = field(default_factory=list)
    missed: list[dict[str, Any]] = field(default_factory=list)
    mt_failed: list[str] = field(default_factory=list)
    mt_passed: list[str] = field(default_factory=list)
    clean_plain_passed: list[str] = field(default_factory=list)
    clean_plain_failed: list[str] = field(default_factory=list)
    clean_words: int = 0
    clean_major: int = 0
    clean_findings: list[dict[str, Any]] = field(default_factory=list)
    silent_hits: list[dict[str, Any]] = field(default_factory=list)


def _recall(hits: list[bool]) -> float | None:
    return sum(hits) / len(hits) if hits else None


def evaluate(corpus: Path, settings: Settings, encoder: Any = None) -> Evaluation:
    """Run the checker over the corpus and collect the evaluation."""
    ev = Evaluation()
    labels_by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for line in (corpus / "labels.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            d = json.loads(line)
            labels_by_file[d["file"]].append(d)
    notes_by_file: dict[str, list[dict[str, Any]]] = defaultdict(list)
    notes_path = corpus / "clean-notes.jsonl"
    if notes_path.exists():
        for line in notes_path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                d = json.loads(line)
                notes_by_file[d["file"]].append(d)

    def run(rel: str) -> ArticleResult:
        doc = read_document(str(corpus / rel))
        doc.path = rel
        return check_document(doc, settings, encoder=encoder)

    for path in sorted((corpus / "mt").glob("*.txt")):
        rel = f"mt/{path.name}"
        res = run(rel)
        text = res.doc.text
        (ev.mt_passed if res.passed else ev.mt_failed).append(rel)
        labs = [(lab, occurrences(text, lab["quote"])) for lab in labels_by_file.get(rel, [])]
        group = "seed" if path.name.startswith("seed") else "web"
        for lab, occ in labs:
            hit = any(f.category.value == lab["category"] and any(f.start < e and s < f.end for s, e in occ)
                      for f in res.findings)
            ev.found[f"{group}:{lab['category']}"].append(hit)
            if not hit:
                ev.missed.append({"file": rel, "category": lab["category"], "quote": lab["quote"]})
        for f in res.findings:
            if f.category is Category.META:
                continue
            ev.findings_mt += 1
            ok = any(lab["category"] == f.category.value and any(f.start < e and s < f.end for s, e in occ)
                     for lab, occ in labs)
            ev.findings_mt_ok += ok
            ev.findings_by_cat[f.category.value].append(ok)
            if not ok:
                line, col = res.doc.line_col(f.start)
                ev.unmatched.append({"file": rel, "line": line, "code": f.code, "category": f.category.value,
                                     "text": text[f.start:f.end][:80]})
    for path in sorted((corpus / "clean").glob("*.txt")):
        rel = f"clean/{path.name}"
        res = run(rel)
        text = res.doc.text
        if PLAIN_CLEAN.match(rel):
            (ev.clean_plain_passed if res.passed else ev.clean_plain_failed).append(rel)
        ev.clean_words += res.score.words
        for f in res.findings:
            if f.category is Category.META:
                continue
            ev.clean_major += f.severity.rank >= Severity.MAJOR.rank
            line, _ = res.doc.line_col(f.start)
            item = {"file": rel, "line": line, "code": f.code, "severity": f.severity.value,
                    "text": text[f.start:f.end][:80]}
            ev.clean_findings.append(item)
            for note in notes_by_file.get(rel, []):
                if note.get("expect") == "silent" and any(f.start < e and s < f.end
                                                          for s, e in occurrences(text, note["quote"])):
                    ev.silent_hits.append({**item, "trap": note["quote"]})
    return ev


def summary(ev: Evaluation) -> dict[str, Any]:
    """Return the headline figures as a dict."""
    def rec(keys: list[str]) -> float | None:
        hits = [h for k in keys for h in ev.found.get(k, [])]
        return _recall(hits)

    per_cat = {}
    for cat in CATEGORIES:
        hits = ev.findings_by_cat.get(cat, [])
        per_cat[cat] = {"seed": rec([f"seed:{cat}"]), "web": rec([f"web:{cat}"]),
                        "labels": len(ev.found.get(f"seed:{cat}", [])) + len(ev.found.get(f"web:{cat}", [])),
                        "precision": sum(hits) / len(hits) if hits else None, "findings": len(hits)}
    mt_total = len(ev.mt_failed) + len(ev.mt_passed)
    plain = len(ev.clean_plain_passed) + len(ev.clean_plain_failed)
    return {
        "per_category": per_cat,
        "seed_recall": rec([f"seed:{c}" for c in CATEGORIES]),
        "web_structural_recall": rec([f"web:{c}" for c in STRUCTURAL]),
        "web_recall": rec([f"web:{c}" for c in CATEGORIES]),
        "overall_recall": rec([f"{g}:{c}" for g in ("seed", "web") for c in CATEGORIES]),
        "precision": ev.findings_mt_ok / ev.findings_mt if ev.findings_mt else None,
        "findings_mt": ev.findings_mt,
        "mt_fail_share": len(ev.mt_failed) / mt_total if mt_total else None,
        "mt_passed": ev.mt_passed,
        "clean_plain_pass_share": len(ev.clean_plain_passed) / plain if plain else None,
        "clean_plain_failed": ev.clean_plain_failed,
        "clean_major_per_1000_words": 1000 * ev.clean_major / ev.clean_words if ev.clean_words else None,
        "clean_findings": len(ev.clean_findings),
        "silent_trap_hits": len(ev.silent_hits),
    }


def format_summary(ev: Evaluation, verbose: bool = False) -> str:
    """Return the evaluation as a plain-text table (and, with ``verbose``, the misses and false alarms)."""
    s = summary(ev)

    def pct(x: float | None) -> str:
        return "  -  " if x is None else f"{x:5.2f}"

    lines = ["category      recall: seed  web   labels   precision findings (on mt/)"]
    for cat, v in s["per_category"].items():
        lines.append(f"{cat:<13}         {pct(v['seed'])} {pct(v['web'])} {v['labels']:>4}     "
                     f"{pct(v['precision'])}   {v['findings']:>4}")
    lines += [
        "",
        f"seed recall                      {pct(s['seed_recall'])}",
        f"web recall, structural categories {pct(s['web_structural_recall'])}",
        f"web recall, all categories       {pct(s['web_recall'])}",
        f"overall recall                   {pct(s['overall_recall'])}",
        f"precision (mt/, {s['findings_mt']} findings)     {pct(s['precision'])}",
        f"MT articles failing the gate     {pct(s['mt_fail_share'])}"
        + (f"  (passed: {', '.join(s['mt_passed'])})" if s["mt_passed"] else ""),
        f"plain clean articles passing     {pct(s['clean_plain_pass_share'])}"
        + (f"  (failed: {', '.join(s['clean_plain_failed'])})" if s["clean_plain_failed"] else ""),
        f"major findings per 1,000 clean words {s['clean_major_per_1000_words']:.2f}"
        if s["clean_major_per_1000_words"] is not None else "major findings per 1,000 clean words -",
        f"findings on clean articles       {s['clean_findings']}",
        f"findings on silent traps         {s['silent_trap_hits']}",
    ]
    if verbose:
        lines.append("\nmissed labels:")
        lines += [f"  {m['file']} [{m['category']}] {m['quote'][:70]!r}" for m in ev.missed]
        lines.append("\nfindings on mt/ matching no label of their category:")
        lines += [f"  {u['file']}:{u['line']} {u['code']} [{u['category']}] {u['text']!r}" for u in ev.unmatched]
        lines.append("\nfindings on clean/:")
        lines += [f"  {c['file']}:{c['line']} {c['code']} [{c['severity']}] {c['text']!r}" for c in ev.clean_findings]
        lines.append("\nfindings on silent traps:")
        lines += [f"  {c['file']}:{c['line']} {c['code']} {c['trap']!r}" for c in ev.silent_hits]
    return "\n".join(lines)


def check_corpus_layout(corpus: Path) -> None:
    """Raise InputError unless ``corpus`` has labels.jsonl, mt/ and clean/."""
    for part in ("labels.jsonl", "mt", "clean"):
        if not (corpus / part).exists():
            raise InputError(f"{corpus}: not a corpus directory (missing {part}; see ../shared/corpus/README.md)")
