"""``handbook diff``: what readers will see differently, on real git histories.

Each test commits the mini handbook in a temp repository, edits the working tree
as a contributor would, and reads what the command prints.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import markdown
import pytest
from conftest import MINI
from gitrepo import commit, git, init

from playbook_handbook.cli.main import main

GUIDE = "playbooks/guides/reply-to-comments.yml"
CRISIS = "playbooks/crisis-handling/severity-triage.yml"
SCALE = "definitions/severity-scale.yml"
STATEMENTS = "definitions/holding-statements.yml"
ROLES = "definitions/crisis-roles.yml"
CARD = "Crisis card: Severity triage (cards/severity-triage/)"
PATH = """\
id: first-week
title: First week
summary: The first week of a community manager.
owner: "@community"
audience: [community-manager]
last_reviewed: 2026-11-01
steps:
  - playbook: reply-to-comments
    outcome: You can answer comments in the brand voice.
  - playbook: severity-triage
    outcome: You can tell how serious an incident is.
"""


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The mini handbook (with its shared definitions and hand-written pages) and one
    path, committed on main as the base."""
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-11-26")
    root = init(tmp_path / "repo")
    for folder in ("playbooks", "definitions", "docs"):
        shutil.copytree(MINI / folder, root / folder)
    (root / "paths").mkdir()
    (root / "paths/first-week.yml").write_text(PATH)
    commit(root, "Base handbook", "2026-11-01T10:00:00+00:00")
    return root


def edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def diff(root: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["diff", "--root", str(root), *args])
    out, err = capsys.readouterr()
    return code, out, err


def lines(out: str) -> list[str]:
    return [line.strip() for line in out.splitlines()]


def test_only_comments_and_formatting_changed(repo: Path, capsys) -> None:
    edit(repo, GUIDE, "tags: [comments, tone-of-voice]",
         "# Tags decide the Tags page.\ntags:\n  - comments\n  - tone-of-voice  # house style")
    edit(repo, GUIDE, "    details: Check earlier replies so you do not repeat a colleague.",
         "    details: >-\n      Check earlier replies\n      so you do not repeat a colleague.")
    edit(repo, CRISIS, 'owner: "@social-leads"', "owner: '@social-leads'")
    code, out, err = diff(repo, capsys, "--base", "HEAD")
    assert code == 0, err
    assert "No reader-visible changes." in lines(out)
    assert "Changed" not in out
    code, out, _ = diff(repo, capsys, "--base", "HEAD", "--format", "markdown")
    assert "**No reader-visible changes.**" in out
    data = json.loads(diff(repo, capsys, "--base", "HEAD", "--format", "json")[1])
    assert data["reader_visible"] is False and data["pages"] == []


def test_added_playbook_and_path(repo: Path, capsys) -> None:
    text = (repo / GUIDE).read_text().replace("id: reply-to-comments", "id: reply-to-dms") \
        .replace("title: Reply to comments", "title: Reply to DMs") \
        .replace("aliases: [answering-comments]\n", "")
    (repo / "playbooks/guides/reply-to-dms.yml").write_text(text)
    (repo / "paths/second-week.yml").write_text(
        PATH.replace("first-week", "second-week").replace("First week", "Second week"))
    code, out, _ = diff(repo, capsys, "--base", "HEAD")
    assert code == 0
    assert "Added playbook: Reply to DMs (playbooks/guides/reply-to-dms.yml)" in lines(out)
    assert "Added path: Second week (paths/second-week.yml)" in lines(out)
    assert "Pages: 2 added." in lines(out)
    assert "Shared facts" not in out  # a new page's tags are part of the new page
    # the whole new page, so that it can be reviewed from the report alone
    found = lines(out)
    start = found.index("Added playbook: Reply to DMs (playbooks/guides/reply-to-dms.yml)")
    assert found[start + 1:start + 4] == ["Id: reply-to-dms", "Kind: guide", "Title: Reply to DMs"]
    for line in ("Owner: @community", "Tags: comments, tone-of-voice",
                 "Step 1 - details: Check earlier replies so you do not repeat a colleague.",
                 "Checklist item 2: No personal data in public",
                 "Template 'Thank-you reply' - text: Thanks for telling us, {name}! We have "
                 "passed this on to the team.",
                 "Step 2 - outcome: You can tell how serious an incident is."):
        assert line in found, line
    md = diff(repo, capsys, "--base", "HEAD", "--format", "markdown")[1]
    folded = md[md.index("<details>"):md.index("</details>")].splitlines()
    entries = [line for line in folded if line.startswith("- **")]
    assert folded[0] == f"<details><summary>Everything on the new page ({len(entries)} " \
                        "entries)</summary>"
    assert entries[:2] == ["- **Id**: reply\\-to\\-dms", "- **Kind**: guide"]
    assert "- **Checklist item 2**: No personal data in public" in md


def test_removed_playbook_lists_pages_that_linked_it(repo: Path, capsys) -> None:
    (repo / CRISIS).unlink()
    code, out, _ = diff(repo, capsys, "--base", "HEAD")
    assert code == 0
    found = lines(out)
    assert f"Removed playbook: Severity triage ({CRISIS})" in found
    shown = found.index("Also shown on 2 other pages:")
    assert found[shown + 1:shown + 3] == ["First week (paths/first-week.yml)",
                                          f"Reply to comments ({GUIDE})"]
    # the links left behind are new errors of handbook check
    assert any(line.startswith(f"{GUIDE}:") and "unknown playbook id 'severity-triage'" in line
               for line in found)


def test_renamed_through_aliases_is_one_rename(repo: Path, capsys) -> None:
    new = "playbooks/guides/answer-comments.yml"
    git(repo, "mv", GUIDE, new)
    edit(repo, new, "id: reply-to-comments", "id: answer-comments")
    edit(repo, new, "aliases: [answering-comments]",
         "aliases: [answering-comments, reply-to-comments]")
    edit(repo, "paths/first-week.yml", "playbook: reply-to-comments", "playbook: answer-comments")
    code, out, _ = diff(repo, capsys, "--base", "HEAD")
    assert code == 0
    found = lines(out)
    assert (f"Renamed playbook: Reply to comments ({new}); id reply-to-comments -> "
            "answer-comments, old /go/reply-to-comments/ links keep working") in found
    assert "Added playbook" not in out and "Removed playbook" not in out
    assert "Former ids" not in out  # the alias is the rename itself
    assert "Step 1 - playbook: reply-to-comments -> answer-comments" in found
    assert "Tag '" not in out  # its tags moved with it


