"""Review dates, lapsed approvals, the review queue and What's new, on built pages.

The fixture is a real git repository with commits at fixed dates; "today" is
HANDBOOK_TODAY=2026-11-26 (conftest.TODAY) so nothing depends on the clock.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import shutil
from pathlib import Path

import pytest
from conftest import MINI, REPO, TODAY, build_ok, copy_tree, mkdocs_build, no_traceback
from gitrepo import commit, git, init

from playbook_handbook.index.gitinfo import file_history
from playbook_handbook.index.handbook import load_handbook
from playbook_handbook.render.pages import Renderer, day_count, days_ago, longdate

GUIDES = "playbooks/guides"
CRISIS = "playbooks/crisis-handling"
HISTORY = "https://github.com/example-org/mini-handbook/commits/main/"


def article(site: Path, page: str) -> str:
    text = (site / page / "index.html").read_text(encoding="utf-8")
    return text[text.index("<article"):text.index("</article>")]


def text_of(markup: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", markup).split())


def strip(page: str) -> str:
    start = page.index('class="hb-meta"')
    return page[start:page.index("</div>", start)]


def set_field(file: Path, name: str, value: str) -> None:
    text = file.read_text(encoding="utf-8")
    new = re.sub(rf"^{name}: .*$", f"{name}: {value}", text, count=1, flags=re.M)
    assert new != text or f"{name}: {value}" in text
    file.write_text(new, encoding="utf-8")


def make_handbook(dest: Path) -> Path:
    """The mini handbook with one overdue, one due-soon and one fresh playbook,
    and one lapsed and one valid holding-statement approval (as of 2026-11-26)."""
    project = copy_tree(MINI, dest)
    crisis = project / CRISIS / "severity-triage.yml"
    set_field(crisis, "last_reviewed", "2026-07-01")  # 90-day interval: due 29 Sep, overdue
    library = project / "definitions" / "holding-statements.yml"
    text = library.read_text(encoding="utf-8").replace(
        "    approved_until: 2027-06-30\n",
        "    approved_until: 2026-11-01\n"
        "  - id: fixed-it\n"
        "    title: We have fixed it\n"
        "    text: The problem is fixed. Thank you for your patience.\n"
        "    approver: legal-counsel\n"
        "    approved_until: 2027-03-31\n"
        "    networks: [x]\n")
    library.write_text(text, encoding="utf-8")
    crisis.write_text(crisis.read_text(encoding="utf-8").replace(
        "holding_statements: [looking-into-it]", "holding_statements: [looking-into-it, fixed-it]"),
        encoding="utf-8")
    reply = project / GUIDES / "reply-to-comments.yml"
    set_field(reply, "last_reviewed", "2026-06-10")  # 180-day interval: due 7 Dec, soon
    fresh = project / GUIDES / "fresh-guide.yml"
    source = (project / GUIDES / "reply-to-comments.yml").read_text(encoding="utf-8")
    source = source.replace("id: reply-to-comments", "id: fresh-guide").replace(
        "title: Reply to comments", "title: Fresh guide").replace(
        "aliases: [answering-comments]\n", "").replace("owner: \"@community\"",
                                                         "owner: \"@editors\"")
    fresh.write_text(source, encoding="utf-8")
    set_field(fresh, "last_reviewed", "2026-11-25")
    old = project / GUIDES / "old-guide.yml"
    old.write_text(source.replace("id: fresh-guide", "id: old-guide").replace(
        "title: Fresh guide", "title: Old guide") + "status: deprecated\n"
        "replaced_by: reply-to-comments\n", encoding="utf-8")
    set_field(old, "last_reviewed", "2025-01-01")
    return project


def make_history(project: Path) -> Path:
    """Commits: everything on 1 May, crisis changed 15 Sep, fresh guide added 20 Nov,
    reply guide changed 22 Nov (the last three inside the 90-day window)."""
    init(project)
    fresh = project / GUIDES / "fresh-guide.yml"
    kept = fresh.read_text(encoding="utf-8")
    fresh.unlink()
    commit(project, "Starter playbooks", "2026-05-01T09:00:00+00:00")
    crisis = project / CRISIS / "severity-triage.yml"
    crisis.write_text(crisis.read_text(encoding="utf-8").replace(
        "Pause scheduled posts", "Pause every scheduled post"), encoding="utf-8")
    commit(project, "Crisis: pause <b>all</b> posts & {{ config.site_name }}",
           "2026-09-15T10:00:00+02:00")
    fresh.write_text(kept, encoding="utf-8")
    commit(project, "Add the fresh guide", "2026-11-20T08:00:00+00:00")
    reply = project / GUIDES / "reply-to-comments.yml"
    reply.write_text(reply.read_text(encoding="utf-8").replace(
        "Check earlier replies", "Read earlier replies"), encoding="utf-8")
    commit(project, "Reply guide: clearer first step", "2026-11-22T16:30:00+00:00")
    return project


@pytest.fixture(scope="module")
def repo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_history(make_handbook(tmp_path_factory.mktemp("fresh") / "handbook"))


@pytest.fixture(scope="module")
def site(repo: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_ok(repo, tmp_path_factory.mktemp("fresh-site"))


def test_today_is_fixed_for_these_tests() -> None:
    assert TODAY == "2026-11-26"


@pytest.mark.parametrize(("days", "words"), [
    (0, "today"), (1, "1 day ago"), (2, "2 days ago"), (365, "365 days ago"), (-3, "in 3 days")])
def test_days_ago_wording(days: int, words: str) -> None:
    assert days_ago(days) == words


def test_dates_read_the_same_everywhere() -> None:
    assert longdate(dt.date(2026, 3, 5)) == "5 Mar 2026"
    assert [day_count(n) for n in (1, -1, 0, 11)] == ["1 day", "-1 day", "0 days", "11 days"]


def test_overdue_playbook_has_banner_naming_owner_and_due_date(site: Path) -> None:
    page = article(site, f"{CRISIS}/severity-triage")
    banner = page[page.index('<div class="admonition warning"'):]
    banner = text_of(banner[:banner.index("</div>")])
    assert banner.startswith("Review overdue since 29 Sep 2026")
    assert "last reviewed 148 days ago" in banner
    assert "Use it with care" in banner and "@social-leads" in banner
    # the banner comes before the summary and the sections
    assert page.index("Review overdue since") < page.index('class="hb-summary"')
    meta = text_of(strip(page))
    assert "Last reviewed 148 days ago · 1 Jul 2026" in meta
    assert "Next review overdue since 29 Sep 2026" in meta
    assert '<time datetime="2026-07-01" title="1 Jul 2026">148 days ago</time>' in page


def test_due_soon_and_fresh_playbooks_have_no_banner(site: Path) -> None:
    soon = article(site, f"{GUIDES}/reply-to-comments")
    assert "Review overdue" not in soon and 'class="admonition warning"' not in soon
    meta = text_of(strip(soon))
    assert "Last reviewed 169 days ago · 10 Jun 2026" in meta
    assert "Next review due 7 Dec 2026 (in 11 days)" in meta
    fresh = article(site, f"{GUIDES}/fresh-guide")
    assert "Review overdue" not in fresh
    meta = text_of(strip(fresh))
    assert "Last reviewed 1 day ago · 25 Nov 2026" in meta
    assert "Next review due 24 May 2027" in meta and "(in" not in meta
    assert "Owner @editors" in meta


def test_deprecated_playbook_is_never_due(site: Path) -> None:
    page = article(site, f"{GUIDES}/old-guide")
    assert "Deprecated" in page and "Review overdue" not in page
    meta = text_of(strip(page))
    assert "Last reviewed 694 days ago · 1 Jan 2025" in meta and "Next review" not in meta
    assert "Old guide" not in article(site, "review-queue")


def test_reviewed_today_reads_today(repo: Path, tmp_path: Path) -> None:
    site = build_at(repo, tmp_path / "site", "2026-11-25")
    meta = text_of(strip(article(site, f"{GUIDES}/fresh-guide")))
    assert "Last reviewed today · 25 Nov 2026" in meta


def test_lapsed_approval_warns_next_to_its_statement(site: Path) -> None:
    page = article(site, f"{CRISIS}/severity-triage")
    first = page[page.index('id="we-are-looking-into-it"'):page.index('id="we-have-fixed-it"')]
    warning = text_of(first[first.index('<div class="admonition warning"'):])
    assert warning.startswith("Approval lapsed on 1 Nov 2026")
    assert "Ask the Head of communications before posting this statement" in warning
    assert "until 1 Nov 2026 (lapsed)" in text_of(first)
    # the warning sits between the statement's heading and its text
    assert first.index("Approval lapsed") < first.index("We are aware of reports")
    second = page[page.index('id="we-have-fixed-it"'):]
    second = second[:second.index("</div>", second.index('class="hb-copy"'))]
    assert "Approval lapsed" not in second and "admonition" not in second
    assert "Approved by Legal counsel until 31 Mar 2027" in text_of(second)
    assert '<time datetime="2027-03-31">31 Mar 2027</time>' in second


def test_review_queue_groups_by_owner_overdue_first(site: Path) -> None:
    page = article(site, "review-queue")
    words = text_of(page)
    assert "1 overdue · 1 due soon" in words
    assert page.index('id="social-leads"') < page.index('id="community"')  # most urgent first
    leads = text_of(page[page.index('id="social-leads"'):page.index('id="community"')])
    assert ("Severity triage Overdue by 58 days , was due 29 Sep 2026 · "
            "last reviewed 1 Jul 2026") in leads
    community = text_of(page[page.index('id="community"'):])
    assert ("Reply to comments Due in 11 days, on 7 Dec 2026 · "
            "last reviewed 10 Jun 2026") in community
    assert "Fresh guide" not in words  # fresh: not in the queue
    assert 'href="../playbooks/crisis-handling/severity-triage/"' in page


def test_generated_lists_stay_out_of_search(site: Path) -> None:
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = {doc["location"].split("#")[0] for doc in index["docs"]}
    assert "playbooks/crisis-handling/severity-triage/" in locations
    assert not locations & {"review-queue/", "whats-new/"}


def test_review_queue_empty_state(repo: Path, tmp_path: Path) -> None:
    site = build_at(repo, tmp_path / "site", "2026-07-02")
    page = text_of(article(site, "review-queue"))
    assert "Nothing to review: no playbook is overdue, and none is due in the next 30 days" \
        in page
    assert "as of 2 Jul 2026" in page


def test_review_queue_is_in_the_nav_of_the_real_handbook() -> None:
    nav = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert "Review queue: review-queue.md" in nav and "What's new: whats-new.md" in nav


def test_whats_new_lists_recent_changes_newest_first(site: Path) -> None:
    page = article(site, "whats-new")
    items = [text_of(li) for li in re.findall(r"<li>(.*?)</li>", page, flags=re.S)]
    assert [item.split(" · ")[:2] for item in items] == [
        ["22 Nov 2026", "Updated"], ["20 Nov 2026", "New"], ["15 Sep 2026", "Updated"]]
    assert items[0].startswith("22 Nov 2026 · Updated · Reply to comments Updated by its owner")
    assert "Fresh guide" in items[1]
    # Written for readers: never the commit subject (a developer's note).
    assert "clearer first step" not in page and "Add the fresh guide" not in page
    assert "&lt;b&gt;" not in page and "<b>all</b>" not in page
    assert 'href="../playbooks/guides/reply-to-comments/"' in page
    assert '<time datetime="2026-11-22">22 Nov 2026</time>' in page


def test_whats_new_window_is_90_days_before_today(repo: Path, tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    site = build_at(repo, tmp_path / "site", "2027-02-17")  # window from 19 Nov 2026
    items = re.findall(r"<li>(.*?)</li>", article(site, "whats-new"), flags=re.S)
    assert [text_of(i).split(" · ")[2].split(" ")[0] for i in items] == ["Reply", "Fresh"]
    # Other days, from the renderer the build uses: one build per day would test no more.
    assert "No playbook was added or changed in the 90 days up to 1 Jun 2027." in text_of(
        whats_new_on(repo, "2027-06-01", monkeypatch))
    items = re.findall(r"<li>(.*?)</li>", whats_new_on(repo, "2026-11-21", monkeypatch),
                       flags=re.S)  # a later commit is not news yet
    assert len(items) == 2 and "Fresh guide" in items[0]


def whats_new_on(repo: Path, today: str, monkeypatch: pytest.MonkeyPatch) -> str:
    """The What's new page's HTML as the build renders it on ``today``."""
    monkeypatch.setenv("HANDBOOK_TODAY", today)
    renderer = Renderer(load_handbook(repo))
    renderer.use_history(file_history(repo), {})
    return renderer.whats_new_page().html


def test_last_changed_date_and_history_link(site: Path) -> None:
    meta = strip(article(site, f"{GUIDES}/reply-to-comments"))
    assert '<time datetime="2026-11-22">22 Nov 2026</time>' in meta
    assert f'<a href="{HISTORY}playbooks/guides/reply-to-comments.yml">history</a>' in meta
    crisis = strip(article(site, f"{CRISIS}/severity-triage"))
    assert '<time datetime="2026-09-15">15 Sep 2026</time>' in crisis


def test_no_history_link_without_repo_url(repo: Path, tmp_path: Path) -> None:
    project = tmp_path / "handbook"
    shutil.copytree(repo, project)
    config = project / "mkdocs.yml"
    config.write_text(re.sub(r"^(repo_url|edit_uri):.*\n", "", config.read_text(), flags=re.M))
    site = build_ok(project, tmp_path / "site")
    meta = strip(article(site, f"{GUIDES}/reply-to-comments"))
    assert '<time datetime="2026-11-22">22 Nov 2026</time>' in meta
    assert "history</a>" not in meta


def test_uncommitted_change_shows_no_date(repo: Path, tmp_path: Path) -> None:
    project = tmp_path / "handbook"
    shutil.copytree(repo, project)
    reply = project / GUIDES / "reply-to-comments.yml"
    reply.write_text(reply.read_text(encoding="utf-8") + "# a local edit\n", encoding="utf-8")
    site = build_ok(project, tmp_path / "site")
    meta = text_of(strip(article(site, f"{GUIDES}/reply-to-comments")))
    assert "Last changed not yet committed" in meta and "22 Nov 2026" not in meta
    news = text_of(article(site, "whats-new"))
    assert "Reply to comments" not in news and "Fresh guide" in news


def test_shallow_clone_shows_no_dates_and_builds(repo: Path, tmp_path: Path) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", "--depth", "1", repo.as_uri(), str(clone))
    assert git(clone, "rev-parse", "--is-shallow-repository").strip() == "true"
    result = mkdocs_build(clone, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    no_traceback(result)
    site = tmp_path / "site"
    for page in (f"{GUIDES}/reply-to-comments", f"{CRISIS}/severity-triage"):
        html = article(site, page)
        assert "Last changed" not in html and "history</a>" not in html
    assert "Review overdue since 29 Sep 2026" in article(site, f"{CRISIS}/severity-triage")
    assert "The change history is not available in this copy of the handbook" in text_of(
        article(site, "whats-new"))


def test_outside_git_builds_without_dates(tmp_path: Path) -> None:
    project = make_handbook(tmp_path / "handbook")
    # even if the temp dir lies inside some repository, git must not look above it
    site = build_at(project, tmp_path / "site", TODAY, GIT_CEILING_DIRECTORIES=str(tmp_path))
    assert "Last changed" not in article(site, f"{GUIDES}/reply-to-comments")
    assert "not available" in article(site, "whats-new")
    assert "Severity triage" in article(site, "review-queue")


def build_at(project: Path, site: Path, today: str, **env: str) -> Path:
    """Build with another "today" (HANDBOOK_TODAY)."""
    return build_ok(project, site, HANDBOOK_TODAY=today, **env)
