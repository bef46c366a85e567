"""Test harness only: remember the installed theme's static files between builds.

On every build MkDocs walks each theme folder and filters every name
(``Files.add_files_from_theme``), and the handbook builds twice (one build per
edition). Material's templates folder holds about 14,500 files, most of them
icons, so this is about a third of the CPU of a small handbook's build, and the
suite builds about a hundred times. Installed folders do not change while the
tests run: each is listed once per process by MkDocs' own code, one folder at a
time; the project's folders (``overrides/``) are listed on every build. The files
a build gets, and their order, are MkDocs' own: ``test_theme_files.py`` compares
them with the unpatched method. The builds that run as programs (ProperDocs, the
workflow steps) use MkDocs' method unchanged.
"""

from __future__ import annotations

import functools
import sys
import types
from pathlib import Path
from typing import Any

from mkdocs.structure.files import File, Files

ORIGINAL = Files.add_files_from_theme
INSTALLED = Path(sys.prefix).resolve()


def _listed(folder: str, static_templates: tuple[str, ...]) -> frozenset[str]:
    """The static files MkDocs takes from ``folder`` when it is the only theme folder."""
    import jinja2

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
    folders = [(folder, (_installed if Path(folder).resolve().is_relative_to(INSTALLED)
                         else _listed)(folder, static_templates))
               for folder in config.theme.dirs]
    for path in sorted(frozenset().union(*(names for _, names in folders))):
        if self.get_file_from_path(path) is None:  # a docs file wins over the theme's
            folder = next(folder for folder, names in folders if path in names)
            self.append(File(path, folder, config.site_dir, config.use_directory_urls))


def install() -> None:
    Files.add_files_from_theme = add_files_from_theme  # type: ignore[method-assign]
