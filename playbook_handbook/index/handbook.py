"""The handbook index: every playbook and path of a repository, checked together.

Loading goes file -> :mod:`yamlsource` -> :mod:`validate` -> here, where the
rules that need more than one file are applied (unique ids and aliases, known
references, the folder a kind lives in).
"""

from __future__ import annotations

import datetime as dt
import difflib
import gc
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playbook_handbook import sitemap
from playbook_handbook.index.definitions import DEFINITIONS_DIR, Definitions, load_definitions
from playbook_handbook.index.references import check_crisis_playbook, check_definitions
from playbook_handbook.load.yamlsource import Source, load_file
from playbook_handbook.model.dates import SettingError, parse_day  # noqa: F401 - re-exported
from playbook_handbook.model.playbook import (
    KIND_FOLDERS,
    KIND_TITLES,
    AnyPlaybook,
    OnboardingPath,
)
from playbook_handbook.model.validate import validate_path, validate_playbook
from playbook_handbook.problems import Problem
from playbook_handbook.sitemap import PATHS_DIR, PLAYBOOKS_DIR  # noqa: F401 - re-exported
from playbook_handbook.translate.collect import Translations, beside, load_translations, split

#: The language the YAML files are written in; translations sit beside them.
SOURCE_LANGUAGE = "en"

YAML_SUFFIXES = (".yml", ".yaml")


def today() -> dt.date:
    """Today, or the date in ``HANDBOOK_TODAY`` (YYYY-MM-DD) so tests can fix it."""
    fixed = os.environ.get("HANDBOOK_TODAY")
    return parse_day(fixed, "HANDBOOK_TODAY") if fixed else dt.date.today()


@dataclass
class Entry:
    """A valid playbook with the file it came from."""

    playbook: AnyPlaybook
    source: Source
    file: Path
    rel_path: str  # posix path from the repository root, e.g. playbooks/guides/x.yml

    @property
    def id(self) -> str:
        return self.playbook.id

    @property
    def category(self) -> str:
        return KIND_FOLDERS[self.playbook.kind]

    @property
    def page_uri(self) -> str:
        """Where the generated Markdown page lives in the docs tree."""
        return sitemap.playbook_page(self.category, self.id)

    def position(self, *loc: object) -> tuple[int, int]:
        return self.source.position(tuple(loc))


@dataclass
class PathEntry:
    path: OnboardingPath
    source: Source
    file: Path
    rel_path: str

    @property
    def id(self) -> str:
        return self.path.id

    @property
    def page_uri(self) -> str:
        return sitemap.path_page(self.id)


@dataclass
class Handbook:
    root: Path
    playbooks: dict[str, Entry] = field(default_factory=dict)
    paths: dict[str, PathEntry] = field(default_factory=dict)
    aliases: dict[str, str] = field(default_factory=dict)  # former id -> id
    #: Ids (and former ids) of playbook files that have errors of their own:
    #: references to them are not reported again in every file that links them.
    broken: set[str] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)
    files_checked: int = 0
    #: The shared definitions (definitions/): severity scale, roles, statements, vocabularies.
    definitions: Definitions = field(default_factory=Definitions)
    #: Translations beside the English files: language -> English path -> translation.
    translations: Translations = field(default_factory=dict)
    #: The language this handbook's text is in (translate.overlay.localize changes it).
    language: str = SOURCE_LANGUAGE

    def resolve(self, playbook_id: str) -> Entry | None:
        """The playbook with this id or former id."""
        entry = self.playbooks.get(playbook_id)
        if entry is None and playbook_id in self.aliases:
            entry = self.playbooks.get(self.aliases[playbook_id])
        return entry

    def require(self, playbook_id: str) -> Entry:
        """Like :meth:`resolve`, but an unknown id raises LookupError with a suggestion."""
        entry = self.resolve(playbook_id)
        if entry is None:
            raise LookupError(f"unknown playbook id '{playbook_id}'{self.suggest(playbook_id)}")
        return entry

    def suggest(self, playbook_id: str) -> str:
        close = difflib.get_close_matches(playbook_id, list(self.playbooks), n=1, cutoff=0.6)
        return f"; did you mean '{close[0]}'?" if close else ""

    def by_kind(self, kind: str) -> list[Entry]:
        return [e for e in self.playbooks.values() if e.playbook.kind == kind]

    def select(self, *, kind: str | None = None, tag: str | None = None,
               skill: str | None = None, network: str | None = None,
               level: str | None = None, audience: str | None = None,
               include_deprecated: bool = False) -> list[Entry]:
        """Playbooks matching every given filter, in handbook order."""
        found = []
        for entry in self.playbooks.values():
            pb = entry.playbook
            if pb.status == "deprecated" and not include_deprecated:
                continue
            if kind and pb.kind != kind:
                continue
            if tag and tag not in pb.tags:
                continue
            if skill and skill not in pb.skills:
                continue
            if network and network not in pb.networks:
                continue
            if level and pb.level != level:
                continue
            if audience and audience not in pb.audience:
                continue
            found.append(entry)
        return found

    @property
    def categories(self) -> list[tuple[str, str, str]]:
        """``(kind, folder, title)`` for every kind, in a fixed order."""
        return [(kind, folder, KIND_TITLES[kind]) for kind, folder in KIND_FOLDERS.items()]


