"""The self-contained interactive HTML page: the policy network, a search box, filters by class and by
document, and the evidence of whatever is clicked.

Everything is inlined: the page template, styles and script (package data in `graph/data/`), the network
as Cytoscape JSON, and the Cytoscape.js library from its npm package, which `.ci/setup` installs into
`graph/data/web/node_modules/` (or from the file `ISKG_CYTOSCAPE_JS` names), so it works offline.
"""

from __future__ import annotations

import json
import os
import re
from importlib.resources import files
from pathlib import Path

import pyoxigraph as ox

from iskg.graph.cytoscape import cytoscape_data
from iskg.graph.network import KIND_COLOURS
from iskg.loaders.errors import IskgError

LIBRARY = "data/web/node_modules/cytoscape/dist/cytoscape.min.js"
ENV_LIBRARY = "ISKG_CYTOSCAPE_JS"


def _data(name: str) -> str:
    return files("iskg.graph").joinpath(name).read_text(encoding="utf-8")


def cytoscape_js() -> str:
    """Cytoscape.js from the installed npm package (or ISKG_CYTOSCAPE_JS); a clear error when neither is there."""
    path = Path(os.environ[ENV_LIBRARY]) if os.environ.get(ENV_LIBRARY) else Path(str(files("iskg.graph") / LIBRARY))
    if not path.is_file():
        raise IskgError(f"the HTML page needs Cytoscape.js, not found at {path}: run 'npm install --prefix "
                        f"graph/data/web' before 'pip install .', or set {ENV_LIBRARY} to cytoscape.min.js")
    return path.read_text(encoding="utf-8")


def _inline_script(text: str) -> str:
    """Text that cannot end the <script> element it sits in."""
    return text.replace("</", "<\\/")


def html_bytes(store: ox.Store) -> bytes:
    data = {"colours": KIND_COLOURS, "network": cytoscape_data(store)}
    parts = {
        "/*ISKG:STYLE*/": _data("data/page.css"),
        "/*ISKG:DATA*/": _inline_script(json.dumps(data, ensure_ascii=False, sort_keys=True)),
        "/*ISKG:LIBRARY*/": _inline_script(cytoscape_js()),
        "/*ISKG:SCRIPT*/": _inline_script(_data("data/page.js")),
    }
    # one pass over the template: inlined text is never searched for markers itself
    marker = re.compile("|".join(re.escape(m) for m in parts))
    return marker.sub(lambda m: parts[m.group(0)], _data("data/page.html")).encode()
