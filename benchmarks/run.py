"""The benchmark: build time per stage, memory, query latency and SHACL time against corpus size.

One run measures, side by side, N = 5 (the real corpus), 100 and 1,000 synthetic texts (10,000 with
--large), each in a fresh process so that its peak memory is its own:

* wall time of each build stage (read, extract, graph, reason, validate, serialise) and end to end;
* peak resident memory of that process and the number of triples;
* median and p95 latency of every stored query on the built graph, in the embedded store
  (pyoxigraph) and on rdflib's memory store (the baseline), as a ratio;
* SHACL time of the build (pyshacl-turbo layer by layer) against pyshacl-turbo and pySHACL on the whole
  graph, as ratios, with whether the reports are the same;
* up to --baseline-max documents, the rdflib build beside it (whole graph in rdflib's memory store,
  SHACL on it whole, rdflib's Turtle writer): stage times and peak memory as ratios;
* `iskg build` end to end on the real corpus, as a user runs it.

It writes benchmarks/results/results.json, results.md (the tables) and scaling.png (time and memory
against N, log-log, with the fitted growth exponent).

    .venv/bin/python benchmarks/run.py            # N = 5, 100, 1000
    .venv/bin/python benchmarks/run.py --large    # and 10000
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
STAGES = ("read", "extract", "graph", "reason", "validate", "serialise")


# --- one size, in its own process ---------------------------------------------------------------


def _timed(seconds: dict, stage: str, fn, *args, **kwargs):
    started = time.perf_counter()
    value = fn(*args, **kwargs)
    seconds[stage] = seconds.get(stage, 0.0) + time.perf_counter() - started
    return value


class _Budget(BaseException):  # not an Exception: the engines wrap those in IskgError
    pass


def _alarm(_signum, _frame):
    raise _Budget


def latency(run, reps: int, budget: float) -> dict:
    """Median and p95 of `reps` runs in ms; stops early (and says so) once `budget` seconds are spent."""
    samples: list[float] = []
    spent = 0.0
    signal.signal(signal.SIGALRM, _alarm)
    for _ in range(reps):
        started = time.perf_counter()
        signal.setitimer(signal.ITIMER_REAL, max(budget - spent, 0.01))
        try:
            run()
        except _Budget:
            return {"median_ms": None, "p95_ms": None, "runs": len(samples), "over_budget_s": budget}
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        samples.append((time.perf_counter() - started) * 1000)
        spent += samples[-1] / 1000
        if spent >= budget:
            break
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, math.ceil(0.95 * len(ordered)) - 1)]
    return {"median_ms": round(statistics.median(ordered), 3), "p95_ms": round(p95, 3), "runs": len(ordered)}


def query_params(graph_file: Path) -> dict[str, dict[str, str]]:
    """Each stored query's example parameters; example documents replaced by documents of this graph."""
    import shlex

    from iskg.graph.query import open_store, run_select, stored_queries

    store = open_store(graph_file)
    sources = "PREFIX dcterms: <http://purl.org/dc/terms/> SELECT ?d WHERE { ?d dcterms:source ?s } ORDER BY ?d LIMIT 2"
    docs = [row["d"].value for row in run_select(store, sources).rows]
    out = {}
    for name, query in stored_queries().items():
        words, params = shlex.split(query.example), {}
        for k, word in enumerate(words):
            if word == "--param":
                key, _, value = words[k + 1].partition("=")
                if "/id/document/" in value and docs:
                    value = docs[len(params) % len(docs)]
                params[key] = value
        out[name] = params
    return out


