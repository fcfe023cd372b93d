"""Errors whose message reaches the client as written; every other error is masked (see
``limits.should_mask``) and logged with its traceback on the server."""


class PublicError(Exception):
    """An error to show as it is."""


class ClientError(PublicError, ValueError):
    """A request the API refuses: bad arguments, over a limit, unknown ids."""


class DatabaseUnavailable(PublicError):
    """The database cannot be reached (or has no kb schema): the request may work later.
    Answered with HTTP 503 and Retry-After."""
