"""The SPARQL endpoint (`iskg serve`): protocol, formats, refusals, limits, and two independent clients.

One server per module on an ephemeral loopback port over the shared build of the corpus
(conftest's `built`, built once per session); SPARQLWrapper and roqet are the clients, plain
urllib where a test needs the exact status or headers.
"""

from __future__ import annotations

import csv
import http.client
import io
import json
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from SPARQLWrapper import CSV, JSON, TSV, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from iskg.graph.build import BuildResult
from iskg.graph.serve import SparqlServer, _warn_if_exposed, make_server
from iskg.graph.serve_formats import negotiate
from iskg.graph.serve_guard import inspect_query
from iskg.graph.serve_pool import GRAPH_IRI, Job, evaluate

TIMEOUT = 2.0
MAX_RESULTS = 5000
AGENCIES = """PREFIX iskg: <https://w3id.org/iskg/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
SELECT ?agency ?label WHERE { ?agency a iskg:Agency ; skos:prefLabel ?label } ORDER BY ?agency"""
PATTERN = "{ ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
CROSS = f"SELECT * {PATTERN}"


def graph_of(built: BuildResult) -> Path:
    return next(f for f in built.files if f.suffix == ".ttl")


@pytest.fixture(scope="module")
def log_lines() -> list[str]:
    return []


@pytest.fixture(scope="module")
def server(built: BuildResult, log_lines: list[str]) -> Iterator[SparqlServer]:
    srv = make_server(graph_of(built), "127.0.0.1", 0, timeout=TIMEOUT, max_results=MAX_RESULTS, log=log_lines.append)
    srv.start_background()
    try:
        yield srv
    finally:
        srv.shutdown()
        srv.server_close()


def client(server: SparqlServer, query: str, fmt: str = JSON, method: str = "GET",
           direct: bool = False) -> SPARQLWrapper:
    sparql = SPARQLWrapper(server.url)
    sparql.setQuery(query)
    sparql.setReturnFormat(fmt)
    sparql.setMethod(method)
    if direct:
        sparql.setRequestMethod("postdirectly")
    sparql.setTimeout(30)
    return sparql


def fetch(url: str, data: bytes | None = None, headers: dict[str, str] | None = None,
          method: str | None = None) -> tuple[int, dict[str, str], bytes]:
    """(status, headers, body) for any status."""
    request = urllib.request.Request(url, data=data, headers=headers or {}, method=method)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read()


def get(server: SparqlServer, query: str, accept: str | None = None, **params: str) -> tuple[int, dict, bytes]:
    query_string = urllib.parse.urlencode({"query": query, **params})
    return fetch(f"{server.url}?{query_string}", headers={"Accept": accept} if accept else {})


def agency_rows(server: SparqlServer) -> list[tuple[str, str]]:
    result = client(server, AGENCIES).queryAndConvert()
    return [(b["agency"]["value"], b["label"]["value"]) for b in result["results"]["bindings"]]


# -- reading a query without running it ----------------------------------------------------

@pytest.mark.parametrize("text", [
    'SELECT * { ?s ?p "SERVICE" }',
    "SELECT * { ?s ?p '''a SERVICE\nover lines''' }",
    "PREFIX service: <http://example.org/> SELECT * { ?s service:SERVICE ?o }",
    "SELECT ?SERVICE { ?SERVICE ?p ?o }  # a comment about SERVICE",
    'SELECT * { ?s ?p "say \\"SERVICE\\" here"@en }',
])
def test_the_word_service_outside_the_keyword_is_allowed(text: str) -> None:
    assert not inspect_query(text).uses_service


@pytest.mark.parametrize("text", [
    "SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
    "select * { service silent <http://example.org/sparql> { ?s ?p ?o } }",
    "SELECT * { ?x ?y ?z . SERVICE?endpoint{ ?s ?p ?o } }",
    "# SERVICE in a comment\nSELECT * { \"}\" . SERVICE <x:y> {} }",
    # what looks like an IRI may be read as '<' comparisons: (1<2)SERVICE?x#> hides the keyword
    "SELECT * { BIND(<http://127.0.0.1:9/c> AS ?x) LATERAL { FILTER(1<2)SERVICE?x#>\n{ ?s ?p ?o } } }",
    # so an IRI naming SERVICE is refused too, erring on the safe side
    "SELECT * { ?s <http://example.org/SERVICE> ?o }",
])
def test_the_service_keyword_is_found(text: str) -> None:
    assert inspect_query(text).uses_service


