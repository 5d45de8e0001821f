"""Word tokens with their offsets, normalised so that surface variants of a name compare equal.

Matching works on tokens rather than raw strings so that case, diacritics, hyphens versus spaces,
British/American spelling and plural endings do not hide a mention, while every match still maps
back to exact code-point offsets in the paragraph text.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from importlib.resources import files

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?", re.UNICODE)


@dataclass(frozen=True)
class Token:
    """A word in a text: its offsets, the word as printed, and its normalised key."""

    start: int
    end: int
    surface: str
    key: str

    @property
    def is_acronym(self) -> bool:
        return is_acronym(self.surface)


def is_acronym(word: str) -> bool:
    """Capitals (with digits) of two or more letters, as acronyms are printed: CEPOL, SIS, ECRIS."""
    letters = [c for c in word if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def fold(word: str) -> str:
    """Lower case without diacritics, with -ize spellings and simple plurals folded."""
    word = unicodedata.normalize("NFKD", word)
    word = "".join(c for c in word if not unicodedata.combining(c)).lower().replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    word = re.sub(r"iz(e|ed|es|ing|ation|ations)$", r"is\1", word)
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


# letters OCR engines confuse, each folded to one representative (applied after `fold`); read at
# import, as the other word lists are, so that reading a text never loads a package resource late
_OCR_CONFUSIONS = [(wrong, right) for wrong, right in json.loads(
    files("iskg.loaders").joinpath("data/text.json").read_text(encoding="utf-8"))["ocr_confusions"]]

OCR_MIN_LENGTH = 5


def ocr_fold(key: str) -> str:
    """A key under which common OCR misreadings of a word meet ('Crirninal' and 'Criminal')."""
    for wrong, right in _OCR_CONFUSIONS:
        key = key.replace(wrong, right)
    return key


def tokenize(text: str) -> list[Token]:
    """The words of `text` in order, with offsets into it."""
    return [Token(m.start(), m.end(), m.group(), fold(m.group())) for m in _WORD.finditer(text)]
