"""The `iskg` command: a thin shell over the library functions.

Exit codes: 0 success; 1 a check failed (graph inconsistent or not conforming); 2 bad input or
usage; 3 the build succeeded but some files were refused (see the report).
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
    from iskg.graph.scoring import external_scorer

    if bool(args.gold) != bool(args.scorer):
        raise IskgError("--gold and --scorer go together")
    scorer = external_scorer(Path(args.scorer), Path(args.gold)) if args.gold else None
    corpus = Path(args.corpus)
    if not corpus.is_dir():
        raise IskgError(f"{corpus}: corpus folder not found")
    result = build(corpus, Path(args.out), scorer=scorer)
    print(result.files[2].read_text(encoding="utf-8"), end="")
    print("wrote " + ", ".join(str(f) for f in result.files))
    if not (result.reasoner.consistent and result.validation.conforms):
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


def cmd_query(args: argparse.Namespace) -> int:
    from iskg.graph import query as q

    if args.list:
        for name, stored in q.stored_queries().items():
            print(f"{name:28} {stored.question}")
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


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="iskg", description="A knowledge graph of EU internal-security policy.")
    sub = ap.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="read the corpus, build, check and write the graph and a report")
    b.add_argument("--corpus", default="corpus", help="folder of texts (default: corpus/)")
    b.add_argument("--out", default="out", help="output folder (default: out/)")
    b.add_argument("--gold", help="gold annotations to score the build against (with --scorer)")
    b.add_argument("--scorer", help="the scorer script to run on the built graph (with --gold)")
    b.set_defaults(run=cmd_build)

    v = sub.add_parser("validate", help="SHACL-validate a graph")
    v.add_argument("file", nargs="?", default="out/iskg.ttl", help="graph file (default: out/iskg.ttl)")
    v.set_defaults(run=cmd_validate)

    q = sub.add_parser("query", help="run a stored SPARQL query on the built graph")
    q.add_argument("name", nargs="?", help="stored query name (see --list)")
    q.add_argument("--list", action="store_true", help="list the stored queries")
    q.add_argument("--param", action="append", default=[], metavar="K=V", help="a query parameter")
    q.add_argument("--format", choices=["table", "csv", "tsv", "json"], default="table")
    q.add_argument("--file", help="run the SELECT query in this file instead")
    q.add_argument("--sparql", help="run this SELECT query text instead")
    q.add_argument("--graph", default="out/iskg.ttl", help="built graph (default: out/iskg.ttl)")
    q.set_defaults(run=cmd_query)
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
