"""The project's one error type."""


class IskgError(Exception):
    """Bad input or a failed step; the message names the file or step and says what is wrong."""


def file_error(name: str, reason: str) -> IskgError:
    """The one-line error for a file: its name, then what is wrong with it."""
    return IskgError(f"{name}: {reason}")
