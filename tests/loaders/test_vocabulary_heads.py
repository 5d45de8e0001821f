"""Head nouns learned from the vocabulary: a word that ends the names of two known bodies heads a new
name, with their class; places, names and the words of other classes' labels do not."""

from iskg.loaders.discovery import find_names
from iskg.loaders.vocabulary import Entity
from iskg.loaders.vocabulary_heads import label_head, learned_heads


def _entity(iri: str, cls: str, top: str, *labels: str) -> Entity:
    return Entity(iri, cls, top, labels[0], list(labels[1:]))


VOCABULARY = [
    _entity("a", "InternationalOrganisation", "Actor", "Harbour Masters Forum"),
    _entity("b", "InternationalOrganisation", "Actor", "Global Pilots Forum", "Pilots Forum"),
    _entity("c", "OperationalMechanism", "Instrument", "Canal Forum of Lock Keepers"),
    _entity("d", "PolicyProgramme", "Instrument", "Secure Port Europe"),
    _entity("e", "PolicyProgramme", "Instrument", "Safe Canal Europe"),
    _entity("f", "StrategicGuideline", "StrategicGuideline", "quay management"),
    _entity("g", "Fund", "Instrument", "Quay Management"),
    _entity("h", "Fund", "Instrument", "Lock Management"),
    _entity("i", "LegalAct", "Instrument", "Harbour Directive"),
]


def test_a_head_of_two_known_names_is_learned_with_their_commonest_class():
    assert learned_heads(VOCABULARY) == {"Forum": "InternationalOrganisation"}


def test_places_and_words_of_other_classes_are_no_heads():
    heads = learned_heads(VOCABULARY)
    assert "Europe" not in heads  # listed as a place
    assert "Management" not in heads  # a word of a guideline's label
    assert "Directive" not in heads  # one entity only


def test_the_head_is_the_word_before_a_complement():
    assert label_head("Canal Forum of Lock Keepers") == "Forum"
    assert label_head("Council Decision 2008/615/JHA") is None
    assert label_head("Forum") is None


def test_a_learned_head_finds_a_name_the_listed_heads_lack():
    heads = {"Quayside": "InternationalOrganisation"}
    text = "The Baltic Quayside met the Nordic Quaysides, but not the Baltic quayside."
    assert [(d.long_form, d.cls) for d in find_names(text, heads)] == [
        ("Baltic Quayside", "InternationalOrganisation"), ("Nordic Quaysides", "InternationalOrganisation")]
    assert find_names(text) == []
