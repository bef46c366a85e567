"""The GitHub automation in .github/ and the pre-commit hook: they parse, they call
commands that exist with options the CLI accepts, and their steps work when run."""

from __future__ import annotations

import importlib.util
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO, checkout_copy, handbook, repo_book, run
from gitrepo import commit, git, init

from playbook_handbook.cli.main import _parser
from playbook_handbook.review.freshness import review_due

WORKFLOWS = REPO / ".github" / "workflows"
BIN = Path(sys.executable).parent
PINNED = {"actions/checkout@v4", "actions/setup-python@v5", "actions/upload-artifact@v4",
          "actions/upload-pages-artifact@v3", "actions/deploy-pages@v4",
          "actions/github-script@v7"}
ANNOTATION = re.compile(
    r"^::(error|warning) file=([^,]+),line=(\d+),col=(\d+)::(.+) \(([a-z-]+)\)$")


def workflow(name: str) -> dict:
    data = yaml.safe_load((WORKFLOWS / name).read_text())
    data["on"] = data.pop(True, data.get("on"))  # YAML 1.1 reads a bare `on` as true
    return data


def steps(data: dict) -> list[dict]:
    return [step for job in data["jobs"].values() for step in job.get("steps", [])]


def commands(script: str) -> list[list[str]]:
    """Each simple command of a run: script, as words (redirections dropped)."""
    found = []
    for line in script.splitlines():
        for part in re.split(r"&&|\|\||;|\|", line):
            words = shlex.split(part, comments=True)
            for redirect in (">>", ">"):
                while redirect in words:
                    del words[words.index(redirect):words.index(redirect) + 2]
            if words:
                found.append(words)
    return found


def all_workflows() -> list[str]:
    return sorted(p.name for p in WORKFLOWS.glob("*.yml"))


def test_workflows_are_valid_github_workflows() -> None:
    assert all_workflows() == ["deploy.yml", "pull-request.yml", "review-reminder.yml"]
    result = run(sys.executable, "-m", "check_jsonschema", "--builtin-schema",
                 "vendor.github-workflows", *map(str, sorted(WORKFLOWS.glob("*.yml"))))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize("name", all_workflows())
def test_each_run_line_calls_a_command_that_exists(name: str) -> None:
    parser = _parser()
    data = workflow(name)
    for step in steps(data):
        if "uses" in step:
            assert step["uses"] in PINNED, step["uses"]
            continue
        for words in commands(step["run"]):
            tool, args = words[0], words[1:]
            if tool == "handbook":
                parser.parse_args(args)  # exits (fails the test) on an unknown option
            elif tool in ("mkdocs", "pip"):
                assert (BIN / tool).exists() or shutil.which(tool), tool
            elif tool == "python" and args[:1] == ["-m"]:
                assert importlib.util.find_spec(args[1]) is not None, words
            elif tool in ("mkdir", "zip", "cp"):
                pass  # on every GitHub-hosted Ubuntu runner
            else:
                # shell glue only: assignments, if/then/fi, exit, true, cat
                assert re.match(r"^\w+=", tool) or tool in ("if", "then", "fi", "exit",
                                                             "true", "cat"), words
    # files the workflow names exist
    for step in steps(data):
        cache = step.get("with", {}).get("cache-dependency-path")
        if cache:
            assert (REPO / cache).is_file()


def test_pull_request_workflow_checks_builds_and_keeps_a_preview() -> None:
    data = workflow("pull-request.yml")
    assert "pull_request" in data["on"]
    runs = [step.get("run", "") for step in steps(data)]
    assert "handbook check --format github" in runs
    assert "mkdocs build --strict" in runs
    upload = next(s for s in steps(data) if s.get("uses") == "actions/upload-artifact@v4")
    assert upload["with"]["path"] == "site/"
    assert data["env"]["NO_MKDOCS_2_WARNING"] == "1"
    assert any("pip install -e ." == r for r in runs)


