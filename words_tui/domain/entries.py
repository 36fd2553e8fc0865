"""The dictionary entry every source returns: the LLM, offline dictionaries, the starter vocabulary.

One typed shape lets the lookup chain try sources in order and lets the lesson engine, the TUI and
the notebooks render any of them the same way.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field


class Meaning(BaseModel):
    """One translation of the headword, most common first."""

    model_config = ConfigDict(frozen=True)

    text: str = Field(min_length=1, description="The translation itself, in the target language.")
    pos: str = Field(default="", description="Part of speech: noun, verb, adj, adv, ...")
    note: str = Field(
        default="", description="A short usage note, e.g. 'informal' or 'of a building'."
    )


class Example(BaseModel):
    """A sentence using the headword and its translation."""

    model_config = ConfigDict(frozen=True)

    source: str = Field(min_length=1, description="The sentence in the headword's language.")
    target: str = Field(default="", description="The same sentence in the target language.")


class WordEntry(BaseModel):
    """What one source says about a word from `source_lang` into `target_lang`."""

    model_config = ConfigDict(frozen=True)

    word: str = Field(min_length=1)
    source_lang: str
    target_lang: str
    pos: str = ""
    meanings: tuple[Meaning, ...] = ()
    examples: tuple[Example, ...] = ()
    forms: dict[str, str] = Field(
        default_factory=dict,
        description="Word forms by name: plural, gender, past, past_participle, aspect_pair, ...",
    )
    source: str = Field(default="", description="llm:<model>, dictd:<name>, starter or user.")

    @property
    def translations(self) -> list[str]:
        """The meanings' texts in order, without duplicates."""
        return list(dict.fromkeys(m.text for m in self.meanings))