def discover(base: Path) -> list[Path]:
    """YAML files under ``base``, sorted (``.YML`` too: loading reports its name)."""
    if not base.is_dir():
        return []
    # os.walk and string paths: this runs on every preview rebuild, for every file.
    found = [os.path.join(folder, name)
             for folder, _dirs, names in os.walk(base, followlinks=True)
             for name in names if os.path.splitext(name)[1].lower() in YAML_SUFFIXES]
    found.sort(key=lambda path: path.split(os.sep))  # the order of sorted(Path)
    return [Path(path) for path in found if os.path.isfile(path)]


#: What reading one file gave, by (root, file): its (mtime_ns, size) stamp, the
#: source, the validated model (or None) and the file's own problems.
FileCache = dict[tuple[Path, Path], tuple[tuple[int, int], Source | None, Any, list[Problem]]]


def load_handbook(root: Path, *, only: Iterable[Path] | None = None,
                  cache: FileCache | None = None) -> Handbook:
    """Load and check every playbook and path under ``root``.

    With ``only``, every file is still loaded (references need the whole set),
    but problems are kept only for the files named. With ``cache`` (kept by the
    caller between loads, e.g. across ``mkdocs serve`` rebuilds), a file whose
    modification time and size are unchanged is not read again.
    """
    # Parsing makes many short-lived objects; the cyclic garbage collector would
    # rescan the growing handbook after every file (measured: 2x slower at 1,000).
    gc_was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _load_handbook(root.resolve(), only, cache)
    finally:
        if gc_was_enabled:
            gc.enable()


