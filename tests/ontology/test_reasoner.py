"""The ontology and the reference vocabulary: consistent under HermiT, and well-formed as data."""

from __future__ import annotations

import dataclasses
import re
import shutil
from collections import defaultdict

import owlready2
import pytest
import rdflib
from rdflib import OWL, RDF, RDFS, SKOS, XSD, Literal, Namespace, URIRef
from rdflib.collection import Collection

from iskg.graph.reasoning import ReasonerResult, check_consistency, ontology_graph
from iskg.loaders.errors import IskgError
from iskg.ontology import ontology_path, vocabulary_path

ISKG = Namespace("https://w3id.org/iskg/ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")
DCT = Namespace("http://purl.org/dc/terms/")
ID = "https://w3id.org/iskg/id/"
WD = "http://www.wikidata.org/entity/"
CB = "http://publications.europa.eu/resource/authority/corporate-body/"
ONTOLOGY_IRI = URIRef("https://w3id.org/iskg/ontology")

# The checked identifiers DESIGN.md lists ("Reference identifiers"): slug -> (Wikidata, corporate body).
EXACT_MATCHES: dict[str, tuple[str | None, str | None]] = {
    "europol": ("Q207203", "EUROPOL"),
    "eurojust": ("Q940784", "EUROJUST"),
    "frontex": ("Q21786841", "FRONTEX"),
    "cepol": ("Q1377490", "CEPOL"),
    "eu-lisa": ("Q4440501", "LISA"),
    "fundamental-rights-agency": ("Q48790", "FRA"),
    "eeas": ("Q672941", "EEAS"),
    "interpol": ("Q8475", "INTERPOL"),
    "council-of-the-european-union": ("Q8896", "CONSIL"),
    "european-commission": ("Q8880", "COM"),
    "european-parliament": ("Q8889", "EP"),
    "european-council": ("Q8886", None),
}

KIND_CLASS = {
    "actor": ISKG.Actor,
    "threat": ISKG.Threat,
    "principle": ISKG.Principle,
    "guideline": ISKG.StrategicGuideline,
    "objective": ISKG.StrategicObjective,
    "instrument": ISKG.Instrument,
}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

needs_java = pytest.mark.skipif(shutil.which(owlready2.JAVA_EXE) is None, reason="HermiT needs a Java runtime")


@pytest.fixture(scope="module")
def tbox() -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(ontology_path(), format="turtle")
    return graph


@pytest.fixture(scope="module")
def vocabulary() -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(vocabulary_path(), format="turtle")
    return graph


@pytest.fixture(scope="module")
def combined() -> rdflib.Graph:
    return ontology_graph()


def entities(vocabulary: rdflib.Graph) -> list[URIRef]:
    return sorted({s for s in vocabulary.subjects(RDF.type, None) if str(s).startswith(ID)})


def superclasses(tbox: rdflib.Graph, cls: URIRef) -> set[URIRef]:
    return set(tbox.transitive_objects(cls, RDFS.subClassOf))


def normalised(label: str) -> str:
    """Lower case, hyphens as spaces: the same label to a matcher."""
    return re.sub(r"\s+", " ", label.lower().replace("-", " ")).strip()


# ----------------------------------------------------------------------------------------- reasoning


@needs_java
def test_ontology_and_vocabulary_are_consistent(combined: rdflib.Graph) -> None:
    result = check_consistency(combined)
    assert result.consistent, result.message
    assert result.unsatisfiable == [], result.message
    assert result.ok
    assert result.seconds < 60


