"""Split a paragraph into sentences and clauses, keeping offsets."""

from __future__ import annotations

import re

# a full stop, question or exclamation mark, or a semicolon, then space and a capital or a quote;
# common abbreviations ("e.g.", "Art.", "No.", "Doc.") do not end a sentence
_END = re.compile(r"(?<!\be\.g)(?<!\bi\.e)(?<!\bArt)(?<!\bNo)(?<!\bDoc)(?<!\bcf)[.!?;](?=\s+[\"“(A-Z0-9-])")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of `text`, covering it without gaps."""
    spans, start = [], 0
    for m in _END.finditer(text):
        spans.append((start, m.end()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans
