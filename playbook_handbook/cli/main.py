"""The ``handbook`` command: check playbooks, start new ones, keep generated files current.

Exit codes: 0 clean, 1 content problems (a stale file with --check, an
overdue review or a stale translation for ``stale``), 2 a usage error. ``diff`` exits 0 whatever the
difference, 2 when it cannot compare (a bad --base).
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING

# Only what the parser needs is imported here, so `handbook --help` starts at
# once; each command imports its own work (pydantic, Jinja, the limit tables).
from playbook_handbook.model.dates import SettingError, parse_day
from playbook_handbook.model.kinds import KINDS
from playbook_handbook.sitemap import PLAYBOOKS_DIR

if TYPE_CHECKING:
    from playbook_handbook.index.handbook import Handbook


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help(sys.stderr)
        return 2
    try:
        return args.run(args, parser)
    except OSError as exc:  # a file or folder that cannot be read or written
        from playbook_handbook.problems import neutralise

        where = f": {exc.filename}" if exc.filename else ""
        print(f"handbook: error: {neutralise(exc.strerror or str(exc))}{neutralise(where)}",
              file=sys.stderr)
        return 2
    except SettingError as exc:  # HANDBOOK_TODAY set to something that is not a date
        from playbook_handbook.problems import neutralise

        print(f"handbook: error: {neutralise(str(exc))}", file=sys.stderr)
        return 2


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

    new = commands.add_parser(
        "new", help="write a commented starter playbook (or translation), ready to fill in")
    new.add_argument("kind", choices=(*KINDS, "translation"),
                     help="the kind of playbook, or translation")
    new.add_argument("id", help="the new id, which is also the file name, e.g. reply-to-dms; "
                                "for a translation: the id of the playbook or path, or the "
                                "name of a definitions file (severity-scale, tags ...)")
    new.add_argument("--language", default="tr",
                     help="for a translation: its language code (default: tr)")
    _add_root(new)
    new.add_argument("--title", help="the page title (default: made from the id)")
    new.add_argument("--owner", help="GitHub handle of the owner, e.g. @social-leads "
                                     "(default: who owns most playbooks of the kind)")
    new.add_argument("--today", type=_date, help="review date to write (YYYY-MM-DD)")
    new.set_defaults(run=_new)

    owners = commands.add_parser(
        "codeowners", help="write .github/CODEOWNERS from the playbook owners")
    _add_root(owners)
    owners.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 when the committed file is stale")
    owners.set_defaults(run=_codeowners)

    stale_cmd = commands.add_parser(
        "stale", help="list playbooks overdue for review (path: owner, due DATE) and stale "
                      "or missing translations (path: owner, translation stale (fields))")
    _add_root(stale_cmd)
    stale_cmd.add_argument("--within", type=_days, metavar="DAYS",
                           help="also list playbooks due within DAYS days")
    stale_cmd.add_argument("--format", choices=("text", "markdown"), default="text",
                           help="text (one a line) or a Markdown table for a job summary")
    stale_cmd.add_argument("--today", type=_date, help="compare with this day (YYYY-MM-DD)")
    stale_cmd.set_defaults(run=_stale)

    translated = commands.add_parser(
        "translated", help="record that a translation is up to date with today's English "
                           "(rewrites its made_from block)")
    translated.add_argument("files", nargs="+", type=Path, metavar="FILE",
                            help="translation files, e.g. playbooks/guides/x.tr.yml")
    _add_root(translated)
    translated.set_defaults(run=_translated)

    diff = commands.add_parser(
        "diff", help="what readers will see differently: the working tree against a revision")
    _add_root(diff)
    diff.add_argument("--base", metavar="REV",
                      help="compare with this revision (default: the merge base with the "
                           "default branch, else HEAD~1)")
    diff.add_argument("--format", choices=("text", "markdown", "json"), default="text",
                      help="text, Markdown for a pull request, or JSON")
    diff.add_argument("--today", type=_date, help="judge approvals on this day (YYYY-MM-DD)")
    diff.set_defaults(run=_diff)
    return parser


def _add_root(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--root", type=Path, default=Path("."),
                        help="the handbook repository (default: the current folder)")


def _date(text: str) -> dt.date:
    from playbook_handbook.problems import neutralise

    try:
        return parse_day(text, "--today")
    except SettingError as exc:
        raise argparse.ArgumentTypeError(neutralise(str(exc).removeprefix("--today: "))) from None


def _days(text: str) -> int:
    if not text.isdigit():
        raise argparse.ArgumentTypeError(f"'{text}' is not a number of days like 30")
    return int(text)


def _repository(args: argparse.Namespace, parser: argparse.ArgumentParser) -> Handbook:
    """The whole handbook under --root; a usage error when there is none."""
    from playbook_handbook.index.handbook import load_handbook

    root: Path = args.root
    if not (root / PLAYBOOKS_DIR).is_dir():
        parser.error(f"no {PLAYBOOKS_DIR}/ folder in {root.resolve()}; "
                     "run from the handbook repository or pass --root")
    return load_handbook(root)


def _check(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from playbook_handbook.checks.content import content_warnings
    from playbook_handbook.index.handbook import discover, display_path, load_handbook, today
    from playbook_handbook.problems import errors

    root: Path = args.root
    if not root.is_dir():
        parser.error(f"--root {root} is not a folder")
    files: list[Path] | None = None
    if args.paths:
        files = []
        for path in args.paths:
            if not path.is_absolute() and (root / path).exists():
                path = root / path  # a path inside --root, as the messages print it
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
    from playbook_handbook.model import schema

    if args.check:
        stale = schema.stale_schemas(args.root)
        for path in stale:
            print(f"{path}: out of date with the model; run: handbook schema", file=sys.stderr)
        return 1 if stale else 0
    for path in schema.write_schemas(args.root):
        print(f"wrote {path}")
    return 0


def _new(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from playbook_handbook.cli.scaffold import ScaffoldError, starter, write_starter
    from playbook_handbook.index.handbook import today

    book = _repository(args, parser)
    if args.kind == "translation":
        return _new_translation(book, args)
    try:
        new = starter(book, args.kind, args.id, args.today or today(),
                      owner=args.owner, title=args.title)
        write_starter(new)
    except ScaffoldError as exc:
        print(f"handbook new: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {new.rel_path}")
    print("Next:")
    print(f"  1. Open {new.rel_path} and replace every TODO with your own words;")
    print("     the notes starting with # say what each field is for.")
    print(f"  2. Check the owner: {new.owner_note}.")
    print(f"  3. Run: handbook check {new.rel_path}")
    print("  4. Preview with: make serve  (the page is at /go/" + args.id + "/)")
    print("  5. When it is ready, change status: draft to status: active "
          "and open a pull request.")
    return 0


def _new_translation(book: Handbook, args: argparse.Namespace) -> int:
    from playbook_handbook.cli.translations import TranslationError, new_translation
    from playbook_handbook.problems import neutralise

    if not re.fullmatch(r"[a-z]{2,3}(-[a-z]{2})?", args.language) or args.language == "en":
        print(neutralise(f"handbook new: '{args.language}' is not a language code like tr "
                         "(English is the source language)"), file=sys.stderr)
        return 2
    from playbook_handbook.render.locale import LOCALES

    # Each edition the site can build has its interface words in LOCALES/<language>/.
    built = sorted(p.name for p in LOCALES.iterdir() if p.is_dir())
    if args.language not in built:
        print(neutralise(
            f"handbook new: the site has no '{args.language}' edition to show this "
            f"translation in (editions: {', '.join(built)}); its interface words go in "
            f"playbook_handbook/render/locales/{args.language}/ and the language in the "
            "handbook plugin's languages in mkdocs.yml first"), file=sys.stderr)
        return 2
    try:
        rel = new_translation(book, args.id, args.language)
    except TranslationError as exc:
        print(neutralise(f"handbook new: {exc}"), file=sys.stderr)
        return 2
    print(f"wrote {rel}")
    print("Next:")
    print(f"  1. Open {rel}; under each '# en:' line write the translation as the value.")
    print("     A value left empty shows the English until it is translated.")
    print(f"  2. Run: handbook translated {rel}   (records which English you translated)")
    print(f"  3. Run: handbook check {rel}")
    return 0


def _translated(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from playbook_handbook.cli.translations import TranslationError, record_made_from
    from playbook_handbook.problems import neutralise

    book = _repository(args, parser)
    status = 0
    for file in args.files:
        try:
            print(f"recorded {record_made_from(book, file)}")
        except TranslationError as exc:
            print(neutralise(f"handbook translated: {exc}"), file=sys.stderr)
            status = 1
    return status


def _codeowners(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from playbook_handbook.problems import errors, neutralise
    from playbook_handbook.review import codeowners

    book = _repository(args, parser)
    failing = errors(book.problems)
    if failing:
        print(f"{len(failing)} error{'s' * (len(failing) != 1)} in the playbooks; fix what "
              "handbook check reports first, so no owner is left out", file=sys.stderr)
        return 1
    result = codeowners.codeowners(book)
    for rel, owner in result.skipped:
        print(neutralise(f"{rel}: owner '{owner}' is not a GitHub handle like @team; "
                         "no reviewer is requested for it"), file=sys.stderr)
    if args.check:
        if codeowners.stale(args.root, result.text):
            print(f"{codeowners.CODEOWNERS_PATH.as_posix()}: out of date with the playbook "
                  "owners; run: handbook codeowners", file=sys.stderr)
            return 1
        return 0
    print(f"wrote {codeowners.write(args.root, result.text)}")
    return 0


def _stale(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from playbook_handbook.index.handbook import today
    from playbook_handbook.problems import errors
    from playbook_handbook.review import stale

    book = _repository(args, parser)
    states = stale.due_for_review(book, args.today or today(), args.within)
    translations = stale.translations_due(book)
    if args.format == "markdown":
        print(stale.markdown(states, len(book.playbooks), args.within), end="")
        print(stale.translations_markdown(translations), end="")
    else:
        for state in states:
            print(stale.text_line(state))
        for due in translations:
            print(stale.translation_line(due))
    overdue = sum(state.status == "overdue" for state in states)
    window = f", {len(states) - overdue} due within {args.within} days" \
        if args.within is not None else ""
    print(f"{overdue} overdue{window} of {len(book.playbooks)} playbooks", file=sys.stderr)
    behind = sum(due.state == "stale" for due in translations)
    if translations:
        print(f"{behind} stale, {len(translations) - behind} missing translations",
              file=sys.stderr)
    failing = errors(book.problems)
    if failing:
        print(f"{len(failing)} error{'s' * (len(failing) != 1)} in the playbooks kept some "
              "out of this list; run: handbook check", file=sys.stderr)
    return 1 if overdue or behind else 0


def _diff(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from playbook_handbook.index.handbook import today
    from playbook_handbook.review.diff.command import run

    if not (args.root / PLAYBOOKS_DIR).is_dir():
        parser.error(f"no {PLAYBOOKS_DIR}/ folder in {args.root.resolve()}; "
                     "run from the handbook repository or pass --root")
    return run(args.root, args.base, args.format, args.today or today())


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
