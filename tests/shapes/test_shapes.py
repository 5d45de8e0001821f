"""Each shape rule, shown to fire: the valid fixture broken in exactly one way per case.

A case passes only when the graph does not conform *and* the report names the rule we meant
(its shape or SPARQL constraint, its constraint component, its path) — "does not conform" alone
could come from an unrelated rule.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

import pytest
from rdflib import Graph, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, SH, SKOS

from iskg.graph.validate import validate

ISKG = Namespace("https://w3id.org/iskg/ontology#")
ISH = Namespace("https://w3id.org/iskg/shapes#")
OA = Namespace("http://www.w3.org/ns/oa#")
DOC = "https://w3id.org/iskg/id/document/st-5842-2-10-rev-2"


class Fired(NamedTuple):
    """What a validation result must say; None means "any"."""

    source: URIRef | None = None  # sh:sourceShape or sh:sourceConstraint
    component: URIRef | None = None
    path: URIRef | None = None
    focus: URIRef | None = None


def _results(report: Graph) -> list[dict[str, object]]:
    return [
        {
            "sources": {report.value(r, SH.sourceShape), report.value(r, SH.sourceConstraint)},
            "component": report.value(r, SH.sourceConstraintComponent),
            "path": report.value(r, SH.resultPath),
            "focus": report.value(r, SH.focusNode),
        }
        for r in report.subjects(RDF.type, SH.ValidationResult)
    ]


def has_fired(report: Graph, expected: Fired) -> bool:
    """True when some result of the report matches every field given in `expected`."""
    for result in _results(report):
        if expected.source is not None and expected.source not in result["sources"]:
            continue
        if expected.component is not None and expected.component != result["component"]:
            continue
        if expected.path is not None and expected.path != result["path"]:
            continue
        if expected.focus is not None and expected.focus != result["focus"]:
            continue
        return True
    return False


def relation(subject: str, predicate: str, obj: str) -> str:
    """An update that replaces the fixture's one relation (triple and evidence body) by another."""
    return f"""
        DELETE DATA {{ actor:frontex iskg:serves guideline:integrated-border-management }} ;
        DELETE {{ ?st rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }}
        INSERT {{ ?st rdf:subject {subject} ; rdf:predicate {predicate} ; rdf:object {obj} }}
        WHERE  {{ ?st a rdf:Statement ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o }} ;
        INSERT DATA {{ {subject} {predicate} {obj} }}
    """


def replace(subject: str, predicate: str, old: str, new: str) -> str:
    return f"DELETE DATA {{ {subject} {predicate} {old} }} ; INSERT DATA {{ {subject} {predicate} {new} }}"


MENTION = "<e/0a1b2c3d4e5f6071>"
MENTION_TARGET = "<e/0a1b2c3d4e5f6071/target>"
MENTION_POSITION = "<e/0a1b2c3d4e5f6071/position>"
MENTION_QUOTE = "<e/0a1b2c3d4e5f6071/quote>"
DELETION = "<p/2/r/1>"
THE_DOC = "document:st-5842-2-10-rev-2"
IBM = "guideline:integrated-border-management"
SIS = "instrument:schengen-information-system"


def nni(n: int) -> str:
    return f'"{n}"^^xsd:nonNegativeInteger'