def test_deprecated_and_reactivated(repo: Path, capsys) -> None:
    edit(repo, GUIDE, "time_minutes: 15",
         "time_minutes: 15\nstatus: deprecated\nreplaced_by: severity-triage")
    code, out, _ = diff(repo, capsys, "--base", "HEAD")
    assert code == 0
    assert (f"Changed playbook: Reply to comments ({GUIDE}); now deprecated, readers are "
            "sent to severity-triage") in lines(out)
    assert "Pages: 1 changed, 1 deprecated." in lines(out)
    assert "Status:" not in out  # said once, in the heading

    commit(repo, "Deprecate", "2026-11-02T10:00:00+00:00")
    edit(repo, GUIDE, "status: deprecated\nreplaced_by: severity-triage\n", "")
    code, out, _ = diff(repo, capsys, "--base", "HEAD")
    assert (f"Changed playbook: Reply to comments ({GUIDE}); active again (no longer "
            "deprecated)") in lines(out)
    assert "Pages: 1 changed, 1 re-activated." in lines(out)


EXECUTIVE = """\
  - id: executive-on-call
    name: Executive on call
    does: Speaks for the company when a crisis reaches the board.
    reach: "See the on-call sheet"
"""


def test_changed_fields_are_named_as_on_the_page(repo: Path, capsys) -> None:
    (repo / ROLES).write_text((repo / ROLES).read_text() + EXECUTIVE)
    edit(repo, SCALE, "alert: [head-of-communications, legal-counsel]",
         "alert: [head-of-communications, legal-counsel, executive-on-call]")
    edit(repo, SCALE, "respond_within_minutes: 60", "respond_within_minutes: 30")
    edit(repo, CRISIS, "  first_hour: [Publish the holding statement]",
         "  first_hour: [Publish the holding statement, Brief customer care]")
    code, out, err = diff(repo, capsys, "--base", "HEAD")
    assert code == 0, err
    found = lines(out)
    assert "First actions - First hour: added Brief customer care" in found  # the page
    shared = found[found.index("Shared facts changed:") + 1:]
    # a level of the shared scale shows on every crisis page, its card, and the
    # hand-written page that shows the scale with a macro
    level_1 = shared.index("Severity level 1 - Critical: changed")
    assert shared[level_1 + 1:level_1 + 6] == [
        "Severity level 1 - Alert: added Executive on call",
        "Shown on 3 pages:",
        "Mini handbook (docs/index.md)",
        f"Severity triage ({CRISIS})",
        CARD]
    level_2 = shared.index("Severity level 2 - High: changed")
    assert shared[level_2 + 1] == "Severity level 2 - respond within (minutes): 60 -> 30"
    assert "Crisis role 'Executive on call': added" in shared
    role = shared.index("Crisis role 'Executive on call': added")
    assert shared[role + 1] == ("Crisis role 'Executive on call' - name: Executive on call")
    assert "Pages: 1 changed; 3 shared facts changed." in found


def test_a_changed_role_lists_the_crisis_pages_and_cards(repo: Path, capsys) -> None:
    edit(repo, ROLES, "does: Owns the decision log.",
         "does: Owns the decision log and the timeline.")
    out = diff(repo, capsys, "--base", "HEAD")[1]
    shared = lines(out)[lines(out).index("Shared facts changed:") + 1:]
    # the role is not in the scale: only the pages that list it show what it does
    assert shared == [
        "Crisis role 'Incident lead': changed",
        "Crisis role 'Incident lead' - what it does: Owns the decision [-log.-] {+log and "
        "the timeline.+}",
        "Shown on 2 pages:", f"Severity triage ({CRISIS})", CARD]
    # renamed, a role the scale alerts shows on every crisis page and card, and on
    # the hand-written page with the scale; the levels that alert it are not repeated
    edit(repo, ROLES, "name: Legal counsel", "name: Legal team")
    out = diff(repo, capsys, "--base", "HEAD")[1]
    shared = lines(out)[lines(out).index("Shared facts changed:") + 1:]
    assert "Severity level" not in out
    legal = shared.index("Crisis role 'Legal team': changed")
    assert shared[legal + 1:legal + 6] == [
        "Crisis role 'Legal team' - name: Legal [-counsel-] {+team+}", "Shown on 3 pages:",
        "Mini handbook (docs/index.md)", f"Severity triage ({CRISIS})", CARD]


def test_prose_is_compared_word_by_word(repo: Path, capsys) -> None:
    edit(repo, GUIDE, "so you do not repeat a colleague.", "so you never contradict a colleague.")
    code, out, _ = diff(repo, capsys, "--base", "HEAD")
    assert code == 0
    assert ("Step 1 - details: Check earlier replies so you [-do not repeat-] "
            "{+never contradict+} a colleague.") in lines(out)
    md = diff(repo, capsys, "--base", "HEAD", "--format", "markdown")[1]
    assert ("- **Step 1 \\- details**: Check earlier replies so you ~~do not repeat~~ "
            "**never contradict** a colleague\\.") in md.splitlines()
    field = json.loads(diff(repo, capsys, "--base", "HEAD", "--format", "json")[1]
                       )["pages"][0]["fields"][0]
    assert field["loc"] == ["steps", 0, "details"] and field["label"] == "Step 1 - details"
    assert ["delete", "do not repeat"] in field["words"]
    assert ["insert", "never contradict"] in field["words"]


def test_long_prose_keeps_only_the_words_around_a_change(repo: Path, capsys) -> None:
    words = " ".join(f"word{i}" for i in range(60))
    edit(repo, GUIDE, "Check earlier replies so you do not repeat a colleague.", words)
    commit(repo, "Long", "2026-11-02T10:00:00+00:00")
    edit(repo, GUIDE, "word30 ", "changed30 ")
    out = diff(repo, capsys, "--base", "HEAD")[1]
    assert ("Step 1 - details: … word24 word25 word26 word27 word28 word29 [-word30-] "
            "{+changed30+} word31 word32 word33 word34 word35 word36 …") in lines(out)