def _load_handbook(root: Path, only: Iterable[Path] | None,
                   cache: FileCache | None) -> Handbook:
    book = Handbook(root)
    playbook_files = discover(root / PLAYBOOKS_DIR)
    path_files = discover(root / PATHS_DIR)
    extra = [p.resolve() for p in only or ()]
    for file in extra:
        if file.is_relative_to(root / DEFINITIONS_DIR):
            continue
        if file not in playbook_files and file not in path_files:
            (path_files if file.is_relative_to(root / PATHS_DIR) else playbook_files).append(file)
    playbook_files, playbook_translations = split(playbook_files)
    path_files, path_translations = split(path_files)

    dotted = {file for file in [*playbook_files, *path_files] if "." in file.stem}
    for file in sorted(dotted):  # x.tr.tr.yml, x.v2.yml: neither a playbook nor a translation
        first = file.name.split(".", 1)[0]
        book.problems.append(Problem(
            display_path(file, root), 1, 1,
            f"the handbook does not read {file.name}: a playbook or path file is named "
            f"after its id ({first}.yml) and a translation of it adds its language "
            f"({first}.tr.yml); rename the file", "file-name"))
    playbook_files = [file for file in playbook_files if file not in dotted]
    path_files = [file for file in path_files if file not in dotted]
    for file in [*playbook_files, *path_files]:
        if file.suffix not in YAML_SUFFIXES:  # .YML, .Yaml: tools and links expect .yml
            book.problems.append(Problem(
                display_path(file, root), 1, 1,
                f"the file name ends in {file.suffix}; rename it to "
                f"{file.stem}{file.suffix.lower()}", "file-name"))

    book.definitions, problems = load_definitions(
        root, lambda file, rel: _load(file, root, rel))
    book.problems += problems + check_definitions(book.definitions)

    for file in playbook_files:
        rel = display_path(file, root)
        source, playbook, problems = _read(file, root, rel, validate_playbook, cache)
        book.problems += problems
        if source is not None and playbook is not None:
            _add_playbook(book, Entry(playbook, source, file, rel))
        else:
            book.broken |= _claimed_ids(file, source)

    for file in path_files:
        rel = display_path(file, root)
        source, path, problems = _read(file, root, rel, validate_path, cache)
        book.problems += problems
        if source is not None and path is not None:
            _add_path(book, PathEntry(path, source, file, rel))

    english: dict[str, Any] = {e.rel_path: e.playbook for e in book.playbooks.values()}
    english |= {e.rel_path: e.path for e in book.paths.values()}
    english |= {d.rel_path: d.model for d in book.definitions.files.values() if d.model}
    shared = beside(root / DEFINITIONS_DIR / d.rel_path.removeprefix(DEFINITIONS_DIR + "/")
                    for d in book.definitions.files.values() if d.present)
    book.translations, problems = load_translations(
        root, [*playbook_translations, *path_translations, *shared], english)
    book.problems += problems

    _check_aliases(book)
    _check_references(book)
    for entry in book.by_kind("crisis-handling"):
        book.problems += check_crisis_playbook(book.definitions, entry.rel_path,
                                               entry.playbook, entry.position)
    _check_triage_playbooks(book)
    book.playbooks = dict(sorted(
        book.playbooks.items(),
        key=lambda item: (list(KIND_FOLDERS).index(item[1].playbook.kind),
                          item[1].playbook.title.casefold()),
    ))
    book.files_checked = (len(playbook_files) + len(path_files) + len(playbook_translations)
                          + len(path_translations))
    if only is not None:
        wanted = {display_path(p, root) for p in only}
        book.problems = [p for p in book.problems if p.path in wanted]
        book.files_checked = len(wanted)
    book.problems.sort()
    return book


def _claimed_ids(file: Path, source: Source | None) -> set[str]:
    """The ids a playbook that failed to load would have answered to."""
    claimed = {file.stem}
    data = source.data if source is not None else None
    if isinstance(data, dict):
        if isinstance(data.get("id"), str):
            claimed.add(data["id"])
        if isinstance(data.get("aliases"), list):
            claimed |= {a for a in data["aliases"] if isinstance(a, str)}
    return claimed


def _read(file: Path, root: Path, rel: str, validate: Callable[[Source], tuple[Any, list]],
          cache: FileCache | None) -> tuple[Source | None, Any, list[Problem]]:
    """One file parsed and validated: (source, model or None, its problems)."""
    stamp = None
    if cache is not None:
        try:
            stat = file.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            pass
        hit = cache.get((root, file))
        if hit is not None and stamp is not None and hit[0] == stamp:
            return hit[1], hit[2], hit[3]
    source, problems = _load(file, root, rel)
    model = None
    if source is not None:
        model, more = validate(source)
        source.compact()
        problems = problems + _new_places(more, problems)
    if cache is not None and stamp is not None:
        cache[(root, file)] = (stamp, source, model, problems)
    return source, model, problems


def _new_places(problems: list[Problem], known: list[Problem]) -> list[Problem]:
    """Validation problems at places the loader has not already explained."""
    seen = {(p.line, p.column) for p in known}
    return [p for p in problems if (p.line, p.column) not in seen]


def _load(file: Path, root: Path, rel: str) -> tuple[Source | None, list[Problem]]:
    if file.is_symlink() and not file.resolve().is_relative_to(root):
        return None, [Problem(rel, 0, 0, "this is a link to a file outside the repository; "
                              "copy the playbook into playbooks/ instead", "symlink")]
    return load_file(file, rel)


