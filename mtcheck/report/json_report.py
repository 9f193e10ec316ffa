"""JSON report: one article -> the article object; several -> ``{"schema_version", "results": [...]}``."""

from __future__ import annotations

import json
from typing import TextIO

from . import SCHEMA_VERSION, RenderOptions, RunReport, article_dict


def render(report: RunReport, out: TextIO, options: RenderOptions) -> None:
    """Write the report as JSON."""
    articles = [article_dict(r, report.signature) for r in report.results]
    if len(articles) == 1 and not report.errors:
        doc = articles[0]
    else:
        doc = {
            "schema_version": SCHEMA_VERSION,
            "signature": report.signature,
            "summary": {
                "articles": len(articles),
                "passed": sum(a["passed"] for a in articles),
                "failed": sum(not a["passed"] for a in articles),
                "errors": len(report.errors),
            },
            "results": articles,
            "errors": report.errors,
        }
    json.dump(doc, out, ensure_ascii=False, indent=2)
    out.write("\n")