TAGS = """\
terms:
  - id: crisis
    description: Incidents that can hurt the brand.
  - id: triage
    description: Deciding how serious something is.
  - id: comments
    description: Replies under posts.
  - id: tone-of-voice
    description: How the brand sounds.
"""


def test_tag_vocabulary_entries(repo: Path, capsys) -> None:
    (repo / "definitions/vocabularies").mkdir()
    (repo / "definitions/vocabularies/tags.yml").write_text(TAGS)
    commit(repo, "Tag vocabulary", "2026-11-02T10:00:00+00:00")
    edit(repo, "definitions/vocabularies/tags.yml", "hurt the brand.", "hurt the brand or people.")
    edit(repo, "definitions/vocabularies/tags.yml",
         "  - id: tone-of-voice\n    description: How the brand sounds.\n",
         "  - id: tone-of-voice\n    description: How the brand sounds.\n"
         "  - id: escalation\n    description: Handing a case to someone senior.\n")
    found = lines(diff(repo, capsys, "--base", "HEAD")[1])
    shared = found[found.index("Shared facts changed:") + 1:found.index("New from handbook check:")]
    assert [line for line in shared if line] == [
        "Tag vocabulary entry 'crisis': changed",
        "Tag vocabulary entry 'crisis' - description: Incidents that can hurt the [-brand.-] "
        "{+brand or people.+}",
        "Shown on 2 pages:", f"Severity triage ({CRISIS})", "Tags (tags/)",
        "Tag vocabulary entry 'escalation': added",
        "Tag vocabulary entry 'escalation' - description: Handing a case to someone senior.",
        "Shown on no page"]
    md = diff(repo, capsys, "--base", "HEAD", "--format", "markdown")[1].splitlines()
    at = md.index("- **Tag vocabulary entry \\'crisis\\'** changed:")
    assert md[at:at + 8] == [
        "- **Tag vocabulary entry \\'crisis\\'** changed:", "",
        "  - **Tag vocabulary entry \\'crisis\\' \\- description**: Incidents that can hurt "
        "the ~~brand\\.~~ **brand or people\\.**", "",
        "  Shown on 2 pages:", "",
        "  - Severity triage (playbooks\\/crisis\\-handling\\/severity\\-triage\\.yml)",
        "  - Tags (tags\\/)"]
    data = json.loads(diff(repo, capsys, "--base", "HEAD", "--format", "json")[1])
    crisis = next(c for c in data["shared"] if c["key"] == "crisis")
    assert crisis["kind"] == "tag-term" and crisis["fields"][0]["loc"] == [
        "terms", 0, "description"]


def test_a_level_added_to_the_scale(repo: Path, capsys) -> None:
    (repo / SCALE).write_text((repo / SCALE).read_text() + """\
  - level: 3
    name: Low
    summary: One unhappy customer
    criteria: A single complaint, not spreading.
    examples:
      - text: One angry reply
    respond_within_minutes: 240
    alert: [social-media-lead]
    approver: social-media-lead
    first_actions: [Answer in the normal queue]
""")
    found = lines(diff(repo, capsys, "--base", "HEAD")[1])
    level = found.index("Severity level 3 - Low: added")
    assert found[level + 1:level + 3] == ["Severity level 3 - name: Low",
                                          "Severity level 3 - criteria: A single complaint, "
                                          "not spreading."]
    assert "Severity level 3 - Alert 1: Social media lead" in found
    assert "Severity level 3 - respond within (minutes): 240" in found
    assert found[found.index("Shown on 3 pages:", level) + 1:][:3] == [
        "Mini handbook (docs/index.md)", f"Severity triage ({CRISIS})", CARD]


def test_a_triage_question_and_a_removed_statement(repo: Path, capsys) -> None:
    edit(repo, SCALE, "question: Is it spreading fast?", "question: Is it spreading quickly?")
    found = lines(diff(repo, capsys, "--base", "HEAD")[1])
    question = found.index("Triage question 'Is it spreading quickly?': changed")
    assert found[question + 1:question + 3] == [
        "Triage question 'Is it spreading quickly?' - question: Is it spreading [-fast?-] "
        "{+quickly?+}", "Shown on 3 pages:"]
    (repo / STATEMENTS).write_text((repo / STATEMENTS).read_text().replace(
        "statements:\n", "statements:\n  - id: first-update\n    title: First update\n"
        "    text: Here is what we know so far.\n    approver: head-of-communications\n"
        "    networks: [x]\n    approved_until: 2027-06-30\n"))
    commit(repo, "Second statement", "2026-11-02T10:00:00+00:00")
    edit(repo, STATEMENTS, "  - id: first-update\n    title: First update\n"
         "    text: Here is what we know so far.\n    approver: head-of-communications\n"
         "    networks: [x]\n    approved_until: 2027-06-30\n", "")
    found = lines(diff(repo, capsys, "--base", "HEAD")[1])
    assert "Holding statement 'First update': removed; shown on no page" in found


