"""Whether a file, once its links are followed, is part of the repository.

A pull request can replace a file by a link. What the link leads to must not be
read into a page, a search index or a pull-request comment unless it is a file
of the repository itself: not a file elsewhere on the machine (``/etc``,
``/dev/zero``) and not git's own folder, whose ``config`` holds the CI
checkout's token.
"""

from __future__ import annotations

from pathlib import Path

#: What a page file that leads out of the repository is told (then what to do instead).
LINKS_OUT = ("this is a link to a file outside the repository or in git's own folder, "
             "which the site would publish")


def inside_repository(file: Path, root: Path) -> bool:
    """``file``, its links followed, is under ``root`` and outside ``root/.git``."""
    try:
        top, target = root.resolve(), file.resolve()
    except (OSError, RuntimeError):  # RuntimeError: a loop of links (Python < 3.13)
        return False
    return target.is_relative_to(top) and ".git" not in target.relative_to(top).parts
