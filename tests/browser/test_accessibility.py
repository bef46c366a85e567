"""axe-core finds no serious or critical problems on each kind of page, light and dark.

With ``make screenshots``, each page's first 1366x768 screen is also saved (light, dark;
the review-*-1366 ones are copies of light ones) under test-artifacts/screenshots/ for a
person to look at; test_reader_under_pressure.py's phone walk saves the 375 px one and
checks that none of them scrolls sideways on a phone.
"""

from __future__ import annotations

import shutil

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import shot
from .helpers import DESKTOP, PAGES, REVIEW

AXE = Axe()


# The axe rules that read colours: the only ones whose answer can change between the
# light and dark schemes, which are the same HTML with different colour variables.
COLOUR_RULES = ["color-contrast", "link-in-text-block"]


#: The site navigation: the same links on every page, checked with the home page.
NAVIGATION = ".md-sidebar--primary"


def _problems(page, rules: list[str] | None = None, *,  # noqa: ANN001 - Playwright page
              navigation: bool = True) -> list[str]:
    """axe-core's serious and critical violations on the open page (``rules``: only
    those; ``navigation=False``: the site navigation left out, checked elsewhere).

    axe is injected once per page load, not once per run as Axe.run does.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(AXE.axe_script)
    options: dict = {"resultTypes": ["violations"]}
    if rules:
        options["runOnly"] = {"type": "rule", "values": rules}
    scope = {"exclude": [[NAVIGATION]]} if not navigation else None
    violations = page.evaluate(
        "([scope, options]) => axe.run(scope || document, options)"
        ".then(results => results.violations)", [scope, options])
    return [f"{v['id']} ({v['impact']}): {v['help']}\n    "
            + "\n    ".join(f"{n['target']}: {n['html'][:160]}" for n in v["nodes"][:5])
            for v in violations if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_accessibility_problems(page, name: str, base_url: str) -> None:  # noqa: ANN001
    page.set_viewport_size(DESKTOP)
    _no_serious_problems(page, name, base_url)


def _no_serious_problems(page, name: str, base_url: str) -> None:  # noqa: ANN001
    """Every rule in light, then the colour rules in dark, on one page load.

    The dark scheme is the same HTML with Material's palette switched (the body's
    data-md-color-* attributes select other colour variables), which the reader's
    toggle does without a reload exactly as a dark system preference does on load
    (that path, with every rule: test_a_dark_system_preference_opens_pages_dark).
    Only rules that read colours can answer differently in dark, so every page is
    still checked in both schemes, for one page load instead of two.
    """
    page.goto(base_url + PAGES[name])
    assert page.get_attribute("body", "data-md-color-scheme") == "default"
    light = shot(page, f"{name}-light")
    for review in (r for r, kind in REVIEW.items() if kind == name and light):
        shutil.copy(light, light.with_name(f"review-{review}-{DESKTOP['width']}.png"))
    # The navigation is the same on every page: axe reads it on the home page only.
    navigation = name == "home"
    problems = {"light": _problems(page, navigation=navigation)}
    page.get_by_title("Switch to dark mode").click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    page.wait_for_timeout(300)  # let colour transitions (125-250 ms) finish before axe reads them
    shot(page, f"{name}-dark")
    problems["dark"] = _problems(page, COLOUR_RULES, navigation=navigation)
    assert problems == {"light": [], "dark": []}, "\n".join(
        f"{scheme}: {problem}" for scheme, found in problems.items() for problem in found)


def test_a_dark_system_preference_opens_pages_dark(page, base_url: str) -> None:  # noqa: ANN001
    page.emulate_media(color_scheme="dark")
    page.goto(base_url)
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    assert _problems(page) == []
