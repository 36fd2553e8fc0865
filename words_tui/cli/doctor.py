"""`words-tui doctor`: what is configured, where each value came from (environment, `.env`, the
config file, the default) and whether it works — never printing a secret. With a profile, the
lesson settings it uses, and which of them it overrides in the quiz's Settings screen."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import TYPE_CHECKING

from words_tui import __version__
from words_tui.cli.with_core import run_with_core
from words_tui.errors import DatabaseError
from words_tui.services import Core, SchemaStatus

if TYPE_CHECKING:
    from words_tui.settings import Settings

SECRET_FIELDS = {"openai_api_key"}


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    doctor = commands.add_parser(
        "doctor", help="print the settings in effect and check the database"
    )
    doctor.set_defaults(handler=run)


def describe_settings(settings: Settings) -> list[tuple[str, str]]:
    """Each setting and its value as text, with where it came from; secrets reduced to 'set'
    or 'not set'."""
    from words_tui.settings import setting_origins

    origins = setting_origins()
    rows: list[tuple[str, str]] = []
    for name in type(settings).model_fields:
        value = getattr(settings, name)
        if name in SECRET_FIELDS:
            shown = "set (hidden)" if value is not None else "not set"
        else:
            shown = str(value)
        rows.append((name, f"{shown}  ({origins[name]})"))
    return rows


@dataclass(frozen=True)
class Checked:
    """What doctor found in the database: where it is, its schema, the active profile's lesson
    settings (empty before the first profile or on a schema that is not up to date)."""

    location: str
    schema: str
    profile: list[str]


async def _schema_status(core: Core) -> str:
    try:
        schema = await core.schema()
    except DatabaseError as err:
        return f"unusable: {err}"
    except Exception as err:  # the point of doctor is to report, not to crash
        return f"unusable: {type(err).__name__}: {err}"
    return describe_schema(schema)


def describe_schema(schema: SchemaStatus) -> str:
    """One line on the schema: current, not created yet, behind (upgrade the database), or made
    by a newer words_tui (upgrade words_tui: `db upgrade` refuses to downgrade)."""
    if schema.current is None:
        return f"not created yet (will be created at revision {schema.head} on first use)"
    if schema.up_to_date:
        return f"up to date (revision {schema.current})"
    if schema.newer:
        return (
            f"revision {schema.current} was made by a newer version of words_tui; "
            "upgrade words_tui (pip install --upgrade words-tui) to use this database"
        )
    return f"at revision {schema.current}; latest is {schema.head} — run `words-tui db upgrade`"


async def _database(core: Core) -> Checked:
    schema = await _schema_status(core)
    lines: list[str] = []
    if schema.startswith("up to date"):
        profile = await core.profiles.active()
        if profile is not None:
            lines.append(f"profile {profile.name} (active) uses:")
            for row in core.profiles.effective(profile):
                default = getattr(core.settings, row.name)
                where = f"profile override; settings: {default}" if row.overridden else "settings"
                lines.append(f"  {row.name} = {row.value}  ({where})")
    return Checked(core.database_location, schema, lines)


def run(_: argparse.Namespace) -> int:
    from words_tui.settings import default_config_file, load_settings

    settings = load_settings()
    print(f"words-tui {__version__}")
    print(f"config file: {default_config_file()}")
    for name, value in describe_settings(settings):
        print(f"  {name} = {value}")
    checked = run_with_core(_database, settings, migrate=False)
    print(f"database: {checked.location}")
    print(f"schema: {checked.schema}")
    for line in checked.profile:
        print(line)
    endpoint = settings.openai_base_url or "https://api.openai.com/v1 (default)"
    if settings.llm_configured:
        print(f"LLM: configured — endpoint {endpoint}, model {settings.llm_model}")
    else:
        print("LLM: not configured — set OPENAI_API_KEY (and OPENAI_BASE_URL for other servers)")
    return 0
