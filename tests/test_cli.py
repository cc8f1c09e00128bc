"""The command line, in process (``main(argv)``) and once as a real process."""

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.cli import cli, main

from .conftest import ROOT, SAMPLE_HTML

COMMANDS = sorted(cli.commands)


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help_and_is_documented(capsys, command):
    code, out, _ = run(capsys, command, "--help")
    assert code == 0 and "Usage:" in out
    readme = (ROOT / "README.md").read_text("utf-8")
    assert re.search(rf"pipeline\.py {re.escape(command)}\b|pantau {re.escape(command)}\b", readme), command


@pytest.mark.parametrize("argv", [
    ["run", "--since", "30-11-2024"],
    ["run", "--config", "/nonexistent/sources.toml"],
    ["extract-text", "/nonexistent.txt"],
    ["query", "officials", "--db", "/nonexistent.db"],
    ["query"],
    ["export", "nosuchtable", "--out", "/tmp/x"],
    ["frobnicate"],
])
def test_user_mistakes_are_one_line_and_non_zero(capsys, argv):
    code, out, err = run(capsys, *argv)
    assert code != 0
    lines = [line for line in err.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), err
    assert "Traceback" not in err


def test_extract_text_prints_the_contract(capsys, tmp_path):
    f = tmp_path / "a.txt"
    f.write_text("PALEMBANG - Kapolda Sumsel Irjen Pol Andi Rian Djajadi mengecek kesiapan pengamanan TPS, "
                 "kemarin.\nBACA JUGA: Kapolres Bogor AKBP Fulan Tinjau Gudang Logistik\nEditor : Budi\n", "utf-8")
    code, out, _ = run(capsys, "extract-text", f, "--published", "2024-11-26")
    assert code == 0
    data = json.loads(out)
    assert [o["name"] for o in data["officials"]] == ["Andi Rian Djajadi"]
    assert data["officials"][0]["rank"] == "Irjen" and data["officials"][0]["position"] == "Kapolda"
    assert [d["date"] for d in data["dates"]] == ["2024-11-25"]
    assert "Bogor" not in data["article"]["text"] and "Fulan" not in out


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16", "utf-8-sig"])
def test_extract_text_reads_windows_1252_and_utf16_files(capsys, tmp_path, encoding):
    """Plain text goes through the decoder pages go through: dashes, curly
    quotes and accents survive, and UTF-16 with a byte-order mark is text."""
    f = tmp_path / "a.txt"
    f.write_bytes("PALEMBANG – Kapolda Sumsel memimpin apel di Café Sriwijaya, “aman,” katanya, "
                  "Selasa (26/11/2024).\n".encode(encoding))
    code, out, err = run(capsys, "extract-text", f)
    assert code == 0, err
    text = json.loads(out)["article"]["text"]
    assert "PALEMBANG – Kapolda" in text and "Café" in text and "“aman,”" in text and "\ufffd" not in text


def test_extract_html_sample(capsys):
    code, out, _ = run(capsys, "extract-html", SAMPLE_HTML)
    data = json.loads(out)
    assert code == 0 and {o["name"] for o in data["officials"]} == {"Jhoni Eka Putra", "RTM Situmorang"}


