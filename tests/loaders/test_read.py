"""Reading files and folders: bad files are refused with a reason, the rest still load."""

from __future__ import annotations

from pathlib import Path

import pytest

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
