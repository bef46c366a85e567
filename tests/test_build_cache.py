"""The harness's build cache (build_cache.py) changes nothing a build gives."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from build_cache import COMPILED, ORIGINAL, ORIGINAL_ENV, add_files_from_theme
from conftest import MINI, REPO, build_ok
from mkdocs.config import load_config
from mkdocs.structure.files import Files, get_files
from mkdocs.theme import Theme


def _theme_files(config_file: Path, add) -> list[tuple[str, str]]:  # noqa: ANN001
    config = load_config(str(config_file))
    files = get_files(config)
    add(files, config.theme.get_env(), config)
    return [(file.src_uri, file.abs_src_path) for file in files]


@pytest.mark.parametrize("project", [REPO, MINI], ids=["repository", "mini"])
def test_same_files_in_the_same_order_as_mkdocs(project: Path) -> None:
    expected = _theme_files(project / "mkdocs.yml", ORIGINAL)
    assert len(expected) > 40
    assert _theme_files(project / "mkdocs.yml", add_files_from_theme) == expected
    assert _theme_files(project / "mkdocs.yml", add_files_from_theme) == expected  # remembered


def test_overrides_and_docs_files_still_win_and_are_listed_afresh(mini: Path) -> None:
    project, config = mini, mini / "mkdocs.yml"
    config.write_text(config.read_text().replace(
        "  name: material\n", "  name: material\n  custom_dir: overrides\n", 1))
    (project / "overrides").mkdir()
    _theme_files(config, add_files_from_theme)  # the installed folders are remembered
    # An override of one of Material's assets, a new asset, and a docs file that a theme
    # file of the same path must not replace.
    for name in ("assets/images/favicon.png", "assets/new.css"):
        (project / "overrides" / name).parent.mkdir(parents=True, exist_ok=True)
        (project / "overrides" / name).write_bytes(b"x")
    (project / "docs" / "assets" / "javascripts").mkdir(parents=True, exist_ok=True)
    bundle = next(uri for uri, _ in _theme_files(config, ORIGINAL)
                  if uri.startswith("assets/javascripts/bundle."))
    (project / "docs" / bundle).write_text("// the project's own", encoding="utf-8")
    expected = _theme_files(config, ORIGINAL)
    got = dict(_theme_files(config, add_files_from_theme))
    assert list(got.items()) == expected
    assert got["assets/images/favicon.png"] == str(project / "overrides/assets/images/favicon.png")
    assert got["assets/new.css"] == str(project / "overrides/assets/new.css")
    assert got[bundle] == str(project / "docs" / bundle)
    assert Files.add_files_from_theme is add_files_from_theme  # the suite's builds use it


def _files(site: Path) -> dict[str, bytes]:
    return {str(p.relative_to(site)): p.read_bytes() for p in sorted(site.rglob("*"))
            if p.is_file()}


def test_a_build_gives_the_same_site_as_without_the_cache(
        mini: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    build_ok(mini, tmp_path / "warm")  # the caches hold this handbook's theme now
    cached = _files(build_ok(mini, tmp_path / "cached"))
    monkeypatch.setattr(Files, "add_files_from_theme", ORIGINAL)
    monkeypatch.setattr(Theme, "get_env", ORIGINAL_ENV)
    plain = _files(build_ok(mini, tmp_path / "plain"))
    assert len(plain) > 100 and cached.keys() == plain.keys()
    assert [name for name in plain if cached[name] != plain[name]] == []


def test_a_changed_template_is_compiled_again(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """Environments sharing the harness's compiled templates reuse an unchanged
    template's code and compile a changed one again."""
    compiled: list[str] = []
    compile_ = jinja2.Environment.compile

    def compile_and_note(env: jinja2.Environment, source: str, *args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        compiled.append(source)
        return compile_(env, source, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", compile_and_note)
    template = tmp_path / "hello.html"
    for text, shown in [("first {{ 1 + 1 }}", "first 2"), ("second {{ 2 + 2 }}", "second 4"),
                        ("second {{ 2 + 2 }}", "second 4")]:
        template.write_text(text, encoding="utf-8")
        env = jinja2.Environment(loader=jinja2.FileSystemLoader([tmp_path]),
                                 bytecode_cache=COMPILED)
        assert env.get_template("hello.html").render() == shown
    assert compiled == ["first {{ 1 + 1 }}", "second {{ 2 + 2 }}"]  # the third was kept
    assert Theme.get_env is not ORIGINAL_ENV  # the suite's builds use it