def test_deploy_workflow_publishes_main_to_pages() -> None:
    data = workflow("deploy.yml")
    assert data["on"]["push"]["branches"] == ["main"]
    assert data["permissions"]["pages"] == "write" and data["permissions"]["id-token"] == "write"
    uses = [s.get("uses") for s in steps(data)]
    assert "actions/upload-pages-artifact@v3" in uses and "actions/deploy-pages@v4" in uses
    assert data["jobs"]["deploy"]["needs"] == "build"


def test_weekly_workflow_writes_the_review_list_to_the_job_summary(tmp_path: Path) -> None:
    data = workflow("review-reminder.yml")
    assert data["on"]["schedule"][0]["cron"] == "0 7 * * 1"
    script = next(s["run"] for s in steps(data) if "handbook stale" in s.get("run", ""))
    summary = tmp_path / "summary.md"
    env = {"PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
           "GITHUB_STEP_SUMMARY": str(summary), "HANDBOOK_TODAY": "2027-06-01"}
    result = subprocess.run(["bash", "-e", "-c", script], cwd=REPO, capture_output=True,
                            text=True, env={**os.environ, **env}, timeout=300)
    assert result.returncode == 0, result.stderr  # overdue playbooks do not fail the job
    first_hour = repo_book().playbooks["crisis-first-hour"]
    assert (f"playbooks/crisis-handling/crisis-first-hour.yml: {first_hour.playbook.owner}, "
            f"due {review_due(first_hour).isoformat()}") in result.stdout.splitlines()
    text = summary.read_text()
    assert text.startswith("## Playbooks to review")
    assert "| The first hour of a social media crisis, minute by minute<br>" in text

    broken = subprocess.run(["bash", "-e", "-c", script], cwd=tmp_path, capture_output=True,
                            text=True, env={**os.environ, **env}, timeout=300)
    assert broken.returncode == 2  # no handbook here: a real failure fails the job


def test_pull_request_steps_run_in_a_copy_of_the_repository(tmp_path: Path) -> None:
    project = checkout_copy(tmp_path / "repo", leave_out=("benchmarks",))
    init(project)  # the checkout: a merge commit on top of the base branch
    commit(project, "Base", "2026-11-01T10:00:00+00:00")
    git(project, "commit", "-q", "--allow-empty", "-m", "Merge pull request")
    summary = tmp_path / "summary.md"
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
           "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true",
           "RUNNER_TEMP": str(tmp_path), "GITHUB_STEP_SUMMARY": str(summary)}
    data = workflow("pull-request.yml")
    for step in steps(data):
        if "run" not in step or step["run"].startswith("pip install"):
            continue
        result = subprocess.run(["bash", "-e", "-c", step["run"]], cwd=project, env=env,
                                capture_output=True, text=True, timeout=600)
        assert result.returncode == 0, (step["run"], result.stdout, result.stderr)
    assert (project / "site" / "index.html").is_file()
    assert (project / "site" / "contributing" / "index.html").is_file()
    assert "**No reader-visible changes.**" in summary.read_text()


def test_pull_request_workflow_keeps_one_diff_comment_where_the_token_allows() -> None:
    data = workflow("pull-request.yml")
    assert data["permissions"] == {"contents": "read", "pull-requests": "write"}
    checkout = next(s for s in steps(data) if s.get("uses") == "actions/checkout@v4")
    assert checkout["with"]["fetch-depth"] == 0
    assert checkout["with"]["persist-credentials"] is False  # no token in .git/config
    diff = next(s for s in steps(data) if "handbook diff" in s.get("run", ""))
    assert '--format markdown > "$RUNNER_TEMP/handbook-diff.md"' in diff["run"]
    assert 'cat "$RUNNER_TEMP/handbook-diff.md" >> "$GITHUB_STEP_SUMMARY"' in diff["run"]
    comment = next(s for s in steps(data) if s.get("uses") == "actions/github-script@v7")
    # skipped on forks, whose token is read-only, and when the diff failed
    assert "head.repo.full_name == github.repository" in comment["if"]
    assert "steps.diff.outcome == 'success'" in comment["if"]
    script = comment["with"]["script"]
    assert "const marker = '<!-- handbook-diff -->';" in script
    assert "updateComment" in script and "createComment" in script
    assert "core.warning" in script  # a refused write warns, it does not fail the job


