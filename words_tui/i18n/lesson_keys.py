"""Texts of the lesson's keys — undo of each kind of action, ending with cards left, "I was
right" on a choice card, editing a card's answers — in every interface language side by side."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str | dict[str, str]]] = {
    "en": {
        "lesson.undone.answer": "Answer to “{word}” taken back.",
        "lesson.undone.override": "“I was right” on “{word}” taken back.",
        "lesson.undone.suspend": "“{word}” is back in practice.",
        "lesson.undone.edit": "Edit of “{word}” taken back.",
        "lesson.no_override_choice": "“I was right” is for typed answers: an option is either exactly right or wrong.",
        "lesson.end_confirm": {
            "one": "End the lesson? {count} card left.",
            "other": "End the lesson? {count} cards left.",
        },
        "edit.answers.title": "{language} answers to “{prompt}”",
        "edit.answers.hint": "Separate answers with “;”. “{word}” is always accepted.",
        "edit.keep_word": "Keep “{word}”: it is the word being learnt.",
    },
    "ru": {
        "lesson.undone.answer": "Ответ на «{word}» отменён.",
        "lesson.undone.override": "«Засчитать» для «{word}» отменено.",
        "lesson.undone.suspend": "Слово «{word}» снова в практике.",
        "lesson.undone.edit": "Правка слова «{word}» отменена.",
        "lesson.no_override_choice": "«Засчитать» — для набранных ответов: вариант ответа либо точно верен, либо нет.",
        "lesson.end_confirm": {
            "one": "Закончить урок? Осталась {count} карточка.",
            "few": "Закончить урок? Осталось {count} карточки.",
            "many": "Закончить урок? Осталось {count} карточек.",
            "other": "Закончить урок? Осталось {count} карточки.",
        },
        "edit.answers.title": "Ответы ({language}) на «{prompt}»",
        "edit.answers.hint": "Разделяйте ответы знаком «;». «{word}» засчитывается всегда.",
        "edit.keep_word": "Оставьте «{word}»: это изучаемое слово.",
    },
    "es": {
        "lesson.undone.answer": "Respuesta a «{word}» deshecha.",
        "lesson.undone.override": "«Tenía razón» en «{word}» deshecho.",
        "lesson.undone.suspend": "«{word}» vuelve a la práctica.",
        "lesson.undone.edit": "Edición de «{word}» deshecha.",
        "lesson.no_override_choice": "«Tenía razón» es para respuestas escritas: una opción es correcta o incorrecta, sin matices.",
        "lesson.end_confirm": {
            "one": "¿Terminar la lección? Queda {count} tarjeta.",
            "other": "¿Terminar la lección? Quedan {count} tarjetas.",
        },
        "edit.answers.title": "Respuestas en {language} a «{prompt}»",
        "edit.answers.hint": "Separa las respuestas con «;». «{word}» siempre se acepta.",
        "edit.keep_word": "Deja «{word}»: es la palabra que se aprende.",
    },
}