@needs_java
def test_populated_document_data_stays_consistent(combined: rdflib.Graph) -> None:
    """The shapes the build writes (data-model.md) must not clash with the TBox."""
    graph = rdflib.Graph()
    for triple in combined:
        graph.add(triple)
    doc = URIRef(ID + "document/st-5842-2-10-rev-2")
    cited = URIRef(ID + "document/euco-79-14")
    section, para, note = URIRef(f"{doc}/s/1"), URIRef(f"{doc}/p/7"), URIRef(f"{doc}/p/8")
    europol, terrorism = URIRef(ID + "actor/europol"), URIRef(ID + "threat/terrorism")
    mention, relation = URIRef(f"{doc}/e/0123456789abcdef"), URIRef(f"{doc}/e/fedcba9876543210")
    added, deleted = URIRef(f"{para}/r/1"), URIRef(f"{para}/r/2")
    discovered = URIRef(ID + "instrument/some-new-mechanism")
    triples = [
        (doc, RDF.type, ISKG.CouncilNote),
        (doc, RDF.type, ISKG.StrategyDocument),
        (doc, DCT.identifier, Literal("5842/2/10 REV 2")),
        (doc, DCT.date, Literal("2010-02-23", datatype=XSD.date)),
        (doc, DCT.title, Literal("Draft Internal Security Strategy for the European Union")),
        (doc, DCT.source, Literal("000_182f9951cb79fb36.txt")),
        (doc, DCT.references, cited),
        (doc, ISKG["format"], Literal("markdown")),
        (doc, ISKG.encoding, Literal("utf-8")),
        (doc, ISKG.sameWorkAs, URIRef(ID + "document/st-5842-2-10-rev-2-ocr")),
        (cited, DCT.identifier, Literal("EUCO 79/14")),
        (cited, DCT.date, Literal("2014-06", datatype=XSD.gYearMonth)),
        (cited, ISKG.printedAs, Literal("Doc. EUCO 79/14 CO EUR 4 CONCL 2")),
        (URIRef(ID + "document/x"), DCT.date, Literal("2008", datatype=XSD.gYear)),
        (section, RDF.type, ISKG.Section),
        (section, DCT.isPartOf, doc),
        (section, DCT.title, Literal("INTRODUCTION")),
        (section, ISKG.position, Literal(1)),
        (para, RDF.type, ISKG.Paragraph),
        (para, DCT.isPartOf, section),
        (para, ISKG.text, Literal("Europol fights terrorism.")),
        (para, ISKG.position, Literal(7)),
        (para, ISKG.sourceStart, Literal(120)),
        (para, ISKG.sourceEnd, Literal(145)),
        (note, RDF.type, ISKG.Footnote),
        (note, DCT.isPartOf, doc),
        (para, ISKG.mentions, europol),
        (doc, ISKG.mentions, europol),
        (europol, ISKG.addresses, terrorism),
        (discovered, RDF.type, ISKG.OperationalMechanism),
        (discovered, ISKG.discovered, Literal(True)),
        (europol, ISKG.manages, discovered),
        (europol, ISKG.supports, URIRef(ID + "actor/eurojust")),
        (europol, ISKG.manages, URIRef(ID + "guideline/operational-cooperation")),
        # a mention
        (mention, RDF.type, OA.Annotation),
        (mention, OA.motivatedBy, OA.identifying),
        (mention, OA.hasBody, europol),
        (mention, ISKG.method, Literal("vocabulary")),
        (mention, OA.hasTarget, URIRef(f"{mention}/target")),
        (URIRef(f"{mention}/target"), RDF.type, OA.SpecificResource),
        (URIRef(f"{mention}/target"), OA.hasSource, para),
        (URIRef(f"{mention}/target"), OA.hasSelector, URIRef(f"{mention}/position")),
        (URIRef(f"{mention}/target"), OA.hasSelector, URIRef(f"{mention}/quote")),
        (URIRef(f"{mention}/position"), RDF.type, OA.TextPositionSelector),
        (URIRef(f"{mention}/position"), OA.start, Literal(0, datatype=XSD.nonNegativeInteger)),
        (URIRef(f"{mention}/position"), OA.end, Literal(7, datatype=XSD.nonNegativeInteger)),
        (URIRef(f"{mention}/quote"), RDF.type, OA.TextQuoteSelector),
        (URIRef(f"{mention}/quote"), OA.exact, Literal("Europol")),
        # a relation: the body is an rdf:Statement node
        (relation, RDF.type, OA.Annotation),
        (relation, OA.motivatedBy, OA.describing),
        (relation, OA.hasBody, URIRef(f"{relation}/statement")),
        (URIRef(f"{relation}/statement"), RDF.type, RDF.Statement),
        (URIRef(f"{relation}/statement"), RDF.subject, europol),
        (URIRef(f"{relation}/statement"), RDF.predicate, ISKG.addresses),
        (URIRef(f"{relation}/statement"), RDF.object, terrorism),
        (relation, OA.hasTarget, URIRef(f"{relation}/target")),
        (URIRef(f"{relation}/target"), OA.hasSource, para),
        # draft markup
        (added, RDF.type, ISKG.RevisionMark),
        (added, OA.motivatedBy, OA.editing),
        (added, ISKG.revision, ISKG.Added),
        (deleted, RDF.type, ISKG.RevisionMark),
        (deleted, ISKG.revision, ISKG.Deleted),
        (deleted, ISKG.deletedText, Literal("in every situation.")),
        (URIRef(f"{deleted}/position"), RDF.type, OA.TextPositionSelector),
        (URIRef(f"{deleted}/position"), OA.start, Literal(12, datatype=XSD.nonNegativeInteger)),
        (URIRef(f"{deleted}/position"), OA.end, Literal(12, datatype=XSD.nonNegativeInteger)),
    ]
    for triple in triples:
        graph.add(triple)
    result = check_consistency(graph)
    assert result.ok, result.message


