"""In-article suppressions: ``<!-- mtcheck: disable MT301 -->`` and friends, applied after the detectors ran.

Directives live in HTML comments (``Document.comments``: whole-line comments of Markdown files, ``mtcheck:``
comments of plain-text files, comments of HTML pages). Each names codes, prefixes or detector names, several
separated by commas or spaces; no name (or ``all``) means every detector:

- ``<!-- mtcheck: disable MT301 -->`` ... ``<!-- mtcheck: enable MT301 -->``: a region (to the end of the article
  when no ``enable`` closes it; ``enable`` closes the ``disable`` that named the same selector);
- ``<!-- mtcheck: disable-next-line MT301 -->``: the next paragraph (the next non-blank line or block);
- ``<!-- mtcheck: disable-file MT2 -->`` (or ``file-disable``): the whole article.

A finding is suppressed when it starts inside a region of a selector that matches its code or name. A selector
that suppressed nothing is reported as MT901 (unused-suppression) when a detector it names ran; a directive that
cannot be understood is MT902 (bad-directive). Both are meta findings: they never change the score or the gate,
and they cannot themselves be suppressed (nor can MT990, a crashed detector).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from .detectors.base import BLOCKS
from .document import Document
from .findings import Category, Finding
from .registry import REDIRECTS, RETIRED, Registry, _match_len, is_selected
from .settings import Settings

ACTIONS = {"disable": "disable", "enable": "enable", "disable-next-line": "disable-next-line",
           "disable-file": "disable-file", "file-disable": "disable-file"}
_COMMENT = re.compile(r"<!--(.*?)-->", re.DOTALL)
_DIRECTIVE = re.compile(r"^\s*mtcheck\b\s*(:?)\s*([^\s,]*)(.*)$", re.DOTALL | re.IGNORECASE)
_CODE = re.compile(r"^MT\d{1,3}$", re.IGNORECASE)
_NAME = re.compile(r"^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$")


@dataclass
class Directive:
    """One parsed ``mtcheck:`` comment: the action, its valid selectors (empty = all) and its span."""

    action: str
    selectors: list[str]
    start: int
    end: int
    text: str  # the directive as written, without the comment markers


@dataclass
class Region:
    """Findings of ``selector`` starting in ``start:end`` are suppressed."""

    selector: str
    start: int
    end: int
    directive: Directive
    used: int = 0


@dataclass
class Parsed:
    """The regions of a document and the problems met while parsing its directives."""

    regions: list[Region] = field(default_factory=list)
    problems: list[tuple[int, int, str, str]] = field(default_factory=list)  # start, end, message, suggestion


def _comment_spans(doc: Document) -> Iterable[tuple[int, int, str]]:
    """Yield (start, end, inner text) of each comment; a comment outside ``doc.text`` (HTML) has a zero span."""
    for start, end, text in doc.comments:
        in_text = end - start == len(text) and doc.text[start:end] == text
        matches = list(_COMMENT.finditer(text))
        if not matches:
            yield start, start if not in_text else end, text
            continue
        for m in matches:
            if in_text:
                yield start + m.start(), start + m.end(), m.group(1)
            else:
                yield start, start, m.group(1)


def _check_selector(sel: str, registry: Registry) -> str | None:
    """Return why ``sel`` is not a valid selector, or None."""
    if sel.upper() == "ALL":
        return None
    if _CODE.match(sel):
        code = sel.upper()
        if len(code) < 5:
            return None if code[2] in BLOCKS else f"unknown code prefix {sel!r}"
        if code in RETIRED:
            return f"retired code {sel!r}"
        return None if code in registry.by_code or code in REDIRECTS else f"unknown code {sel!r}"
    if _NAME.match(sel) and registry.get(sel) is not None:
        return None
    return f"unknown code or name {sel!r}"


def parse_directives(doc: Document, registry: Registry) -> Parsed:
    """Parse every ``mtcheck:`` comment of ``doc`` into suppression regions."""
    out = Parsed()
    open_regions: list[Region] = []
    for start, end, inner in sorted(_comment_spans(doc)):
        m = _DIRECTIVE.match(inner)
        if not m:
            continue  # an ordinary comment
        colon, verb, rest = m.group(1), m.group(2).lower(), m.group(3)
        shown = " ".join(inner.split())
        if not colon or verb not in ACTIONS:
            out.problems.append((start, end, f"bad directive {shown!r}",
                                 "Write 'mtcheck: ' then disable, enable, disable-next-line or disable-file"))
            continue
        action = ACTIONS[verb]
        raw = [s for s in re.split(r"[\s,]+", rest.strip()) if s]
        selectors = []
        for sel in raw:
            why = _check_selector(sel, registry)
            if why:
                out.problems.append((start, end, f"{why} in {shown!r}", "Name a code, a prefix or a detector name "
                                     "listed by 'mtcheck rules'"))
            else:
                selectors.append("ALL" if sel.upper() == "ALL" else sel)
        if raw and not selectors:
            continue  # nothing valid left: do not widen a typo into "all"
        selectors = selectors or ["ALL"]
        d = Directive(action=action, selectors=selectors, start=start, end=end, text=shown)
        if action == "disable-file":
            out.regions.extend(Region(s, 0, len(doc.text), d) for s in selectors)
        elif action == "disable-next-line":
            nxt = next((p for p in doc.paragraphs if p.start >= end), None)
            if nxt is None:
                out.problems.append((start, end, f"nothing follows {shown!r}", "Put the directive right above the "
                                     "paragraph it should silence"))
                continue
            out.regions.extend(Region(s, nxt.start, nxt.end, d) for s in selectors)
        elif action == "disable":
            for s in selectors:
                region = Region(s, end, len(doc.text), d)
                out.regions.append(region)
                open_regions.append(region)
        else:  # enable
            closing = [r for r in open_regions if "ALL" in selectors or r.selector.upper() in
                       {x.upper() for x in selectors}]
            if not closing:
                out.problems.append((start, end, f"{shown!r} has no matching disable", "Remove it, or name the "
                                     "selector of the disable it should end"))
            for r in closing:
                r.end = start
                open_regions.remove(r)
    return out


def _matches(selector: str, code: str, name: str) -> bool:
    return _match_len(selector, code, name) >= 0


def apply_suppressions(doc: Document, findings: list[Finding], settings: Settings, registry: Registry,
                       ran: Iterable[str] = ()) -> list[Finding]:
    """Return ``findings`` without the suppressed ones, plus MT901/MT902 meta findings for the directives.

    ``ran`` lists the codes of the detectors that ran: an unused selector is only reported when one of them
    matches it (a directive for a detector that was not selected, or needs embeddings that are off, is left alone).
    """
    if not doc.comments:
        return findings
    parsed = parse_directives(doc, registry)
    kept: list[Finding] = []
    for f in findings:
        hit = False
        if f.category is not Category.META:
            for r in parsed.regions:
                if r.start <= f.start < r.end and _matches(r.selector, f.code, f.name):
                    r.used += 1
                    hit = True
        if not hit:
            kept.append(f)
    ran_detectors = [registry.by_code[c] for c in ran if c in registry.by_code]
    meta = {cls.code: cls for cls in registry if cls.category is Category.META}
    unused_cls, bad_cls = meta.get("MT901"), meta.get("MT902")
    if unused_cls and is_selected(unused_cls.code, unused_cls.name, settings.select, settings.ignore):
        seen: set[tuple[int, str]] = set()
        for r in parsed.regions:
            key = (r.directive.start, r.selector)
            if r.used or key in seen:
                continue
            seen.add(key)
            if not any(_matches(r.selector, d.code, d.name) for d in ran_detectors):
                continue
            what = "finding" if r.selector == "ALL" else f"{r.selector} finding"
            kept.append(unused_cls().finding(
                r.directive.start, r.directive.end, f"unused suppression {r.directive.text!r}: no {what} to hide",
                suggestion="Remove the directive, or the selector that no longer matches"))
    if bad_cls and is_selected(bad_cls.code, bad_cls.name, settings.select, settings.ignore):
        for start, end, message, suggestion in parsed.problems:
            kept.append(bad_cls().finding(start, end, message, suggestion=suggestion))
    return sorted(kept, key=lambda f: (f.start, f.end, f.code))
