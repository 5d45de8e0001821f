"""A read-only SPARQL 1.1 Protocol endpoint over the built graph (`iskg serve`).

Standard library HTTP (ThreadingHTTPServer) in front of a pool of worker processes that hold the
store (see serve_pool for why processes). Paths:

    /sparql   GET ?query=…, POST form (query=…) or POST application/sparql-query;
              GET without a query gives the SPARQL 1.1 Service Description (Turtle)
    /update   always 403: the endpoint is read-only
    /         a short help page with a query form

Status codes: 200; 400 malformed query, bad parameters, SERVICE (federated queries are
disabled); 403 SPARQL Update; 404 unknown path; 405 other methods; 406 no acceptable format;
411 POST without Content-Length; 413 query text over the size limit; 415 unknown POST content
type; 422 result over the row limit (nothing is truncated: the client is told to add a LIMIT);
500 evaluation failed; 503 time limit, memory limit, or every worker busy.
The graph is loaded into the named graph <https://w3id.org/iskg/graph> (where 'iskg push' puts it
on a server) and the default graph is the union of the named graphs, so plain queries, GRAPH ?g,
and `default-graph-uri=https://w3id.org/iskg/graph` (what 'iskg query --endpoint' sends) all see
it. `default-graph-uri` and `named-graph-uri` are honoured: they replace FROM / FROM NAMED.
"""

from __future__ import annotations

import contextlib
import html
import ipaddress
import re
import socket
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib.resources import files
from pathlib import Path
from string import Template
from urllib.parse import parse_qs, unquote_plus, urlsplit

import pyoxigraph as ox

from iskg.graph.interrupt import interrupt_on_sigterm
from iskg.graph.serve_formats import FORMATS, W3C_FORMATS, Format, negotiate, offered
from iskg.graph.serve_guard import inspect_query
from iskg.graph.serve_pool import GRAPH_IRI, Job, Outcome, WorkerPool, store_to_nquads
from iskg.loaders.errors import IskgError

DEFAULT_PORT = 7879
DEFAULT_TIMEOUT = 10.0
DEFAULT_MAX_RESULTS = 100_000
DEFAULT_MAX_QUERY_BYTES = 100_000
DEFAULT_WORKERS = 2
DEFAULT_MEMORY_LIMIT_MB = 4096

Log = Callable[[str], None]

SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_LINGER_SECONDS = 1.0  # how long a closing connection waits for the client to stop sending
_LINGER_BYTES = 1_000_000
_SAFE_HOST = re.compile(r"^(?:[A-Za-z0-9.\-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$")


@dataclass(frozen=True)
class Limits:
    """What one request may cost."""

    timeout: float = DEFAULT_TIMEOUT  # seconds of evaluation
    max_results: int = DEFAULT_MAX_RESULTS  # rows (SELECT) or triples (CONSTRUCT/DESCRIBE)
    max_query_bytes: int = DEFAULT_MAX_QUERY_BYTES  # UTF-8 bytes of query text


def _printable(path: str, width: int = 100) -> str:
    """A request target for the log: decoded, on one line, shortened."""
    text = "".join(ch if ch.isprintable() else " " for ch in unquote_plus(path, errors="replace"))
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 3] + "..."


def _stderr(line: str) -> None:
    print(line, file=sys.stderr, flush=True)


