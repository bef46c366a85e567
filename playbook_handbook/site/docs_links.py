"""A file in docs/ that is a link out of the repository fails the build.

MkDocs follows links: a pull request that replaces ``docs/tags.md`` by a link to
``../.git/config`` (which holds the CI checkout's token) or to a file elsewhere
on the machine would publish it as a page, in the search index and in the
preview the workflow uploads. Each such file is named at its path, then the
build stops.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files

from playbook_handbook.load.links import LINKS_OUT, inside_repository
from playbook_handbook.problems import Problem

log = logging.getLogger("mkdocs.plugins.handbook")


def refuse_links_out(files: Files, config: MkDocsConfig) -> None:
    """Stop the build if a file of ``docs/`` leads out of the repository."""
    root = Path(config.config_file_path or config.docs_dir).parent
    docs = os.path.normpath(config.docs_dir)
    found = []
    for file in files:
        if file.generated_by is not None or not file.abs_src_path or \
                os.path.normpath(file.src_dir or "") != docs:
            continue
        if not inside_repository(Path(file.abs_src_path), root):
            found.append(Problem(
                f"{Path(docs).name}/{file.src_uri}", 1, 1,
                f"{LINKS_OUT}; copy the file into docs/ instead", "symlink"))
    if found:
        for problem in found:
            log.error(problem.format_text())
        raise PluginError(f"{len(found)} file{'s' * (len(found) != 1)} in docs/ "
                          "link out of the repository (listed above)")
