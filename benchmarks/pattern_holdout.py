"""Hold the held-out text out of the extraction patterns too, for benchmarks/leave_one_out.py.

The vocabulary's labels are held out by dropping those only the held-out work attests; this does the
same for the patterns and word lists of the extraction data files: every entry of a list of strings
(cues, heads, triggers, stop words …) that matches somewhere in the held-out work's text and in no
other text of the corpus is dropped, since it may have been tuned on that text. An entry matching no
text at all stays. Matching is a case-insensitive search of the entry as a regular expression (as
escaped words where it is none) over paragraphs and headings, a superset of where the loaders apply
it, so this drops less than a pattern-by-pattern ablation would: an approximation, said as such.
"""

from __future__ import annotations

import importlib
import json
import re
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.resources import files
from typing import Any

from iskg.loaders.model import Document

PATTERN_FILES = ("discovery.json", "relations.json", "structure.json", "surface_forms.json", "instrument_phrases.json")
MODULES = ("discovery", "relations", "references", "structure", "surface_forms", "enumerations", "instrument_phrases",
           "extract")
NEVER = "(?!x)x"  # what an emptied list holds, so that no joined alternation matches everything


def _compiled(entry: str) -> re.Pattern[str]:
    try:
        return re.compile(entry, re.IGNORECASE)
    except re.error:
        return re.compile(rf"\b{re.escape(entry)}\b", re.IGNORECASE)


def _fires(entry: str, texts: list[str]) -> bool:
    rx = _compiled(entry)
    return any(rx.search(t) for t in texts)


def _ablate(value: Any, inside: list[str], outside: list[str], dropped: list[str]) -> Any:
    if isinstance(value, dict):
        return {k: v if k.startswith("_") else _ablate(v, inside, outside, dropped) for k, v in value.items()}
    if isinstance(value, list) and value and all(isinstance(x, str) for x in value):
        keep = [x for x in value if not (_fires(x, inside) and not _fires(x, outside))]
        dropped += [x for x in value if x not in keep]
        return keep or [NEVER]
    if isinstance(value, list):
        return [_ablate(v, inside, outside, dropped) for v in value]
    return value


def _texts(documents: list[Document]) -> list[str]:
    return [p.text for d in documents for p in d.paragraphs] + [s.title for d in documents for s in d.sections]


def ablated_patterns(held_out: list[Document], others: list[Document]) -> tuple[dict[str, Any], list[str]]:
    """The extraction data files without the entries only the held-out texts attest, and those entries."""
    inside, outside, dropped = _texts(held_out), _texts(others), []
    data = {}
    for name in PATTERN_FILES:
        spec = json.loads(files("iskg.loaders").joinpath(f"data/{name}").read_text(encoding="utf-8"))
        data[name] = _ablate(spec, inside, outside, dropped)
    return data, dropped


class _Text:
    def __init__(self, text: str) -> None:
        self._text = text

    def read_text(self, encoding: str = "utf-8") -> str:
        return self._text


class _Package:
    """The package's resources, with some data files replaced."""

    def __init__(self, real: Any, override: dict[str, Any]) -> None:
        self._real, self._override = real, override

    def joinpath(self, name: str) -> Any:
        base = name.rsplit("/", 1)[-1]
        return _Text(json.dumps(self._override[base])) if base in self._override else self._real.joinpath(name)


def _clear(modules: list[Any]) -> None:
    for module in modules:
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)):
                value.cache_clear()


@contextmanager
def patterns(override: dict[str, Any]) -> Iterator[None]:
    """The loaders reading `override` for the extraction data files while inside."""
    modules = [importlib.import_module(f"iskg.loaders.{m}") for m in MODULES]
    saved = {m: m.files for m in modules if hasattr(m, "files")}
    for m in saved:
        m.files = lambda package, _real=files: _Package(_real(package), override)
    _clear(modules)
    try:
        yield
    finally:
        for m, original in saved.items():
            m.files = original
        _clear(modules)
