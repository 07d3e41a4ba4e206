"""What every command-line test checks of a failure: one line on stderr, no traceback."""

from __future__ import annotations

from click.testing import Result


def one_line_error(result: Result, code: int = 1) -> str:
    assert result.exit_code == code, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.output
    return lines[0]
