"""Texts of the errors the core raises for a learner to read — the database, imports, lessons,
profiles, the LLM, settings — in every interface language side by side. Raised with a `key` and
values (`words_tui.errors.Explained`), so every front-end words them in the learner's language.
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    "en": {
        "error.setting.remind_window": "“{value}” is not a reminder window; write it as HH:MM-HH:MM, e.g. 07:00-23:00.",
    },
    "ru": {
        "error.setting.remind_window": "«{value}» — не окно напоминаний; пишите в виде ЧЧ:ММ-ЧЧ:ММ, например 07:00-23:00.",
    },
    "es": {
        "error.setting.remind_window": "«{value}» no es una franja de avisos; escríbela como HH:MM-HH:MM, p. ej. 07:00-23:00.",
    },
}
