"""The Turkish edition's interface words: every label the pages print has a Turkish
entry, no entry is left unused, and Turkish pages show Turkish labels and dates,
with the translation notice when a page's translation is stale or missing."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from playbook_handbook.index.handbook import Handbook, load_handbook
from playbook_handbook.mkdocs_compat import TocSettings
from playbook_handbook.model.playbook import KIND_TITLES, Level, Objective, Role
from playbook_handbook.render import locale
from playbook_handbook.render.pages import TEMPLATES, Renderer, words
from playbook_handbook.render.units import Units
from playbook_handbook.site import page_macros
from playbook_handbook.translate import overlay
from playbook_handbook.translate.overlay import TranslationState
from tests.conftest import MINI, REPO

#: Python modules whose ``_("...")`` texts reach the pages.
PYTHON_SOURCES = ("render/pages.py", "render/units.py", "site/page_macros.py")
PACKAGE = Path(locale.__file__).resolve().parent.parent
EDITIONS = {"en": "", "tr": "tr/"}
_PLACEHOLDER = re.compile(r"%\((\w+)\)s")


@pytest.fixture(scope="module")
def book() -> Handbook:
    return load_handbook(MINI)


@pytest.fixture
def tr(book: Handbook, monkeypatch: pytest.MonkeyPatch) -> Renderer:
    monkeypatch.setenv("HANDBOOK_TODAY", "2026-12-02")
    return Renderer(book, language="tr", editions=EDITIONS)


def template_texts(renderer: Renderer) -> set[str]:
    """Every ``_()``/``ngettext()``/``{% trans %}`` text of the templates."""
    texts: set[str] = set()
    site_templates = TEMPLATES.parent.parent / "site" / "templates"  # hand-written pages
    for file in [*TEMPLATES.rglob("*"), *site_templates.rglob("*")]:
        if not file.is_file():
            continue
        env = renderer.html.env
        for _line, _function, message in env.extract_translations(file.read_text("utf-8")):
            for text in message if isinstance(message, tuple) else (message,):
                if text:
                    texts.add(text)
    return texts


def python_texts() -> set[str]:
    """The literal texts of ``_("...")`` calls in the renderer's Python modules, and
    the words Python makes from the model: kind titles, levels, roles, objectives."""
    texts: set[str] = set()
    for name in PYTHON_SOURCES:
        tree = ast.parse((PACKAGE / name).read_text("utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            function = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if function == "_":
                texts.update(arg.value for arg in node.args
                             if isinstance(arg, ast.Constant) and isinstance(arg.value, str))
    texts.update(KIND_TITLES.values())
    texts.add(TocSettings.permalink_title)  # the heading link's tooltip (mkdocs_compat)
    for values in (Level, Role, Objective):
        texts.update(words(value) for value in values.__args__)  # type: ignore[attr-defined]
    return texts


def test_every_page_word_has_a_turkish_entry_and_none_is_unused(book: Handbook) -> None:
    used = template_texts(Renderer(book)) | python_texts()
    assert "Steps" in used and "%(minutes)s min" in used and "Crisis handling" in used
    turkish = locale.catalog("tr")
    assert sorted(used - turkish.keys()) == [], "texts without a Turkish entry"
    assert sorted(turkish.keys() - used) == [], "catalog entries no page uses"


def test_turkish_entries_keep_every_placeholder() -> None:
    for english, turkish in locale.catalog("tr").items():
        assert sorted(_PLACEHOLDER.findall(turkish)) == sorted(_PLACEHOLDER.findall(english)), \
            english
        assert turkish.strip() and turkish != english or english in ("Format", "Playbook"), \
            english


def test_turkish_units() -> None:
    units = Units("tr")
    assert [units.minutes(m) for m in (45, 60, 90, 2880)] == ["45 dk", "1 sa", "1 sa 30 dk",
                                                             "2 gün"]
    assert [units.days_ago(d) for d in (0, 3, -2)] == ["bugün", "3 gün önce", "2 gün sonra"]
    import datetime as dt

    assert units.longdate(dt.date(2026, 12, 2)) == "2 Aralık 2026"
    assert Units("en").longdate(dt.date(2026, 12, 2)) == "2 Dec 2026"


def test_turkish_playbook_page(tr: Renderer, book: Handbook) -> None:
    guide = tr.playbook_page(book.require("reply-to-comments")).html
    for label in ('<h2 id="steps">Adımlar</h2>', '<h2 id="pitfalls">Sık yapılan hatalar</h2>',
                  '<h2 id="templates">Şablonlar</h2>', '<h2 id="self-check">Kendini sına</h2>',
                  '<h2 id="checklist">Kontrol listesi</h2>', '<h2 id="sources">Kaynaklar</h2>',
                  "<strong>Sahibi</strong>", "<strong>Son gözden geçirme</strong>",
                  "1 Ekim 2026", "62 gün önce", "15 dk", "Bunun yerine:", "Temel",
                  ">Rehberler</a>", "Instagram için"):
        assert label in guide
    for english in (">Steps<", ">Owner<", "Oct 2026", " min<", "days ago", "Instead:"):
        assert english not in guide
    crisis = tr.playbook_page(book.require("severity-triage")).html
    for label in ('<h2 id="holding-statements">Bekleme açıklamaları</h2>',
                  '<h2 id="severity-levels">Kriz seviyeleri</h2>', "<th>Seviye</th>",
                  "Hızlı triyaj.", "> Evet</label>", "Seviye 1 · Critical",
                  '30 Haziran 2027</time> tarihine kadar geçerli', "Tek sayfalık kartı yazdır"):
        assert label in crisis
    assert "Respond within" not in crisis and "Quick triage" not in crisis


def test_turkish_crisis_card_and_list_pages(tr: Renderer, book: Handbook) -> None:
    page = tr.card_page(book.require("severity-triage"))
    assert 'title: "Kriz kartı: Severity triage"' in page.front_matter
    card = page.html
    for label in ("<th>Seviye</th>\n<th>Ne zaman</th>\n<th>Yanıt süresi</th>",
                  '<h2 id="card-first-15-minutes">İlk 15 dakika</h2>',
                  ">Kim ne yapar</h2>", "son gözden geçirme 1 Ekim 2026", "Kartı yazdır",
                  ">Playbook'a dön</a>", "30 Haziran 2027 tarihine kadar geçerli",
                  "<strong>15 dk</strong>"):
        assert label in card
    assert {"level": 2, "id": "card-roles", "name": "Kim ne yapar"} in page.toc
    table = tr.playbook_list("index.md", list(book.playbooks.values()), "table")
    assert "<th>Playbook</th>\n<th>Tür</th>\n<th>Seviye</th>\n<th>Süre</th>" in table
    assert "<td>Kriz yönetimi</td>\n<td>Uygulayıcı</td>\n<td>10 dk</td>" in table
    everything = tr.all_playbooks_page()
    assert 'title: "Tüm playbook\'lar"' in everything.front_matter
    assert "<p>Bu türde henüz playbook yok.</p>" in everything.html
    queue = tr.review_queue_page().html
    assert "(2 Aralık 2026 itibarıyla)" in queue and "28 gün sonra" in queue


def test_turkish_path_page_and_tag_table() -> None:
    book = load_handbook(REPO)
    renderer = Renderer(book, language="tr", editions=EDITIONS)
    page = renderer.path_page(next(iter(book.paths.values()))).html
    assert "<strong>Sahibi</strong>" in page and "<strong>Adımlar</strong>" in page
    assert "İlerlemeyi sıfırla" in page
    assert "adımdan 0 tanesi tamam" in page and "> Tamamlandı</label>" in page
    table = page_macros.tag_descriptions(renderer, "tags.md")
    assert "<th>Etiket</th>\n<th>Neleri kapsıyor</th>\n<th>Playbook'lar</th>" in table


def _states(states: dict[str, TranslationState]):
    return lambda book, rel_path: states.get(rel_path)


def test_translation_notice(tr: Renderer, book: Handbook,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    guide, crisis = book.require("reply-to-comments"), book.require("severity-triage")
    monkeypatch.setattr(overlay, "state_of", _states({
        guide.rel_path: TranslationState("stale", stale_fields=("steps[1].details", "summary")),
        crisis.rel_path: TranslationState("missing"),
    }))
    stale = tr.playbook_page(guide).html
    assert ("Bu çeviri İngilizce sayfadan daha eski: şu bölümler değişti: "
            "<code>steps[1].details</code>, <code>summary</code>.") in stale
    # From /tr/playbooks/guides/reply-to-comments/ to /playbooks/guides/reply-to-comments/.
    assert ('<a href="../../../../playbooks/guides/reply-to-comments/" lang="en">'
            "İngilizce sayfayı okuyun</a>") in stale
    assert stale.index("hb-translation-notice") < stale.index('class="hb-summary"')
    missing = tr.playbook_page(crisis).html
    assert "Bu playbook henüz Türkçeye çevrilmedi; İngilizcesini gösteriyoruz." in missing
    card = tr.card_page(crisis).html
    assert "Bu playbook henüz Türkçeye çevrilmedi" in card
    assert 'href="../../../cards/severity-triage/"' in card
    # No state (the English edition, or a current translation): no notice.
    monkeypatch.setattr(overlay, "state_of", _states({
        guide.rel_path: TranslationState("current")}))
    assert "hb-translation-notice" not in tr.playbook_page(guide).html
    assert "hb-translation-notice" not in tr.playbook_page(crisis).html


def test_english_pages_keep_english_words(book: Handbook) -> None:
    page = Renderer(book).playbook_page(book.require("reply-to-comments")).html
    assert '<h2 id="steps">Steps</h2>' in page and "<strong>Owner</strong>" in page
    assert "Adımlar" not in page and "hb-translation-notice" not in page