def test_ingest_folder_and_jsonl_with_a_bad_line(capsys, tmp_path, db_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.html").write_bytes(SAMPLE_HTML.read_bytes())
    (folder / "b.txt").write_text("LAHAT - Kapolres Lahat AKBP Kurniawan Azwar memimpin apel pengamanan TPS "
                                  "Pilkada, Selasa (26/11/2024).", "utf-8")
    (folder / "empty.txt").write_text("Editor : Budi\n", "utf-8")
    code, out, _ = run(capsys, "ingest", folder, "--db", db_path)
    assert code == 0 and "stored 2" in out and "errors 1" in out
    lines = tmp_path / "a.jsonl"
    lines.write_text(json.dumps({"url": "https://x.example/j", "title": "J", "published": "2024-11-30",
                                 "text": "Polres Muara Enim mengamankan rapat pleno rekapitulasi suara Pilkada."})
                     + "\n{not json\n", "utf-8")
    code, out, _ = run(capsys, "ingest", lines, "--db", db_path)
    assert code == 0 and "stored 1" in out and "errors 1" in out
    code, out, _ = run(capsys, "stats", "--db", db_path, "--errors")
    assert "parse" in out and "input" in out


def test_query_sql_is_read_only_and_export(capsys, tmp_path, db_path):
    run(capsys, "ingest", SAMPLE_HTML, "--db", db_path)
    code, out, err = run(capsys, "query", "--sql", "delete from articles", "--db", db_path)
    assert code == 1 and "read-only" in err
    code, out, _ = run(capsys, "query", "--sql", "select count(*) as n from articles", "--db", db_path,
                       "--format", "json")
    assert json.loads(out) == [{"n": 1}]
    code, out, _ = run(capsys, "query", "officials", "--db", db_path, "--rank", "AKP", "--format", "csv")
    assert out.splitlines()[1].startswith("RTM Situmorang,AKP")
    code, out, _ = run(capsys, "query", "events", "--db", db_path, "--province", "Sumatera Selatan",
                       "--event-type", "patrol", "--format", "json")
    assert [e["type"] for e in json.loads(out)] == ["patrol"]
    code, out, _ = run(capsys, "query", "articles", "--db", db_path, "--search", "rekapitulasi", "--format", "json")
    assert len(json.loads(out)) == 1
    code, out, _ = run(capsys, "export", "all", "--db", db_path, "--format", "jsonl", "--out", tmp_path / "ex")
    assert code == 0
    officials = (tmp_path / "ex" / "officials.jsonl").read_text("utf-8").splitlines()
    assert len(officials) == 2


def test_entry_script_runs_as_a_process(tmp_path):
    got = subprocess.run([sys.executable, str(ROOT / "pipeline.py"), "query", "--db", str(tmp_path / "no.db"),
                          "articles"], capture_output=True, text=True, cwd=tmp_path)
    assert got.returncode == 1 and got.stderr.startswith("error: database not found")


def test_the_scripts_leave_everything_frozen_for_the_interpreters_exit(monkeypatch):
    """``pantau`` and ``pipeline.py`` run :func:`extractor.cli.script`: main's
    exit code, then everything alive frozen, so the collections of the
    interpreter's exit do not walk the model and lexicons again."""
    import configparser
    import gc

    import extractor.cli as cli_module

    monkeypatch.setattr(cli_module, "main", lambda argv=None: 3)
    before = gc.get_freeze_count()
    try:
        assert cli_module.script() == 3
        assert gc.get_freeze_count() > before
    finally:
        gc.unfreeze()
    cfg = configparser.ConfigParser()
    cfg.read(ROOT / "setup.cfg")
    assert "pantau = extractor.cli:script" in cfg["options.entry_points"]["console_scripts"]
    assert "sys.exit(script())" in (ROOT / "pipeline.py").read_text()


def test_the_progress_bar_draws_on_a_terminal_only_and_rich_loads_only_for_it(tmp_path):
    """An ingest whose stderr is a file (a batch job's log) draws no bar and never imports rich;
    on a terminal (a pseudo-terminal here) the bar draws and the run ends the same."""
    import os
    import pty

    text = tmp_path / "b.txt"
    text.write_text("LAHAT - Kapolres Lahat AKBP Kurniawan Azwar memimpin apel pengamanan TPS Pilkada, "
                    "Selasa (26/11/2024).", "utf-8")
    script = ("import sys\nfrom extractor.cli import main\ncode = main(sys.argv[1:])\n"
              "print('rich' if 'rich.progress' in sys.modules else 'no rich', code)\n")
    args = [sys.executable, "-c", script, "ingest", str(text)]
    got = subprocess.run([*args, "--db", str(tmp_path / "log.db")], capture_output=True, text=True, cwd=ROOT,
                         timeout=300)
    assert got.stdout.strip().splitlines()[-1] == "no rich 0", got.stderr[-2000:]
    leader, follower = pty.openpty()
    try:
        proc = subprocess.Popen([*args, "--db", str(tmp_path / "tty.db")], stdout=subprocess.PIPE,
                                stderr=follower, cwd=ROOT, text=True)
        os.close(follower)
        out, _ = proc.communicate(timeout=300)
        drawn = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            drawn += chunk
    finally:
        os.close(leader)
    assert out.strip().splitlines()[-1] == "rich 0" and "stored 1" in out
    assert b"\x1b[" in drawn  # the bar's terminal codes
