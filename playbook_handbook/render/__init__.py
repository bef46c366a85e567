"""Pages from the handbook: HTML playbook pages, Markdown list pages, safe YAML text."""
