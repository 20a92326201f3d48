"""The command line: thin, every command calls the library.

Exit status: 0 when every input was used; 1 when some inputs were skipped (each one
named on stderr); 2 when nothing could be done (usage error, or no input was usable).
"""

from __future__ import annotations

import argparse
import contextlib
import itertools
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from newsprism.errors import NewsprismError
from newsprism.ingest import DEFAULT_MAX_BYTES

if TYPE_CHECKING:  # imported lazily at run time, so `--help` stays fast
    from newsprism.model import Briefing
    from newsprism.store import Store

EXIT_OK, EXIT_SKIPPED, EXIT_FAILED = 0, 1, 2

EXIT_HELP = """exit status:
  0  every input was read and used
  1  some inputs were skipped (each is named on stderr with the reason); the output holds the rest
  2  nothing usable: a usage error, or no input could be read
"""


def _size(text: str) -> int:
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    t = text.strip().lower().rstrip("b")
    mult = units.get(t[-1:], 1)
    try:
        value = int(float(t[:-1] if t[-1:] in units else t) * mult)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (try 20000000 or 20M)") from None
    if value <= 0:
        raise argparse.ArgumentTypeError("the size cap must be positive")
    return value


def _input_options(p: argparse.ArgumentParser, *, paths_required: bool = True) -> None:
    p.add_argument(
        "paths", nargs="+" if paths_required else "*", metavar="PATH",
        help="files, directories (read recursively), or - for stdin",
    )
    p.add_argument(
        "--max-bytes", type=_size, default=DEFAULT_MAX_BYTES,
        help=f"skip documents larger than this (default {DEFAULT_MAX_BYTES:,} bytes; 20M style accepted)",
    )
    p.add_argument("--fetch", action="store_true", help="allow fetching http(s) URLs given as inputs")
    p.add_argument("--fast", action="store_true", help="faster, slightly less thorough HTML extraction")
    p.add_argument("-o", "--output", default="-", metavar="FILE", help="write here instead of stdout (- = stdout)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="newsprism",
        description="Turn many outlets' reports of one event into one evidence-backed briefing.",
        epilog=EXIT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser(
        "extract", help="clean articles and write them as JSON Lines",
        epilog=EXIT_HELP, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _input_options(p)

    p = sub.add_parser(
        "brief", help="build a briefing (JSON, Markdown or HTML)",
        epilog=EXIT_HELP, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _input_options(p, paths_required=False)
    _db_option(p, "brief over stored articles (the PATHs are added first) and store the briefing")
    p.add_argument("--ids", help="with --db: comma-separated stored article ids (default: every stored article)")
    p.add_argument("--format", choices=("json", "md", "html"), default="json")
    p.add_argument("--generated-at", help="timestamp to record (default: SOURCE_DATE_EPOCH, else newest article)")
    p.add_argument(
        "--embedder", choices=("auto", "minilm", "minilm-torch", "lexical"), default="auto",
        help="sentence aligner: the packaged MiniLM model (auto falls back to lexical if it cannot load)",
    )
    p.add_argument(
        "--engine", choices=("local", "dask"), default="local",
        help="where reading, cleaning, MinHash signatures and embeddings run: this process, or a Dask cluster "
        "(same output)",
    )
    p.add_argument(
        "--scheduler", metavar="ADDR",
        help="address of a running Dask scheduler, e.g. tcp://10.0.0.5:8786 (implies --engine dask; "
        "without it, --engine dask starts two local worker processes)",
    )
    _store_commands(sub)
    return parser


def _db_option(p: argparse.ArgumentParser, help_text: str = "SQLite store (default: in the user data directory)") -> None:
    p.add_argument("--db", metavar="PATH", help=help_text)


def _store_commands(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "add", help="clean articles and keep them in the store (re-adding one is a no-op)",
        epilog=EXIT_HELP, formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _input_options(p)
    _db_option(p)
    p.add_argument(
        "--embedder", choices=("auto", "minilm", "minilm-torch", "lexical"), default="auto",
        help="sentence aligner for updating the latest stored briefing with the new articles "
        "(only the stories they join are analysed again)",
    )
    p = sub.add_parser("list", help="list stored articles and briefings (tab-separated)")
    _db_option(p)
    p = sub.add_parser("show", help="print a stored article (by id) or briefing (b1, b2 … as list shows)")
    p.add_argument("id", metavar="ID")
    _db_option(p)
    p.add_argument("--format", choices=("json", "md", "html"), default="json", help="for a briefing")
    p.add_argument("-o", "--output", default="-", metavar="FILE", help="write here instead of stdout (- = stdout)")
    p = sub.add_parser("serve", help="start the web service and page (loopback only by default)")
    _db_option(p)
    p.add_argument("--host", default="127.0.0.1", help="address to bind (default 127.0.0.1: this machine only)")
    p.add_argument("--port", type=int, default=8000)
    p.add_argument("--fetch", action="store_true", help="allow the service to fetch http(s) URLs")


def _write(text: str | Iterable[str], output: str) -> None:
    """Write ``text`` (or its pieces, in order, so a large output is never held whole) to ``output``."""
    pieces = [text] if isinstance(text, str) else text
    if output == "-":
        for piece in pieces:
            sys.stdout.write(piece)
        sys.stdout.flush()
    else:
        with open(output, "w", encoding="utf-8") as fh:
            for piece in pieces:
                fh.write(piece)


def _report_problems(problems: Sequence[object]) -> None:
    for p in problems:
        print(f"newsprism: skipped {p}", file=sys.stderr)


def _progress(quiet: bool):
    if quiet:
        return None, None
    from newsprism.progress import Progress

    bar = Progress()
    return bar, bar.update


def cmd_extract(args: argparse.Namespace) -> int:
    from newsprism.api import read

    bar, update = _progress(args.quiet)
    try:
        result = read(args.paths, max_bytes=args.max_bytes, fast=args.fast, fetch=args.fetch, progress=update)
    finally:
        if bar:
            bar.close()
    lines = [json.dumps(a.to_dict(with_duplicate=False), ensure_ascii=False) for a in result.articles]
    _write("".join(line + "\n" for line in lines), args.output)
    _report_problems(result.problems)
    if not result.articles:
        return EXIT_FAILED
    return EXIT_SKIPPED if result.problems else EXIT_OK


def cmd_brief(args: argparse.Namespace) -> int:
    from newsprism.api import brief_articles, read

    if args.db is not None:
        return _brief_stored(args)
    if not args.paths:
        print("newsprism: brief needs input PATHs (or --db to brief stored articles)", file=sys.stderr)
        return EXIT_FAILED

    with _engine(args) as engine:
        bar, update = _progress(args.quiet)
        try:
            result = (engine.read if engine else read)(
                args.paths, max_bytes=args.max_bytes, fast=args.fast, fetch=args.fetch, progress=update
            )
        finally:
            if bar:
                bar.close()
        _report_problems(result.problems)
        if not result.articles:
            print("newsprism: no usable article among the inputs", file=sys.stderr)
            return EXIT_FAILED
        briefing = brief_articles(
            result.articles, generated_at=args.generated_at, problems=result.problems, embedder=args.embedder,
            engine=engine or "local",
        )
    _write(_formatted(briefing, args.format), args.output)
    return EXIT_SKIPPED if result.problems else EXIT_OK


def _engine(args: argparse.Namespace) -> contextlib.AbstractContextManager:
    """A running Dask engine for ``--engine dask`` (or ``--scheduler``), else nothing: the local engine."""
    if args.engine != "dask" and not args.scheduler:
        return contextlib.nullcontext()
    from newsprism.scale import DaskEngine

    return DaskEngine(args.scheduler, embedder=args.embedder)


def _formatted(briefing: Briefing, fmt: str) -> str | Iterator[str]:
    if fmt == "json":
        return itertools.chain(briefing.iter_json(), ["\n"])
    return briefing.to_markdown() if fmt == "md" else briefing.to_html()


def _read_and_store(args: argparse.Namespace, store: Store) -> tuple[list[str], list]:
    """Read the PATHs and add them to the store: the stored ids (in input order) and the skipped inputs."""
    from newsprism.api import read

    bar, update = _progress(args.quiet)
    try:
        result = read(args.paths, max_bytes=args.max_bytes, fast=args.fast, fetch=args.fetch, progress=update)
    finally:
        if bar:
            bar.close()
    _report_problems(result.problems)
    return [added.id for added in store.add_articles(result.articles)], result.problems


def _brief_stored(args: argparse.Namespace) -> int:
    from newsprism.store import Store, brief_stored

    with Store(args.db) as store:
        problems: list = []
        ids = [i for i in (args.ids or "").split(",") if i.strip()] or None
        if args.paths:
            added, problems = _read_and_store(args, store)
            ids = (ids or []) + added
            if not ids:
                print("newsprism: no usable article among the inputs", file=sys.stderr)
                return EXIT_FAILED
        bid, briefing = brief_stored(store, ids, generated_at=args.generated_at, embedder=args.embedder)
    print(f"newsprism: stored as briefing b{bid}", file=sys.stderr)
    _write(_formatted(briefing, args.format), args.output)
    return EXIT_SKIPPED if problems else EXIT_OK


def cmd_add(args: argparse.Namespace) -> int:
    from newsprism.incremental import add_and_update
    from newsprism.store import Store

    with Store(args.db) as store:
        before = set(store.article_ids())
        ids, problems = _read_and_store(args, store)
        update = add_and_update(store, [i for i in ids if i not in before], embedder=args.embedder)
    if update is not None:
        print(f"newsprism: updated briefing b{update.previous_id} as b{update.briefing_id} "
              f"({len(update.rebuilt)} stories analysed, {len(update.reused)} kept)", file=sys.stderr)
    lines = [f"{aid}\t{'already stored' if aid in before else 'added'}\n" for aid in ids]
    _write("".join(lines), args.output)
    if not ids:
        return EXIT_FAILED
    return EXIT_SKIPPED if problems else EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    from newsprism.store import Store

    with Store(args.db) as store:
        articles, briefings = store.list_articles(), store.list_briefings()
    out = [f"{a.id}\t{a.published or '-'}\t{a.outlet or '-'}\t{_flat(a.title) or '-'}\t{a.chars} chars\n" for a in articles]
    out += [
        f"b{b.id}\t{b.generated_at}\t{len(b.articles)} articles\t{' | '.join(_flat(t) for _, t in b.stories)}\n"
        for b in briefings
    ]
    _write("".join(out), "-")
    return EXIT_OK


def _flat(text: str | None) -> str:
    return " ".join((text or "").split())


def cmd_show(args: argparse.Namespace) -> int:
    from newsprism.store import NotFoundError, Store, parse_briefing_ref

    with Store(args.db) as store:
        try:
            article = store.get_article(args.id)
        except NotFoundError:
            bid = parse_briefing_ref(args.id)
            if bid is None:
                raise
            text = _formatted(store.get_briefing(bid), args.format)
        else:
            text = json.dumps(article.to_dict(with_duplicate=False), ensure_ascii=False, indent=2) + "\n"
    _write(text, args.output)
    return EXIT_OK


def cmd_serve(args: argparse.Namespace) -> int:
    from newsprism.serve import run

    print(f"newsprism: serving on http://{args.host}:{args.port}/ (Ctrl-C stops)", file=sys.stderr)
    run(args.db, host=args.host, port=args.port, fetch=args.fetch)
    return EXIT_OK


COMMANDS = {
    "extract": cmd_extract, "brief": cmd_brief, "add": cmd_add, "list": cmd_list, "show": cmd_show, "serve": cmd_serve,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except NewsprismError as exc:
        print(f"newsprism: {exc}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print("newsprism: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # e.g. the output file cannot be written
        print(f"newsprism: {exc.strerror or exc}: {exc.filename or ''}".rstrip(": "), file=sys.stderr)
        return EXIT_FAILED


if __name__ == "__main__":
    sys.exit(main())
