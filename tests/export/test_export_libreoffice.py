"""The minutes open in LibreOffice: converted to PDF, their text read back with pdftotext.

Requires `soffice`, `pdftotext` and `pdftoppm` (.ci/run installs libreoffice-writer-nogui and
poppler-utils when they are missing); without them the test fails and says what to install.

`python tests/export/test_export_libreoffice.py docs/minutes-page1.png` renders the picture in
docs/.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from meetingtui.export.minutes.word import build_minutes
from tests.export_fixtures import MUNICIPALITY, SECRET_OBS, est_record, protocol_record

TOOLS = ("soffice", "pdftotext", "pdftoppm")


def require_tools() -> None:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    assert not missing, (
        f"missing {', '.join(missing)}: install them with "
        "`apt-get install -y libreoffice-writer-nogui poppler-utils` (.ci/run does this)"
    )


def to_pdf(docs: list[Path], folder: Path) -> list[Path]:
    """Convert with one LibreOffice start and a private profile (no clash with a running one)."""
    profile = (folder / "lo-profile").as_uri()
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore",
         "--convert-to", "pdf", "--outdir", str(folder), *map(str, docs)],
        capture_output=True, text=True, timeout=120,
    )
    pdfs = [folder / f"{doc.stem}.pdf" for doc in docs]
    assert result.returncode == 0 and all(p.exists() for p in pdfs), result.stdout + result.stderr
    return pdfs


def pdf_text(pdf: Path) -> str:
    result = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                            text=True, timeout=60, check=True)
    return result.stdout


def first_page_png(pdf: Path, target: Path) -> Path:
    """Page 1 at 60 dpi (``target`` without the suffix pdftoppm adds)."""
    subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(target.with_suffix(""))], check=True, timeout=60)
    return target.with_suffix(".png")


def test_minutes_render_in_libreoffice(tmp_path: Path) -> None:
    require_tools()
    internal = tmp_path / "internal.docx"
    public = tmp_path / "public.docx"
    build_minutes(est_record(), public=False, municipality=MUNICIPALITY).save(str(internal))
    build_minutes(protocol_record(), public=True, municipality=MUNICIPALITY).save(str(public))
    internal_pdf, public_pdf = to_pdf([internal, public], tmp_path)

    text = pdf_text(internal_pdf)
    pages = text.count("\f")
    assert pages >= 2
    assert f"Sida 1 av {pages}" in text and f"Sida {pages} av {pages}" in text
    for expected in ("Minnesanteckningar", "Effektiv samordning för trygghet (EST)",
                     "§ 1 Mötets öppnande", "§ 4 Lägesbild", "§ 10 Mötets avslutande",
                     "Närvarande", "Område/plats", "Klart senast", "SEKRETESS",
                     "pågående →", "genomförd", "2026-05-12"):
        assert expected in text, expected
    assert text.index("§ 3 Uppföljning") < text.index("§ 4 Lägesbild") < text.index("§ 5 Åtg")

    public_text = pdf_text(public_pdf)
    for expected in ("Protokoll", "Offentlig version", "Beslut:", "Justeras", "Vid protokollet"):
        assert expected in public_text, expected
    assert "SEKRETESS" not in public_text
    assert SECRET_OBS.split()[0] not in public_text  # "Misstänkt"

    png = first_page_png(internal_pdf, tmp_path / "page1.png")
    assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 10_000


def test_yearly_report_renders_in_libreoffice(tmp_path: Path) -> None:
    """The yearly lägesbild and åtgärdsplan (issue 16 §5), internal and public, as filed to
    KS and KF: a year of demo data, converted as the minutes are."""
    require_tools()
    from datetime import datetime

    from meetingtui.demo.fill import fill_demo
    from meetingtui.export.upward.yearly import export_yearly
    from meetingtui.i18n import set_language
    from meetingtui.paths import resolve
    from meetingtui.services.workspace import open_workspace
    from tests.conftest import Clock

    set_language("sv")
    ws = open_workspace(resolve(db=tmp_path / "demo.db", exports=tmp_path / "exports"),
                        clock=Clock(datetime(2026, 11, 23, 9, 0)))
    try:
        fill_demo(ws, years=1, seed=1)
        internal = export_yearly(ws, 2026, path=tmp_path / "arsrapport.docx").path
        public = export_yearly(ws, 2026, public=True, allow_personal_data=True,
                               path=tmp_path / "arsrapport-offentlig.docx").path
    finally:
        ws.close()
    internal_pdf, public_pdf = to_pdf([internal, public], tmp_path)

    text = pdf_text(internal_pdf)
    pages = text.count("\f")
    assert pages >= 3
    assert f"Sida 1 av {pages}" in text and f"Sida {pages} av {pages}" in text
    for expected in ("Exempelkommun", "Lägesbild och åtgärdsplan 2026", "1 Lägesbild",
                     "Problem per område", "De viktigaste problemen", "2 Åtgärdsplan",
                     "3 Uppföljning av 2025 års åtgärder", "4 Medborgarlöften",
                     "Ansvarig", "SEKRETESS"):
        assert expected in text, expected
    assert text.index("1 Lägesbild") < text.index("2 Åtgärdsplan") < text.index("3 Uppföljning")
    # No word broken in the tables: the demo's longest owner and the statuses stand whole.
    assert "Kommunledningsförvaltningen" in text and "Kommunledningsförvaltnin\n" not in text
    assert "Situationell" in text and "Genomförd" in text

    public_text = pdf_text(public_pdf)
    assert "Offentlig version" in public_text and "2 Åtgärdsplan" in public_text
    assert "SEKRETESS" not in public_text


if __name__ == "__main__":  # render the picture in docs/
    import tempfile

    require_tools()
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/minutes-page1.png").resolve()
    with tempfile.TemporaryDirectory() as work:
        folder = Path(work)
        minutes = folder / "minnesanteckningar.docx"
        build_minutes(est_record(), public=False, municipality=MUNICIPALITY).save(str(minutes))
        [pdf] = to_pdf([minutes], folder)
        shutil.copyfile(first_page_png(pdf, folder / "page1.png"), target)
    print(target)
