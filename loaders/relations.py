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
from itertools import combinations, takewhile

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
    reverse_frames: tuple[re.Pattern[str], ...] = ()
    reverse_gaps: tuple[re.Pattern[str], ...] = ()
    near_reverse_cues: tuple[re.Pattern[str], ...] = ()
    not_cues: tuple[re.Pattern[str], ...] = ()
    object_cues: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...] = ()
    subject_cues: tuple[tuple[str, str, tuple[re.Pattern[str], ...]], ...] = ()

    def fits(self, subject: Named, obj: Named) -> bool:
        return subject.top in self.subject and obj.top in self.object and subject.cls not in self.not_subject

    def cued(self, between: str, subject: Named, obj: Named) -> bool:
        """Whether a cue, or one for the object's top class only, or for the subject's class and the
        object's top class only, is printed in the words between."""
        return _worded(self.cues, between) \
            or any(top == obj.top and _worded(cues, between) for top, cues in self.object_cues) \
            or any((cls, top) == (subject.cls, obj.top) and _worded(cues, between)
                   for cls, top, cues in self.subject_cues)

    def reads_backwards(self, between: str, frame: str, gap: str, near: str) -> bool:
        """Whether the words read the object first: a reverse cue, frame, the whole gap, or a near
        cue in the words up to the next name (`near`)."""
        return _worded(self.reverse_cues, between) or _cued(self.reverse_frames, frame) \
            or any(g.fullmatch(gap) for g in self.reverse_gaps) or _worded(self.near_reverse_cues, near)


