"""What `meetingtui publish DIR` lets be seen (issue 17 §1): nothing confidential in the public
site, and in the internal one everything, with every page marked internal."""

from __future__ import annotations

from pathlib import Path

from tests.export.site.publish_helpers import _pages, _row, _text, internal, public, sample
from tests.site_sample import (
    INTERNAL,
    SECRET_MEASURE,
    SECRET_OBSERVATION,
    SECRET_ON_OBSERVATION,
    SiteSample,
    parse,
    swedish,
)

__all__ = ["internal", "public", "sample", "swedish"]  # fixtures, imported to apply here


def test_the_public_site_holds_nothing_confidential(public: Path) -> None:
    for path in public.rglob("*"):
        if path.is_file():
            data = path.read_bytes().decode("utf-8")
            for secret in (SECRET_MEASURE, SECRET_OBSERVATION, SECRET_ON_OBSERVATION,
                           "Hemliga gatan", INTERNAL):
                assert secret not in data, (path, secret)
    assert "Offentlig version" in _text(public / "index.html")


def test_the_internal_site_holds_it_and_marks_every_page(internal: Path,
                                                         sample: SiteSample) -> None:
    for page in _pages(internal):
        assert _text(page).count(INTERNAL) >= 2, page  # at the top and at the foot
        assert INTERNAL in parse(page).find(".//title").text  # type: ignore[attr-defined]
    karl = internal / "ansvariga" / "karl-lind.html"
    secret = _row(karl, f"{SECRET_ON_OBSERVATION} Sekretess")
    assert SECRET_OBSERVATION in secret[4]
    assert SECRET_MEASURE in _text(internal / "ansvariga" / "lena-ek.html")
    minutes = next((internal / "protokoll").glob("*.html"))
    assert SECRET_OBSERVATION in _text(minutes)
    ics = (internal / "ansvariga" / "karl-lind.ics").read_bytes().decode("utf-8")
    assert "CLASS:CONFIDENTIAL" in ics
