"""Stored SPARQL queries on the built graph, in the embedded store (pyoxigraph).

Parameters are bound as RDF terms through the engine's substitutions, and repeated as a VALUES
block of the same parsed terms (see `seeded`), never pasted into the query text as given, so a
value cannot change what a query means.

A stored query's header, before its first SPARQL line:

    # title: a short name
    # question: the one question it answers
    # param: name (iri|string|integer) [= default] — what it is
    # param: name (iri, optional) — left unbound (matching anything) when not given
    # example: iskg query NAME --param name=value
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from iskg.loaders.errors import IskgError
from iskg.queries import query_paths

if TYPE_CHECKING:  # pandas is optional: only Rows.to_dataframe needs it
    import pandas

_HEADER = re.compile(r"^#\s*(\w+):\s*(.*)$")
_PARAM = re.compile(
    r"^(\w+)\s*\((iri|string|integer)(\s*,\s*optional)?\)\s*(?:=\s*(\S+))?\s*(?:[—-]\s*(.*))?$")


@dataclass(frozen=True)
class Param:
    name: str
    kind: str
    default: str | None
    description: str
    optional: bool = False


@dataclass(frozen=True)
class StoredQuery:
    """A `.rq` file and what its header says about it."""

    name: str
    title: str
    question: str
    params: tuple[Param, ...]
    example: str
    text: str


_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_TYPES = {_XSD + t for t in ("integer", "int", "long", "short", "byte", "nonNegativeInteger",
                                     "positiveInteger", "nonPositiveInteger", "negativeInteger",
                                     "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte")}
_FLOAT_TYPES = {_XSD + t for t in ("decimal", "float", "double")}


def plain_value(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> object:
    """A term as the Python value a data frame wants: numbers and booleans as such, the rest as text."""
    if term is None:
        return None
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        try:
            if datatype in _INTEGER_TYPES:
                return int(term.value)
            if datatype in _FLOAT_TYPES:
                return float(term.value)
        except ValueError:  # an ill-typed literal stays text rather than failing the whole table
            return term.value
        if datatype == _XSD + "boolean":
            return term.value in ("true", "1")
    return term.value


@dataclass(frozen=True)
class Rows:
    """A SELECT result: variable names and one dict of RDF terms per row."""

    variables: list[str]
    rows: list[dict[str, ox.NamedNode | ox.BlankNode | ox.Literal | None]]

    def to_dataframe(self) -> pandas.DataFrame:
        """The rows as a pandas DataFrame (IRIs and text as str, numbers as numbers), for notebooks."""
        try:
            import pandas as pd
        except ImportError as e:
            raise IskgError("Rows.to_dataframe needs pandas: pip install pandas") from e
        records = [[plain_value(row.get(v)) for v in self.variables] for row in self.rows]
        return pd.DataFrame.from_records(records, columns=self.variables)


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
        params.append(Param(m.group(1), m.group(2), m.group(4), m.group(5) or "", optional=bool(m.group(3))))
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
        if value is None and p.optional:
            continue
        if value is None:
            raise IskgError(f"query {query.name}: missing parameter {p.name} ({p.kind}): {p.description}")
        out[ox.Variable(p.name)] = _term(p, value)
    return out


_TOP_WHERE = re.compile(r"^WHERE\s*\{[ \t]*$", re.MULTILINE)


def seeded(text: str, substitutions: dict | None) -> str:
    """The query with its bound parameters also as a VALUES block opening its top-level WHERE.

    pyoxigraph orders a query's joins before it sees the substitutions, as if the parameters were
    unbound, so a query about one entity would start from every annotation and filter late. A VALUES
    block is what its optimizer starts from. The block holds the same terms as the substitutions,
    written as N-Triples terms of already-parsed pyoxigraph terms, so a value still cannot change what
    the query means. A query whose WHERE does not open a line of its own runs unchanged.
    """
    if not substitutions:
        return text
    names = " ".join(str(v) for v in substitutions)
    terms = " ".join(str(t) for t in substitutions.values())
    block = f"WHERE {{\n  VALUES ({names}) {{ ({terms}) }}"
    return _TOP_WHERE.sub(lambda _: block, text, count=1)


def run_select(store: ox.Store, text: str, substitutions: dict | None = None) -> Rows:
    """Run a SELECT query; a malformed query is an error with the parser's message."""
    try:
        result = store.query(seeded(text, substitutions), substitutions=substitutions or None)
    except SyntaxError as e:
        raise IskgError(f"malformed SPARQL: {str(e).splitlines()[0]}") from e
    except RuntimeError as e:  # e.g. a parameter that is not a projected variable
        raise IskgError(f"query failed: {e}") from e
    if not isinstance(result, ox.QuerySolutions):
        raise IskgError("only SELECT queries give rows")
    variables = [v.value for v in result.variables]
    return Rows(variables, [{v: sol[v] for v in variables} for sol in result])


def stored_query(name: str) -> StoredQuery:
    """One stored query by name; an unknown name is an error pointing at the list."""
    queries = stored_queries()
    if name not in queries:
        raise IskgError(f"unknown query '{name}' (see 'iskg query --list')")
    return queries[name]


def run_stored(store: ox.Store, name: str, **params: str) -> Rows:
    """Run a stored query by name with keyword parameters: the notebook entry point."""
    query = stored_query(name)
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
