"""newsprism: many outlets' reports of one event, turned into one briefing a reader can trust."""

from newsprism.api import brief, extract
from newsprism.model import Article, Briefing

__all__ = ["Article", "Briefing", "brief", "extract"]
__version__ = "0.1.0"
