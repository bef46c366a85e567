"""The ``handbook`` command: check playbooks and keep generated files current.

Exit codes: 0 clean, 1 content problems (or a stale file with --check),
2 a usage error.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from . import schema
from .checks import content_warnings
from .handbook import PLAYBOOKS_DIR, discover, display_path, load_handbook, today
from .problems import errors


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help(sys.stderr)
        return 2
    return args.run(args, parser)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="handbook", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(title="commands")

    check = commands.add_parser(
        "check", help="validate playbooks and print every problem, one a line")
    check.add_argument("paths", nargs="*", type=Path, metavar="PATH",
                       help="files or folders to check (default: every playbook and path)")
    _add_root(check)
    check.add_argument("--strict", action="store_true", help="fail on warnings too")
    check.add_argument("--format", choices=("text", "github"), default="text",
                       help="text (path:line:column: ...) or GitHub annotations")
    check.add_argument("--today", type=_date, help="check dates against this day (YYYY-MM-DD)")
    check.set_defaults(run=_check)

    schema_cmd = commands.add_parser(
        "schema", help="write the JSON Schema files editors use, from the model")
    _add_root(schema_cmd)
    schema_cmd.add_argument("--check", action="store_true",
                            help="write nothing; exit 1 when the committed files are stale")
    schema_cmd.set_defaults(run=_schema)
    return parser


def _add_root(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=Path("."),
                        help="the handbook repository (default: the current folder)")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a date like 2026-03-31") from None


def _check(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    root: Path = args.root
    if not root.is_dir():
        parser.error(f"--root {root} is not a folder")
    files: list[Path] | None = None
    if args.paths:
        files = []
        for path in args.paths:
            if path.is_dir():
                files += discover(path)
            elif path.is_file():
                files.append(path)
            else:
                parser.error(f"no such file or folder: {path}")
    elif not (root / PLAYBOOKS_DIR).is_dir():
        parser.error(f"no {PLAYBOOKS_DIR}/ folder in {root.resolve()}; "
                     "run from the handbook repository or pass --root")

    book = load_handbook(root, only=files)
    warnings = content_warnings(book, args.today or today())
    if files is not None:
        wanted = {display_path(f, root.resolve()) for f in files}
        warnings = [w for w in warnings if w.path in wanted]
    problems = sorted(book.problems + warnings)

    for problem in problems:
        print(problem.format_github() if args.format == "github" else problem.format_text())
    n_errors = len(errors(problems))
    n_warnings = len(problems) - n_errors
    checked = book.files_checked
    print(f"{n_errors} error{'s' * (n_errors != 1)}, {n_warnings} warning"
          f"{'s' * (n_warnings != 1)} in {checked} file{'s' * (checked != 1)}",
          file=sys.stderr)
    return 1 if n_errors or (args.strict and n_warnings) else 0


def _schema(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.check:
        stale = schema.stale_schemas(args.root)
        for path in stale:
            print(f"{path}: out of date with the model; run: handbook schema", file=sys.stderr)
        return 1 if stale else 0
    for path in schema.write_schemas(args.root):
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
