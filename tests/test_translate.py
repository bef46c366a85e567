"""Translations beside their English file: shape, staleness, overlay and the two commands."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, handbook, no_traceback

from playbook_handbook.index.handbook import load_handbook
from playbook_handbook.translate.fields import texts
from playbook_handbook.translate.overlay import localize, state_of

TRANSLATIONS = FIXTURES / "translations"
INVALID = sorted((TRANSLATIONS / "invalid").glob("*.tr.yml"))
EXPECT = re.compile(r"# expect: (\d+):(\d+) ([a-z-]+) \| (.+)")
REL = "playbooks/guides/reply-to-comments.tr.yml"
ENGLISH = "playbooks/guides/reply-to-comments.yml"


def place(mini: Path, fixture: Path, rel: str = REL) -> Path:
    target = mini / rel
    shutil.copy(fixture, target)
    return target


@pytest.mark.parametrize("fixture", INVALID, ids=lambda p: p.name.removesuffix(".tr.yml"))
def test_invalid_translation_reports_exact_position(mini: Path, fixture: Path) -> None:
    line, column, rule, message = EXPECT.match(fixture.read_text().splitlines()[0]).groups()
    place(mini, fixture)
    result = handbook("check", "--root", str(mini), str(mini / REL))
    assert result.returncode == 1
    assert f"{REL}:{line}:{column}: error: {message} ({rule})" in result.stdout.splitlines()
    no_traceback(result)


def test_current_translation_checks_clean_and_shows_in_its_edition(mini: Path) -> None:
    place(mini, TRANSLATIONS / "valid" / "reply-to-comments.tr.yml")
    result = handbook("check", "--strict", "--root", str(mini))
    assert result.returncode == 0, result.stdout
    book = load_handbook(mini)
    turkish = localize(book, "tr")
    english = book.playbooks["reply-to-comments"].playbook
    shown = turkish.playbooks["reply-to-comments"].playbook
    assert shown.title == "Yorumlara yanıt verin"
    assert shown.steps[0].details.startswith("Bir ekip arkadaşınızı")
    # Ids, owners, anchors and dates stay the English file's.
    assert (shown.owner, shown.steps[1].anchor, shown.last_reviewed) == (
        english.owner, english.steps[1].anchor, english.last_reviewed)
    assert english.title == "Reply to comments"  # the English edition is untouched
    assert state_of(turkish, ENGLISH).state == "current"
    assert state_of(book, ENGLISH) is None
    # A file with no translation shows its English, and says so.
    triage = "playbooks/crisis-handling/severity-triage.yml"
    assert state_of(turkish, triage).state == "missing"
    shown = turkish.playbooks["severity-triage"].playbook
    assert shown == book.playbooks["severity-triage"].playbook


def test_changing_an_english_field_flags_exactly_that_translation(mini: Path) -> None:
    place(mini, TRANSLATIONS / "valid" / "reply-to-comments.tr.yml")
    handbook("new", "translation", "severity-triage", "--root", str(mini))
    english = mini / ENGLISH
    english.write_text(english.read_text().replace(
        "Check earlier replies so you do not repeat a colleague.",
        "Check earlier replies and the DMs so you do not repeat a colleague."))
    result = handbook("check", "--root", str(mini))
    stale = [line for line in result.stdout.splitlines() if "(translation-stale)" in line]
    assert stale == [
        f"{REL}:12:14: warning: steps[1].details: the English changed after this was "
        f"translated; update the translation, then run: handbook translated {REL} "
        "(translation-stale)"]
    assert result.returncode == 0
    assert handbook("check", "--strict", "--root", str(mini)).returncode == 1
    turkish = localize(load_handbook(mini), "tr")
    assert state_of(turkish, ENGLISH).stale_fields == ("steps[1].details",)
    # handbook stale lists it with the English file's owner, and fails.
    listed = handbook("stale", "--root", str(mini), "--today", "2026-11-01")
    assert f"{REL}: @community, translation stale (steps[1].details)" in listed.stdout
    assert listed.returncode == 1
    # Recording the translation as up to date makes it current again.
    assert handbook("translated", REL, "--root", str(mini)).returncode == 0
    assert handbook("check", "--strict", "--root", str(mini)).returncode == 0


def test_new_translation_is_a_clean_skeleton_that_shows_the_english(mini: Path) -> None:
    result = handbook("new", "translation", "reply-to-comments", "--root", str(mini))
    assert result.returncode == 0, result.stderr
    written = (mini / REL).read_text()
    assert "# en: Read the whole thread first" in written
    assert not re.search(r"^\s*(owner|anchor|id|last_reviewed):", written, re.MULTILINE)
    assert handbook("check", "--strict", "--root", str(mini)).returncode == 0
    turkish = localize(load_handbook(mini), "tr")
    state = state_of(turkish, ENGLISH)
    assert state.state == "partial"
    english = load_handbook(mini).playbooks["reply-to-comments"].playbook
    assert state.missing_fields == tuple(t.name for t in texts(english))
    # Never over an existing file.
    again = handbook("new", "translation", "reply-to-comments", "--root", str(mini))
    assert again.returncode == 2 and "already exists" in again.stderr
    assert (mini / REL).read_text() == written


@pytest.mark.parametrize(("language", "message"), [
    ("de", "handbook new: the site has no 'de' edition to show this translation in "
     "(editions: tr); its interface words go in playbook_handbook/render/locales/de/ and "
     "the language in the handbook plugin's languages in mkdocs.yml first"),
    ("en", "handbook new: 'en' is not a language code like tr (English is the source "
     "language)"),
])
def test_new_translation_only_in_a_language_the_site_builds(mini: Path, language: str,
                                                            message: str) -> None:
    result = handbook("new", "translation", "reply-to-comments", "--language", language,
                      "--root", str(mini))
    assert (result.returncode, result.stderr.strip()) == (2, message)
    assert not list((mini / "playbooks").rglob(f"*.{language}.yml"))


def test_a_made_from_entry_for_no_translated_field_is_reported_until_recorded(
        mini: Path) -> None:
    """A field removed from the translation (or renamed in the English) leaves its
    fingerprint behind: check names it at its line; handbook translated drops it."""
    target = place(mini, TRANSLATIONS / "valid" / "reply-to-comments.tr.yml")
    text = target.read_text(encoding="utf-8")
    target.write_text(text.replace('  "templates[1].text": "2e03b117f4"\n',
                                   '  "templates[1].text": "2e03b117f4"\n'
                                   '  "steps[9].title": "0123456789"\n'), encoding="utf-8")
    line = target.read_text(encoding="utf-8").splitlines().index(
        '  "steps[9].title": "0123456789"') + 1
    result = handbook("check", "--strict", "--root", str(mini))
    assert result.returncode == 1
    assert [out for out in result.stdout.splitlines() if out.startswith(REL)] == [
        f"{REL}:{line}:3: warning: made_from: steps[9].title is not a field this file "
        f"translates; run: handbook translated {REL} (translation-stale)"]
    assert handbook("translated", REL, "--root", str(mini)).returncode == 0
    assert "steps[9]" not in target.read_text(encoding="utf-8")
    assert handbook("check", "--strict", "--root", str(mini)).returncode == 0


def test_translated_refuses_a_translation_with_errors(mini: Path) -> None:
    target = place(mini, TRANSLATIONS / "invalid" / "shared-field.tr.yml")
    before = target.read_text()
    result = handbook("translated", REL, "--root", str(mini))
    assert result.returncode == 1
    assert "has 1 error" in result.stderr
    assert target.read_text() == before


def test_definitions_and_vocabularies_translate_by_id(mini: Path) -> None:
    assert handbook("new", "translation", "crisis-roles", "--root", str(mini)).returncode == 0
    target = mini / "definitions" / "crisis-roles.tr.yml"
    text = target.read_text()
    first = re.search(r"  - id: ([a-z-]+)\n    # en: .*\n    name:", text)
    assert first, text
    target.write_text(f"language: tr\nroles:\n  - id: {first[1]}\n    name: Olay sorumlusu\n")
    handbook("translated", "definitions/crisis-roles.tr.yml", "--root", str(mini))
    assert handbook("check", "--strict", "--root", str(mini)).returncode == 0
    turkish = localize(load_handbook(mini), "tr")
    assert turkish.definitions.roles[first[1]].name == "Olay sorumlusu"


def test_a_translation_without_its_english_file_is_reported(mini: Path) -> None:
    place(mini, TRANSLATIONS / "valid" / "reply-to-comments.tr.yml",
          "playbooks/guides/reply-to-coments.tr.yml")
    result = handbook("check", "--root", str(mini))
    assert ("playbooks/guides/reply-to-coments.tr.yml:1:1: error: there is no "
            "playbooks/guides/reply-to-coments.yml for this file to translate; rename it after "
            "its English file (x.yml -> x.tr.yml) or delete it (translation-field)"
            ) in result.stdout.splitlines()


def test_ids_handles_and_dates_are_not_text(mini: Path) -> None:
    english = load_handbook(mini).playbooks["reply-to-comments"].playbook
    names = {t.name for t in texts(english)}
    assert {"title", "summary", "steps[1].title", "templates[1].text"} <= names
    assert not {n for n in names if n.split(".")[-1] in
                ("id", "owner", "anchor", "url", "last_reviewed", "networks", "surface")}


def test_translated_text_gets_the_content_checks_at_its_own_line(mini: Path) -> None:
    target = place(mini, TRANSLATIONS / "valid" / "reply-to-comments.tr.yml")
    text = target.read_text()
    long_reply = "Bize yazdığınız için çok teşekkür ederiz. " * 60  # over Instagram's 2,200
    text = text.replace("text: Bize yazdığınız için teşekkürler, {name}! Bunu ekibe ilettik.",
                        f"text: {long_reply.strip()}")
    text = text.replace("answer: Yanıt için sipariş numarası ya da başka kişisel veri "
                        "gerektiğinde.", "answer: Sipariş numarası gerektiğinde; 0532 123 45 67 "
                        "numaralı telefonu arayın.")
    target.write_text(text)
    lines = handbook("check", "--root", str(mini)).stdout.splitlines()
    too_long = [line for line in lines if line.endswith("(text-too-long)")]
    assert len(too_long) == 1 and too_long[0].startswith(f"{REL}:22:11: warning: ")
    personal = [line for line in lines if line.endswith("(personal-data)")]
    assert len(personal) == 1 and personal[0].startswith(f"{REL}:9:13: warning: ")


def test_turkish_lists_follow_the_turkish_alphabet() -> None:
    from playbook_handbook.translate.collation import lower, sort_key

    words = ["Ölçüm", "Içerik", "Çalışma", "İlk saat", "Hedef", "Ğ", "Zaman", "Cevap", "Ulaş"]
    assert sorted(words, key=lambda w: sort_key(w, "tr")) == [
        "Cevap", "Çalışma", "Ğ", "Hedef", "Içerik", "İlk saat", "Ölçüm", "Ulaş", "Zaman"]
    assert lower("İLK IŞIK", "tr") == "ilk ışık"
    assert lower("İLK IŞIK", "en") != "ilk ışık"


def test_a_page_translation_goes_stale_when_its_english_page_changes(mini: Path) -> None:
    assert handbook("check", "--strict", "--root", str(mini)).returncode == 0
    english = mini / "docs" / "index.md"
    english.write_text(english.read_text() + "\nOne more English sentence.\n")
    result = handbook("check", "--root", str(mini))
    stale = [line for line in result.stdout.splitlines() if "(translation-stale)" in line]
    assert len(stale) == 1 and stale[0].startswith("docs/index.tr.md:3:1: warning: the English "
                                                   "page docs/index.md changed"), stale
    listed = handbook("stale", "--root", str(mini), "--today", "2026-11-01").stdout
    assert "docs/index.tr.md: (no owner), translation stale (page)" in listed
    assert "docs/tags.tr.md: (no owner), translation missing" in listed
    translation = mini / "docs" / "index.tr.md"
    body = translation.read_text().split("---", 2)[2]
    assert handbook("translated", "docs/index.tr.md", "--root", str(mini)).returncode == 0
    assert translation.read_text().split("---", 2)[2] == body  # only made_from changes
    assert handbook("check", "--strict", "--root", str(mini)).returncode == 0


def test_the_contributor_guide_has_a_translation_checked_like_a_page(mini: Path) -> None:
    from playbook_handbook.site import contributing

    (mini / "CONTRIBUTING.md").write_text("# Contributing\n\nEdit the YAML.\n")
    assert contributing.translation_state(mini, "tr").state == "missing"
    assert "translation missing" in handbook("stale", "--root", str(mini)).stdout
    (mini / "CONTRIBUTING.tr.md").write_text("# Katkıda bulunun\n\nYAML'ı düzenleyin.\n")
    stale = [line for line in handbook("check", "--root", str(mini)).stdout.splitlines()
             if line.startswith("CONTRIBUTING.tr.md:")]
    assert stale == ["CONTRIBUTING.tr.md:1:1: warning: made_from does not record which English "
                     "this was translated from; run: handbook translated CONTRIBUTING.tr.md "
                     "(translation-stale)"]
    assert handbook("translated", "CONTRIBUTING.tr.md", "--root", str(mini)).returncode == 0
    assert contributing.translation_state(mini, "tr").state == "current"
    page = contributing.page(mini, None, None, "tr")
    assert "# Katkıda bulunun" in page and "made_from" not in page
    assert "# Contributing" in contributing.page(mini, None, None)
    assert handbook("check", "--strict", "--root", str(mini)).returncode == 0


def test_a_translation_linking_outside_the_repository_is_not_read(mini: Path,
                                                                    tmp_path: Path) -> None:
    outside = tmp_path / "secret.yml"
    outside.write_text("language: tr\ntitle: SECRET-TEXT-OUTSIDE\n", encoding="utf-8")
    (mini / REL).symlink_to(outside)
    result = handbook("check", "--root", str(mini))
    assert result.returncode == 1
    assert f"{REL}:1:1: error: this is a link to a file outside the repository; copy the " \
        "translation beside its English file instead (symlink)" in result.stdout.splitlines()
    book = load_handbook(mini)
    assert "SECRET-TEXT-OUTSIDE" not in repr(book.translations)
    no_traceback(result)


def test_a_page_translation_without_its_english_page_is_reported(mini: Path) -> None:
    (mini / "docs" / "ghost.tr.md").write_text("# Hayalet\n", encoding="utf-8")
    result = handbook("check", "--root", str(mini))
    assert result.returncode == 1
    assert "docs/ghost.tr.md:1:1: error: there is no docs/ghost.md for this page to " \
        "translate; rename it after its English page (x.md -> x.tr.md) or delete it " \
        "(translation-field)" in result.stdout.splitlines()
    no_traceback(result)


@pytest.mark.parametrize(("name", "message"), [
    ("reply-to-comments.en.yml", "en is the language of the English files; name a "
     "translation after its own language (reply-to-comments.tr.yml)"),
    ("reply-to-comments.TR.yml", "write the language code in lower case "
     "(reply-to-comments.tr.yml)"),
])
def test_a_translation_named_for_english_or_in_capitals_is_reported(
        mini: Path, name: str, message: str) -> None:
    rel = f"playbooks/guides/{name}"
    text = (TRANSLATIONS / "valid" / "reply-to-comments.tr.yml").read_text(encoding="utf-8")
    (mini / rel).write_text(text.replace("language: tr", "language: en"), encoding="utf-8")
    result = handbook("check", "--root", str(mini))
    assert result.returncode == 1
    assert f"{rel}:1:1: error: {message} (translation-field)" in result.stdout.splitlines()
    assert not any(language == "en" for language in load_handbook(mini).translations)
    no_traceback(result)


@pytest.mark.parametrize("name", ["reply-to-comments.tr.tr.yml", "reply-to-comments.v2.yml"])
def test_a_file_name_with_another_dot_is_named_as_such_not_validated(mini: Path,
                                                                     name: str) -> None:
    rel = f"playbooks/guides/{name}"
    text = (TRANSLATIONS / "valid" / "reply-to-comments.tr.yml").read_text(encoding="utf-8")
    (mini / rel).write_text(text, encoding="utf-8")
    result = handbook("check", "--root", str(mini))
    assert result.returncode == 1
    assert [line for line in result.stdout.splitlines() if line.startswith(rel)] == [
        f"{rel}:1:1: error: the handbook does not read {name}: a playbook or path file is "
        "named after its id (reply-to-comments.yml) and a translation of it adds its "
        "language (reply-to-comments.tr.yml); rename the file (file-name)"]
    no_traceback(result)


def test_translated_never_writes_a_page_outside_the_repository(mini: Path,
                                                               tmp_path: Path) -> None:
    other = tmp_path / "other" / "docs"
    other.mkdir(parents=True)
    (other / "x.md").write_text("# X\n", encoding="utf-8")
    (other / "x.tr.md").write_text("# X tr\n", encoding="utf-8")
    (mini / "docs" / "first-hour.tr.md").unlink()
    (mini / "docs" / "first-hour.tr.md").symlink_to(other / "x.tr.md")
    for given in (str(other / "x.tr.md"), "docs/first-hour.tr.md"):
        result = handbook("translated", "--root", str(mini), given, cwd=mini)
        assert result.returncode == 1, given
        assert "outside the repository" in result.stderr
        assert (other / "x.tr.md").read_text(encoding="utf-8") == "# X tr\n"
        no_traceback(result)


def test_a_translated_title_cannot_take_a_section_heading_id() -> None:
    from types import SimpleNamespace

    from playbook_handbook.mkdocs_compat import TocSettings
    from playbook_handbook.render.html_page import SECTION_IDS, PageState

    renderer = SimpleNamespace(directory_urls=True, toc=TocSettings.from_config(None))
    state = PageState(renderer, "playbooks/x.md", embedded=False)  # type: ignore[arg-type]
    assert "checklist" in SECTION_IDS
    title = state.heading(1, "Checklist")  # a Turkish title that reads like a section
    section = state.heading(2, "Kontrol listesi", id="checklist")
    ids = re.findall(r' id="([^"]+)"', title + section)
    assert len(ids) == 2 and len(set(ids)) == 2 and ids[1] == "checklist"


@pytest.mark.parametrize(("text", "column", "what"), [
    ("# İlk \u202esaat\n", 7, "the invisible direction control U+202E"),
    ("# İlk saat\n\nmetin \x1b[31m\n", 7, "the control character U+001B"),
])
def test_a_page_translation_with_hidden_controls_is_reported(mini: Path, text: str,
                                                             column: int, what: str) -> None:
    page = mini / "docs" / "first-hour.tr.md"
    page.write_text("---\nmade_from: 0\n---\n" + text, encoding="utf-8")
    result = handbook("check", "--root", str(mini))
    assert result.returncode == 1
    line = 4 + text.count("\n", 0, text.index(what[-4:] == "202E" and "\u202e" or "\x1b"))
    hits = [x for x in result.stdout.splitlines() if "(page-text)" in x]
    assert hits == [f"docs/first-hour.tr.md:{line}:{column}: error: {what} hides or reorders "
                    "text on the page; delete it (page-text)"]
    assert "\x1b" not in result.stdout
    no_traceback(result)


def test_a_page_with_a_dot_in_its_name_is_not_a_language(mini: Path) -> None:
    (mini / "docs" / "tags.print.md").write_text("# Tags to print\n", encoding="utf-8")
    result = handbook("stale", "--root", str(mini))
    assert ".print." not in result.stdout
    assert "docs/tags.tr.md" in result.stdout  # the real language is still listed
    no_traceback(result)


def test_a_page_translation_may_not_choose_its_template(mini: Path) -> None:
    page = mini / "docs" / "first-hour.tr.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "made_from:", "template: ../../etc/passwd\nmade_from:", 1), encoding="utf-8")
    result = handbook("check", "--root", str(mini))
    assert "docs/first-hour.tr.md:2:1: error: template: a translation is shown in its " \
        "English page's layout; delete this line (translation-field)" \
        in result.stdout.splitlines()
    no_traceback(result)


def test_a_page_that_is_a_device_or_a_pipe_is_not_read(tmp_path: Path) -> None:
    """A docs page linked to /dev/zero or made a pipe would never end; it reads as none."""
    import os

    from playbook_handbook.translate.pages import read

    (tmp_path / "zero.md").symlink_to("/dev/zero")
    os.mkfifo(tmp_path / "pipe.md")
    assert read(tmp_path / "zero.md") is None and read(tmp_path / "pipe.md") is None