def measure(corpus: Path, out: Path, args: argparse.Namespace) -> dict:
    """The build's stages as graph/build.py runs them (HermiT beside the documents' layers), then queries
    and the baselines."""
    wall_started = time.perf_counter()
    from iskg.graph.assemble import StageClock, assemble
    from iskg.graph.extraction import extract_corpus
    from iskg.graph.layers import graph_layers
    from iskg.graph.query import open_store, run_stored
    from iskg.graph.rdflib_engine import load_graph, run_stored_rdflib
    from iskg.graph.reasoning import check_consistency
    from iskg.graph.validate import validate
    from iskg.loaders.read import read_corpus
    from iskg.loaders.renditions import same_work_pairs

    clock = StageClock()
    s = clock.seconds
    documents, _ = _timed(s, "read", read_corpus, corpus)
    extractor, extractions = _timed(s, "extract", extract_corpus, documents, jobs=args.jobs)
    layers = _timed(s, "graph", graph_layers, extractions, extractor.entities, same_work_pairs(documents))
    graph_file = out / "iskg.ttl"
    with ThreadPoolExecutor(1) as pool:
        reasoning = pool.submit(_timed, s, "reason", check_consistency, layers.shared)
        assembled = assemble(layers, extractions, graph_file, clock=clock)
        reasoner = reasoning.result()
    layers = extractions = None  # what follows measures queries, not the build
    build_seconds = time.perf_counter() - wall_started
    peak_build = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

    result = {"documents": len(documents), "triples": assembled.triples,
              "stages_s": {k: round(v, 3) for k, v in s.items()},
              "build_s": round(build_seconds, 3), "peak_rss_bytes": peak_build,
              "consistent": reasoner.ok, "conforms": assembled.validation.conforms,
              "shacl_s": {"pyshacl-turbo": round(assembled.validation.seconds, 3)}}

    if len(documents) <= args.shacl_baseline_max:
        whole = validate(graph_file)
        result["shacl_s"]["pyshacl-turbo-whole"] = round(whole.seconds, 3)
        result["shacl_s"]["pyshacl"] = round(validate(graph_file, engine="pyshacl").seconds, 3)
        result["shacl_same_report"] = whole.report_text == assembled.validation.report_text

    store = open_store(graph_file)
    params = query_params(graph_file)
    queries = {name: {"oxigraph": latency(lambda n=name, p=p: run_stored(store, n, **p), args.reps, args.budget)}
               for name, p in params.items()}
    if len(documents) <= args.rdflib_baseline_max:
        rdf = load_graph(graph_file)
        for name, p in params.items():
            queries[name]["rdflib"] = latency(lambda n=name, p=p: run_stored_rdflib(rdf, n, **p),
                                              args.rdflib_reps, args.budget)
    result["queries"] = queries
    return result


def measure_rdflib(corpus: Path, args: argparse.Namespace) -> dict:
    """The baseline build: the whole graph in rdflib's memory store, SHACL on it whole, rdflib's Turtle writer."""
    wall_started = time.perf_counter()
    from iskg.graph.build import populate
    from iskg.graph.extraction import extract_corpus
    from iskg.graph.turtle import turtle_bytes
    from iskg.graph.validate import validate
    from iskg.loaders.read import read_corpus
    from iskg.loaders.renditions import same_work_pairs

    s: dict[str, float] = {}
    documents, _ = _timed(s, "read", read_corpus, corpus)
    extractor, extractions = _timed(s, "extract", extract_corpus, documents, jobs=args.jobs)
    graph = _timed(s, "graph", populate, extractions, extractor.entities, same_work_pairs(documents))
    _timed(s, "validate", validate, graph)
    _timed(s, "serialise", turtle_bytes, graph)
    return {"documents": len(documents), "triples": len(graph), "stages_s": {k: round(v, 3) for k, v in s.items()},
            "build_s": round(time.perf_counter() - wall_started, 3),
            "peak_rss_bytes": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024}


# --- the run: every size, then tables and the picture --------------------------------------------


