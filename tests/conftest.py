"""One build of the real corpus per test session, shared by every test that inspects its outputs."""

import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
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


@pytest.fixture
def shared_tmp() -> Iterator[Path]:
    """A temporary folder that an unprivileged user can reach (pytest's own are private to root)."""
    folder = Path(tempfile.mkdtemp(prefix="iskg-test-"))
    folder.chmod(0o755)
    try:
        yield folder
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def unprivileged() -> Callable[[str, str], subprocess.CompletedProcess]:
    """Run Python code as user nobody when the tests run as root, where file permissions stop nothing.

    `imports` run first, with root's access to the interpreter's files; then the process drops
    its privileges for good and runs `body`.
    """
    def run(imports: str, body: str) -> subprocess.CompletedProcess:
        drop = "import os\nif os.geteuid() == 0:\n    os.setgroups([])\n    os.setgid(65534)\n    os.setuid(65534)\n"
        return subprocess.run([sys.executable, "-c", f"{imports}\n{drop}{body}"], capture_output=True, text=True,
                              timeout=300)
    return run
