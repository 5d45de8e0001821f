"""Pushing to a real Oxigraph server, and stored queries there giving the embedded store's answers.

Only loopback traffic; every wait is bounded; every server started here is stopped here.
"""

from __future__ import annotations

import base64
import contextlib
import http.server
import shlex
import shutil
import socket
import subprocess
import sys
import threading
import time
import traceback
import urllib.error
import urllib.request
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pyoxigraph as ox
import pytest

from iskg.graph import push as push_module
from iskg.graph.build import BuildResult
from iskg.graph.cli import EXIT_BAD_INPUT, main
from iskg.graph.endpoint import Client, HttpError, endpoints
from iskg.graph.push import DEFAULT_GRAPH_IRI, push
from iskg.graph.query import Rows, open_store, run_select, run_stored, stored_queries
from iskg.graph.remote import run_remote_select, run_remote_stored, with_values
from iskg.loaders.errors import IskgError


def _oxigraph() -> str | None:
    beside = Path(sys.executable).parent / "oxigraph"  # a venv's bin/ need not be on PATH
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


OXIGRAPH = _oxigraph()
pytestmark = pytest.mark.skipif(OXIGRAPH is None, reason="the Oxigraph server (PyPI oxigraph) is not installed")

SMALL = """@prefix ex: <urn:x:> .
ex:a ex:p "one" ; ex:q [ ex:r "blank" ] .
ex:b ex:p "two" .
"""
OTHER = """@prefix ex: <urn:x:> .
ex:c ex:p "three" .
"""
NASTY = 'x" } ; DROP ALL ; { <urn:evil> \\ "\'\n'


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OxigraphServer:
    """`oxigraph serve` on a loopback port over a folder that outlives restarts."""

    def __init__(self, location: Path):
        self.location = location
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen | None = None

    def start(self, wait: float = 30.0) -> None:
        self.proc = subprocess.Popen([OXIGRAPH, "serve", "--location", str(self.location),
                                      "--bind", f"127.0.0.1:{self.port}"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        deadline = time.monotonic() + wait
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"oxigraph exited: {self.proc.stderr.read().decode(errors='replace')[:500]}")
            try:
                with urllib.request.urlopen(f"{self.url}/query?query=ASK%7B%7D", timeout=2) as r:
                    if r.status == 200:
                        return
            except (urllib.error.URLError, OSError):
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"oxigraph did not answer within {wait} s")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)
        if self.proc and self.proc.stderr:
            self.proc.stderr.close()
        self.proc = None

    def client(self) -> Client:
        return Client(endpoints(self.url), None, timeout=30)

    def count(self, graph: str) -> int:
        return push_module.count(self.client(), ox.NamedNode(graph))

    def graphs(self) -> set[str]:
        result = self.client().select("SELECT DISTINCT ?g WHERE { GRAPH ?g {} }")
        return {b["g"]["value"] for b in result["results"]["bindings"]}


@contextlib.contextmanager
def _serve(location: Path) -> Iterator[OxigraphServer]:
    server = OxigraphServer(location)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    with _serve(tmp_path_factory.mktemp("oxigraph")) as server:
        yield server


