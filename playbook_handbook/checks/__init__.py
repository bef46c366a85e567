"""Content warnings on a loaded handbook: lengths, personal data, due reviews."""
