"""The handbook command: check, new, stale, codeowners, schema."""
