"""`meetingtui backup PATH`: a sound, owner-only copy, also while the app runs and another
process writes; never over a file by accident; and the documented restore works."""

from __future__ import annotations

import sqlite3
import stat
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner, Result

from meetingtui.cli import main
from meetingtui.model import Observation
from meetingtui.services import lagesbild
from tests.robustness.conftest import open_ws
from tests.robustness.terminal import app_in_tmux, wait_until
from tests.robustness.writer import description

MEETINGTUI = [sys.executable, "-m", "meetingtui"]


def run(*args: str) -> Result:
    """The command in English (the messages checked here are the English ones)."""
    return CliRunner().invoke(main, ["--lang", "en", *args], catch_exceptions=False)


def one_line_error(result: Result) -> str:
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output, result.output
    return lines[0]


def integrity(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(conn.execute("PRAGMA integrity_check").fetchone()[0])
    finally:
        conn.close()


def descriptions(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT description FROM observations ORDER BY id")]
    finally:
        conn.close()


def add_observation(db: Path, agendas: Path, meeting: int, text: str) -> None:
    ws = open_ws(db, agendas)
    try:
        lagesbild.save_observation(ws, Observation(meeting_id=meeting, area="Torget",
                                                   description=text))
    finally:
        ws.close()


def test_a_backup_is_a_sound_owner_only_copy_and_never_replaces_a_file_by_accident(
    tmp_path: Path, agendas: Path, planned: tuple[Path, int],
) -> None:
    db, meeting = planned
    add_observation(db, agendas, meeting, "Glas på lekplatsen")
    copy = tmp_path / "säkerhet" / "kopia.db"

    made = run("--db", str(db), "backup", str(copy))
    assert made.exit_code == 0, made.output
    assert made.stdout.strip() == str(copy)
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert integrity(copy) == "ok"
    assert descriptions(copy) == ["Glas på lekplatsen"]
    assert not list(copy.parent.glob(".*.tmp")), "the temporary copy was left behind"

    add_observation(db, agendas, meeting, "Trasig belysning")
    refused = one_line_error(run("--db", str(db), "backup", str(copy)))
    assert "already exists" in refused and "--force" in refused
    assert descriptions(copy) == ["Glas på lekplatsen"]

    replaced = run("--db", str(db), "backup", str(copy), "--force")
    assert replaced.exit_code == 0, replaced.output
    assert descriptions(copy) == ["Glas på lekplatsen", "Trasig belysning"]
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600

    letter = tmp_path / "brev.txt"
    letter.write_text("inte en databas", encoding="utf-8")
    refused = one_line_error(run("--db", str(db), "backup", str(letter), "--force"))
    assert "not a meetingtui database" in refused
    assert letter.read_text(encoding="utf-8") == "inte en databas"

    assert "is the database being backed up" in one_line_error(
        run("--db", str(db), "backup", str(db), "--force"))
    missing = tmp_path / "finns-inte.db"
    assert "no database" in one_line_error(
        run("--db", str(missing), "backup", str(tmp_path / "x.db")))
    assert not missing.exists() and not (tmp_path / "x.db").exists()


def test_restore_as_documented_puts_the_backup_back_over_a_database_with_a_wal(
    tmp_path: Path, agendas: Path, planned: tuple[Path, int],
) -> None:
    """docs/it.md "Säkerhetskopior och återställning": with the app closed,
    `meetingtui --db COPY backup DB --force`; while another program has the database open,
    the restore is refused and changes nothing."""
    db, meeting = planned
    add_observation(db, agendas, meeting, "Före säkerhetskopian")
    copy = tmp_path / "kopia.db"
    assert run("--db", str(db), "backup", str(copy)).exit_code == 0
    add_observation(db, agendas, meeting, "Efter säkerhetskopian")

    app = sqlite3.connect(db)  # as the running app holds it
    app.execute("SELECT count(*) FROM observations").fetchone()
    refused = one_line_error(run("--db", str(copy), "backup", str(db), "--force"))
    app.close()
    assert "open in another program" in refused
    assert descriptions(db) == ["Före säkerhetskopian", "Efter säkerhetskopian"]

    # A program that died with its last save still in the -wal beside the database.
    crashed = subprocess.run([sys.executable, "-c", (
        "import os, sqlite3, sys\n"
        "c = sqlite3.connect(sys.argv[1])\n"
        "c.execute('PRAGMA wal_autocheckpoint = 0')\n"
        "c.execute(\"UPDATE observations SET area = 'I -wal'\")\n"
        "c.commit()\n"
        "os._exit(0)\n"), str(db)], capture_output=True, text=True)
    assert crashed.returncode == 0, crashed.stderr
    assert db.with_name(f"{db.name}-wal").stat().st_size > 0

    restored = run("--db", str(copy), "backup", str(db), "--force")
    assert restored.exit_code == 0, restored.output
    assert not db.with_name(f"{db.name}-wal").exists()
    assert integrity(db) == "ok"
    assert descriptions(db) == ["Före säkerhetskopian"]
    conn = sqlite3.connect(db)
    assert [a for (a,) in conn.execute("SELECT area FROM observations")] == ["Torget"]
    conn.close()
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    listed = run("--db", str(db), "meetings", "--format", "json")
    assert listed.exit_code == 0 and f'"id": {meeting}' in listed.stdout


def test_backups_while_the_app_runs_and_another_process_writes(
    tmp_path: Path, agendas: Path, planned: tuple[Path, int],
) -> None:
    db, meeting = planned
    counts = []
    log = tmp_path / "writer.log"
    with log.open("w") as out:
        writer = subprocess.Popen(
            [sys.executable, "-m", "tests.robustness.writer", str(db), str(agendas),
             str(meeting), "100000"], stdout=out, stderr=subprocess.STDOUT)
    try:
        # The writer's first commit before the app starts: a first save imports modules while
        # it holds the write lock (seconds, on a cold CI machine), longer than the app waits.
        wait_until(lambda: "saved 1\n" in log.read_text(), "the writer's first commit")
        with app_in_tmux(db, agendas, meeting, name="backup") as app:
            app.wait_for("Mötets öppnande")
            for n in range(2):
                copy = tmp_path / f"kopia-{n}.db"
                made = subprocess.run([*MEETINGTUI, "--db", str(db), "backup", str(copy)],
                                      capture_output=True, text=True, timeout=60)
                assert made.returncode == 0, made.stderr
                assert integrity(copy) == "ok"
                listed = subprocess.run([*MEETINGTUI, "--db", str(copy), "meetings"],
                                        capture_output=True, text=True, timeout=60)
                assert listed.returncode == 0, listed.stderr
                assert "EST" in listed.stdout
                saved = descriptions(copy)
                # One snapshot: the writer's observations 1..k, none torn or skipped.
                assert saved == [description(k) for k in range(1, len(saved) + 1)]
                counts.append(len(saved))
            assert writer.poll() is None, log.read_text()
            assert "Inte sparat" not in app.screen()
    finally:
        writer.kill()
        writer.wait()
    assert counts[0] >= 1 and counts[1] > counts[0]
    assert integrity(db) == "ok"
