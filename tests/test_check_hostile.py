"""`handbook check` against a careless or hostile contributor (issue 16).

Each case changes a copy of the mini handbook and runs the command in-process:
it must answer with `path:line:column` lines (or a usage error), one line per
problem, and never a traceback.
"""

from __future__ import annotations

import os
import shutil
import unicodedata
from pathlib import Path

import pytest
from conftest import FIXTURES, handbook
from hypothesis import given, settings
from hypothesis import strategies as st

from playbook_handbook.cli.main import main
from playbook_handbook.problems import Problem

GUIDE = "playbooks/guides/reply-to-comments.yml"
PATH = """\
id: first-week
title: First week
summary: Where to start.
owner: "@community"
audience: [community-manager]
last_reviewed: 2026-10-01
steps:
  - playbook: {target}
    outcome: You can reply to comments.
"""


def check(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, list[str], str]:
    """Run ``handbook check`` in-process: exit code, stdout lines, stderr."""
    try:
        code = main(["check", *args])
    except SystemExit as exc:  # argparse usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out.splitlines(), err


def edit(mini: Path, rel: str, old: str, new: str) -> None:
    file = mini / rel
    text = file.read_text(encoding="utf-8")
    assert old in text, old
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture(autouse=True)
def fixed_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-11-26")


@pytest.mark.parametrize("fixture", ["forged-output", "terminal-escape"])
def test_output_lines_cannot_be_forged(mini: Path, capsys: pytest.CaptureFixture[str],
                                       fixture: str) -> None:
    shutil.copy(FIXTURES / "invalid" / f"{fixture}.yml", mini / "playbooks" / "guides")
    code, lines, _err = check(capsys, "--root", str(mini))
    assert code == 1
    assert len(lines) == 1 and lines[0].startswith(f"playbooks/guides/{fixture}.yml:")
    assert not any(c in lines[0] for c in "\x1b\x07\r")
    code, lines, _err = check(capsys, "--format", "github", "--root", str(mini))
    assert len(lines) == 1 and "\x1b" not in lines[0]


@pytest.mark.parametrize(("args", "env", "message"), [
    (["--today", "9999-12-31"], None, "9999-12-31 is outside 2000-01-01 to 2100-12-31"),
    (["--today", "2026-02-30"], None, "'2026-02-30' is not a date like 2026-03-31"),
    ([], "31.12.2026", "HANDBOOK_TODAY: '31.12.2026' is not a date like 2026-03-31"),
    ([], "9999-12-31", "HANDBOOK_TODAY: 9999-12-31 is outside 2000-01-01 to 2100-12-31"),
])
def test_bad_dates_are_usage_errors(mini: Path, capsys: pytest.CaptureFixture[str],
                                    monkeypatch: pytest.MonkeyPatch, args: list[str],
                                    env: str | None, message: str) -> None:
    if env is not None:
        monkeypatch.setenv("HANDBOOK_TODAY", env)
    code, lines, err = check(capsys, "--root", str(mini), *args)
    assert code == 2 and lines == []
    assert message in err


