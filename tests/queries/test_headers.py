"""Every stored query says what it answers and how to call it, in a header the parser reads."""

import re
import shlex

import pytest

from iskg.graph.query import bindings, parse_header, stored_queries
from iskg.loaders.errors import IskgError

QUERIES = stored_queries()

# what the stored queries must cover, by name (the brief's list of questions)
REQUIRED = {
    "agencies-objectives", "agencies-guidelines", "instruments-by-threat", "actor-instruments", "threat-timeline",
    "threats-new", "threats-dropped", "cooperation-network", "guideline-principles", "citing-documents",
    "citation-chain", "entity-evidence", "relation-evidence", "objectives-unserved", "threats-unaddressed",
    "instruments-unoperated", "draft-changes", "discovered-entities", "actor-identifiers", "graph-summary",
}


def example_params(example: str) -> dict[str, str]:
    """The `--param K=V` pairs of an `# example:` line."""
    words = shlex.split(example)
    return dict(words[i + 1].split("=", 1) for i, w in enumerate(words[:-1]) if w == "--param")


def projection(text: str) -> list[str]:
    """The variables a SELECT projects, plain or `AS ?alias`, in order."""
    head = re.search(r"SELECT\s+(?:DISTINCT\s+)?(.*?)\s+WHERE", text, re.S).group(1)
    head = re.sub(r"\(.*?\bAS\s+(\?\w+)\s*\)", r"\1", head, flags=re.S)
    return re.findall(r"\?(\w+)", head)


def order_by(text: str) -> str:
    """The text of the outermost ORDER BY clause."""
    return text[text.rindex("ORDER BY"):]


def test_there_are_enough_stored_queries_and_the_required_ones():
    assert len(QUERIES) >= 20
    assert not REQUIRED - set(QUERIES), "missing stored queries"


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_header_has_title_question_and_example(name):
    query = QUERIES[name]
    assert query.title and query.title != name
    assert query.question.endswith("?") and query.question.count("?") == 1
    assert query.example.startswith(f"iskg query {name}")


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_example_names_only_declared_parameters_and_every_required_one(name):
    query = QUERIES[name]
    given = example_params(query.example)
    declared = {p.name for p in query.params}
    required = {p.name for p in query.params if p.default is None and not p.optional}
    assert set(given) <= declared
    assert required <= set(given)
    bindings(query, given)  # the example's values are valid terms


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_every_parameter_is_projected_so_substitution_works(name):
    query = QUERIES[name]
    projected = projection(query.text)
    assert all(p.name in projected for p in query.params)


@pytest.mark.parametrize("name", sorted(QUERIES))
def test_order_by_covers_every_projected_column(name):
    query = QUERIES[name]
    clause = order_by(query.text)
    missing = [v for v in projection(query.text) if not re.search(rf"\?{v}\b", clause)]
    assert not missing, f"{name}: ORDER BY leaves out {missing}"


def test_optional_parameter_is_left_unbound_when_not_given():
    query = parse_header("q", "# title: t\n# question: q?\n# param: doc (iri, optional) — a document\n"
                              "# param: n (integer) = 3 — a number\nSELECT ?doc ?n WHERE {}\n")
    assert [p.optional for p in query.params] == [True, False]
    assert [v.value for v in bindings(query, {})] == ["n"]
    assert [v.value for v in bindings(query, {"doc": "urn:x:d"})] == ["doc", "n"]


def test_required_parameter_without_value_is_an_error():
    with pytest.raises(IskgError, match="missing parameter entity"):
        bindings(QUERIES["entity-evidence"], {})
