"""Shared helpers: run the real command-line tools on real files in temp dirs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINI = FIXTURES / "mini"
TODAY = "2026-11-26"


def run_env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(NO_MKDOCS_2_WARNING="1", DISABLE_MKDOCS_2_WARNING="true",
               HANDBOOK_TODAY=TODAY, PYTHONDONTWRITEBYTECODE="1")
    env.update(extra)
    return env


def run(*args: str, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd or REPO, env=run_env(**env), capture_output=True,
                          text=True, timeout=600)


def handbook(*args: str, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess:
    return run(sys.executable, "-m", "playbook_handbook.cli.main", *args, cwd=cwd, **env)


def mkdocs_build(project: Path, site: Path, *extra: str,
                 tool: str = "mkdocs") -> subprocess.CompletedProcess:
    return run(sys.executable, "-m", tool, "build", "--strict", "-f",
               str(project / "mkdocs.yml"), "-d", str(site), *extra, cwd=project)


def copy_tree(src: Path, dest: Path) -> Path:
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("site", "__pycache__"))
    return dest


def build_ok(project: Path, site: Path, tool: str = "mkdocs") -> Path:
    """Build ``project`` into ``site`` with --strict; fail the test with the log if it fails."""
    result = mkdocs_build(project, site, tool=tool)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A private copy of the mini handbook to change freely."""
    return copy_tree(MINI, tmp_path / "mini")


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini handbook built once with mkdocs build --strict."""
    return build_ok(MINI, tmp_path_factory.mktemp("mini-site"))


def no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stdout + result.stderr
