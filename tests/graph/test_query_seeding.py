"""Bound parameters also open the query as a VALUES block, so that pyoxigraph's join order starts from them."""

import pyoxigraph as ox

from iskg.graph.query import run_select, seeded

EX = "https://example.org/"
QUERY = """PREFIX ex: <https://example.org/>
SELECT ?s ?label
WHERE {
  ?s ex:label ?label .
}
ORDER BY ?s
"""


def small_store() -> ox.Store:
    store = ox.Store()
    for name, label in (("a", "A"), ("b", 'x" ) } ?s ?p ?o { ("'), ("c", "C")):
        store.add(ox.Quad(ox.NamedNode(EX + name), ox.NamedNode(EX + "label"), ox.Literal(label)))
    return store


def test_the_values_block_opens_the_top_level_where():
    text = seeded(QUERY, {ox.Variable("s"): ox.NamedNode(EX + "a")})
    assert "WHERE {\n  VALUES (?s) { (<https://example.org/a>) }\n  ?s ex:label ?label ." in text


def test_a_query_with_a_bound_parameter_gives_the_rows_of_the_substitution_alone():
    store = small_store()
    subs = {ox.Variable("s"): ox.NamedNode(EX + "b")}
    plain = list(store.query(QUERY, substitutions=subs))
    rows = run_select(store, QUERY, subs).rows
    assert [r["s"] for r in rows] == [p["s"] for p in plain] == [ox.NamedNode(EX + "b")]


def test_a_literal_with_sparql_syntax_in_it_stays_one_term():
    store = small_store()
    label = ox.Literal('x" ) } ?s ?p ?o { ("')
    rows = run_select(store, QUERY, {ox.Variable("label"): label}).rows
    assert [(r["s"], r["label"]) for r in rows] == [(ox.NamedNode(EX + "b"), label)]


def test_a_query_without_parameters_or_a_where_line_runs_unchanged():
    assert seeded(QUERY, None) == QUERY
    one_line = "SELECT ?s WHERE { ?s ?p ?o }"
    assert seeded(one_line, {ox.Variable("s"): ox.NamedNode(EX + "a")}) == one_line