# id, SPARQL update, what must fire
BREAKAGES: list[tuple[str, str, Fired]] = [
    # --- entities
    ("two preferred labels",
     'INSERT DATA { actor:europol skos:prefLabel "European Police Office"@en }',
     Fired(ISH.EntityPrefLabelCountShape, SH.MaxCountConstraintComponent)),
    ("two English preferred labels are not unique per language",
     'INSERT DATA { actor:europol skos:prefLabel "European Police Office"@en }',
     Fired(ISH.EntityPrefLabelLanguageShape, SH.UniqueLangConstraintComponent)),
    ("no preferred label",
     'DELETE WHERE { threat:terrorism skos:prefLabel ?label }',
     Fired(ISH.EntityPrefLabelCountShape, SH.MinCountConstraintComponent)),
    ("preferred label not in English",
     replace("actor:frontex", "skos:prefLabel", '"Frontex"@en', '"Frontex"@fr'),
     Fired(ISH.EntityPrefLabelLanguageShape, SH.LanguageInConstraintComponent)),
    ("preferred label without language tag",
     replace("actor:frontex", "skos:prefLabel", '"Frontex"@en', '"Frontex"'),
     Fired(ISH.EntityPrefLabelLanguageShape, SH.DatatypeConstraintComponent)),
    ("alternative label without language tag",
     'INSERT DATA { actor:europol skos:altLabel "EDU" }',
     Fired(ISH.EntityAltLabelShape, SH.DatatypeConstraintComponent)),
    ("exactMatch to a literal",
     'INSERT DATA { actor:europol skos:exactMatch "Q207203" }',
     Fired(ISH.EntityExactMatchShape, SH.NodeKindConstraintComponent)),
    ("discovered is not a boolean",
     replace(IBM, "iskg:discovered", "false", '"no"'),
     Fired(ISH.EntityDiscoveredShape, SH.DatatypeConstraintComponent)),
    ("discovered twice",
     f"INSERT DATA {{ {IBM} iskg:discovered true }}",
     Fired(ISH.EntityDiscoveredShape, SH.MaxCountConstraintComponent)),
    ("an instance of a subclass (InformationSystem) is checked as an entity",
     "INSERT DATA { instrument:eurodac a iskg:InformationSystem }",
     Fired(ISH.EntityPrefLabelCountShape, SH.MinCountConstraintComponent,
           focus=URIRef("https://w3id.org/iskg/id/instrument/eurodac"))),
    # --- modality and addressee of a relation's evidence
    ("modality that is no directive or modal verb",
     "INSERT DATA { <e/9f8e7d6c5b4a3921> iskg:modality 'perhaps' }",
     Fired(None, SH.PatternConstraintComponent, ISKG.modality)),
    ("two modalities",
     "INSERT DATA { <e/9f8e7d6c5b4a3921> iskg:modality 'should' , 'may' }",
     Fired(None, SH.MaxCountConstraintComponent, ISKG.modality)),
    ("addressee that is no actor",
     "INSERT DATA { <e/9f8e7d6c5b4a3921> iskg:addressee threat:terrorism }",
     Fired(None, SH.ClassConstraintComponent, ISKG.addressee)),
    # --- documents
    ("document with two dates",
     f"INSERT DATA {{ {THE_DOC} dcterms:date \"2011\"^^xsd:gYear }}",
     Fired(ISH.CorpusDocumentDateShape, SH.MaxCountConstraintComponent)),
    ("date as free text",
     replace(THE_DOC, "dcterms:date", '"2010-02-23"^^xsd:date', '"23 February 2010"'),
     Fired(ISH.CorpusDocumentDateShape, SH.OrConstraintComponent)),
    ("format outside the list",
     replace(THE_DOC, "iskg:format", '"draft"', '"pdf"'),
     Fired(ISH.CorpusDocumentFormatShape, SH.PatternConstraintComponent)),
    ("two source files",
     f'INSERT DATA {{ {THE_DOC} dcterms:source "other.txt" }}',
     Fired(None, SH.MaxCountConstraintComponent, DCTERMS.source)),
    ("no title",
     f"DELETE WHERE {{ {THE_DOC} dcterms:title ?title }}",
     Fired(None, SH.MinCountConstraintComponent, DCTERMS.title)),
    ("no encoding",
     f"DELETE WHERE {{ {THE_DOC} iskg:encoding ?encoding }}",
     Fired(None, SH.MinCountConstraintComponent, ISKG.encoding)),
    ("two identifiers",
     'INSERT DATA { document:com-2009-262 dcterms:identifier "COM(2009) 262" }',
     Fired(None, SH.MaxCountConstraintComponent, DCTERMS.identifier)),
    ("identifier not a string",
     replace("document:com-2009-262", "dcterms:identifier", '"COM(2009) 262 final"', "262"),
     Fired(None, SH.DatatypeConstraintComponent, DCTERMS.identifier)),
    ("references something that is not a document",
     f"INSERT DATA {{ {THE_DOC} dcterms:references actor:europol }}",
     Fired(None, SH.ClassConstraintComponent, DCTERMS.references)),
    ("a source file on something that is not a document",
     'INSERT DATA { threat:terrorism dcterms:source "x.txt" }',
     Fired(ISH.CorpusDocumentShape, SH.ClassConstraintComponent)),
    # --- sections and paragraphs
    ("paragraph without text",
     "DELETE WHERE { <p/2> iskg:text ?text }",
     Fired(ISH.ParagraphTextShape, SH.MinCountConstraintComponent)),
    ("paragraph text with a language tag",
     'DELETE { <p/2> iskg:text ?text } INSERT { <p/2> iskg:text ?tagged } '
     'WHERE { <p/2> iskg:text ?text BIND (STRLANG(?text, "en") AS ?tagged) }',
     Fired(ISH.ParagraphTextShape, SH.DatatypeConstraintComponent)),
    ("position 0",
     replace("<p/1>", "iskg:position", "2", "0"),
     Fired(ISH.PositionShape, SH.MinInclusiveConstraintComponent)),
    ("position not an integer",
     replace("<p/1>", "iskg:position", "2", '"2"'),
     Fired(ISH.PositionShape, SH.DatatypeConstraintComponent)),
    ("source start after source end",
     replace("<p/1>", "iskg:sourceStart", "40", "200"),
     Fired(ISH.ParagraphSourceStartShape, SH.LessThanOrEqualsConstraintComponent)),
    ("paragraph without source end",
     "DELETE WHERE { <p/1> iskg:sourceEnd ?end }",
     Fired(ISH.ParagraphSourceEndShape, SH.MinCountConstraintComponent)),
    ("page zero",
     "INSERT DATA { <p/1> iskg:page 0 }",
     Fired(ISH.ParagraphPageShape, SH.MinInclusiveConstraintComponent)),
    ("paragraph on two pages",
     "INSERT DATA { <p/1> iskg:page 1, 2 }",
     Fired(ISH.ParagraphPageShape, SH.MaxCountConstraintComponent)),
    ("paragraph part of an entity",
     replace("<p/1>", "dcterms:isPartOf", "<s/1>", "actor:europol"),
     Fired(ISH.ContainerShape, SH.OrConstraintComponent)),
    ("paragraph part of two containers",
     f"INSERT DATA {{ <p/1> dcterms:isPartOf {THE_DOC} }}",
     Fired(ISH.ContainerShape, SH.MaxCountConstraintComponent)),
    ("paragraph that does not reach a document",
     replace("<s/1>", "dcterms:isPartOf", THE_DOC, "<s/0>")
     + " ; INSERT DATA { <s/0> a iskg:Section ; iskg:position 1 }",
     Fired(ISH.ReachesDocumentShape, SH.QualifiedMinCountConstraintComponent, focus=URIRef(f"{DOC}/p/1"))),
    ("a footnote (subclass of Paragraph) without text",
     "INSERT DATA { <p/3> a iskg:Footnote ; dcterms:isPartOf <s/1> ; iskg:position 4 ; "
     "iskg:sourceStart 207 ; iskg:sourceEnd 230 }",
     Fired(ISH.ParagraphTextShape, SH.MinCountConstraintComponent, focus=URIRef(f"{DOC}/p/3"))),
    # --- the header
    ("header block without text",
     "DELETE WHERE { <h/1> iskg:text ?text }",
     Fired(ISH.ParagraphTextShape, SH.MinCountConstraintComponent, focus=URIRef(f"{DOC}/h/1"))),
    ("header block part of a section",
     replace("<h/1>", "dcterms:isPartOf", THE_DOC, "<s/1>"),
     Fired(ISH.HeaderBlockContainerShape, SH.ClassConstraintComponent)),
    ("header block without source start",
     "DELETE WHERE { <h/1> iskg:sourceStart ?start }",
     Fired(ISH.ParagraphSourceStartShape, SH.MinCountConstraintComponent, focus=URIRef(f"{DOC}/h/1"))),
    ("a relation's evidence in a header block",
     replace("<e/9f8e7d6c5b4a3921/target>", "oa:hasSource", "<p/2>", "<h/1>"),
     Fired(ISH.HeaderStatesNothingConstraint, SH.SPARQLConstraintComponent, focus=URIRef(f"{DOC}/h/1"))),
    ("quote is not the header text at the offsets",
     replace("<e/1b2c3d4e5f607182/quote>", "oa:exact", '"Europol"', '"Eurojust"'),
     Fired(ISH.QuoteMatchesTextConstraint, SH.SPARQLConstraintComponent)),
    # --- mentions
    ("mention of something that is not an entity",
     "INSERT DATA { <p/1> iskg:mentions <p/2> }",
     Fired(None, SH.NodeConstraintComponent, ISKG.mentions)),
    ("mention by something that is not a document or paragraph",
     "INSERT DATA { actor:europol iskg:mentions threat:terrorism }",
     Fired(ISH.MentionShape, SH.OrConstraintComponent)),
    # --- evidence
    ("annotation without target",
     f"DELETE WHERE {{ {MENTION} oa:hasTarget ?target }}",
     Fired(None, SH.MinCountConstraintComponent, OA.hasTarget)),
    ("annotation body that is neither an entity nor a statement",
     replace(MENTION, "oa:hasBody", "actor:europol", "<p/1>"),
     Fired(None, SH.OrConstraintComponent, OA.hasBody)),
    ("target source that is neither a paragraph nor a section",
     replace(MENTION_TARGET, "oa:hasSource", "<p/1>", THE_DOC),
     Fired(None, SH.OrConstraintComponent, OA.hasSource)),
    ("target without a position selector",
     f"DELETE DATA {{ {MENTION_TARGET} oa:hasSelector {MENTION_POSITION} }}",
     Fired(None, SH.QualifiedMinCountConstraintComponent, OA.hasSelector)),
    ("target with two quote selectors",
     f'INSERT DATA {{ {MENTION_TARGET} oa:hasSelector <e/0a1b2c3d4e5f6071/quote2> . '
     '<e/0a1b2c3d4e5f6071/quote2> a oa:TextQuoteSelector ; oa:exact "Europol" }',
     Fired(None, SH.QualifiedMaxCountConstraintComponent, OA.hasSelector)),
    ("quote is not the text at the offsets",
     replace(MENTION_QUOTE, "oa:exact", '"Europol"', '"Eurojust"'),
     Fired(ISH.QuoteMatchesTextConstraint, SH.SPARQLConstraintComponent)),
    ("offsets counted in UTF-8 bytes",
     'INSERT DATA { <p/3> a iskg:Paragraph ; dcterms:isPartOf <s/1> ; iskg:position 4 ; '
     'iskg:text "\U0001D400 Coopération: Europol" ; iskg:sourceStart 207 ; iskg:sourceEnd 229 . '
     "<e/3> a oa:Annotation ; oa:hasBody actor:europol ; oa:hasTarget <e/3/target> . "
     "<e/3/target> oa:hasSource <p/3> ; oa:hasSelector <e/3/position> , <e/3/quote> . "
     f"<e/3/position> a oa:TextPositionSelector ; oa:start {nni(19)} ; oa:end {nni(26)} . "
     '<e/3/quote> a oa:TextQuoteSelector ; oa:exact "Europol" }',
     Fired(ISH.OffsetsWithinTextConstraint, SH.SPARQLConstraintComponent)),
    ("offsets shifted by one",
     replace(MENTION_POSITION, "oa:start", nni(0), nni(1)) + " ; "
     + replace(MENTION_POSITION, "oa:end", nni(7), nni(8)),
     Fired(ISH.QuoteMatchesTextConstraint, SH.SPARQLConstraintComponent)),
    ("end beyond the paragraph text",
     replace(MENTION_POSITION, "oa:end", nni(7), nni(70)),
     Fired(ISH.OffsetsWithinTextConstraint, SH.SPARQLConstraintComponent)),
    ("start after end",
     replace(MENTION_POSITION, "oa:start", nni(0), nni(8)),
     Fired(None, SH.LessThanOrEqualsConstraintComponent, OA.start)),
    ("negative start",
     replace(MENTION_POSITION, "oa:start", nni(0), '"-1"^^xsd:integer'),
     Fired(None, SH.NodeConstraintComponent, OA.start)),
    ("selector without end",
     f"DELETE WHERE {{ {MENTION_POSITION} oa:end ?end }}",
     Fired(None, SH.MinCountConstraintComponent, OA.end)),
    ("quote selector without exact",
     f"DELETE WHERE {{ {MENTION_QUOTE} oa:exact ?exact }}",
     Fired(None, SH.MinCountConstraintComponent, OA.exact)),
    # --- relation statements
    ("statement not asserted in the graph",
     f"DELETE DATA {{ actor:frontex iskg:serves {IBM} }}",
     Fired(ISH.StatementAssertedConstraint, SH.SPARQLConstraintComponent)),
    ("statement with two objects",
     "INSERT { ?st rdf:object threat:terrorism } WHERE { ?st a rdf:Statement }",
     Fired(None, SH.MaxCountConstraintComponent, RDF.object)),
    ("relation without evidence",
     "INSERT DATA { actor:europol iskg:addresses threat:terrorism }",
     Fired(ISH.RelationHasEvidenceConstraint, SH.SPARQLConstraintComponent, ISKG.addresses)),
    ("broader involving a discovered threat, without evidence",
     "INSERT DATA { threat:drone-attacks a iskg:Threat ; skos:prefLabel 'drone attacks'@en ; "
     "iskg:discovered true ; iskg:broader threat:terrorism }",
     Fired(ISH.RelationHasEvidenceConstraint, SH.SPARQLConstraintComponent, ISKG.broader)),
    # --- relation domains and ranges (each with its evidence, so only the domain/range is wrong)
    ("serves a threat",
     relation("actor:frontex", "iskg:serves", "threat:terrorism"),
     Fired(ISH.ServesRangeConstraint, SH.SPARQLConstraintComponent, ISKG.serves)),
    ("a threat serves",
     relation("threat:terrorism", "iskg:serves", IBM),
     Fired(ISH.ServesShape, SH.OrConstraintComponent)),
    ("a threat supports",
     relation("threat:terrorism", "iskg:supports", "actor:europol"),
     Fired(ISH.SupportsShape, SH.ClassConstraintComponent)),
    ("supports a paragraph",
     relation("actor:frontex", "iskg:supports", "<p/1>"),
     Fired(None, SH.NodeConstraintComponent, ISKG.supports)),
    ("addresses a guideline",
     relation("actor:frontex", "iskg:addresses", IBM),
     Fired(None, SH.ClassConstraintComponent, ISKG.addresses)),
    ("a guideline addresses",
     relation(IBM, "iskg:addresses", "threat:terrorism"),
     Fired(ISH.AddressesShape, SH.OrConstraintComponent)),
    ("operates a threat",
     relation("actor:frontex", "iskg:operates", "threat:terrorism"),
     Fired(ISH.OperatesRangeConstraint, SH.SPARQLConstraintComponent, ISKG.operates)),
    ("an instrument operates",
     relation(SIS, "iskg:operates", SIS),
     Fired(ISH.OperatesShape, SH.ClassConstraintComponent)),
    ("manages a threat",
     relation("actor:frontex", "iskg:manages", "threat:terrorism"),
     Fired(None, SH.OrConstraintComponent, ISKG.manages)),
    ("cooperates with a threat",
     relation("actor:frontex", "iskg:cooperatesWith", "threat:terrorism"),
     Fired(None, SH.ClassConstraintComponent, ISKG.cooperatesWith)),
    ("rests on an actor",
     relation(IBM, "iskg:restsOn", "actor:europol"),
     Fired(None, SH.ClassConstraintComponent, ISKG.restsOn)),
    ("an actor rests on",
     relation("actor:frontex", "iskg:restsOn", "principle:rule-of-law"),
     Fired(ISH.RestsOnShape, SH.OrConstraintComponent)),
    ("broader than an actor",
     relation("threat:terrorism", "iskg:broader", "actor:europol"),
     Fired(None, SH.ClassConstraintComponent, ISKG.broader)),
    ("coordinates a threat",
     relation("actor:frontex", "iskg:coordinates", "threat:terrorism"),
     Fired(None, SH.OrConstraintComponent, ISKG.coordinates)),
    # --- revision marks
    ("revision of an unknown kind",
     replace(DELETION, "iskg:revision", "iskg:Deleted", "iskg:Moved"),
     Fired(None, SH.InConstraintComponent, ISKG.revision)),
    ("deletion without the deleted words",
     f"DELETE WHERE {{ {DELETION} iskg:deletedText ?words }}",
     Fired(ISH.DeletionHasTextConstraint, SH.SPARQLConstraintComponent)),
    ("deletion that spans text",
     replace("<p/2/r/1/position>", "oa:end", nni(23), nni(24)),
     Fired(ISH.DeletionIsEmptySpanConstraint, SH.SPARQLConstraintComponent)),
]


