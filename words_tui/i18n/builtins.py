"""Texts Textual writes itself inside its built-in widgets, which the app words anew (see
`words_tui.tui.palette`), in every interface language side by side."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    "en": {"textual.no_matches": "No matches found"},
    "ru": {"textual.no_matches": "Ничего не найдено"},
    "es": {"textual.no_matches": "No hay coincidencias"},
}
