"""Detector families; mtcheck.registry lists the modules."""
