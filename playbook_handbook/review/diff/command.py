"""``handbook diff``: load both sides, compare, print; the exit code says only
whether the comparison could be made (0), not whether anything changed."""

from __future__ import annotations

import datetime as dt
import sys
import tempfile
from pathlib import Path

from playbook_handbook.index.handbook import load_handbook
from playbook_handbook.review.diff.compare import compare
from playbook_handbook.review.diff.formats import write
from playbook_handbook.review.diff.gitbase import BaseError, materialise, resolve
from playbook_handbook.review.diff.written_pages import read_afresh


def run(root: Path, rev: str | None, fmt: str, today: dt.date) -> int:
    """Print the diff of the handbook at ``rev`` and the working tree under ``root``."""
    try:
        base = resolve(root, rev)
        with tempfile.TemporaryDirectory(prefix="handbook-diff-") as folder:
            before = load_handbook(materialise(root, base, Path(folder)))
            after = load_handbook(root)
            read_afresh()  # hand-written pages are read once per run and side
            report = compare(before, after, base, today)
    except BaseError as exc:
        print(f"handbook diff: {exc}", file=sys.stderr)
        return 2
    sys.stdout.write(write(report, fmt))
    return 0
