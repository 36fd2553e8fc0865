"""Reusable widgets: each carries its own DEFAULT_CSS, receives data and posts messages."""
