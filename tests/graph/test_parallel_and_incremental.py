"""`build --jobs N` and `build --cache DIR` change how the graph is made, never a byte of it."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from iskg.graph import extraction_cache
from iskg.graph.build import build
from iskg.graph.cli import EXIT_BAD_INPUT, main
from iskg.graph.extraction import _extract_all
from iskg.graph.extraction_cache import ExtractionCache
from iskg.loaders.extract import Extractor
from iskg.loaders.read import parse_text

OUTPUTS = ("iskg.ttl", "report.json", "report.txt")


def _same_files(a: list[Path], b: Path) -> None:
    for first in a:
        assert first.read_bytes() == (b / first.name).read_bytes(), first.name


def _quiet_build(corpus: Path, out: Path, **kwargs) -> list[str]:
    said: list[str] = []
    build(corpus, out, progress=said.append, **kwargs)
    return said


def test_two_jobs_give_the_files_of_one(built, corpus, tmp_path):
    _quiet_build(corpus, tmp_path, jobs=2)
    _same_files(built.files, tmp_path)


def test_incremental_build_extracts_only_the_changed_text_and_matches_a_clean_build(corpus, tmp_path):
    texts = tmp_path / "corpus"
    shutil.copytree(corpus, texts)
    cache = tmp_path / "cache"
    first = _quiet_build(texts, tmp_path / "first", cache=cache)
    assert "cache: 0 texts reused, 5 extracted" in first

    changed = sorted(texts.iterdir())[-1]
    changed.write_text(changed.read_text(encoding="utf-8") + "\nThe Council will review this work next year.\n",
                       encoding="utf-8")
    again = _quiet_build(texts, tmp_path / "again", cache=cache)
    assert "cache: 4 texts reused, 1 extracted" in again

    _quiet_build(texts, tmp_path / "clean")
    for name in OUTPUTS:
        assert (tmp_path / "again" / name).read_bytes() == (tmp_path / "clean" / name).read_bytes(), name


def _doc(text: str, source: str = "a.txt"):
    return parse_text(text, source, "utf-8")


def _extract(docs, cache: ExtractionCache):
    extractor = Extractor.default()
    extractor.learn(docs)
    hits = cache.lookup(docs, extractor.entities)
    fresh = [extractor.extract(d) for d in docs]
    cache.store(fresh, extractor.entities)
    return hits, fresh


QUIET = "Europol cooperates closely with Eurojust.\n\nThe Council will review this work.\n"
DEFINES = "The Council welcomes the European Centre for Port Security (ECPS).\n"


def test_a_new_name_reextracts_the_texts_it_occurs_in_and_only_those(tmp_path):
    cache = ExtractionCache(tmp_path)
    quiet, mentions = _doc(QUIET, "quiet.txt"), _doc(QUIET + "\nThe ECPS will report.\n", "mentions.txt")
    _extract([quiet, mentions], cache)
    hits, fresh = _extract([quiet, mentions, _doc(DEFINES, "defines.txt")], cache)
    assert hits[0] is not None and hits[0].mentions == fresh[0].mentions
    assert hits[1] is None  # 'ECPS' is a name now: what this text yields has changed
    assert any(m.quote == "ECPS" for m in fresh[1].mentions)
    assert cache.stats.reused_after_vocabulary_change == 1


def test_another_code_version_never_reuses_an_entry(tmp_path, monkeypatch):
    cache = ExtractionCache(tmp_path)
    docs = [_doc(QUIET)]
    _extract(docs, cache)
    assert _extract(docs, cache)[0][0] is not None
    monkeypatch.setattr(extraction_cache, "code_version", lambda: "another version")
    assert _extract(docs, cache)[0][0] is None


def test_an_unreadable_entry_is_a_miss(tmp_path):
    cache = ExtractionCache(tmp_path)
    docs = [_doc(QUIET)]
    _extract(docs, cache)
    for entry in (tmp_path / "extract").rglob("*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert _extract(docs, cache)[0][0] is None


def test_code_version_changes_with_the_installed_loaders(tmp_path, monkeypatch):
    import iskg.loaders

    before = extraction_cache.code_version()
    copy = tmp_path / "loaders"
    shutil.copytree(Path(iskg.loaders.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "data" / "relations.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(iskg.loaders, "__file__", str(copy / "__init__.py"))
    extraction_cache.code_version.cache_clear()
    try:
        assert extraction_cache.code_version() != before
    finally:
        extraction_cache.code_version.cache_clear()


@pytest.mark.parametrize("jobs", ["0", "-2"])
def test_jobs_must_be_positive(tmp_path, capsys, jobs):
    assert main(["build", "--corpus", str(tmp_path), "--out", str(tmp_path / "out"), "--jobs", jobs]) == EXIT_BAD_INPUT
    assert "--jobs" in capsys.readouterr().err


def test_two_jobs_from_a_process_running_threads_start_fresh_workers_and_give_the_same_extractions():
    # forking a process whose other threads hold locks can leave a worker waiting for ever (a notebook
    # kernel, a server, a test run): such a parent starts its workers afresh instead
    docs = [parse_text(f"Note {n}\n\nEuropol and Eurojust fight terrorism and cybercrime ({n}).\n", f"t{n}.txt",
                       "utf-8") for n in range(3)]
    extractor = Extractor.default()
    extractor.learn(docs)
    stop = threading.Event()
    busy = threading.Thread(target=stop.wait, daemon=True)
    busy.start()
    try:
        assert threading.active_count() > 1
        two = _extract_all(extractor, docs, 2, lambda _: None)
    finally:
        stop.set()
    one = _extract_all(extractor, docs, 1, lambda _: None)
    assert [(e.mentions, e.relations) for e in two] == [(e.mentions, e.relations) for e in one]
    assert len(two[0].mentions) >= 4


def test_extraction_workers_die_of_sigterm_though_the_parent_handles_it():
    """What broke: a fresh-clone CI run hung in test_two_jobs_give_the_files_of_one. Its forked workers
    had inherited the command line's SIGTERM handler (run in-process by earlier tests), so the SIGTERM
    the pool ends them with raised KeyboardInterrupt in a worker waiting on the task queue's lock,
    and the pool joined it for ever."""
    import signal

    from iskg.graph.extraction import _pool
    from iskg.graph.interrupt import interrupt_on_sigterm

    previous = signal.getsignal(signal.SIGTERM)
    interrupt_on_sigterm()
    try:
        with _pool(2, (None, [])) as pool:
            assert pool.apply(signal.getsignal, (signal.SIGTERM,)) == signal.SIG_DFL
    finally:
        signal.signal(signal.SIGTERM, previous)
