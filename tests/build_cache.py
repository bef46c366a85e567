"""Test harness only: what every in-process build redoes with the same result.

The suite builds about a hundred times in one process per worker, and the
handbook builds twice per build (one per edition). Each worker does two pieces
of that work once instead:

- The installed theme's static files. MkDocs walks each theme folder and
  filters every name (``Files.add_files_from_theme``); Material's folder holds
  about 14,500 files, most of them icons: about a third of a small handbook's
  build. Installed folders are listed once per process by MkDocs' own method,
  one folder at a time; the project's folders (``overrides/``) on every build.
- The theme templates compiled before the handbook plugin's ``on_env`` gives the
  build's Jinja environment its template cache: Material's search plugin makes an
  environment of its own in ``on_config`` and compiles its language partials
  again on every build. Every environment from ``Theme.get_env`` shares one
  Jinja ``BytecodeCache`` here, which keeps the compiled code per template file
  with the checksum of its source, so a template that changes is compiled again.
  The cache does not know an environment's options: it is right because every
  environment it serves comes from ``Theme.get_env`` and compiles alike (same
  extensions, ``newstyle_gettext`` and autoescaping).

``test_build_cache.py`` checks the files, their order and the pages are what
MkDocs gives without the harness. Builds that run as programs (ProperDocs, the
workflow steps) use MkDocs unchanged.
"""

from __future__ import annotations

import functools
import os
import sysconfig
import types
from pathlib import Path
from typing import Any

import jinja2
from mkdocs.structure.files import File, Files
from mkdocs.theme import Theme

ORIGINAL = Files.add_files_from_theme
ORIGINAL_ENV = Theme.get_env
#: Where installed packages live: their theme folders do not change during a run.
INSTALLED = {Path(sysconfig.get_paths()[key]).resolve() for key in ("purelib", "platlib")}


def _listed(folder: str, static_templates: tuple[str, ...]) -> frozenset[str]:
    """The static files MkDocs takes from ``folder`` when it is the only theme folder."""
    config = types.SimpleNamespace(
        theme=types.SimpleNamespace(dirs=[folder], static_templates=list(static_templates)),
        site_dir=folder, use_directory_urls=True)
    files = Files([])
    ORIGINAL(files, jinja2.Environment(loader=jinja2.FileSystemLoader([folder])), config)
    return frozenset(file.src_uri for file in files)


_installed = functools.cache(_listed)


def add_files_from_theme(self: Files, env: Any, config: Any) -> None:
    """``Files.add_files_from_theme`` with each installed theme folder listed once."""
    static_templates = tuple(config.theme.static_templates)
    names = frozenset().union(*(
        (_installed if any(Path(folder).resolve().is_relative_to(place) for place in INSTALLED)
         else _listed)(folder, static_templates) for folder in config.theme.dirs))
    for path in sorted(names):
        if self.get_file_from_path(path) is None:  # a docs file wins over the theme's
            # The first theme folder that holds the file, found as MkDocs finds it.
            folder = next(folder for folder in config.theme.dirs
                          if os.path.isfile(os.path.join(folder, path)))
            self.append(File(path, folder, config.site_dir, config.use_directory_urls))


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled templates kept in memory, each with the checksum of its source."""

    def __init__(self) -> None:
        self.kept: dict[str, tuple[str, Any]] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        checksum, code = self.kept.get(bucket.key, (None, None))
        if checksum == bucket.checksum:
            bucket.code = code

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.kept[bucket.key] = (bucket.checksum, bucket.code)


COMPILED = CompiledTemplates()


def get_env(self: Theme) -> jinja2.Environment:
    """``Theme.get_env`` whose environment shares :data:`COMPILED`."""
    env = ORIGINAL_ENV(self)
    env.bytecode_cache = COMPILED
    return env


def install() -> None:
    Files.add_files_from_theme = add_files_from_theme  # type: ignore[method-assign]
    Theme.get_env = get_env  # type: ignore[method-assign]
