"""Inputs → raw documents: files, directories, standard input (and, when switched on, URLs, feeds, archives)."""

from newsprism.ingest.files import DEFAULT_MAX_BYTES, read_inputs

__all__ = ["DEFAULT_MAX_BYTES", "read_inputs"]
