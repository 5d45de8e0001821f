"""Discover threats and objectives from the texts' own lists of them.

"The main threats, such as terrorism, organised crime, drug trafficking …" and "The five strategic
objectives are: the disruption of …; the prevention of …" name what a text counts as a threat or
an objective, whether or not the reference vocabulary knows it. Triggers live in
`data/discovery.json`.
"""

from __future__ import annotations

import re
from functools import cache

from iskg.loaders.discovery import Definition, _rules
from iskg.loaders.sentences import sentence_spans

_SEPARATOR = r"\s*[,;]\s*(?:and\s+|or\s+)?"


@cache
def _triggers() -> list[tuple[str, re.Pattern[str]]]:
    spec = _rules()["enumerations"]["triggers"]
    return [(cls, re.compile(p, re.IGNORECASE)) for cls, patterns in spec.items() for p in patterns]


def _pieces(chunk: str, cls: str) -> list[str]:
    """The chunk cut at separators (kept as pieces of their own, so offsets add up)."""
    pieces = re.split(f"({_SEPARATOR})", chunk)
    spec = _rules()["enumerations"]
    if cls not in spec["split_and"]:
        return pieces
    out = []
    for piece in pieces:
        head, sep, tail = re.split(r"( and | or )", piece, maxsplit=1) if re.search(" and | or ", piece) \
            else (piece, "", "")
        # 'trafficking in arms and wildlife crime' and 'floods and storms' are two items each;
        # 'serious and organised crime' and 'petty or property crime' are one
        short = len(piece.split()) <= spec["max_words"][cls]  # a long piece is where the list has ended
        words = (len(head.split()), len(tail.split()))
        if sep and short and (min(words) >= 2 or words == (1, 1)):
            out += [head, sep, tail]
        else:
            out.append(piece)
    return out


def _items(text: str, start: int, end: int, cls: str) -> list[tuple[int, int]]:
    """(start, end) of the list items in text[start:end], cut where an item grows too long."""
    spec = _rules()["enumerations"]
    out = []
    pos = start
    for piece in _pieces(text[start:end].rstrip(" ."), cls):
        if re.fullmatch(f"{_SEPARATOR}| and | or ", piece):
            pos += len(piece)
            continue
        words = piece.split()
        while words and words[0].lower() in spec["strip_leading"]:
            cut = piece.index(words[0]) + len(words[0])
            pos, piece, words = pos + cut, piece[cut:], words[1:]
        lead = len(piece) - len(piece.lstrip())
        if not 1 <= len(words) <= spec["max_words"][cls] or piece.count("(") != piece.count(")"):
            break
        out.append((pos + lead, pos + lead + len(piece.strip())))
        pos += len(piece)
    return out


def find_enumerated(text: str) -> list[Definition]:
    """Items of lists the text introduces as threats or objectives, with their class."""
    out = []
    for lo, hi in sentence_spans(text):
        sentence = text[lo:hi]
        for cls, trigger in _triggers():
            m = trigger.search(sentence)
            if not m:
                continue
            for start, stop in _items(text, lo + m.end(), hi, cls):
                out.append(Definition(text[start:stop], "", start, stop, cls))
            break
    return out
