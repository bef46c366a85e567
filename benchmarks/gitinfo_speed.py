"""How long does reading the playbooks' git history take for a large handbook?

Builds a throwaway repository with ``--files`` playbook files and ``--commits``
later commits (each changing a few files), then times
:func:`playbook_handbook.index.gitinfo.file_history`, which the build calls once (one
``git log`` for every file). Prints the figures; best of ``--rounds``.

    .venv/bin/python benchmarks/gitinfo_speed.py [--files 5000] [--commits 2000]
"""

from __future__ import annotations

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from playbook_handbook.index.gitinfo import file_history  # noqa: E402

FOLDERS = ("guides", "crisis-handling", "strategy-questions", "campaign-length",
           "audience-identification")


def fast_import_stream(files: int, commits: int) -> bytes:
    """A ``git fast-import`` stream: one commit adding every file, then small changes."""
    rng = random.Random(7)
    paths = [f"playbooks/{FOLDERS[n % len(FOLDERS)]}/playbook-{n}.yml" for n in range(files)]
    out: list[bytes] = []

    def data(text: str) -> None:
        raw = text.encode()
        out.append(b"data %d\n" % len(raw) + raw + b"\n")

    when = 1_700_000_000
    for number in range(commits + 1):
        out.append(b"commit refs/heads/main\n")
        out.append(b"committer Bench <bench@example.org> %d +0000\n" % (when + number * 3600))
        data("Starter playbooks" if number == 0 else f"Update playbooks ({number})")
        changed = paths if number == 0 else rng.sample(paths, 3)
        for path in changed:
            out.append(f"M 100644 inline {path}\n".encode())
            data(f"id: {Path(path).stem}\nrevision: {number}\n")
    return b"".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=5000)
    parser.add_argument("--commits", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    env = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        subprocess.run(["git", "init", "-q", "-b", "main"], cwd=root, env=env, check=True)
        subprocess.run(["git", "fast-import", "--quiet"], cwd=root, env=env, check=True,
                       input=fast_import_stream(args.files, args.commits))
        subprocess.run(["git", "reset", "-q", "--hard", "main"], cwd=root, env=env, check=True)
        times = []
        for _ in range(args.rounds):
            start = time.perf_counter()
            history = file_history(root)
            times.append(time.perf_counter() - start)
        assert history is not None and len(history) == args.files
        print(f"files: {args.files}  commits: {args.commits + 1}  "
              f"file_history best of {args.rounds}: {min(times):.3f} s  "
              f"(slowest {max(times):.3f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
