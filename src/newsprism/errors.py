"""Exceptions with messages a user can act on; the CLI prints them as one line."""

from __future__ import annotations


class NewsprismError(Exception):
    """Base class for every error newsprism raises on purpose."""


class InputError(NewsprismError):
    """One input document cannot be used; the rest of a batch goes on."""

    def __init__(self, source: str, problem: str) -> None:
        super().__init__(f"{source}: {problem}")
        self.source = source
        self.problem = problem


class FetchDisabledError(InputError):
    """A URL was given but fetching is off."""
