"""The distributed backend: reading, cleaning, MinHash signatures and embeddings as Dask tasks.

The corpus-wide stages that need every article at once (duplicate linking, story
clustering) and the per-story analysis run on the client from what the workers
computed, so a briefing made on a cluster is byte-identical to one made locally.
"""

from newsprism.scale.engine import DaskEngine, EngineError, LookupEncoder

__all__ = ["DaskEngine", "EngineError", "LookupEncoder"]
