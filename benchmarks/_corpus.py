"""Synthetic corpora for the benchmarks, built from the shared benchmark pages' ground truth.

Nothing here is copied into the repository: the page bodies are read at run time from
``../shared/benchmarks/article-extraction/ground-truth.json`` and edited by seeded,
controlled transformations, so every run builds the same corpus.
"""

from __future__ import annotations

import html
import json
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
GROUND_TRUTH = SHARED / "benchmarks" / "article-extraction" / "ground-truth.json"
FIXTURES = REPO / "tests" / "fixtures" / "stories"

#: Invented site furniture that reprints add around a wire story (a copy is still a copy).
BOILERPLATE = (
    "Subscribe to our morning newsletter for the day's top headlines delivered to your inbox.",
    "This article was amended to correct a spelling error in a caption.",
    "Follow us on social media for live updates throughout the day.",
    "Copyright the publisher. All rights reserved. Reproduction without permission is prohibited.",
    "Have a news tip? Contact our newsroom by email at any hour.",
    "Read more: our full coverage of this developing story.",
)

#: Invented outlets for the throughput corpus.
OUTLETS = (
    "Harbour Gazette", "Northern Courier", "Valley Times", "Metro Dispatch", "Coastline Post",
    "Capital Observer", "Plains Herald", "Riverside Chronicle", "Island Monitor", "Summit Daily",
)

_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"'])")
_WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Doc:
    id: str
    text: str
    cluster: str  # documents with the same cluster are near-duplicates of each other


def load_bodies(min_words: int = 40) -> list[tuple[str, str]]:
    """(page id, article body) of every benchmark page long enough to be an article, sorted by id."""
    if not GROUND_TRUTH.exists():
        raise SystemExit(f"benchmark pages not found: expected {GROUND_TRUTH.relative_to(REPO.parent)}")
    truth = json.loads(GROUND_TRUTH.read_text(encoding="utf-8"))
    out = [(k, v["articleBody"].strip()) for k, v in sorted(truth.items())]
    return [(k, b) for k, b in out if len(b.split()) >= min_words]


def fixture_bodies() -> list[tuple[str, str]]:
    """Plain-text fixture articles written for the tests (other invented events)."""
    return [(p.stem, p.read_text(encoding="utf-8")) for p in sorted(FIXTURES.rglob("*.txt"))]


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(text) if s.strip()]


def drop_sentences(text: str, rng: random.Random, share: float) -> str:
    out = []
    for para in paragraphs(text):
        kept = [s for s in sentences(para) if rng.random() >= share]
        if kept:
            out.append(" ".join(kept))
    return "\n\n".join(out) or text


def reorder_paragraphs(text: str, rng: random.Random) -> str:
    paras = paragraphs(text)
    if len(paras) < 3:
        return text
    head, rest = paras[:1], paras[1:]  # reprints keep the lede first
    rng.shuffle(rest)
    return "\n\n".join(head + rest)


def add_boilerplate(text: str, rng: random.Random) -> str:
    top = rng.sample(BOILERPLATE, 1)
    bottom = rng.sample(BOILERPLATE, 2)
    return "\n\n".join([*top, text, *bottom])


def change_words(text: str, rng: random.Random, share: float, vocabulary: Sequence[str]) -> str:
    """Replace ``share`` of the words with other words (a subeditor's rewording, or OCR noise)."""

    def swap(m: re.Match[str]) -> str:
        return rng.choice(vocabulary) if rng.random() < share else m.group(0)

    return _WORD.sub(swap, text)


def vocabulary_of(bodies: Sequence[tuple[str, str]], size: int = 5000) -> list[str]:
    words = sorted({w.strip(".,;:!?\"'()“”") for _, b in bodies for w in b.split()} - {""})
    return random.Random(0).sample(words, min(size, len(words)))


EDIT_KINDS = ("drop", "reorder", "boilerplate", "words")
WORD_CHANGE_SHARES = (0.01, 0.03, 0.05, 0.10, 0.15, 0.20, 0.30)


def edited_copy(text: str, rng: random.Random, vocabulary: Sequence[str]) -> tuple[str, str]:
    """One near-duplicate: one or two controlled edits; returns (text, description)."""
    kinds = rng.sample(EDIT_KINDS, rng.choice((1, 1, 2)))
    done = []
    for kind in sorted(kinds):
        if kind == "drop":
            share = rng.choice((0.1, 0.2))
            text = drop_sentences(text, rng, share)
            done.append(f"drop{int(share * 100)}")
        elif kind == "reorder":
            text = reorder_paragraphs(text, rng)
            done.append("reorder")
        elif kind == "boilerplate":
            text = add_boilerplate(text, rng)
            done.append("boilerplate")
        else:
            share = rng.choice(WORD_CHANGE_SHARES)
            text = change_words(text, rng, share, vocabulary)
            done.append(f"words{int(share * 100)}")
    return text, "+".join(done)


