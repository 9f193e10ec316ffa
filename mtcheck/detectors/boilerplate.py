"""Detector family: to be written (placeholder so the registry imports)."""

DETECTORS: list = []
