"""Two editions from one build: English at /, Turkish at /tr/ (or the other way round).

Built once per session (the mini handbook, which has editions, current, stale and
missing page translations; this repository): the assertions read the HTML, the
search indexes and the redirects both editions got.
"""

from __future__ import annotations

import json
import os
import re
import threading
from pathlib import Path

import pytest
from conftest import MINI, REPO, build_ok

from playbook_handbook.site.editions import Editions, translate_nav
from playbook_handbook.site.search_folding import fold, folded_words
from playbook_handbook.translate.fingerprint import fingerprint
from playbook_handbook.translate.pages import (
    docs_states,
    is_translation,
    made_from,
    state,
    with_made_from,
)

PLAYBOOK = "playbooks/guides/reply-to-comments/index.html"
ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]+)" hreflang="([a-z]+)">')
SWITCH = re.compile(r'<a href="([^"]+)" hreflang="([a-z]+)" lang="([a-z]+)" '
                    r'class="md-select__link" target="_self"')


def read(site: Path, page: str) -> str:
    return (site / page).read_text(encoding="utf-8")


def html_lang(text: str) -> str:
    match = re.search(r'<html lang="([^"]+)"', text)
    assert match is not None
    return match.group(1)


def resolve(site: Path, page: str, href: str) -> Path:
    """The file a relative link on ``page`` opens (``index.html`` for a folder)."""
    target = (site / page).parent / href.split("#")[0]
    return (target / "index.html" if href.endswith("/") or target.is_dir() else target).resolve()


def test_one_build_makes_both_editions_in_their_languages(mini_site: Path) -> None:
    english, turkish = read(mini_site, "index.html"), read(mini_site, "tr/index.html")
    assert html_lang(english) == "en" and html_lang(turkish) == "tr"
    # Material's own Turkish interface strings.
    assert 'placeholder="Ara"' in turkish and 'placeholder="Search"' in english
    assert 'aria-label="Dil seç"' in turkish
    assert 'title="Kalıcı bağlantı"' in read(mini_site, "tr/" + PLAYBOOK)
    assert 'title="Permanent link"' in read(mini_site, PLAYBOOK)
    assert (mini_site / "tr" / PLAYBOOK).is_file()
    assert (mini_site / "tr/cards/severity-triage/index.html").is_file()
    # The site's name in the edition's language (site_name_translations).
    assert "<title>Mini el kitabı</title>" in turkish
    assert "<title>Mini handbook</title>" in english


@pytest.mark.parametrize("page", ["index.html", PLAYBOOK, "first-hour/index.html",
                                  "tags/index.html", "cards/severity-triage/index.html"])
def test_every_page_links_its_counterpart_with_hreflang(mini_site: Path, page: str) -> None:
    for edition, other in (("", "tr/"), ("tr/", "")):
        text = read(mini_site, edition + page)
        head = dict((lang, href) for href, lang in ALTERNATE.findall(text))
        switch = {lang: href for href, lang, attr in SWITCH.findall(text) if lang == attr}
        assert head.keys() == switch.keys() == {"en", "tr"}, page
        other_lang = "tr" if other else "en"
        expected = (mini_site / (other + page)).resolve()
        assert resolve(mini_site, edition + page, head[other_lang]) == expected
        assert resolve(mini_site, edition + page, switch[other_lang]) == expected
        here = "tr" if edition else "en"
        assert resolve(mini_site, edition + page, head[here]) == (mini_site / edition / page
                                                                  ).resolve()


def test_the_switch_marks_the_edition_being_read(mini_site: Path) -> None:
    turkish = read(mini_site, "tr/" + PLAYBOOK)
    assert re.search(r'hreflang="tr" lang="tr" class="md-select__link" target="_self" '
                     r'aria-current="true"', turkish)
    assert not re.search(r'hreflang="en"[^>]*aria-current', turkish)


