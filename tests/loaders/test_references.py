"""Definite descriptions of instruments ('the Strategy', 'this Action Plan'), read as the instrument
the title names or the text last named with that head, on small texts written for the tests."""

import pytest

from iskg.loaders.extract import Extractor
from iskg.loaders.read import parse_text
from iskg.loaders.references import has_head

ID = "https://w3id.org/iskg/id/"

OWN_STRATEGY = """EU Drugs Strategy (2013-2020)

1. The Internal Security Strategy covers many threats.

2. The Strategy is based on the principle of subsidiarity.
"""

LAST_NAMED = """Council conclusions on drugs

1. The Council welcomes the EU Drugs Strategy.

2. The Strategy is based on the principle of subsidiarity.
"""

NAMED_AFTER = """Council conclusions on drugs

1. The Strategy is based on the principle of subsidiarity.

2. The Council welcomes the EU Drugs Strategy.
"""

@pytest.fixture
def extractor() -> Extractor:
    return Extractor.default()


def _rests_on(extractor: Extractor, text: str) -> set[tuple[str, str]]:
    doc = parse_text(text, "references.txt", "utf-8")
    extractor.learn([doc])
    return {(r.relation.subject.removeprefix(ID), r.quote) for r in extractor.extract(doc).relations
            if r.relation.predicate == "restsOn" and r.relation.object == ID + "principle/subsidiarity"}


def test_the_strategy_is_the_one_the_title_names_though_another_was_named_since(extractor):
    assert _rests_on(extractor, OWN_STRATEGY) == {
        ("instrument/eu-drugs-strategy", "The Strategy is based on the principle of subsidiarity")}


def test_the_strategy_is_the_one_last_named_when_the_title_names_none(extractor):
    assert _rests_on(extractor, LAST_NAMED) == {
        ("instrument/eu-drugs-strategy", "The Strategy is based on the principle of subsidiarity")}


def test_a_description_printed_before_any_strategy_is_named_stands_for_none(extractor):
    assert _rests_on(extractor, NAMED_AFTER) == set()


@pytest.mark.parametrize(("label", "head", "expected"), [
    ("EU Drugs Strategy 2013-2020", "strategy", True),
    ("Strategy for Combating Radicalisation and Recruitment", "strategy", True),
    ("EU Action Plan on Drugs (2017-2020)", "action plan", True),
    ("EU Action Plan on Drugs (2017-2020)", "plan", True),
    ("final report of the Internal Security Strategy", "strategy", False),
    ("Internal Security Fund", "strategy", False),
    ("Regulation (EU) No 513/2014", "regulation", True),
    ("Council Decision 2005/671/JHA", "decision", True),
    ("Directive 2011/36/EU", "regulation", False),
])
def test_a_label_has_as_its_head_the_last_word_before_its_complement(label, head, expected):
    assert has_head(label, head) is expected


QUOTED_TITLES = """Council conclusions on harbours

1. The Council welcomes the Commission Communication "Cybercrime at sea: three steps towards safer harbours"
and the report entitled "Draft Internal Security Strategy for the European Union: Towards a European Security Model".
"""


def test_a_quoted_title_is_a_new_instrument_unless_it_opens_with_a_known_one(extractor):
    doc = parse_text(QUOTED_TITLES, "quoted.txt", "utf-8")
    extractor.learn([doc])
    found = extractor.extract(doc)
    new = {m.quote for m in found.mentions if extractor.entities[m.iri].discovered}
    assert new == {"Cybercrime at sea: three steps towards safer harbours"}
    title = "Cybercrime at sea: three steps towards safer harbours"
    assert {(r.relation.predicate, r.relation.object.removeprefix(ID)) for r in found.relations
            if r.quote == title} == {("addresses", "threat/cybercrime")}


SELF_COMMUNICATION = """EUROPEAN COMMISSION

Brussels, 3.5.2012
COM(2012) 190 final

COMMUNICATION FROM THE COMMISSION TO THE EUROPEAN PARLIAMENT AND THE COUNCIL

The EU Harbour Security Strategy in Action: three steps towards safer ports

1. INTRODUCTION

All measures proposed in this Communication are based on the principle of subsidiarity.
"""


def test_this_communication_in_a_communication_is_the_instrument_its_title_names(extractor):
    assert _rests_on(extractor, SELF_COMMUNICATION) == {
        ("instrument/eu-harbour-security-strategy",
         "this Communication are based on the principle of subsidiarity")}


THE_INSTRUMENT = """Regulation on harbour funding

1. This Regulation establishes the instrument for financial support for police cooperation, preventing and
combating crime, and crisis management.

2. The Instrument shall be implemented in accordance with the principle of subsidiarity.
"""


def test_the_instrument_is_the_funding_instrument_last_named(extractor):
    assert _rests_on(extractor, THE_INSTRUMENT) == {
        ("instrument/isf-police",
         "The Instrument shall be implemented in accordance with the principle of subsidiarity")}