class SparqlServer(ThreadingHTTPServer):
    """The HTTP server; owns the worker pool and stops it when closed."""

    daemon_threads = True
    # socketserver's default backlog of 5 overflows under a burst of concurrent clients on a busy
    # machine, and an overflowing accept queue can reset a connection the client already wrote to
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], pool: WorkerPool, limits: Limits, log: Log | None) -> None:
        self.pool = pool
        self.limits = limits
        self.log = log
        super().__init__(address, _Handler)

    @property
    def url(self) -> str:
        """The endpoint's address, e.g. http://127.0.0.1:7879/sparql."""
        host, port = self.server_address[:2]
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{port}/sparql"

    def server_close(self) -> None:
        super().server_close()
        self.pool.close()

    def shutdown_request(self, request: socket.socket) -> None:  # type: ignore[override]
        """Close after reading what the client still sends (bounded), so the close is no reset.

        A connection closed with unread bytes (the rest of a URL over the request-line limit, a
        refused body) is reset by the kernel, and the reset can discard the 4xx answer before
        the client reads it.
        """
        with contextlib.suppress(OSError):
            request.shutdown(socket.SHUT_WR)
            request.settimeout(_LINGER_SECONDS)
            left = _LINGER_BYTES
            while left > 0 and (chunk := request.recv(min(left, 65536))):
                left -= len(chunk)
        self.close_request(request)

    def start_background(self) -> threading.Thread:
        """Serve from a daemon thread (tests, notebooks); stop with shutdown() then server_close()."""
        thread = threading.Thread(target=self.serve_forever, kwargs={"poll_interval": 0.1},
                                  name="iskg-sparql-server", daemon=True)
        thread.start()
        return thread


