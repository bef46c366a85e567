"""axe-core finds no serious or critical problems on each kind of page, light and dark.

Each page is also saved as a screenshot (light, dark, 375 px phone) under
test-artifacts/screenshots/ for a person to look at.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import open_context, shot

PAGES = {
    "home": "",
    "category": "playbooks/crisis-handling/",
    "playbook": "playbooks/crisis-handling/crisis-first-hour/",
    "strategy-playbook": "playbooks/strategy-questions/four-planning-questions/",
    "path": "paths/crisis-on-call-readiness/",
    "tags": "tags/",
    "campaign-playbook": "playbooks/campaign-length/campaign-duration-by-objective/",
    "not-found": "404.html",
}
AXE = Axe()


def _problems(page) -> list[str]:  # noqa: ANN001 - Playwright page
    results = AXE.run(page, options={"resultTypes": ["violations"]})
    return [f"{v['id']} ({v['impact']}): {v['help']}\n    "
            + "\n    ".join(f"{n['target']}: {n['html'][:160]}" for n in v["nodes"][:5])
            for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", list(PAGES))
def test_no_serious_accessibility_problems(browser, watch, name: str, scheme: str,
                                           base_url: str) -> None:  # noqa: ANN001
    with open_context(browser, watch, viewport={"width": 1280, "height": 900},
                  color_scheme=scheme) as context:
        page = context.new_page()
        page.goto(base_url + PAGES[name])
        expected = "slate" if scheme == "dark" else "default"
        assert page.get_attribute("body", "data-md-color-scheme") == expected
        shot(page, f"{name}-{scheme}")
        problems = _problems(page)
        assert not problems, "\n".join(problems)


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_fits_a_375px_phone(phone, name: str, base_url: str) -> None:  # noqa: ANN001
    phone.goto(base_url + PAGES[name])
    widths = phone.evaluate("() => [document.documentElement.scrollWidth,"
                            " document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], f"{name} scrolls sideways: {widths}"
    shot(phone, f"{name}-mobile")
