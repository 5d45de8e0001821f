"""Missed and false relations against a gold file, each with the words it rests on (not part of the test run).

A working aid for the relation patterns: it builds the corpus as `iskg build` does, maps each
entity to the gold concepts its labels name (prefLabel first, as the scorer does), and prints the
gold relations not read (with the gold evidence, and whether both ends were named in that text)
and the relations read that the gold does not hold (with our quote).

    .venv/bin/python benchmarks/relation_diff.py --gold ../shared/gold/seeds.json \\
        --scorer ../shared/tools/score.py [--corpus corpus] [--predicate serves]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import defaultdict
from pathlib import Path

from rdflib import Graph

from iskg.loaders.extract import Extractor
from iskg.loaders.read import read_corpus
from iskg.loaders.vocabulary import load_vocabulary, top_class_map
from iskg.ontology import ontology_path

FOLD = {"supports": "serves", "manages": "operates"}


def load_scorer(path: Path):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--scorer", type=Path, required=True)
    ap.add_argument("--corpus", type=Path, default=Path("corpus"))
    ap.add_argument("--predicate")
    a = ap.parse_args()
    squash = load_scorer(a.scorer).squash
    gold = json.loads(a.gold.read_text(encoding="utf-8"))
    alias = {c["id"]: {squash(x) for x in [c["label"], *c.get("aliases", [])]} - {""} for c in gold["catalogue"]}

    documents, _ = read_corpus(a.corpus)
    extractor = Extractor(load_vocabulary(), top_class_map(Graph().parse(ontology_path(), format="turtle")))
    extractor.learn(documents)

    def gold_ids(iri: str) -> set[str]:
        e = extractor.entities[iri]
        pref = {cid for cid, al in alias.items() if squash(e.label) in al}
        return pref or {cid for cid, al in alias.items() if {squash(x) for x in e.labels} & al}

    def key(s: str, p: str, o: str) -> tuple[str, str, str]:
        p = FOLD.get(p, p)
        return (min(s, o), p, max(s, o)) if p == "cooperatesWith" else (s, p, o)

    by_source = {Path(d["file"]).name: k for k, d in gold["documents"].items()}
    ours: dict[tuple, list[str]] = defaultdict(list)
    named: dict[str, set[str]] = defaultdict(set)
    for doc in documents:
        k = by_source.get(doc.source, doc.source)
        ex = extractor.extract(doc)
        for m in ex.mentions:
            named[k] |= gold_ids(m.iri)
        for rm in ex.relations:
            r = rm.relation
            for s in gold_ids(r.subject) or {r.subject.rsplit("/", 1)[-1] + "?"}:
                for o in gold_ids(r.object) or {r.object.rsplit("/", 1)[-1] + "?"}:
                    ours[key(s, r.predicate, o)].append(f"{k} p{rm.paragraph} [{r.method} {r.modality}] {rm.quote!r}")
    wanted: dict[tuple, list[str]] = defaultdict(list)
    optional = set()
    for k, d in gold["documents"].items():
        for r in d.get("relations", []):
            wanted[key(r["s"], r["p"], r["o"])].append(f"{k}: {r.get('evidence', '')!r}")
        optional |= {key(r["s"], r["p"], r["o"]) for r in d.get("optional_relations", [])}

    def shown(t: tuple) -> bool:
        return a.predicate is None or t[1] == a.predicate

    missed = sorted(t for t in wanted if t not in ours and shown(t))
    false = sorted(t for t in ours if t not in wanted and t not in optional and shown(t))
    print(f"== missed {len(missed)}")
    for t in missed:
        for ev in wanted[t]:
            k = ev[:3]
            ends = "".join("+" if x in named[k] else "-" for x in (t[0], t[2]))
            print(f"{' '.join(t)}  [{ends}]\n    {ev}")
    print(f"== false {len(false)}")
    for t in false:
        print(" ".join(t))
        for ev in ours[t][:3]:
            print(f"    {ev[:400]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
