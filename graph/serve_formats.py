"""Result formats the endpoint offers, and content negotiation between them.

Kept apart from the HTTP code so that the worker processes (which serialise) and the request
handler (which negotiates) agree on one table. A format is chosen by the `format` (or `output`)
parameter when one is given, since browsers cannot set Accept, and otherwise by the Accept header.
"""

from __future__ import annotations

from dataclasses import dataclass

import pyoxigraph as ox

W3C_FORMATS = "http://www.w3.org/ns/formats/"


@dataclass(frozen=True)
class Format:
    """One serialisation: `key` is what crosses to the worker, `media_type` what the client is sent."""

    key: str
    kind: str  # 'results' for SELECT/ASK, 'graph' for CONSTRUCT/DESCRIBE
    media_type: str
    also: tuple[str, ...]  # other media types that ask for it
    names: tuple[str, ...]  # short names for the format parameter
    w3c: str  # its IRI under http://www.w3.org/ns/formats/, for the service description

    @property
    def content_type(self) -> str:
        return f"{self.media_type}; charset=utf-8" if self.media_type.startswith("text/") else self.media_type

    def results_format(self) -> ox.QueryResultsFormat:
        return _RESULTS[self.key]

    def rdf_format(self) -> ox.RdfFormat:
        return _RDF[self.key]


# The first of each kind is the default.
FORMATS = (
    Format("json", "results", "application/sparql-results+json", ("application/json",), ("json",),
           "SPARQL_Results_JSON"),
    Format("xml", "results", "application/sparql-results+xml", ("application/xml", "text/xml"), ("xml",),
           "SPARQL_Results_XML"),
    Format("csv", "results", "text/csv", (), ("csv",), "SPARQL_Results_CSV"),
    Format("tsv", "results", "text/tab-separated-values", (), ("tsv",), "SPARQL_Results_TSV"),
    Format("turtle", "graph", "text/turtle", ("application/turtle", "application/x-turtle"),
           ("turtle", "ttl", "n3"), "Turtle"),
    Format("ntriples", "graph", "application/n-triples", (), ("ntriples", "n-triples", "nt"), "N-Triples"),
    Format("rdfxml", "graph", "application/rdf+xml", ("application/xml", "text/xml"), ("rdfxml", "rdf", "xml"),
           "RDF_XML"),
    Format("jsonld", "graph", "application/ld+json", ("application/json",), ("jsonld", "json-ld", "json"),
           "JSON-LD"),
)
BY_KEY = {f.key: f for f in FORMATS}

_RESULTS = {"json": ox.QueryResultsFormat.JSON, "xml": ox.QueryResultsFormat.XML,
            "csv": ox.QueryResultsFormat.CSV, "tsv": ox.QueryResultsFormat.TSV}
_RDF = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML,
        "jsonld": ox.RdfFormat.JSON_LD}


def formats_of(kind: str) -> list[Format]:
    return [f for f in FORMATS if f.kind == kind]


def default_format(kind: str) -> Format:
    return formats_of(kind)[0]


def _accept_ranges(accept: str) -> list[tuple[str, float]]:
    """(media range, q) pairs of an Accept header; malformed q values count as 1."""
    out = []
    for part in accept.split(","):
        pieces = [p.strip() for p in part.split(";")]
        if not pieces[0]:
            continue
        q = 1.0
        for param in pieces[1:]:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 1.0
        out.append((pieces[0].lower(), q))
    return out


def _quality(fmt: Format, ranges: list[tuple[str, float]]) -> float:
    """The q of the most specific range that matches the format (RFC 9110 section 12.5.1).

    Aliases match only exactly, so that text/* means CSV and not SPARQL XML as text/xml.
    """
    best_specificity, best_q = -1, 0.0
    for media_range, q in ranges:
        for media in (fmt.media_type, *fmt.also):
            if media_range == media:
                specificity = 2
            elif media_range == media.split("/")[0] + "/*" and media == fmt.media_type:
                specificity = 1
            elif media_range == "*/*":
                specificity = 0
            else:
                continue
            if specificity > best_specificity or (specificity == best_specificity and q > best_q):
                best_specificity, best_q = specificity, q
    return best_q


def negotiate(kind: str, accept: str | None, requested: list[str] | None = None) -> Format | None:
    """The format to answer with, or None when nothing the client accepts is on offer (406).

    `requested` holds the values of the format parameter: the first one that names a format of
    this kind (by short name or media type) wins; values that name nothing are skipped.
    """
    candidates = formats_of(kind)
    if requested:
        for value in requested:
            value = value.strip().lower()
            for fmt in candidates:
                if value in fmt.names or value == fmt.media_type or value in fmt.also:
                    return fmt
        return None
    if not accept or not accept.strip():
        return candidates[0]
    ranges = _accept_ranges(accept)
    scored = [(_quality(fmt, ranges), -i, fmt) for i, fmt in enumerate(candidates)]
    q, _, fmt = max(scored, key=lambda s: (s[0], s[1]))
    return fmt if q > 0 else None


def offered(kind: str) -> str:
    """The media types of a kind, for a 406 message."""
    return ", ".join(f.media_type for f in formats_of(kind))
