"""The web service and its page: ``newsprism serve``."""

from __future__ import annotations

from pathlib import Path

#: Loopback only unless the user asks otherwise: the service has no authentication.
DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def run(db: str | Path | None = None, *, host: str = DEFAULT_HOST, port: int = DEFAULT_PORT, fetch: bool = False,
        log_level: str = "warning") -> None:
    """Serve the store at ``db`` (the default store when None) until interrupted."""
    import uvicorn

    from newsprism.serve.app import create_app
    from newsprism.store import Store

    with Store(db) as store:
        uvicorn.run(create_app(store, fetch=fetch), host=host, port=port, log_level=log_level)


__all__ = ["DEFAULT_HOST", "DEFAULT_PORT", "run"]