def child(corpus: Path, args: argparse.Namespace, *, baseline: bool = False) -> dict:
    """Measure one corpus in a fresh interpreter; its peak memory comes from the kernel, not from itself."""
    with tempfile.TemporaryDirectory(prefix="iskg-bench-") as tmp:
        cmd = [sys.executable, __file__, "--measure", str(corpus), "--out", tmp, "--jobs", str(args.jobs),
               "--reps", str(args.reps), "--rdflib-reps", str(args.rdflib_reps), "--budget", str(args.budget),
               "--rdflib-baseline-max", str(args.rdflib_baseline_max),
               "--shacl-baseline-max", str(args.shacl_baseline_max), *(["--baseline"] if baseline else [])]
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE)
        output = proc.stdout.read()
        _, status, usage = os.wait4(proc.pid, 0)
        if status != 0:
            raise SystemExit(f"benchmark of {corpus} failed (status {status})")
        result = json.loads(output)
        result["process_s"] = round(time.perf_counter() - started, 3)
        result["process_peak_rss_bytes"] = usage.ru_maxrss * 1024
        return result


def measure_size(corpus: Path, args: argparse.Namespace) -> dict:
    """The build, and up to --baseline-max documents the rdflib baseline build beside it."""
    result = child(corpus, args)
    if result["documents"] <= args.baseline_max:
        result["baseline"] = child(corpus, args, baseline=True)
    return result


def cli_build(corpus: Path, repeats: int = 3) -> dict:
    """`iskg build` as a user runs it (fresh interpreter, imports, all checks, files written)."""
    iskg = Path(sys.executable).parent / "iskg"
    times = []
    for _ in range(repeats):
        with tempfile.TemporaryDirectory(prefix="iskg-bench-cli-") as tmp:
            started = time.perf_counter()
            subprocess.run([str(iskg), "build", "--corpus", str(corpus), "--out", tmp], check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "CI": "true"})
            times.append(time.perf_counter() - started)
    return {"median_s": round(statistics.median(times), 3), "runs": [round(t, 3) for t in times]}


def exponent(ns: list[int], values: list[float]) -> float | None:
    """Least-squares slope of log(value) against log(N)."""
    points = [(math.log(n), math.log(v)) for n, v in zip(ns, values, strict=True) if v and v > 0]
    if len(points) < 2:
        return None
    mx = statistics.fmean(x for x, _ in points)
    my = statistics.fmean(y for _, y in points)
    den = sum((x - mx) ** 2 for x, _ in points)
    return sum((x - mx) * (y - my) for x, y in points) / den if den else None


def ratio(baseline: float | None, ours: float | None) -> str:
    return f"{baseline / ours:.1f}x" if baseline and ours else "-"