def test_owner_review_date_and_approvals(repo: Path, capsys) -> None:
    edit(repo, GUIDE, 'owner: "@community"', 'owner: "@care-team"')
    edit(repo, GUIDE, "last_reviewed: 2026-10-01", "last_reviewed: 2026-11-20")
    edit(repo, STATEMENTS, "approved_until: 2027-06-30", "approved_until: 2027-09-30")
    code, out, _ = diff(repo, capsys, "--base", "HEAD")
    assert code == 0
    found = lines(out)
    assert "Owner: @community -> @care-team (owner changed from @community to @care-team)" \
        in found
    assert ("Last reviewed: 2026-10-01 -> 2026-11-20 (review date moved later; next review "
            "due 2027-05-19)") in found
    # the statement lives in the library: one shared fact, with the pages that list it
    statement = found.index("Holding statement 'We are looking into it': changed")
    assert found[statement + 1:statement + 5] == [
        "Holding statement 'We are looking into it' - approved until: 2027-06-30 -> "
        "2027-09-30 (approval extended to 2027-09-30)",
        "Shown on 2 pages:", f"Severity triage ({CRISIS})", CARD]
    assert "New from handbook check:" not in found

    edit(repo, STATEMENTS, "approved_until: 2027-09-30", "approved_until: 2026-11-20")
    code, out, _ = diff(repo, capsys, "--base", "HEAD")
    found = lines(out)
    assert ("Holding statement 'We are looking into it' - approved until: 2027-06-30 -> "
            "2026-11-20 (approval lapsed: 2026-11-20 is past; ask the approver to "
            "re-approve)") in found
    new = found[found.index("New from handbook check:") + 1:]
    assert [line for line in new if line] == [
        f"{STATEMENTS}:7:21: warning: approval of holding statement 'looking-into-it' "
        "lapsed on 2026-11-20; ask the Head of communications to re-approve it "
        "(approval-expired)"]


def test_a_statement_quoted_on_a_hand_written_page(repo: Path, capsys) -> None:
    (repo / "docs/statements.md").write_text(
        '# Statements\n\n{{ holding_statement("looking-into-it") }}\n')
    edit(repo, STATEMENTS, "are looking into it now.", "are looking into it right now.")
    found = lines(diff(repo, capsys, "--base", "HEAD")[1])
    statement = found.index("Holding statement 'We are looking into it': changed")
    assert found[statement + 1:statement + 6] == [
        "Holding statement 'We are looking into it' - text: We are aware of reports about "
        "this and are looking into it {+right+} now. We will update here by 18:00.",
        "Shown on 3 pages:", f"Severity triage ({CRISIS})", "Statements (docs/statements.md)",
        CARD]


def test_new_check_warning_is_listed_once(repo: Path, capsys) -> None:
    edit(repo, GUIDE, "last_reviewed: 2026-10-01", "last_reviewed: 2025-01-01")
    out = diff(repo, capsys, "--base", "HEAD")[1]
    found = lines(out)
    warnings = found[found.index("New from handbook check:") + 1:]
    assert warnings == [f"{GUIDE}:12:16: warning: review overdue since 2025-06-30 "
                        "(owner @community); review the playbook and update last_reviewed "
                        "(review-overdue)"]
    # a warning the base already had is not new
    commit(repo, "Old review date", "2026-11-02T10:00:00+00:00")
    edit(repo, GUIDE, "time_minutes: 15", "time_minutes: 20")
    assert "New from handbook check" not in diff(repo, capsys, "--base", "HEAD")[1]


def test_a_tag_change_lists_every_page_that_shows_the_tag(repo: Path, capsys) -> None:
    edit(repo, CRISIS, "tags: [crisis, triage]", "tags: [crisis, triage, comments]")
    code, out, _ = diff(repo, capsys, "--base", "HEAD")
    assert code == 0
    found = lines(out)
    assert "Tags: added comments" in found
    shared = found.index("Shared facts changed:")
    assert found[shared + 1:shared + 5] == [
        "Tag 'comments': added to 'Severity triage'; shown on 3 pages:",
        f"Severity triage ({CRISIS})",
        f"Reply to comments ({GUIDE})",
        "Tags (tags/)",
    ]
    assert "Pages: 1 changed; 1 shared fact changed." in found


def test_a_title_change_lists_the_pages_that_link_it(repo: Path, capsys) -> None:
    edit(repo, CRISIS, "title: Severity triage", "title: Severity triage and alerts")
    out = diff(repo, capsys, "--base", "HEAD")[1]
    found = lines(out)
    assert "Title: Severity triage {+and alerts+}" in found
    shown = found.index("Also shown on 2 other pages:")
    assert found[shown + 1:shown + 3] == ["First week (paths/first-week.yml)",
                                          f"Reply to comments ({GUIDE})"]


def test_default_base_is_the_merge_base_with_main(repo: Path, capsys) -> None:
    git(repo, "checkout", "-q", "-b", "feature")
    edit(repo, GUIDE, "time_minutes: 15", "time_minutes: 20")
    commit(repo, "Feature", "2026-11-02T10:00:00+00:00")
    git(repo, "checkout", "-q", "main")
    edit(repo, CRISIS, "time_minutes: 10", "time_minutes: 12")
    commit(repo, "Main moves on", "2026-11-03T10:00:00+00:00")
    git(repo, "checkout", "-q", "feature")
    base = git(repo, "merge-base", "HEAD", "main").strip()
    code, out, _ = diff(repo, capsys)
    assert code == 0
    assert lines(out)[0] == f"Compared with {base[:12]} (the merge base of HEAD and main) " \
                            "-> the working tree"
    assert "Time to work through (minutes): 15 -> 20" in lines(out)
    assert "Severity triage" not in out  # main's own change is not this branch's


def test_default_base_without_main_is_the_parent_commit(repo: Path, capsys) -> None:
    git(repo, "branch", "-m", "main", "trunk")
    edit(repo, GUIDE, "time_minutes: 15", "time_minutes: 20")
    commit(repo, "Longer", "2026-11-02T10:00:00+00:00")
    out = diff(repo, capsys)[1]
    assert lines(out)[0].endswith("(HEAD~1) -> the working tree")
    assert "Time to work through (minutes): 15 -> 20" in lines(out)


@pytest.mark.parametrize("base", ["no-such-branch", "--help", "HEAD~9"])
def test_bad_base_exits_2_with_one_sentence(repo: Path, capsys, base: str) -> None:
    code, out, err = diff(repo, capsys, f"--base={base}")
    assert code == 2 and out == ""
    assert err == (f"handbook diff: --base '{base}' is not a commit of this repository; name "
                   "a branch, tag or commit, e.g. --base main\n")


def test_outside_git_exits_2(tmp_path: Path, capsys) -> None:
    shutil.copytree(MINI / "playbooks", tmp_path / "playbooks")
    code, out, err = diff(tmp_path, capsys)
    assert code == 2 and "is not in a git repository" in err and "Traceback" not in err


