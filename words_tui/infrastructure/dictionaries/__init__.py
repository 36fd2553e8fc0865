"""Offline word sources: the bundled starter vocabulary and dictd dictionaries (.index/.dict.dz).

Imports `domain` only: the sources are read-only files.
"""