def test_review_date_in_the_future_is_an_error(mini: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    edit(mini, GUIDE, "last_reviewed: 2026-10-01", "last_reviewed: 2099-01-15")
    code, lines, _err = check(capsys, "--root", str(mini), "--today", "2099-01-14")
    assert code == 1
    assert f"{GUIDE}:12:16: error: last_reviewed 2099-01-15 is in the future (today " \
           "is 2099-01-14); write the date the review was done (review-date)" in lines
    code, lines, _err = check(capsys, "--root", str(mini), "--today", "2099-01-15")
    assert code == 0 and not [line for line in lines if "(review-date)" in line]


def test_alias_equal_to_a_path_id_is_refused(mini: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    (mini / "paths").mkdir()
    (mini / "paths" / "answering-comments.yml").write_text(
        PATH.replace("first-week", "answering-comments").format(target="reply-to-comments"))
    code, lines, _err = check(capsys, "--root", str(mini))
    assert code == 1
    assert lines == [f"{GUIDE}:14:11: error: alias 'answering-comments' is the id of the "
                     "onboarding path paths/answering-comments.yml; both would answer "
                     "/go/answering-comments/ (alias-collision)"]


def test_path_id_equal_to_a_playbook_id_is_refused(mini: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    (mini / "paths").mkdir()
    (mini / "paths" / "severity-triage.yml").write_text(
        PATH.replace("first-week", "severity-triage").format(target="reply-to-comments"))
    code, lines, _err = check(capsys, "--root", str(mini))
    assert code == 1
    assert lines == ["paths/severity-triage.yml:1:5: error: id 'severity-triage' is also the "
                     "id of the playbook playbooks/crisis-handling/severity-triage.yml; both "
                     "would answer /go/severity-triage/ (duplicate-id)"]


def _deprecate(mini: Path, replaced_by: str) -> None:
    edit(mini, GUIDE, "last_reviewed: 2026-10-01",
         f"last_reviewed: 2026-10-01\nstatus: deprecated\nreplaced_by: {replaced_by}")


def test_path_step_to_a_deprecated_playbook_is_refused(
        mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _deprecate(mini, "severity-triage")
    (mini / "paths").mkdir()
    (mini / "paths" / "first-week.yml").write_text(PATH.format(target="reply-to-comments"))
    code, lines, _err = check(capsys, "--root", str(mini))
    assert code == 1
    assert lines == ["paths/first-week.yml:8:15: error: 'reply-to-comments' is deprecated; "
                     "send readers to 'severity-triage' instead (deprecated-step)"]


def test_replaced_by_circle_is_refused(mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _deprecate(mini, "severity-triage")
    edit(mini, "playbooks/crisis-handling/severity-triage.yml", "last_reviewed:",
         "status: deprecated\nreplaced_by: reply-to-comments\nlast_reviewed:")
    code, lines, _err = check(capsys, "--root", str(mini))
    assert code == 1
    assert [line.split(": error: ")[1] for line in lines] == [
        "replaced_by goes round in a circle (severity-triage -> reply-to-comments -> "
        "severity-triage); point it at the playbook readers should use now "
        "(replacement-cycle)",
        "replaced_by goes round in a circle (reply-to-comments -> severity-triage -> "
        "reply-to-comments); point it at the playbook readers should use now "
        "(replacement-cycle)",
    ]


def test_upper_case_extension_is_reported_not_skipped(
        mini: Path, capsys: pytest.CaptureFixture[str]) -> None:
    guide = mini / GUIDE
    guide.rename(guide.with_suffix(".YML"))
    code, lines, _err = check(capsys, "--root", str(mini))
    assert code == 1
    assert lines == ["playbooks/guides/reply-to-comments.YML:1:1: error: the file name ends in "
                     ".YML; rename it to reply-to-comments.yml (file-name)"]


def test_relative_path_is_read_under_the_root(mini: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str],
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    elsewhere = shutil.copytree(mini, tmp_path / "other-checkout")
    monkeypatch.chdir(elsewhere)  # the same relative path exists here too
    assert os.path.exists(GUIDE)
    code, lines, err = check(capsys, "--root", str(mini), GUIDE)
    assert (code, lines) == (0, [])
    assert "0 errors, 0 warnings in 1 file" in err


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(), st.text())
def test_a_problem_is_always_one_terminal_line(path: str, message: str) -> None:
    line = Problem(path, 1, 1, message, "rule").format_text()
    assert len(line.splitlines()) == 1
    assert not [c for c in line if unicodedata.category(c) in ("Cc", "Zl", "Zp")
                or c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"]


def test_a_step_anchor_cannot_take_a_section_id(mini: Path) -> None:
    guide = mini / "playbooks" / "guides" / "reply-to-comments.yml"
    guide.write_text(guide.read_text().replace("anchor: answer-same-day", "anchor: sources"))
    result = handbook("check", "--root", str(mini))
    assert result.returncode == 1
    assert ("the anchor 'sources' is the id of a section of the page; a link to #sources "
            "would open that section, not this step: choose another anchor (duplicate-anchor)"
            ) in result.stdout


@pytest.fixture(scope="module")
def hostile_pages_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini handbook with front-matter titles that try to run a script, built once."""
    from conftest import MINI, build_ok, copy_tree

    project = copy_tree(MINI, tmp_path_factory.mktemp("pages") / "mini")
    first = project / "docs" / "first-hour.tr.md"
    first.write_text(first.read_text(encoding="utf-8").replace(
        "made_from:", 'title: "<script>tr()</script> İlk saat"\n'
        "template: ../../../../etc/passwd\nmade_from:", 1)
        + "\n![a](https://evil.example/a.png) <img src=\"//evil.example/b.png\">\n",
        encoding="utf-8")
    tags = project / "docs" / "tags.md"
    tags.write_text('---\ntitle: "<img src=x onerror=en()> Tags"\n---\n'
                    + tags.read_text(encoding="utf-8"), encoding="utf-8")
    return build_ok(project, tmp_path_factory.mktemp("pages") / "site")


@pytest.mark.parametrize(("page", "raw"), [
    ("tr/first-hour/index.html", "<script>tr()</script>"),
    ("tr/index.html", "<script>tr()</script>"),  # the navigation lists the page
    ("tags/index.html", "<img src=x onerror=en()>"),
    ("index.html", "<img src=x onerror=en()>"),
])
def test_a_front_matter_title_is_text_not_html(hostile_pages_site: Path, page: str,
                                               raw: str) -> None:
    html = (hostile_pages_site / page).read_text(encoding="utf-8")
    assert raw not in html
    assert raw.replace("<", "&lt;").replace(">", "&gt;") in html


def test_a_page_loads_no_image_from_another_host(hostile_pages_site: Path) -> None:
    html = (hostile_pages_site / "tr" / "first-hour" / "index.html").read_text(encoding="utf-8")
    assert 'alt="a"' in html  # the image is still there, as its text
    assert "evil.example" not in html


def test_a_page_translation_keeps_its_english_page_layout(hostile_pages_site: Path) -> None:
    """``template:`` in a translation's front matter (here a path out of the theme) is
    ignored: the page is built in its English page's layout."""
    html = (hostile_pages_site / "tr" / "first-hour" / "index.html").read_text(encoding="utf-8")
    assert "md-content" in html