# Variations the data model allows: each must still conform.
ALLOWED: list[tuple[str, str]] = [
    ("paragraph with its page", 'INSERT DATA { <p/1> iskg:page "4"^^xsd:positiveInteger }'),
    ("document with media type and language",
     f'INSERT DATA {{ {THE_DOC} dcterms:language "en" }}'),
    ("guideline rests on a principle", relation(IBM, "iskg:restsOn", "principle:rule-of-law")),
    ("instrument rests on a principle", relation(SIS, "iskg:restsOn", "principle:rule-of-law")),
    ("instrument addresses a threat", relation(SIS, "iskg:addresses", "threat:terrorism")),
    ("actor coordinates an instrument", relation("actor:europol", "iskg:coordinates", SIS)),
    ("actor operates an instrument", relation("actor:europol", "iskg:operates", SIS)),
    ("instrument serves a guideline", relation(SIS, "iskg:serves", IBM)),
    ("supports any entity, also with the serves triple a reasoner would add",
     relation("actor:frontex", "iskg:supports", "threat:terrorism")
     + " ; INSERT DATA { actor:frontex iskg:serves threat:terrorism }"),
    ("manages a guideline, also with the operates triple a reasoner would add",
     relation("actor:frontex", "iskg:manages", IBM) + f" ; INSERT DATA {{ actor:frontex iskg:operates {IBM} }}"),
    ("cooperatesWith, with the reverse triple a reasoner would add",
     relation("actor:frontex", "iskg:cooperatesWith", "actor:europol")
     + " ; INSERT DATA { actor:europol iskg:cooperatesWith actor:frontex }"),
    ("broader between two threats of the reference vocabulary needs no text evidence",
     "INSERT DATA { threat:bioterrorism a iskg:Threat ; skos:prefLabel 'bioterrorism'@en ; "
     "iskg:broader threat:terrorism }"),
    ("a relation's evidence with its modality and addressee",
     "INSERT DATA { <e/9f8e7d6c5b4a3921> iskg:modality 'should' ; iskg:addressee actor:frontex }"),
    ("a date printed as year and month",
     replace(THE_DOC, "dcterms:date", '"2010-02-23"^^xsd:date', '"2010-02"^^xsd:gYearMonth')),
    ("a date printed as a year", replace(THE_DOC, "dcterms:date", '"2010-02-23"^^xsd:date', '"2010"^^xsd:gYear')),
    ("offsets typed xsd:integer (as Oxigraph stores them)",
     replace(MENTION_POSITION, "oa:end", nni(7), "7") + " ; " + replace(MENTION_POSITION, "oa:start", nni(0), "0")),
    ("an added passage with its quote",
     "INSERT DATA { <p/1/r/1> a iskg:RevisionMark ; oa:motivatedBy oa:editing ; iskg:revision iskg:Added ; "
     "oa:hasTarget <p/1/r/1/target> . <p/1/r/1/target> a oa:SpecificResource ; oa:hasSource <p/1> ; "
     "oa:hasSelector <p/1/r/1/position> , <p/1/r/1/quote> . "
     f"<p/1/r/1/position> a oa:TextPositionSelector ; oa:start {nni(59)} ; oa:end {nni(68)} . "
     '<p/1/r/1/quote> a oa:TextQuoteSelector ; oa:exact "terrorism" }'),
    ("offsets count code points, not UTF-8 bytes or UTF-16 units",
     'INSERT DATA { <p/3> a iskg:Paragraph ; dcterms:isPartOf <s/1> ; iskg:position 4 ; '
     'iskg:text "\U0001D400 Coopération: Europol" ; iskg:sourceStart 207 ; iskg:sourceEnd 229 . '
     "<e/3> a oa:Annotation ; oa:hasBody actor:europol ; oa:hasTarget <e/3/target> . "
     "<e/3/target> oa:hasSource <p/3> ; oa:hasSelector <e/3/position> , <e/3/quote> . "
     f"<e/3/position> a oa:TextPositionSelector ; oa:start {nni(15)} ; oa:end {nni(22)} . "
     '<e/3/quote> a oa:TextQuoteSelector ; oa:exact "Europol" }'),
    ("a cited document with only identifier and citation", 'INSERT DATA { document:euco-79-14 a iskg:PolicyDocument ; '
     'dcterms:identifier "EUCO 79/14" ; iskg:printedAs "EUCO 79/14" }'),
]


