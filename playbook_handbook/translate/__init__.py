"""Translations of the handbook's text: files beside their English source, their
staleness, and the localized handbook an edition is rendered from."""