def test_each_edition_searches_in_its_language(mini_site: Path) -> None:
    english = json.loads(read(mini_site, "search/search_index.json"))
    turkish = json.loads(read(mini_site, "tr/search/search_index.json"))
    assert english["config"]["lang"] == ["en", "tr"]  # as mkdocs.yml says
    assert turkish["config"]["lang"] == ["tr"]
    # Folded words let "ilk saat" find "İlk saat" and "sikayet" find "şikayet".
    entry = next(d for d in turkish["docs"] if d["location"] == "first-hour/")
    assert entry["title"].startswith("İlk saat")
    assert {"ilk", "sikayet", "musteri"} <= set(entry["body"].split())
    # Notices stay out of the index; the English index gets no folded words.
    assert not any("çevrilmedi" in d["text"] + d.get("body", "") for d in turkish["docs"])
    assert "sikayet" not in json.dumps(english)


def test_go_links_work_in_both_editions(mini_site: Path) -> None:
    for edition in ("", "tr/"):
        for go in ("reply-to-comments", "answering-comments"):  # the id and a former id
            page = f"{edition}go/{go}/index.html"
            target = re.search(r'<link rel="canonical" href="([^"]+)"', read(mini_site, page))
            assert target is not None
            assert resolve(mini_site, page, target.group(1)) == (mini_site / edition / PLAYBOOK
                                                                 ).resolve()


def test_a_translated_page_shows_its_translation_without_notice(mini_site: Path) -> None:
    turkish, english = read(mini_site, "tr/first-hour/index.html"), read(
        mini_site, "first-hour/index.html")
    assert "İlk saat: şikayet fırtınası" in turkish and "complaint storm" not in turkish
    assert "handbook-translation-notice" not in turkish
    assert "First hour of a complaint storm" in english and "şikayet" not in english


def test_a_stale_translation_says_so_and_links_the_english_page(mini_site: Path) -> None:
    turkish = read(mini_site, "tr/index.html")
    assert "Mini el kitabı" in turkish  # the (stale) translation is still shown
    notice = re.search(r'data-translation-state="stale">\s*<p>([^<]+)<a href="([^"]+)" '
                       r'hreflang="en"', turkish)
    assert notice is not None
    assert notice.group(1).strip() == "Bu çeviri İngilizce sayfadan daha eski."
    assert resolve(mini_site, "tr/index.html", notice.group(2)) == (mini_site / "index.html"
                                                                    ).resolve()


def test_a_missing_translation_shows_the_english_text_with_a_notice(mini_site: Path) -> None:
    turkish = read(mini_site, "tr/tags/index.html")
    notice = re.search(r'data-translation-state="missing">\s*<p>([^<]+)<a href="([^"]+)"',
                       turkish)
    assert notice is not None
    assert notice.group(1).strip() == ("Bu sayfa henüz Türkçeye çevrilmedi; "
                                       "İngilizcesini gösteriyoruz.")
    assert resolve(mini_site, "tr/tags/index.html", notice.group(2)) == (
        mini_site / "tags/index.html").resolve()
    assert "handbook-translation-notice" not in read(mini_site, "tags/index.html")


def test_a_page_translation_that_is_a_pipe_shows_the_english(mini: Path, tmp_path: Path) -> None:
    """A pipe (or a link to one) in the place of a page translation would never end the
    build: it reads as no translation, and the Turkish edition shows the English."""
    translation = mini / "docs" / "first-hour.tr.md"
    translation.unlink()
    os.mkfifo(translation)

    def unblock() -> None:  # a build that opened the pipe fails instead of hanging
        with open(os.open(translation, os.O_WRONLY), "w"):
            pass

    guard = threading.Timer(20, unblock)
    guard.daemon = True
    guard.start()
    try:
        site = build_ok(mini, tmp_path / "site")
    finally:
        guard.cancel()
    turkish = read(site, "tr/first-hour/index.html")
    assert 'data-translation-state="missing"' in turkish
    assert "decides how the story is told" in turkish


