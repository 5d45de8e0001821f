"""Push the built graph into any SPARQL 1.1 server, replacing the previous version in one step.

Why this shape: people querying the server must never see half a graph, or none. The new
version goes into a temporary named graph beside the old one (named by its content hash), is
counted there, and only then replaces the old one with a single SPARQL Update request
(`MOVE`), which a store applies whole or not at all. Anything failing before that leaves the
old graph as it was, and the temporary graph is dropped.

With `batch_triples`, the file is never held whole: it is parsed as a stream and sent as N-Triples
batches (Graph Store Protocol POST, else INSERT DATA), so a graph larger than this process's memory
can go into a server; triples on blank nodes (the ontology's axioms, few) travel together at the end.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox

from iskg.graph.endpoint import DEFAULT_TIMEOUT, Client, Credentials, HttpError, credentials_for, endpoints, safe_url
from iskg.graph.query import open_store
from iskg.loaders.errors import IskgError
from iskg.loaders.iris import DATA_GRAPH

DEFAULT_GRAPH_IRI = DATA_GRAPH
INCOMING = "/incoming-"
CHUNK_TRIPLES = 5000
# statuses that mean "no Graph Store Protocol here": try the next store URL, then SPARQL Update
_NO_GSP = frozenset({404, 405, 406, 415, 501})


@dataclass(frozen=True)
class PushResult:
    """What a push did, for the command line and for notebooks."""

    graph_iri: str
    triples: int
    previous_triples: int
    method: str  # "Graph Store Protocol" or "SPARQL Update"
    target: str  # the URL the data went to (no credentials)
    stale_dropped: tuple[str, ...]  # temporary graphs left by earlier failed pushes, now removed
    seconds: float


def push(graph_file: Path, endpoint: str, graph_iri: str = DEFAULT_GRAPH_IRI, *, auth: Credentials | None = None,
         update_endpoint: str | None = None, store_endpoint: str | None = None, gsp: bool = True,
         timeout: float = DEFAULT_TIMEOUT, chunk_triples: int = CHUNK_TRIPLES,
         batch_triples: int | None = None) -> PushResult:
    """Load `graph_file` (Turtle) into the named graph `graph_iri` on the server at `endpoint`.

    Credentials: `auth`, else ISKG_ENDPOINT_USER/ISKG_ENDPOINT_PASSWORD, else a netrc entry
    for the host. Raises IskgError saying which step failed and what state the server is in.
    """
    started = time.monotonic()
    target = _iri(graph_iri, "graph IRI")
    where = endpoints(endpoint, update=update_endpoint, store=store_endpoint)
    client = Client(where, auth if auth is not None else credentials_for(endpoint), timeout)
    try:
        if batch_triples:
            with graph_file.open("rb") as f:
                digest = hashlib.file_digest(f, "sha256").hexdigest()
        else:
            data = graph_file.read_bytes()
            digest = hashlib.sha256(data).hexdigest()
    except OSError as e:
        raise IskgError(f"{graph_file}: cannot read graph ({e.strerror}; run 'iskg build' first?)") from None
    triples = [] if batch_triples else [quad.triple for quad in open_store(graph_file)]
    expected = len(triples)
    incoming = _iri(f"{graph_iri}{INCOMING}{digest[:16]}", "temporary graph")

    step = "uploading"
    try:
        if batch_triples:
            method, sent_to, expected = _upload_batches(client, incoming, graph_file, batch_triples, gsp=gsp)
        else:
            method, sent_to = _upload(client, incoming, data, triples, gsp=gsp, chunk_triples=chunk_triples)
        step = "counting the uploaded triples"
        got = count(client, incoming)
        if got != expected:
            raise IskgError(f"the temporary graph holds {got} triples, the file {expected}")
        previous = count(client, target)
        step = "swapping the new graph in"
        swap(client, incoming, target)
    except Exception as e:  # any failure part-way: clean up, then say exactly what state we left
        raise IskgError(_failure(client, endpoint, step, e, incoming, target, expected)) from None

    try:
        final = count(client, target)
    except IskgError as e:
        raise IskgError(f"push to {safe_url(endpoint)}: the new graph was swapped in, but checking it failed: {e}"
                        ) from None
    if final != expected:
        raise IskgError(f"push to {safe_url(endpoint)}: after the swap {target} holds {final} triples, "
                        f"expected {expected}")
    return PushResult(graph_iri, expected, previous, method, safe_url(sent_to), _drop_stale(client, graph_iri),
                      round(time.monotonic() - started, 3))


def count(client: Client, graph: ox.NamedNode) -> int:
    """Triples in one named graph on the server (0 when it does not exist)."""
    result = client.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {graph} {{ ?s ?p ?o }} }}")
    try:
        return int(result["results"]["bindings"][0]["n"]["value"])
    except (KeyError, IndexError, TypeError, ValueError):
        raise HttpError(f"query at {safe_url(client.where.query)}: no triple count in the answer") from None


def swap(client: Client, incoming: ox.NamedNode, target: ox.NamedNode) -> None:
    """Replace `target` with `incoming` in one update request.

    MOVE drops the target first and fails if the source does not exist, so a vanished
    temporary graph can never empty the published one.
    """
    client.update(f"MOVE {incoming} TO {target}")


def _upload(client: Client, incoming: ox.NamedNode, data: bytes, triples: list[ox.Triple], *, gsp: bool,
            chunk_triples: int) -> tuple[str, str]:
    """Graph Store Protocol PUT where the server has it, else INSERT DATA in chunks."""
    if gsp:
        for store in client.where.stores:
            try:
                client.put(store, incoming.value, data)
                return "Graph Store Protocol", store
            except HttpError as e:
                if e.status not in _NO_GSP:
                    raise
    client.update(f"DROP SILENT GRAPH {incoming}")
    for chunk in chunks(triples, chunk_triples):
        lines = "\n".join(f"{t} ." for t in chunk)
        client.update(f"INSERT DATA {{ GRAPH {incoming} {{\n{lines}\n}} }}")
    return "SPARQL Update", client.where.update


def batches(graph_file: Path, size: int) -> Iterator[list[ox.Triple]]:
    """The file's triples, parsed as a stream, in batches of `size`; blank-node triples last, grouped."""
    on_blank_nodes: list[ox.Triple] = []
    batch: list[ox.Triple] = []
    for quad in ox.parse(path=graph_file, format=ox.RdfFormat.TURTLE):
        triple = quad.triple
        if isinstance(triple.subject, ox.BlankNode) or isinstance(triple.object, ox.BlankNode):
            on_blank_nodes.append(triple)
            continue
        batch.append(triple)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
    yield from chunks(on_blank_nodes, size)


