"""Reading files and folders: bad files are refused with a reason, the rest still load."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from iskg.loaders import read as read_module
from iskg.loaders.errors import IskgError
from iskg.loaders.read import Refusal, read_corpus, read_document

CORPUS = Path(__file__).resolve().parents[2] / "corpus"
GOOD = "INTRODUCTION\n\nEurope guarantees respect for human rights, the rule of law and solidarity.\n"


def test_bad_files_are_refused_and_the_rest_load(tmp_path: Path) -> None:
    (tmp_path / "b_good.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "a_good.md").write_text("# Title\n\n" + GOOD, encoding="utf-8")
    (tmp_path / "c_empty.txt").write_bytes(b"")
    (tmp_path / "d_binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / "e_dir.txt").mkdir()
    (tmp_path / "f_scan.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "g_missing.txt").symlink_to(tmp_path / "nowhere.txt")
    (tmp_path / "h_picture.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    (tmp_path / ".hidden").write_text("x")
    documents, refusals = read_corpus(tmp_path)
    assert [d.source for d in documents] == ["a_good.md", "b_good.txt"]
    assert [r.source for r in refusals] == ["c_empty.txt", "d_binary.txt", "e_dir.txt", "f_scan.pdf",
                                            "g_missing.txt", "h_picture.png"]
    reasons = [r.reason for r in refusals]
    assert reasons[0] == "empty file"
    assert reasons[1].startswith("binary content")
    assert reasons[2] == "not a file (a directory)"
    assert reasons[3].startswith("malformed PDF")
    assert reasons[4].startswith("cannot read")
    assert reasons[5].startswith("unsupported format '.png'")
    assert all("\n" not in r for r in reasons)


def test_refusal_is_a_small_frozen_record() -> None:
    refusal = Refusal("x.txt", "empty file")
    with pytest.raises(AttributeError):
        refusal.reason = "other"  # type: ignore[misc]


def test_read_document_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "blank.txt"
    path.write_bytes(b"\n\n   \n")
    with pytest.raises(IskgError, match=r"^blank\.txt: empty file"):
        read_document(path)


def test_missing_corpus_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(IskgError, match="corpus folder not found"):
        read_corpus(tmp_path / "nope")


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-le", "cp1252"])
def test_a_corpus_text_reads_the_same_in_other_encodings(tmp_path: Path, encoding: str) -> None:
    source = CORPUS / "004_16ba2f289b8017e2.txt"
    other = tmp_path / source.name
    other.write_bytes(source.read_text(encoding="utf-8").replace("\n", "\r\n").encode(encoding))
    a, b = read_document(source), read_document(other)
    assert b.encoding == encoding
    assert (a.paragraphs, a.sections, a.citations, a.title, a.date) == \
        (b.paragraphs, b.sections, b.citations, b.title, b.date)


def test_reading_is_deterministic() -> None:
    first, _ = read_corpus(CORPUS)
    second, _ = read_corpus(CORPUS)
    assert first == second


def test_a_named_pipe_is_refused_without_waiting_for_a_writer(tmp_path: Path, time_limit) -> None:
    # opening a pipe for reading blocks until something writes to it: it must not be opened at all
    os.mkfifo(tmp_path / "pipe.txt")
    (tmp_path / "loop.txt").symlink_to("loop.txt")
    with time_limit(5):
        _, refusals = read_corpus(tmp_path)
    assert refusals == [Refusal("loop.txt", "cannot read: Too many levels of symbolic links"),
                        Refusal("pipe.txt", "not a regular file (a named pipe)")]


def test_an_unreadable_file_is_refused(shared_tmp: Path, unprivileged) -> None:
    # as root, permissions stop no read: the reading process runs as user nobody then
    (shared_tmp / "good.txt").write_text(GOOD, encoding="utf-8")
    (shared_tmp / "locked.txt").write_text(GOOD, encoding="utf-8")
    (shared_tmp / "locked.txt").chmod(0)
    warm_up = "from iskg.loaders.read import read_corpus\nfrom iskg.loaders.readers import readers\nreaders()"
    done = unprivileged(warm_up,
                        f"docs, refused = read_corpus({str(shared_tmp)!r})\n"
                        "print([d.source for d in docs], [(r.source, r.reason) for r in refused])")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "['good.txt'] [('locked.txt', 'cannot read: Permission denied')]"


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(read_module, "MAX_BYTES", 1000)
    (tmp_path / "big.txt").write_text(GOOD * 20, encoding="utf-8")
    with pytest.raises(IskgError, match=r"^big\.txt: file too large \(over 1000 bytes\)$"):
        read_document(tmp_path / "big.txt")


def test_a_line_longer_than_any_paragraph_is_refused(tmp_path: Path) -> None:
    line = "Europol supports the Member States. " * 3000  # 108 000 characters, no line break
    (tmp_path / "line.txt").write_text(line, encoding="utf-8")
    with pytest.raises(IskgError, match=r"^line\.txt: line 1 is 108000 characters long, over the limit of 100000"):
        read_document(tmp_path / "line.txt")


def test_a_text_that_is_all_deleted_is_refused_saying_so(tmp_path: Path) -> None:
    (tmp_path / "draft.txt").write_text("<del>The Council adopts a strategy.</del>\n\n~~Europol helps.~~\n",
                                        encoding="utf-8")
    with pytest.raises(IskgError, match=r"^draft\.txt: no readable text \(all of it is marked as deleted\)$"):
        read_document(tmp_path / "draft.txt")
