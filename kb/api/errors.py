"""Errors the client caused. They reach the client as written; every other error is masked
(see ``limits.mask_errors``) and logged with its traceback on the server."""


class ClientError(ValueError):
    """A request the API refuses: bad arguments, over a limit, unknown ids."""