def _upload_batches(client: Client, incoming: ox.NamedNode, graph_file: Path, size: int, *, gsp: bool
                    ) -> tuple[str, str, int]:
    """Each batch as one Graph Store Protocol POST of N-Triples, or one INSERT DATA; the triples sent."""
    client.update(f"DROP SILENT GRAPH {incoming}")
    stores = list(client.where.stores) if gsp else []
    sent = 0
    for batch in batches(graph_file, size):
        lines = "\n".join(f"{t} ." for t in batch)
        while stores:
            try:
                client.post(stores[0], incoming.value, (lines + "\n").encode("utf-8"))
                break
            except HttpError as e:
                if e.status not in _NO_GSP or sent:
                    raise
                stores.pop(0)  # not a Graph Store here: the next candidate, then SPARQL Update
        else:
            client.update(f"INSERT DATA {{ GRAPH {incoming} {{\n{lines}\n}} }}")
        sent += len(batch)
    return ("Graph Store Protocol", stores[0], sent) if stores else ("SPARQL Update", client.where.update, sent)


def chunks(triples: Iterable[ox.Triple], size: int) -> Iterator[list[ox.Triple]]:
    """Chunks of about `size` triples that never split triples sharing a blank node.

    A blank node label means one node only within one update request, so everything hanging
    on one blank node has to travel together.
    """
    parent: dict[ox.BlankNode, ox.BlankNode] = {}

    def root(node: ox.BlankNode) -> ox.BlankNode:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    triples = list(triples)
    for t in triples:
        if isinstance(t.subject, ox.BlankNode) and isinstance(t.object, ox.BlankNode):
            parent[root(t.subject)] = root(t.object)
    groups: dict[object, list[ox.Triple]] = {}
    for i, t in enumerate(triples):
        node = t.subject if isinstance(t.subject, ox.BlankNode) else t.object
        key = root(node) if isinstance(node, ox.BlankNode) else i
        groups.setdefault(key, []).append(t)
    chunk: list[ox.Triple] = []
    for group in groups.values():
        if chunk and len(chunk) + len(group) > size:
            yield chunk
            chunk = []
        chunk.extend(group)
    if chunk:
        yield chunk


def _failure(client: Client, endpoint: str, step: str, error: Exception, incoming: ox.NamedNode,
             target: ox.NamedNode, expected: int) -> str:
    """The message for a failed push, after dropping the temporary graph where that is safe."""
    head = f"push to {safe_url(endpoint)} failed while {step}: {client.scrub(str(error))}"
    state = f"{target} is unchanged"
    if step.startswith("swapping"):
        try:  # did the swap happen after all (e.g. the answer was lost)?
            left = count(client, incoming)
        except IskgError:
            return (f"{head}; the server did not answer afterwards: the swap is one update request, so {target} "
                    f"holds either the previous or the new version, and {incoming} may remain")
        if left != expected:
            now = _count_or_none(client, target)
            return f"{head}; {target} now holds {now if now is not None else 'an unknown number of'} triples"
    try:
        client.update(f"DROP SILENT GRAPH {incoming}")
    except IskgError:
        return (f"{head}; {state}; the server did not answer a request to remove the temporary graph "
                f"{incoming}, if it was made (the next push removes it)")
    return f"{head}; {state}; the temporary graph was removed"


def _count_or_none(client: Client, graph: ox.NamedNode) -> int | None:
    try:
        return count(client, graph)
    except IskgError:
        return None


def _drop_stale(client: Client, graph_iri: str) -> tuple[str, ...]:
    """Remove temporary graphs that earlier failed pushes could not (best effort)."""
    prefix = ox.Literal(graph_iri + INCOMING)
    try:
        result = client.select(f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{}} FILTER(STRSTARTS(STR(?g), {prefix})) }}")
        stale = [row["g"]["value"] for row in result["results"]["bindings"] if row.get("g", {}).get("type") == "uri"]
        if stale:
            client.update(" ;\n".join(f"DROP SILENT GRAPH {ox.NamedNode(g)}" for g in stale))
    except (IskgError, KeyError, TypeError, ValueError):
        return ()
    return tuple(stale)


def _iri(value: str, what: str) -> ox.NamedNode:
    try:
        node = ox.NamedNode(value)
    except ValueError:
        raise IskgError(f"{what}: not an absolute IRI: {value!r}") from None
    if ":" not in value:
        raise IskgError(f"{what}: not an absolute IRI: {value!r}")
    return node
