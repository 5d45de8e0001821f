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
    spec = _rules()["enumerations"]
    definite = f"|{spec['definite_separator']}" if cls in spec["split_definite"] else ""
    pieces = [p for p in re.split(f"({_SEPARATOR}{definite})", chunk) if p is not None]
    if cls not in spec["split_and"]:
        return pieces
    out = []
    for piece in pieces:
        split = re.split(spec["conjunction"], piece, maxsplit=1)
        head, sep, tail = split if len(split) == 3 else (piece, "", "")
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
        if re.fullmatch(rf"{_SEPARATOR}|\s+and\s+| or ", piece):
            pos += len(piece)
            continue
        words = piece.split()
        while words and words[0].lower() in spec["strip_leading"]:
            cut = piece.index(words[0]) + len(words[0])
            pos, piece, words = pos + cut, piece[cut:], words[1:]
        lead = len(piece) - len(piece.lstrip())
        if len(words) > spec["max_words"][cls] and (aim := _before_means(piece, cls)):
            out.append((pos + lead, pos + lead + len(aim.strip())))
            break
        if not 1 <= len(words) <= spec["max_words"][cls] or piece.count("(") != piece.count(")"):
            break
        if not any(w.lower().strip(",.;:") in spec["anaphora"] for w in words):
            out.append((pos + lead, pos + lead + len(piece.strip())))
        pos += len(piece)
    return out


def _before_means(piece: str, cls: str) -> str | None:
    """A long item's words before its clause of means, when they are short enough to be a name."""
    spec = _rules()["enumerations"]
    cuts = [i for i in (piece.find(m) for m in spec["means"].get(cls, [])) if i > 0]
    if not cuts:
        return None
    aim = piece[:min(cuts)]
    return aim if 1 <= len(aim.split()) <= spec["max_words"][cls] else None


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