def test_no_edition_has_a_page_for_a_translation_file(mini_site: Path) -> None:
    pages = [p.relative_to(mini_site).as_posix() for p in mini_site.rglob("*.html")]
    assert not [p for p in pages if ".tr" in p]
    english_index = json.loads(read(mini_site, "search/search_index.json"))
    assert not any("Mini el kitabı" in d["title"] + d["text"] for d in english_index["docs"])
    assert "Mini el kitabı" not in read(mini_site, "index.html")


def test_the_default_language_setting_puts_turkish_at_the_root(
        mini_tr_default_site: Path) -> None:
    site = mini_tr_default_site
    assert html_lang(read(site, "index.html")) == "tr"
    assert html_lang(read(site, "en/index.html")) == "en"
    assert "İlk saat" in read(site, "first-hour/index.html")
    assert "complaint storm" in read(site, "en/first-hour/index.html")
    text = read(site, PLAYBOOK)
    english = dict((lang, href) for href, lang in ALTERNATE.findall(text))["en"]
    assert resolve(site, PLAYBOOK, english) == (site / "en" / PLAYBOOK).resolve()
    assert (site / "en/go/reply-to-comments/index.html").is_file()
    assert not (site / "tr").exists()


def test_nav_titles_come_from_the_settings(repo_site: Path) -> None:
    turkish, english = read(repo_site, "tr/index.html"), read(repo_site, "index.html")
    nav = re.compile(r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>')
    assert {"Ana sayfa", "Kriz yönetimi", "Beceri haritası"} <= set(nav.findall(turkish))
    assert {"Home", "Crisis handling"} <= set(nav.findall(english))
    assert "Ana sayfa" not in english


# -- the parts, without a build ---------------------------------------------------


def test_page_states_follow_the_fingerprint_of_the_english_file(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("# A\n\nOne.\n", encoding="utf-8")
    (docs / "b.md").write_text("# B\n", encoding="utf-8")
    made = fingerprint("# A\n\nOne.\n")
    (docs / "a.tr.md").write_text(f"---\nmade_from: {made}\n---\n# A tr\n", encoding="utf-8")
    assert [(page, s.state) for page, s in docs_states(docs, "tr")] == [
        ("a.md", "current"), ("b.md", "missing")]
    (docs / "a.md").write_text("# A\n\nTwo.\n", encoding="utf-8")
    assert dict(docs_states(docs, "tr"))["a.md"].state == "stale"
    # Re-wrapping the English is not a change.
    (docs / "a.md").write_text("# A\n\nOne.", encoding="utf-8")
    assert dict(docs_states(docs, "tr"))["a.md"].state == "current"


def test_a_translation_is_marked_up_to_date_without_touching_its_text() -> None:
    english = "# A\n\nOne.\n"
    plain = with_made_from("# A tr\n", english)
    assert plain == f"---\nmade_from: {fingerprint(english)}\n---\n# A tr\n"
    assert state(english, plain).state == "current"
    old = "---\nhide:\n  - toc\nmade_from: 0123456789\n---\n# A tr\n"
    marked = with_made_from(old, english)
    assert marked == old.replace("0123456789", fingerprint(english))
    assert made_from(marked) == fingerprint(english)
    added = with_made_from("---\nhide: [toc]\n---\n# A tr\n", english)
    assert added == f"---\nhide: [toc]\nmade_from: {fingerprint(english)}\n---\n# A tr\n"


def test_the_mini_fixture_pages_have_the_states_the_site_tests_expect() -> None:
    assert [(page, s.state) for page, s in docs_states(MINI / "docs", "tr")] == [
        ("first-hour.md", "current"), ("index.md", "stale"), ("tags.md", "missing")]


def test_translation_files_are_told_apart() -> None:
    assert is_translation("why.tr.md", {"tr"}) and is_translation("a/b.tr.md", {"en", "tr"})
    assert not is_translation("why.md", {"tr"}) and not is_translation("v1.2.md", {"tr"})
    assert not is_translation("why.en.md", {"en"})


def test_folding_matches_what_turkish_teams_type() -> None:
    assert fold("İLK SAAT") == fold("ilk saat") == fold("Ilk saat") == "ilk saat"
    assert fold("Şikâyet") == fold("şikayet") == "sikayet"
    assert fold("ığüşöç") == "igusoc"
    assert folded_words("<p>İlk <b>saat</b> şikayeti</p>") == ["ilk", "sikayeti"]


def test_the_search_query_script_folds_as_the_index_does() -> None:
    script = (REPO / "overrides/partials/search-query.js").read_text(encoding="utf-8")
    letters = re.search(r"var FOLD = \{(.*?)\};", script, re.S)
    assert letters is not None
    pairs = {json.loads(f'"{key}"'): json.loads(f'"{value}"')
             for key, value in re.findall(r'"([^"]+)": "([^"]*)"', letters.group(1))}
    assert len(pairs) == 10
    for letter, ascii_ in pairs.items():
        assert fold(letter) == ascii_, letter


def test_editions_link_counterparts_and_translate_the_nav() -> None:
    editions = Editions.from_settings(["en", "tr"], "en", "tr")
    assert editions.counterpart("en", "playbooks/x/") == "../../../playbooks/x/"
    assert editions.counterpart("tr", "playbooks/x/") == "./"
    assert Editions.from_settings(["en", "tr"], "en", None).counterpart("tr", "") == "tr/"
    assert editions.counterpart("en", "") == "../"
    assert Editions.from_settings(["en", "tr"], "en", None).others == ("tr",)
    assert editions.others == ()
    assert editions.other_site_url("https://x.org/hb/", "tr") == "https://x.org/hb/tr/"
    nav = [{"Home": "index.md"}, {"Playbooks": ["playbooks/index.md", {"Guides": "g.md"}]}]
    assert translate_nav(nav, {"Home": "Ana sayfa", "Guides": "Rehberler"}) == [
        {"Ana sayfa": "index.md"}, {"Playbooks": ["playbooks/index.md", {"Rehberler": "g.md"}]}]


# -- generated pages: the notice follows the YAML translation's state (state_of) -----


@pytest.fixture(scope="module")
def yaml_states_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The mini handbook built once with ``state_of`` saying: reply-to-comments' Turkish
    is stale, severity-triage's partial (the overlay's own tests cover how it decides)."""
    from conftest import build_ok, copy_tree

    from playbook_handbook.site import plugin
    from playbook_handbook.translate.overlay import TranslationState

    states = {"playbooks/guides/reply-to-comments.yml": "stale",
              "playbooks/crisis-handling/severity-triage.yml": "partial"}
    project = copy_tree(MINI, tmp_path_factory.mktemp("yaml-states") / "mini")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(plugin, "state_of", lambda book, rel: TranslationState(
            states.get(rel, "current")) if book is not None else None)
        return build_ok(project, project.parent / "site")


def test_a_generated_page_shows_its_yaml_translation_state(yaml_states_site: Path) -> None:
    site = yaml_states_site
    page = read(site, "tr/" + PLAYBOOK)
    notice = re.search(r'data-translation-state="stale">\s*<p>([^<]+)<a href="([^"]+)"', page)
    assert notice is not None
    assert notice.group(1).strip() == "Bu çeviri İngilizce sayfadan daha eski."
    assert resolve(site, "tr/" + PLAYBOOK, notice.group(2)) == (site / PLAYBOOK).resolve()
    partial = read(site, "tr/playbooks/crisis-handling/severity-triage/index.html")
    assert 'data-translation-state="partial"' in partial
    assert "bazı bölümleri henüz çevrilmedi" in partial
    # English pages and list pages carry none.
    assert "handbook-translation-notice" not in read(site, PLAYBOOK)
    assert "handbook-translation-notice" not in read(site, "tr/playbooks/guides/index.html")
