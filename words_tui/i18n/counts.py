"""Texts that contain a count, in every interface language side by side.

Each is a dict of CLDR plural categories: English needs "one" and "other"; Russian "one" (1, 21,
31…), "few" (2–4, 22–24…), "many" (5–20, 25…) and "other" (fractions); Spanish "one" and "other"
("many" only for round millions, where "other" is used). A category missing falls back to "other".
"""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    "en": {
        "import.info.controls_removed": {
            "one": "removed {count} control character (escape codes, bidi overrides) at {places}",
            "other": "removed {count} control characters (escape codes, bidi overrides) at {places}",
        },
        "remind.due": {
            "one": "words-tui: {count} review due in “{profile}” — time for a lesson",
            "other": "words-tui: {count} reviews due in “{profile}” — time for a lesson",
        },
        "home.activity": {
            "one": "Answers in the last day",
            "other": "Answers in the last {count} days",
        },
        "stats.words": {"one": "{count} word", "other": "{count} words"},
        "stats.status.new": "{count} new",
        "stats.status.learning": "{count} learning",
        "stats.status.review": "{count} in review",
        "stats.status.mastered": "{count} mastered",
        "stats.status.suspended": "{count} suspended",
        "stats.retention": {
            "one": "True retention, last week: {rate} ({passed} of {total})",
            "other": "True retention, last {count} weeks: {rate} ({passed} of {total})",
        },
        "stats.hard_word": {
            "one": "{word} — {meanings} (forgotten once)",
            "other": "{word} — {meanings} (forgotten {count} times)",
        },
        "tags.option": {"one": "{tag}  ({count} word)", "other": "{tag}  ({count} words)"},
        "settings.level_words": {
            "one": "Level {level}: {count} word added.",
            "other": "Level {level}: {count} words added.",
        },
        "import.more": {
            "one": "… and {count} more skipped row.",
            "other": "… and {count} more skipped rows.",
        },
        "onboarding.pending": {
            "one": "{count} word of your level waits to be translated: {reason}. Translate it later with: words-tui profile pending --translate",
            "other": "{count} words of your level wait to be translated: {reason}. Translate them later with: words-tui profile pending --translate",
        },
    },
    "ru": {
        "import.info.controls_removed": {
            "one": "удалён {count} управляющий символ (escape-коды, смена направления текста): {places}",
            "few": "удалено {count} управляющих символа (escape-коды, смена направления текста): {places}",
            "many": "удалено {count} управляющих символов (escape-коды, смена направления текста): {places}",
            "other": "удалено {count} управляющего символа (escape-коды, смена направления текста): {places}",
        },
        "remind.due": {
            "one": "words-tui: в профиле «{profile}» {count} слово ждёт повторения — пора на урок",
            "few": "words-tui: в профиле «{profile}» {count} слова ждут повторения — пора на урок",
            "many": "words-tui: в профиле «{profile}» {count} слов ждут повторения — пора на урок",
            "other": "words-tui: в профиле «{profile}» {count} слова ждут повторения — пора на урок",
        },
        "home.activity": {
            "one": "Ответы за последний {count} день",
            "few": "Ответы за последние {count} дня",
            "many": "Ответы за последние {count} дней",
            "other": "Ответы за последние {count} дня",
        },
        "stats.words": {
            "one": "{count} слово",
            "few": "{count} слова",
            "many": "{count} слов",
            "other": "{count} слова",
        },
        "stats.status.new": {
            "one": "{count} новое",
            "few": "{count} новых",
            "many": "{count} новых",
            "other": "{count} новых",
        },
        "stats.status.learning": {
            "one": "{count} изучается",
            "few": "{count} изучаются",
            "many": "{count} изучаются",
            "other": "{count} изучаются",
        },
        "stats.status.review": "{count} на повторении",
        "stats.status.mastered": {
            "one": "{count} выученное",
            "few": "{count} выученных",
            "many": "{count} выученных",
            "other": "{count} выученных",
        },
        "stats.status.suspended": {
            "one": "{count} исключённое",
            "few": "{count} исключённых",
            "many": "{count} исключённых",
            "other": "{count} исключённых",
        },
        "stats.retention": {
            "one": "Реальное удержание за последнюю {count} неделю: {rate} ({passed} из {total})",
            "few": "Реальное удержание за последние {count} недели: {rate} ({passed} из {total})",
            "many": "Реальное удержание за последние {count} недель: {rate} ({passed} из {total})",
            "other": "Реальное удержание за последние {count} недели: {rate} ({passed} из {total})",
        },
        "stats.hard_word": {
            "one": "{word} — {meanings} (забыто {count} раз)",
            "few": "{word} — {meanings} (забыто {count} раза)",
            "many": "{word} — {meanings} (забыто {count} раз)",
            "other": "{word} — {meanings} (забыто {count} раза)",
        },
        "tags.option": {
            "one": "{tag}  ({count} слово)",
            "few": "{tag}  ({count} слова)",
            "many": "{tag}  ({count} слов)",
            "other": "{tag}  ({count} слова)",
        },
        "settings.level_words": {
            "one": "Уровень {level}: добавлено {count} слово.",
            "few": "Уровень {level}: добавлено {count} слова.",
            "many": "Уровень {level}: добавлено {count} слов.",
            "other": "Уровень {level}: добавлено {count} слова.",
        },
        "import.more": {
            "one": "… и ещё {count} пропущенная строка.",
            "few": "… и ещё {count} пропущенные строки.",
            "many": "… и ещё {count} пропущенных строк.",
            "other": "… и ещё {count} пропущенной строки.",
        },
        "onboarding.pending": {
            "one": "{count} слово вашего уровня ждёт перевода ({reason}). Переведите его позже: words-tui profile pending --translate",
            "few": "{count} слова вашего уровня ждут перевода ({reason}). Переведите их позже: words-tui profile pending --translate",
            "many": "{count} слов вашего уровня ждут перевода ({reason}). Переведите их позже: words-tui profile pending --translate",
            "other": "{count} слова вашего уровня ждут перевода ({reason}). Переведите их позже: words-tui profile pending --translate",
        },
    },
    "es": {
        "import.info.controls_removed": {
            "one": "se quitó {count} carácter de control (códigos de escape, cambios de dirección) en {places}",
            "other": "se quitaron {count} caracteres de control (códigos de escape, cambios de dirección) en {places}",
        },
        "remind.due": {
            "one": "words-tui: {count} repaso pendiente en «{profile}»: es hora de una lección",
            "other": "words-tui: {count} repasos pendientes en «{profile}»: es hora de una lección",
        },
        "home.activity": {
            "one": "Respuestas del último día",
            "other": "Respuestas de los últimos {count} días",
        },
        "stats.words": {"one": "{count} palabra", "other": "{count} palabras"},
        "stats.status.new": {"one": "{count} nueva", "other": "{count} nuevas"},
        "stats.status.learning": "{count} en aprendizaje",
        "stats.status.review": "{count} en repaso",
        "stats.status.mastered": {"one": "{count} dominada", "other": "{count} dominadas"},
        "stats.status.suspended": {"one": "{count} suspendida", "other": "{count} suspendidas"},
        "stats.retention": {
            "one": "Retención real, última semana: {rate} ({passed} de {total})",
            "other": "Retención real, últimas {count} semanas: {rate} ({passed} de {total})",
        },
        "stats.hard_word": {
            "one": "{word} — {meanings} (olvidada una vez)",
            "other": "{word} — {meanings} (olvidada {count} veces)",
        },
        "tags.option": {"one": "{tag}  ({count} palabra)", "other": "{tag}  ({count} palabras)"},
        "settings.level_words": {
            "one": "Nivel {level}: {count} palabra añadida.",
            "other": "Nivel {level}: {count} palabras añadidas.",
        },
        "import.more": {
            "one": "… y {count} fila omitida más.",
            "other": "… y {count} filas omitidas más.",
        },
        "onboarding.pending": {
            "one": "{count} palabra de tu nivel espera traducción ({reason}). Tradúcela más tarde con: words-tui profile pending --translate",
            "other": "{count} palabras de tu nivel esperan traducción ({reason}). Tradúcelas más tarde con: words-tui profile pending --translate",
        },
    },
}