@needs_java
def test_detects_an_inconsistency(combined: rdflib.Graph) -> None:
    graph = rdflib.Graph()
    for triple in combined:
        graph.add(triple)
    # a threat cannot be narrower than an actor: Threat and Actor are disjoint
    graph.add((URIRef(ID + "threat/cybercrime"), ISKG.broader, URIRef(ID + "actor/europol")))
    result = check_consistency(graph)
    assert not result.consistent
    assert "inconsistent" in result.message


@needs_java
def test_reports_unsatisfiable_classes(tbox: rdflib.Graph) -> None:
    graph = rdflib.Graph()
    for triple in tbox:
        graph.add(triple)
    graph.add((ISKG.ThreateningActor, RDF.type, OWL.Class))
    graph.add((ISKG.ThreateningActor, RDFS.subClassOf, ISKG.Threat))
    graph.add((ISKG.ThreateningActor, RDFS.subClassOf, ISKG.Actor))
    result = check_consistency(graph)
    assert result.consistent
    assert result.unsatisfiable == [str(ISKG.ThreateningActor)]
    assert not result.ok


def test_missing_java_is_a_clear_error(monkeypatch: pytest.MonkeyPatch, tbox: rdflib.Graph) -> None:
    monkeypatch.setattr(owlready2, "JAVA_EXE", "no-such-java-runtime")
    with pytest.raises(IskgError, match="Java"):
        check_consistency(tbox)


def test_result_is_a_frozen_dataclass() -> None:
    result = ReasonerResult(consistent=True, unsatisfiable=[], seconds=0.1, message="ok")
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.consistent = False  # type: ignore[misc]


# ----------------------------------------------------------------------------------------- the TBox


def test_ontology_header(tbox: rdflib.Graph) -> None:
    assert (ONTOLOGY_IRI, RDF.type, OWL.Ontology) in tbox
    assert (ONTOLOGY_IRI, OWL.versionIRI, URIRef("https://w3id.org/iskg/ontology/0.1.0")) in tbox
    assert tbox.value(ONTOLOGY_IRI, OWL.versionInfo) is not None
    assert (ONTOLOGY_IRI, DCT.license, URIRef("https://creativecommons.org/licenses/by/4.0/")) in tbox
    assert (ONTOLOGY_IRI, DCT.created, Literal("2026-11-23", datatype=XSD.date)) in tbox
    assert tbox.value(ONTOLOGY_IRI, DCT.title) is not None
    assert tbox.value(ONTOLOGY_IRI, DCT.description) is not None


def test_every_iskg_term_has_english_label_and_definition(tbox: rdflib.Graph) -> None:
    terms = {s for s in tbox.subjects(RDF.type, None) if isinstance(s, URIRef) and s.startswith(str(ISKG))}
    assert len(terms) > 40
    for term in terms:
        labels = [o for o in tbox.objects(term, RDFS.label) if isinstance(o, Literal) and o.language == "en"]
        definitions = [o for o in tbox.objects(term, SKOS.definition) if isinstance(o, Literal) and o.language == "en"]
        assert len(labels) == 1, term
        assert len(definitions) == 1, term


