"""Lines the core writes (import reports, skipped rows) read as English but carry their key."""

from __future__ import annotations

import copy
import pickle

from words_tui.i18n import Texts
from words_tui.i18n.said import Said


def test_a_core_line_reads_as_english() -> None:
    assert Said("import.problem.no_letters", word="?!") == "'?!' has no letters"


def test_a_front_end_words_a_core_line_in_the_interface_language() -> None:
    said = Said("import.problem.no_letters", word="?!")
    assert Texts("ru").said(said) == "в «?!» нет букв"
    assert Texts("es").said("plain text") == "plain text"


def test_a_line_within_a_line_is_worded_too() -> None:
    layout = Said("import.info.no_header", delimiter="','", columns="word=1")
    said = Said("import.info.encoding", encoding="cp1251", layout=layout)
    assert (
        Texts("es").said(said)
        == "codificación cp1251, separador ',', sin encabezado; columnas word=1"
    )


def test_a_core_line_keeps_its_key_when_copied() -> None:
    said = Said("import.problem.merged", first="a.csv:2")
    for again in (copy.deepcopy(said), pickle.loads(pickle.dumps(said))):
        assert Texts("ru").said(again) == "то же слово, что и a.csv:2; объединено с ним"