def test_query_form_update_and_prefixes() -> None:
    info = inspect_query("BASE <http://e/> PREFIX ex: <http://e/ns#>\nPREFIX : <http://e/d#> CONSTRUCT WHERE {}")
    assert (info.form, info.kind, info.is_update) == ("CONSTRUCT", "graph", False)
    assert info.prefixes == {"ex": "http://e/ns#", "": "http://e/d#"}
    for update in ("INSERT DATA { <a:b> <a:b> <a:b> }", "PREFIX ex: <http://e/> delete where { ?s ?p ?o }",
                   "LOAD <http://example.org/x.ttl>", "CLEAR ALL", "DROP GRAPH <a:b>", "WITH <a:b> DELETE {}"):
        assert inspect_query(update).is_update, update
    assert inspect_query("SELECT * FROM <a:b> {}").uses_dataset
    assert not inspect_query("SELECT * { ?from ?p 'FROM' }").uses_dataset


def test_negotiation() -> None:
    assert negotiate("results", None).key == "json"
    assert negotiate("results", "*/*").key == "json"
    assert negotiate("results", "text/csv;q=0.5, application/sparql-results+xml").key == "xml"
    assert negotiate("results", "text/*").key == "csv"
    assert negotiate("results", "text/turtle") is None
    assert negotiate("results", "text/csv;q=0, */*;q=0.1").key == "json"
    assert negotiate("graph", "application/n-triples, text/turtle;q=0.9").key == "ntriples"
    assert negotiate("graph", None, ["tsv", "text/tab-separated-values"]) is None
    assert negotiate("results", "text/csv", ["tsv"]).key == "tsv"  # the parameter wins
    assert negotiate("graph", None, ["n3"]).key == "turtle"


def test_row_limit_is_exact(built: BuildResult) -> None:
    store = ox.Store()
    store.bulk_load(path=str(graph_of(built)), format=ox.RdfFormat.TURTLE)
    query = "SELECT ?s { ?s ?p ?o } LIMIT 10"
    assert evaluate(store, Job(query, "csv", 10)).status == 200
    assert evaluate(store, Job(query, "csv", 9)).status == 422
    construct = "CONSTRUCT WHERE { ?s ?p ?o } LIMIT 10"
    assert evaluate(store, Job(construct, "ntriples", 10)).body.count(b"\n") == 10
    assert evaluate(store, Job(construct, "turtle", 9)).status == 422


# -- the protocol, with SPARQLWrapper ------------------------------------------------------

def test_select_json(server: SparqlServer) -> None:
    rows = agency_rows(server)
    assert ("https://w3id.org/iskg/id/actor/europol", "Europol") in rows
    assert len(rows) == len(set(rows)) > 5


def test_select_xml(server: SparqlServer) -> None:
    doc = client(server, AGENCIES, XML).queryAndConvert()
    ns = "{http://www.w3.org/2005/sparql-results#}"
    uris = [e.text for e in ET.fromstring(doc.toxml()).iter(f"{ns}uri")]
    assert uris == [agency for agency, _ in agency_rows(server)]


def test_select_csv_and_tsv(server: SparqlServer) -> None:
    expected = agency_rows(server)
    text = client(server, AGENCIES, CSV).queryAndConvert().decode("utf-8")
    assert [tuple(r) for r in list(csv.reader(io.StringIO(text)))[1:]] == expected
    tsv = client(server, AGENCIES, TSV).queryAndConvert().decode("utf-8").splitlines()
    assert tsv[0] == "?agency\t?label"
    assert tsv[1:] == [f'<{a}>\t"{label}"@en' for a, label in expected]


def test_ask(server: SparqlServer) -> None:
    ask = "ASK { <https://w3id.org/iskg/id/actor/europol> ?p ?o }"
    assert client(server, ask).queryAndConvert()["boolean"] is True
    assert client(server, "ASK { <urn:nothing> ?p ?o }").queryAndConvert()["boolean"] is False


