"""A large graph streamed into a real Oxigraph server in N-Triples batches, never as one request.

The server and the built graph come from test_push.py's fixtures (loopback only, stopped there).
"""

from __future__ import annotations

import pytest
import test_push
from test_push import OXIGRAPH, _example_params, _in_graph, _sorted_rows

from iskg.graph import push as push_module
from iskg.graph.endpoint import Client
from iskg.graph.push import push
from iskg.graph.query import open_store, run_select, run_stored, stored_queries
from iskg.graph.remote import run_remote_stored

# test_push.py's fixtures: its Oxigraph server, the built graph, no stray credentials
server, graph_file, no_credentials = test_push.server, test_push.graph_file, test_push.no_credentials
pytestmark = pytest.mark.skipif(OXIGRAPH is None, reason="the Oxigraph server (PyPI oxigraph) is not installed")

BATCH = 2000
BLANK_NODES = ("SELECT (COUNT(DISTINCT ?b) AS ?n) "
               "WHERE { GRAPH <%s> { { ?b ?p ?o } UNION { ?s ?p ?b } FILTER isBlank(?b) } }")


@pytest.fixture
def requests(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Every Graph Store request as (method, N-Triples lines in its body)."""
    seen: list[tuple[str, int]] = []
    send = Client._send

    def recording(self, method, store_url, graph, body, media_type):
        seen.append((method, body.count(b"\n")))
        return send(self, method, store_url, graph, body, media_type)

    monkeypatch.setattr(Client, "_send", recording)
    return seen


@pytest.fixture
def never_whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches must come from the stream: loading the whole file into a store is a failure here."""
    def refuse(*_args, **_kwargs):
        raise AssertionError("the whole graph was loaded at once")

    monkeypatch.setattr(push_module, "open_store", refuse)


def test_a_build_goes_into_the_server_in_batches(server, graph_file, requests, never_whole):
    graph = "urn:x:batched"
    result = push(graph_file, server.url, graph, batch_triples=BATCH)
    triples = len(_in_graph(graph_file, graph))
    assert result.triples == triples == server.count(graph) > 10 * BATCH
    assert result.method == "Graph Store Protocol"
    posts = [lines for method, lines in requests if method == "POST"]
    assert len(posts) >= triples // BATCH and max(posts) <= BATCH
    assert not [m for m, _ in requests if m == "PUT"]
    # blank nodes arrive whole: the server holds as many as the file
    here = run_select(_in_graph(graph_file, graph), BLANK_NODES % graph).rows[0]["n"].value
    assert server.client().select(BLANK_NODES % graph)["results"]["bindings"][0]["n"]["value"] == here != "0"
    assert not any("/incoming-" in g for g in server.graphs())


@pytest.mark.parametrize("name", ["agencies-objectives", "entity-evidence", "threat-hierarchy", "documents"])
def test_stored_queries_agree_after_a_batched_push(server, graph_file, name):
    graph = "urn:x:batched-queries"
    push(graph_file, server.url, graph, batch_triples=BATCH)
    params = _example_params(stored_queries()[name].example)
    local = run_stored(open_store(graph_file), name, **params)
    remote = run_remote_stored(f"{server.url}/query", name, graph_iri=graph, **params)
    assert local.rows and _sorted_rows(remote) == _sorted_rows(local)


def test_without_graph_store_protocol_batches_go_as_insert_data(server, graph_file, requests):
    graph = "urn:x:batched-update"
    result = push(graph_file, server.url, graph, store_endpoint=f"{server.url}/no-such-store",
                  batch_triples=BATCH)
    assert result.method == "SPARQL Update" and result.target == f"{server.url}/update"
    assert server.count(graph) == result.triples == len(_in_graph(graph_file, graph))
    assert requests == [("POST", requests[0][1])]  # one refused attempt, then SPARQL Update only


def test_cli_push_streams_with_batch_triples(server, graph_file, requests, capsys):
    from iskg.graph.cli import main

    assert main(["push", "--endpoint", server.url, "--graph", str(graph_file), "--graph-iri", "urn:x:cli",
                 "--batch-triples", str(BATCH)]) == 0
    assert "pushed" in capsys.readouterr().out
    assert len(requests) > 10