def test_data_model_terms_are_declared(tbox: rdflib.Graph) -> None:
    classes = (
        "PolicyDocument CouncilConclusions CouncilNote Communication StrategyDocument Report Section Paragraph "
        "Footnote Entity Threat Principle StrategicGuideline StrategicObjective Actor Agency EUInstitution "
        "CouncilBody InternationalOrganisation NationalBody Instrument LegalAct InformationSystem PolicyProgramme "
        "Fund OperationalMechanism AnalyticalProduct RevisionMark"
    )
    objects = (
        "serves supports addresses operates manages cooperatesWith restsOn broader coordinates mentions "
        "sameWorkAs revision"
    )
    data = "text position sourceStart sourceEnd format encoding printedAs discovered method deletedText"
    for name in classes.split():
        assert (ISKG[name], RDF.type, OWL.Class) in tbox, name
    for name in objects.split():
        assert (ISKG[name], RDF.type, OWL.ObjectProperty) in tbox, name
    for name in data.split():
        assert (ISKG[name], RDF.type, OWL.DatatypeProperty) in tbox, name
    for individual in (ISKG.Added, ISKG.Deleted):
        assert (individual, RDF.type, OWL.NamedIndividual) in tbox


def test_property_characteristics(tbox: rdflib.Graph) -> None:
    assert (ISKG.cooperatesWith, RDF.type, OWL.SymmetricProperty) in tbox
    assert (ISKG.sameWorkAs, RDF.type, OWL.SymmetricProperty) in tbox
    assert (ISKG.broader, RDF.type, OWL.TransitiveProperty) in tbox
    assert (ISKG.supports, RDFS.subPropertyOf, ISKG.serves) in tbox
    assert (ISKG.manages, RDFS.subPropertyOf, ISKG.operates) in tbox
    assert (ISKG.Actor, RDFS.subClassOf, URIRef("http://www.w3.org/ns/prov#Agent")) in tbox
    assert (ISKG.RevisionMark, RDFS.subClassOf, OA.Annotation) in tbox


def test_top_classes_are_pairwise_disjoint(tbox: rdflib.Graph) -> None:
    tops = set(KIND_CLASS.values())
    declared = False
    for axiom in tbox.subjects(RDF.type, OWL.AllDisjointClasses):
        members = set(Collection(tbox, tbox.value(axiom, OWL.members)))
        declared = declared or tops <= members
    assert declared


def test_reused_properties_are_declared(tbox: rdflib.Graph, vocabulary: rdflib.Graph) -> None:
    """OWL tools need every property the graph uses declared with one kind."""
    kinds = (OWL.AnnotationProperty, OWL.ObjectProperty, OWL.DatatypeProperty)
    builtin = {
        RDF.type,
        RDFS.label,
        RDFS.comment,
        RDFS.seeAlso,
        RDFS.subClassOf,
        RDFS.subPropertyOf,
        RDFS.domain,
        RDFS.range,
        OWL.versionInfo,
    }
    used = {p for graph in (tbox, vocabulary) for p in graph.predicates()}
    used |= {
        DCT.identifier,
        DCT.date,
        DCT.title,
        DCT.source,
        DCT.references,
        DCT.isPartOf,
        OA.hasBody,
        OA.hasTarget,
        OA.hasSource,
        OA.hasSelector,
        OA.start,
        OA.end,
        OA.exact,
        OA.motivatedBy,
    }
    for prop in used:
        if prop in builtin or str(prop).startswith(str(OWL)) or str(prop).startswith(str(RDF)):
            continue
        declared = [k for k in kinds if (prop, RDF.type, k) in tbox]
        assert len(declared) == 1, f"{prop} declared as {declared}"


# ----------------------------------------------------------------------------------------- the vocabulary


def test_vocabulary_size(vocabulary: rdflib.Graph) -> None:
    counts = defaultdict(int)
    for entity in entities(vocabulary):
        counts[str(entity)[len(ID) :].split("/")[0]] += 1
    assert sum(counts.values()) >= 250
    for kind in KIND_CLASS:
        assert counts[kind] >= 10, kind


def test_every_entity_has_one_english_preflabel_and_an_ontology_class(
    tbox: rdflib.Graph, vocabulary: rdflib.Graph
) -> None:
    for entity in entities(vocabulary):
        kind, slug = str(entity)[len(ID) :].split("/", 1)
        assert kind in KIND_CLASS, entity
        assert SLUG.match(slug), entity
        prefs = list(vocabulary.objects(entity, SKOS.prefLabel))
        assert len(prefs) == 1, entity
        assert prefs[0].language == "en", entity
        for alt in vocabulary.objects(entity, SKOS.altLabel):
            assert isinstance(alt, Literal) and alt.language == "en" and str(alt).strip() == str(alt) and alt, entity
        definitions = list(vocabulary.objects(entity, SKOS.definition))
        assert len(definitions) == 1 and definitions[0].language == "en", entity
        types = list(vocabulary.objects(entity, RDF.type))
        assert len(types) == 1, entity
        assert (types[0], RDF.type, OWL.Class) in tbox, entity
        assert KIND_CLASS[kind] in superclasses(tbox, types[0]), f"{entity} is a {types[0]}"