def test_construct_turtle_parses_in_rdflib(server: SparqlServer) -> None:
    query = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    CONSTRUCT { ?s skos:prefLabel ?l } WHERE { ?s a <https://w3id.org/iskg/ontology#Agency> ; skos:prefLabel ?l }"""
    body = client(server, query, TURTLE).queryAndConvert()
    assert b"@prefix skos:" in body  # the query's prefixes are used in the answer
    graph = rdflib.Graph().parse(data=body, format="turtle")
    europol = rdflib.URIRef("https://w3id.org/iskg/id/actor/europol")
    assert graph.value(europol, rdflib.SKOS.prefLabel) == rdflib.Literal("Europol", lang="en")
    assert len(graph) == len(agency_rows(server))


def test_post_form_and_direct_post_give_the_same_rows(server: SparqlServer) -> None:
    expected = agency_rows(server)
    for direct in (False, True):
        result = client(server, AGENCIES, method="POST", direct=direct).queryAndConvert()
        assert [(b["agency"]["value"], b["label"]["value"]) for b in result["results"]["bindings"]] == expected


def test_update_is_refused(server: SparqlServer) -> None:
    insert = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"
    with pytest.raises(urllib.error.HTTPError) as e:  # SPARQLWrapper posts update=… as a form
        client(server, insert, method="POST").query()
    assert e.value.code == 403
    assert b"read-only" in e.value.read()
    status, _, body = fetch(server.url, insert.encode(), {"Content-Type": "application/sparql-update"})
    assert (status, b"read-only" in body) == (403, True)
    assert get(server, insert)[0] == 403  # an update in the query parameter
    assert fetch(server.url.replace("/sparql", "/update"), b"update=CLEAR+ALL",
                 {"Content-Type": "application/x-www-form-urlencoded"})[0] == 403
    assert fetch(server.url, b"x", {"Content-Type": "text/turtle"}, method="PUT")[0] == 405
    assert client(server, "ASK { <urn:a> <urn:b> <urn:c> }").queryAndConvert()["boolean"] is False


def test_load_is_refused(server: SparqlServer) -> None:
    status, _, body = get(server, "LOAD <http://127.0.0.1:9/data.ttl>")
    assert status == 403
    assert body.startswith(b"this endpoint is read-only")


def test_service_is_refused_but_the_word_in_a_literal_is_not(server: SparqlServer) -> None:
    federated = "SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"
    with pytest.raises(QueryBadFormed) as e:
        client(server, federated).query()
    assert "federated queries are disabled" in str(e.value)
    literal = 'SELECT (COUNT(*) AS ?n) { ?s ?p ?o FILTER(?o = "SERVICE") }'
    assert client(server, literal).queryAndConvert()["results"]["bindings"][0]["n"]["value"] == "0"


def test_malformed_query_gives_the_parser_message(server: SparqlServer) -> None:
    status, headers, body = get(server, "SELECT * WHERE { ?s ?p }")
    assert status == 400
    assert headers["Content-Type"].startswith("text/plain")
    assert body.startswith(b"malformed query: error at 1:") and body.count(b"\n") == 1
    with pytest.raises(QueryBadFormed), pytest.warns(RuntimeWarning):  # SPARQLWrapper cannot tell its form
        client(server, "SELEC * {}").query()


def test_content_negotiation_and_406(server: SparqlServer) -> None:
    status, headers, body = get(server, AGENCIES, "text/csv;q=0.2, application/sparql-results+xml;q=0.9")
    assert (status, headers["Content-Type"]) == (200, "application/sparql-results+xml")
    status, headers, _ = get(server, AGENCIES, "application/json")
    assert headers["Content-Type"] == "application/sparql-results+json" and headers["Vary"] == "Accept"
    status, _, body = get(server, AGENCIES, "text/turtle")
    assert status == 406 and b"text/csv" in body
    assert get(server, "CONSTRUCT WHERE { ?s a ?c } LIMIT 1", "text/csv")[0] == 406
    status, headers, body = get(server, "CONSTRUCT WHERE { ?s a ?c } LIMIT 3", "application/n-triples")
    assert headers["Content-Type"] == "application/n-triples" and body.count(b"\n") == 3
    status, headers, _ = get(server, AGENCIES, "application/json", format="csv")  # for browsers
    assert headers["Content-Type"] == "text/csv; charset=utf-8"


def test_query_text_over_the_size_limit(server: SparqlServer) -> None:
    padding = "#" + "x" * 120_000 + "\n"
    status, _, body = fetch(server.url, (padding + "ASK {}").encode(), {"Content-Type": "application/sparql-query"})
    assert status == 413
    assert b"100000 bytes" in body


def test_time_limit_stops_a_cross_product_and_the_server_recovers(server: SparqlServer) -> None:
    assert get(server, CROSS)[0] == 422  # streamed rows reach the row limit first
    never = CROSS[:-1] + "FILTER(STRLEN(CONCAT(STR(?c), STR(?f), STR(?i), STR(?l))) < 0) }"  # no row comes out
    for query in (never, CROSS + " ORDER BY ?l", f"SELECT (COUNT(*) AS ?n) {PATTERN}"):
        started = time.monotonic()
        status, headers, body = get(server, query)
        elapsed = time.monotonic() - started
        assert status == 503, body
        assert body == b"query exceeded the time limit of 2 s\n"
        assert TIMEOUT <= elapsed < TIMEOUT + 5
        assert headers["Retry-After"] == "1"
        assert len(agency_rows(server)) > 5  # still answering, on the other worker
    for _ in range(100):  # the killed workers are replaced in the background
        if server.pool.ready == server.pool.size:
            break
        time.sleep(0.1)
    assert server.pool.ready == server.pool.size


def test_result_size_limit(server: SparqlServer) -> None:
    status, _, body = get(server, f"SELECT * {{ ?s ?p ?o }} LIMIT {MAX_RESULTS}", "text/csv")
    assert status == 200 and body.count(b"\r\n") == MAX_RESULTS + 1
    status, _, body = get(server, f"SELECT * {{ ?s ?p ?o }} LIMIT {MAX_RESULTS + 1}")
    assert status == 422
    assert f"more than {MAX_RESULTS} rows".encode() in body and b"LIMIT" in body
    assert get(server, "CONSTRUCT WHERE { ?s ?p ?o }")[0] == 422


def test_the_graph_is_a_named_graph_in_a_union_default_graph(server: SparqlServer) -> None:
    count = "SELECT (COUNT(*) AS ?n) { ?s ?p ?o }"

    def n(**params: str) -> int:
        status, _, body = get(server, count, **params)
        assert status == 200, body
        return int(json.loads(body)["results"]["bindings"][0]["n"]["value"])

    total = n()
    assert total == server.pool.triples > 1000
    assert n(**{"default-graph-uri": GRAPH_IRI}) == total  # what 'iskg query --endpoint' sends
    assert n(**{"default-graph-uri": "urn:no-such-graph"}) == 0
    assert get(server, count, **{"default-graph-uri": "not an IRI"})[0] == 400
    graphs = client(server, "SELECT DISTINCT ?g { GRAPH ?g { ?s ?p ?o } }").queryAndConvert()
    assert [b["g"]["value"] for b in graphs["results"]["bindings"]] == [GRAPH_IRI]


def test_service_description(server: SparqlServer) -> None:
    status, headers, body = fetch(server.url)
    assert status == 200 and headers["Content-Type"] == "text/turtle; charset=utf-8"
    graph = rdflib.Graph().parse(data=body, format="turtle")
    sd = rdflib.Namespace("http://www.w3.org/ns/sparql-service-description#")
    service = rdflib.URIRef(server.url)
    assert (service, rdflib.RDF.type, sd.Service) in graph
    assert (service, sd.endpoint, service) in graph
    assert (service, sd.supportedLanguage, sd.SPARQL11Query) in graph
    assert (service, sd.resultFormat, rdflib.URIRef("http://www.w3.org/ns/formats/SPARQL_Results_CSV")) in graph
    assert (None, sd.name, rdflib.URIRef(GRAPH_IRI)) in graph


def test_help_page_and_unknown_paths(server: SparqlServer) -> None:
    status, headers, body = fetch(server.url.replace("/sparql", "/"))
    assert status == 200 and headers["Content-Type"].startswith("text/html")
    assert b'<form method="get" action="/sparql">' in body
    assert fetch(server.url.replace("/sparql", "/nothing"))[0] == 404


def test_post_edge_cases(server: SparqlServer) -> None:
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    assert fetch(server.url, b"query=ASK+%7B%7D", form)[0] == 200
    assert fetch(server.url, b"format=json", form)[0] == 400  # no query
    assert fetch(server.url, b"query=ASK+%7B%7D&query=ASK+%7B%7D", form)[0] == 400
    assert fetch(server.url, b"ASK {}", {"Content-Type": "text/plain"})[0] == 415
    assert fetch(server.url, b"\xff\xfe", {"Content-Type": "application/sparql-query"})[0] == 400
    host, port = server.server_address[:2]
    conn = http.client.HTTPConnection(host, port, timeout=30)
    try:  # keep-alive: several requests on one connection, without Nagle's ~40 ms stall on each
        started = time.monotonic()
        for _ in range(10):
            conn.request("GET", "/sparql?query=ASK%7B%7D")
            response = conn.getresponse()
            assert (response.status, response.read()) == (200, b'{"head":{},"boolean":true}')
        assert time.monotonic() - started < 0.35
    finally:
        conn.close()


def test_concurrent_clients_get_their_own_answers(server: SparqlServer) -> None:
    def count(kind: str) -> tuple[str, int]:
        body = client(server, f"SELECT (COUNT(*) AS ?n) {{ ?s a <https://w3id.org/iskg/ontology#{kind}> }}"
                      ).queryAndConvert()
        return kind, int(body["results"]["bindings"][0]["n"]["value"])

    kinds = ["Agency", "Threat", "Paragraph", "PolicyDocument"] * 6
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(count, kinds))
    assert answers == [count(kind) for kind in kinds]
    assert dict(answers)["Paragraph"] > 100


