"""Query evaluation in worker processes, so that a query can be stopped.

pyoxigraph evaluates inside Rust and cannot be interrupted from Python, and checking a deadline
between result rows does not stop one long aggregate or ORDER BY. So every query runs in one of a
few worker processes that each hold their own copy of the store; the request thread waits on the
worker's socket until the time limit and, past it, kills the worker (SIGKILL always works) and
starts a replacement in the background. The data is small enough to load in a fraction of a
second, and a copy per worker also makes the endpoint read-only by construction: no request ever
reaches the store the server was started from.

Workers are fresh interpreters (`python -m iskg.graph.serve_pool`) talking over a socket pair,
not forks: the server is multi-threaded and pyoxigraph has threads of its own, and forking a
threaded process can deadlock the child; multiprocessing's 'spawn' would instead re-import the
caller's __main__, which breaks scripts that lack the `if __name__ == "__main__"` guard.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import queue
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox

from iskg.graph.serve_formats import BY_KEY, Format, default_format
from iskg.loaders.errors import IskgError
from iskg.loaders.iris import DATA_GRAPH

GRAPH_IRI = DATA_GRAPH  # where the data sits, as after 'iskg push' to a server
START_TIMEOUT = 120.0  # seconds a new worker may take to load the graph
_RESPAWN_ATTEMPTS = 3


@dataclass(frozen=True)
class Job:
    """One query for a worker; plain data so that it pickles."""

    text: str
    format_key: str | None  # None: the query form was not recognised; use the default of what it gives
    max_results: int
    default_graphs: tuple[str, ...] | None = None  # from the protocol's default-graph-uri / named-graph-uri
    named_graphs: tuple[str, ...] | None = None
    query_names_dataset: bool = False  # FROM / FROM NAMED in the text
    prefixes: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Outcome:
    """What a worker answers: a body to send, or an HTTP status with a one-line message."""

    status: int
    body: bytes
    content_type: str

    @staticmethod
    def error(status: int, message: str) -> Outcome:
        return Outcome(status, (message + "\n").encode("utf-8"), "text/plain; charset=utf-8")


class TooManyRows(Exception):
    """Raised inside a serialiser when the result passes the row limit."""


class _LineLimitedBuffer(io.RawIOBase):
    """A write target that keeps the bytes and stops the writer after `limit` lines.

    TSV results and N-Triples hold one row or triple per line (newlines in values are escaped),
    so counting lines counts rows, and raising here stops evaluation as soon as the limit passes.
    """

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.buffer = bytearray()
        self.lines = 0
        self.limit = limit

    def writable(self) -> bool:
        return True

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.lines += bytes(data).count(b"\n")
        if self.lines > self.limit:
            raise TooManyRows
        self.buffer += data
        return len(data)


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def _too_many(max_results: int) -> Outcome:
    return Outcome.error(422, f"the result has more than {max_results} rows, the limit of this endpoint; "
                              "add a LIMIT (and OFFSET to page through it)")


def _fmt(job: Job, kind: str) -> Format:
    fmt = BY_KEY.get(job.format_key or "")
    return fmt if fmt is not None and fmt.kind == kind else default_format(kind)


def _solutions(result: ox.QuerySolutions, job: Job) -> Outcome:
    """Rows counted on pyoxigraph's own TSV, then re-serialised by pyoxigraph if another format is wanted.

    TSV carries every term in full N-Triples syntax, so the round trip loses nothing, and the
    query is evaluated once however many rows it has.
    """
    sink = _LineLimitedBuffer(job.max_results + 1)  # + the header line
    try:
        result.serialize(sink, format=ox.QueryResultsFormat.TSV)
    except TooManyRows:
        return _too_many(job.max_results)
    fmt = _fmt(job, "results")
    tsv = bytes(sink.buffer)
    if fmt.key == "tsv":
        return Outcome(200, tsv, fmt.content_type)
    again = ox.parse_query_results(tsv, ox.QueryResultsFormat.TSV)
    return Outcome(200, again.serialize(format=fmt.results_format()), fmt.content_type)


def _triples(result: ox.QueryTriples, job: Job) -> Outcome:
    """Triples counted on N-Triples (one per line), then written in the wanted format."""
    sink = _LineLimitedBuffer(job.max_results)
    try:
        result.serialize(sink, format=ox.RdfFormat.N_TRIPLES)
    except TooManyRows:
        return _too_many(job.max_results)
    fmt = _fmt(job, "graph")
    nt = bytes(sink.buffer)
    if fmt.key == "ntriples":
        return Outcome(200, nt, fmt.content_type)
    triples = [q.triple for q in ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)]
    body = ox.serialize(triples, format=fmt.rdf_format(), prefixes=dict(job.prefixes) or None)
    return Outcome(200, body, fmt.content_type)


def evaluate(store: ox.Store, job: Job) -> Outcome:
    """Run one query on a store and serialise its result; used inside the workers."""
    protocol_dataset = job.default_graphs is not None or job.named_graphs is not None
    try:
        result = store.query(
            job.text,
            # Without a dataset of its own a query sees every graph as its default graph, as on a
            # server set to union default graph. pyoxigraph's union flag would override FROM, so not then.
            use_default_graph_as_union=not (protocol_dataset or job.query_names_dataset),
            default_graph=[ox.NamedNode(g) for g in job.default_graphs or ()] if protocol_dataset else None,
            named_graphs=[ox.NamedNode(g) for g in job.named_graphs or ()] if protocol_dataset else None,
        )
        if isinstance(result, ox.QueryBoolean):
            fmt = _fmt(job, "results")
            return Outcome(200, result.serialize(format=fmt.results_format()), fmt.content_type)
        if isinstance(result, ox.QuerySolutions):
            return _solutions(result, job)
        return _triples(result, job)
    except SyntaxError as e:
        return Outcome.error(400, f"malformed query: {_first_line(e)}")
    except MemoryError:
        return Outcome.error(503, "query ran out of memory")
    except Exception as e:  # evaluation errors surface as OSError/RuntimeError/ValueError from Rust
        return Outcome.error(500, f"query failed: {_first_line(e)}")


def store_to_nquads(store: ox.Store) -> bytes:
    """A store's content for the workers, its default graph moved into GRAPH_IRI like a file's triples."""
    graph = ox.NamedNode(GRAPH_IRI)
    quads = (q if not isinstance(q.graph_name, ox.DefaultGraph) else ox.Quad(q.subject, q.predicate, q.object, graph)
             for q in store)
    return ox.serialize(quads, format=ox.RdfFormat.N_QUADS)


def load_store(source: Path | bytes) -> ox.Store:
    """A store from a graph file (format from its extension, Turtle otherwise) or N-Quads bytes.

    A file's triples go into the named graph GRAPH_IRI, so that `default-graph-uri=GRAPH_IRI`
    (what 'iskg query --endpoint' sends) and `GRAPH ?g` work here as on a server pushed to.
    """
    store = ox.Store()
    if isinstance(source, bytes):
        store.bulk_load(input=source, format=ox.RdfFormat.N_QUADS)
        return store
    fmt = ox.RdfFormat.from_extension(source.suffix.lstrip(".")) or ox.RdfFormat.TURTLE
    if fmt.supports_datasets:
        store.bulk_load(path=str(source), format=fmt)
    else:
        store.bulk_load(path=str(source), format=fmt, to_graph=ox.NamedNode(GRAPH_IRI))
    return store


def _limit_memory(megabytes: int) -> None:
    """Cap the worker's address space so a runaway ORDER BY dies instead of exhausting the machine."""
    if megabytes <= 0:
        return
    try:
        import resource
    except ImportError:  # not POSIX: no cap
        return
    limit = megabytes * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def worker_main(conn: Connection, source: Path | None, memory_limit_mb: int) -> None:
    """A worker: load the store (from `source`, or N-Quads bytes sent first), then answer jobs until EOF."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is for the server; it stops the workers
    _limit_memory(memory_limit_mb)
    try:
        store = load_store(source if source is not None else conn.recv_bytes())
    except Exception as e:
        conn.send(("failed", _first_line(e)))
        return
    conn.send(("ready", len(store)))
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        if job is None:
            return
        conn.send(evaluate(store, job))


class _Worker:
    def __init__(self, process: subprocess.Popen, conn: Connection) -> None:
        self.process = process
        self.conn = conn

    @property
    def exit_code(self) -> int | None:
        """None while running; minus the signal number when a signal ended it."""
        return self.process.poll()

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(5)
        self.conn.close()


class WorkerPool:
    """A fixed number of worker processes, each holding the graph; one query per worker at a time."""

    def __init__(self, source: Path | bytes, size: int = 2, memory_limit_mb: int = 0,
                 log: Callable[[str], None] | None = None) -> None:
        if size < 1:
            raise IskgError("at least one query worker is needed")
        self._source = source
        self._memory_limit_mb = memory_limit_mb
        self._log = log
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._lock = threading.Lock()
        self._live: set[_Worker] = set()
        self._closed = False
        self.size = size
        self.triples = 0
        started = [self._start() for _ in range(size)]
        try:
            for worker in started:
                self.triples = self._await_ready(worker)
                self._idle.put(worker)
        except IskgError:
            self.close()
            raise

    @property
    def ready(self) -> int:
        """Workers idle right now (a killed one counts again once its replacement has loaded)."""
        return self._idle.qsize()

    def _start(self) -> _Worker:
        ours, theirs = socket.socketpair()
        command = [sys.executable, "-m", "iskg.graph.serve_pool", "--fd", str(theirs.fileno()),
                   "--memory-limit", str(self._memory_limit_mb)]
        if isinstance(self._source, Path):
            command += ["--graph", str(self._source)]
        try:
            process = subprocess.Popen(command, pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL)
        except OSError as e:
            ours.close()
            raise IskgError(f"cannot start a query worker: {e}") from e
        finally:
            theirs.close()
        worker = _Worker(process, Connection(ours.detach()))
        if isinstance(self._source, bytes):
            worker.conn.send_bytes(self._source)
        with self._lock:
            self._live.add(worker)
        return worker

    def _await_ready(self, worker: _Worker) -> int:
        hint = " (try a larger --memory-limit)" if self._memory_limit_mb else ""
        try:
            if not worker.conn.poll(START_TIMEOUT):
                raise IskgError(f"a query worker did not load the graph within {START_TIMEOUT:g} s")
            status, detail = worker.conn.recv()
        except (EOFError, OSError) as e:
            self._discard(worker)
            raise IskgError(f"a query worker died while loading the graph{hint}") from e
        except IskgError:
            self._discard(worker)
            raise
        if status != "ready":
            self._discard(worker)
            raise IskgError(f"a query worker could not load the graph: {detail}{hint}")
        return int(detail)

    def _discard(self, worker: _Worker) -> None:
        worker.kill()
        with self._lock:
            self._live.discard(worker)

    def _respawn(self) -> None:
        """Replace a killed worker, in the background so that the 503 goes out at once."""
        for _ in range(_RESPAWN_ATTEMPTS):
            if self._closed:
                return
            try:
                worker = self._start()
                self._await_ready(worker)
            except IskgError as e:
                if self._log:
                    self._log(f"iskg serve: {e}")
                continue
            if self._closed:
                self._discard(worker)
            else:
                self._idle.put(worker)
            return

    def _replace(self, worker: _Worker) -> int | None:
        """Kill a worker and start another; the old one's exit code (None if it was still running)."""
        code = worker.exit_code
        self._discard(worker)
        if not self._closed:
            threading.Thread(target=self._respawn, name="iskg-sparql-respawn", daemon=True).start()
        return code

    def run(self, job: Job, timeout: float) -> Outcome:
        """Evaluate a job on an idle worker, waiting at most `timeout` for one and `timeout` for the answer."""
        try:
            worker = self._idle.get(timeout=timeout)
        except queue.Empty:
            return Outcome.error(503, f"server busy: all {self.size} query workers stayed occupied for "
                                      f"{timeout:g} s; try again later")
        if self._closed:
            self._discard(worker)
            return Outcome.error(503, "server is shutting down")
        started = time.monotonic()
        try:
            worker.conn.send(job)
            if not worker.conn.poll(timeout):
                self._replace(worker)
                return Outcome.error(503, f"query exceeded the time limit of {timeout:g} s")
            outcome = worker.conn.recv()
        except (EOFError, OSError):
            with contextlib.suppress(subprocess.TimeoutExpired):
                worker.process.wait(1)
            code = self._replace(worker)
            if self._closed:
                return Outcome.error(503, "server is shutting down")
            if self._memory_limit_mb and code in (-signal.SIGABRT, -signal.SIGSEGV, -signal.SIGKILL):
                return Outcome.error(503, f"query exceeded the memory limit of {self._memory_limit_mb} MB "
                                          f"after {time.monotonic() - started:.1f} s")
            return Outcome.error(500, f"the query worker died (exit code {code})")
        self._idle.put(worker)
        return outcome

    def close(self) -> None:
        """Stop every worker; safe to call twice."""
        self._closed = True
        with self._lock:
            workers = list(self._live)
            self._live.clear()
        for worker in workers:
            worker.kill()


def _worker_cli() -> None:
    """Entry point of a worker process; see WorkerPool._start."""
    ap = argparse.ArgumentParser(prog="iskg.graph.serve_pool")
    ap.add_argument("--fd", type=int, required=True)
    ap.add_argument("--graph", type=Path)
    ap.add_argument("--memory-limit", type=int, default=0)
    args = ap.parse_args()
    worker_main(Connection(args.fd), args.graph, args.memory_limit)


if __name__ == "__main__":
    # Run the imported module's copy, so that Job and Outcome pickle under their real module name.
    from iskg.graph.serve_pool import _worker_cli as worker_cli

    worker_cli()
