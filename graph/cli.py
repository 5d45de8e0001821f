"""The `iskg` command: a thin shell over the library functions.

Exit codes: 0 success; 1 a check failed (graph inconsistent or not conforming, or `iskg check`
found an error-level problem); 2 bad input or usage, including any refused file under
`build --strict`; 3 the build succeeded but some files were refused (see the report); 130
interrupted (Ctrl-C or SIGTERM), with no output half-written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from iskg.loaders.errors import IskgError

EXIT_CHECK_FAILED = 1
EXIT_BAD_INPUT = 2
EXIT_REFUSED = 3


def _params(pairs: list[str]) -> dict[str, str]:
    out = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise IskgError(f"--param wants K=V, got '{pair}'")
        out[key] = value
    return out


def cmd_build(args: argparse.Namespace) -> int:
    from iskg.graph.build import build
    from iskg.graph.interrupt import interrupt_on_sigterm
    from iskg.graph.scoring import external_scorer

    if bool(args.gold) != bool(args.scorer):
        raise IskgError("--gold and --scorer go together")
    scorer = external_scorer(Path(args.scorer), Path(args.gold)) if args.gold else None
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        raise IskgError(f"{corpus}: corpus folder not found")
    if args.jobs < 1:
        raise IskgError("--jobs wants a number of processes, 1 or more")
    cache = Path(args.cache) if args.cache else None
    interrupt_on_sigterm()
    result = build(corpus, Path(args.out), scorer=scorer, jobs=args.jobs, cache=cache, strict=args.strict)
    print(result.files[2].read_text(encoding="utf-8"), end="")
    print("wrote " + ", ".join(str(f) for f in result.files))
    if not (result.reasoner.ok and result.validation.conforms):
        return EXIT_CHECK_FAILED
    return EXIT_REFUSED if result.refusals else 0


def cmd_validate(args: argparse.Namespace) -> int:
    from iskg.graph.validate import validate

    path = Path(args.file)
    if not path.is_file():
        raise IskgError(f"{path}: no such file")
    result = validate(path)
    if result.conforms:
        print(f"{path}: conforms")
        return 0
    print(result.report_text, end="" if result.report_text.endswith("\n") else "\n")
    print(f"{path}: does not conform ({result.violations} violations)", file=sys.stderr)
    return EXIT_CHECK_FAILED


def cmd_check(args: argparse.Namespace) -> int:
    from iskg.graph.check import load_checks, report_json, report_table, run_checks

    checks = load_checks()
    report = run_checks(Path(args.file), checks)
    sys.stdout.write(report_json(report, checks) if args.format == "json" else report_table(report, checks))
    if not report.passed:
        print(f"{args.file}: {len(report.at('error'))} error-level findings", file=sys.stderr)
        return EXIT_CHECK_FAILED
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    from iskg.graph import query as q

    if args.list:
        for name, stored in q.stored_queries().items():
            print(f"{name:28} {stored.question}")
        return 0
    if args.endpoint:  # a remote SPARQL endpoint instead of the embedded store
        sys.stdout.write(q.format_rows(_remote_rows(args), args.format))
        return 0
    store = q.open_store(Path(args.graph))
    if args.file:
        rows = q.run_select(store, Path(args.file).read_text(encoding="utf-8"))
    elif args.sparql:
        rows = q.run_select(store, args.sparql)
    elif args.name:
        rows = q.run_stored(store, args.name, **_params(args.param))
    else:
        raise IskgError("name a stored query, or give --file or --sparql (see --list)")
    sys.stdout.write(q.format_rows(rows, args.format))
    return 0


def _remote_rows(args: argparse.Namespace):  # -> Rows
    from iskg.graph import remote

    graph_iri = args.graph_iri or None
    if args.file:
        return remote.run_remote_select(args.endpoint, Path(args.file).read_text(encoding="utf-8"),
                                        graph_iri=graph_iri)
    if args.sparql:
        return remote.run_remote_select(args.endpoint, args.sparql, graph_iri=graph_iri)
    if args.name:
        return remote.run_remote_stored(args.endpoint, args.name, graph_iri=graph_iri, **_params(args.param))
    raise IskgError("name a stored query, or give --file or --sparql (see --list)")


def cmd_push(args: argparse.Namespace) -> int:
    from iskg.graph.push import push

    result = push(Path(args.graph), args.endpoint, args.graph_iri, update_endpoint=args.update_endpoint,
                  store_endpoint=args.store_endpoint, timeout=args.timeout, batch_triples=args.batch_triples or None)
    replaced = f", replacing {result.previous_triples}" if result.previous_triples else ""
    print(f"pushed {result.triples} triples into <{result.graph_iri}>{replaced} "
          f"({result.method}, {result.target}, {result.seconds:.1f} s)")
    if result.stale_dropped:
        print(f"removed {len(result.stale_dropped)} temporary graph(s) left by earlier failed pushes")
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    from iskg.graph.serve import serve

    serve(Path(args.graph), args.host, args.port, args.timeout, args.max_results, workers=args.workers,
          memory_limit_mb=args.memory_limit)
    return 0


def cmd_analyse(args: argparse.Namespace) -> int:
    from iskg.graph.analyses import ANALYSES
    from iskg.graph.pictures import write_analysis
    from iskg.graph.query import open_store

    if args.list or not args.name:
        for name, fn in ANALYSES.items():
            print(f"{name:22} {(fn.__doc__ or '').splitlines()[0]}")
        return 0 if args.list else EXIT_BAD_INPUT
    if args.name not in ANALYSES:
        raise IskgError(f"unknown analysis '{args.name}' (see 'iskg analyse --list')")
    table, files = write_analysis(open_store(Path(args.graph)), args.name, Path(args.out))
    sys.stdout.write(table.formatted(args.format))
    print("wrote " + ", ".join(str(f) for f in files), file=sys.stderr)
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from iskg.graph.exports import export

    path = export(Path(args.graph), args.format, Path(args.out) if args.out else None)
    print(f"wrote {path}", file=sys.stderr)
    return 0


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="iskg", description="A knowledge graph of EU internal-security policy.")
    sub = ap.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="read the corpus, build, check and write the graph and a report")
    b.add_argument("--corpus", default="corpus", help="folder of texts (default: corpus/)")
    b.add_argument("--out", default="out", help="output folder (default: out/)")
    b.add_argument("--gold", help="gold annotations to score the build against (with --scorer)")
    b.add_argument("--scorer", help="the scorer script to run on the built graph (with --gold)")
    b.add_argument("--jobs", type=int, default=1, metavar="N", help="processes extracting texts (default: 1)")
    b.add_argument("--cache", metavar="DIR", help="keep extractions here and reuse them for unchanged texts")
    b.add_argument("--strict", action="store_true",
                   help="any refused file is fatal: exit 2 and write nothing (default: build the rest, exit 3)")
    b.set_defaults(run=cmd_build)

    v = sub.add_parser("validate", help="SHACL-validate a graph")
    v.add_argument("file", nargs="?", default="out/iskg.ttl", help="graph file (default: out/iskg.ttl)")
    v.set_defaults(run=cmd_validate)

    c = sub.add_parser("check", help="run the graph quality queries (queries/checks/*.rq); fail on error-level")
    c.add_argument("file", nargs="?", default="out/iskg.ttl", help="graph file (default: out/iskg.ttl)")
    c.add_argument("--format", choices=["table", "json"], default="table")
    c.set_defaults(run=cmd_check)

    q = sub.add_parser("query", help="run a stored SPARQL query on the built graph")
    q.add_argument("name", nargs="?", help="stored query name (see --list)")
    q.add_argument("--list", action="store_true", help="list the stored queries")
    q.add_argument("--param", action="append", default=[], metavar="K=V", help="a query parameter")
    q.add_argument("--format", choices=["table", "csv", "tsv", "json"], default="table")
    q.add_argument("--file", help="run the SELECT query in this file instead")
    q.add_argument("--sparql", help="run this SELECT query text instead")
    q.add_argument("--graph", default="out/iskg.ttl", help="built graph (default: out/iskg.ttl)")
    q.add_argument("--endpoint", metavar="URL", help="run on this SPARQL endpoint instead of the built graph")
    q.add_argument("--graph-iri", default="https://w3id.org/iskg/graph", metavar="IRI",
                   help="with --endpoint: the named graph to query ('' for the server's default graph)")
    q.set_defaults(run=cmd_query)

    p = sub.add_parser("push", help="load the graph into an external SPARQL 1.1 server, replacing the previous one",
                       description="Credentials come only from ISKG_ENDPOINT_USER and ISKG_ENDPOINT_PASSWORD, "
                                   "or from a netrc file (ISKG_NETRC, else ~/.netrc).")
    p.add_argument("--endpoint", required=True, metavar="URL",
                   help="the server: e.g. http://127.0.0.1:7878 (Oxigraph), http://host:3030/ds (Fuseki), "
                        "http://host:7200/repositories/NAME (GraphDB), http://host:8890/sparql (Virtuoso)")
    p.add_argument("--graph", default="out/iskg.ttl", help="built graph (default: out/iskg.ttl)")
    p.add_argument("--graph-iri", default="https://w3id.org/iskg/graph", metavar="IRI",
                   help="the named graph to replace (default: https://w3id.org/iskg/graph)")
    p.add_argument("--update-endpoint", metavar="URL", help="SPARQL Update URL, when it cannot be derived")
    p.add_argument("--store-endpoint", metavar="URL", help="Graph Store Protocol URL, when it cannot be derived")
    p.add_argument("--timeout", type=float, default=120.0, metavar="S", help="seconds per request (default: 120)")
    p.add_argument("--batch-triples", type=int, default=0, metavar="N",
                   help="stream the file in batches of N triples instead of one request (for large graphs)")
    p.set_defaults(run=cmd_push)

    a = sub.add_parser("analyse", help="network analyses as tables (printed, and CSV) and pictures (PNG)")
    a.add_argument("name", nargs="?", help="the analysis (see --list)")
    a.add_argument("--list", action="store_true", help="list the analyses")
    a.add_argument("--graph", default="out/iskg.ttl", help="built graph (default: out/iskg.ttl)")
    a.add_argument("--out", default="out/analyses", help="folder for NAME.csv and NAME.png (default: out/analyses/)")
    a.add_argument("--format", choices=["table", "csv", "json"], default="table", help="what is printed")
    a.set_defaults(run=cmd_analyse)

    e = sub.add_parser("export", help="the graph as ttl, nt, jsonld, trig, graphml, gexf, cyjs or an html page")
    e.add_argument("--format", required=True, choices=["ttl", "nt", "jsonld", "trig", "graphml", "gexf", "cyjs",
                                                       "html"])
    e.add_argument("--graph", default="out/iskg.ttl", help="built graph (default: out/iskg.ttl)")
    e.add_argument("--out", help="file to write (default: export/iskg.FORMAT beside the graph)")
    e.set_defaults(run=cmd_export)

    s = sub.add_parser("serve", help="a read-only SPARQL 1.1 Protocol endpoint at http://HOST:PORT/sparql")
    s.add_argument("--port", type=int, default=7879, help="port (default: 7879; 0 picks a free one)")
    s.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1, this machine only)")
    s.add_argument("--graph", default="out/iskg.ttl", help="built graph (default: out/iskg.ttl)")
    s.add_argument("--timeout", type=float, default=10.0, metavar="S", help="seconds per query (default: 10)")
    s.add_argument("--max-results", type=int, default=100_000, metavar="N",
                   help="rows or triples per answer; more is an error, never truncated (default: 100000)")
    s.add_argument("--workers", type=int, default=2, metavar="N",
                   help="query processes, each with a copy of the graph (default: 2)")
    s.add_argument("--memory-limit", type=int, default=4096, metavar="MB",
                   help="address-space cap per query process, 0 for none (default: 4096)")
    s.set_defaults(run=cmd_serve)
    return ap


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except IskgError as e:
        print(f"iskg: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("iskg: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
