"""Scenarios: whole meetings from the seeds, typed with keys at 80×24, read back as filed."""
