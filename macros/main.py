"""mkdocs-macros module (``module_name: macros/main``): registers the handbook's macros.

The work is done in :mod:`playbook_handbook.site.page_macros` over the handbook that the
``handbook`` plugin loaded for this build. A macro called with an unknown id
does not print a traceback into the page: the mistake is reported as
``docs/page.md:line:column: error: ...`` and the plugin fails the build.
"""

from __future__ import annotations

import functools

from playbook_handbook.site import page_macros
from playbook_handbook.site.macro_indent import FILTER, placed


def define_env(env) -> None:  # noqa: ANN001 - mkdocs-macros' env object
    def plugin():
        found = env.conf.plugins.get("handbook")
        if found is None or found.renderer is None:
            raise page_macros.MacroError("the 'handbook' plugin must be listed before 'macros'")
        return found

    def macro(function):
        @functools.wraps(function)
        def call(*args, **kwargs):
            handbook = plugin()
            try:
                page_macros.check_call(function, args, kwargs)
                result = function(handbook.renderer, env.page.file.src_uri, *args, **kwargs)
                if isinstance(result, page_macros.Block):  # HTML: placed after Markdown
                    return handbook.fragments.hold(result)
                return result
            except page_macros.MacroError as exc:
                handbook.macro_failed(env.page, env.markdown, function.__name__, args, str(exc))
                return f"**{function.__name__}: {exc}**"
        env.macro(call, function.__name__)
        return call

    def placed_block(output, width: int) -> str:  # noqa: ANN001 - a macro's result
        """An indented section macro's output, its HTML placed after Markdown."""
        return placed(str(output), plugin().fragments.hold, width)

    env.filter(placed_block, FILTER)
    macro(page_macros.playbook_link)
    macro(page_macros.path_link)
    macro(page_macros.playbook_list)
    macro(page_macros.playbook_section)
    macro(page_macros.severity_scale)
    macro(page_macros.holding_statement)
    macro(page_macros.tag_descriptions)
