"""Meta detectors: notices about mtcheck itself (unused and malformed suppressions).

Their findings are produced by ``mtcheck.suppression`` after every other detector has run (a suppression can only
be judged once the findings it could hide are known), so their ``check`` yields nothing. Meta findings weigh
nothing in the score and never fail the gate. MT990 (detector-error) is emitted by the engine when a detector
crashes; it is not a detector class.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from ..findings import Category, Finding, Severity
from .base import Context, Detector

if TYPE_CHECKING:
    from ..document import Document


class UnusedSuppression(Detector):
    """A suppression comment that hides no finding.

    ## What it does
    Reports an ``<!-- mtcheck: disable ... -->``, ``disable-next-line`` or ``disable-file`` directive (or one
    selector of it) under which no finding of the named detectors was found, when at least one of those detectors
    ran. Directives that name only detectors which did not run (not selected, or embeddings off) are not judged.

    ## Why it matters
    Suppressions outlive the text they were written for: after an edit, a stale directive silently hides the
    next real artefact in that paragraph. Reporting unused ones keeps the list of exceptions honest.

    ## False positives
    A directive kept on purpose for a detector that fires only with embeddings is not judged in
    ``--no-embeddings`` runs. A suppression that is unused on one run of a flaky threshold may be used on another.
    """

    code = "MT901"
    name = "unused-suppression"
    category = Category.META
    severity = Severity.MINOR
    bad = ("<!-- mtcheck: disable-next-line all -->\n"
           "The council approved the harbour budget on Tuesday after a short debate.\n")
    good = ("<!-- mtcheck: disable-next-line MT3 -->\n"
            "Read also: Ferry timetable changes from Monday\n")

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        """Yield nothing: ``mtcheck.suppression`` reports unused suppressions after the other detectors."""
        return ()


class BadDirective(Detector):
    """A suppression comment that mtcheck cannot understand.

    ## What it does
    Reports an ``<!-- mtcheck: ... -->`` comment with an unknown action (``disabel``), an unknown code, prefix or
    detector name, an ``enable`` with no matching ``disable``, or a ``disable-next-line`` with nothing after it.
    Nothing is suppressed by the unknown parts.

    ## Why it matters
    A typo in a suppression otherwise fails silently: the author believes the finding is hidden, or worse, a
    misspelled code widens into "everything". Saying so at once is cheaper than finding out in review.

    ## False positives
    A code that a newer mtcheck knows but this one does not is reported as unknown; upgrade or remove it.
    """

    code = "MT902"
    name = "bad-directive"
    category = Category.META
    severity = Severity.MINOR
    bad = ("<!-- mtcheck: disabel MT301 -->\n"
           "The council approved the harbour budget on Tuesday after a short debate.\n")
    good = ("<!-- mtcheck: disable MT3 -->\n"
            "Read also: Ferry timetable changes from Monday\n\n"
            "<!-- mtcheck: enable MT3 -->\n")

    def check(self, doc: Document, ctx: Context) -> Iterable[Finding]:
        """Yield nothing: ``mtcheck.suppression`` reports bad directives while it applies them."""
        return ()


DETECTORS: list[type[Detector]] = [UnusedSuppression, BadDirective]
