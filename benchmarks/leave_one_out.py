"""Extraction scores in-sample and leave-one-out, as two tables (not part of the test run).

In-sample: the whole corpus is built with the packaged vocabulary and each text is scored.
Leave-one-out: each text (with the other renditions of its work, which would leak it) is held out;
the reference vocabulary loses every label that matches in the held-out texts and in no other text
of the corpus, since such a label may have been curated from them, and iskg:established stays only
on the guidelines and objectives the other texts state as such; the held-out text alone is then
extracted (names are still learned from every text, as a build does) and scored. This is a
pessimistic reading: a well-known name that only the held-out text prints is dropped too. The
patterns in loaders/data were tuned on the corpus as a whole; `--hold-out-patterns` adds a third
table in which the entries of the extraction data files that only the held-out work attests are
dropped too (benchmarks/pattern_holdout.py; an approximation, as it says). The loaders were also
tuned on texts outside the corpus (the development probe sets, benchmarks/results/probes.md):
`--tuned-on DIR` counts the texts of DIR among the other texts, so what they attest too is kept,
as it could have been learnt from them; they are never scored or learnt from here.

    .venv/bin/python benchmarks/leave_one_out.py --gold ../shared/gold/seeds.json \\
        --scorer ../shared/tools/score.py [--corpus corpus] [--json] [--hold-out-patterns] [--tuned-on DIR ...]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from pattern_holdout import ablated_patterns, patterns
from rdflib import Graph
from rdflib.namespace import SKOS

from iskg.graph.build import populate
from iskg.graph.turtle import turtle_bytes
from iskg.loaders.extract import Extractor
from iskg.loaders.matcher import Matcher
from iskg.loaders.model import Document
from iskg.loaders.read import read_corpus
from iskg.loaders.renditions import same_work_pairs
from iskg.loaders.tokens import tokenize
from iskg.loaders.vocabulary import ISKG_ESTABLISHED, load_vocabulary, top_class_map
from iskg.ontology import ontology_path, vocabulary_path

CLASSES = ("Threat", "Principle", "Guideline", "Objective", "Agency", "Instrument")


def label_key(label: str) -> tuple[str, ...]:
    """Labels with one key share a node of the matcher's trie: they match the same words."""
    words = [t.surface if t.is_acronym else t.key for t in tokenize(label)]
    return tuple(words[1:] if words[:1] == ["the"] else words)


def attested_keys(documents: list[Document]) -> dict[str, set[tuple[str, ...]]]:
    """By source file, the keys of the vocabulary labels the matcher finds there (headings and header included)."""
    matcher = Matcher()
    for entity in load_vocabulary().values():
        matcher.add_all((label, label) for label in entity.labels)
    texts = {doc.source: [p.text for p in doc.paragraphs] + [s.title for s in doc.sections]
             + [b.text for b in doc.header] for doc in documents}
    return {src: {label_key(m.iri) for text in found for m in matcher.find(text)} for src, found in texts.items()}


def stated_guidelines(documents: list[Document], scratch: Path) -> set[str]:
    """The vocabulary guidelines and objectives these texts state as such, read without iskg:established
    (which was curated from the whole corpus)."""
    vocab = Graph().parse(vocabulary_path(), format="turtle")
    vocab.remove((None, ISKG_ESTABLISHED, None))
    vocab.serialize(scratch, format="turtle")
    extractor = Extractor(load_vocabulary(scratch), top_class_map(Graph().parse(ontology_path(), format="turtle")))
    extractor.learn(documents)
    return {iri for iri, e in extractor.entities.items() if e.stated and not e.discovered}


def ablated_vocabulary(held_out: set[str], attested: dict[str, set[tuple[str, ...]]], target: Path,
                       established: set[str]) -> int:
    """The vocabulary without the labels only the held-out texts attest, and with iskg:established
    only on the guidelines and objectives other texts state; the number of labels dropped."""
    inside = set().union(*(keys for src, keys in attested.items() if src in held_out))
    outside = set().union(*(keys for src, keys in attested.items() if src not in held_out))
    drop = inside - outside
    vocab = Graph().parse(vocabulary_path(), format="turtle")
    for subject in list(vocab.subjects(ISKG_ESTABLISHED, None)):
        if str(subject) not in established:
            vocab.remove((subject, ISKG_ESTABLISHED, None))
    dropped = 0
    for subject in sorted(set(vocab.subjects(SKOS.prefLabel, None))):
        pref = [o for o in vocab.objects(subject, SKOS.prefLabel)]
        alts = [o for o in vocab.objects(subject, SKOS.altLabel)]
        keep = sorted((o for o in pref + alts if label_key(str(o)) not in drop), key=str)
        dropped += len(pref) + len(alts) - len(keep)
        if not keep:
            for triple in list(vocab.triples((subject, None, None))):
                vocab.remove(triple)
            continue
        for o in pref + alts:
            vocab.remove((subject, SKOS.prefLabel, o))
            vocab.remove((subject, SKOS.altLabel, o))
        new_pref = pref[0] if pref[0] in keep else keep[0]
        vocab.add((subject, SKOS.prefLabel, new_pref))
        for o in keep:
            if o != new_pref:
                vocab.add((subject, SKOS.altLabel, o))
    vocab.serialize(target, format="turtle")
    return dropped


