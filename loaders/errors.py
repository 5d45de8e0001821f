"""The project's one error type."""


class IskgError(Exception):
    """Bad input or a failed step; the message names the file or step and says what is wrong."""
