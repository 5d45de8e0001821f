"""One build of the real corpus per test session, shared by every test that inspects its outputs."""

from pathlib import Path

import pytest

from iskg.graph.build import BuildResult, build

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.fixture(scope="session")
def corpus() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def built(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    return build(corpus, tmp_path_factory.mktemp("out"), progress=lambda _: None)
