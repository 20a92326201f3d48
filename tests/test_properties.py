"""Property tests: random and mutated inputs never crash the cleaner or the briefing builder.

Acceptable outcomes are an article (or briefing) or an :class:`InputError`; anything else is a
bug. Every evidence span a briefing holds must still be a verbatim slice of its article.
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsprism.errors import InputError
from newsprism.model import Article, Briefing, RawDocument, Span

#: Invented sentences about invented events, in the shapes outlets write them.
SENTENCES = (
    "The harbour authority said on Monday that 1,240 containers were delayed by the crane failure.",
    "\u201cWe expect normal service by Friday,\u201d said port director Alma Ruiz.",
    "About 300 workers stayed home, according to the union.",
    "Officials put the cost at nearly \u20ac4.5 million, up from an earlier estimate of \u20ac3 million.",
    "The crane had been inspected in March 2024, the operator said.",
    "Shipping lines rerouted at least 12 vessels to Northport.",
    "Residents reported a loud bang shortly after 6 a.m. on 3 February.",
    "Police said two people were treated for minor injuries.",
    "La autoridad portuaria inform\u00f3 el lunes de 1.240 contenedores retrasados.",
    "Updated at 14:05 GMT with comment from the union.",
)

HTML_SHELL = (
    "<!DOCTYPE html><html><head><meta charset='{charset}'><title>{title}</title></head>"
    "<body><nav>Home | World | Sport</nav><article><h1>{title}</h1>{paras}</article>"
    "<footer>\u00a9 Harbour Daily</footer></body></html>"
)

FAST = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@st.composite
def article_texts(draw: st.DrawFn) -> str:
    picked = draw(st.lists(st.sampled_from(SENTENCES), min_size=1, max_size=6))
    noise = draw(st.text(max_size=40))
    sep = draw(st.sampled_from([" ", "\n", "\n\n", "  \t"]))
    return sep.join(picked) + (sep + noise if noise else "")


@st.composite
def mutated(draw: st.DrawFn, base: bytes) -> bytes:
    """``base`` with a few bytes inserted, deleted or overwritten at random places."""
    data = bytearray(base)
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(data)))
        action = draw(st.sampled_from(["insert", "delete", "replace"]))
        chunk = draw(st.binary(min_size=1, max_size=8))
        if action == "insert":
            data[at:at] = chunk
        elif action == "delete":
            del data[at : at + len(chunk)]
        else:
            data[at : at + len(chunk)] = chunk
    return bytes(data)


@st.composite
def html_documents(draw: st.DrawFn) -> bytes:
    charset = draw(st.sampled_from(["utf-8", "windows-1252", "iso-8859-1", "shift_jis", "nonsense"]))
    paras = "".join(f"<p>{s}</p>" for s in draw(st.lists(st.sampled_from(SENTENCES), min_size=0, max_size=5)))
    page = HTML_SHELL.format(charset=charset, title=draw(st.sampled_from(SENTENCES))[:40], paras=paras)
    encoding = draw(st.sampled_from(["utf-8", "cp1252", "utf-16"]))
    base = page.encode(encoding, errors="replace")
    return draw(mutated(base))


def _clean(data: bytes, kind: str):
    from newsprism.clean import clean_document

    raw = RawDocument(name="prop", source="prop", data=data, kind=kind)
    try:
        return clean_document(raw, "prop")
    except InputError:
        return None


@FAST
@given(data=st.binary(max_size=3000), kind=st.sampled_from(["auto", "html", "text"]))
def test_cleaning_random_bytes_gives_an_article_or_an_input_error(data: bytes, kind: str) -> None:
    article = _clean(data, kind)
    assert article is None or (isinstance(article, Article) and article.text.strip())


@FAST
@given(data=html_documents(), kind=st.sampled_from(["auto", "html"]))
def test_cleaning_mutated_html_gives_an_article_or_an_input_error(data: bytes, kind: str) -> None:
    article = _clean(data, kind)
    if article is not None:
        assert "<article>" not in article.text and "\x00" not in article.text


@FAST
@given(text=article_texts())
def test_cleaning_text_with_odd_characters_keeps_it_text(text: str) -> None:
    article = _clean(text.encode("utf-8", "surrogatepass"), "text")
    assert article is None or isinstance(article.text, str)


def _spans(briefing: Briefing) -> list[Span]:
    found: list[Span] = []
    for story in briefing.stories:
        for claim in story.claims:
            found += claim.evidence
        for quote in story.quotes:
            found += quote.evidence
        for figure in story.figures:
            found += [v.evidence for v in figure.values]
        for entry in story.timeline:
            found += entry.evidence
        for sentence in story.summary:
            found += sentence.evidence
    return found


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts=st.lists(article_texts(), min_size=1, max_size=4), dated=st.booleans())
def test_briefing_random_articles_never_crashes_and_every_span_is_verbatim(texts: list[str], dated: bool) -> None:
    from newsprism.api import brief_articles

    articles = [
        Article(id=f"a{i}", source=f"a{i}.txt", text=t, outlet=f"Outlet {i % 2}",
                published=f"2025-02-0{i + 1}" if dated else None)
        for i, t in enumerate(texts)
    ]
    try:
        briefing = brief_articles(articles, embedder="lexical")
    except InputError:
        return
    by_id = {a.id: a for a in briefing.articles}
    for span in _spans(briefing):
        assert by_id[span.article].text[span.start : span.end] == span.text
    assert briefing.to_json()
