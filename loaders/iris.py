"""IRIs minted from content: canonical names and document numbers, never counters."""

from __future__ import annotations

import re
import unicodedata

ONTOLOGY = "https://w3id.org/iskg/ontology#"
RESOURCE = "https://w3id.org/iskg/id/"
# the named graph the data goes into on a SPARQL server (iskg push) and in the endpoint (iskg serve)
DATA_GRAPH = "https://w3id.org/iskg/graph"
KIND_OF_TOP = {
    "Actor": "actor",
    "Threat": "threat",
    "Principle": "principle",
    "StrategicGuideline": "guideline",
    "StrategicObjective": "objective",
    "Instrument": "instrument",
}


def slugify(text: str) -> str:
    """Lower-case ASCII words joined by hyphens: 'Prüm Decision' -> 'prum-decision'."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


def entity_iri(top_class: str, name: str) -> str:
    return f"{RESOURCE}{KIND_OF_TOP[top_class]}/{slugify(name)}"


def document_slug(identifier: str) -> str:
    """Council numbers get the register's 'st-' prefix; EUCO, COM, WK … keep their own."""
    ident = re.sub(r"\bfinal\b", "", identifier, flags=re.IGNORECASE)
    slug = slugify(ident)
    return slug if not slug[:1].isdigit() else f"st-{slug}"


def document_iri(slug: str) -> str:
    return f"{RESOURCE}document/{slug}"