def test_github_annotations_point_at_the_broken_line(mini: Path) -> None:
    assert handbook("new", "guide", "extra", "--root", str(mini)).returncode == 0
    extra = mini / "playbooks/guides/extra.yml"
    lines = extra.read_text().splitlines()
    level = lines.index("level: foundation")
    lines[level] = "level: beginner"
    extra.write_text("\n".join(lines) + "\n")
    guide = mini / "playbooks/guides/reply-to-comments.yml"
    lines = guide.read_text().splitlines()
    related = lines.index("related: [severity-triage]")
    lines[related] = "related: [severity-triag]"
    guide.write_text("\n".join(lines) + "\n")

    result = handbook("check", "--format", "github", "--root", str(mini), "--today",
                      "2027-12-01")
    assert result.returncode == 1
    found = [ANNOTATION.match(line) for line in result.stdout.splitlines()]
    assert found and all(found), result.stdout
    seen: dict[str, list[tuple[str, str, int, str]]] = {}
    for match in found:
        kind, file, line, col, _message, rule = match.groups()
        text = (mini / file).read_text().splitlines()[int(line) - 1]
        seen.setdefault(rule, []).append((kind, file, int(line), text[int(col) - 1:]))
    assert seen["enum"] == [("error", "playbooks/guides/extra.yml", level + 1, "beginner")]
    assert seen["unknown-id"] == [("error", "playbooks/guides/reply-to-comments.yml",
                                   related + 1, "severity-triag]")]
    overdue = {(kind, file, rest) for kind, file, _line, rest in seen["review-overdue"]}
    assert overdue == {("warning", "playbooks/crisis-handling/severity-triage.yml", "2026-10-01"),
                       ("warning", "playbooks/guides/reply-to-comments.yml", "2026-10-01")}


def test_pre_commit_hook_checks_changed_playbooks(tmp_path: Path) -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text())
    hook = config["repos"][0]["hooks"][0]
    assert config["repos"][0]["repo"] == "local"
    pattern = re.compile(hook["files"])
    assert pattern.search("playbooks/guides/x.yml") and pattern.search("paths/p.yaml")
    assert not pattern.search("docs/index.md") and not pattern.search("mkdocs.yml")
    assert run(str(BIN / "pre-commit"), "validate-config",
               str(REPO / ".pre-commit-config.yaml")).returncode == 0

    project = tmp_path / "repo"
    for folder in ("playbooks", "paths", "definitions"):
        shutil.copytree(REPO / folder, project / folder)
    shutil.copy(REPO / ".pre-commit-config.yaml", project)
    env = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ['PATH']}",
           "PRE_COMMIT_HOME": str(tmp_path / "cache"), "HANDBOOK_TODAY": "2026-11-26"}

    def git(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org",
                               *args], cwd=project, env=env, capture_output=True, text=True,
                              timeout=300)

    assert git("init", "-q").returncode == 0
    git("add", ".")
    target = "playbooks/guides/community-management.yml"
    ok = subprocess.run([str(BIN / "pre-commit"), "run", "--files", target], cwd=project,
                        env=env, capture_output=True, text=True, timeout=300)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "handbook check" in ok.stdout and "Passed" in ok.stdout

    path = project / target
    path.write_text(path.read_text().replace("level: foundation", "level: foundaton"))
    bad = subprocess.run([str(BIN / "pre-commit"), "run", "--files", target], cwd=project,
                         env=env, capture_output=True, text=True, timeout=300)
    assert bad.returncode == 1
    assert (f"{target}:8:8: error: level: 'foundaton' is not one of: foundation, "
            "practitioner, expert; did you mean 'foundation'? (enum)") in bad.stdout


def test_pull_request_template_is_a_short_checklist_that_points_at_real_help() -> None:
    text = (REPO / ".github/pull_request_template.md").read_text()
    boxes = [line for line in text.splitlines() if line.startswith("- [ ] ")]
    assert 3 <= len(boxes) <= 8
    headings = re.findall(r"^## (.+)$", (REPO / "CONTRIBUTING.md").read_text(), re.M)
    for quoted in re.findall(r'"([^"]+)"', text):
        assert quoted in headings, quoted