def _shallow_clone(repo: Path, dest: Path) -> Path:
    subprocess.run(["git", "clone", "-q", "--depth", "1", "--no-local", f"file://{repo}",
                    str(dest)], check=True, capture_output=True, timeout=60)
    return dest


def test_shallow_clone_fetches_the_base_it_needs(repo: Path, tmp_path: Path, capsys) -> None:
    first = git(repo, "rev-parse", "HEAD").strip()
    edit(repo, GUIDE, "time_minutes: 15", "time_minutes: 20")
    commit(repo, "Longer", "2026-11-02T10:00:00+00:00")
    clone = _shallow_clone(repo, tmp_path / "clone")
    code, out, err = diff(clone, capsys, "--base", first)
    assert code == 0, err
    assert "Time to work through (minutes): 15 -> 20" in lines(out)


def test_shallow_clone_says_what_is_missing(repo: Path, tmp_path: Path, capsys) -> None:
    first = git(repo, "rev-parse", "HEAD").strip()
    edit(repo, GUIDE, "time_minutes: 15", "time_minutes: 20")
    commit(repo, "Longer", "2026-11-02T10:00:00+00:00")
    clone = _shallow_clone(repo, tmp_path / "clone")
    git(clone, "remote", "remove", "origin")  # nothing to fetch from
    code, out, err = diff(clone, capsys, "--base", first)
    assert code == 2 and out == ""
    assert err == (f"handbook diff: --base '{first}' is not in this shallow clone; fetch it "
                   f"(git fetch origin {first}) or fetch the full history (git fetch "
                   "--unshallow, or fetch-depth: 0 in actions/checkout)\n")
    git(clone, "branch", "-m", "main", "feature")  # no main: the default base is HEAD~1
    code, out, err = diff(clone, capsys)
    assert code == 2
    assert err == ("handbook diff: HEAD~1 is not in this shallow clone; fetch the full history "
                   "(git fetch --unshallow, or fetch-depth: 0 in actions/checkout)\n")


def test_a_base_that_does_not_validate_is_reported_not_compared(repo: Path, capsys) -> None:
    edit(repo, GUIDE, "level: foundation", "level: beginner")
    edit(repo, CRISIS, "time_minutes: 10", "time_minutes: 12")
    (repo / "playbooks/guides/broken.yml").write_text("id: [unclosed\n")
    commit(repo, "Broken", "2026-11-02T10:00:00+00:00")
    edit(repo, GUIDE, "level: beginner", "level: foundation")
    (repo / "playbooks/guides/broken.yml").unlink()
    edit(repo, CRISIS, "time_minutes: 12", "time_minutes: 15")
    code, out, err = diff(repo, capsys, "--base", "HEAD")
    assert code == 0, err
    found = lines(out)
    assert "Time to work through (minutes): 12 -> 15" in found
    assert "Added playbook" not in out  # the guide existed, it just did not validate
    not_compared = found[found.index("Not compared:") + 1:]
    assert not_compared == [
        "playbooks/guides/broken.yml: it did not validate at the base, so what changed in "
        "it is not listed",
        f"{GUIDE}: it did not validate at the base, so what changed in it is not listed"]


def test_json_is_a_stable_structure(repo: Path, capsys) -> None:
    edit(repo, GUIDE, "title: Reply to comments", "title: Reply to comments well")
    edit(repo, CRISIS, "tags: [crisis, triage]", "tags: [crisis]")
    data = json.loads(diff(repo, capsys, "--base", "HEAD", "--format", "json")[1])
    assert set(data) == {"format", "base", "reader_visible", "counts", "pages", "shared",
                         "written", "translations", "new_problems", "not_compared"}
    assert data["format"] == "handbook-diff/1" and data["base"]["rev"] == "HEAD"
    assert data["counts"]["changed"] == 2
    guide = next(p for p in data["pages"] if p["id"] == "reply-to-comments")
    assert guide["type"] == "playbook" and guide["change"] == "changed"
    assert guide["fields"][0] == {
        "loc": ["title"], "label": "Title", "change": "changed",
        "before": "Reply to comments", "after": "Reply to comments well",
        "words": [["equal", "Reply to comments"], ["insert", "well"]], "note": None}
    assert guide["shown_on"] == [{"title": "First week", "url": "paths/first-week/",
                                  "file": "paths/first-week.yml"}]
    assert data["shared"] == [{
        "kind": "tag", "key": "triage", "label": "Tag 'triage'",
        "detail": "removed from 'Severity triage'",
        "pages": [{"title": "Severity triage", "url": "playbooks/crisis-handling/severity-triage/",
                   "file": CRISIS}, {"title": "Tags", "url": "tags/", "file": None}],
        "fields": []}]


# No ![image](...): check refuses images in playbook text (issue 16), so the
# playbook would not validate and the diff would not show the title.
HOSTILE = ("<img src=x onerror=alert(1)> [click](https://evil.example) @everyone #1 "
           "**bold** [i](https://evil.example/i.png) www.evil.example `code` &amp; |a|b|")


def test_markdown_cannot_be_injected_from_yaml(repo: Path, capsys) -> None:
    edit(repo, GUIDE, "title: Reply to comments", f"title: {json.dumps(HOSTILE)}")
    edit(repo, GUIDE, "    details: Check earlier replies so you do not repeat a colleague.",
         "    details: |\n      Fine.\n\n      ## Heading\n\n      <script>alert(1)</script>\n"
         "      [x]: https://evil.example\n      @social-leads please approve")
    code, out, _ = diff(repo, capsys, "--base", "HEAD", "--format", "markdown")
    assert code == 0
    content = [line for line in out.splitlines() if not line.startswith("Compared with `")]
    assert not re.search(r"(?<!\\)[<>`]", "\n".join(content))  # all escaped: no HTML, code
    for raw in ("](http", "@everyone", "@social", "https://", "www.evil", "#1",
                "\n## Heading", " &amp;"):
        assert raw not in out, raw
    html = markdown.markdown(out, extensions=["extra"])
    assert not re.search(r"<(img|a|script|table)\b", html), html
    assert html.count("<code>") == 1  # the base commit, nothing from YAML
    assert re.findall(r"<h[1-6]", html) == ["<h2", "<h3"]  # the report's own headings
    assert "\\<img src\\=x onerror\\=alert\\(1\\)\\>" in out  # shown, as text
    assert "@&#8203;everyone" in out  # a zero-width space: no mention, no notification


