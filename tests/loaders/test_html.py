"""HTML pages as EUR-Lex and the Council serve them: furniture dropped, structure and metadata read."""

from __future__ import annotations

from pathlib import Path

import pytest

from iskg.loaders.extract import Extractor
from iskg.loaders.read import read_bytes, read_corpus

PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>EUR-Lex - 52020DC0605 - EN</title>
  <meta name="DC.title" content="On the EU Security Union Strategy">
  <meta name="DC.date" content="2020-07-24">
  <meta name="DC.identifier" content="COM(2020) 605 final">
  <script>var tracking = "Europol";</script>
  <style>p { color: red; }</style>
</head>
<body>
  <div id="cookie-consent-banner"><p>This site uses cookies. Accept all cookies?</p><button>OK</button></div>
  <header class="ecl-site-header"><a href="/">EUR-Lex home</a><p>Access to European Union law</p></header>
  <nav class="breadcrumb"><ul><li><a href="/">Home</a></li><li>Search results</li></ul></nav>
  <main>
    <p class="oj-doc-ti">COMMUNICATION FROM THE COMMISSION</p>
    <h2>1. Introduction</h2>
    <p class="oj-normal">The Security Union protects citizens against terrorism&nbsp;&amp; organised crime
       <a id="ntc1" href="#ntr1">(<span class="oj-super">1</span>)</a>.</p>
    <p>Europol and Eurojust support the Member States &ndash; every day.</p>
    <h3>1.1 Threats</h3>
    <ul>
      <li>Cybercrime grows.</li>
      <li>Trafficking in human beings persists.</li>
    </ul>
    <table>
      <tr><th>Threat</th><th>Lead</th></tr>
      <tr><td>Terrorism</td><td>Europol</td></tr>
      <tr><td><p>(a)</p></td><td><p>Frontex guards the external borders.</p></td></tr>
    </table>
    <hr class="oj-note">
    <p class="oj-note"><a id="ntr1" href="#ntc1">(1)</a>&nbsp;Council document 9596/06 JAI 271.</p>
  </main>
  <aside class="related"><p>Related documents: Europol annual report</p></aside>
  <footer><p>&copy; European Union, 1998-2026</p><a href="#top">Top</a></footer>
</body>
</html>
"""


@pytest.fixture(scope="module")
def page() -> bytes:
    return PAGE.encode("utf-8")


def test_html_paragraphs_without_page_furniture(page: bytes) -> None:
    doc = read_bytes(page, "security-union.html")
    assert [(p.text, p.footnote) for p in doc.paragraphs] == [
        ("The Security Union protects citizens against terrorism & organised crime.", False),
        ("Europol and Eurojust support the Member States \u2013 every day.", False),
        ("Cybercrime grows.", False),
        ("Trafficking in human beings persists.", False),
        ("Threat; Lead", False),
        ("Terrorism; Europol", False),
        ("(a) Frontex guards the external borders.", False),
        ("Council document 9596/06 JAI 271.", True),
    ]


def test_html_headings_become_sections(page: bytes) -> None:
    doc = read_bytes(page, "security-union.html")
    assert [(s.title, s.level, s.parent) for s in doc.sections] == [
        ("COMMUNICATION FROM THE COMMISSION", 1, None), ("1. Introduction", 2, 1), ("1.1 Threats", 3, 2)]
    assert [p.section for p in doc.paragraphs[:4]] == [2, 2, 3, 3]


def test_html_page_metadata_and_footnote_citation(page: bytes) -> None:
    doc = read_bytes(page, "security-union.html")
    assert (doc.media_type, doc.title, doc.date, doc.identifier, doc.language) == \
        ("text/html", "On the EU Security Union Strategy", "2020-07-24", "COM(2020) 605 final", "en")
    assert [(c.identifier, c.paragraph) for c in doc.citations] == [("9596/06", 8)]


def test_html_entities_are_found(page: bytes) -> None:
    doc = read_bytes(page, "security-union.html")
    extractor = Extractor.default()
    extractor.learn([doc])
    texts = {p.index: p.text for p in doc.paragraphs}
    found = {(m.paragraph, texts[m.paragraph][m.start:m.end]) for m in extractor.extract(doc).mentions}
    assert {(1, "terrorism"), (2, "Europol"), (2, "Eurojust"), (3, "Cybercrime"), (7, "Frontex")} <= found


def test_html_is_recognised_by_its_markup_whatever_its_name(tmp_path: Path, page: bytes) -> None:
    (tmp_path / "download.txt").write_bytes(page)
    documents, refusals = read_corpus(tmp_path)
    assert refusals == [] and documents[0].media_type == "text/html"


def test_html_in_a_declared_legacy_charset() -> None:
    page = ('<html><head><meta charset="iso-8859-1"><title>Note</title></head>'
            '<body><p>La coop\xe9ration polici\xe8re renforce la s\xe9curit\xe9.</p></body></html>').encode("latin-1")
    doc = read_bytes(page, "note.html")
    assert (doc.encoding, doc.paragraphs[0].text) == ("iso-8859-1", "La coopération policière renforce la sécurité.")


def test_html_footnotes_in_a_notes_list_and_numbered_links_to_sections() -> None:
    page = b"""<!doctype html><html><body>
      <h1>Borders</h1>
      <p>Section <a href="#s2">2</a> is on the borders.</p>
      <p>Frontex works at the borders<sup><a href="#fn1">1</a></sup>.</p>
      <h2 id="s2">2. Borders</h2>
      <p>Europol analyses threats.</p>
      <ol class="footnotes"><li id="fn1">Regulation (EU) 2019/1896.</li></ol>
    </body></html>"""
    doc = read_bytes(page, "x.html")
    assert [(p.text, p.footnote) for p in doc.paragraphs] == [
        ("Section 2 is on the borders.", False), ("Frontex works at the borders.", False),
        ("Europol analyses threats.", False), ("Regulation (EU) 2019/1896.", True)]
