"""Meta detectors: notices about mtcheck itself (unused suppressions).

MT990 (detector-error) is emitted by the engine when a detector crashes; it is not a detector class.
"""

DETECTORS: list = []
