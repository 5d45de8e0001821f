"""The progress bar: documents done and the rate on a terminal; nothing in CI or into a file."""

from __future__ import annotations

import io

import pytest

from iskg.graph.progress import ProgressBar


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_it_shows_documents_done_and_the_rate(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    stream = Terminal()
    bar = ProgressBar(3, stream=stream)
    for _ in range(3):
        bar.advance()
    bar.close()
    last = stream.getvalue().strip().split("\r")[-1]
    assert last.startswith("docs 3/3 [" + "#" * 30 + "]")
    assert last.endswith("docs/s")


@pytest.mark.parametrize("ci", ["true", "1", "yes"])
def test_silent_in_ci(monkeypatch, ci):
    monkeypatch.setenv("CI", ci)
    stream = Terminal()
    bar = ProgressBar(2, stream=stream)
    bar.advance(2)
    bar.close()
    assert stream.getvalue() == ""


def test_silent_when_not_a_terminal(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    stream = io.StringIO()
    bar = ProgressBar(2, stream=stream)
    bar.advance(2)
    bar.close()
    assert stream.getvalue() == ""


def test_a_build_draws_it_on_standard_error_of_a_terminal(corpus, tmp_path, monkeypatch):
    """The build's own bar, on a terminal, counts every text."""
    from iskg.graph import build as build_module

    monkeypatch.delenv("CI", raising=False)
    stream = Terminal()
    monkeypatch.setattr(build_module, "ProgressBar", lambda total: ProgressBar(total, stream=stream))
    build_module.build(corpus, tmp_path, progress=lambda _: None)
    assert "docs 5/5 [" in stream.getvalue()
