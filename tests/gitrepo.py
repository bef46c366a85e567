"""Real git repositories in temp dirs, with commits at dates the test chooses."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path


def git(repo: Path, *args: str, date: str | None = None) -> str:
    """Run git in ``repo``; ``date`` (ISO) sets both author and committer date."""
    env = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")
    if date is not None:
        env.update(GIT_AUTHOR_DATE=date, GIT_COMMITTER_DATE=date)
    result = subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout


def init(repo: Path) -> Path:
    repo.mkdir(parents=True, exist_ok=True)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "config", "user.name", "Test Author")
    git(repo, "config", "user.email", "author@example.org")
    git(repo, "config", "commit.gpgsign", "false")
    return repo


def commit(repo: Path, subject: str, date: str, *paths: str) -> None:
    """Stage ``paths`` (everything if none) and commit them at ``date``."""
    git(repo, "add", "-A", *paths)
    git(repo, "commit", "-q", "-m", subject, date=date)
