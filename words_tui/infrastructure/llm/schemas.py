"""What the model must answer, as pydantic models: the JSON schema sent as `response_format` and
the validator of the reply are the same object, so they cannot drift apart.

The shapes follow OpenAI's strict structured outputs: every property required, no extra keys, no
free-form maps (word forms are a list of name/value pairs). Converting to the domain's `WordEntry`
is where an answer that is valid JSON but useless (no translation at all) is caught.
"""

from __future__ import annotations

import json
from functools import cache
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, ValidationError

from words_tui.domain.entries import Example, Meaning, WordEntry
from words_tui.domain.text import clean_text, word_key
from words_tui.i18n.said import Said
from words_tui.infrastructure.llm.errors import LLMBadOutput

MAX_EXAMPLES = 3
MAX_COMMENT_CHARS = 400

ENTRY_SCHEMA_NAME = "word_entry"
ENTRIES_SCHEMA_NAME = "word_entries"
JUDGEMENT_SCHEMA_NAME = "judgement"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MeaningOut(_Strict):
    text: str
    pos: str
    note: str


class ExampleOut(_Strict):
    source: str
    target: str


class FormOut(_Strict):
    name: str
    value: str


class EntryOut(_Strict):
    """One dictionary entry as the model writes it."""

    word: str
    pos: str
    meanings: list[MeaningOut]
    examples: list[ExampleOut]
    forms: list[FormOut]

    def to_entry(self, word: str, source_lang: str, target_lang: str, model: str) -> WordEntry:
        """The domain entry for `word`; `ValueError` when the model gave no usable translation."""
        meanings = tuple(
            Meaning(text=clean_text(m.text), pos=m.pos.strip(), note=m.note.strip())
            for m in self.meanings
            if clean_text(m.text)
        )
        if not meanings:
            raise ValueError(Said("error.llm.no_translation_given", word=word))
        examples = tuple(
            Example(source=clean_text(e.source), target=clean_text(e.target))
            for e in self.examples
            if clean_text(e.source)
        )[:MAX_EXAMPLES]
        forms = {f.name.strip(): clean_text(f.value) for f in self.forms if f.name.strip()}
        return WordEntry(
            word=clean_text(word),
            source_lang=source_lang,
            target_lang=target_lang,
            pos=self.pos.strip() or meanings[0].pos,
            meanings=meanings,
            examples=examples,
            forms={name: value for name, value in forms.items() if value},
            source=f"llm:{model}",
        )


class EntriesOut(_Strict):
    """Several entries in one answer; each names its headword so it can be mapped back."""

    entries: list[EntryOut]

    def by_word(self) -> dict[str, EntryOut]:
        """The entries by normalised headword; the first wins when the model repeats one."""
        found: dict[str, EntryOut] = {}
        for entry in self.entries:
            found.setdefault(word_key(entry.word), entry)
        return found


class JudgementOut(_Strict):
    is_correct: bool
    comment: str


Output = TypeVar("Output", bound=BaseModel)


@cache
def _json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """`model`'s JSON schema, generated once: pydantic builds it anew on every call, a
    millisecond or more of CPU per request at thousands of requests a minute."""
    return model.model_json_schema()


def response_format(model: type[BaseModel], name: str) -> dict[str, Any]:
    """The `response_format` argument asking for JSON that validates against `model` (a fresh
    dict each time around the schema, which is shared and never changed)."""
    return {
        "type": "json_schema",
        "json_schema": {"name": name, "schema": _json_schema(model), "strict": True},
    }


def parse_output(model: type[Output], content: str | None) -> Output:
    """Validate the model's reply; anything but matching JSON is `LLMBadOutput`."""
    if not content:
        raise LLMBadOutput(key="error.llm.empty")
    try:
        data = json.loads(content)
    except json.JSONDecodeError as err:
        raise LLMBadOutput(
            key="error.llm.not_json", problem=err.msg, position=str(err.pos)
        ) from err
    try:
        return model.model_validate(data)
    except ValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or Said("error.llm.top_level")
        raise LLMBadOutput(key="error.llm.schema", where=where, problem=first["msg"]) from err
