"""`iskg serve` as users run it, under a bounded burst of mixed traffic from loopback.

500 requests, 20 at a time, to a server process started with its defaults (so it binds
127.0.0.1): good queries get the embedded store's exact answer, bad ones a 4xx with a message,
slow ones a 503 at the time limit; afterwards the process is alive, its memory is where it
started, and the graph is unchanged.
"""

from __future__ import annotations

import hashlib
import json
import os
import random
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
import pytest

from iskg.graph.build import BuildResult
from iskg.graph.query import stored_queries

TIMEOUT = 2
REQUESTS = 500
CONCURRENCY = 20
RETRIES = 30  # a client honouring Retry-After while every worker is busy with slow queries
JSON = "application/sparql-results+json"

GOOD = [
    """PREFIX iskg: <https://w3id.org/iskg/ontology#> PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
       SELECT ?agency ?label WHERE { ?agency a iskg:Agency ; skos:prefLabel ?label } ORDER BY ?agency""",
    "SELECT ?class (COUNT(?s) AS ?n) WHERE { ?s a ?class } GROUP BY ?class ORDER BY DESC(?n) STR(?class)",
    "ASK { <https://w3id.org/iskg/id/actor/europol> ?p ?o }",
    "ASK { <urn:evil> ?p ?o }",
    *(stored_queries()[name].text for name in ("agencies-objectives", "graph-summary", "documents")),
]
MALFORMED = ["SELECT * WHERE { ?s ?p }", "SELEC * {}", "}{", "SELECT ?x WHERE { ?x <urn:p> \"unterminated }",
             "PREFIX : <x> SELECT"]
UPDATES = ["INSERT DATA { <urn:evil> <urn:p> <urn:o> }", "DELETE WHERE { ?s ?p ?o }", "DROP ALL", "CLEAR DEFAULT",
           "WITH <urn:g> INSERT { <urn:evil> <urn:p> ?o } WHERE { ?s ?p ?o }"]
LOADS = ["LOAD <http://127.0.0.1:9/evil.ttl>", "LOAD SILENT <file:///etc/passwd> INTO GRAPH <urn:evil>"]
SERVICES = ["SELECT * { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
            "SELECT * { ?s ?p ?o . SERVICE SILENT <http://127.0.0.1:9/sparql> { ?s ?q ?r } } LIMIT 1"]
SLOW = ["SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }",
        "SELECT * { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?i ?f ?c",
        "SELECT (COUNT(*) AS ?n) { ?a (<urn:p>|!<urn:p>)* ?b }"]


@dataclass(frozen=True)
class Request:
    kind: str  # good, malformed, too-long, update, load, service, slow
    method: str
    query: str
    as_update: bool = False


@dataclass
class Answer:
    status: int
    body: bytes
    headers: dict[str, str]
    seconds: float
    attempts: int = 1


def _send(url: str, req: Request) -> Answer:
    if req.method == "GET":
        request = urllib.request.Request(f"{url}?{urllib.parse.urlencode({'query': req.query})}",
                                         headers={"Accept": JSON})
    elif req.as_update:
        request = urllib.request.Request(url, data=req.query.encode(), headers={
            "Content-Type": "application/sparql-update"})
    else:
        request = urllib.request.Request(url, data=req.query.encode(), headers={
            "Content-Type": "application/sparql-query", "Accept": JSON})
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            return Answer(response.status, response.read(), dict(response.headers), time.monotonic() - started)
    except urllib.error.HTTPError as e:
        return Answer(e.code, e.read(), dict(e.headers), time.monotonic() - started)
    except OSError as e:  # no answer at all is a failure of its own: say for which request
        raise AssertionError(f"{req.kind} {req.method} {req.query[:60]!r}: {e!r}") from e


def _send_patiently(url: str, req: Request) -> Answer:
    """Sent again while the server says every worker is busy (503 with Retry-After), as a client should."""
    for attempt in range(1, RETRIES + 1):
        answer = _send(url, req)
        answer.attempts = attempt
        if not (answer.status == 503 and answer.body.startswith(b"server busy")):
            return answer
        time.sleep(float(answer.headers["Retry-After"]))
    return answer


def _mix() -> list[Request]:
    rng = random.Random(7)
    bad = [Request("malformed", rng.choice(["GET", "POST"]), q) for q in MALFORMED * 6]
    bad += [Request("too-long", "POST", "#" + "x" * 150_000 + "\nASK {}") for _ in range(5)]
    bad += [Request("too-long", "GET", "#" + "x" * 70_000 + "\nASK {}") for _ in range(5)]
    bad += [Request("update", "POST", q, as_update=True) for q in UPDATES * 3]
    bad += [Request("update", "GET", q) for q in UPDATES * 2]
    bad += [Request("load", "POST", q, as_update=i % 2 == 0) for i, q in enumerate(LOADS * 5)]
    bad += [Request("service", rng.choice(["GET", "POST"]), q) for q in SERVICES * 5]
    slow = [Request("slow", "GET", q) for q in SLOW * 3]
    good = [Request("good", rng.choice(["GET", "POST"]), GOOD[i % len(GOOD)])
            for i in range(REQUESTS - len(bad) - len(slow))]
    mix = bad + slow + good
    rng.shuffle(mix)
    return mix


def _rss_kb(pid: int) -> int:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE).group(1))


