"""A folder of documents as users download them (PDF, HTML, Word) builds into a graph that conforms,
and the evidence says on which page of the PDF it stands."""

from __future__ import annotations

from pathlib import Path

import pytest
from makers import LEFT, Column, text_pdf, word_draft

from iskg.graph.build import build
from iskg.graph.query import open_store, run_stored

EUROPOL = "https://w3id.org/iskg/id/actor/europol"


@pytest.fixture(scope="module")
def downloads(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("downloads")
    page = [Column(LEFT, 760, ["1. Security"], font="Vera-Bold", size=12),
            Column(LEFT, 735, ["Member States share information with Frontex."])]
    page2 = [Column(LEFT, 780, ["Europol supports the Member States against terrorism."])]
    (folder / "review.pdf").write_bytes(text_pdf([page, page2], "Internal security review", "Council"))
    (folder / "strategy.html").write_text(
        '<!DOCTYPE html><html lang="en"><head><title>Security Union</title></head><body>'
        "<nav><p>Europol home</p></nav><main><h1>Security Union</h1>"
        "<p>Eurojust and Europol fight organised crime.</p></main></body></html>", encoding="utf-8")
    (folder / "draft.docx").write_bytes(word_draft([
        ("Title", [("", "Draft conclusions")]),
        ("", [("", "The Council invites "), ("del", "Interpol"), ("ins", "Europol"), ("", " to act.")])]))
    return folder


def test_downloads_build_conform_and_evidence_says_the_page(downloads: Path, tmp_path: Path) -> None:
    result = build(downloads, tmp_path / "out", progress=lambda _: None)
    assert result.refusals == []
    assert result.reasoner.consistent and result.validation.conforms, result.validation.report_text
    store = open_store(tmp_path / "out" / "iskg.ttl")
    rows = run_stored(store, "entity-evidence", entity=EUROPOL).rows
    where = {(r["source"].value, r["page"].value if r.get("page") is not None else None, r["exact"].value)
             for r in rows if r.get("predicate") is None}
    assert where == {("review.pdf", "2", "Europol"), ("strategy.html", None, "Europol"),
                     ("draft.docx", None, "Europol")}
