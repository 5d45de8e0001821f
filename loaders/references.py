"""Read 'the Strategy', 'this Action Plan' as the instrument the text is about, or last named, with that head.

Texts name an instrument once in full and then go on with a definite description of it: "The EU
Drugs Strategy 2013-2020 … The Strategy is based on … human dignity" or "The Commission will
monitor the implementation of this Action Plan". The instrument the title names comes first: it is
what the text is, or what its conclusions are on. The relation rules see such a description as the
instrument, so that what its sentence says about it is read. Patterns live in `data/relations.json`
('references').
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import replace
from functools import cache
from importlib.resources import files

from iskg.loaders.relations import Named


@cache
def _references() -> dict:
    return json.loads(files("iskg.loaders").joinpath("data/relations.json").read_text(encoding="utf-8"))["references"]


@cache
def _spec() -> tuple[re.Pattern[str], str, re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    spec = _references()
    heads = "|".join(f"[{h[0].upper()}{h[0].lower()}]{re.escape(h[1:])}" for h in spec["heads"])
    pattern = rf"{spec['determiner']}(?P<head>{heads})\b(?!{spec['not_after']})"
    return (re.compile(pattern), spec["top"], re.compile(spec["complement"], re.IGNORECASE),
            re.compile(spec["trailing"]), re.compile(spec["cited_act"]))


@cache
def has_head(label: str, head: str) -> bool:
    """Whether a label's own head word is `head`: 'EU Drugs Strategy 2013-2020' and 'Strategy for
    Combating Radicalisation' have the head 'strategy'; 'final report of the Strategy' has not; an
    act cited by its number has its first word ('Regulation (EU) No 513/2014': 'regulation')."""
    _, _, complement, trailing, cited = _spec()
    if (act := cited.match(label)) is not None:
        return act.group("head").lower() == head
    words = trailing.sub("", complement.split(label, maxsplit=1)[0]).lower().split()
    return words[-len(head.split()):] == head.split() if words else False


@cache
def _self_spec() -> tuple[re.Pattern[str], dict[str, frozenset[str]]]:
    own = _references()["self"]
    return re.compile(own["determiner"]), {kind: frozenset(h.lower() for h in heads)
                                           for kind, heads in own["heads"].items()}


def descriptions(text: str, named: list[Named], earlier: list[Named], own: list[Named],
                 labels: Callable[[str], list[str]], kind: str | None = None) -> list[Named]:
    """The instruments the definite descriptions of `text` stand for, where they are printed.
    `earlier`: the names of the text before this paragraph, in order; `own`: those of its title,
    which a description stands for first ('this Strategy' in the Drugs Strategy, though it named the
    Internal Security Strategy since); `labels(iri)`: the entity's labels, one of which must have
    the description's head as its own. In a document of type `kind`, 'this Communication' (per
    'self') is the document itself: the first instrument of its title, whatever its head."""
    pattern, top, _, _, _ = _spec()
    this, self_heads = _self_spec()
    out = []
    for m in pattern.finditer(text):
        if any(n.start < m.end() and m.start() < n.end for n in named):
            continue
        head = m.group("head").lower()
        before = [*earlier, *(n for n in sorted(named, key=lambda n: n.start) if n.end <= m.start())]
        itself = head in self_heads.get(kind or "", ()) and this.match(m.group())
        found = next((n for n in own if n.top == top), None) if itself else None
        found = found or next((n for n in [*own, *reversed(before)]
                               if n.top == top and any(has_head(label, head) for label in labels(n.iri))), None)
        if found is not None:
            out.append(replace(found, start=m.start(), end=m.end()))
    return out
