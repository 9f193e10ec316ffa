"""Render a ``CompareResult`` (``mtcheck compare``) as text, JSON or Markdown; reporters never decide exit codes."""

from __future__ import annotations

import json
from typing import Any, TextIO

from ..compare import AlignedPair, CompareResult, PairComparison, VersionResult
from ..document import Document, normalise_spaces
from ..findings import Finding
from . import SCHEMA_VERSION

FORMATS = ("text", "json", "markdown")
SNIPPET = 60


def _snippet(text: str, width: int = SNIPPET) -> str:
    text = normalise_spaces(text)
    return text if len(text) <= width else text[: width - 1] + "…"


def _nums(idx: tuple[int, ...]) -> list[int]:
    return [i + 1 for i in idx]


def _span(idx: tuple[int, ...]) -> str:
    if not idx:
        return "-"
    return ",".join(str(i + 1) for i in idx)


def _para_text(doc: Document, idx: tuple[int, ...]) -> str:
    return " ".join(doc.paragraphs[i].text for i in idx)


def _finding_dict(doc: Document, f: Finding) -> dict[str, Any]:
    line, col = doc.line_col(f.start)
    return {"code": f.code, "name": f.name, "severity": f.severity.value, "line": line, "column": col,
            "text": doc.text[f.start:f.end], "message": f.message}


def _pair_dict(p: AlignedPair) -> dict[str, Any]:
    return {"a": _nums(p.a), "b": _nums(p.b), "status": p.status, "similarity": p.similarity, "chrf": p.chrf}


def _version_dict(v: VersionResult, with_ref: bool) -> dict[str, Any]:
    out: dict[str, Any] = {
        "file": v.file,
        "rank": v.rank,
        "score": v.score,
        "agreement": v.agreement,
        "check_score": v.check.score.value,
        "passed": v.check.passed,
        "findings": sum(1 for f in v.check.findings if f.category.value != "meta"),
        "words": v.doc.word_count,
        "paragraphs": len(v.doc.paragraphs),
    }
    if with_ref:
        out.update({"bleu": v.bleu, "chrf": v.chrf, "ter": v.ter, "paragraph_chrf": v.paragraph_chrf,
                    "alignment_to_reference": [_pair_dict(p) for p in v.alignment or []]})
    return out


def compare_dict(result: CompareResult, signature: str = "") -> dict[str, Any]:
    """Return the comparison as the JSON contract: top-level ``best`` and ``versions`` (file, score, ...)."""
    by_file = {v.file: v for v in result.versions}
    with_ref = result.reference is not None
    comparisons = []
    for pc in result.pairs:
        a, b = by_file[pc.a], by_file[pc.b]
        s = pc.significance
        comparisons.append({
            "a": pc.a,
            "b": pc.b,
            "delta": s.delta,
            "ci95": [s.low, s.high],
            "p_value": s.p_value,
            "significant": s.significant,
            "sacrebleu_paired_bootstrap": pc.sacrebleu,
            "alignment": [_pair_dict(p) for p in pc.alignment],
            "findings": {
                "fixed": [_finding_dict(a.doc, f) for f in pc.findings.fixed],
                "introduced": [_finding_dict(b.doc, f) for f in pc.findings.introduced],
                "kept": len(pc.findings.kept),
            },
        })
    v = result.verdict
    return {
        "schema_version": SCHEMA_VERSION,
        "command": "compare",
        "best": v.best,
        "ranking": v.ranking,
        "reference": result.reference,
        "similarity": result.method,
        "blocks": result.blocks,
        "verdict": {"text": v.text, "margin": v.margin, "p_value": v.p_value, "significant": v.significant},
        "versions": [_version_dict(x, with_ref) for x in result.versions],
        "mutual": result.mutual,
        "comparisons": comparisons,
        "sacrebleu_signatures": result.signatures,
        "model": result.model,
        "signature": signature,
    }


