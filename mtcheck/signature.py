"""A reproducibility signature printed on every report (in the manner of sacrebleu's signatures)."""

from __future__ import annotations

from typing import Any

from . import __version__
from .scoring import MIN_WORDS, WEIGHTS
from .settings import Settings


def signature(settings: Settings, model: dict[str, Any] | None = None) -> str:
    """Return ``mtcheck:VERSION|sel:…|ign:…|w:1/5/25|min:250|gate:major,90|emb:MODEL``."""
    w = "/".join(f"{v:g}" for v in WEIGHTS.values())
    fail_on = settings.fail_on.value if settings.fail_on else "none"
    if not settings.embeddings:
        emb = "off"
    elif model:
        emb = str(model.get("name", "?"))
    else:
        emb = settings.model or "default"
    parts = [
        f"mtcheck:{__version__}",
        f"sel:{','.join(settings.select) or 'ALL'}",
        f"ign:{','.join(settings.ignore) or 'none'}",
        f"w:{w}",
        f"min:{MIN_WORDS}",
        f"gate:{fail_on},{settings.fail_under:g}",
        f"emb:{emb}",
    ]
    return "|".join(parts)