def test_text_output_keeps_yaml_on_its_own_line(repo: Path, capsys) -> None:
    forged = "playbooks/guides/x.yml:1:1: error: forged (rule)"
    edit(repo, STATEMENTS, "title: We are looking into it", f'title: "{forged}"')
    out = diff(repo, capsys, "--base", "HEAD")[1]
    assert f"Holding statement '{forged}' - title: [-We are looking into it-] " \
           f"{{+{forged}+}}" in lines(out)
    assert not any(line.startswith(forged) for line in out.splitlines())

    edit(repo, STATEMENTS, f'title: "{forged}"', f'title: "Looking\\r\\e[2K{forged}"')
    out = diff(repo, capsys, "--base", "HEAD")[1]
    assert "\r" not in out and "\x1b" not in out
    assert not any(line.startswith(forged) for line in out.splitlines())
    # Control characters make the title invalid (issue 16): the diff says so instead
    # of listing the library's statements as removed.
    assert f"{STATEMENTS}: it does not validate now; see what handbook check reports" \
        in lines(out)
    assert "holds the control character U+000D" in out
    assert "Holding statement" not in out


def test_a_handbook_in_a_folder_of_the_repository(tmp_path: Path, capsys) -> None:
    root = init(tmp_path / "repo")
    shutil.copytree(MINI / "playbooks", root / "handbook/playbooks")
    commit(root, "Base", "2026-11-01T10:00:00+00:00")
    edit(root / "handbook", GUIDE, "time_minutes: 15", "time_minutes: 25")
    code, out, err = diff(root / "handbook", capsys)
    assert code == 0, err
    assert lines(out)[2:] == ["Pages: 1 changed.", "",
                              f"Changed playbook: Reply to comments ({GUIDE})",
                              "Time to work through (minutes): 15 -> 25"]


def test_a_handbook_in_a_folder_with_a_non_ascii_name(tmp_path: Path, capsys) -> None:
    """git quotes such a name when it lists it: the base could not be read."""
    folder = "Ünterlagen"
    root = init(tmp_path / "repo")
    shutil.copytree(MINI / "playbooks", root / folder / "playbooks")
    (root / folder / "CONTRIBUTING.tr.md").write_text("# Katkı\n\nMerhaba.\n")
    commit(root, "Base", "2026-11-01T10:00:00+00:00")
    edit(root / folder, GUIDE, "time_minutes: 15", "time_minutes: 25")
    code, out, err = diff(root / folder, capsys, "--base", "HEAD")
    assert code == 0, err
    assert lines(out)[2:] == ["Pages: 1 changed.", "",
                              f"Changed playbook: Reply to comments ({GUIDE})",
                              "Time to work through (minutes): 15 -> 25"]


def test_a_shared_definition_plugs_in(repo: Path, capsys, monkeypatch) -> None:
    """A new kind of shared fact needs a detector and a page finder, nothing else."""
    # compare registers the built-in detectors when first imported: import it before
    # the list is swapped, or they land in the swapped list and vanish with it
    from playbook_handbook.review.diff import compare, reach, shared  # noqa: F401
    from playbook_handbook.review.diff.report import SharedChange

    def using(book, role: str) -> list:
        return [reach.playbook_page(e) for e in book.playbooks.values()
                if role in {u.role for u in getattr(e.playbook, "role_uses", [])}]

    def roles(book) -> set[str]:
        return {u.role for e in book.playbooks.values()
                for u in getattr(e.playbook, "role_uses", [])}

    def detect(base, head, renamed) -> list[SharedChange]:
        return [SharedChange("role-in-use", role, f"Role in use '{role}'", "added",
                             reach.pages_showing("role-in-use", role, (base, head)))
                for role in sorted(roles(head) - roles(base))]

    monkeypatch.setitem(reach.FINDERS, "role-in-use", using)
    monkeypatch.setattr(shared, "DETECTORS", [*shared.DETECTORS, detect])
    edit(repo, CRISIS, "  - role: incident-lead", "  - role: incident-lead\n  - legal-counsel")
    found = lines(diff(repo, capsys, "--base", "HEAD")[1])
    shared_at = found.index("Shared facts changed:")
    assert found[shared_at + 1:shared_at + 3] == [
        "Role in use 'legal-counsel': added; shown on 1 page:", f"Severity triage ({CRISIS})"]


def test_markdown_lists_every_page_of_a_shared_fact_and_folds_a_long_list() -> None:
    from playbook_handbook.review.diff.formats import markdown, text
    from playbook_handbook.review.diff.report import PageRef, Report, SharedChange

    pages = [PageRef(f"Guide {i}", f"playbooks/guides/g{i}/", f"playbooks/guides/g{i}.yml")
             for i in range(40)]
    report = Report("HEAD", "0" * 40, "HEAD",
                    shared=[SharedChange("tag", "crisis", "Tag 'crisis'", "added to 'X'", pages)])
    out = markdown(report)
    assert "Shown on 40 pages:" in out
    assert "  <details><summary>The 40 pages</summary>" in out.splitlines()
    assert all(f"  - Guide {i} (playbooks\\/guides\\/g{i}\\.yml)" in out.splitlines()
               for i in range(40))
    assert out.endswith("</details>\n")
    assert sum(line.startswith("    Guide ") for line in text(report).splitlines()) == 40


def test_markdown_for_a_tag_change_is_a_list_of_pages(repo: Path, capsys) -> None:
    edit(repo, CRISIS, "tags: [crisis, triage]", "tags: [crisis, triage, comments]")
    out = diff(repo, capsys, "--base", "HEAD", "--format", "markdown")[1]
    shared = out[out.index("### Shared facts"):].splitlines()
    assert shared[2:7] == [
        "- **Tag \\'comments\\'** added to \\'Severity triage\\'. Shown on 3 pages:", "",
        "  - Severity triage (playbooks\\/crisis\\-handling\\/severity\\-triage\\.yml)",
        "  - Reply to comments (playbooks\\/guides\\/reply\\-to\\-comments\\.yml)",
        "  - Tags (tags\\/)"]