def render_json(result: CompareResult, out: TextIO, signature: str = "") -> None:
    """Write the comparison as JSON."""
    json.dump(compare_dict(result, signature), out, ensure_ascii=False, indent=2)
    out.write("\n")


def _metric_cells(v: VersionResult) -> list[str]:
    return [f"{v.bleu:.2f}", f"{v.chrf:.2f}", f"{v.ter:.2f}"] if v.bleu is not None else []


def _alignment_rows(pc: PairComparison, da: Document, db: Document) -> list[list[str]]:
    rows = []
    for p in pc.alignment:
        sim = f"{p.similarity:.2f}" if p.similarity is not None else ""
        chrf = f"{p.chrf:.1f}" if p.chrf is not None else ""
        text = _para_text(db, p.b) if p.b else _para_text(da, p.a)
        rows.append([_span(p.a), _span(p.b), p.status, sim, chrf, _snippet(text)])
    return rows


def render_text(result: CompareResult, out: TextIO, signature: str = "") -> None:
    """Write the comparison as a plain-text report."""
    by_file = {v.file: v for v in result.versions}
    with_ref = result.reference is not None
    ref = f"against reference {result.reference}" if with_ref else "no reference"
    out.write(f"mtcheck compare: {len(result.versions)} versions, {ref}, "
              f"{result.method} similarity, {result.blocks} aligned blocks\n\n")
    head = ["rank", "score", "agree", "check", "findings"] + (["BLEU", "chrF", "TER"] if with_ref else []) + ["file"]
    rows = []
    for v in sorted(result.versions, key=lambda x: x.rank):
        nf = sum(1 for f in v.check.findings if f.category.value != "meta")
        rows.append([str(v.rank), f"{v.score:.1f}", f"{v.agreement:.1f}" if v.agreement is not None else "",
                     f"{v.check.score.value:.1f}", str(nf)] + _metric_cells(v) + [v.file])
    _table(out, head, rows)
    out.write(f"\nVerdict: {result.verdict.text}\n")
    if result.mutual:
        m = result.mutual
        out.write(f"\n{result.versions[1].file} against {result.versions[0].file}: BLEU {m['bleu']:.2f}, "
                  f"chrF {m['chrf']:.2f}, TER {m['ter']:.2f}\n")
    for pc in result.pairs:
        a, b = by_file[pc.a], by_file[pc.b]
        s = pc.significance
        out.write(f"\n{pc.b} against {pc.a}: score {s.delta:+.1f} (95% CI {s.low:+.1f} to {s.high:+.1f}, "
                  f"p={s.p_value:.3f})\n")
        for metric, r in pc.sacrebleu.items():
            out.write(f"  {metric} {r['score']:.2f} vs {r['baseline']:.2f} "
                      f"(sacrebleu paired bootstrap p={r['p_value']:.3f})\n")
        out.write("\n  Paragraphs (A = first version, B = this one)\n")
        _table(out, ["A", "B", "status", "sim", "chrF", "text"], _alignment_rows(pc, a.doc, b.doc), indent="  ")
        fd = pc.findings
        out.write(f"\n  Findings: {len(fd.fixed)} fixed, {len(fd.introduced)} introduced, {len(fd.kept)} kept\n")
        for label, doc, items in (("fixed", a.doc, fd.fixed), ("introduced", b.doc, fd.introduced)):
            for f in items:
                line, _ = doc.line_col(f.start)
                out.write(f"    {label:<10} {f.code} {f.name} (line {line}): {_snippet(doc.text[f.start:f.end])}\n")
    if result.signatures:
        out.write("\nsacrebleu signatures:\n")
        for name, sig in result.signatures.items():
            out.write(f"  {name}: {sig}\n")
    if signature:
        out.write(f"\n{signature}\n")


