"""The handbook index: every playbook and path loaded, cross-file rules, git history."""