def score(scorer: Path, gold: Path, graph: bytes, key: str) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "g.ttl"
        path.write_bytes(graph)
        run = subprocess.run([sys.executable, str(scorer), "--gold", str(gold), "--graph", str(path),
                              "--ontology", str(ontology_path().parent), "--docs", key, "--json"],
                             capture_output=True, text=True, check=False)
    return json.loads(run.stdout[:run.stdout.rindex("}") + 1])


def build_graph(documents: list[Document], scored: list[Document], vocabulary: Path | None) -> bytes:
    tops = top_class_map(Graph().parse(ontology_path(), format="turtle"))
    extractor = Extractor(load_vocabulary(vocabulary) if vocabulary else load_vocabulary(), tops)
    extractor.learn(documents)
    extractions = [extractor.extract(doc) for doc in scored]
    return turtle_bytes(populate(extractions, extractor.entities, same_work_pairs(scored), vocabulary))


def table(rows: dict[str, dict]) -> str:
    """Per text and in all: micro P/R/F1 of mentions, F1 per class, relation F1."""
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
    rel = [0, 0, 0]
    lines = ["| text | P | R | F1 | " + " | ".join(CLASSES) + " | relations F1 |",
             "| --- " * (5 + len(CLASSES)) + "|"]
    for key, rep in rows.items():
        doc = rep["documents"][key]
        tp, fp, fn = (sum(doc[c][k] for c in CLASSES) for k in ("tp", "fp", "fn"))
        for c in CLASSES:
            for i, k in enumerate(("tp", "fp", "fn")):
                totals[c][i] += doc[c][k]
        r = rep["relations"]
        rtp = round(r["r"] * r["gold"])
        rel[0], rel[1], rel[2] = rel[0] + rtp, rel[1] + r["output"] - rtp, rel[2] + r["gold"] - rtp
        lines.append(f"| {key} | {_p(tp, fp):.3f} | {_p(tp, fn):.3f} | {_f(tp, fp, fn):.3f} | "
                     + " | ".join(f"{doc[c]['f1']:.2f}" for c in CLASSES) + f" | {r['f1']:.2f} |")
    tp, fp, fn = (sum(v[i] for v in totals.values()) for i in range(3))
    lines.append(f"| all (micro) | {_p(tp, fp):.3f} | {_p(tp, fn):.3f} | {_f(tp, fp, fn):.3f} | "
                 + " | ".join(f"{_f(*totals[c]):.2f}" for c in CLASSES) + f" | {_f(*rel):.2f} |")
    return "\n".join(lines)


def _p(tp: int, other: int) -> float:
    return tp / (tp + other) if tp + other else 0.0


def _f(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--scorer", type=Path, required=True)
    ap.add_argument("--corpus", type=Path, default=Path("corpus"))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--hold-out-patterns", action="store_true",
                    help="also drop the entries of the extraction data files only the held-out work attests "
                         "(benchmarks/pattern_holdout.py): a third table")
    ap.add_argument("--tuned-on", type=Path, nargs="*", default=[], metavar="DIR",
                    help="folders of other texts the loaders were tuned on: what they attest is not held out")
    a = ap.parse_args()
    gold = json.loads(a.gold.read_text(encoding="utf-8"))
    documents, _ = read_corpus(a.corpus)
    by_source = {doc.source: doc for doc in documents}
    keys = {key: Path(d["file"]).name for key, d in gold["documents"].items() if Path(d["file"]).name in by_source}
    work: dict[str, set[str]] = {src: {src} for src in by_source}
    for x, y, _ in same_work_pairs(documents):
        work[x].add(y)
        work[y].add(x)
    tuned = [doc for folder in a.tuned_on for doc in read_corpus(folder)[0]]
    attested = attested_keys(documents + tuned)
    inside, loo, dropped, strict, patterns_dropped = {}, {}, {}, {}, {}
    with tempfile.TemporaryDirectory() as tmp:
        for key, source in sorted(keys.items()):
            doc = [by_source[source]]
            inside[key] = score(a.scorer, a.gold, build_graph(documents, doc, None), key)
            vocab = Path(tmp) / f"vocabulary-{key}.ttl"
            others = [d for d in documents if d.source not in work[source]] + tuned
            established = stated_guidelines(others, Path(tmp) / f"plain-{key}.ttl")
            dropped[key] = ablated_vocabulary(work[source], attested, vocab, established)
            loo[key] = score(a.scorer, a.gold, build_graph(documents, doc, vocab), key)
            if a.hold_out_patterns:
                held = [d for d in documents if d.source in work[source]]
                override, patterns_dropped[key] = ablated_patterns(held, others)
                with patterns(override):
                    strict[key] = score(a.scorer, a.gold, build_graph(documents, doc, vocab), key)
    if a.json:
        print(json.dumps({"in_sample": inside, "leave_one_out": loo, "labels_dropped": dropped,
                          "leave_one_out_patterns_too": strict, "patterns_dropped": patterns_dropped}, indent=1))
        return 0
    print("In-sample (packaged vocabulary; each text extracted and scored alone)\n")
    print(table(inside))
    print("\nLeave-one-out (labels attested only by the held-out work removed from the vocabulary)\n")
    print(table(loo))
    print("\nlabels dropped per held-out text: " + ", ".join(f"{k} {v}" for k, v in dropped.items()))
    if a.hold_out_patterns:
        print("\nLeave-one-out, patterns too (also the data-file entries only the held-out work attests dropped)\n")
        print(table(strict))
        print("\npattern entries dropped per held-out text: "
              + ", ".join(f"{k} {len(v)}" for k, v in patterns_dropped.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