def _table(out: TextIO, head: list[str], rows: list[list[str]], indent: str = "") -> None:
    widths = [max(len(r[i]) for r in [head, *rows]) for i in range(len(head))]
    for r in [head, *rows]:
        cells = [c.ljust(w) if i in (len(r) - 1,) or not _numeric(c) else c.rjust(w)
                 for i, (c, w) in enumerate(zip(r, widths))]
        out.write(indent + "  ".join(cells).rstrip() + "\n")


def _numeric(cell: str) -> bool:
    return cell.replace(".", "", 1).replace("-", "", 1).replace("+", "", 1).isdigit()


def _md_cell(text: str) -> str:
    return text.replace("|", "\\|")


def render_markdown(result: CompareResult, out: TextIO, signature: str = "") -> None:
    """Write the comparison as Markdown (tables), e.g. for a pull-request comment."""
    by_file = {v.file: v for v in result.versions}
    with_ref = result.reference is not None
    out.write("## mtcheck compare\n\n")
    out.write(f"**Verdict:** {_md_cell(result.verdict.text)}\n\n")
    head = ["rank", "file", "score", "agreement", "check score", "findings"] + \
        (["BLEU", "chrF", "TER"] if with_ref else [])
    out.write("| " + " | ".join(head) + " |\n|" + "---|" * len(head) + "\n")
    for v in sorted(result.versions, key=lambda x: x.rank):
        nf = sum(1 for f in v.check.findings if f.category.value != "meta")
        cells = [str(v.rank), f"`{_md_cell(v.file)}`", f"{v.score:.1f}",
                 f"{v.agreement:.1f}" if v.agreement is not None else "", f"{v.check.score.value:.1f}", str(nf)]
        out.write("| " + " | ".join(cells + _metric_cells(v)) + " |\n")
    if result.reference:
        out.write(f"\nReference: `{_md_cell(result.reference)}`.")
    out.write(f"\nSimilarity: {result.method}; {result.blocks} aligned blocks.\n")
    for pc in result.pairs:
        a, b = by_file[pc.a], by_file[pc.b]
        s = pc.significance
        out.write(f"\n### `{_md_cell(pc.b)}` against `{_md_cell(pc.a)}`\n\n")
        out.write(f"Score {s.delta:+.1f} (95% CI {s.low:+.1f} to {s.high:+.1f}, p={s.p_value:.3f}).")
        for metric, r in pc.sacrebleu.items():
            out.write(f" {metric} {r['score']:.2f} vs {r['baseline']:.2f} (sacrebleu paired bootstrap "
                      f"p={r['p_value']:.3f}).")
        out.write("\n\n| A | B | status | similarity | chrF | text |\n|---|---|---|---|---|---|\n")
        for row in _alignment_rows(pc, a.doc, b.doc):
            out.write("| " + " | ".join(_md_cell(c) for c in row) + " |\n")
        fd = pc.findings
        out.write(f"\nFindings: {len(fd.fixed)} fixed, {len(fd.introduced)} introduced, {len(fd.kept)} kept.\n")
        items = [("fixed", a.doc, f) for f in fd.fixed] + [("introduced", b.doc, f) for f in fd.introduced]
        if items:
            out.write("\n| change | code | line | text |\n|---|---|---|---|\n")
            for label, doc, f in items:
                line, _ = doc.line_col(f.start)
                out.write(f"| {label} | {f.code} {f.name} | {line} | {_md_cell(_snippet(doc.text[f.start:f.end]))} |\n")
    if result.signatures:
        out.write("\n<details><summary>sacrebleu signatures</summary>\n\n")
        for name, sig in result.signatures.items():
            out.write(f"- {name}: `{sig}`\n")
        out.write("\n</details>\n")
    if signature:
        out.write(f"\n`{signature}`\n")


def render(result: CompareResult, out: TextIO, fmt: str = "text", signature: str = "") -> None:
    """Write the comparison in ``fmt`` (text, json or markdown)."""
    {"text": render_text, "json": render_json, "markdown": render_markdown}[fmt](result, out, signature)
