"""Find the names of known entities in a text: longest match over normalised word tokens."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from iskg.loaders.tokens import OCR_MIN_LENGTH, Token, is_acronym, ocr_fold, tokenize

_SKIP_LEADING = {"the"}


def _aside(text: str, token: Token) -> bool:
    """A word alone in brackets."""
    return text[max(0, token.start - 2):token.start].rstrip().endswith("(") \
        and text[token.end:token.end + 2].lstrip().startswith(")")


@dataclass(frozen=True)
class Match:
    """A name found in a text: which entity, where, and the words as printed."""

    iri: str
    start: int
    end: int
    quote: str
    first_token: int
    last_token: int


@dataclass
class _Node:
    words: dict[str, _Node] = field(default_factory=dict)
    ocr_words: dict[str, _Node] = field(default_factory=dict)
    acronyms: dict[str, _Node] = field(default_factory=dict)
    iris: list[str] = field(default_factory=list)


class Matcher:
    """A trie of label token sequences.

    Words in a label match case-insensitively after folding (see `tokens.fold`); acronyms in a
    label (CEPOL, SIS) match only as printed, or with a plural `s`, so that ordinary words are not
    read as names. Long words also match through `ocr_fold`, so that a scan's 'Crirninal' is still
    'Criminal'; short words do not, as too many would collide.
    """

    def __init__(self) -> None:
        self._root = _Node()

    def add(self, label: str, iri: str) -> None:
        tokens = tokenize(label)
        while tokens and tokens[0].key in _SKIP_LEADING:
            tokens = tokens[1:]
        if not tokens:
            return
        node = self._root
        for token in tokens:
            if is_acronym(token.surface):
                node = node.acronyms.setdefault(token.surface, _Node())
                continue
            child = node.words.setdefault(token.key, _Node())
            if len(token.key) >= OCR_MIN_LENGTH:
                node.ocr_words.setdefault(ocr_fold(token.key), child)
            node = child
        if iri not in node.iris:
            node.iris.append(iri)
            node.iris.sort()

    def add_all(self, pairs: Iterable[tuple[str, str]]) -> None:
        for label, iri in pairs:
            self.add(label, iri)

    def _step(self, node: _Node, token: Token) -> list[_Node]:
        found = []
        for surface in (token.surface, token.surface[:-1] if token.surface.endswith("s") else None):
            if surface and surface in node.acronyms:
                found.append(node.acronyms[surface])
        if token.key in node.words:
            found.append(node.words[token.key])
        elif len(token.key) >= OCR_MIN_LENGTH and ocr_fold(token.key) in node.ocr_words:
            found.append(node.ocr_words[ocr_fold(token.key)])
        return found

    def _longest(self, text: str, tokens: list[Token], start: int, hi: int,
                 exclude: frozenset[str]) -> tuple[int, str] | None:
        best: tuple[int, str] | None = None
        frontier = [self._root]
        i = start
        while frontier and i < hi:
            stepped = [n for node in frontier for n in self._step(node, tokens[i])]
            for node in stepped:
                iris = [iri for iri in node.iris if iri not in exclude]
                if iris:
                    best = (i, iris[0])
            # a name read past a word in brackets inside it: 'mobile (itinerant) organised crime groups'
            frontier = stepped + (frontier if i > start and _aside(text, tokens[i]) else [])
            i += 1
        return best

    def find(self, text: str, tokens: list[Token] | None = None, lo: int = 0, hi: int | None = None,
             exclude: frozenset[str] = frozenset()) -> list[Match]:
        """Non-overlapping longest matches, left to right, within tokens[lo:hi], of entities not in `exclude`
        (the names inside a longer name are found by excluding the longer one)."""
        tokens = tokenize(text) if tokens is None else tokens
        hi = len(tokens) if hi is None else hi
        out: list[Match] = []
        i = lo
        while i < hi:
            hit = self._longest(text, tokens, i, hi, exclude)
            if hit is None:
                i += 1
                continue
            last, iri = hit
            start, end = tokens[i].start, tokens[last].end
            out.append(Match(iri, start, end, text[start:end], i, last))
            i = last + 1
        return out
