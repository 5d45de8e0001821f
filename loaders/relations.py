"""Read relations between entities named in one sentence, from the cue words between them.

The patterns are data (`data/relations.json`); this module only applies them. Each relation
keeps the span of text it was read from, so that its evidence can be quoted exactly.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, replace
from functools import cache
from importlib.resources import files
from itertools import combinations

from iskg.loaders.sentences import sentence_spans


@dataclass(frozen=True)
class Named:
    """An entity named in a paragraph: where, and its top class."""

    iri: str
    top: str
    start: int
    end: int
    cls: str = ""


@dataclass(frozen=True)
class Relation:
    """A relation read from a paragraph, with the span of text it rests on."""

    subject: str
    predicate: str
    object: str
    start: int
    end: int
    method: str
    modality: str = ""
    addressee: str = ""


@dataclass(frozen=True)
class _Cue:
    modality: str
    pattern: re.Pattern[str]
    directive: bool


@dataclass(frozen=True)
class _Rule:
    predicate: str
    subject: frozenset[str]
    object: frozenset[str]
    cues: tuple[re.Pattern[str], ...]
    reverse_cues: tuple[re.Pattern[str], ...]
    not_subject: frozenset[str]

    def fits(self, subject: Named, obj: Named) -> bool:
        return subject.top in self.subject and obj.top in self.object and subject.cls not in self.not_subject


def _compile(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


@cache
def _patterns() -> tuple[dict, list[_Rule]]:
    data = json.loads(files("iskg.loaders").joinpath("data/relations.json").read_text(encoding="utf-8"))
    rules = [
        _Rule(name, frozenset(spec["subject"]), frozenset(spec["object"]), _compile(spec["cues"]),
              _compile(spec.get("reverse_cues", [])), frozenset(spec.get("not_subject", [])))
        for name, spec in data["predicates"].items()
    ]
    return data, rules


def _cued(cues: tuple[re.Pattern[str], ...], between: str) -> bool:
    return any(c.search(between) for c in cues)


def _pair_relation(text: str, first: Named, second: Named, rules: list[_Rule], max_gap: int) -> Relation | None:
    """The first rule, in data-file order, that reads a relation between two names in order.

    The cue may also open the second name ('in the fight against terrorism' may be one name).
    """
    if second.start - first.end > max_gap:
        return None
    between = text[first.end:second.end]
    for rule in rules:
        if rule.fits(first, second) and _cued(rule.cues, between):
            return Relation(first.iri, rule.predicate, second.iri, first.start, second.end, f"pattern:{rule.predicate}")
        if rule.fits(second, first) and _cued(rule.reverse_cues, between):
            return Relation(second.iri, rule.predicate, first.iri, first.start, second.end, f"pattern:{rule.predicate}")
    return None


def _masked(text: str, names: list[Named]) -> str:
    """The text with the names blanked out, so that a cue is never read inside a name
    ('Standing Committee on operational cooperation ...' says nothing about cooperating)."""
    chars = list(text)
    for n in names:
        chars[n.start:n.end] = " " * (n.end - n.start)
    return "".join(chars)


def _cooperation(text: str, lo: int, hi: int, names: list[Named], spec: dict) -> list[Relation]:
    """Actors named together in a clause of the sentence text[lo:hi] that speaks of co-operation
    cooperate with each other ('cooperation between A and B', 'A and B cooperate')."""
    cues = _compile(spec["cues"])
    masked = _masked(text, names)
    actors = [n for n in names if n.top == "Actor"]
    out = []
    for a, b in combinations(actors, 2):
        if a.iri == b.iri or b.end - a.start > spec["max_span"]:
            continue
        if _cued(cues, masked[max(lo, a.start - spec["max_span"] // 2):min(hi, b.end + spec["after"])]):
            s, o = sorted((a.iri, b.iri))
            out.append(Relation(s, "cooperatesWith", o, a.start, b.end, "pattern:cooperatesWith"))
    return out


@cache
def _modality_cues() -> tuple[_Cue, ...]:
    spec = _patterns()[0]["modality"]
    return tuple(_Cue(c["modality"], re.compile(c["pattern"], 0 if c.get("case") else re.IGNORECASE),
                      bool(c.get("directive"))) for c in spec["cues"])


def with_modality(text: str, lo: int, relation: Relation, names: list[Named]) -> Relation:
    """The relation with the force of its sentence (text[lo:...]) and who it addresses, where the text has one.

    'The Council CALLS ON the Commission to ...': modality 'calls on', addressed to the Commission;
    'Europol should support ...': modality 'should', addressed to Europol.
    """
    found = [(m.start(), cue, m) for cue in _modality_cues() for m in cue.pattern.finditer(text, lo, relation.end)]
    if not found:
        return relation
    _, cue, m = max(found, key=lambda f: f[0])
    addressee = ""
    if cue.directive:
        window = _patterns()[0]["modality"]["addressee_window"]
        after = sorted((n for n in names if n.top == "Actor" and m.end() <= n.start <= m.end() + window),
                       key=lambda n: n.start)
        addressee = after[0].iri if after else ""
    else:
        subject = [n for n in names if n.iri == relation.subject and n.top == "Actor" and n.end <= m.start()]
        addressee = relation.subject if subject else ""
    return replace(relation, modality=cue.modality, addressee=addressee)


def read_relations(text: str, names: list[Named]) -> list[Relation]:
    """Relations among the names of one paragraph, sentence by sentence."""
    data, rules = _patterns()
    out: list[Relation] = []
    for lo, hi in sentence_spans(text):
        inside = sorted((n for n in names if lo <= n.start and n.end <= hi), key=lambda n: (n.start, n.end))
        for first, second in combinations(inside, 2):
            # names nested in one another are not related by the words between them
            if first.iri != second.iri and first.end <= second.start:
                found = _pair_relation(text, first, second, rules, data["max_gap"])
                if found:
                    out.append(with_modality(text, lo, found, inside))
        out.extend(with_modality(text, lo, r, inside) for r in _cooperation(text, lo, hi, inside, data["cooperation"]))
    return out


def name_rule() -> dict:
    """Which predicate an instrument's own name asserts about a threat it names."""
    return _patterns()[0]["name_rule"]
