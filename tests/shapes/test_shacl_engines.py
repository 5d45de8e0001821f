"""pyshacl-turbo (the default engine) and pySHACL (the reference) must give the same verdicts and reports.

The one difference allowed: the engine's own wording of nested results (sh:detail under sh:or), which
the shapes do not word themselves and the readable report does not show.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic
from rdflib.namespace import SH
from test_shapes import BREAKAGES

from iskg.graph.validate import validate
from iskg.loaders.errors import IskgError


@pytest.mark.parametrize("update", [u for _, u, _ in BREAKAGES], ids=[i for i, _, _ in BREAKAGES])
def test_turbo_and_pyshacl_report_the_same(change: Callable[[str], Graph], update: str) -> None:
    broken = change(update)
    turbo, reference = validate(broken, engine="turbo"), validate(broken, engine="pyshacl")
    assert turbo.conforms == reference.conforms
    assert turbo.report_text == reference.report_text
    assert isomorphic(_without_detail_wording(turbo.report_graph), _without_detail_wording(reference.report_graph))


def _without_detail_wording(report: Graph) -> Graph:
    out = Graph()
    details = set(report.objects(None, SH.detail))
    for s, p, o in report:
        if not (s in details and p == SH.resultMessage):
            out.add((s, p, o))
    return out


def test_both_engines_accept_the_valid_fixture(valid_graph: Graph) -> None:
    assert validate(valid_graph, engine="turbo").conforms
    assert validate(valid_graph, engine="pyshacl").conforms


def test_unknown_engine_is_refused(valid_graph: Graph) -> None:
    with pytest.raises(IskgError, match="unknown SHACL engine"):
        validate(valid_graph, engine="fast")
