"""Decoding word lists whatever program saved them: UTF-8 (± BOM), UTF-16, cp1251, latin-1.

Excel and Windows tools still write cp1251 (Cyrillic) or cp1252/latin-1 (Western European) without
saying so. Both decode any byte sequence, so we tell them apart by how the non-ASCII bytes sit in
words: Cyrillic words are made of high bytes only, accented Latin words mix them with ASCII
letters. When the text does not make it clear, we refuse and ask for `--encoding` rather than
import mojibake.
"""

from __future__ import annotations

import codecs
import re

from words_tui.i18n.said import Said
from words_tui.infrastructure.importers.records import SourceError

CLEAR_MAJORITY = 0.8
SAMPLE_BYTES = 1 << 20
_WORD = re.compile(rb"[A-Za-z\x80-\xff]+")
_HIGH = re.compile(rb"[\x80-\xff]")
_CONTROL_BYTES = re.compile(rb"[\x00-\x08\x0e-\x1f]")
BINARY_MIN_BYTES = 256
BINARY_CONTROL_SHARE = 0.1
"""Text has almost no control bytes; images, archives and programs have one in a few bytes. A
stray NUL line in a small list is not a binary file: it is cleaned and reported instead."""


def _looks_utf16(sample: bytes) -> str | None:
    """UTF-16 without a BOM: ASCII text leaves every other byte zero."""
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) == 0:
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) == 0:
        return "utf-16-be"
    return None


def _single_byte_guess(sample: bytes) -> str | None:
    cyrillic = latin = 0
    for word in _WORD.findall(sample):
        high = len(_HIGH.findall(word))
        if high == 0:
            continue
        if high == len(word):
            cyrillic += 1
        else:
            latin += 1
    total = cyrillic + latin
    if total == 0:
        return None
    if cyrillic >= CLEAR_MAJORITY * total:
        return "cp1251"
    if latin >= CLEAR_MAJORITY * total:
        try:
            sample.decode("cp1252")
        except UnicodeDecodeError:
            return "latin-1"
        return "cp1252"
    return None


def detect_encoding(data: bytes) -> str | None:
    """The encoding `data` is most likely in, or None when it cannot be told."""
    if data.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = data[:SAMPLE_BYTES]
    utf16 = _looks_utf16(sample)
    if utf16 is not None:
        return utf16
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return _single_byte_guess(sample)
    return "utf-8"


def looks_binary(sample: bytes) -> bool:
    """Whether `sample` is the start of a binary file (an image, an archive, a program) rather
    than text: many control bytes where text has almost none. UTF-16 text is told apart first."""
    if len(sample) < BINARY_MIN_BYTES or _looks_utf16(sample) is not None:
        return False
    controls = len(_CONTROL_BYTES.findall(sample))
    return controls > BINARY_CONTROL_SHARE * len(sample)


def decode_text(data: bytes, name: str, encoding: str | None = None) -> tuple[str, str]:
    """The text of `data` (a file called `name`) and the encoding used; `SourceError` names the
    file when it cannot be decoded, or when it is not text at all (whatever encoding is given:
    a single-byte encoding decodes any bytes, into junk)."""
    wide = encoding is not None and encoding.lower().replace("_", "-").startswith("utf-16")
    bom = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))
    if not bom and not wide and looks_binary(data[:SAMPLE_BYTES]):
        raise SourceError(key="error.text.binary", name=name)
    chosen = encoding or detect_encoding(data)
    if chosen is None:
        raise SourceError(
            cli_hint=Said("error.text.hint.encodings"),
            needs="encoding",
            key="error.text.encoding_unknown",
            name=name,
        )
    try:
        return data.decode(chosen), chosen
    except LookupError:
        raise SourceError(key="error.text.unknown_encoding", encoding=chosen, name=name) from None
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise SourceError(
            cli_hint=Said("error.text.hint.encoding"),
            needs="encoding",
            key="error.text.invalid",
            name=name,
            line=line,
            encoding=chosen,
            problem=err.reason,
        ) from None
