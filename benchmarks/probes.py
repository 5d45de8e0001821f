"""Extraction scores on the probe texts: texts the loaders were not written on (not part of the test run).

Each probe set in `benchmarks/data/probes/` is a folder of texts modelled on real EU internal-security
documents of 2008–2020 that are not in the corpus (Council conclusions, strategies, Commission
communications; clean, OCR'd with page furniture, drafts with revision markup; UTF-8, UTF-8 with a
BOM, UTF-16, cp1252, latin-1, CRLF), with a gold file in the format of `../shared/gold/seeds.json`.
They were written, and annotated, by helpers that saw neither the loaders nor each other's sets.
`results/probes.md` says which sets the loaders were since tuned on (development sets) and which were
only ever measured (held out). Each set is learnt from as a whole, as `iskg build` would, and each
text is extracted and scored alone.

    .venv/bin/python benchmarks/probes.py --scorer ../shared/tools/score.py [--write benchmarks/results/probes.md]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from leave_one_out import build_graph, score, table

from iskg.loaders.read import read_corpus

PROBES = Path(__file__).resolve().parent / "data" / "probes"


def measure(scorer: Path, probe: Path) -> dict[str, dict]:
    """Per gold document of one probe set, the scorer's report on the set's graph."""
    gold_path = probe / "gold.json"
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    documents, refused = read_corpus(probe / "corpus")
    if refused:
        raise SystemExit(f"{probe.name}: refused {refused}")
    by_source = {doc.source: doc for doc in documents}
    return {key: score(scorer, gold_path, build_graph(documents, [by_source[Path(d["file"]).name]], None), key)
            for key, d in sorted(gold["documents"].items())}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scorer", type=Path, required=True)
    ap.add_argument("--probes", type=Path, default=PROBES)
    ap.add_argument("--write", type=Path, help="write the tables to this markdown file, after its notes")
    a = ap.parse_args()
    sections = [f"## {probe.name}\n\n{table(measure(a.scorer, probe))}\n"
                for probe in sorted(p for p in a.probes.iterdir() if (p / "gold.json").exists())]
    text = "\n".join(sections)
    if a.write:
        head = a.write.read_text(encoding="utf-8").split("\n## ", 1)[0].rstrip() + "\n\n" if a.write.exists() else ""
        a.write.write_text(head + text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
