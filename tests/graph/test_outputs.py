"""Nothing half-written: outputs replace the previous ones whole, or not at all.

Builds here are separate processes, stopped part-way by a signal from outside (SIGTERM, SIGKILL)
or killed from inside while an output is being written.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from iskg.graph.build import GRAPH_FILE, REPORT_JSON, REPORT_TEXT, BuildResult, build
from iskg.graph.cli import EXIT_BAD_INPUT, main
from iskg.graph.files import stale_temporaries, write_together
from iskg.loaders.errors import IskgError

NAMES = (GRAPH_FILE, REPORT_JSON, REPORT_TEXT)


def _tiny_corpus(folder: Path, text: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "note.txt").write_text(f"Council conclusions\n\n{text}\n", encoding="utf-8")
    return folder


@pytest.fixture
def previous(tmp_path: Path) -> dict[str, bytes]:
    """An output folder holding a finished build of a one-text corpus; returns its files' bytes."""
    corpus = _tiny_corpus(tmp_path / "old-corpus", "Europol fights terrorism.")
    build(corpus, tmp_path / "out", progress=lambda _: None)
    return {name: (tmp_path / "out" / name).read_bytes() for name in NAMES}


def _outputs(out: Path) -> dict[str, bytes]:
    return {name: (out / name).read_bytes() for name in NAMES}


def _temporaries(out: Path) -> list[Path]:
    return [p for name in NAMES for p in stale_temporaries(out / name)]


def _build_until(corpus: Path, out: Path, line: str, sig: int) -> tuple[int, str]:
    """Run `iskg build`, send `sig` as soon as its progress shows `line`; (exit code, stderr)."""
    process = subprocess.Popen([sys.executable, "-m", "iskg.graph.cli", "build", "--corpus", str(corpus),
                                "--out", str(out)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    seen: list[str] = []
    timer = threading.Timer(300, process.kill)  # a bound, should the line never come
    timer.start()
    try:
        for got in process.stderr:
            seen.append(got)
            if line in got:
                process.send_signal(sig)
                break
        seen += process.stderr.readlines()
        return process.wait(60), "".join(seen)
    finally:
        timer.cancel()


def test_sigterm_part_way_leaves_the_previous_outputs_and_no_temporary_file(previous, corpus, tmp_path):
    out = tmp_path / "out"
    code, err = _build_until(corpus, out, "checking consistency", signal.SIGTERM)
    assert code == 130 and err.rstrip().endswith("iskg: interrupted")
    assert _outputs(out) == previous
    assert _temporaries(out) == []


def test_sigkill_while_writing_leaves_each_output_old_or_new_and_whole(previous, built: BuildResult, corpus,
                                                                        tmp_path):
    out = tmp_path / "out"
    code, _ = _build_until(corpus, out, "iskg: writing", signal.SIGKILL)
    assert code == -signal.SIGKILL
    new = {f.name: f.read_bytes() for f in built.files}  # what a whole build of this corpus writes
    for name, data in _outputs(out).items():
        assert data in (previous[name], new[name]), name


def test_killed_inside_a_write_the_previous_outputs_stay_and_the_next_build_clears_the_leftovers(previous, tmp_path):
    out = tmp_path / "out"
    corpus = _tiny_corpus(tmp_path / "new-corpus", "Eurojust supports judicial cooperation.")
    # the process dies at its second fsync: one temporary file complete, one written, nothing renamed yet
    script = f"""
import os, signal, sys
from iskg.graph import cli
calls = []
def fsync(fd):
    calls.append(fd)
    if len(calls) == 2:
        os.kill(os.getpid(), signal.SIGKILL)
os.fsync = fsync
sys.exit(cli.main(["build", "--corpus", {str(corpus)!r}, "--out", {str(out)!r}]))
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300)
    assert done.returncode == -signal.SIGKILL, done.stderr[-2000:]
    assert _outputs(out) == previous
    assert len(_temporaries(out)) == 2  # hidden (.iskg.ttl.XXXX.tmp), never under an output's name
    build(corpus, out, progress=lambda _: None)
    assert _temporaries(out) == []
    assert b"Eurojust" in (out / GRAPH_FILE).read_bytes()


def test_a_failed_write_replaces_nothing_and_leaves_no_temporary_file(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"old")
    with pytest.raises(IskgError, match="cannot write output"):
        write_together({tmp_path / "a.txt": b"new", tmp_path / "missing" / "b.txt": b"new"})
    assert (tmp_path / "a.txt").read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_out_that_is_a_file_is_one_clear_line(tmp_path, corpus, capsys):
    target = tmp_path / "out"
    target.write_text("not a folder")
    assert main(["build", "--corpus", str(corpus), "--out", str(target)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert err == f"iskg: {target}: output path exists and is not a folder\n"


@pytest.mark.parametrize(("where", "message"), [("locked/out", "cannot create output folder (Permission denied)"),
                                                ("locked", "output folder is not writable")])
def test_out_that_is_not_writable_is_one_clear_line(shared_tmp, unprivileged, where, message):
    corpus = _tiny_corpus(shared_tmp / "corpus", "Europol fights terrorism.")
    (shared_tmp / "locked").mkdir(mode=0o555)
    (shared_tmp / "locked").chmod(0o555)
    out = shared_tmp / where
    done = unprivileged("import sys\nfrom iskg.graph import cli, build", f"sys.exit(cli.main(['build', '--corpus', "
                        f"{str(corpus)!r}, '--out', {str(out)!r}]))")
    assert done.returncode == EXIT_BAD_INPUT, done.stderr[-2000:]
    assert done.stderr == f"iskg: {out}: {message}\n"
    assert os.listdir(shared_tmp / "locked") == []


def test_interrupt_right_after_the_graph_temporary_is_made_leaves_no_temporary(corpus, tmp_path, monkeypatch):
    # SIGTERM landed between making the Turtle temporary and the build's cleanup knowing its name
    from iskg.graph import build as build_module

    real = build_module.temporary_beside

    def made_then_interrupted(path: Path) -> Path:
        real(path)
        raise KeyboardInterrupt

    monkeypatch.setattr(build_module, "temporary_beside", made_then_interrupted)
    out = tmp_path / "out"
    with pytest.raises(KeyboardInterrupt):
        build_module.build(corpus, out, progress=lambda _: None)
    assert _temporaries(out) == []