def test_valid_fixture_conforms(valid_graph: Graph) -> None:
    result = validate(valid_graph)
    assert result.conforms, result.report_text
    assert result.violations == 0


@pytest.mark.parametrize(("update", "expected"), [(u, e) for _, u, e in BREAKAGES], ids=[i for i, _, _ in BREAKAGES])
def test_breakage_fires_its_rule(change: Callable[[str], Graph], update: str, expected: Fired) -> None:
    result = validate(change(update))
    assert not result.conforms
    assert result.violations >= 1
    assert has_fired(result.report_graph, expected), result.report_text
    assert _generic_messages(result.report_graph) == [], "every result should carry the shape's own sh:message"


def _generic_messages(report: Graph) -> list[str]:
    """Top-level results whose message is pySHACL's generic text rather than one of ours."""
    shapes = Graph().parse(_shapes_file(), format="turtle")
    ours = {str(m) for m in shapes.objects(None, SH.message)}
    top = report.objects(report.value(predicate=RDF.type, object=SH.ValidationReport), SH.result)
    return [
        str(report.value(r, SH.resultMessage))
        for r in top
        if report.value(r, SH.sourceConstraint) is None and str(report.value(r, SH.resultMessage)) not in ours
    ]


@pytest.mark.parametrize("update", [u for _, u in ALLOWED], ids=[i for i, _ in ALLOWED])
def test_allowed_variation_conforms(change: Callable[[str], Graph], update: str) -> None:
    result = validate(change(update))
    assert result.conforms, result.report_text


