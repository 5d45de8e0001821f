"""Writing outputs so that no file is ever left half-written."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from iskg.loaders.errors import IskgError


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


def write_atomic(path: Path, data: bytes) -> Path:
    """Write to a temporary file beside `path`, then rename it into place."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        # mkstemp makes the file private; outputs are meant to be read like any file the user writes
        umask = os.umask(0)
        os.umask(umask)
        os.fchmod(fd, 0o666 & ~umask)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path