class _Handler(BaseHTTPRequestHandler):
    """One connection; every request ends in exactly one _send."""

    server: SparqlServer
    protocol_version = "HTTP/1.1"
    server_version = "iskg-sparql/0.1"
    # Headers and body go out in two writes; with Nagle on, keep-alive clients wait ~40 ms for each answer.
    disable_nagle_algorithm = True

    # -- plumbing --------------------------------------------------------------------------

    def log_message(self, format: str, *args: object) -> None:
        """Errors the base class answers by itself (bad request line, URI too long) are logged too."""
        if self.server.log:
            self.server.log(f"{self.address_string()} {format % args}")

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        """Replaced by the one line _send writes, which has the time taken."""

    def _send(self, status: int, body: bytes, content_type: str, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self._responded = True
        if self.command != "HEAD":
            self.wfile.write(body)
        if self.server.log:
            elapsed = (time.perf_counter() - self._started) * 1000
            target = _printable(self.path)
            self.server.log(f"{self.address_string()} {self.command} {target} {status} {elapsed:.1f} ms {len(body)} B")

    def _fail(self, status: int, message: str, headers: dict[str, str] | None = None) -> None:
        out = Outcome.error(status, message)
        self._send(status, out.body, out.content_type, headers)

    def _dispatch(self) -> None:
        self._started = time.perf_counter()
        self._responded = False
        path = urlsplit(self.path).path
        try:
            if path == "/sparql":
                self._sparql()
            elif path == "/update":
                self._drain()
                self._fail(403, "this endpoint is read-only: SPARQL Update is not accepted")
            elif path in ("/", "/index.html"):
                if self.command in ("GET", "HEAD"):
                    self._send(200, _help_page(self.server).encode("utf-8"), "text/html; charset=utf-8")
                else:
                    self._drain()
                    self._fail(405, "use GET here; queries go to /sparql", {"Allow": "GET, HEAD"})
            else:
                self._drain()
                self._fail(404, f"nothing at {path}; the endpoint is /sparql")
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception as e:  # a bug must still give the client an answer, and the log a line
            self.close_connection = True
            if not self._responded:
                self._fail(500, f"internal error: {type(e).__name__}: {e}")
            if self.server.log:
                self.server.log(f"iskg serve: internal error on {_printable(self.path)}: {e!r}")

    do_GET = do_POST = do_HEAD = _dispatch

    def _not_allowed(self) -> None:
        self._started = time.perf_counter()
        self._drain()
        self._fail(405, f"{self.command} is not supported: this endpoint is read-only",
                   {"Allow": "GET, HEAD, POST, OPTIONS"})

    do_PUT = do_DELETE = do_PATCH = _not_allowed

    def do_OPTIONS(self) -> None:
        self._started = time.perf_counter()
        self._send(204, b"", "text/plain; charset=utf-8", {"Allow": "GET, HEAD, POST, OPTIONS"})

    def _drain(self) -> None:
        """Read and drop a small request body so the connection stays usable; close it for a big one."""
        length = self.headers.get("Content-Length")
        if length and length.isdigit() and int(length) <= 3 * self.server.limits.max_query_bytes + 4096:
            self.rfile.read(int(length))
        elif length or self.headers.get("Transfer-Encoding"):
            self.close_connection = True

    # -- the protocol ----------------------------------------------------------------------

    def _body(self) -> bytes | None:
        """The POST body, or None after answering 411/413 for one that is missing or too big."""
        if self.headers.get("Transfer-Encoding"):
            self.close_connection = True
            self._fail(411, "send the request body with a Content-Length (chunked bodies are not supported)")
            return None
        length = self.headers.get("Content-Length")
        if length is None or not length.isdigit():
            self.close_connection = True
            self._fail(411, "a POST needs a Content-Length header")
            return None
        # Form encoding may triple the size of the text; the exact check is on the decoded query.
        if int(length) > 3 * self.server.limits.max_query_bytes + 4096:
            self.close_connection = True
            limit = self.server.limits.max_query_bytes
            self._fail(413, f"request body too large: the query text limit is {limit} bytes")
            return None
        return self.rfile.read(int(length))

    def _sparql(self) -> None:
        url_params = parse_qs(urlsplit(self.path).query, keep_blank_values=True)
        if self.command in ("GET", "HEAD"):
            if "update" in url_params:
                self._fail(403, "this endpoint is read-only: SPARQL Update is not accepted")
            elif "query" not in url_params:
                self._service_description()
            else:
                self._query(url_params["query"], url_params)
            return
        body = self._body()
        if body is None:
            return
        media = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        try:
            if media == "application/x-www-form-urlencoded":
                params = {**url_params}
                for name, values in parse_qs(body.decode("utf-8"), keep_blank_values=True,
                                             errors="strict").items():
                    params[name] = params.get(name, []) + values
                if "update" in params:
                    self._fail(403, "this endpoint is read-only: SPARQL Update is not accepted")
                elif "query" not in params:
                    self._fail(400, "the form has no 'query' field")
                else:
                    self._query(params["query"], params)
            elif media == "application/sparql-query":
                if "query" in url_params:
                    self._fail(400, "give the query either in the body or in the URL, not both")
                else:
                    self._query([body.decode(self._charset())], url_params)
            elif media == "application/sparql-update":
                self._fail(403, "this endpoint is read-only: SPARQL Update is not accepted")
            else:
                self._fail(415, "POST application/x-www-form-urlencoded (query=…) or application/sparql-query, "
                                f"not '{media or 'no content type'}'")
        except (UnicodeDecodeError, LookupError):
            self._fail(400, "the request body is not valid UTF-8 (or the charset named is unknown)")

    def _charset(self) -> str:
        m = re.search(r"charset=\"?([\w.\-]+)", self.headers.get("Content-Type") or "", re.IGNORECASE)
        return m.group(1) if m else "utf-8"

    def _query(self, texts: list[str], params: dict[str, list[str]]) -> None:
        limits = self.server.limits
        if len(texts) != 1:
            self._fail(400, "give exactly one 'query' parameter")
            return
        text = texts[0]
        if len(text.encode("utf-8")) > limits.max_query_bytes:
            self._fail(413, f"query text too large: the limit is {limits.max_query_bytes} bytes")
            return
        info = inspect_query(text)
        if info.is_update:
            self._fail(403, f"this endpoint is read-only: SPARQL Update ({info.form}) is not accepted")
            return
        if info.uses_service:
            self._fail(400, "federated queries are disabled: SERVICE is not allowed on this endpoint")
            return
        graphs = {name: params.get(name, []) for name in ("default-graph-uri", "named-graph-uri")}
        for iri in graphs["default-graph-uri"] + graphs["named-graph-uri"]:
            try:
                ox.NamedNode(iri)
            except ValueError:
                self._fail(400, f"not an absolute IRI: '{iri}'")
                return
        fmt: Format | None = None
        if info.kind:
            fmt = negotiate(info.kind, self.headers.get("Accept"), params.get("format"))
            if fmt is None:
                asked = ", ".join(params.get("format", [])) or self.headers.get("Accept", "")
                self._fail(406, f"cannot answer a {info.form} query as '{asked}'; on offer: {offered(info.kind)}")
                return
        protocol_dataset = bool(graphs["default-graph-uri"] or graphs["named-graph-uri"])
        job = Job(text, fmt.key if fmt else None, limits.max_results,
                  tuple(graphs["default-graph-uri"]) if protocol_dataset else None,
                  tuple(graphs["named-graph-uri"]) if protocol_dataset else None,
                  info.uses_dataset, tuple(info.prefixes.items()))
        out = self.server.pool.run(job, limits.timeout)
        headers = {"Vary": "Accept"} if out.status == 200 else {}
        if out.status == 503:
            headers["Retry-After"] = "1"
        self._send(out.status, out.body, out.content_type, headers)

    def _service_description(self) -> None:
        fmt = negotiate("graph", self.headers.get("Accept")) or negotiate("graph", None)
        host = self.headers.get("Host", "")
        url = f"http://{host}/sparql" if _SAFE_HOST.match(host) else self.server.url
        body = service_description(url, self.server.pool.triples, self.server.limits, fmt.rdf_format())
        self._send(200, body, fmt.content_type, {"Vary": "Accept"})


def service_description(endpoint: str, triples: int, limits: Limits, fmt: ox.RdfFormat = ox.RdfFormat.TURTLE
                        ) -> bytes:
    """SPARQL 1.1 Service Description of the endpoint, built as RDF terms (no text templating).

    The data sits in one named graph; the default graph is the union of the named graphs.
    """
    sd = {name: ox.NamedNode(SD + name) for name in (
        "Service", "endpoint", "supportedLanguage", "SPARQL11Query", "resultFormat", "feature", "UnionDefaultGraph",
        "defaultDataset", "Dataset", "defaultGraph", "namedGraph", "NamedGraph", "name", "graph", "Graph")}
    service = ox.NamedNode(endpoint)
    dataset, default, named, graph = (ox.BlankNode(b) for b in ("dataset", "default", "named", "graph"))
    count = ox.Literal(str(triples), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    comment = (f"Read-only SPARQL 1.1 endpoint of iskg, the knowledge graph of EU internal-security policy. "
               f"Federated queries (SERVICE) are disabled; each query may run {limits.timeout:g} s and return "
               f"{limits.max_results} rows; query text up to {limits.max_query_bytes} bytes.")
    out = [
        ox.Triple(service, RDF_TYPE, sd["Service"]),
        ox.Triple(service, sd["endpoint"], service),
        ox.Triple(service, sd["supportedLanguage"], sd["SPARQL11Query"]),
        *(ox.Triple(service, sd["resultFormat"], ox.NamedNode(W3C_FORMATS + f.w3c)) for f in FORMATS),
        ox.Triple(service, sd["feature"], sd["UnionDefaultGraph"]),
        ox.Triple(service, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#comment"), ox.Literal(comment)),
        ox.Triple(service, sd["defaultDataset"], dataset),
        ox.Triple(dataset, RDF_TYPE, sd["Dataset"]),
        ox.Triple(dataset, sd["defaultGraph"], default),
        ox.Triple(default, RDF_TYPE, sd["Graph"]),
        ox.Triple(default, ox.NamedNode(VOID + "triples"), count),
        ox.Triple(dataset, sd["namedGraph"], named),
        ox.Triple(named, RDF_TYPE, sd["NamedGraph"]),
        ox.Triple(named, sd["name"], ox.NamedNode(GRAPH_IRI)),
        ox.Triple(named, sd["graph"], graph),
        ox.Triple(graph, RDF_TYPE, sd["Graph"]),
        ox.Triple(graph, ox.NamedNode(VOID + "triples"), count),
    ]
    return ox.serialize(out, format=fmt, prefixes={"sd": SD, "void": VOID, "formats": W3C_FORMATS})


def _help_page(server: SparqlServer) -> str:
    """A page with a query form: enough to try the endpoint from a browser."""
    limits = server.limits
    example = "SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n) LIMIT 20"
    options = "".join(f'<option value="{f.key}">{html.escape(f.media_type)}</option>' for f in FORMATS)
    page = files("iskg.graph").joinpath("data/endpoint-help.html").read_text(encoding="utf-8")
    return Template(page).substitute(
        url=html.escape(server.url), triples=server.pool.triples, timeout=f"{limits.timeout:g}",
        max_results=limits.max_results, max_query_bytes=limits.max_query_bytes, example=html.escape(example),
        options=options)


def _warn_if_exposed(host: str) -> None:
    """Loud warning when the endpoint is reachable from other machines."""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        bar = "!" * 78
        print(f"{bar}\nWARNING: iskg serve is binding {host or 'all interfaces'}, not 127.0.0.1: anyone who can "
              f"reach this\nmachine can query the graph and use its CPU. There is no authentication.\n{bar}",
              file=sys.stderr, flush=True)


def make_server(source: ox.Store | Path, host: str = "127.0.0.1", port: int = 0, timeout: float = DEFAULT_TIMEOUT,
                max_results: int = DEFAULT_MAX_RESULTS, *, workers: int = DEFAULT_WORKERS,
                memory_limit_mb: int = DEFAULT_MEMORY_LIMIT_MB, max_query_bytes: int = DEFAULT_MAX_QUERY_BYTES,
                log: Log | None = _stderr) -> SparqlServer:
    """A bound, not yet serving endpoint over a store or a graph file; port 0 picks a free port.

    The workers each load their own copy (a Store is dumped to N-Quads for them once). Returns when
    every worker has loaded the graph. Close with server_close(), which also stops the workers.
    """
    if timeout <= 0 or max_results < 1 or max_query_bytes < 1:
        raise IskgError("--timeout and --max-results must be positive")
    _warn_if_exposed(host)
    if isinstance(source, ox.Store):
        data: Path | bytes = store_to_nquads(source)
    else:
        if not source.is_file():
            raise IskgError(f"{source}: no built graph here (run 'iskg build' first)")
        data = source.resolve()
    pool = WorkerPool(data, workers, memory_limit_mb, log)
    try:
        return SparqlServer((host, port), pool, Limits(timeout, max_results, max_query_bytes), log)
    except OSError as e:
        pool.close()
        raise IskgError(f"cannot listen on {host}:{port}: {e.strerror or e}") from e


def serve(graph_file: Path, host: str = "127.0.0.1", port: int = DEFAULT_PORT, timeout: float = DEFAULT_TIMEOUT,
          max_results: int = DEFAULT_MAX_RESULTS, *, workers: int = DEFAULT_WORKERS,
          memory_limit_mb: int = DEFAULT_MEMORY_LIMIT_MB, log: Log | None = _stderr) -> None:
    """Serve until interrupted (Ctrl-C or SIGTERM), then stop the workers."""
    server = make_server(graph_file, host, port, timeout, max_results, workers=workers,
                         memory_limit_mb=memory_limit_mb, log=log)
    if threading.current_thread() is threading.main_thread():
        interrupt_on_sigterm()
    try:
        print(f"iskg: serving {graph_file} ({server.pool.triples} triples) at {server.url} "
              f"with {workers} workers; Ctrl-C stops", file=sys.stderr, flush=True)
        server.serve_forever()
    except KeyboardInterrupt:
        print("iskg: stopped", file=sys.stderr, flush=True)
    finally:
        server.server_close()