def _add_playbook(book: Handbook, entry: Entry) -> None:
    pb, rel = entry.playbook, entry.rel_path
    if entry.file.stem != pb.id:
        book.problems.append(Problem(
            rel, *entry.position("id"),
            f"the file name must match the id: rename the file to {pb.id}{entry.file.suffix} "
            f"or set id: {entry.file.stem}", "file-name"))
    parts = Path(rel).parts
    expected = KIND_FOLDERS[pb.kind]
    if parts[:1] == (PLAYBOOKS_DIR,) and (len(parts) != 3 or parts[1] != expected):
        kline, kcolumn = entry.position("kind")
        book.problems.append(Problem(
            rel, kline, kcolumn,
            f"a {pb.kind} playbook belongs in playbooks/{expected}/; move the file there",
            "folder"))
    if pb.id in book.playbooks:
        first = book.playbooks[pb.id]
        book.problems.append(Problem(rel, *entry.position("id"),
                                     f"id '{pb.id}' is already used by {first.rel_path}",
                                     "duplicate-id"))
        book.problems.append(Problem(first.rel_path, *first.position("id"),
                                     f"id '{pb.id}' is also used by {rel}", "duplicate-id"))
        return
    book.playbooks[pb.id] = entry


def _add_path(book: Handbook, entry: PathEntry) -> None:
    if entry.file.stem != entry.id:
        line, column = entry.source.position(("id",))
        book.problems.append(Problem(
            entry.rel_path, line, column,
            f"the file name must match the id: rename the file to {entry.id}{entry.file.suffix}",
            "file-name"))
    if entry.id in book.paths:
        line, column = entry.source.position(("id",))
        other = book.paths[entry.id].rel_path
        book.problems.append(Problem(entry.rel_path, line, column,
                                     f"id '{entry.id}' is already used by {other}",
                                     "duplicate-id"))
        return
    book.paths[entry.id] = entry


def _check_aliases(book: Handbook) -> None:
    """Every /go/<id>/ link has one owner: playbook ids, their former ids, path ids."""
    for entry in book.playbooks.values():
        for index, alias in enumerate(entry.playbook.aliases):
            if (alias not in book.playbooks and alias not in book.aliases
                    and alias not in book.paths):
                book.aliases[alias] = entry.id
                continue
            line, column = entry.position("aliases", index)
            if alias in book.paths:
                book.problems.append(Problem(
                    entry.rel_path, line, column,
                    f"alias '{alias}' is the id of the onboarding path "
                    f"{book.paths[alias].rel_path}; both would answer /go/{alias}/",
                    "alias-collision"))
            elif alias in book.playbooks:
                owner = book.playbooks[alias].rel_path
                book.problems.append(Problem(
                    entry.rel_path, line, column,
                    f"alias '{alias}' is the id of {owner}; an alias must be a former id "
                    "no playbook uses now", "alias-collision"))
            elif alias in book.aliases:
                owner = book.playbooks[book.aliases[alias]].rel_path
                book.problems.append(Problem(
                    entry.rel_path, line, column,
                    f"alias '{alias}' is already an alias of {owner}", "alias-collision"))


def _check_references(book: Handbook) -> None:
    for path in book.paths.values():
        if path.id in book.playbooks:
            line, column = path.source.position(("id",))
            book.problems.append(Problem(
                path.rel_path, line, column,
                f"id '{path.id}' is also the id of the playbook "
                f"{book.playbooks[path.id].rel_path}; both would answer /go/{path.id}/",
                "duplicate-id"))
    for entry in book.playbooks.values():
        _check_replacement_cycle(book, entry)
        _check_anchors(book, entry)
        pb = entry.playbook
        refs = [(("related", i), ref) for i, ref in enumerate(pb.related)]
        if pb.replaced_by:
            refs.append((("replaced_by",), pb.replaced_by))
        for loc, ref in refs:
            _check_reference(book, entry.rel_path, entry.source, loc, ref)
            if ref == pb.id:
                line, column = entry.source.position(loc)
                book.problems.append(Problem(entry.rel_path, line, column,
                                             "a playbook cannot refer to itself", "self-reference"))
    for path in book.paths.values():
        for index, step in enumerate(path.path.steps):
            loc = ("steps", index, "playbook")
            _check_reference(book, path.rel_path, path.source, loc, step.playbook)
            target = book.playbooks.get(step.playbook)
            if target is not None and target.playbook.status == "deprecated":
                line, column = path.source.position(loc)
                book.problems.append(Problem(
                    path.rel_path, line, column,
                    f"'{step.playbook}' is deprecated; send readers to "
                    f"'{target.playbook.replaced_by}' instead", "deprecated-step"))


