"""Stored SPARQL queries on the built graph, in the embedded store (pyoxigraph).

Parameters are bound as RDF terms through the engine's substitutions, never pasted into the
query text, so a value cannot change what a query means.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from iskg.loaders.errors import IskgError
from iskg.queries import query_paths

_HEADER = re.compile(r"^#\s*(\w+):\s*(.*)$")
_PARAM = re.compile(r"^(\w+)\s*\((iri|string|integer)\)\s*(?:=\s*(\S+))?\s*(?:[—-]\s*(.*))?$")


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    default: str | None
    description: str


@dataclass(frozen=True)
class StoredQuery:
    """A `.rq` file and what its header says about it."""

    name: str
    title: str
    question: str
    params: tuple[Param, ...]
    example: str
    text: str


@dataclass(frozen=True)
class Rows:
    """A SELECT result: variable names and one dict of RDF terms per row."""

    variables: list[str]
    rows: list[dict[str, ox.NamedNode | ox.BlankNode | ox.Literal | None]]


def parse_header(name: str, text: str) -> StoredQuery:
    fields: dict[str, list[str]] = {}
    for line in text.splitlines():
        m = _HEADER.match(line)
        if m:
            fields.setdefault(m.group(1), []).append(m.group(2).strip())
        elif line.strip() and not line.startswith("#"):
            break
    params = []
    for spec in fields.get("param", []):
        m = _PARAM.match(spec)
        if not m:
            raise IskgError(f"{name}.rq: malformed parameter line '{spec}'")
        params.append(Param(m.group(1), m.group(2), m.group(3), m.group(4) or ""))
    return StoredQuery(name, fields.get("title", [name])[0], fields.get("question", [""])[0], tuple(params),
                       fields.get("example", [""])[0], text)


def stored_queries() -> dict[str, StoredQuery]:
    """Every stored query by name."""
    return {name: parse_header(name, path.read_text(encoding="utf-8")) for name, path in query_paths().items()}


def open_store(graph_file: Path) -> ox.Store:
    """An in-memory store loaded with the built graph."""
    if not graph_file.is_file():
        raise IskgError(f"{graph_file}: no built graph here (run 'iskg build' first)")
    store = ox.Store()
    try:
        store.bulk_load(path=str(graph_file), format=ox.RdfFormat.TURTLE)
    except (SyntaxError, ValueError, OSError) as e:
        raise IskgError(f"{graph_file}: cannot load graph: {e}") from e
    return store


def _term(param: Param, value: str) -> ox.NamedNode | ox.Literal:
    if param.kind == "iri":
        try:
            return ox.NamedNode(value)
        except ValueError as e:
            raise IskgError(f"parameter {param.name}: not an IRI: {value!r}") from e
    if param.kind == "integer":
        if not re.fullmatch(r"[+-]?\d+", value):
            raise IskgError(f"parameter {param.name}: not an integer: {value!r}")
        return ox.Literal(value, datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    return ox.Literal(value)


def bindings(query: StoredQuery, values: dict[str, str]) -> dict[ox.Variable, ox.NamedNode | ox.Literal]:
    """The parameter values as RDF terms; unknown or missing parameters are errors."""
    known = {p.name: p for p in query.params}
    unknown = sorted(set(values) - set(known))
    if unknown:
        raise IskgError(f"query {query.name}: unknown parameter {', '.join(unknown)}")
    out = {}
    for p in query.params:
        value = values.get(p.name, p.default)
        if value is None:
            raise IskgError(f"query {query.name}: missing parameter {p.name} ({p.kind}): {p.description}")
        out[ox.Variable(p.name)] = _term(p, value)
    return out


def run_select(store: ox.Store, text: str, substitutions: dict | None = None) -> Rows:
    """Run a SELECT query; a malformed query is an error with the parser's message."""
    try:
        result = store.query(text, substitutions=substitutions or None)
    except SyntaxError as e:
        raise IskgError(f"malformed SPARQL: {str(e).splitlines()[0]}") from e
    except RuntimeError as e:  # e.g. a parameter that is not a projected variable
        raise IskgError(f"query failed: {e}") from e
    if not isinstance(result, ox.QuerySolutions):
        raise IskgError("only SELECT queries give rows")
    variables = [v.value for v in result.variables]
    return Rows(variables, [{v: sol[v] for v in variables} for sol in result])


def run_stored(store: ox.Store, name: str, **params: str) -> Rows:
    """Run a stored query by name with keyword parameters: the notebook entry point."""
    queries = stored_queries()
    if name not in queries:
        raise IskgError(f"unknown query '{name}' (see 'iskg query --list')")
    query = queries[name]
    return run_select(store, query.text, bindings(query, params))


def _plain(term: object) -> str:
    return "" if term is None else str(term.value)


def format_rows(rows: Rows, fmt: str) -> str:
    """table, csv, tsv, or SPARQL 1.1 Query Results JSON."""
    if fmt == "json":
        def term_json(t: object) -> dict:
            if isinstance(t, ox.NamedNode):
                return {"type": "uri", "value": t.value}
            if isinstance(t, ox.BlankNode):
                return {"type": "bnode", "value": t.value}
            out = {"type": "literal", "value": t.value}
            if t.language:
                out["xml:lang"] = t.language
            elif t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
                out["datatype"] = t.datatype.value
            return out
        bound = [{k: term_json(v) for k, v in row.items() if v is not None} for row in rows.rows]
        return json.dumps({"head": {"vars": rows.variables}, "results": {"bindings": bound}}, indent=1) + "\n"
    if fmt in ("csv", "tsv"):
        buf = io.StringIO()
        writer = csv.writer(buf, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(rows.variables)
        for row in rows.rows:
            writer.writerow([_plain(row[v]) for v in rows.variables])
        return buf.getvalue()
    cells = [[_plain(row[v]) for v in rows.variables] for row in rows.rows]
    widths = [min(60, max([len(v), *(len(c[i]) for c in cells)])) for i, v in enumerate(rows.variables)]
    def line(values: list[str]) -> str:
        return "  ".join(v[:w].ljust(w) for v, w in zip(values, widths, strict=True)).rstrip()
    out = [line(rows.variables), line(["-" * w for w in widths]), *(line(c) for c in cells)]
    return "\n".join(out) + f"\n({len(cells)} rows)\n"