def test_a_rewritten_text_reads_as_old_then_new_and_rewrapping_is_no_change() -> None:
    from playbook_handbook.review.diff.words import same_words, word_diff

    assert word_diff("Meta Business Help Centre", "Google Analytics Help: About conversions") == [
        ("delete", "Meta Business Help Centre"),
        ("insert", "Google Analytics Help: About conversions")]
    assert word_diff("Pause all scheduled posts now", "Pause all scheduled posts today") == [
        ("equal", "Pause all scheduled posts"), ("delete", "now"), ("insert", "today")]
    assert same_words("One line\nwrapped  here.", "One line wrapped here.")
    assert not same_words("One paragraph.\n\nTwo.", "One paragraph. Two.")


def test_an_id_defined_twice_is_not_compared_rather_than_read_as_an_edit(repo: Path,
                                                                          capsys) -> None:
    roles = repo / "definitions" / "crisis-roles.yml"
    text = roles.read_text()
    ids = re.findall(r"^  - id: (\S+)$", text, flags=re.M)
    assert len(ids) >= 2
    roles.write_text(text.replace(f"  - id: {ids[1]}\n", f"  - id: {ids[0]}\n", 1))
    code, out, _ = diff(repo, capsys, "--base", "HEAD")
    assert code == 0
    assert ("definitions/crisis-roles.yml: it does not validate now; see what "
            "handbook check reports") in out
    assert "Crisis role" not in out.split("Not compared:")[0]


# --- translations -------------------------------------------------------------------------

TRANSLATION = "playbooks/guides/reply-to-comments.tr.yml"
TURKISH = """\
language: tr
title: Yorumlara yanıt verme
summary: Gönderilerimize gelen yorumlara marka diliyle nasıl yanıt verilir.
steps:
  - title: Önce konuşmanın tamamını okuyun
    details: Bir ekip arkadaşınızın yanıtını tekrarlamamak için önceki yanıtlara bakın.
  - title: Aynı iş günü içinde yanıt verin
"""


def _with_translation(repo: Path) -> None:
    (repo / TRANSLATION).write_text(TURKISH, encoding="utf-8")
    commit(repo, "Turkish translation", "2026-11-02T10:00:00+00:00")


def test_a_translator_s_change_is_what_turkish_readers_see_differently(repo: Path,
                                                                        capsys) -> None:
    """A pull request that only changes x.tr.yml is not "no reader-visible changes"."""
    _with_translation(repo)
    edit(repo, TRANSLATION, "marka diliyle", "markamızın diliyle")
    edit(repo, TRANSLATION, "  - title: Aynı iş günü içinde yanıt verin\n",
         "  - title: Aynı iş günü içinde yanıtlayın\n")
    code, out, _ = diff(repo, capsys, "--base", "HEAD")
    assert code == 0
    found = lines(out)
    assert found[2] == "No page added, removed or changed; 1 translation changed."
    heading = found.index(
        f"Changed translation (tr): Yorumlara yanıt verme ({TRANSLATION})")
    assert found[heading - 1] == "Translations changed:"
    assert found[heading + 1:heading + 3] == [
        "summary: Gönderilerimize gelen yorumlara [-marka-] {+markamızın+} diliyle nasıl "
        "yanıt verilir.",
        "steps[2].title: Aynı iş günü içinde [-yanıt verin-] {+yanıtlayın+}"]
    data = json.loads(diff(repo, capsys, "--base", "HEAD", "--format", "json")[1])
    assert data["reader_visible"] is True
    assert [(t["language"], t["file"], t["english_file"], t["change"],
             [f["label"] for f in t["fields"]]) for t in data["translations"]] == [
        ("tr", TRANSLATION, GUIDE, "changed", ["summary", "steps[2].title"])]


def test_an_added_translation_lists_its_text_and_a_removed_one_is_named(repo: Path,
                                                                        capsys) -> None:
    (repo / TRANSLATION).write_text(TURKISH, encoding="utf-8")
    found = lines(diff(repo, capsys, "--base", "HEAD")[1])
    heading = found.index(f"Added translation (tr): Yorumlara yanıt verme ({TRANSLATION})")
    assert found[heading + 1:heading + 3] == [
        "title: Yorumlara yanıt verme",
        "summary: Gönderilerimize gelen yorumlara marka diliyle nasıl yanıt verilir."]
    commit(repo, "Turkish translation", "2026-11-02T10:00:00+00:00")
    (repo / TRANSLATION).unlink()
    found = lines(diff(repo, capsys, "--base", "HEAD")[1])
    assert f"Removed translation (tr): Yorumlara yanıt verme ({TRANSLATION})" in found


def test_translation_text_in_markdown_is_inert(repo: Path, capsys) -> None:
    _with_translation(repo)
    edit(repo, TRANSLATION, "title: Yorumlara yanıt verme",
         'title: "Yorumlar <img src=x onerror=alert(1)> @team"')
    out = diff(repo, capsys, "--base", "HEAD", "--format", "markdown")[1]
    assert "### Translations" in out
    assert not re.search(r"(?<!\\)<img", out)  # escaped: \<img shows as text
    assert "\\<img" in out and "\\@&#8203;team" in out  # no tag, no @mention


def test_a_translation_that_does_not_fit_its_english_is_left_to_check(repo: Path,
                                                                      capsys) -> None:
    _with_translation(repo)
    edit(repo, TRANSLATION, "language: tr", "language: tr\nowner: '@someone'")
    found = lines(diff(repo, capsys, "--base", "HEAD")[1])
    assert "Translations changed:" not in found
    new = found[found.index("New from handbook check:") + 1:]
    assert any(line.startswith(f"{TRANSLATION}:") and "(translation-field)" in line
               for line in new), new


# --- hand-written pages -------------------------------------------------------------------


