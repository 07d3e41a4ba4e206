"""The one error an agenda template can raise: where (file, line) and why, in plain words."""

from __future__ import annotations

from pathlib import Path


class TemplateError(Exception):
    """A template file that cannot be used. `str(err)` is `FILE:LINE: message`."""

    def __init__(self, path: Path, line: int, message: str) -> None:
        super().__init__(path, line, message)
        self.path = path
        self.line = line  # 1-based; 0 when the problem is the whole file or folder
        self.message = message

    def __str__(self) -> str:
        if self.line < 1:
            return f"{self.path}: {self.message}"
        return f"{self.path.name}:{self.line}: {self.message}"