def _check_anchors(book: Handbook, entry: Entry) -> None:
    """Step anchors (``anchor:``) are link targets: two steps may not share one."""
    for field_name in ("steps", "worksheet"):
        seen: set[str] = set()
        for index, step in enumerate(getattr(entry.playbook, field_name, ())):
            if step.anchor in seen:
                line, column = entry.position(field_name, index, "anchor")
                book.problems.append(Problem(
                    entry.rel_path, line, column,
                    f"another step already has the anchor '{step.anchor}'; each step's "
                    "anchor must be unique, as links lead to it", "duplicate-anchor"))
            elif step.anchor in sitemap.SECTION_IDS:
                line, column = entry.position(field_name, index, "anchor")
                book.problems.append(Problem(
                    entry.rel_path, line, column,
                    f"the anchor '{step.anchor}' is the id of a section of the page; a link "
                    f"to #{step.anchor} would open that section, not this step: choose "
                    "another anchor", "duplicate-anchor"))
            elif step.anchor:
                seen.add(step.anchor)


def _check_replacement_cycle(book: Handbook, entry: Entry) -> None:
    """replaced_by must lead, in the end, to a playbook that is not deprecated."""
    seen = [entry.id]
    current = entry
    while current.playbook.replaced_by:
        following = book.playbooks.get(current.playbook.replaced_by)
        if following is None:
            return  # an unknown id has its own error
        if following.id == entry.id:
            line, column = entry.source.position(("replaced_by",))
            chain = " -> ".join([*seen, entry.id])
            book.problems.append(Problem(
                entry.rel_path, line, column,
                f"replaced_by goes round in a circle ({chain}); point it at the playbook "
                "readers should use now", "replacement-cycle"))
            return
        if following.id in seen:
            return  # a circle further on: reported at the playbooks in it
        seen.append(following.id)
        current = following


def _check_triage_playbooks(book: Handbook) -> None:
    """A triage question of the severity scale may name a playbook to open at once."""
    scale_file = book.definitions.files["severity_scale"]
    if scale_file.model is None:
        return
    for index, question in enumerate(scale_file.model.triage_questions):
        if question.playbook:
            _check_reference(book, scale_file.rel_path, scale_file.source,
                             ("triage_questions", index, "playbook"), question.playbook)


def _check_reference(book: Handbook, rel: str, source: Source, loc: tuple, ref: str) -> None:
    if ref in book.playbooks or ref in book.broken:
        return  # a broken target has its own error; do not repeat it in every linking file
    # Positions are looked up only for problems: after loading, that reads the file again.
    line, column = source.position(loc)
    if ref in book.aliases:
        book.problems.append(Problem(
            rel, line, column,
            f"'{ref}' is a former id of '{book.aliases[ref]}'; refer to the current id",
            "former-id", "warning"))
        return
    book.problems.append(Problem(rel, line, column,
                                 f"unknown playbook id '{ref}'{book.suggest(ref)}", "unknown-id"))


def display_path(file: Path, root: Path) -> str:
    """``file`` as messages show it: posix, relative to the repository when inside it."""
    text, base = os.path.abspath(file), str(root)  # not resolve(): a link keeps its name
    if text.startswith(base.rstrip(os.sep) + os.sep):  # strings: called for every file
        return text[len(base.rstrip(os.sep)) + 1:].replace(os.sep, "/")
    return Path(text).as_posix()