def test_an_edited_hand_written_page_is_listed_by_the_heading_of_each_change(
        repo: Path, capsys) -> None:
    edit(repo, "docs/first-hour.md", "decides how the story is told",
         "decides how the whole story is told")
    (repo / "docs/new-page.md").write_text("# A new page\n\nHello.\n", encoding="utf-8")
    code, out, _ = diff(repo, capsys, "--base", "HEAD")
    assert code == 0
    found = lines(out)
    assert found[2] == "No page added, removed or changed; 2 hand-written pages changed."
    at = found.index("Hand-written pages changed:")
    assert found[at + 1:at + 4] == [
        "Changed page: First hour of a complaint storm (docs/first-hour.md)",
        "Under 'First hour of a complaint storm': When a customer complaint spreads, the "
        "first hour decides how the {+whole+} story is told. Acknowledge the complaint …",
        "Added page: A new page (docs/new-page.md)"]
    data = json.loads(diff(repo, capsys, "--base", "HEAD", "--format", "json")[1])
    assert [(p["file"], p["change"], [f["label"] for f in p["fields"]])
            for p in data["written"]] == [
        ("docs/first-hour.md", "changed", ["Under 'First hour of a complaint storm'"]),
        ("docs/new-page.md", "added", [])]


def test_rewrapping_a_page_or_recording_its_translation_is_not_a_change(
        repo: Path, capsys) -> None:
    edit(repo, "docs/first-hour.md", "how the story is told.\nAcknowledge",
         "how the story\nis told. Acknowledge")
    edit(repo, "docs/index.tr.md", "made_from: 0000000000", "made_from: 1111111111")
    found = lines(diff(repo, capsys, "--base", "HEAD")[1])
    assert "Hand-written pages changed:" not in found
    assert found[2] == "No reader-visible changes."


def test_the_contributor_guide_is_a_page_and_a_link_out_of_the_repository_is_not_read(
        repo: Path, capsys, tmp_path: Path) -> None:
    (repo / "CONTRIBUTING.md").write_text("# Contribute\n\nOpen a pull request.\n")
    commit(repo, "Guide", "2026-11-02T10:00:00+00:00")
    edit(repo, "CONTRIBUTING.md", "Open a pull request.", "Open a pull request early.")
    secret = tmp_path / "secret.md"
    secret.write_text("# Secret\n\nTOPSECRET\n")
    (repo / "docs/leak.md").symlink_to(secret)
    out = diff(repo, capsys, "--base", "HEAD")[1]
    assert "Changed page: Contribute (CONTRIBUTING.md)" in lines(out)
    assert "Under 'Contribute': Open a pull [-request.-] {+request early.+}" in lines(out)
    assert "TOPSECRET" not in out and "leak.md" not in out


def test_a_page_linked_to_the_git_config_is_not_read(repo: Path, capsys) -> None:
    """In CI, .git/config holds the checkout's token: a page replaced by a link to it
    must not put the token in the pull-request comment."""
    git(repo, "config", "http.https://github.com/.extraheader", "AUTHORIZATION: basic TOKEN")
    (repo / "docs/tags.md").unlink()
    (repo / "docs/tags.md").symlink_to("../.git/config")
    (repo / "CONTRIBUTING.tr.md").symlink_to(".git/config")
    code, out, _ = diff(repo, capsys, "--base", "HEAD")
    assert code == 0
    assert "TOKEN" not in out and "extraheader" not in out
    assert "Removed page: Tags (docs/tags.md)" in lines(out)


def test_pages_quoting_a_statement_are_not_read_through_a_link_out(
        repo: Path, capsys, tmp_path: Path) -> None:
    """A link to /dev/zero would be read until memory runs out: the pages that quote
    a shared fact are read as the hand-written pages are, links out left alone."""
    outside = tmp_path / "outside.md"
    outside.write_text('# OUTSIDE\n\n{{ holding_statement("looking-into-it") }}\n')
    (repo / "docs/leak.md").symlink_to(outside)
    edit(repo, STATEMENTS, "are looking into it now.", "are looking into it right now.")
    code, out, _ = diff(repo, capsys, "--base", "HEAD")
    assert code == 0 and "Shown on 2 pages:" in lines(out)
    assert "OUTSIDE" not in out and "leak.md" not in out


def test_a_huge_page_or_paragraph_is_compared_in_seconds() -> None:
    """Matching repeated blocks (or words) costs time that grows with the cube of their
    number: a pull request with a few thousand of them kept the job busy for hours."""
    import time

    from playbook_handbook.review.diff.words import word_diff
    from playbook_handbook.review.diff.written_pages import written_page_changes

    blocks = 3000
    old = "# Tasks\n\n" + "\n\n".join(["- [ ] x"] * blocks)
    new = "# Tasks\n\n" + "\n\n".join("- [ ] y" if i % 7 == 0 else "- [ ] x"
                                      for i in range(blocks))
    words = ["the", "a", "crisis", "reply", "team"]
    long_old = " ".join(words[i * 7 % 5] for i in range(40000))
    long_new = " ".join(words[i * 3 % 5] for i in range(40000))
    started = time.monotonic()
    [page] = written_page_changes({"docs/tasks.md": old}, {"docs/tasks.md": new})
    runs = word_diff(long_old, long_new)
    assert time.monotonic() - started < 20
    assert len(page.fields) == len(range(0, blocks, 7))
    assert all(f.words == [("equal", "- [ ]"), ("delete", "x"), ("insert", "y")]
               for f in page.fields)
    assert runs == [("delete", long_old), ("insert", long_new)]  # too long to match: rewritten


def test_a_page_cannot_reorder_how_a_diff_line_displays(repo: Path, capsys) -> None:
    """Bidirectional overrides and isolates (as in "Trojan Source") are dropped from the output;
    right-to-left text itself stays."""
    edit(repo, "docs/first-hour.md", "decides how the story is told",
         "decides how the \u202eflesti si yrots\u202c story \u2067is\u2069 told \u200f,"
         "\u200e,\u061c مرحبا")
    for fmt in ("text", "markdown"):
        out = diff(repo, capsys, "--base", "HEAD", "--format", fmt)[1]
        assert not re.search("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]", out), fmt
        assert "مرحبا" in out
