"""The text of dictd entries (FreeDict's layout) → a `WordEntry`.

    Haus /hˈaʊs/ <neut, n, sg>
    house <n>
          "ein Haus bauen"  - build a house
       Synonyms: {Gebäude}
    Haus /hˈaʊs/ <neut, n, sg>
     [adm.] establishment <n>, institution <n>

A headword usually has several such entries (one per sense). They are merged: entries for the
word itself before entries for compounds ('Haus…'), plain senses before senses with a domain
label ('[adm.]'), each sense keeping its part of speech and labels as a note. Cross-references,
synonym lists and notes are left out; quoted lines become examples. The pronunciation between
slashes is kept as the form `ipa`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from words_tui.domain.entries import Example, Meaning, WordEntry
from words_tui.domain.text import clean_text, word_key

MAX_EXAMPLES = 3
POS_NAMES = {
    "n": "noun", "noun": "noun", "v": "verb", "vi": "verb", "vt": "verb", "verb": "verb",
    "adj": "adj", "adv": "adv", "prep": "prep", "pron": "pron", "conj": "conj", "num": "num",
    "art": "art", "int": "intj", "interj": "intj", "intj": "intj",
}  # fmt: skip
GENDERS = {"masc": "masculine", "m": "masculine", "fem": "feminine", "f": "feminine",
           "neut": "neuter", "nt": "neuter"}  # fmt: skip
HEAD_LINE = re.compile(
    r"^(?P<word>[^/\[<]+?)\s*(?:/(?P<ipa>[^/]*)/|\[[^\]]*\])?\s*(?:<(?P<gram>[^>]*)>)?\s*$"
)
IPA = "ipa"
"""The form name the pronunciation is kept under (FreeDict gives it between slashes)."""
GRAMMAR = re.compile(r"<(?P<gram>[^>]*)>")
LABEL = re.compile(r"\[(?P<label>[^\]]*)\]")
LEADING_LABELS = re.compile(r"^(?:\s*\[[^\]]*\])+")
NUMBERED = re.compile(r"^\d+[.)]\s*")
EXAMPLE = re.compile(r'^"(?P<source>[^"]+)"\s*(?:[-–—:]\s*(?P<target>.*))?$')
SENSE_SEPARATOR = re.compile(r"[,;](?![^<\[(]*[>\])])")
SKIPPED_PREFIXES = ("see:", "see also", "synonym", "syn:", "note:", "antonym")


@dataclass
class _Block:
    """One dictd entry: a head line and the senses below it."""

    head: str
    pos: str = ""
    forms: dict[str, str] = field(default_factory=dict)
    meanings: list[Meaning] = field(default_factory=list)
    examples: list[Example] = field(default_factory=list)

    @property
    def labelled(self) -> bool:
        return all(m.note for m in self.meanings)


def grammar(text: str, forms: dict[str, str]) -> str:
    """The part of speech in '<neut, n, sg>' or '<n, fem, pl: Häuser>'; gender and plural go
    into `forms`."""
    pos = ""
    for token in (t.strip() for t in text.split(",")):
        lowered = token.lower()
        if lowered.startswith("pl:"):
            forms["plural"] = clean_text(token[3:])
        elif lowered in GENDERS:
            forms["gender"] = GENDERS[lowered]
        elif lowered in POS_NAMES and not pos:
            pos = POS_NAMES[lowered]
    return pos


def _labels(text: str) -> list[str]:
    return [clean_text(m["label"]) for m in LABEL.finditer(text)]


def _sense(text: str, pos: str, line_labels: list[str]) -> Meaning | None:
    labels = list(dict.fromkeys(line_labels + _labels(text)))
    found = GRAMMAR.search(text)
    sense_pos = grammar(found["gram"], {}) if found else ""
    plain = clean_text(GRAMMAR.sub("", LABEL.sub("", text)))
    if not plain:
        return None
    return Meaning(text=plain, pos=sense_pos or pos, note=", ".join(filter(None, labels)))


def _block(text: str) -> _Block | None:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    if not lines:
        return None
    head = HEAD_LINE.match(lines[0])
    block = _Block(head=clean_text(head["word"]) if head else "")
    if head is not None:
        block.pos = grammar(head["gram"] or "", block.forms)
        if head["ipa"] and head["ipa"].strip():
            block.forms[IPA] = clean_text(head["ipa"])
        lines = lines[1:]
    for line in lines:
        if line.lower().startswith(SKIPPED_PREFIXES):
            continue
        example = EXAMPLE.match(line)
        if example is not None:
            target = clean_text(example["target"] or "")
            block.examples.append(Example(source=clean_text(example["source"]), target=target))
            continue
        line = NUMBERED.sub("", line)
        leading = LEADING_LABELS.match(line)
        line_labels = _labels(leading.group()) if leading else []
        for part in SENSE_SEPARATOR.split(line):
            meaning = _sense(part, block.pos, line_labels)
            if meaning is not None:
                block.meanings.append(meaning)
    return block


def parse_entry(
    texts: Sequence[str], word: str, source_lang: str, target_lang: str, source: str
) -> WordEntry | None:
    """One `WordEntry` from the texts of all dictd entries of a headword; None if none has a
    translation."""
    key = word_key(word)
    blocks = [b for b in map(_block, texts) if b is not None and b.meanings]
    if not blocks:
        return None
    exact = clean_text(word)
    blocks.sort(key=lambda b: (b.head != exact, word_key(b.head) != key, b.labelled))
    first = blocks[0]
    meanings: dict[str, Meaning] = {}
    for block in blocks:
        for meaning in block.meanings:
            meanings.setdefault(meaning.text, meaning)
    forms = {k: v for b in reversed(blocks) if b.head == first.head for k, v in b.forms.items()}
    return WordEntry(
        word=first.head if word_key(first.head) == key else clean_text(word),
        source_lang=source_lang,
        target_lang=target_lang,
        pos=first.pos,
        meanings=tuple(meanings.values()),
        examples=tuple(e for b in blocks for e in b.examples)[:MAX_EXAMPLES],
        forms=forms,
        source=source,
    )
