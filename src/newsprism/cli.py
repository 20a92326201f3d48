"""The command line: thin, every command calls the library.

Exit status: 0 when every input was used; 1 when some inputs were skipped (each one
named on stderr); 2 when nothing could be done (usage error, or no input was usable).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from newsprism.errors import NewsprismError
from newsprism.ingest import DEFAULT_MAX_BYTES

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


def _input_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, directories (read recursively), or - for stdin")
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
    _input_options(p)
    p.add_argument("--format", choices=("json", "md", "html"), default="json")
    p.add_argument("--generated-at", help="timestamp to record (default: SOURCE_DATE_EPOCH, else newest article)")
    p.add_argument(
        "--embedder", choices=("auto", "minilm", "lexical"), default="auto",
        help="sentence aligner: the packaged MiniLM model (auto falls back to lexical if it cannot load)",
    )
    return parser


def _write(text: str, output: str) -> None:
    if output == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        with open(output, "w", encoding="utf-8") as fh:
            fh.write(text)


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

    bar, update = _progress(args.quiet)
    try:
        result = read(args.paths, max_bytes=args.max_bytes, fast=args.fast, fetch=args.fetch, progress=update)
    finally:
        if bar:
            bar.close()
    _report_problems(result.problems)
    if not result.articles:
        print("newsprism: no usable article among the inputs", file=sys.stderr)
        return EXIT_FAILED
    briefing = brief_articles(
        result.articles, generated_at=args.generated_at, problems=result.problems, embedder=args.embedder
    )
    if args.format == "json":
        text = briefing.to_json() + "\n"
    elif args.format == "md":
        text = briefing.to_markdown()
    else:
        text = briefing.to_html()
    _write(text, args.output)
    return EXIT_SKIPPED if result.problems else EXIT_OK


COMMANDS = {"extract": cmd_extract, "brief": cmd_brief}


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
