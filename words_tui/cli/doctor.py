"""`words-tui doctor`: what is configured, where each value came from (environment, `.env`, the
config file, the default) and whether it works — never printing a secret. With a profile, the
lesson settings it uses, and which of them it overrides in the quiz's Settings screen."""

from __future__ import annotations

import argparse
from dataclasses import dataclass
from typing import TYPE_CHECKING

from words_tui import __version__
from words_tui.cli.language import texts
from words_tui.cli.with_core import run_with_core
from words_tui.errors import DatabaseError
from words_tui.services import Core, SchemaStatus

if TYPE_CHECKING:
    from words_tui.settings import Settings

SECRET_FIELDS = {"openai_api_key"}
DEFAULT_ENDPOINT = "https://api.openai.com/v1"


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    doctor = commands.add_parser("doctor", help=texts()("cli.help.doctor"))
    doctor.set_defaults(handler=run)


def describe_settings(settings: Settings) -> list[tuple[str, str]]:
    """Each setting and its value as text, with where it came from; secrets reduced to 'set'
    or 'not set'; in the command's language."""
    from words_tui.settings import setting_origins

    t = texts()
    origins = setting_origins()
    rows: list[tuple[str, str]] = []
    for name in type(settings).model_fields:
        value = getattr(settings, name)
        if name in SECRET_FIELDS:
            shown = t("cli.doctor.secret_set" if value is not None else "cli.doctor.secret_unset")
        else:
            shown = str(value)
        rows.append((name, f"{shown}  ({t.said(origins[name])})"))
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
        return texts()("cli.schema.unusable", problem=err)
    except Exception as err:  # the point of doctor is to report, not to crash
        return texts()("cli.schema.unusable", problem=f"{type(err).__name__}: {err}")
    return describe_schema(schema)


def describe_schema(schema: SchemaStatus) -> str:
    """One line on the schema: current, not created yet, behind (upgrade the database), or made
    by a newer words_tui (upgrade words_tui: `db upgrade` refuses to downgrade)."""
    t = texts()
    if schema.current is None:
        return t("cli.schema.none", head=schema.head)
    if schema.up_to_date:
        return t("cli.schema.current", current=schema.current)
    if schema.newer:
        return t("cli.schema.newer", current=schema.current)
    return t("cli.schema.behind", current=schema.current, head=schema.head)


async def _database(core: Core) -> Checked:
    t = texts()
    schema = await _schema_status(core)
    lines: list[str] = []
    if await _up_to_date(core):
        profile = await core.profiles.active()
        if profile is not None:
            lines.append(t("cli.doctor.profile", name=profile.name))
            for row in core.profiles.effective(profile):
                default = getattr(core.settings, row.name)
                where = (
                    t("cli.doctor.override", value=default)
                    if row.overridden
                    else t("cli.doctor.settings")
                )
                lines.append(f"  {row.name} = {row.value}  ({where})")
    return Checked(core.database_location, schema, lines)


async def _up_to_date(core: Core) -> bool:
    try:
        return (await core.schema()).up_to_date
    except Exception:  # _schema_status has said what is wrong
        return False


def run(_: argparse.Namespace) -> int:
    from words_tui.settings import default_config_file, load_settings

    settings = load_settings()
    checked = run_with_core(_database, settings, migrate=False)
    t = texts()
    print(f"words-tui {__version__}")
    print(t("cli.doctor.config", path=default_config_file()))
    for name, value in describe_settings(settings):
        print(f"  {name} = {value}")
    print(t("cli.doctor.database", location=checked.location))
    print(t("cli.schema", schema=checked.schema))
    for line in checked.profile:
        print(line)
    endpoint = settings.openai_base_url or t("cli.doctor.default_endpoint", url=DEFAULT_ENDPOINT)
    if settings.llm_configured:
        print(t("cli.doctor.llm", endpoint=endpoint, model=settings.llm_model))
    else:
        print(t("cli.doctor.no_llm"))
    return 0