def test_every_named_rule_is_exercised() -> None:
    """Each named shape and SPARQL constraint that can fire appears in some breakage above."""
    shapes = Graph().parse(_shapes_file(), format="turtle")
    named = {s for s in shapes.subjects(RDF.type, SH.SPARQLConstraint) if isinstance(s, URIRef)}
    named |= {s for s in shapes.subjects(SH.path, None) if isinstance(s, URIRef)}
    named -= set(shapes.subjects(SH.severity, SH.Warning))
    tested = {e.source for _, _, e in BREAKAGES if e.source is not None}
    assert named - tested == set()


def test_document_without_date_conforms_with_a_warning(change: Callable[[str], Graph]) -> None:
    result = validate(change(f"DELETE WHERE {{ {THE_DOC} dcterms:date ?date }}"))
    assert result.conforms and result.violations == 0
    assert has_fired(result.report_graph, Fired(ISH.CorpusDocumentUndatedShape, SH.MinCountConstraintComponent))
    assert "prints no date" in result.report_text


def test_english_label_check_uses_the_label_property() -> None:
    """Guard against a typo in the shapes: the label shapes must be about skos:prefLabel."""
    shapes = Graph().parse(_shapes_file(), format="turtle")
    assert shapes.value(ISH.EntityPrefLabelCountShape, SH.path) == SKOS.prefLabel
    assert shapes.value(ISH.EntityPrefLabelLanguageShape, SH.path) == SKOS.prefLabel


def _shapes_file():
    from iskg.shapes import shapes_path

    return shapes_path()
