"""Writing outputs so that no file is ever left half-written.

Each output goes to a hidden temporary file beside it (`.NAME.XXXX.tmp`) that is renamed over
the old one only when complete; a build writes all its temporaries before renaming any, so an
interruption leaves the previous set of outputs as it was. A process killed outright (SIGKILL)
cannot remove its temporary files; the next write into that folder does.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from iskg.loaders.errors import IskgError

_TMP_SUFFIX = ".tmp"


def prepare_out_dir(out: Path) -> Path:
    """The output folder, created if needed; a clear error when it cannot be one."""
    if out.exists() and not out.is_dir():
        raise IskgError(f"{out}: output path exists and is not a folder")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise IskgError(f"{out}: cannot create output folder ({e.strerror})") from e
    if not os.access(out, os.W_OK):
        raise IskgError(f"{out}: output folder is not writable")
    return out


def _temporary(path: Path) -> tuple[int, Path]:
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=_TMP_SUFFIX)
    except OSError as e:
        raise IskgError(f"{path.parent}: cannot write output ({e.strerror})") from e
    return fd, Path(tmp)


def _readable(fd: int) -> None:
    # mkstemp makes the file private; outputs are meant to be read like any file the user writes
    umask = os.umask(0)
    os.umask(umask)
    os.fchmod(fd, 0o666 & ~umask)


def _fill(fd: int, tmp: Path, data: bytes) -> None:
    _readable(fd)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def temporary_beside(path: Path) -> Path:
    """A temporary file for `path` to be written bit by bit, then given to `write_together`."""
    fd, tmp = _temporary(path)
    _readable(fd)
    os.close(fd)
    return tmp


def stale_temporaries(path: Path) -> list[Path]:
    """Temporary files for `path` that a killed writer left behind."""
    return sorted(path.parent.glob(f".{path.name}.*{_TMP_SUFFIX}"))


def write_together(outputs: dict[Path, bytes | Path]) -> list[Path]:
    """Write every output to a temporary file, then rename them all into place.

    An output given as a path is a file already written beside it (a temporary from `temporary_beside`),
    renamed into place with the others.

    Stale temporaries of these outputs are removed first; on any error (or an interrupt) the
    temporaries made so far are removed and no output has been replaced.
    """
    made: list[Path] = []
    try:
        for path in outputs:
            for stale in stale_temporaries(path):
                if stale != outputs[path]:
                    stale.unlink(missing_ok=True)
        for path, data in outputs.items():
            if isinstance(data, Path):
                made.append(data)
                continue
            fd, tmp = _temporary(path)
            made.append(tmp)
            _fill(fd, tmp, data)
        for tmp, path in zip(made, outputs, strict=True):
            os.replace(tmp, path)
    except OSError as e:
        _remove(made)
        raise IskgError(f"{e.filename or next(iter(outputs)).parent}: cannot write output ({e.strerror})") from e
    except BaseException:
        _remove(made)
        raise
    return list(outputs)


def write_atomic(path: Path, data: bytes) -> Path:
    """Write one file through a temporary file beside it, renamed into place."""
    return write_together({path: data})[0]


def _remove(paths: list[Path]) -> None:
    for tmp in paths:
        tmp.unlink(missing_ok=True)

