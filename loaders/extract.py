"""Entities and relations found in documents: the reference vocabulary first, then discovery.

`Extractor.learn` reads every document once for names the texts define (so an acronym defined
in one text is known in all), `Extractor.extract` then finds mentions and relations per document.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from iskg.loaders.discovery import (
    Definition,
    find_definitions,
    find_listed_actors,
    find_names,
    find_principles,
    find_threat_objects,
    find_threat_phrases,
    head_end,
    principle_of,
)
from iskg.loaders.enumerations import find_enumerated
from iskg.loaders.instrument_phrases import find_described_instruments, find_quoted_titles, quoted_title_openers
from iskg.loaders.iris import entity_iri
from iskg.loaders.matcher import Match, Matcher
from iskg.loaders.metadata import header_number_spans, number_spans
from iskg.loaders.model import Document, Paragraph
from iskg.loaders.references import descriptions
from iskg.loaders.relations import (
    Listed,
    Named,
    Relation,
    name_rule,
    names_an_author,
    read_list_relations,
    read_relations,
    read_row_relations,
)
from iskg.loaders.structure import (
    coordinated_actions,
    guideline_sections,
    heading_name,
    is_clause,
    listed,
    objective_headings,
    printed_item,
    pursued,
    stating_clauses,
)
from iskg.loaders.surface_forms import label_variants, printed_forms
from iskg.loaders.tokens import Token, tokenize
from iskg.loaders.vocabulary import Entity, load_vocabulary, top_class_map
from iskg.loaders.vocabulary_heads import learned_heads

# a name joining several ('tolerance, respect and freedom of expression') names each of them too; the slashes
# of a document number ('2008/617/JHA') join nothing
_COORDINATION = re.compile(r",|\band\b|\bor\b|&|(?<![0-9])/(?![0-9])")
_WORDED = re.compile(r"[^\W\d_]{2}")  # a word of two letters or more
# a name inside a known longer one that goes on with a complement is that name's head ('Commission on Narcotic
# Drugs'); inside a discovered one, it is the name the discovery read too far ('Counter Terrorism Group of …')
_HEAD_OF = re.compile(r"\s+(?:of|on|for|against|in|to)\b")
# classes whose vocabulary entries count only where some text states them as such (or established)
_STATED_CLASSES = ("StrategicGuideline", "StrategicObjective")


@dataclass(frozen=True)
class Mention:
    """An entity named in a paragraph (or, `in_heading`, in the heading of section `paragraph`; or,
    `in_header`, in block `paragraph` of the header), with the words as printed."""

    paragraph: int
    iri: str
    start: int
    end: int
    quote: str
    method: str
    added: bool = False
    in_heading: bool = False
    in_header: bool = False


@dataclass(frozen=True)
class RelationMention:
    """A relation read from a paragraph, with the quoted words it rests on."""

    paragraph: int
    relation: Relation
    quote: str
    added: bool = False


def _inside(spans: list[tuple[int, int]], m: Match) -> bool:
    return any(s <= m.start and m.end <= e for s, e in spans)


def in_added_text(para: Paragraph, start: int, end: int) -> bool:
    """Whether text[start:end] lies, at least in part, in words the draft marks as added."""
    return any(r.kind == "added" and r.start < end and start < r.end for r in para.revisions)


def _relations_before_insertions(para: Paragraph, named: list[Named]) -> set[tuple[str, str, str]]:
    """The triples the paragraph states without the words a draft adds: a relation these do not
    carry ('URGES Europol [added: and Eurojust] to support …' for Europol) is no addition."""
    inserted = sorted((r.start, r.end) for r in para.revisions if r.kind == "added")
    if not inserted:
        return set()
    pieces, kept, pos = [], [], 0
    for start, end in inserted:
        pieces.append(para.text[pos:start])
        pos = end
    pieces.append(para.text[pos:])

    def moved(offset: int) -> int:
        return offset - sum(e - s for s, e in inserted if e <= offset)

    for n in named:
        if not any(s < n.end and n.start < e for s, e in inserted):
            kept.append(replace(n, start=moved(n.start), end=moved(n.end)))
    return {(r.subject, r.predicate, r.object) for r in read_relations("".join(pieces), kept)}


@dataclass
class Extraction:
    """What one document yields."""

    document: Document
    mentions: list[Mention] = field(default_factory=list)
    relations: list[RelationMention] = field(default_factory=list)


def _shortened(name: Definition, named: list[Definition]) -> Definition | None:
    """The name printed earlier in the paragraph that `name` is the start of, up to its head: the
    full name of which it is a short form."""
    if name not in named:
        return None
    return next((n for n in named if n.start < name.start and n.cls == name.cls
                 and n.long_form.startswith(name.long_form + " ")), None)


class Extractor:
    """Finds entities and relations; holds the vocabulary grown by what the texts define."""

    def __init__(self, entities: dict[str, Entity], class_tops: dict[str, str]) -> None:
        self.entities = {iri: replace(e, alt_labels=list(e.alt_labels)) for iri, e in entities.items()}
        self._tops = class_tops
        self._heads = learned_heads(self.entities.values())
        self._matcher = self._build_matcher()

    @classmethod
    def default(cls) -> Extractor:
        """An extractor over the packaged reference vocabulary."""
        from rdflib import Graph

        from iskg.ontology import ontology_path

        return cls(load_vocabulary(), top_class_map(Graph().parse(ontology_path(), format="turtle")))

    def _build_matcher(self) -> Matcher:
        matcher = Matcher()
        for iri, entity in sorted(self.entities.items()):
            matcher.add_all((form, iri) for label in entity.labels for form in (label, *label_variants(label)))
        return matcher

    def _whole_match(self, text: str) -> str | None:
        """The entity whose name is exactly `text`, if any."""
        found = self._matcher.find(text)
        if len(found) == 1 and found[0].start == 0 and found[0].end == len(text.rstrip()):
            return found[0].iri
        return None

    def learn(self, documents: list[Document]) -> None:
        """Grow the vocabulary with names the texts define: new entities and new aliases."""
        for doc in documents:
            for para in doc.paragraphs:
                for d in find_definitions(para.text):
                    long_iri, short_iri = self._whole_match(d.long_form), self._whole_match(d.acronym)
                    # a long form of another kind ('… Service (HES)' for a system HES) is another meaning
                    known = self.entities[short_iri] if short_iri else None
                    same_kind = known is not None and self._tops.get(d.cls or "", known.top) == known.top
                    if long_iri and not short_iri:
                        self._alias(long_iri, d.acronym)
                    elif short_iri and not long_iri and not known.discovered and same_kind:
                        self._alias(short_iri, d.long_form)
                        self._matcher.add(d.long_form, short_iri)
                    elif short_iri and not long_iri and d.cls in self._tops:
                        # an acronym another text expanded otherwise keeps its first meaning
                        self._discover(d.long_form, "", d.cls)
                    elif not long_iri and not short_iri and d.cls in self._tops:
                        self._discover(d.long_form, d.acronym, d.cls)
                known = self._matcher.find(para.text)
                quoted = [q for q in find_quoted_titles(para.text) if not self._titles_known(para.text, q, known)]
                named = [d for d in [*find_names(para.text, self._heads),
                                     *find_described_instruments(para.text, [(k.start, k.end) for k in known])]
                         if not any(q.start <= d.start and d.end <= q.end for q in quoted)] + quoted
                phrases = find_threat_phrases(para.text)
                fought, principles = find_threat_objects(para.text), find_principles(para.text)
                for d in [*named, *find_enumerated(para.text), *phrases, *principles, *fought,
                          *find_listed_actors(para.text)]:
                    overlaps = any(k.start < d.end and d.start < k.end and self._blocks(k, d)
                                   and not self._holds(k, d, named, phrases) for k in known)
                    if overlaps or d.cls not in self._tops:
                        continue
                    if (longer := _shortened(d, named)) is not None:
                        # 'the Council of Europe Convention' after 'the Council of Europe Convention on
                        # Action against Trafficking in Human Beings' is that convention, named short
                        iri = self._discover(longer.long_form, longer.acronym, longer.cls)
                        self._alias(iri, d.long_form)
                        self._matcher.add(d.long_form, iri)
                    else:
                        self._discover(d.long_form, d.acronym, d.cls)
                self._learn_principle_names(para.text, known, principles)
                self._learn_forms(para.text)
        for doc in documents:
            for para in doc.paragraphs:
                self._learn_objectives(para.text)
            for section in guideline_sections(doc):
                self._learn_guideline(heading_name(section.title)[1])
            for section, start in objective_headings(doc):
                if (name := section.title[start:].rstrip(" .:;")) and not is_clause(name):
                    self._learn_listed_objective(name)
            texts = {p.index: p.text for p in doc.paragraphs}
            for item in listed(doc):
                name = texts[item.paragraph][item.start:item.end]
                if item.cls == "StrategicGuideline":
                    self._learn_guideline(name)
                elif item.cls == "StrategicObjective" and not is_clause(name):
                    self._learn_listed_objective(name, printed_item(texts[item.paragraph], item))
        self._matcher = self._build_matcher()

    def _titles_known(self, text: str, title: Definition, known: list[Match]) -> bool:
        """Whether a quoted title opens with the name of a known instrument ('Draft Internal Security
        Strategy for the European Union: …'): it is that instrument's title, not a new instrument."""
        starts, openers = [title.start], quoted_title_openers()
        while (word := text[starts[-1]:title.end].split(" ", 1)[0]).lower() in openers:
            starts.append(starts[-1] + len(word) + 1)
        return any(k.start in starts and self.entities[k.iri].top == "Instrument" for k in known)

    def _blocks(self, known: Match, found: Definition) -> bool:
        """Whether a known name overlapping a found one keeps it from being new: an objective is a
        phrase about other things ('prevention of crime and disasters'), so only a known objective,
        or a name covering it whole, does."""
        if found.cls != "StrategicObjective":
            return True
        whole = known.start <= found.start and found.end <= known.end
        return whole or self.entities[known.iri].top == "StrategicObjective"

    def _holds(self, known: Match, found: Definition, named: list[Definition], phrases: list[Definition]) -> bool:
        """Whether a found name is new although it holds a known one: a proper name may hold a known
        name before its head ('EU Security Union Strategy'), one after its head ('Action Plan for the
        implementation of the Stockholm Programme') or one of another class ('Charter of Fundamental
        Rights'); a kind of crime may narrow a known threat ('document fraud')."""
        inside = found.start <= known.start and known.end <= found.end \
            and (known.start, known.end) != (found.start, found.end)
        if not inside:
            return False
        top = self.entities[known.iri].top
        if found in named:
            return known.end < found.end or known.start >= head_end(found) or top != self._tops.get(found.cls or "")
        return found in phrases and top == "Threat"

    def _learn_principle_names(self, text: str, known: list[Match], principles: list[Definition]) -> None:
        """'The principle of X' names principle X: X is a label of the known principle it ends
        ('the principles of mutual recognition …' names mutual recognition)."""
        for d in principles:
            for k in known:
                if k.end == d.end and k.start < d.start and self.entities[k.iri].top == "Principle" \
                        and principle_of(text[k.start:d.start]) and self._whole_match(d.long_form) is None:
                    self._alias(k.iri, d.long_form)
                    self._matcher.add(d.long_form, k.iri)

    def _learn_objectives(self, text: str) -> None:
        """The known objectives a clause of `text` states as objectives are stated (read once every
        name is known, so that an objective's name inside a longer name is not read as one)."""
        spans = stating_clauses(text, "StrategicObjective")
        for m in self._matcher.find(text) if spans else []:
            entity = self.entities[m.iri]
            if entity.top == "StrategicObjective" and any(lo <= m.start < hi for lo, hi in spans):
                entity.stated = True

    def _learn_listed_objective(self, name: str, printed: str = "") -> None:
        """A name a list states as an objective: the known objective it is, else a new one, though it
        holds known ones ('preventing and fighting cybercrime'), unless it is wholly the name of
        something else. A new one's `printed` item, whole, is one of its labels too (its mentions
        stay on the name)."""
        whole = self._whole_match(name)
        if whole is not None and self.entities[whole].top == "StrategicObjective":
            self.entities[whole].stated = True
        elif whole is None:
            iri = self._discover(name, "", "StrategicObjective")
            for label in (printed, pursued(name)) if iri else ():
                if label and label != name:
                    self._alias(iri, label)

    def _learn_guideline(self, name: str) -> None:
        """A name the text states as a guideline: the known guidelines it holds, else a new one (one
        for each action it joins)."""
        tokens = tokenize(name)
        found = [f for m in self._matcher.find(name, tokens) for f in (m, *self._nested(name, m, tokens))]
        known = [f.iri for f in found if self.entities[f.iri].top == "StrategicGuideline"]
        for iri in known:
            self.entities[iri].stated = True
        for part in coordinated_actions(name) if not known and name else []:
            self._discover(part.lower() if part.isupper() else part, "", "StrategicGuideline")

    def _learn_forms(self, text: str) -> None:
        """Other forms of the names a text prints: a legal act's citation head, an apposition
        ('X (the "Y")'), unless that form already names another entity; a name discovered from
        the form alone ('Cable Directive' in 'X (the "Cable Directive")') is folded into X."""
        for m in self._matcher.find(text):
            entity = self.entities.get(m.iri)
            if entity is None:
                continue
            for form in printed_forms(text, m.end, entity.labels, entity.top):
                other = self._whole_match(form)
                if other is not None and other != m.iri and self.entities[other].discovered \
                        and self.entities[other].labels == [form]:
                    del self.entities[other]
                    self._matcher = self._build_matcher()
                    other = None
                if other is None:
                    self._alias(m.iri, form)
                    self._matcher.add(form, m.iri)

    def _alias(self, iri: str, label: str) -> None:
        entity = self.entities[iri]
        if label not in entity.labels:
            entity.alt_labels.append(label)

    def _discover(self, name: str, acronym: str, cls: str) -> str:
        """The entity a name found in a text names, a new one if none; none ('') for a name without
        a word of two letters (a list's marker 'A' or '(b)' read as a name would match every 'a')."""
        if not _WORDED.search(name):
            return ""
        top = self._tops[cls]
        iri = entity_iri(top, name)
        # a name another rule has already given to a known entity (in this form or another of its
        # forms: 'smuggling of cocaine' and 'cocaine smuggling'), or defined with the acronym of one,
        # is that entity's
        forms = (name, *label_variants(name), acronym)
        known = next((k for k in (self._whole_match(f) for f in forms if f) if k), None) \
            if iri not in self.entities else None
        if known is not None and self.entities[known].top == top:
            iri = known
        if iri in self.entities:
            # the name an entity's own IRI is made from is one of its surface forms, and the text
            # states it, as it states a new one
            self.entities[iri].stated = True
            for label in (name, acronym):
                if label:
                    self._alias(iri, label)
                    self._matcher.add(label, iri)
            return iri
        self.entities[iri] = Entity(iri, cls, top, name, [acronym] if acronym else [], discovered=True, stated=True)
        # later definitions must see this name, in all its forms, as known
        for label in forms:
            if label:
                self._matcher.add(label, iri)
        return iri

    def _nested(self, text: str, match: Match, tokens: list) -> list[Match]:
        """Names inside a longer name: the threats an instrument's or actor's name names ('EU Strategy
        for Combating Radicalisation'), and every name a coordination joins ('tolerance, respect and
        freedom of expression' names freedom of expression too) or an objective holds, though in a
        body's or instrument's name only the bodies ('the Prevention of and Fight against Crime
        programme' names no guideline 'prevention')."""
        if match.last_token == match.first_token:
            return []
        outer_threat = self.entities[match.iri].top == "Threat"
        coordinated = _COORDINATION.search(match.quote) is not None \
            or self.entities[match.iri].top == "StrategicObjective"
        if outer_threat and not coordinated:
            return []
        inner = self._matcher.find(text, tokens, match.first_token, match.last_token + 1, frozenset({match.iri}))
        proper = self.entities[match.iri].top in ("Actor", "Instrument")
        wanted = (m for m in inner if m.iri != match.iri and (
            self.entities[m.iri].top == "Threat"
            or (proper and self.entities[m.iri].top == "Actor" and not names_an_author(text, m.end)
                and not (_HEAD_OF.match(text, m.end, match.end) and not self.entities[match.iri].discovered))
            or (coordinated and not proper)))
        # and the names inside those ('the fight against cybercrime' in an objective names cybercrime)
        found = {n for m in wanted for n in (m, *self._nested(text, m, tokens))}
        return sorted(found, key=lambda m: (m.start, m.iri))

    def _sharing_head(self, text: str, tokens: list[Token], match: Match) -> Match | None:
        """The name whose head a name shares with a capitalised word coordinated before it ('Tampere'
        in 'the Tampere and Hague programmes' is the Tampere programme), if that name is known."""
        k = match.first_token
        if k < 2 or match.last_token == k or not _COORDINATION.fullmatch(tokens[k - 1].surface) \
                or not tokens[k - 2].surface[:1].isupper():
            return None
        first = tokens[k - 2]
        iri = self._whole_match(f"{first.surface} {text[tokens[k + 1].start:match.end]}")
        if iri is None or iri == match.iri:
            return None
        return Match(iri, first.start, match.end, text[first.start:match.end], k - 2, match.last_token)

    def _counts(self, iri: str) -> bool:
        """A guideline or objective counts where some text states it as one; a topic or purpose named
        in passing does not."""
        entity = self.entities[iri]
        return entity.top not in _STATED_CLASSES or entity.stated

    def _kept(self, m: Match, numbers: list[tuple[int, int]]) -> bool:
        """A match counts as a mention where its entity counts and it is not words of a document
        number (`numbers`: their spans)."""
        return self._counts(m.iri) and not _inside(numbers, m)

    def _mention(self, para: Paragraph, m: Match) -> Mention:
        method = "discovery" if self.entities[m.iri].discovered else "vocabulary"
        return Mention(para.index, m.iri, m.start, m.end, m.quote, method, in_added_text(para, m.start, m.end))

    def _named(self, text: str, numbers: list[tuple[int, int]]) -> list[Match]:
        """The names in a line that relates nothing (a heading, a header block) that count, and
        those inside them."""
        tokens = tokenize(text)
        return [found for m in self._matcher.find(text, tokens) for found in (m, *self._nested(text, m, tokens))
                if self._kept(found, numbers)]

    def _heading_mentions(self, doc: Document) -> list[Mention]:
        """What the headings of guidelines and numbered objectives name (offsets into the section's title)."""
        out = []
        named = {s.index: s for s in [*guideline_sections(doc), *(s for s, _ in objective_headings(doc))]}
        for section in (named[k] for k in sorted(named)):
            for found in self._named(section.title, number_spans(section.title)):
                method = "discovery" if self.entities[found.iri].discovered else "vocabulary"
                out.append(Mention(section.index, found.iri, found.start, found.end, found.quote, method,
                                   in_heading=True))
        return out

    def _header_mentions(self, doc: Document) -> list[Mention]:
        """What the header names: the issuing Council, the Presidency a note is from (offsets into the
        block's text). Mentions only: a header's lines state no relation."""
        numbers = header_number_spans([block.text for block in doc.header])
        return [replace(self._mention(block, found), in_header=True)
                for block, spans in zip(doc.header, numbers, strict=True) for found in self._named(block.text, spans)]

    def extract(self, doc: Document) -> Extraction:
        """Mentions and relations of one document, paragraph by paragraph."""
        result = Extraction(doc, self._header_mentions(doc) + self._heading_mentions(doc))
        rule = name_rule()
        paragraphs: list[Listed] = []
        earlier: list[Named] = []
        own = [Named(m.iri, self.entities[m.iri].top, m.start, m.end, self.entities[m.iri].cls)
               for m in self._named(doc.title, number_spans(doc.title))] if doc.title else []
        for para in doc.paragraphs:
            tokens, numbers = tokenize(para.text), number_spans(para.text)
            matches = [m for m in self._matcher.find(para.text, tokens) if self._kept(m, numbers)]
            named = []
            for m in matches:
                inner = [i for i in self._nested(para.text, m, tokens) if self._kept(i, numbers)]
                inner += [s for s in [self._sharing_head(para.text, tokens, m)] if s and self._kept(s, numbers)]
                for found in (m, *inner):
                    result.mentions.append(self._mention(para, found))
                    entity = self.entities[found.iri]
                    named.append(Named(found.iri, entity.top, found.start, found.end, entity.cls))
                if self.entities[m.iri].top in rule["subject"]:
                    for threat in (t for t in inner if self.entities[t.iri].top == "Threat"):
                        rel = Relation(m.iri, rule["predicate"], threat.iri, m.start, m.end, "name")
                        result.relations.append(RelationMention(para.index, rel, m.quote,
                                                                in_added_text(para, m.start, m.end)))
            described = named + descriptions(para.text, named, earlier, own, lambda iri: self.entities[iri].labels,
                                             doc.doc_type)
            earlier += named
            before = _relations_before_insertions(para, described)
            rows = read_row_relations(para.text, para.row_head, named) if para.row_head else []
            for rel in [*read_relations(para.text, described), *rows]:
                triple = (rel.subject, rel.predicate, rel.object)
                added = in_added_text(para, rel.start, rel.end) and triple not in before
                result.relations.append(RelationMention(para.index, rel, para.text[rel.start:rel.end], added))
            paragraphs.append(Listed(para.text, para.item, named))
        for at, rel in read_list_relations(paragraphs):
            para = doc.paragraphs[at]
            result.relations.append(RelationMention(para.index, rel, para.text[rel.start:rel.end],
                                                    in_added_text(para, rel.start, rel.end)))
        return result
