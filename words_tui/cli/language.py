"""The language a command speaks.

`--help`, argparse's own messages and anything said before the database is open follow the
environment (`LANGUAGE`, `LC_ALL`, `LC_MESSAGES`, `LANG`): building the parser must not open the
database, nor import SQLAlchemy. Once a command has opened the core, what it prints follows the
active profile's interface language, like the quiz (`words-tui remind` speaks each profile's
own). The pseudo-language `qps` holds for the whole command whatever the profile says.

argparse words its usage line, section titles and errors through its module's gettext function
`_`, its documented hook for translations; `route_argparse_texts` points that hook at the
catalogue (`cli.argparse.*`), leaving texts the catalogue does not know as argparse wrote them.
"""

from __future__ import annotations

import argparse
import re
from typing import TYPE_CHECKING

from words_tui.i18n import Texts, system_language

if TYPE_CHECKING:
    from words_tui.services import Core

ARGPARSE_KEYS = {
    "usage: ": "cli.argparse.usage",
    "positional arguments": "cli.argparse.positionals",
    "options": "cli.argparse.options",
    "show this help message and exit": "cli.argparse.help",
    "%(prog)s: error: %(message)s\n": "cli.argparse.error",
    "the following arguments are required: %s": "cli.argparse.required",
    "unrecognized arguments: %s": "cli.argparse.unrecognised",
    "invalid choice: %(value)r (choose from %(choices)s)": "cli.argparse.choice",
    "argument %(argument_name)s: %(message)s": "cli.argparse.argument",
    "expected one argument": "cli.argparse.one_value",
    "invalid %(type)s value: %(value)r": "cli.argparse.type",
    "ambiguous option: %(option)s could match %(matches)s": "cli.argparse.ambiguous",
}
"""argparse's texts a user of this parser can meet, by argparse's own wording."""
PRINTF_FIELD = re.compile(r"%(?:\((\w+)\))?([sr])")
FORMAT_FIELD = re.compile(r"\{(\w+)\}")


class _Spoken:
    """The texts of the command under way (one command a process; `main` starts each anew)."""

    texts = Texts()


def texts() -> Texts:
    """The texts the command speaks now."""
    return _Spoken.texts


def start() -> Texts:
    """A new command: the environment's language, and argparse's texts from the catalogue."""
    _Spoken.texts = Texts(system_language())
    route_argparse_texts()
    return _Spoken.texts


async def follow_profile(core: Core) -> None:
    """Speak the active profile's interface language from now on, when there is a profile and a
    database at the current schema to read it from (else the environment's stays)."""
    try:
        if core.revision is None and not (await core.schema()).up_to_date:
            return
        profile = await core.profiles.active()
    except Exception:  # the language is no reason to fail: the command says what is wrong
        return
    if profile is not None:
        speak(profile.interface_lang)


def speak(interface_language: str) -> None:
    """Speak `interface_language` from now on (a profile's, once the command has read or made
    it); the pseudo-language stays."""
    _Spoken.texts = _Spoken.texts.switched_to(interface_language)


def route_argparse_texts() -> None:
    argparse._ = _argparse_text  # type: ignore[attr-defined]


def _argparse_text(message: str) -> str:
    """argparse's `message` in the command's language, as a %-template with argparse's fields."""
    key = ARGPARSE_KEYS.get(message)
    if key is None:
        return message
    conversions = {name or "": kind for name, kind in PRINTF_FIELD.findall(message)}

    def printf_field(match: re.Match[str]) -> str:
        name = match[1]
        if "" in conversions and name not in conversions:
            return f"%{conversions['']}"
        return f"%({name}){conversions.get(name, 's')}"

    template = texts().get(key).replace("%", "%%")
    return FORMAT_FIELD.sub(printf_field, template)