def dedup_corpus(seed: int = 7, copies_of: float = 0.6, max_copies: int = 3) -> tuple[list[Doc], dict[str, str]]:
    """Every benchmark page once, plus 1–``max_copies`` edited copies of ``copies_of`` of them.

    Returns the documents (shuffled with the seed) and, for each copy, the edits it went through.
    """
    rng = random.Random(seed)
    bodies = load_bodies()
    vocabulary = vocabulary_of(bodies)
    docs: list[Doc] = []
    edits: dict[str, str] = {}
    for pid, body in bodies:
        short = pid[:10]
        docs.append(Doc(f"p{short}", body, short))
        if rng.random() < copies_of:
            for k in range(rng.randint(1, max_copies)):
                text, how = edited_copy(body, rng, vocabulary)
                docs.append(Doc(f"p{short}-c{k}", text, short))
                edits[f"p{short}-c{k}"] = how
    rng.shuffle(docs)
    return docs, edits


# --- throughput corpus: many events, a few outlets' reports of each, as files -----------------------------


@dataclass(frozen=True)
class Event:
    key: str
    title: str
    text: str
    date: str


def _remap(text: str, rng: random.Random, vocabulary: Sequence[str], share: float) -> str:
    """Consistently rename ``share`` of the word types, so events built from one page read differently."""
    types = sorted({w for w in _WORD.findall(text)})
    mapping = {w: rng.choice(vocabulary) for w in types if rng.random() < share}
    return _WORD.sub(lambda m: mapping.get(m.group(0), m.group(0)), text)


def events(count: int, seed: int = 11) -> list[Event]:
    """``count`` distinct events: paragraphs of sentences drawn from all pages, renamed per event, dated.

    Drawing sentences (not whole pages) keeps two events from sharing long passages, as two real
    news events do not; whole-page reuse would make thousands of events read alike.
    """
    rng = random.Random(seed)
    bodies = load_bodies(min_words=80) + fixture_bodies()
    pool = [s.strip() for _, b in bodies for p in paragraphs(b) for s in sentences(p) if len(s.split()) >= 6]
    vocabulary = vocabulary_of(bodies)
    out = []
    for k in range(count):
        paras = [" ".join(rng.sample(pool, rng.randint(2, 4))) for _ in range(rng.randint(4, 8))]
        text = _remap("\n\n".join(paras), rng, vocabulary, 0.35)
        title = " ".join(sentences(paragraphs(text)[0])[0].split()[:12])
        day = 1 + k % 28
        month = 1 + (k // 28) % 12
        out.append(Event(f"e{k:05d}", title, text, f"2024-{month:02d}-{day:02d}"))
    return out


def _as_html(title: str, outlet: str, date: str, text: str) -> str:
    body = "\n".join(f"<p>{html.escape(p)}</p>" for p in paragraphs(text))
    return (
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
        f"<title>{html.escape(title)} | {html.escape(outlet)}</title>\n"
        f"<meta property=\"og:site_name\" content=\"{html.escape(outlet)}\">\n"
        f"<meta property=\"article:published_time\" content=\"{date}T09:00:00+00:00\">\n"
        "</head><body>\n<nav><a href=\"/\">Home</a> <a href=\"/world\">World</a> <a href=\"/sport\">Sport</a></nav>\n"
        f"<article><h1>{html.escape(title)}</h1>\n{body}\n</article>\n"
        "<footer><p>Subscribe to our newsletter.</p><p>All rights reserved.</p></footer>\n"
        "</body></html>\n"
    )


def _as_text(title: str, outlet: str, date: str, text: str) -> str:
    return f"{title}\n\n{outlet} | Published {date}\n\n{text}\n"


def write_corpus(directory: Path, articles: int, seed: int = 3, html_share: float = 0.3) -> int:
    """Write ``articles`` files (reports of ~articles/4 events; some wire copies) into ``directory``."""
    rng = random.Random(seed)
    evs = events(max(1, articles // 4), seed=seed + 1)
    vocabulary = vocabulary_of(load_bodies())
    directory.mkdir(parents=True, exist_ok=True)
    written = 0
    while written < articles:
        ev = evs[rng.randrange(len(evs))] if written >= len(evs) else evs[written]
        outlet = OUTLETS[rng.randrange(len(OUTLETS))]
        if rng.random() < 0.15:
            text = add_boilerplate(ev.text, rng)  # a wire copy reprinted nearly verbatim
        else:
            text = change_words(reorder_paragraphs(drop_sentences(ev.text, rng, 0.2), rng), rng, 0.08, vocabulary)
        name = f"{ev.key}_{written:06d}"
        if rng.random() < html_share:
            (directory / f"{name}.html").write_text(_as_html(ev.title, outlet, ev.date, text), encoding="utf-8")
        else:
            (directory / f"{name}.txt").write_text(_as_text(ev.title, outlet, ev.date, text), encoding="utf-8")
        written += 1
    return written
