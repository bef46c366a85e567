"""Shared helpers: run the real command-line tools on real files in temp dirs.

``handbook(...)`` calls the CLI's ``main(argv)`` in this process (about 5 ms a
call against 0.9 s for a new interpreter); only tests about the process
boundary itself (the installed script, ``--help`` start-up) use ``run``.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from build_cache import install as install_build_cache

from playbook_handbook.index.handbook import Handbook, load_handbook

install_build_cache()  # tests/build_cache.py: what every build redoes with the same result

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


@functools.cache
def repo_book() -> Handbook:
    """This repository's handbook, loaded once per test process; tests only read it."""
    return load_handbook(REPO)


def run(*args: str, cwd: Path | None = None, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run(args, cwd=cwd or REPO, env=run_env(**env), capture_output=True,
                          text=True, timeout=600)


@dataclass
class Ran:
    """What a command did: its exit code and everything it printed."""

    returncode: int
    stdout: str
    stderr: str


@contextlib.contextmanager
def _environment(env: dict[str, str], cwd: Path) -> Iterator[None]:
    saved_env, saved_cwd = dict(os.environ), Path.cwd()
    os.environ.clear()
    os.environ.update(env)
    os.chdir(cwd)
    try:
        yield
    finally:
        os.chdir(saved_cwd)
        os.environ.clear()
        os.environ.update(saved_env)


def handbook(*args: str, cwd: Path | None = None, **env: str) -> Ran:
    """Run ``handbook ARGS`` in-process, in ``cwd`` (default: the repository), with ``env``."""
    from playbook_handbook.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with _environment(run_env(**env), cwd or REPO), contextlib.redirect_stdout(out), \
            contextlib.redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exit_:  # argparse: --help (0) and usage errors (2)
            code = exit_.code if isinstance(exit_.code, int) else int(exit_.code is not None)
    return Ran(code, out.getvalue(), err.getvalue())


def mkdocs_build(project: Path, site: Path, *extra: str, tool: str = "mkdocs",
                 **env: str) -> subprocess.CompletedProcess | Ran:
    """``mkdocs build --strict`` of ``project`` into ``site``.

    MkDocs runs in this process through its own command line (click), which
    saves a second of imports per build; ProperDocs, a different program, runs
    as one.
    """
    args = ("build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site), *extra)
    if tool != "mkdocs":
        return run(sys.executable, "-m", tool, *args, cwd=project, **env)
    import click
    from mkdocs.__main__ import cli

    out, err = io.StringIO(), io.StringIO()
    with _environment(run_env(**env), project), contextlib.redirect_stdout(out), \
            contextlib.redirect_stderr(err):
        try:
            cli.main(list(args), prog_name="mkdocs", standalone_mode=False)
            code = 0
        except click.ClickException as exc:  # mkdocs' Abort: a failed build
            exc.show()
            code = exc.exit_code
        except SystemExit as exit_:
            code = exit_.code if isinstance(exit_.code, int) else 1
    return Ran(code, out.getvalue(), err.getvalue())


def copy_tree(src: Path, dest: Path) -> Path:
    shutil.copytree(src, dest, ignore=shutil.ignore_patterns("site", "__pycache__"))
    return dest


def checkout_copy(dest: Path, *, leave_out: tuple[str, ...] = ()) -> Path:
    """A copy of the working tree as ``git ls-files`` lists it: the files git tracks or
    would add, with their uncommitted edits, and nothing git ignores (no .venv/,
    node_modules/, site/); a symbolic link stays one, as in a checkout. The top-level
    folders in ``leave_out`` are left out."""
    listed = subprocess.run(["git", "ls-files", "-z", "--cached", "--others",
                             "--exclude-standard"], cwd=REPO, capture_output=True)
    assert listed.returncode == 0, f"git ls-files failed: {listed.stderr.decode()}"
    for name in map(os.fsdecode, listed.stdout.split(b"\0")):
        source, target = REPO / name, dest / name
        if not name or name.split("/", 1)[0] in leave_out or not os.path.lexists(source):
            continue  # a file deleted in the working tree is not in a checkout either
        target.parent.mkdir(parents=True, exist_ok=True)
        if source.is_symlink():
            target.symlink_to(os.readlink(source))
        else:
            shutil.copy2(source, target)
    return dest


def build_ok(project: Path, site: Path, tool: str = "mkdocs", **env: str) -> Path:
    """Build ``project`` into ``site`` with --strict; fail the test with the log if it fails."""
    result = mkdocs_build(project, site, tool=tool, **env)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture
def mini(tmp_path: Path) -> Path:
    """A private copy of the mini handbook to change freely. Its page translation that
    the site tests keep stale (to show the notice) is made current here, so a test sees
    only the problems it makes."""
    from playbook_handbook.translate.pages import with_made_from

    copy = copy_tree(MINI, tmp_path / "mini")
    page = copy / "docs" / "index.tr.md"
    page.write_text(with_made_from(page.read_text(encoding="utf-8"),
                                   (copy / "docs" / "index.md").read_text(encoding="utf-8")),
                    encoding="utf-8")
    return copy


def shared_build(tmp_path_factory: pytest.TempPathFactory, name: str, project: Path,
                 **env: str) -> Path:
    """``project`` built once for the whole test run, however many workers share it.

    Under pytest-xdist every worker asks; the first builds into the run's common
    temporary folder while the others wait on a lock, then all read the same site.
    Tests only read it: a test that changes a site builds its own.
    """
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER") is None:
        return build_ok(project, base / name, **env)
    from filelock import FileLock

    site = base.parent / name
    with FileLock(str(base.parent / f"{name}.lock")):
        if not (site / ".built").is_file():
            shutil.rmtree(site, ignore_errors=True)
            build_ok(project, site, **env)
            (site / ".built").touch()
    return site


@pytest.fixture(scope="session")
def mini_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini handbook built once with mkdocs build --strict."""
    return shared_build(tmp_path_factory, "mini-site", MINI)


@pytest.fixture(scope="session")
def repo_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This repository's handbook, built once for the whole run."""
    return shared_build(tmp_path_factory, "repo-site", REPO)


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """This repository's offline copy (HANDBOOK_OFFLINE=true), built once for the run."""
    return shared_build(tmp_path_factory, "offline-site", REPO, HANDBOOK_OFFLINE="true")


def no_traceback(result: subprocess.CompletedProcess | Ran) -> None:
    assert "Traceback" not in result.stdout + result.stderr


def property_examples(everyday: int) -> int:
    """How many examples a property test tries: ``everyday`` times HANDBOOK_PROPERTY_SCALE."""
    return max(1, round(everyday * float(os.environ.get("HANDBOOK_PROPERTY_SCALE", "1"))))


@pytest.fixture(scope="session")
def mini_tr_default_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini handbook with Turkish at the site root and English under /en/, built once."""
    project = copy_tree(MINI, tmp_path_factory.mktemp("mini-tr-default") / "mini")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text().replace("default_language: en", "default_language: tr"))
    return shared_build(tmp_path_factory, "mini-tr-default-site", project)
