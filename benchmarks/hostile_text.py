"""Does a hostile playbook slow the build down? One file of ~1 MB, each pattern in turn.

Writes a guide of ``--steps`` steps into a copy of the test handbook, each step's
details a 3,990-character text of one pattern (ordinary prose first, then
thousands of unclosed brackets, backticks, underscores, image marks ...), builds
the site with ``mkdocs build`` and prints the build time of each pattern and its
ratio to ordinary prose. Issue 16's target: no pattern takes more than a few
times the ordinary file's time.

    .venv/bin/python benchmarks/hostile_text.py [--steps 240]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MINI = REPO / "tests" / "fixtures" / "mini"
SIZE = 3990

PATTERNS = {
    "ordinary prose": "Reply within *30 minutes* and read [the policy](https://example.org/p). ",
    "unclosed [": "[",
    "backticks": "`",
    "backtick a": "`a",
    "escaped backticks": "\\`",
    "underscores": "_a",
    "stars": "*a",
    "image marks": "![",
    "link openers": "[a](",
    "angle brackets": "<",
    "ampersands": "&",
    "quote marks": "> ",
}


def guide(steps: int, text: str) -> str:
    body = json.dumps((text * (SIZE // len(text) + 1))[:SIZE])
    while len(body) > SIZE + 2:  # escapes (\\) count twice in the file
        body = json.dumps(json.loads(body)[:-len(text)])
    lines = ["id: hostile", "kind: guide", "title: Hostile", "summary: A stress test.",
             'owner: "@community"', "audience: [community-manager]", "level: foundation",
             "skills: [community]", "networks: [instagram]", "tags: [stress]",
             "time_minutes: 5", "last_reviewed: 2026-10-01", "steps:"]
    for n in range(steps):
        lines += [f"  - title: Step {n}", f"    details: {body}"]
    lines += ["checklist: [Done]", "pitfalls:", "  - mistake: None", "    instead: Nothing",
              "templates:", "  - title: T", "    text: Thanks"]
    return "\n".join(lines) + "\n"


def build_seconds(project: Path, site: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true",
               HANDBOOK_TODAY="2026-11-26")
    start = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-f",
                             str(project / "mkdocs.yml"), "-d", str(site)],
                            cwd=project, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        raise SystemExit(result.stderr[-2000:])
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=240)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "mini"
        shutil.copytree(MINI, project)
        target = project / "playbooks" / "guides" / "hostile.yml"
        base = None
        for name, text in PATTERNS.items():
            target.write_text(guide(args.steps, text), encoding="utf-8")
            seconds = build_seconds(project, Path(tmp) / "site")
            base = base or seconds
            print(f"{name:18} {target.stat().st_size / 1e6:5.2f} MB  {seconds:6.2f} s  "
                  f"{seconds / base:4.1f}x")


if __name__ == "__main__":
    main()
