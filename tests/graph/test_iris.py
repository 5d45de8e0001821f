"""IRIs come from content: document numbers and names, never counters."""

import pytest

from iskg.loaders.iris import document_slug, entity_iri, slugify


@pytest.mark.parametrize(("number", "slug"), [
    ("5842/2/10 REV 2", "st-5842-2-10-rev-2"),
    ("14297/19", "st-14297-19"),
    ("EUCO 79/14", "euco-79-14"),
    ("COM(2020) 605 final", "com-2020-605"),
    ("WK 10468/2020", "wk-10468-2020"),
])
def test_document_numbers_give_register_style_slugs(number, slug):
    assert document_slug(number) == slug


def test_entity_iris_are_ascii_slugs_under_their_kind():
    assert entity_iri("Instrument", "Prüm Decision") == "https://w3id.org/iskg/id/instrument/prum-decision"
    assert entity_iri("Actor", "eu-LISA") == "https://w3id.org/iskg/id/actor/eu-lisa"
    assert slugify("  ") == "x"


def _doc(source: str, identifier: str | None = None):
    from iskg.loaders.model import Document

    return Document(source=source, encoding="utf-8", format="text", identifier=identifier)


def test_document_slugs_never_collide_and_do_not_depend_on_other_files():
    from iskg.graph.abox import document_slugs

    slugs = document_slugs([_doc("a.txt"), _doc("a.md"), _doc("x.txt", "14297/19"), _doc("z.txt", "5842/10")])
    assert slugs == {"a.txt": "a-txt", "a.md": "a-md", "x.txt": "st-14297-19", "z.txt": "st-5842-10"}
    # two renditions printing one number both say so, whichever sorts first
    twins = document_slugs([_doc("clean.txt", "5842/10"), _doc("scan.txt", "5842/10")])
    assert twins == {"clean.txt": "st-5842-10-clean", "scan.txt": "st-5842-10-scan"}