def _compile(patterns: list[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


@cache
def _patterns() -> tuple[dict, list[_Rule]]:
    data = json.loads(files("iskg.loaders").joinpath("data/relations.json").read_text(encoding="utf-8"))
    rules = [
        _Rule(name, frozenset(spec["subject"]), frozenset(spec["object"]), _compile(spec["cues"]),
              _compile(spec.get("reverse_cues", [])), frozenset(spec.get("not_subject", [])),
              _compile(spec.get("reverse_frames", [])), _compile(spec.get("reverse_gaps", [])),
              _compile(spec.get("near_reverse_cues", [])), _compile(spec.get("not_cues", [])),
              tuple((top, _compile(cues)) for top, cues in sorted(spec.get("object_cues", {}).items())),
              tuple((cls, top, _compile(cues)) for cls, by_top in sorted(spec.get("subject_cues", {}).items())
                    for top, cues in sorted(by_top.items())))
        for name, spec in data["predicates"].items()
    ]
    return data, rules


def _cued(cues: tuple[re.Pattern[str], ...], between: str) -> bool:
    return any(c.search(between) for c in cues)


def _worded(cues: tuple[re.Pattern[str], ...], text: str) -> bool:
    """Whether a cue is printed in the text as a word of the sentence: a cue in title case ('the
    EU Strategy for Combating Radicalisation') is a word of a name, even one not known as a name."""
    return any(not (m.group()[:1].isupper() and not m.group().isupper()) for c in cues for m in c.finditer(text))


def _pair_relation(text: str, lo: int, first: Named, second: Named, inside: list[Named],
                   rules: list[_Rule], data: dict) -> Relation | None:
    """The first rule, in data-file order, that reads a relation between two names in order.

    The cue may also open the second name ('in the fight against terrorism' may be one name), unless
    another rule's cue is printed before it.
    A 'frame' also sees the words before the first name ('based on @ include'); a 'gap' must be all
    the words between the two ('disasters, such as floods'). No relation is read
    across a verb by which the issuing body speaks ('the Council URGES ...'), nor past a closer name
    of the same kind that the cue belongs to (see `_closer`).
    """
    if second.start - first.end > data["max_gap"]:
        return None
    masked = _masked(text, inside)
    if _cued(_blockers(), masked[first.end:second.start]):
        return None
    # a clause with a subject of its own comes between ('Frontex should …, and border guards should use …')
    new_subject = _cued(_new_subjects(), masked[first.end:second.start])
    between = text[first.end:second.end]
    forward_between = _forward_words(text, masked, first, second, _clause_end(masked, first.end, second.start))
    frame = masked[max(lo, first.start - data["frame_window"]):first.start] + "@" + between
    near = _near(text, first, second, inside)
    inner = _inside_clause(masked, lo, first, second.start) or _adjunct(masked, lo, first, second)
    # a cue that only opens the second name ('support the coordination of investigations') gives way
    # to one printed right before it, past any other name
    before_name = masked[max((n.end for n in inside if first.end <= n.start and n.end <= second.start),
                             default=first.end):second.start]

    def cued_before() -> bool:
        return any(r.fits(first, second) and r.cued(before_name, first, second)
                   and not _cued(r.not_cues, forward_between) for r in rules)

    for rule in rules:
        if not inner and not new_subject and rule.fits(first, second) and rule.cued(forward_between, first, second) \
                and not _cued(rule.not_cues, forward_between) \
                and (rule.cued(before_name, first, second) or not cued_before()) \
                and not _closer(text, masked, first, second, inside, rule, forward=True):
            return _pattern_relation(first, rule.predicate, second)
        if rule.fits(second, first) and rule.reads_backwards(between, frame, masked[first.end:second.start], near) \
                and not _closer(text, masked, first, second, inside, rule, forward=False):
            return _pattern_relation(second, rule.predicate, first)
    return None


def _pattern_relation(subject: Named, predicate: str, obj: Named) -> Relation:
    """A relation a pattern read, quoted from the first of its two names to the end of the second."""
    return Relation(subject.iri, predicate, obj.iri, min(subject.start, obj.start), max(subject.end, obj.end),
                    f"pattern:{predicate}")


@cache
def _produced_rule() -> tuple[dict, tuple[re.Pattern[str], ...]]:
    spec = _patterns()[0]["produced"]
    return spec, _compile(spec["cues"])


@cache
def _recipient_frames() -> tuple[tuple[re.Pattern[str], ...], tuple[re.Pattern[str], ...]]:
    spec = _patterns()[0]["recipients"]
    return _compile(spec["before"]), _compile(spec["after"])


def _recipients(text: str, lo: int, hi: int, inside: list[Named]) -> set[Named]:
    """The actors a sentence reports to or keeps informed ('report to the European Parliament and the
    Council on the implementation of …'): they are told of what they do not do themselves."""
    masked, (before, after) = _masked(text, inside), _recipient_frames()
    out: set[Named] = set()
    for n in (n for n in inside if n.top == "Actor"):
        if any(rx.search(masked[lo:n.start]) for rx in before):
            out.update([n, *_listed_from(text, inside, n.end, True)])
        if any(rx.match(masked[n.end:hi]) for rx in after):
            out.update([n, *_listed_from(text, inside, n.start, False)])
    return out


def _produced(text: str, relations: list[Relation], names: list[Named]) -> list[Relation]:
    """The relations, with those the 'produced' rule reads as another predicate changed: an agency
    that prepares an analytical product operates it (also where the product is listed after another)."""
    spec, cues = _produced_rule()
    cls = {n.iri: n.cls for n in names}
    return [replace(r, predicate=spec["to"], method=r.method.replace(spec["from"], spec["to"]))
            if r.predicate == spec["from"] and cls.get(r.object) in spec["object_classes"]
            and cls.get(r.subject) in spec["subject_classes"] and _cued(cues, text[r.start:r.end]) else r
            for r in relations]


def _near(text: str, first: Named, second: Named, inside: list[Named]) -> str:
    """The words after `first` up to the next name, where a near reverse cue may speak of it: none
    when `first` holds a name of `second`'s kind ('coherence between the ISS and the other
    strategies, such as A': A is named as a strategy like the ISS, not as serving coherence)."""
    if any(first.start <= n.start and n.end <= first.end and n != first and n.top == second.top for n in inside):
        return ""
    return text[first.end:min((n.start for n in inside if first.end <= n.start), default=second.start)]


@cache
def _infinitive_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """The first infinitive right after the addressees, and a further one coordinated with it."""
    spec = _patterns()[0]["infinitive_chain"]
    return re.compile(spec["first"], re.IGNORECASE), re.compile(spec["later"], re.IGNORECASE)


@cache
def _enumeration() -> re.Pattern[str]:
    return re.compile(_patterns()[0]["enumeration"], re.IGNORECASE)


@cache
def _qualifier_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """'author_of' and 'attributive': what follows a name that only qualifies the noun after it."""
    data = _patterns()[0]
    return re.compile(data["author_of"]), re.compile(data["attributive"])


def names_an_author(text: str, end: int) -> bool:
    """Whether an actor's name ending at `end` names the author of the act printed after it ('the Council
    Framework Decision of …')."""
    return bool(_qualifier_patterns()[0].match(text, end))


def _modifier(text: str, name: Named) -> bool:
    """Whether the name only qualifies the noun after it: an actor as the author of an act ('the
    Council Decision of 23 June 2008'), another name as the kind of some authorities
    ('border-management authorities')."""
    author, attributive = _qualifier_patterns()
    return bool((author if name.top == "Actor" else attributive).match(text, name.end))


@cache
def _blockers() -> tuple[re.Pattern[str], ...]:
    return _compile(_patterns()[0]["blockers"])


@cache
def _support_frame_patterns() -> tuple[re.Pattern[str], ...]:
    return _compile(_patterns()[0]["support_frames"]["frames"])


@cache
def _new_subjects() -> tuple[re.Pattern[str], ...]:
    return _compile(_patterns()[0]["new_subjects"])


@cache
def _clause_openers() -> tuple[re.Pattern[str], ...]:
    return _compile(_patterns()[0]["clause_openers"])


def _closer(text: str, masked: str, first: Named, second: Named, inside: list[Named], rule: _Rule,
            forward: bool) -> bool:
    """Whether a name of the first one's kind, between the two, takes the cue instead.

    'Eurojust, which drives coordination, and Frontex, which manages operational cooperation':
    Frontex, not Eurojust, manages it. Names listed together ('eu-LISA, Europol and Frontex ... to
    achieve') share the cue; so do the items of a longer list ('the Visa Code, further development
    of the SIS ... will contribute to'): the closer name takes the cue only past a relative clause,
    or when the cue is in its own complement ('Directive A on X and Directive B on combating Y').
    """
    for m in inside:
        if not (first.end <= m.start and m.end <= second.start) or m.top != first.top or m.iri == first.iri:
            continue
        words = text[m.end:second.end]
        takes = any(r.fits(m, second) and r.cued(words, m, second) for r in _patterns()[1]) if forward \
            else rule.fits(second, m) and _worded(rule.reverse_cues, words)
        own, tops = _own_complement()
        if takes and (_cued(_clause_openers(), masked[first.end:m.start])
                      or (m.top in tops and own.fullmatch(masked[m.end:second.start]))):
            return True
    return False


@cache
def _own_complement() -> tuple[re.Pattern[str], frozenset[str]]:
    spec = _patterns()[0]["own_complement"]
    return re.compile(spec["pattern"], re.IGNORECASE), frozenset(spec["tops"])


def _clause_end(masked: str, start: int, limit: int) -> int:
    """Where a relative clause opened right after a name ends ('Europol, which drives X, and Frontex'),
    if it ends before `limit`: its cue then speaks of what lies inside the clause only; else `start`."""
    opened = re.match(r"\s*,\s*", masked[start:limit])
    if not opened or not any(c.match(masked, start + opened.end()) for c in _clause_openers()):
        return start
    close = re.compile(r"[,;]").search(masked, start + opened.end(), limit)
    return close.end() if close else start


def _adjunct(masked: str, lo: int, first: Named, second: Named) -> bool:
    """Whether `first` is no subject of what follows it: the frame of a participle before it
    ('capacities developed under the previous ISS to continue enhancing X'; a passive's agent, 'the
    role played by Europol in supporting X', is one), a name another phrase is coordinated with
    ('partners such as Interpol and a renewed focus on countering X'), or one followed by a relative
    clause on another noun ('the ISS should contribute to a Union that respects X')."""
    before, after = _adjunct_patterns()
    return bool(before.search(masked, lo, first.start) or after.search(masked, first.end, second.start))


@cache
def _adjunct_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Compiled once: `_adjunct` runs for every pair of names in every sentence."""
    data = _patterns()[0]
    return (re.compile(data["adjunct_before"] + r"\s*$", re.IGNORECASE),
            re.compile(data["coordinated_after"], re.IGNORECASE))


def _forward_words(text: str, masked: str, name: Named, second: Named, start: int) -> str:
    """The words a cue is read in, from `start` up to `second`: none after a possessive name when
    something (outside a name) is coordinated with the noun phrase it owns before `second` ('the policy cycle's
    priorities as well as cooperation on addressing X'); 'the Commission's intention to develop X'
    keeps them."""
    words = text[start:second.end]
    if not re.search(_patterns()[0]["possessive"], text[max(0, name.end - 2):name.end + 2]):
        return words
    scope = re.compile(_patterns()[0]["possessive_scope"], re.IGNORECASE)
    return "" if scope.search(masked, start, second.start) else words


def _inside_clause(masked: str, lo: int, name: Named, limit: int) -> bool:
    """Whether `name` is named inside a relative or parenthetical clause ('COSI, as established by
    Article 71 TFEU, in ensuring that ...') that closes before `limit`: a cue past the clause speaks
    of the name the clause hangs on, not of those inside it."""
    comma = masked.rfind(",", lo, name.start)
    opened = re.compile(r",\s*").match(masked, comma) if comma >= 0 else None
    if not opened or not any(c.match(masked, opened.end()) for c in _clause_openers()):
        return False
    return re.compile(r"[,;]").search(masked, name.end, limit) is not None


def _enclosed(name: Named, other: Named, inside: list[Named]) -> bool:
    """Whether `name` lies within a proper name (of a class in 'opaque_names') other than `other`:
    the names inside 'EU Strategy for Combating Radicalisation' relate through the name itself, not
    to its neighbours nor to each other ('UN Protocol against the Smuggling of Migrants' says nothing
    of what the UN addresses); those inside a phrase ('the fight against cybercrime') do."""
    opaque = set(_patterns()[0]["opaque_names"])
    return any(n.top in opaque and n.start <= name.start and name.end <= n.end
               and (n.start, n.end) != (name.start, name.end) and n != other for n in inside)


def _masked(text: str, names: list[Named]) -> str:
    """The text with the names blanked out, so that a cue is never read inside a name
    ('Standing Committee on operational cooperation ...' says nothing about cooperating)."""
    chars = list(text)
    for n in names:
        chars[n.start:n.end] = " " * (n.end - n.start)
    return "".join(chars)


def _cooperation(text: str, lo: int, hi: int, names: list[Named], spec: dict) -> list[Relation]:
    """Actors named together in a clause of the sentence text[lo:hi] that speaks of co-operation
    cooperate with each other ('cooperation between A and B', 'A and B cooperate', 'A cooperates
    with B'): the words between them are an enumeration or hold the cue themselves, so that an
    actor named after the list ('(A, B) must be ensured by C') is not drawn in, nor one named
    before a passive's agents ('A met at a conference jointly organised by B and C'). The actors
    listed after 'with' ('closer cooperation with A and B') are partners of someone else, not of
    each other."""
    cues, agents, partners = _compile(spec["cues"]), _compile(spec["passive_agent"]), _compile(spec["partners_of"])
    masked = _masked(text, names)
    actors = [n for n in names if n.top == "Actor"]
    out = []
    for a, b in combinations(actors, 2):
        if a.iri == b.iri or b.end - a.start > spec["max_span"] or _enclosed(a, b, names) or _enclosed(b, a, names):
            continue
        gap = masked[a.end:b.start]
        listed = _lists(gap, spec)
        # the issuing body's verb in capitals ('…, and INVITES the Presidencies') parts the actors
        spoken = any(m.group().isupper() for c in _blockers() for m in c.finditer(gap))
        # the list is read from its first actor on ('with the United Nations Office on Drugs and Crime
        # (UNODC), the World Health Organization …': UNODC and WHO are both partners of another)
        head = ([*_listed_from(masked, actors, a.start, False), a])[0]
        if not (listed or _cued(cues, gap)) or _cued(agents, gap) or spoken \
                or (listed and _cued(partners, masked[lo:head.start])):
            continue
        # a partner is named in a list right after 'cooperation with' ('A will report, in close
        # cooperation with the EEAS, to B': B is no partner of A; 'A cooperates with B on X and with C': C is)
        if any(re.match(spec["with"], gap[m.end():]) for c in cues for m in c.finditer(gap)):
            last_with = max(m.end() for m in re.finditer(spec["with_word"], gap))
            if not _lists(re.sub(spec["with_list"], " ", gap[last_with:], flags=re.IGNORECASE), spec):
                continue
        # an actor governed by a preposition, a clause before the cue, is no partner ('speaks with one voice in
        # the CND, and strengthen cooperation with UNODC')
        if re.search(spec["next_clause"], gap) and re.search(spec["governed"], masked[lo:a.start]):
            continue
        # the cue may follow the list the second actor ends ('A, B and C to strengthen their cooperation')
        last = ([b, *_listed_from(masked, actors, b.end, True)])[-1]
        if _cued(cues, masked[max(lo, a.start - spec["max_span"] // 2):min(hi, last.end + spec["after"])]):
            s, o = sorted((a.iri, b.iri))
            out.append(Relation(s, "cooperatesWith", o, a.start, b.end, "pattern:cooperatesWith"))
    return out


def _lists(gap: str, spec: dict) -> bool:
    """Whether the words between two actors only list them (a 'group' they detail counts as listed)."""
    return _enumeration().fullmatch(re.sub(spec["group"], " ", gap, flags=re.IGNORECASE)) is not None


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
        addressees = [n.iri for n in _addressees(text, m.end(), names)]
        # of several actors addressed together ('CALLS ON Europol, Eurojust and ENISA to …'), each is
        # addressed in what it is to do
        addressee = relation.subject if relation.subject in addressees else addressees[0] if addressees else ""
    else:
        subject = [n for n in names if n.iri == relation.subject and n.top == "Actor" and n.end <= m.start()]
        addressee = relation.subject if subject else ""
    return replace(relation, modality=cue.modality, addressee=addressee)


def _addressees(text: str, cue_end: int, names: list[Named]) -> list[Named]:
    """The actors a directive cue addresses: the first one right after it, and those listed with it."""
    window = _patterns()[0]["modality"]["addressee_window"]
    after = sorted((n for n in names if n.top == "Actor" and cue_end <= n.start <= cue_end + window),
                   key=lambda n: n.start)
    out = after[:1]
    masked = _masked(text, names) if len(after) > 1 else text
    for n in after[1:]:
        if n.start >= out[-1].end and _enumeration().fullmatch(masked[out[-1].end:n.start]):
            out.append(n)
        elif n.start >= out[-1].end:
            break
    return out


def _addressed_again(text: str, lo: int, hi: int, names: list[Named]) -> dict[Named, tuple[Named, int]]:
    """The actors a directive cue addresses, standing again at each further infinitive of what they
    are asked to do ('INVITES COSI to develop the MASPs, to coordinate … the OAPs and to report …'),
    so that the pair rules read each infinitive with them as its subject; mapped to the name printed
    and to where that infinitive ends (the next one)."""
    first, later = _infinitive_patterns()
    out: dict[Named, tuple[Named, int]] = {}
    for cue in _modality_cues():
        if not cue.directive:
            continue
        for m in cue.pattern.finditer(text, lo, hi):
            addressed = _addressees(text, m.end(), names)
            start = first.match(text, addressed[-1].end) if addressed else None
            if not start:
                continue
            end = min((own.start() for rx in _new_subjects() if (own := rx.search(text, start.end(), hi))), default=hi)
            chain = list(later.finditer(text, start.end(), end))
            # a chain closes with 'and to …'; a lone ', to …' is a purpose ('…, to prevent terrorism')
            closed = max((i for i, again in enumerate(chain) if again.group("joint")), default=-1)
            chain = chain[:closed + 1]
            if not chain:
                continue
            for again, after in zip(chain, [*(c.start() for c in chain[1:]), end], strict=True):
                out.update({replace(a, start=again.start("to"), end=again.end("to")): (a, after) for a in addressed})
    return out


def _conjunct_relations(text: str, found: Relation, second: Named, inside: list[Named]) -> list[Relation]:
    """The relation read up to `second` holds for the names listed right after it too, however far
    the list runs ('... as well as promoting joint investigation teams and joint patrols'); a name
    inside a listed name ('the Council Decision of ...') neither joins nor ends the list."""
    masked = _masked(text, inside)
    out, last = [], second
    for n in (n for n in inside if n.start >= second.end):
        if n.start < last.end or _nested(n, inside):
            continue
        if n.top != second.top or not _enumeration().fullmatch(masked[last.end:n.start]):
            break
        subject, obj = (found.subject, n.iri) if found.object == second.iri else (n.iri, found.object)
        if subject != obj:
            out.append(replace(found, subject=subject, object=obj, end=n.end))
        last = n
    return out


def _nested(name: Named, inside: list[Named]) -> bool:
    """Whether `name` lies inside a longer name."""
    return any(n.start <= name.start and name.end <= n.end and (n.start, n.end) != (name.start, name.end)
               for n in inside)


def _compounds(text: str, names: list[Named]) -> list[Relation]:
    """What a name printed right before another says of it ('the Frontex Standing Corps': Frontex
    operates the Standing Corps), by the 'compound' rule; such a first name qualifies the second
    and takes part in nothing else. A possessive ('Europol's SIENA') says the same, but its name
    goes on taking part in the sentence's relations."""
    spec = _patterns()[0]["compound"]
    out = []
    for a in names:
        b = min((n for n in names if n.start > a.end and not _nested(n, names)), key=lambda n: n.start, default=None)
        if b and a.top in spec["subject"] and b.top in spec["object"] and not _nested(a, names) \
                and "\n" not in text[a.end:b.start]:
            gap = text[a.end:b.start]
            owned = re.search(spec["possessive_end"], text[a.start:a.end])
            kind = "compound" if gap.isspace() and not owned and b.cls in spec["object_classes"] else \
                "possessive" if re.fullmatch(spec["possessive_gap"], (owned.group(0) if owned else "") + gap) \
                and _owns(a, b, spec) else ""
            if kind:
                out.append(Relation(a.iri, spec["predicate"], b.iri, a.start, b.end, f"{kind}:{spec['predicate']}"))
        if b and a.top in spec["object"] and b.top in spec["subject"] and a.cls in spec["of_possessed"] \
                and re.fullmatch(spec["of_gap"], text[a.end:b.start]) and _owns(b, a, spec):
            out.append(Relation(b.iri, spec["predicate"], a.iri, a.start, b.end, f"possessive:{spec['predicate']}"))
        # the owner's possessive read as the start of the product's name ("Europol's Secure Information
        # Exchange Network Application", a known name)
        outer = next((n for n in names if n.start == a.start and n.end > a.end and n.top in spec["object"]), None)
        if outer and a.top in spec["subject"] and re.search(spec["possessive_end"], text[a.start:a.end]) \
                and _owns(a, outer, spec):
            out.append(Relation(a.iri, spec["predicate"], outer.iri, a.start, outer.end,
                                f"possessive:{spec['predicate']}"))
    return out


def _owns(owner: Named, product: Named, spec: dict) -> bool:
    """Whether a possessive of `owner` before `product` (or an 'of' complement after it) asserts the
    compound's predicate, by the 'possessed' classes and their owners."""
    return product.cls in spec["possessed"] and owner.cls in (spec["possessed"][product.cls] or [owner.cls])


def _listed_from(text: str, names: list[Named], at: int, forward: bool) -> list[Named]:
    """The names listed together from `at` on (or back from it), only enumeration words between."""
    enumeration, out = _enumeration(), []
    ordered = names if forward else names[::-1]
    for name in ordered:
        if (name.start < at) if forward else (name.end > at):
            continue
        gap = text[at:name.start] if forward else text[name.end:at]
        if not enumeration.fullmatch(gap):
            break
        out.append(name)
        at = name.end if forward else name.start
    return out if forward else out[::-1]


def _worked_on(text: str, lo: int, inside: list[Named], at: int) -> list[Named]:
    """What a frame at `at` attaches to before it: the last name of the clause before it that is no
    actor (with those listed with it), if no actor comes between ('use of joint investigation teams
    set up at short notice, with the support of …'); the actor before would be the clause's doer."""
    before = [n for n in inside if lo <= n.start and n.end <= at]
    if not before or before[-1].top == "Actor":
        return []
    last = before[-1]
    return [*_listed_from(text, before, last.start, False), last]


def _support_frames(text: str, lo: int, hi: int, inside: list[Named],
                    rule: _Rule) -> tuple[list[Relation], str, list[Named]]:
    """Relations the 'with the support of A and B' frames of a sentence state, the text with the
    frames' words blanked, so that they are no cue for the names around them, and the actors of the
    frames that support something, who take part in nothing else the sentence says."""
    out, blanked, supporters = [], text, []
    for frame in (m for p in _support_frame_patterns() for m in p.finditer(text, lo, hi)):
        if not any(frame.start() >= n.start and frame.end() <= n.end for n in inside):
            blanked = blanked[:frame.start()] + " " * (frame.end() - frame.start()) + blanked[frame.end():]
        actors = [n for n in _listed_from(text, inside, frame.end(), True) if n.top == "Actor"]
        if not actors:
            continue
        worked_on = _worked_on(text, lo, inside, frame.start()) or _listed_from(text, inside, actors[-1].end, True)
        worked_on = [n for n in worked_on if rule.fits(actors[0], n)]
        supporters += actors if worked_on else []
        out += [Relation(a.iri, rule.predicate, o.iri, min(a.start, o.start), max(a.end, o.end),
                         f"pattern:{rule.predicate}") for a in actors for o in worked_on]
    return out, blanked, supporters


def read_relations(text: str, names: list[Named]) -> list[Relation]:
    """Relations among the names of one paragraph, sentence by sentence. A name that only qualifies
    the noun after it (see `_modifier`) takes part in none."""
    data, rules = _patterns()
    names = [n for n in names if not _modifier(text, n)]
    compounds = _compounds(text, names)
    owners = {(r.start, r.subject) for r in compounds}
    names = [n for n in names if (n.start, n.iri) not in owners]
    out: list[Relation] = list(compounds)
    spans = sentence_spans(text)
    names = names + _anaphors(text, names, spans, data["anaphora"])
    supports = next(r for r in rules if r.predicate == data["support_frames"]["predicate"])
    for lo, hi in spans:
        inside = sorted((n for n in names if lo <= n.start and n.end <= hi), key=lambda n: (n.start, n.end))
        supported, cue_text, supporters = _support_frames(text, lo, hi, inside, supports)
        out.extend(with_modality(text, lo, r, inside) for r in supported)
        again = _addressed_again(text, lo, hi, [n for n in inside if n not in supporters])
        pairing = sorted([n for n in inside if n not in supporters] + list(again), key=lambda n: (n.start, n.end))
        recipients = _recipients(text, lo, hi, pairing)
        for first, second in combinations(pairing, 2):
            # names nested in one another are not related by the words between them
            if first.iri != second.iri and first.end <= second.start and second not in again \
                    and not (first in again and second.end > again[first][1]) \
                    and not _enclosed(first, second, inside) and not _enclosed(second, first, inside):
                found = _pair_relation(cue_text, lo, first, second, pairing, rules, data)
                if found and any(n.iri == found.subject for n in (first, second) if n in recipients):
                    found = None
                if found and first in again:
                    # the addressee is the subject; the quote runs from where it is printed
                    found = replace(found, start=again[first][0].start) if found.subject == first.iri else None
                if found:
                    out.extend(with_modality(text, lo, r, inside)
                               for r in (found, *_conjunct_relations(text, found, second, inside)))
        out.extend(with_modality(text, lo, r, inside) for r in _cooperation(text, lo, hi, inside, data["cooperation"]))
    return _produced(text, out, names)


def read_row_relations(text: str, head_end: int, names: list[Named]) -> list[Relation]:
    """What a table's row says: the names in its other cells stand in the 'table_rows' predicate to
    the one name its first cell (text[:head_end]) holds, when that is of the rule's 'heads' classes."""
    spec = _patterns()[0]["table_rows"]
    head = [n for n in names if n.end <= head_end and not _nested(n, names)]
    if len(head) != 1 or head[0].top not in spec["heads"] or text[:head[0].start].strip(spec["cell_marks"]) \
            or text[head[0].end:head_end].strip(spec["cell_marks"] + "."):
        return []
    return [Relation(n.iri, spec["predicate"], head[0].iri, head[0].start, n.end, f"table:{spec['predicate']}")
            for n in names if n.start >= head_end and n.top in spec["members"] and not _nested(n, names)]


def _anaphors(text: str, names: list[Named], spans: list[tuple[int, int]], spec: dict) -> list[Named]:
    """The guideline or objective the first sentence names, standing where a later sentence points
    back at it ('… in this regard'), so that the pair rules read that sentence's relations to it."""
    if len(spans) < 2:
        return []
    first_lo, first_hi = spans[0]
    topic = next((n for n in sorted(names, key=lambda n: n.start)
                  if n.top in spec["topics"] and first_lo <= n.start and n.end <= first_hi), None)
    if topic is None:
        return []
    return [replace(topic, start=m.start(), end=m.end()) for rx in _compile(spec["phrases"])
            for m in rx.finditer(text, spans[1][0])]


def name_rule() -> dict:
    """Which predicate an instrument's own name asserts about a threat it names."""
    return _patterns()[0]["name_rule"]


@dataclass(frozen=True)
class Listed:
    """A paragraph as the list rules see it (text, whether it is a list item, names), so that this
    module reads relations without depending on the document model of `read`."""

    text: str
    item: bool
    names: list[Named]


def read_list_relations(paragraphs: list[Listed]) -> list[tuple[int, Relation]]:
    """Relations a paragraph that opens a list states about the list's items (the paragraphs after
    it that are items, up to the next such opener), each with the position of the paragraph its
    evidence is quoted from.

    'X, promoted by' + items: the actors and instruments the items name serve X (quoted from the
    item, up to the name). 'these milestones should be achieved by A, B and C ...:' + items: each
    agent serves the objective or guideline an item opens with (quoted from the item, with the
    modality of the opener and the agent it addresses).
    """
    spec = _patterns()[0]["lists"]
    means, agents = _compile(spec["means_frames"]), _compile(spec["agent_frames"])
    serves = next(r for r in _patterns()[1] if r.predicate == spec["predicate"])
    out: list[tuple[int, Relation]] = []
    for i, frame in enumerate(paragraphs):
        goal = _goal_before(frame, means, serves)
        doers = _agents(frame, agents, serves)
        if not goal and not doers:
            continue
        for j in range(i + 1, len(paragraphs)):
            item = paragraphs[j]
            if not item.item or _goal_before(item, means, serves):
                break
            if goal:
                out.extend((j, Relation(n.iri, serves.predicate, goal.iri, 0, n.end, f"list:{serves.predicate}"))
                           for n in item.names if serves.fits(n, goal) and not _nested(n, item.names))
            opening = _opening_name(item, spec["opening"])
            for doer in doers:
                if opening and serves.fits(doer, opening):
                    rel = Relation(doer.iri, serves.predicate, opening.iri, opening.start, opening.end,
                                   f"list:{serves.predicate}")
                    out.append((j, _with_modality_of(frame, doer, rel)))
    return out


def _goal_before(para: Listed, means: tuple[re.Pattern[str], ...], rule: _Rule) -> Named | None:
    """The name an opener 'X, promoted by' or 'X will be pursued through:' ends on, if the
    paragraph is one."""
    masked = _masked(para.text, para.names)
    m = next((m for p in means if (m := p.search(masked))), None)
    if not m:
        return None
    gap = re.compile(_patterns()[0]["lists"]["goal_gap"], re.IGNORECASE)
    before = [n for n in para.names if n.end <= m.start() and gap.fullmatch(masked[n.end:m.start()])
              and n.top in rule.object]
    return before[-1] if before else None


def _agents(para: Listed, frames: tuple[re.Pattern[str], ...], rule: _Rule) -> list[Named]:
    """The actors an opener names as the agents of what its list holds ('should be achieved by A,
    B and C ...:'), listed right after an agent frame, in a paragraph that ends opening a list."""
    if not para.text.rstrip().endswith(":"):
        return []
    masked = _masked(para.text, para.names)
    for frame in frames:
        for m in frame.finditer(masked):
            listed = _listed_from(masked, sorted(para.names, key=lambda n: n.start), m.end(), True)
            if out := list(takewhile(lambda n: n.top in rule.subject, listed)):
                return out
    return []


def _opening_name(item: Listed, opening: str) -> Named | None:
    """The name an item opens with (only the words of 'opening' before it), if any."""
    masked = _masked(item.text, item.names)
    first = sorted(item.names, key=lambda n: (n.start, -n.end))
    return next((n for n in first if re.fullmatch(opening, masked[:n.start], re.IGNORECASE)), None)


def _with_modality_of(frame: Listed, doer: Named, relation: Relation) -> Relation:
    """The relation with the modality the opener states before its agent; a modal verb of a passive
    ('should be achieved by A') is addressed to the agent."""
    said = with_modality(frame.text, 0, replace(relation, start=doer.start, end=doer.start), frame.names)
    return replace(relation, modality=said.modality, addressee=said.addressee or (doer.iri if said.modality else ""))
