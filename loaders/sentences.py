"""Split a paragraph into sentences and clauses, keeping offsets."""

from __future__ import annotations

import json
import re
from functools import cache
from importlib.resources import files

# a full stop, question or exclamation mark, or a semicolon, then space and a capital or a quote
_END = re.compile(r"[.!?;](?=\s+[\"“(A-Z0-9-])")


@cache
def _abbreviations() -> frozenset[str]:
    data = json.loads(files("iskg.loaders").joinpath("data/text.json").read_text(encoding="utf-8"))
    return frozenset(data["abbreviations"])


def _is_abbreviation(text: str, stop: int) -> bool:
    """Whether the full stop at `stop` ends an abbreviation such as 'e.g.' or 'Art.'."""
    if text[stop] != ".":
        return False
    before = text[max(0, stop - 12):stop].split()
    return bool(before) and before[-1].lstrip("(") in _abbreviations()


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, covering it without gaps."""
    spans, start = [], 0
    for m in _END.finditer(text):
        if _is_abbreviation(text, m.start()):
            continue
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans
