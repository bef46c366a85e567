"""mkdocs-macros entry point: registers the handbook's macros, nothing else.

The work is done in :mod:`macros.page_macros` over the handbook that the
``handbook`` plugin loaded for this build.
"""

from __future__ import annotations

from . import page_macros


def define_env(env) -> None:  # noqa: ANN001 - mkdocs-macros' env object
    def renderer():
        plugin = env.conf.plugins.get("handbook")
        if plugin is None or plugin.renderer is None:
            raise page_macros.MacroError("the 'handbook' plugin must be listed before 'macros'")
        return plugin.renderer

    def here() -> str:
        return env.page.file.src_uri

    @env.macro
    def playbook_link(playbook_id: str, text: str | None = None) -> str:
        """A Markdown link to a playbook by id (or former id); unknown ids fail the build."""
        return page_macros.playbook_link(renderer(), here(), playbook_id, text)

    @env.macro
    def path_link(path_id: str, text: str | None = None) -> str:
        """A Markdown link to an onboarding path by id."""
        return page_macros.path_link(renderer(), here(), path_id, text)

    @env.macro
    def playbook_list(style: str = "list", **filters: str) -> str:
        """Playbooks filtered by kind, tag, skill, network, level or audience."""
        return page_macros.playbook_list(renderer(), here(), style, **filters)

    @env.macro
    def playbook_section(playbook_id: str, section: str) -> str:
        """One section of a playbook (e.g. severity_levels), embedded in this page."""
        return page_macros.playbook_section(renderer(), here(), playbook_id, section)
