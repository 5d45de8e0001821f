"""Relations read from cue words between two names in one sentence."""

from notes import named

from iskg.loaders.relations import Named, read_relations
from iskg.loaders.sentences import sentence_spans


def _triples(text: str, *pairs: tuple[str, str, str]) -> set[tuple[str, str, str]]:
    return {(r.subject, r.predicate, r.object) for r in read_relations(text, named(text, *pairs))}


def test_cue_between_names_gives_relation_with_exact_span():
    text = "Europol plays a key role in the fight against terrorism."
    rels = read_relations(text, named(text, ("Europol", "a:europol", "Actor"), ("terrorism", "t:terrorism", "Threat")))
    assert [(r.subject, r.predicate, r.object) for r in rels] == [("a:europol", "addresses", "t:terrorism")]
    assert text[rels[0].start:rels[0].end] == "Europol plays a key role in the fight against terrorism"


def test_no_relation_without_cue_or_across_sentences():
    text = "Europol published a report. Terrorism rose."
    assert _triples(text, ("Europol", "a:europol", "Actor"), ("Terrorism", "t:terrorism", "Threat")) == set()


def test_passive_cue_reads_the_relation_backwards():
    text = "Cooperation between agencies (Europol) must be ensured by COSI."
    found = _triples(text, ("Europol", "a:europol", "Actor"), ("COSI", "a:cosi", "Actor"))
    assert ("a:cosi", "coordinates", "a:europol") in found


def test_actors_named_together_with_cooperation_cooperate_symmetrically():
    text = "Cooperation between Frontex and Europol must improve."
    found = _triples(text, ("Frontex", "a:frontex", "Actor"), ("Europol", "a:europol", "Actor"))
    assert found == {("a:europol", "cooperatesWith", "a:frontex")}


def test_sentence_spans_keep_abbreviations_together():
    text = "Tools, e.g. the SIS. New tools; More."
    assert [text[a:b].strip() for a, b in sentence_spans(text)] == ["Tools, e.g. the SIS.", "New tools;", "More."]


def _modalities(text: str, *pairs: tuple[str, str, str]) -> set[tuple[str, str, str, str, str]]:
    return {(r.subject, r.predicate, r.object, r.modality, r.addressee)
            for r in read_relations(text, named(text, *pairs))}


def test_a_directive_gives_modality_and_addressee():
    text = "The Council CALLS ON the Commission to support the European Police Partnership."
    assert _modalities(text, ("Commission", "a:commission", "Actor"),
                       ("European Police Partnership", "i:epp", "Instrument")) == {
        ("a:commission", "supports", "i:epp", "calls on", "a:commission")}


def test_each_of_several_actors_a_directive_addresses_together_is_addressed_in_its_own_relation():
    """What broke: in 'CALLS ON Portpol, Harbourjust and the Quay Agency to …' every relation was
    addressed to Portpol, the first of them."""
    text = "The Council CALLS ON Portpol, Harbourjust and the Quay Agency to fight against piracy."
    pairs = [("Portpol", "a:portpol", "Actor"), ("Harbourjust", "a:hj", "Actor"), ("Quay Agency", "a:qa", "Actor"),
             ("piracy", "t:piracy", "Threat")]
    assert {(s, m, a) for s, p, o, m, a in _modalities(text, *pairs) if p == "addresses"} == {
        ("a:portpol", "calls on", "a:portpol"), ("a:hj", "calls on", "a:hj"), ("a:qa", "calls on", "a:qa")}
    # an actor named in what the addressee is to do is not addressed itself
    text = "The Council CALLS ON Portpol to work with Harbourjust in the fight against piracy."
    assert {(s, a) for s, p, o, m, a in _modalities(text, *pairs[:2], pairs[3]) if p == "addresses"} == {
        ("a:portpol", "a:portpol"), ("a:hj", "a:portpol")}


def test_a_modal_verb_is_addressed_to_the_actor_that_shall_act():
    text = "Frontex should strengthen integrated border management. In May 2010 Europol supported SIS."
    assert _modalities(text, ("Frontex", "a:frontex", "Actor"), ("integrated border management", "g:ibm",
                                                                 "StrategicGuideline"),
                       ("Europol", "a:europol", "Actor"), ("SIS", "i:sis", "Instrument")) == {
        ("a:frontex", "serves", "g:ibm", "should", "a:frontex"),
        ("a:europol", "supports", "i:sis", "", "")}


def test_a_statement_without_cue_has_no_modality():
    text = "Europol plays a key role in the fight against terrorism."
    assert _modalities(text, ("Europol", "a:europol", "Actor"), ("terrorism", "t:terrorism", "Threat")) == {
        ("a:europol", "addresses", "t:terrorism", "", "")}


def test_a_cue_inside_a_name_does_not_make_actors_cooperate():
    text = "The Standing Committee on operational cooperation on internal security and Frontex met."
    assert _triples(text, ("Standing Committee on operational cooperation on internal security", "a:cosi", "Actor"),
                    ("Frontex", "a:frontex", "Actor")) == set()
    text = "Europol and Eurojust cooperate closely."
    assert _triples(text, ("Europol", "a:europol", "Actor"), ("Eurojust", "a:eurojust", "Actor")) == {
        ("a:eurojust", "cooperatesWith", "a:europol")}


def test_an_institution_that_issues_the_text_does_not_address_the_threat_itself():
    text = "The Commission will propose measures against terrorism and Europol will fight terrorism."
    names = [Named("a:commission", "Actor", 4, 14, "EUInstitution"), Named("t:terrorism", "Threat", 45, 54),
             Named("a:europol", "Actor", 59, 66, "Agency"), Named("t:terrorism", "Threat", 78, 87)]
    assert [text[n.start:n.end] for n in names] == ["Commission", "terrorism", "Europol", "terrorism"]
    assert {(r.subject, r.predicate, r.object) for r in read_relations(text, names)} == {
        ("a:europol", "addresses", "t:terrorism")}


def test_a_guideline_named_first_is_served_by_the_tools_it_is_pursued_through():
    text = "intensifying operational cooperation through joint investigation teams"
    assert _triples(text, ("operational cooperation", "g:opco", "StrategicGuideline"),
                    ("joint investigation teams", "i:jit", "Instrument")) == {("i:jit", "serves", "g:opco")}
