"""Compare translation versions of one article: paragraph alignment, sacrebleu metrics, significance, a verdict.

The library behind ``mtcheck compare``. It returns dataclasses; the reporters in ``mtcheck.report.compare``
render them and ``mtcheck.commands.compare`` decides the exit code.

How versions are compared
-------------------------
1. **Alignment.** Each version is aligned paragraph by paragraph with the *anchor* (the reference when one is
   given, else the first version) by a monotone dynamic programme over 1-1, 1-2, 2-1, 1-0 and 0-1 steps
   (split, merged, dropped, added), then a second pass pairs left-over paragraphs that moved. Similarity is
   ``0.7 · embedding cosine + 0.3 · character n-gram cosine`` with an encoder, the n-gram cosine alone without.
2. **Blocks.** Anchor paragraphs that any version merged are grouped into one *block*, so that every version
   has exactly one (possibly empty) text per block; added paragraphs join the block before them. Blocks are the
   segments of sacrebleu's corpus metrics and of the paired bootstrap.
3. **Score** (higher is better) = ``agreement − penalty``. Agreement (0–100) is the mean over blocks of the
   available evidence: similarity to the reference block, and (with three or more versions) the mean similarity
   to the other versions' blocks (consensus), similarity being ``0.7 · cosine + 0.3 · chrF/100`` (chrF alone
   without embeddings); with neither (two versions, no reference) agreement is 100. The penalty is the
   detectors' MQM penalty per 1,000 words, as in ``mtcheck check`` (so with no other evidence the score is the
   check score, not clipped at 0). Each block carries its share of both, for the bootstrap.
4. **Significance.** Paired bootstrap resampling of blocks (1,000 resamples, seed 12345; percentile interval
   and two-sided p) for the score; with a reference, sacrebleu's own paired bootstrap (``PairedTest``) for BLEU and chrF.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from .document import Document, normalise_spaces
from .findings import Category, Finding
from .scoring import MIN_WORDS, WEIGHTS

EMBEDDING_WEIGHT = 0.7  # share of embedding cosine in a similarity (the rest: chrF or n-gram cosine)
ALIGN_THRESHOLD = {"embedding": 0.5, "lexical": 0.35}  # a pair scores (similarity - threshold)
MOVE_MARGIN = 0.15  # a moved pair must clear the threshold by this much
MANY_TO_ONE_COST = 0.02  # prefer 1-1 over split/merge when they explain the text equally well
BOOTSTRAP_SAMPLES = 1000
BOOTSTRAP_SEED = 12345
SIGNIFICANCE = 0.05
MIN_BLOCKS_FOR_TEST = 5
_NGRAMS = (3, 4)
_HASH_DIM = 1 << 18


# ---------------------------------------------------------------------------------------------------- similarity

def _ngram_vector(text: str) -> dict[int, float]:
    """Return the hashed character 3- and 4-gram counts of ``text`` (lower-cased, spaces folded)."""
    s = " " + re.sub(r"\s+", " ", text.lower()).strip() + " "
    counts: Counter[int] = Counter()
    for n in _NGRAMS:
        for i in range(len(s) - n + 1):
            counts[zlib.crc32(s[i:i + n].encode("utf-8")) % _HASH_DIM] += 1
    return dict(counts)


def _dense(vectors: list[dict[int, float]]) -> np.ndarray:
    """Return the rows of sparse n-gram vectors as a dense, unit-length matrix over their shared vocabulary."""
    vocab: dict[int, int] = {}
    for v in vectors:
        for k in v:
            vocab.setdefault(k, len(vocab))
    mat = np.zeros((len(vectors), max(1, len(vocab))), dtype=np.float32)
    for i, v in enumerate(vectors):
        for k, c in v.items():
            mat[i, vocab[k]] = c
    norms = np.linalg.norm(mat, axis=1, keepdims=True)
    return mat / np.where(norms == 0, 1.0, norms)


class Scorer:
    """Similarity between texts: embeddings (when an encoder is given) blended with chrF or n-gram overlap."""

    def __init__(self, encoder: Any = None) -> None:
        self.encoder = encoder
        self._chrf: Any = None
        self._emb: dict[str, np.ndarray] = {}
        self._sim: dict[tuple[str, str], float] = {}

    @property
    def method(self) -> str:
        """Return ``embedding`` or ``lexical``: what the similarities are made of."""
        return "embedding" if self.encoder is not None else "lexical"

    def prime(self, texts: Sequence[str]) -> None:
        """Encode ``texts`` in one batched call so later similarities come from the cache."""
        if self.encoder is None:
            return
        todo = sorted({t for t in texts if t and t not in self._emb})
        if todo:
            for t, v in zip(todo, self.encoder.encode(todo)):
                self._emb[t] = np.asarray(v, dtype=np.float32)

    def vectors(self, texts: Sequence[str]) -> np.ndarray:
        """Return unit embedding rows of ``texts`` (zero rows for empty texts)."""
        self.prime(texts)
        dim = next(iter(self._emb.values())).shape[0] if self._emb else 1
        return np.stack([self._emb[t] if t else np.zeros(dim, np.float32) for t in texts]) if texts \
            else np.zeros((0, dim), np.float32)

    def chrf(self, hyp: str, ref: str) -> float:
        """Return sacrebleu's sentence chrF (0-100) of ``hyp`` against ``ref``."""
        if self._chrf is None:
            from sacrebleu.metrics import CHRF

            self._chrf = CHRF()
        if not hyp.strip() and not ref.strip():
            return 100.0
        return float(self._chrf.sentence_score(hyp, [ref]).score)

    def similarity(self, hyp: str, ref: str) -> float:
        """Return how close ``hyp`` is to ``ref`` (0-1): both empty is 1, one empty is 0."""
        if not hyp.strip() or not ref.strip():
            return 1.0 if not hyp.strip() and not ref.strip() else 0.0
        if hyp == ref:
            return 1.0
        key = (hyp, ref)
        if key not in self._sim:
            lex = self.chrf(hyp, ref) / 100.0
            if self.encoder is None:
                self._sim[key] = lex
            else:
                v = self.vectors([hyp, ref])
                self._sim[key] = EMBEDDING_WEIGHT * float(v[0] @ v[1]) + (1 - EMBEDDING_WEIGHT) * lex
        return self._sim[key]

    def alignment_matrices(self, a: list[str], b: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Return the unit rows used for alignment of ``a`` and ``b`` (n-gram, plus embedding when available)."""
        lex = _dense([_ngram_vector(t) for t in a + b])
        if self.encoder is None:
            return lex[: len(a)], lex[len(a):], np.zeros((0, 0))
        emb = self.vectors(a + b)
        return lex[: len(a)], lex[len(a):], emb


# ----------------------------------------------------------------------------------------------------- alignment

@dataclass(frozen=True)
class AlignedPair:
    """Paragraphs of version A (``a``) and version B (``b``) that say the same thing; indices are 0-based.

    ``status`` is ``unchanged``, ``changed``, ``split`` (one A paragraph, several B), ``merged`` (several A, one
    B), ``moved`` (out of order), ``dropped`` (only in A) or ``added`` (only in B).
    """

    a: tuple[int, ...]
    b: tuple[int, ...]
    status: str
    similarity: float | None = None
    chrf: float | None = None  # chrF of B's text against A's text

    @property
    def changed(self) -> bool:
        """Return True unless the paragraphs are the same text."""
        return self.status != "unchanged"


def _unit(v: np.ndarray) -> np.ndarray:
    n = float(np.linalg.norm(v))
    return v / n if n else v


def align_texts(a: list[str], b: list[str], scorer: Scorer | None = None) -> list[AlignedPair]:
    """Align paragraph texts ``a`` and ``b``; return the pairs in B order (dropped A paragraphs in A order).

    A monotone dynamic programme maximises the sum of ``similarity - threshold`` over 1-1, 1-2 and 2-1 steps
    (skips score 0); then unmatched paragraphs whose similarity clears the threshold by ``MOVE_MARGIN`` are
    paired as moved.
    """
    scorer = scorer or Scorer()
    na, nb = len(a), len(b)
    norm_a = [normalise_spaces(t) for t in a]
    norm_b = [normalise_spaces(t) for t in b]
    la, lb, emb = scorer.alignment_matrices(norm_a, norm_b)
    ea, eb = (emb[:na], emb[na:]) if emb.size else (None, None)
    threshold = ALIGN_THRESHOLD[scorer.method]

    def sim(ia: Sequence[int], ib: Sequence[int]) -> float:
        if len(ia) == 1 and len(ib) == 1 and norm_a[ia[0]] == norm_b[ib[0]]:
            return 1.0
        lex = float(_unit(la[list(ia)].sum(0)) @ _unit(lb[list(ib)].sum(0)))
        if ea is None or eb is None:
            return lex
        # the embedding of joined paragraphs is approximated by the length-weighted mean of their vectors
        va = _unit(sum(ea[i] * len(norm_a[i]) for i in ia))
        vb = _unit(sum(eb[i] * len(norm_b[i]) for i in ib))
        return EMBEDDING_WEIGHT * float(va @ vb) + (1 - EMBEDDING_WEIGHT) * lex

    single = (la @ lb.T).astype(float) if na and nb else np.zeros((na, nb))
    if ea is not None and eb is not None and na and nb:
        single = EMBEDDING_WEIGHT * (ea @ eb.T) + (1 - EMBEDDING_WEIGHT) * single
    for i in range(na):
        for j in range(nb):
            if norm_a[i] == norm_b[j]:
                single[i, j] = 1.0
    neg = -1e18
    best = np.full((na + 1, nb + 1), neg)
    back: dict[tuple[int, int], tuple[int, int, float]] = {}
    best[0, 0] = 0.0
    for i in range(na + 1):
        for j in range(nb + 1):
            if i == 0 and j == 0:
                continue
            cands: list[tuple[float, int, int, float]] = []
            if i:
                cands.append((best[i - 1, j], 1, 0, 0.0))
            if j:
                cands.append((best[i, j - 1], 0, 1, 0.0))
            if i and j and single[i - 1, j - 1] > threshold:
                s = single[i - 1, j - 1]
                cands.append((best[i - 1, j - 1] + s - threshold, 1, 1, s))
            if i and j >= 2 and max(single[i - 1, j - 1], single[i - 1, j - 2]) > threshold / 2:
                s = sim((i - 1,), (j - 2, j - 1))
                if s > threshold:
                    cands.append((best[i - 1, j - 2] + s - threshold - MANY_TO_ONE_COST, 1, 2, s))
            if i >= 2 and j and max(single[i - 1, j - 1], single[i - 2, j - 1]) > threshold / 2:
                s = sim((i - 2, i - 1), (j - 1,))
                if s > threshold:
                    cands.append((best[i - 2, j - 1] + s - threshold - MANY_TO_ONE_COST, 2, 1, s))
            score, di, dj, s = max(cands, key=lambda c: c[0])
            best[i, j] = score
            back[(i, j)] = (di, dj, s)
    steps: list[tuple[tuple[int, ...], tuple[int, ...], float]] = []
    i, j = na, nb
    while i or j:
        di, dj, s = back[(i, j)]
        steps.append((tuple(range(i - di, i)), tuple(range(j - dj, j)), s))
        i, j = i - di, j - dj
    steps.reverse()
    matched = [st for st in steps if st[0] and st[1]]
    lone_a = [st[0][0] for st in steps if st[0] and not st[1]]
    lone_b = [st[1][0] for st in steps if st[1] and not st[0]]
    moved: list[tuple[int, int, float]] = []
    cand = sorted(((single[x, y], x, y) for x in lone_a for y in lone_b), reverse=True)
    used_a: set[int] = set()
    used_b: set[int] = set()
    for s, x, y in cand:
        if s < threshold + MOVE_MARGIN:
            break
        if x in used_a or y in used_b:
            continue
        used_a.add(x)
        used_b.add(y)
        moved.append((x, y, float(s)))
    pairs: list[AlignedPair] = []
    for ia, ib, s in matched:
        status = "split" if len(ib) > 1 else "merged" if len(ia) > 1 else \
            "unchanged" if norm_a[ia[0]] == norm_b[ib[0]] else "changed"
        pairs.append(AlignedPair(ia, ib, status, round(float(s), 4), None))
    for x, y, s in moved:
        pairs.append(AlignedPair((x,), (y,), "moved", round(s, 4), None))
    for y in lone_b:
        if y not in used_b:
            pairs.append(AlignedPair((), (y,), "added"))
    out: list[AlignedPair] = []
    for p in pairs:
        if p.a and p.b:
            ta = " ".join(norm_a[k] for k in p.a)
            tb = " ".join(norm_b[k] for k in p.b)
            p = AlignedPair(p.a, p.b, p.status, p.similarity, round(scorer.chrf(tb, ta), 2))
        out.append(p)
    out.sort(key=lambda p: p.b[0])
    # dropped paragraphs go after the B paragraph that follows their A neighbour, in A order
    for x in lone_a:
        if x in used_a:
            continue
        pos = len(out)
        for k, p in enumerate(out):
            if p.a and p.status != "moved" and p.a[0] > x:
                pos = k
                break
        out.insert(pos, AlignedPair((x,), (), "dropped"))
    return out


# -------------------------------------------------------------------------------------------------------- blocks

def build_blocks(n_anchor: int, alignments: list[list[AlignedPair]]) -> list[list[int]]:
    """Return the anchor paragraph groups (blocks) such that every alignment maps onto whole blocks."""
    parent = list(range(n_anchor))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for pairs in alignments:
        for p in pairs:
            for k in p.a[1:]:
                parent[find(k)] = find(p.a[0])
    groups: dict[int, list[int]] = {}
    for k in range(n_anchor):
        groups.setdefault(find(k), []).append(k)
    return sorted(groups.values(), key=lambda g: g[0])


def assign_to_blocks(pairs: list[AlignedPair], blocks: list[list[int]], n_version: int) -> list[list[int]]:
    """Return, per block, the version paragraph indices that belong to it (added paragraphs join the previous)."""
    block_of = {k: bi for bi, g in enumerate(blocks) for k in g}
    para_block: dict[int, int] = {}
    for p in pairs:
        if p.a and p.b:
            for y in p.b:
                para_block[y] = block_of[p.a[0]]
    out: list[list[int]] = [[] for _ in blocks]
    if not blocks:
        return out
    last = None
    pending: list[int] = []
    for y in range(n_version):
        if y in para_block:
            last = para_block[y]
            for z in pending:  # added paragraphs before the first aligned one
                out[last].append(z)
            pending = []
            out[last].append(y)
        elif last is None:
            pending.append(y)
        else:
            out[last].append(y)
    for z in pending:
        out[0].append(z)
    return [sorted(g) for g in out]


# -------------------------------------------------------------------------------------------------- significance

@dataclass(frozen=True)
class Significance:
    """Paired bootstrap result for ``b`` minus ``a``: the difference, its 95% interval and the p-value."""

    delta: float
    low: float
    high: float
    p_value: float
    samples: int

    @property
    def significant(self) -> bool:
        """Return True when p < 0.05."""
        return self.p_value < SIGNIFICANCE


def paired_bootstrap(a: Sequence[float], b: Sequence[float], weights: Sequence[float] | None = None,
                     samples: int = BOOTSTRAP_SAMPLES, seed: int = BOOTSTRAP_SEED) -> Significance:
    """Return the paired bootstrap significance of mean(b) - mean(a) over the same segments.

    Segments are resampled with replacement (Koehn 2004); the two-sided p-value is twice the share of resampled
    differences on the far side of zero (with the +1 correction sacrebleu uses), so p < 0.05 exactly when the
    95% percentile interval excludes zero. Identical inputs give p = 1.
    """
    xa, xb = np.asarray(a, float), np.asarray(b, float)
    w = np.ones_like(xa) if weights is None else np.asarray(weights, float)
    n = len(xa)
    if n == 0:
        return Significance(0.0, 0.0, 0.0, 1.0, 0)
    diff = xb - xa
    observed = float((w * diff).sum() / w.sum())
    if np.allclose(diff, 0.0):
        return Significance(0.0, 0.0, 0.0, 1.0, samples)
    rng = np.random.default_rng(seed)
    idx = rng.choice(n, size=(samples, n), replace=True)
    ws = w[idx]
    means = (ws * diff[idx]).sum(1) / ws.sum(1)
    far = min(int(np.sum(means <= 0)), int(np.sum(means >= 0)))
    p = min(1.0, 2 * (far + 1) / (samples + 1))
    low, high = np.percentile(means, [2.5, 97.5])
    return Significance(round(observed, 4), round(float(low), 4), round(float(high), 4), round(p, 4), samples)


# ------------------------------------------------------------------------------------------------------- results

@dataclass
class FindingsDiff:
    """Findings of a later version against the baseline: fixed (only in the baseline), introduced, kept."""

    fixed: list[Finding]
    introduced: list[Finding]
    kept: list[Finding]


@dataclass
class PairComparison:
    """Version ``b`` against version ``a`` (``a`` is the baseline, the first version)."""

    a: str
    b: str
    alignment: list[AlignedPair]  # baseline paragraphs (a) against this version's (b)
    findings: FindingsDiff
    significance: Significance  # of the score, b minus a
    sacrebleu: dict[str, Any] = field(default_factory=dict)  # metric -> {"score", "p_value", "signature"}


@dataclass
class VersionResult:
    """One version: its score (the ranking key), detector result and, with a reference, corpus metrics."""

    file: str
    doc: Document
    check: Any  # engine.ArticleResult
    score: float = 0.0
    rank: int = 0
    agreement: float | None = None  # mean agreement (0-100) before finding penalties
    bleu: float | None = None
    chrf: float | None = None
    ter: float | None = None
    paragraph_chrf: list[float | None] = field(default_factory=list)  # per block, against the reference
    alignment: list[AlignedPair] | None = None  # to the reference, when one is given


@dataclass
class Verdict:
    """Which version is best, by how much and how sure."""

    best: str
    ranking: list[str]
    text: str
    margin: float  # score points between the best and the runner-up
    p_value: float | None
    significant: bool


@dataclass
class CompareResult:
    """Everything ``mtcheck compare`` reports."""

    versions: list[VersionResult]
    reference: str | None
    method: str  # embedding | lexical
    blocks: int
    pairs: list[PairComparison]
    verdict: Verdict
    signatures: dict[str, str]  # sacrebleu signatures by metric name
    mutual: dict[str, float] | None  # two versions, no reference: BLEU/chrF/TER of the second against the first
    model: dict[str, Any] | None = None
    internal_errors: list[str] = field(default_factory=list)

    @property
    def best(self) -> VersionResult:
        """Return the best-ranked version."""
        return min(self.versions, key=lambda v: v.rank)


# ----------------------------------------------------------------------------------------------------- the work

def _join(texts: Sequence[str]) -> str:
    return " ".join(t for t in texts if t)


def segment_scores(hyps: Sequence[Sequence[str]], refs: Sequence[str] | None, scorer: Scorer,
                   penalties: Sequence[Sequence[float]] | None = None) -> np.ndarray:
    """Return a (versions × segments) array of block scores (0-100, higher is better).

    ``hyps[v][k]`` is version v's text of segment k; ``refs[k]`` the reference (or None); ``penalties[v][k]`` the
    score points of v's detector findings in segment k (see ``penalty_points``). Agreement is the mean of the available evidence: similarity
    to the reference, and with three or more versions the mean similarity to the other versions (consensus).
    """
    nv = len(hyps)
    nk = len(hyps[0]) if nv else 0
    scorer.prime([t for h in hyps for t in h] + list(refs or []))
    out = np.zeros((nv, nk))
    for k in range(nk):
        for v in range(nv):
            evidence = []
            if refs is not None:
                evidence.append(scorer.similarity(hyps[v][k], refs[k]))
            if nv >= 3:
                evidence.append(float(np.mean([scorer.similarity(hyps[v][k], hyps[w][k])
                                               for w in range(nv) if w != v])))
            agreement = float(np.mean(evidence)) if evidence else 1.0
            pen = penalties[v][k] if penalties is not None else 0.0
            out[v, k] = 100.0 * agreement - pen
    return out


def diff_findings(old: list[Finding], old_text: str, new: list[Finding], new_text: str) -> FindingsDiff:
    """Match findings by code and flagged text: fixed ones are only in ``old``, introduced only in ``new``.

    Exact text matches pair first; then a finding whose text was only touched up (same code, a difflib ratio
    of at least 0.8, such as a corrected name) also counts as kept.
    """
    from difflib import SequenceMatcher

    def key(f: Finding, text: str) -> tuple[str, str]:
        return f.code, normalise_spaces(text[f.start:f.end]).lower()

    pool: dict[tuple[str, str], list[Finding]] = {}
    for f in old:
        if f.category is not Category.META:
            pool.setdefault(key(f, old_text), []).append(f)
    introduced, kept = [], []
    for f in new:
        if f.category is Category.META:
            continue
        bucket = pool.get(key(f, new_text))
        if bucket:
            bucket.pop(0)
            kept.append(f)
        else:
            introduced.append(f)
    fixed = sorted((f for b in pool.values() for f in b), key=lambda f: f.start)
    for f in list(introduced):
        code, text = key(f, new_text)
        for g in fixed:
            if g.code == code and SequenceMatcher(None, key(g, old_text)[1], text).ratio() >= 0.8:
                fixed.remove(g)
                introduced.remove(f)
                kept.append(f)
                break
    return FindingsDiff(fixed=fixed, introduced=introduced, kept=sorted(kept, key=lambda f: f.start))


def penalty_points(doc: Document, findings: list[Finding], assign: list[list[int]]) -> list[float]:
    """Return each block's share of the version's penalty per 1,000 words, in score points.

    The points of a finding are its MQM weight × 1,000 / max(words, 250), the same normalisation as the check
    score, times the number of blocks: so the mean over blocks is the version's penalty per 1,000 words.
    """
    para_pen: Counter[int] = Counter()
    for f in findings:
        if f.category is Category.META:
            continue
        p = doc.paragraph_at(f.start)
        if p is not None:
            para_pen[p.index] += WEIGHTS[f.severity]
    factor = 1000.0 * len(assign) / max(doc.word_count, MIN_WORDS)
    return [factor * float(sum(para_pen[i] for i in g)) for g in assign]


def sacrebleu_metrics() -> dict[str, Any]:
    """Return sacrebleu's BLEU, chrF and TER metric objects (default settings)."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    return {"BLEU": BLEU(), "chrF2": CHRF(), "TER": TER()}


def _verdict(versions: list[VersionResult], sig: dict[tuple[int, int], Significance], has_ref: bool,
             n_blocks: int) -> Verdict:
    order = sorted(range(len(versions)), key=lambda i: (-versions[i].score, i))
    for r, i in enumerate(order, 1):
        versions[i].rank = r
    best = versions[order[0]]
    ranking = [versions[i].file for i in order]
    basis = "the reference" if has_ref else ("agreement between versions and detector findings"
                                              if len(versions) >= 3 else "detector findings only")
    if len(versions) < 2:
        return Verdict(best.file, ranking, f"{best.file} is the only version", 0.0, None, False)
    second = versions[order[1]]
    s = sig[(order[1], order[0])]
    margin = round(best.score - second.score, 2)
    if margin == 0 and s.p_value >= 1.0:
        text = f"{best.file} and {second.file} are equally good (score {best.score:.1f}; basis: {basis})"
        return Verdict(best.file, ranking, text, 0.0, 1.0, False)
    if n_blocks < MIN_BLOCKS_FOR_TEST:
        sure = f"too few paragraphs ({n_blocks}) to test significance"
    elif s.significant:
        sure = f"significant, p={s.p_value:.3f}, 95% CI {s.low:+.1f} to {s.high:+.1f}"
    else:
        sure = f"not significant, p={s.p_value:.3f}, 95% CI {s.low:+.1f} to {s.high:+.1f}"
    lead = "best" if len(versions) >= 3 else "better"
    text = (f"{best.file} is {lead}: {margin:.1f} points above {second.file} "
            f"({best.score:.1f} vs {second.score:.1f}; {sure}; basis: {basis})")
    return Verdict(best.file, ranking, text, margin, s.p_value,
                   s.significant and n_blocks >= MIN_BLOCKS_FOR_TEST)


def compare_documents(docs: list[Document], reference: Document | None = None, encoder: Any = None,
                      settings: Any = None, bootstrap_samples: int = BOOTSTRAP_SAMPLES) -> CompareResult:
    """Compare versions ``docs`` of one article (optionally against ``reference``) and return the result.

    The first version is the baseline: alignments and finding changes are shown against it, and
    ``--fail-if-worse`` asks whether the last version ranks below it.
    """
    from .engine import check_document
    from .settings import Settings

    settings = settings or Settings(embeddings=encoder is not None)
    scorer = Scorer(encoder)
    checks = [check_document(d, settings, encoder=encoder) for d in docs]
    versions = [VersionResult(file=d.path, doc=d, check=c) for d, c in zip(docs, checks)]
    paras = [[normalise_spaces(p.text) for p in d.paragraphs] for d in docs]
    anchor_doc = reference or docs[0]
    anchor = [normalise_spaces(p.text) for p in anchor_doc.paragraphs]
    scorer.prime(anchor + [t for ps in paras for t in ps])
    to_anchor = [align_texts(anchor, ps, scorer) for ps in paras]
    blocks = build_blocks(len(anchor), to_anchor)
    assigns = [assign_to_blocks(al, blocks, len(ps)) for al, ps in zip(to_anchor, paras)]
    hyps = [[_join([ps[i] for i in g]) for g in asg] for ps, asg in zip(paras, assigns)]
    refs = [_join([anchor[i] for i in g]) for g in blocks] if reference is not None else None
    pens = [penalty_points(d, c.findings, asg) for d, c, asg in zip(docs, checks, assigns)]
    raw = segment_scores(hyps, refs, scorer)
    scores = raw - np.asarray(pens, float).reshape(raw.shape)
    for v, vr in enumerate(versions):
        vr.score = round(float(scores[v].mean()), 2) if len(blocks) else 0.0
        vr.agreement = round(float(raw[v].mean()), 2) if len(blocks) else None
    sig: dict[tuple[int, int], Significance] = {}
    for i in range(len(docs)):
        for j in range(len(docs)):
            if i != j:
                sig[(i, j)] = paired_bootstrap(scores[i], scores[j], samples=bootstrap_samples)
    signatures: dict[str, str] = {}
    sb_p: dict[int, dict[str, Any]] = {}
    mutual = None
    if reference is not None and refs is not None:
        metrics = sacrebleu_metrics()
        chrf_sent = metrics["chrF2"]
        for v, vr in enumerate(versions):
            vr.bleu = round(metrics["BLEU"].corpus_score(hyps[v], [refs]).score, 2)
            vr.chrf = round(metrics["chrF2"].corpus_score(hyps[v], [refs]).score, 2)
            vr.ter = round(metrics["TER"].corpus_score(hyps[v], [refs]).score, 2)
            vr.paragraph_chrf = [round(chrf_sent.sentence_score(h, [r]).score, 2) for h, r in zip(hyps[v], refs)]
            vr.alignment = to_anchor[v]
        for name, m in metrics.items():
            signatures[name] = str(m.get_signature())
        if len(docs) >= 2 and len(blocks) >= 2:
            sb_p = _sacrebleu_paired(versions, hyps, refs, bootstrap_samples, signatures)
    elif len(docs) == 2:
        metrics = sacrebleu_metrics()
        hyp_b = hyps[1]
        ref_a = hyps[0]
        mutual = {name.lower().rstrip("2"): round(m.corpus_score(hyp_b, [ref_a]).score, 2)
                  for name, m in metrics.items()}
        signatures = {name: str(m.get_signature()) for name, m in metrics.items()}
    pairs: list[PairComparison] = []
    for j in range(1, len(docs)):
        base_al = to_anchor[j] if reference is None else align_texts(paras[0], paras[j], scorer)
        fd = diff_findings(checks[0].findings, docs[0].text, checks[j].findings, docs[j].text)
        pairs.append(PairComparison(a=docs[0].path, b=docs[j].path, alignment=base_al, findings=fd,
                                    significance=sig[(0, j)], sacrebleu=sb_p.get(j, {})))
    verdict = _verdict(versions, sig, reference is not None, len(blocks))
    model = encoder.info() if encoder is not None else None
    errors = [e for c in checks for e in c.internal_errors]
    return CompareResult(versions=versions, reference=reference.path if reference else None, method=scorer.method,
                         blocks=len(blocks), pairs=pairs, verdict=verdict, signatures=signatures, mutual=mutual,
                         model=model, internal_errors=errors)


def _sacrebleu_paired(versions: list[VersionResult], hyps: list[list[str]], refs: list[str], samples: int,
                      signatures: dict[str, str]) -> dict[int, dict[str, Any]]:
    """Return sacrebleu's paired bootstrap p-values of BLEU and chrF for every version against the first."""
    import os

    from sacrebleu.metrics import BLEU, CHRF
    from sacrebleu.significance import PairedTest

    os.environ.setdefault("SACREBLEU_SEED", str(BOOTSTRAP_SEED))
    named = [(str(i), h) for i, h in enumerate(hyps)]
    test = PairedTest(named, {"BLEU": BLEU(), "chrF": CHRF()}, [refs], test_type="bs", n_samples=samples)
    sigs, res = test()
    for name, s in sigs.items():
        signatures[f"{name} (paired bootstrap)"] = str(s)
    out: dict[int, dict[str, Any]] = {}
    for j in range(1, len(versions)):
        out[j] = {}
        for metric, results in res.items():
            if metric == "System":
                continue
            r = results[j]
            out[j][metric] = {"score": round(float(r.score), 2), "baseline": round(float(results[0].score), 2),
                              "p_value": round(float(r.p_value), 4),
                              "mean": round(float(r.mean), 2), "ci": round(float(r.ci), 2)}
    return out


def fail_if_worse(result: CompareResult) -> bool:
    """Return True when the last version ranks below the first (a strictly lower score)."""
    if len(result.versions) < 2:
        return False
    first, last = result.versions[0], result.versions[-1]
    return last.score < first.score - 1e-9 and last.rank > first.rank


__all__ = ["AlignedPair", "CompareResult", "Scorer", "Significance", "align_texts", "compare_documents",
           "diff_findings", "paired_bootstrap", "segment_scores"]


def exit_status(result: CompareResult, fail_worse: bool = False, exit_zero: bool = False) -> int:
    """Return the exit code of ``mtcheck compare``: 3 a detector crashed, 1 ``--fail-if-worse`` and the last
    version ranks below the first (unless ``exit_zero``), else 0."""
    from .errors import ExitStatus

    if result.internal_errors:
        return int(ExitStatus.INTERNAL)
    if fail_worse and not exit_zero and fail_if_worse(result):
        return int(ExitStatus.GATE_FAILED)
    return int(ExitStatus.OK)
