"""The social team's playbook handbook: YAML playbooks to a Material for MkDocs site.

The folders are the pipeline, each reading only from the ones before it:

``load`` (YAML with positions) -> ``model`` (validated playbooks, JSON Schema)
-> ``index`` (the handbook: every file, cross-file rules, git history)
-> ``checks`` and ``review`` (warnings, freshness, owners)
-> ``render`` (pages as HTML, YAML text through Markdown, sanitising)
-> ``site`` (the MkDocs plugin and the macros' library) and ``cli`` (``handbook``).
"""