def test_one_log_line_per_request(server: SparqlServer, log_lines: list[str]) -> None:
    # a query no other test sends: lines of earlier requests may still arrive while this one runs
    probe = 'ASK { ?s ?p "log-line-probe" }'
    get(server, probe)
    mine: list[str] = []
    for _ in range(100):  # the line is written just after the response
        mine = [line for line in list(log_lines) if probe in line]
        if mine:
            break
        time.sleep(0.01)
    time.sleep(0.05)
    mine = [line for line in list(log_lines) if probe in line]
    assert len(mine) == 1
    assert mine[0].startswith(f"127.0.0.1 GET /sparql?query={probe} 200 ") and " ms " in mine[0]


def test_roqet_gets_the_same_rows(server: SparqlServer) -> None:
    if shutil.which("roqet") is None:
        pytest.skip("roqet (Debian rasqal-utils) is not installed")
    run = subprocess.run(["roqet", "-q", "-p", server.url, "-e", AGENCIES, "-r", "csv"],
                         capture_output=True, text=True, timeout=60, check=True)
    rows = [tuple(r) for r in list(csv.reader(io.StringIO(run.stdout)))[1:]]
    assert rows == agency_rows(server)
    refused = subprocess.run(["roqet", "-q", "-p", server.url, "-e", "SELECT * { SERVICE <urn:x> { ?s ?p ?o } }"],
                             capture_output=True, text=True, timeout=60)
    assert refused.returncode != 0 and "400" in refused.stderr