@pytest.fixture(autouse=True)
def no_credentials(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No credentials unless a test sets them: not from this machine's environment or ~/.netrc."""
    monkeypatch.delenv("ISKG_ENDPOINT_USER", raising=False)
    monkeypatch.delenv("ISKG_ENDPOINT_PASSWORD", raising=False)
    empty = tmp_path / "netrc"
    empty.write_text("")
    monkeypatch.setenv("ISKG_NETRC", str(empty))


@pytest.fixture(scope="module")
def graph_file(built: BuildResult) -> Path:
    return built.files[0]


@pytest.fixture(scope="module")
def local_store(graph_file: Path) -> ox.Store:
    return open_store(graph_file)


@pytest.fixture(scope="module")
def pushed(server: OxigraphServer, graph_file: Path) -> push_module.PushResult:
    return push(graph_file, server.url)


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


# --- the graph arrives whole ---------------------------------------------------------------

def test_push_puts_exactly_the_local_triples_into_the_named_graph(server, graph_file, pushed):
    local = len(open_store(graph_file))
    assert pushed.triples == local > 10_000
    assert pushed.method == "Graph Store Protocol" and pushed.target == f"{server.url}/store"
    assert server.count(DEFAULT_GRAPH_IRI) == local
    assert not any("/incoming-" in g for g in server.graphs())


def _example_params(example: str) -> dict[str, str]:
    words = shlex.split(example)
    pairs = [words[i + 1] for i, w in enumerate(words[:-1]) if w == "--param"]
    return dict(pair.split("=", 1) for pair in pairs)


def _normal(term: ox.NamedNode | ox.BlankNode | ox.Literal | None) -> str:
    """N-Triples, numbers by value, blank nodes by kind (their labels are each store's own)."""
    if term is None:
        return "UNBOUND"
    if isinstance(term, ox.BlankNode):
        return "_:b"
    if isinstance(term, ox.Literal) and term.datatype.value.startswith("http://www.w3.org/2001/XMLSchema#") \
            and term.datatype.value.rsplit("#", 1)[1] in ("integer", "int", "long", "decimal", "double", "float"):
        try:
            return f"number {Decimal(term.value).normalize()}"
        except InvalidOperation:
            pass
    return str(term)


def _sorted_rows(rows: Rows) -> list[tuple[str, ...]]:
    return sorted(tuple(_normal(row[v]) for v in rows.variables) for row in rows.rows)


@pytest.mark.parametrize("name", sorted(stored_queries()))
def test_stored_query_gives_the_same_rows_on_the_server(server, local_store, pushed, name):
    params = _example_params(stored_queries()[name].example)
    local = run_stored(local_store, name, **params)
    remote = run_remote_stored(f"{server.url}/query", name, **params)
    assert remote.variables == local.variables
    assert _sorted_rows(remote) == _sorted_rows(local)


def test_the_comparison_is_not_empty(local_store):
    total = sum(len(run_stored(local_store, n, **_example_params(q.example)).rows) for n, q in stored_queries().items())
    assert total > 100


def test_pushing_again_replaces_the_graph_and_leaves_no_temporary_graph(server, graph_file, pushed):
    again = push(graph_file, f"{server.url}/store")
    assert again.previous_triples == again.triples == pushed.triples
    assert server.count(DEFAULT_GRAPH_IRI) == pushed.triples
    assert not any("/incoming-" in g for g in server.graphs())


def test_without_graph_store_protocol_it_falls_back_to_insert_data_in_chunks(server, graph_file, tmp_path):
    graph = "urn:x:fallback"
    result = push(graph_file, server.url, graph, store_endpoint=f"{server.url}/no-such-store", chunk_triples=500)
    assert result.method == "SPARQL Update" and result.target == f"{server.url}/update"
    assert server.count(graph) == result.triples == len(open_store(graph_file))
    # chunks never split what hangs on one blank node: the server holds as many blank nodes as the file
    query = ("SELECT (COUNT(DISTINCT ?b) AS ?n) "
             "WHERE { GRAPH <%s> { { ?b ?p ?o } UNION { ?s ?p ?b } FILTER isBlank(?b) } }")
    local = run_select(_in_graph(graph_file, graph), query % graph).rows[0]["n"].value
    assert server.client().select(query % graph)["results"]["bindings"][0]["n"]["value"] == local != "0"
    assert push(graph_file, server.url, graph, gsp=False).previous_triples == result.triples
    assert not any("/incoming-" in g for g in server.graphs())


def _in_graph(graph_file: Path, graph: str) -> ox.Store:
    store = ox.Store()
    store.bulk_load(path=str(graph_file), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(graph))
    return store


# --- failing part-way leaves the previous graph -------------------------------------------

def test_a_failed_swap_leaves_the_previous_graph_and_removes_the_temporary_one(server, pushed, tmp_path,
                                                                              monkeypatch):
    def broken_swap(client, incoming, target):
        raise HttpError("update at http://127.0.0.1/update: HTTP 503: overloaded", 503)

    monkeypatch.setattr(push_module, "swap", broken_swap)
    with pytest.raises(IskgError) as caught:
        push(_file(tmp_path, "small.ttl", SMALL), server.url)
    message = str(caught.value)
    assert "failed while swapping the new graph in" in message and "HTTP 503" in message
    assert f"<{DEFAULT_GRAPH_IRI}> is unchanged" in message and "temporary graph was removed" in message
    assert server.count(DEFAULT_GRAPH_IRI) == pushed.triples
    assert not any("/incoming-" in g for g in server.graphs())


def test_a_server_dying_after_the_upload_leaves_the_previous_graph(tmp_path, monkeypatch):
    with _serve(tmp_path / "db") as dying:
        first = push(_file(tmp_path, "small.ttl", SMALL), dying.url)
        real_upload = push_module._upload

        def upload_then_die(*args, **kwargs):
            done = real_upload(*args, **kwargs)
            dying.stop()
            return done

        monkeypatch.setattr(push_module, "_upload", upload_then_die)
        with pytest.raises(IskgError) as caught:
            push(_file(tmp_path, "other.ttl", OTHER), dying.url, timeout=5)
        message = str(caught.value)
        assert message.startswith(f"push to {dying.url} failed while counting the uploaded triples")
        assert "cannot reach the server" in message and f"<{DEFAULT_GRAPH_IRI}> is unchanged" in message

        monkeypatch.setattr(push_module, "_upload", real_upload)
        dying.start()
        assert dying.count(DEFAULT_GRAPH_IRI) == first.triples == 4
        assert any("/incoming-" in g for g in dying.graphs())  # what the dead server could not drop
        after = push(_file(tmp_path, "small.ttl", SMALL), dying.url)
        assert len(after.stale_dropped) == 1 and dying.count(DEFAULT_GRAPH_IRI) == 4
        assert dying.graphs() == {DEFAULT_GRAPH_IRI}


def test_an_unreachable_server_is_one_clear_error(tmp_path):
    with pytest.raises(IskgError, match=r"failed while uploading: .*cannot reach the server"):
        push(_file(tmp_path, "small.ttl", SMALL), f"http://127.0.0.1:{_free_port()}", timeout=5)


# --- credentials ---------------------------------------------------------------------------

class _Recorder(http.server.BaseHTTPRequestHandler):
    """Refuses everything, echoing the Authorization header back, as a careless server might."""

    seen: list[str | None] = []
    redirect_to: str | None = None

    def _answer(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        self.rfile.read(length)
        auth = self.headers.get("Authorization")
        type(self).seen.append(auth)
        if self.redirect_to:
            self.send_response(302)
            self.send_header("Location", self.redirect_to)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        decoded = base64.b64decode(auth.split(" ", 1)[1]).decode() if auth else ""
        body = f"denied: you sent {auth} ({decoded})".encode()
        self.send_response(401)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = _answer

    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def _recording(redirect_to: str | None = None) -> Iterator[tuple[str, list[str | None]]]:
    seen: list[str | None] = []
    handler = type("Recorder", (_Recorder,), {"seen": seen, "redirect_to": redirect_to})
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", seen
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=5)


@pytest.fixture
def recorder() -> Iterator[tuple[str, list[str | None]]]:
    with _recording() as recording:
        yield recording


SECRET = "s3cr3t-Pa55"
TOKEN = base64.b64encode(f"alice:{SECRET}".encode()).decode()


def _leaks(text: str) -> bool:
    return SECRET in text or TOKEN in text


def test_credentials_from_the_environment_are_sent_and_never_shown(recorder, tmp_path, monkeypatch, capsys):
    url, seen = recorder
    monkeypatch.setenv("ISKG_ENDPOINT_USER", "alice")
    monkeypatch.setenv("ISKG_ENDPOINT_PASSWORD", SECRET)
    graph = str(_file(tmp_path, "small.ttl", SMALL))
    assert main(["push", "--endpoint", url, "--graph", graph, "--timeout", "5"]) == EXIT_BAD_INPUT
    assert main(["query", "graph-summary", "--endpoint", url]) == EXIT_BAD_INPUT
    captured = capsys.readouterr()
    assert seen and all(h == f"Basic {TOKEN}" for h in seen)
    assert "HTTP 401" in captured.err and "ISKG_ENDPOINT_USER" in captured.err and "***" in captured.err
    assert not _leaks(captured.out + captured.err)
    with pytest.raises(IskgError) as caught:
        push(Path(graph), url, timeout=5)
    assert not _leaks("".join(traceback.format_exception(caught.value)))


def test_credentials_from_a_netrc_file_are_sent(recorder, tmp_path, monkeypatch):
    url, seen = recorder
    netrc = _file(tmp_path, "my-netrc", f"machine 127.0.0.1 login alice password {SECRET}\n")
    monkeypatch.setenv("ISKG_NETRC", str(netrc))
    with pytest.raises(IskgError) as caught:
        run_remote_stored(url, "graph-summary", timeout=5)
    assert seen == [f"Basic {TOKEN}"] and not _leaks(str(caught.value))


def test_credentials_are_not_passed_on_when_a_server_redirects_elsewhere(recorder, monkeypatch):
    elsewhere, seen_elsewhere = recorder
    monkeypatch.setenv("ISKG_ENDPOINT_USER", "alice")
    monkeypatch.setenv("ISKG_ENDPOINT_PASSWORD", SECRET)
    with _recording(redirect_to=f"{elsewhere}/query") as (url, seen), pytest.raises(IskgError) as caught:
        run_remote_stored(url, "graph-summary", timeout=5)
    assert seen == [f"Basic {TOKEN}"] and seen_elsewhere == [None] and not _leaks(str(caught.value))


def test_credentials_in_the_url_are_refused_without_repeating_them(tmp_path):
    with pytest.raises(IskgError, match="credentials in the endpoint URL are not accepted") as caught:
        push(_file(tmp_path, "small.ttl", SMALL), f"http://alice:{SECRET}@127.0.0.1:1/")
    assert not _leaks(str(caught.value))


# --- parameters on a remote endpoint -------------------------------------------------------

def test_values_block_goes_after_the_solution_modifiers_on_a_line_of_its_own():
    text = with_values("SELECT ?v WHERE { ?s ?p ?v } ORDER BY ?v # last line", {ox.Variable("v"): ox.Literal("a")})
    assert text.endswith('ORDER BY ?v # last line\nVALUES (?v) { ("a") }\n')


@pytest.mark.parametrize("value", [NASTY, "a}b;c", "'quoted' \"twice\"", "} } ;", "#"])
def test_a_value_with_quotes_braces_and_semicolons_neither_breaks_nor_changes_the_query(server, tmp_path, value):
    graph = "urn:x:values"
    escaped = value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    push(_file(tmp_path, "values.ttl", f'<urn:x:hit> <urn:x:label> "{escaped}" .\n<urn:x:miss> <urn:x:label> "x" .\n'),
         server.url, graph)
    query = "SELECT ?s ?label WHERE { ?s <urn:x:label> ?label } ORDER BY ?s # the end"
    rows = run_remote_select(f"{server.url}/query", query, {ox.Variable("label"): ox.Literal(value)}, graph_iri=graph)
    assert [(r["s"], r["label"]) for r in rows.rows] == [(ox.NamedNode("urn:x:hit"), ox.Literal(value))]
    missing = run_remote_select(f"{server.url}/query", query, {ox.Variable("label"): ox.Literal(value + "}")},
                                graph_iri=graph)
    assert missing.rows == [] and server.count(graph) == 2


def test_an_iri_parameter_that_is_not_an_iri_is_refused_before_anything_is_sent(server):
    with pytest.raises(IskgError, match="parameter entity: not an IRI"):
        run_remote_stored(f"{server.url}/query", "entity-evidence", entity='urn:x:a} ; DROP ALL ; {')


# --- the command line ----------------------------------------------------------------------

def test_cli_push_and_remote_query_agree_with_the_embedded_store(server, graph_file, pushed, tmp_path, capsys):
    small = str(_file(tmp_path, "small.ttl", SMALL))
    for _ in range(2):
        assert main(["push", "--endpoint", server.url, "--graph", small, "--graph-iri", "urn:x:cli"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("pushed 4 triples into <urn:x:cli> (Graph Store Protocol, ")
    assert out[1].startswith("pushed 4 triples into <urn:x:cli>, replacing 4 (")
    args = ["query", "entity-evidence", "--param", "entity=https://w3id.org/iskg/id/actor/europol", "--format", "csv"]
    assert main([*args, "--graph", str(graph_file)]) == 0
    local = capsys.readouterr().out
    assert main([*args, "--endpoint", f"{server.url}/query"]) == 0
    remote = capsys.readouterr().out
    assert sorted(remote.splitlines()) == sorted(local.splitlines()) and len(local.splitlines()) > 5


def test_credentials_are_not_sent_to_a_store_on_another_host(recorder, tmp_path, monkeypatch):
    store, seen_store = recorder
    monkeypatch.setenv("ISKG_ENDPOINT_USER", "alice")
    monkeypatch.setenv("ISKG_ENDPOINT_PASSWORD", SECRET)
    graph = str(_file(tmp_path, "small.ttl", SMALL))
    with _recording() as (url, seen):
        code = main(["push", "--endpoint", url, "--store-endpoint", f"{store}/store", "--graph", graph,
                     "--timeout", "5"])
    assert code == EXIT_BAD_INPUT
    assert seen_store and all(h is None for h in seen_store)


def test_cli_push_to_a_server_that_stops_part_way_says_so_and_keeps_the_previous_graph(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("ISKG_ENDPOINT_USER", "alice")
    monkeypatch.setenv("ISKG_ENDPOINT_PASSWORD", SECRET)
    with _serve(tmp_path / "db") as stopping:
        assert main(["push", "--endpoint", stopping.url, "--graph", str(_file(tmp_path, "small.ttl", SMALL))]) == 0
        real_upload = push_module._upload

        def upload_then_stop(*args, **kwargs):
            done = real_upload(*args, **kwargs)
            stopping.stop()
            return done

        monkeypatch.setattr(push_module, "_upload", upload_then_stop)
        code = main(["push", "--endpoint", stopping.url, "--graph", str(_file(tmp_path, "other.ttl", OTHER)),
                     "--timeout", "5"])
        captured = capsys.readouterr()
        assert code == EXIT_BAD_INPUT
        assert captured.err.count("\n") == 1 and captured.err.startswith(f"iskg: push to {stopping.url} failed while")
        assert f"<{DEFAULT_GRAPH_IRI}> is unchanged" in captured.err
        assert not _leaks(captured.out + captured.err)
        stopping.start()
        assert stopping.count(DEFAULT_GRAPH_IRI) == 4  # SMALL, not OTHER


def test_push_takes_no_credentials_on_the_command_line():
    from iskg.graph.cli import parser

    push_parser = parser()._subparsers._group_actions[0].choices["push"]
    options = {o for action in push_parser._actions for o in action.option_strings}
    assert not {o for o in options if any(w in o for w in ("user", "pass", "auth", "token", "cred"))}
    assert "ISKG_ENDPOINT_USER" in push_parser.description and "netrc" in push_parser.description