def test_listed_bodies_have_their_checked_identifiers(vocabulary: rdflib.Graph) -> None:
    for slug, (wikidata, corporate_body) in EXACT_MATCHES.items():
        entity = URIRef(f"{ID}actor/{slug}")
        matches = {str(o) for o in vocabulary.objects(entity, SKOS.exactMatch)}
        if wikidata:
            assert WD + wikidata in matches, slug
        if corporate_body:
            assert CB + corporate_body in matches, slug


def test_no_invented_identifiers(vocabulary: rdflib.Graph) -> None:
    allowed = {WD + w for w, _ in EXACT_MATCHES.values() if w} | {CB + c for _, c in EXACT_MATCHES.values() if c}
    used = {str(o) for o in vocabulary.objects(None, SKOS.exactMatch)}
    assert used <= allowed, used - allowed
    # one public identifier names one entity
    for value in used:
        assert len(set(vocabulary.subjects(SKOS.exactMatch, URIRef(value)))) == 1, value


def test_no_two_entities_of_one_class_share_a_label(vocabulary: rdflib.Graph) -> None:
    owners: dict[tuple[URIRef, str], set[URIRef]] = defaultdict(set)
    for entity in entities(vocabulary):
        cls = vocabulary.value(entity, RDF.type)
        for label in (*vocabulary.objects(entity, SKOS.prefLabel), *vocabulary.objects(entity, SKOS.altLabel)):
            owners[(cls, str(label).lower())].add(entity)
    clashes = {key: found for key, found in owners.items() if len(found) > 1}
    assert not clashes, clashes


def test_no_label_names_two_entities(vocabulary: rdflib.Graph) -> None:
    """Across classes too, once case and hyphens are ignored: a matcher could not choose."""
    owners: dict[str, set[URIRef]] = defaultdict(set)
    for entity in entities(vocabulary):
        for label in (*vocabulary.objects(entity, SKOS.prefLabel), *vocabulary.objects(entity, SKOS.altLabel)):
            owners[normalised(str(label))].add(entity)
    clashes = {label: found for label, found in owners.items() if len(found) > 1}
    assert not clashes, clashes


def test_broader_links_threats_without_cycles(vocabulary: rdflib.Graph) -> None:
    parents: dict[URIRef, set[URIRef]] = defaultdict(set)
    for child, parent in vocabulary.subject_objects(ISKG.broader):
        assert str(child).startswith(ID + "threat/") and str(parent).startswith(ID + "threat/"), (child, parent)
        assert (parent, RDF.type, ISKG.Threat) in vocabulary, parent
        parents[child].add(parent)
    assert len(parents) >= 20
    for start in parents:
        seen, todo = set(), list(parents[start])
        while todo:
            node = todo.pop()
            assert node != start, f"cycle through {start}"
            if node not in seen:
                seen.add(node)
                todo.extend(parents.get(node, ()))
    soc = URIRef(ID + "threat/serious-and-organised-crime")
    assert soc in parents[URIRef(ID + "threat/drug-trafficking")]
    assert URIRef(ID + "threat/cybercrime") in parents[URIRef(ID + "threat/cyber-attacks")]


def test_renamed_bodies_keep_one_iri(vocabulary: rdflib.Graph) -> None:
    def labels(slug: str) -> set[str]:
        entity = URIRef(f"{ID}actor/{slug}")
        return {str(o) for p in (SKOS.prefLabel, SKOS.altLabel) for o in vocabulary.objects(entity, p)}

    assert {"EMCDDA", "EUDA"} <= labels("emcdda")
    assert {"Frontex", "European Border and Coast Guard Agency"} <= labels("frontex")
    assert {"European Police College", "European Union Agency for Law Enforcement Training"} <= labels("cepol")
    assert {"EASO", "EUAA"} <= labels("european-asylum-support-office")
    assert {"SitCen", "EU INTCEN"} <= labels("eu-intcen")
    assert {"the Council", "JHA Council", "Justice and Home Affairs Council"} <= labels("council-of-the-european-union")