def _children(pid: int) -> list[int]:
    out = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(stat.parent.name))
    return out


def _memory_kb(pid: int) -> tuple[int, int]:
    """(server process, server + its query workers) resident memory."""
    own = _rss_kb(pid)
    return own, own + sum(_rss_kb(c) for c in _children(pid))


@dataclass
class Served:
    process: subprocess.Popen
    url: str
    log: list[str]


@pytest.fixture(scope="module")
def served(built: BuildResult) -> Iterator[Served]:
    graph = built.files[0]
    process = subprocess.Popen([sys.executable, "-m", "iskg.graph.cli", "serve", "--graph", str(graph), "--port", "0",
                                "--timeout", str(TIMEOUT), "--memory-limit", "1024"],
                               stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               text=True)
    log: list[str] = []
    ready = threading.Event()

    def drain() -> None:
        for line in process.stderr:
            log.append(line.rstrip("\n"))
            if "iskg: serving" in line:
                ready.set()

    threading.Thread(target=drain, daemon=True).start()
    try:
        assert ready.wait(120), "\n".join(log)
        url = re.search(r" at (http://\S+/sparql) ", next(line for line in log if "iskg: serving" in line)).group(1)
        yield Served(process, url, log)
    finally:
        process.terminate()
        try:
            process.wait(20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(10)


def _expected(graph: Path) -> dict[str, object]:
    store = ox.Store()
    store.bulk_load(path=str(graph), format=ox.RdfFormat.TURTLE)
    return {q: json.loads(store.query(q).serialize(format=ox.QueryResultsFormat.JSON)) for q in GOOD}


def _fingerprint(url: str) -> tuple[object, str]:
    """Triples per predicate on the server, and a hash of its answer."""
    query = "SELECT ?p (COUNT(*) AS ?n) { ?s ?p ?o } GROUP BY ?p ORDER BY STR(?p)"
    answer = _send(url, Request("good", "GET", query))
    assert answer.status == 200
    return json.loads(answer.body), hashlib.sha256(answer.body).hexdigest()


def test_serve_binds_loopback_by_default_and_does_not_warn(served: Served) -> None:
    assert served.url.startswith("http://127.0.0.1:")
    assert not any("WARNING" in line for line in served.log)


def test_a_burst_of_mixed_traffic(served: Served, built: BuildResult) -> None:
    graph = built.files[0]
    file_hash = hashlib.sha256(graph.read_bytes()).hexdigest()
    expected = _expected(graph)
    before = _fingerprint(served.url)
    memory_before = _memory_kb(served.process.pid)
    mix = _mix()
    assert len(mix) == REQUESTS

    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=CONCURRENCY) as pool:
        answers = list(pool.map(lambda r: _send_patiently(served.url, r), mix))
    seconds = time.monotonic() - started

    statuses: dict[str, Counter] = {}
    for req, ans in zip(mix, answers, strict=True):
        statuses.setdefault(req.kind, Counter())[ans.status] += 1
        if req.kind == "good":
            assert ans.status == 200, (ans.status, ans.body[:200])
            assert json.loads(ans.body) == expected[req.query]
            continue
        if req.kind == "slow":
            assert ans.status == 503, (req.query, ans.status, ans.body[:200])
            # stopped at the time limit, or sooner by the workers' memory cap; never let run on
            assert ans.seconds < TIMEOUT + 5, ans.seconds
            if ans.body == f"query exceeded the time limit of {TIMEOUT} s\n".encode():
                assert ans.seconds >= TIMEOUT
            else:
                assert ans.body.startswith(b"query exceeded the memory limit of 1024 MB"), ans.body
            continue
        assert 400 <= ans.status < 500, (req.kind, req.query[:80], ans.status, ans.body[:200])
        assert ans.body.strip(), (req.kind, ans.status)  # a message, not an empty 4xx
        wanted = {"malformed": {400}, "too-long": {413, 414}, "update": {403}, "load": {403}, "service": {400}}
        assert ans.status in wanted[req.kind], (req.kind, ans.status, ans.body[:200])
    assert Counter(s for c in statuses.values() for s in c)[500] == 0

    # alive, answering, memory where it was, graph as it was
    assert served.process.poll() is None
    assert _send(served.url, Request("good", "GET", "ASK {}")).status == 200
    for _ in range(100):  # replacements for the killed workers finish loading in the background
        if len(_children(served.process.pid)) >= 2:
            break
        time.sleep(0.1)
    time.sleep(1)
    memory_after = _memory_kb(served.process.pid)
    assert _fingerprint(served.url) == before
    assert hashlib.sha256(graph.read_bytes()).hexdigest() == file_hash
    assert memory_after[0] < memory_before[0] + 50_000, (memory_before, memory_after)
    assert memory_after[1] < memory_before[1] * 1.5, (memory_before, memory_after)
    retried = sum(a.attempts - 1 for a in answers)
    print(f"\nburst: {REQUESTS} requests, {CONCURRENCY} at a time, {seconds:.1f} s; "
          f"statuses {json.dumps({k: dict(v) for k, v in statuses.items()})}; sent again after "
          f"'503 server busy' {retried}; RSS server {memory_before[0]} -> {memory_after[0]} kB, "
          f"with workers {memory_before[1]} -> {memory_after[1]} kB; pid {os.getpid()}")
