"""A valid template and small helpers shared by the loader's and the body's tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from meetingtui.agenda import TemplateError, parse_template

# Line numbers matter in these tests: keep the lines where they are.
VALID = """\
+++
id = "est"
name = "Effektiv samordning för trygghet"
short = "EST"
chair = "Säkerhetschef"
frequency = "monthly"
skip_months = [7, 12]
+++

# EST – månadsmöte

## Mötets öppnande {minutes=2}

## Närvaro {.attendance minutes=3}

## Lägesbild {.situation minutes=40}
Gå igenom det som har hänt
sedan förra mötet.

Skriv inga namn.

- Inrapporterat sedan förra mötet
- Polisens statistik

## Nästa möte {.next}
"""
PATH = Path("agendas/est.md")


def error(text: str, path: Path = PATH) -> TemplateError:
    with pytest.raises(TemplateError) as info:
        parse_template(text, path)
    return info.value


def edit(old: str, new: str, text: str = VALID) -> str:
    assert old in text, old
    return text.replace(old, new, 1)


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path