# -- servers of their own ------------------------------------------------------------------

def test_a_store_can_be_served_and_is_not_changed() -> None:
    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.Literal("x")))
    srv = make_server(store, timeout=5, workers=1, log=None)
    srv.start_background()
    try:
        assert client(srv, "SELECT ?o { <urn:a> <urn:p> ?o }").queryAndConvert()["results"]["bindings"] == [
            {"o": {"type": "literal", "value": "x"}}]
        assert get(srv, "DELETE WHERE { ?s ?p ?o }")[0] == 403
    finally:
        srv.shutdown()
        srv.server_close()
    assert len(store) == 1


def test_memory_limit_stops_a_runaway_order_by(built: BuildResult) -> None:
    srv = make_server(graph_of(built), timeout=60, workers=1, memory_limit_mb=512, log=None)
    srv.start_background()
    try:
        started = time.monotonic()
        status, _, body = get(srv, CROSS + " ORDER BY ?l")
        assert status == 503 and body.startswith(b"query exceeded the memory limit of 512 MB")
        assert time.monotonic() - started < 30
        for _ in range(100):
            if srv.pool.ready:
                break
            time.sleep(0.1)
        assert get(srv, "ASK {}")[0] == 200
    finally:
        srv.shutdown()
        srv.server_close()


def test_binding_beyond_loopback_warns(capsys: pytest.CaptureFixture[str]) -> None:
    _warn_if_exposed("127.0.0.1")
    _warn_if_exposed("::1")
    _warn_if_exposed("localhost")
    assert capsys.readouterr().err == ""
    _warn_if_exposed("0.0.0.0")
    assert "WARNING" in capsys.readouterr().err