def markdown(run: dict) -> str:
    sizes = run["sizes"]
    ns = [r["documents"] for r in sizes]
    lines = [f"# iskg benchmark ({run['date']})", "",
             f"Machine: {run['machine']}. `--jobs {run['jobs']}`. Reproduce: `{run['command']}`.", "",
             "## Build", "",
             "| N docs | triples | " + " | ".join(f"{s} s" for s in STAGES) + " | build s | peak RSS MiB |",
             "|" + "---:|" * (len(STAGES) + 4)]
    for r in sizes:
        stage = " | ".join(f"{r['stages_s'].get(s, 0):.2f}" for s in STAGES)
        lines.append(f"| {r['documents']} | {r['triples']:,} | {stage} | {r['build_s']:.1f} | "
                     f"{r['peak_rss_bytes'] / 2**20:,.0f} |")
    lines += ["", "`build s` runs from the measuring process's start (imports included) to the Turtle written; "
              "`extract` includes learning names from all texts; `graph` is making the shared layer and each "
              "document's own layer (pyoxigraph terms); `validate` and `serialise` are summed over the documents; "
              "`reason` (HermiT) runs beside them; peak RSS is "
              "this process's at that point (HermiT's Java process not included). "
              f"`iskg build` of the five texts, end to end: median {run['cli_5']['median_s']:.2f} s "
              f"(runs {run['cli_5']['runs']}).", ""]
    lines += ["## Against the rdflib build (whole graph in rdflib's memory store, SHACL on it whole, rdflib's Turtle)",
              "", "Same corpus, separate processes, one after the other.", "",
              "| N docs | stage | rdflib build s | this build s | ratio |", "|---:|---|---:|---:|---:|"]
    for r in sizes:
        base = r.get("baseline")
        if not base:
            continue
        for stage in ("graph", "validate", "serialise"):
            ours = r["stages_s"].get(stage)
            lines.append(f"| {r['documents']} | {stage} | {base['stages_s'][stage]:.2f} | {ours:.2f} | "
                         f"{ratio(base['stages_s'][stage], ours)} |")
        lines.append(f"| {r['documents']} | build | {base['build_s']:.2f} | {r['build_s']:.2f} | "
                     f"{ratio(base['build_s'], r['build_s'])} |")
        lines.append(f"| {r['documents']} | peak RSS MiB | {base['peak_rss_bytes'] / 2**20:,.0f} | "
                     f"{r['peak_rss_bytes'] / 2**20:,.0f} | {ratio(base['peak_rss_bytes'], r['peak_rss_bytes'])} |")
    lines.append("")
    big = [i for i, n in enumerate(ns) if n >= 100]
    big = big if len(big) >= 2 else list(range(len(ns)))
    if len(big) >= 2:
        t = exponent([ns[i] for i in big], [sizes[i]["build_s"] for i in big])
        m = exponent([ns[i] for i in big], [sizes[i]["peak_rss_bytes"] for i in big])
        lines += [f"Fitted growth from N = {ns[big[0]]} to {ns[big[-1]]}: time ∝ N^{t:.2f}, memory ∝ N^{m:.2f}.", ""]
    lines += ["## SHACL", "", "pyshacl-turbo layer by layer (the build's way) against pyshacl-turbo and pySHACL on the "
              "whole graph (the same Turtle file loaded into Oxigraph); `same report` compares the build's report "
              "text with the whole-graph one.", "",
              "| N docs | layered s | whole-graph turbo s | ratio | pySHACL s | ratio | same report |",
              "|---:|---:|---:|---:|---:|---:|---|"]
    for r in sizes:
        turbo, whole, ref = (r["shacl_s"].get(k) for k in ("pyshacl-turbo", "pyshacl-turbo-whole", "pyshacl"))
        same = {True: "yes", False: "NO"}.get(r.get("shacl_same_report"), "-")
        lines.append(f"| {r['documents']} | {turbo:.2f} | {whole if whole is not None else '-'} | "
                     f"{ratio(whole, turbo)} | {ref if ref is not None else '-'} | {ratio(ref, turbo)} | {same} |")
    lines += ["", "## Stored queries (median / p95 ms; rdflib memory store as baseline)", ""]
    header = "| query | " + " | ".join(f"N={n} oxigraph | N={n} rdflib | N={n} ratio" for n in ns) + " |"
    lines += [header, "|---|" + "---:|" * (3 * len(ns))]
    for name in sorted(sizes[0]["queries"]):
        cells = []
        for r in sizes:
            q = r["queries"][name]
            ox, rd = q["oxigraph"], q.get("rdflib")
            cells.append(f"{ox['median_ms']:.1f} / {ox['p95_ms']:.1f}" if ox["median_ms"] is not None
                         else f"> {ox['over_budget_s'] * 1000:.0f}")
            if rd is None:
                cells += ["-", "-"]
            elif rd["median_ms"] is None:
                faster = f"> {rd['over_budget_s'] * 1000 / ox['median_ms']:.0f}x" if ox["median_ms"] else "-"
                cells += [f"> {rd['over_budget_s'] * 1000:.0f}", faster]
            else:
                cells += [f"{rd['median_ms']:.1f} / {rd['p95_ms']:.1f}", ratio(rd["median_ms"], ox["median_ms"])]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def picture(run: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = run["sizes"]
    ns = [r["documents"] for r in sizes]
    fig, (a, b) = plt.subplots(1, 2, figsize=(10, 4))
    for axis, key, scale, label in ((a, "build_s", 1, "build time (s)"),
                                    (b, "peak_rss_bytes", 2**20, "peak memory (MiB)")):
        values = [r[key] / scale for r in sizes]
        lo = 100 if sum(n >= 100 for n in ns) >= 2 else min(ns)  # the fit wants two sizes at least
        k = exponent([n for n in ns if n >= lo], [v for n, v in zip(ns, values, strict=True) if n >= lo])
        axis.loglog(ns, values, "o-", label=f"iskg build (fit N^{k:.2f} for N ≥ {lo})" if k else "iskg build")
        axis.set_xlabel("documents (N)")
        axis.set_ylabel(label)
        axis.grid(True, which="both", alpha=0.3)
        axis.legend()
    fig.suptitle("iskg build against corpus size (log-log)")
    fig.tight_layout()
    fig.savefig(path, dpi=110)


def main() -> None:
    ap = argparse.ArgumentParser(description="iskg benchmark (see the module docstring)")
    ap.add_argument("--large", action="store_true", help="also N = 10000")
    ap.add_argument("--sizes", type=int, nargs="*", help="synthetic sizes instead of 100 1000 (5 is the corpus)")
    ap.add_argument("--jobs", type=int, default=1, help="extraction processes (build --jobs)")
    ap.add_argument("--reps", type=int, default=15, help="runs per stored query on oxigraph")
    ap.add_argument("--rdflib-reps", type=int, default=5, help="runs per stored query on rdflib")
    ap.add_argument("--budget", type=float, default=30.0, help="seconds per query and engine at most")
    ap.add_argument("--rdflib-baseline-max", type=int, default=1000, help="largest N queried on rdflib too")
    ap.add_argument("--shacl-baseline-max", type=int, default=1000, help="largest N validated with pySHACL too")
    ap.add_argument("--results", type=Path, default=RESULTS)
    ap.add_argument("--baseline-max", type=int, default=100, help="largest N built the rdflib way too")
    ap.add_argument("--measure", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--baseline", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        json.dump(measure_rdflib(args.measure, args) if args.baseline else measure(args.measure, args.out, args),
                  sys.stdout)
        return

    sys.path.insert(0, str(HERE))
    from generate import generate

    sizes = args.sizes or [100, 1000, *([10000] if args.large else [])]
    run = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "jobs": args.jobs,
           "machine": f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start",
           "command": " ".join(["benchmarks/run.py", *sys.argv[1:]]), "sizes": []}
    print("N=5 (corpus/)", file=sys.stderr)
    run["cli_5"] = cli_build(ROOT / "corpus")
    run["sizes"].append(measure_size(ROOT / "corpus", args))
    for n in sizes:
        with tempfile.TemporaryDirectory(prefix=f"iskg-corpus-{n}-") as tmp:
            print(f"N={n}: generating", file=sys.stderr)
            generate(n, Path(tmp))
            print(f"N={n}: measuring", file=sys.stderr)
            run["sizes"].append(measure_size(Path(tmp), args))
        print(f"N={n}: built in {run['sizes'][-1]['build_s']:.1f} s", file=sys.stderr)
        write(run, args.results)  # after each size: an interrupted run still leaves what it measured
    write(run, args.results)
    print(f"wrote {args.results}/results.md, results.json, scaling.png", file=sys.stderr)


def write(run: dict, folder: Path) -> None:
    run["sizes"].sort(key=lambda r: r["documents"])  # --sizes may put the largest first
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "results.json").write_text(json.dumps(run, indent=1) + "\n")
    (folder / "results.md").write_text(markdown(run))
    picture(run, folder / "scaling.png")


if __name__ == "__main__":
    main()
