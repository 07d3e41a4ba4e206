"""Where the repository's folders are, for tests at any depth under tests/."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
AGENDAS = ROOT / "agendas"
DOCS = ROOT / "docs"
FIXTURES = ROOT / "tests" / "fixtures"
