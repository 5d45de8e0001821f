"""Run the project's external scorer on a built graph and keep its figures for the report."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from iskg.loaders.errors import IskgError
from iskg.ontology import ontology_path


def external_scorer(script: Path, gold: Path) -> Callable[[Path], dict]:
    """A function scoring a graph file with `script --gold GOLD --json`, returning its figures."""
    for path in (script, gold):
        if not path.is_file():
            raise IskgError(f"{path}: no such file")

    def score(graph_file: Path) -> dict:
        cmd = [sys.executable, str(script), "--gold", str(gold), "--graph", str(graph_file),
               "--ontology", str(ontology_path().parent), "--json"]
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        body = done.stdout[: done.stdout.rfind("}") + 1]
        try:
            figures = json.loads(body)
        except json.JSONDecodeError as e:
            last = (done.stderr.strip().splitlines() or ["no output"])[-1]
            raise IskgError(f"{script.name}: no figures ({last})") from e
        return {k: figures[k] for k in ("micro", "per_class", "relations", "deleted_text_asserted",
                                         "missing_documents")}

    return score
