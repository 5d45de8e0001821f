"""Rows as a pandas DataFrame for notebooks; a clear error when pandas is missing."""

import sys

import pytest

from iskg.graph.query import run_stored
from iskg.loaders.errors import IskgError


def test_to_dataframe_gives_columns_and_numbers(store):
    pd = pytest.importorskip("pandas")
    rows = run_stored(store, "agencies-objectives")
    frame = rows.to_dataframe()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == rows.variables and len(frame) == len(rows.rows)
    assert pd.api.types.is_integer_dtype(frame["evidence_count"])
    assert "Europol" in set(frame["actor_label"])
    assert frame["actor"].str.startswith("https://w3id.org/iskg/id/actor/").all()


def test_to_dataframe_of_no_rows_keeps_the_columns(store):
    pytest.importorskip("pandas")
    rows = run_stored(store, "entity-evidence", entity="https://w3id.org/iskg/id/actor/no-such-actor")
    frame = rows.to_dataframe()
    assert frame.empty and list(frame.columns) == rows.variables


def test_to_dataframe_without_pandas_says_to_install_it(store, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    rows = run_stored(store, "graph-summary")
    with pytest.raises(IskgError, match="pip install pandas"):
        rows.to_dataframe()
