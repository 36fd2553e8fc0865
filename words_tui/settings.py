"""One settings class for every entry point: env (`WORDS_*`), `.env`, a TOML file, defaults.

Precedence, highest first: arguments, environment, `.env`, the TOML config file
(`WORDS_CONFIG_FILE` or `<user config dir>/config.toml`), defaults. The standard `OPENAI_API_KEY` and
`OPENAI_BASE_URL` are honoured, so Ollama, LM Studio, vLLM or any OpenAI-compatible server works.
Nothing here touches the disk at import time; `load_settings()` reads the sources when called.
"""

from __future__ import annotations

import getpass
import os
import re
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import platformdirs
from pydantic import (
    AliasChoices,
    Field,
    PositiveFloat,
    PositiveInt,
    SecretStr,
    ValidationError,
    field_validator,
)
from pydantic_settings import (
    BaseSettings,
    DotEnvSettingsSource,
    EnvSettingsSource,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)
from pydantic_settings import SettingsError as UnparsableSetting

from words_tui.errors import SettingsError
from words_tui.i18n.said import Said

APP_NAME = "words-tui"
ENV_PREFIX = "WORDS_"
CONFIG_FILE_ENV = "WORDS_CONFIG_FILE"

SQLITE_SCHEMES = {"sqlite": "sqlite+aiosqlite", "sqlite+aiosqlite": "sqlite+aiosqlite"}
POSTGRES_SCHEMES = {
    "postgres": "postgresql+asyncpg",
    "postgresql": "postgresql+asyncpg",
    "postgresql+asyncpg": "postgresql+asyncpg",
}

DEFAULT_PRICES: dict[str, tuple[float, float]] = {
    "gpt-4o-mini": (0.15, 0.60),
    "gpt-4.1-mini": (0.40, 1.60),
    "gpt-4o": (2.50, 10.00),
}


def default_config_file() -> Path:
    """Where the TOML config file lives unless `WORDS_CONFIG_FILE` says otherwise."""
    override = os.environ.get(CONFIG_FILE_ENV)
    if override:
        return Path(override).expanduser()
    return platformdirs.user_config_path(APP_NAME) / "config.toml"


def default_data_dir() -> Path:
    """The platform's user data directory (created on first use, never here)."""
    return platformdirs.user_data_path(APP_NAME)


def normalise_database_url(url: str) -> str:
    """Map the accepted URL schemes to the async drivers; refuse anything else."""
    scheme, sep, rest = url.partition("://")
    if not sep:
        raise SettingsError(key="error.config.not_url", url=url)
    if scheme in SQLITE_SCHEMES:
        return f"{SQLITE_SCHEMES[scheme]}://{rest}"
    if scheme in POSTGRES_SCHEMES:
        return f"{POSTGRES_SCHEMES[scheme]}://{rest}"
    raise SettingsError(key="error.config.url_scheme", scheme=scheme)


class Settings(BaseSettings):
    """Everything a user can configure. Field names map to `WORDS_<NAME>` environment variables."""

    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX,
        env_file=".env",
        env_file_encoding="utf-8",
        extra="ignore",
        validate_default=True,
    )

    database_url: str | None = Field(
        default=None, description="Database URL; default: SQLite file in the user data dir."
    )
    database_pooler: bool = Field(
        default=False,
        description="database_url is PgBouncer in transaction mode (no prepared-statement cache).",
    )
    data_dir: Path = Field(default_factory=default_data_dir, description="Where data files live.")
    user: str = Field(
        default_factory=getpass.getuser, description="Learner identity on a shared database."
    )
    lesson_size: PositiveInt = Field(default=30, le=500, description="Cards per lesson.")
    new_per_day: int = Field(default=20, ge=0, le=10_000, description="New words per day.")
    reviews_per_day: int = Field(default=200, ge=0, le=100_000, description="Review cap per day.")
    desired_retention: float = Field(default=0.9, ge=0.7, le=0.99, description="FSRS target.")
    typing_after: PositiveInt = Field(default=2, le=100, description="Correct choices to typing.")
    mastery_stability_days: PositiveFloat | None = Field(
        default=180.0, description="Stability (days) of both directions that means mastered."
    )
    mastery_streak: PositiveInt | None = Field(
        default=30, description="Typed answers right in a row that mean mastered."
    )
    leech_lapses: PositiveInt = Field(default=8, description="Lapses that flag a leech.")
    openai_api_key: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("WORDS_OPENAI_API_KEY", "OPENAI_API_KEY", "openai_api_key"),
        description="API key of the OpenAI-compatible endpoint (never shown).",
    )
    openai_base_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices(
            "WORDS_OPENAI_BASE_URL", "OPENAI_BASE_URL", "openai_base_url"
        ),
        description="Base URL of an OpenAI-compatible endpoint (Ollama, LM Studio, vLLM ...).",
    )
    llm_model: str = Field(default="gpt-4o-mini", min_length=1, description="Primary model.")
    llm_fallback_model: str | None = Field(
        default=None, description="Tried once when primary is down."
    )
    llm_requests_per_minute: PositiveInt = Field(default=500, description="Request rate limit.")
    llm_tokens_per_minute: int | None = Field(default=None, gt=0, description="Token rate limit.")
    llm_max_concurrent: PositiveInt = Field(default=32, description="Requests in flight at most.")
    llm_timeout_s: PositiveFloat = Field(default=30.0, description="Timeout of one HTTP attempt.")
    llm_batch_size: PositiveInt = Field(default=25, description="Words per bulk request.")
    llm_outage_limit_s: PositiveFloat = Field(
        default=120.0,
        description="How long a bulk job waits for an endpoint that does not answer (usably) "
        "before it pauses, resumable.",
    )
    llm_prices: dict[str, tuple[float, float]] = Field(
        default_factory=lambda: dict(DEFAULT_PRICES),
        description="USD per 1M prompt and completion tokens, by model.",
    )
    judge_timeout_s: PositiveFloat = Field(default=8.0, description="Judge wait in lessons.")
    dictd_paths: list[Path] = Field(default_factory=list, description="dictd .index files.")
    remind_after_hours: PositiveFloat = Field(
        default=6.0, description="Quiet hours after a lesson."
    )
    remind_window: str = Field(default="07:00-23:00", description="Reminder hours, local time.")
    log_level: str = Field(default="WARNING", description="Python logging level.")

    @field_validator("database_url")
    @classmethod
    def _valid_url(cls, value: str | None) -> str | None:
        return None if value is None else normalise_database_url(value)

    @field_validator("log_level")
    @classmethod
    def _valid_level(cls, value: str) -> str:
        level = value.upper()
        if level not in {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}:
            raise SettingsError(key="error.config.log_level")
        return level

    @field_validator("remind_window")
    @classmethod
    def _valid_window(cls, value: str) -> str:
        try:
            start, end = value.split("-")
            for part in (start, end):
                hours, minutes = part.split(":")
                if not (0 <= int(hours) <= 24 and 0 <= int(minutes) < 60):
                    raise ValueError
        except ValueError:
            raise SettingsError(key="error.config.window") from None
        return value

    @property
    def effective_database_url(self) -> str:
        """The database URL in effect: the setting, or the SQLite file in the data directory."""
        if self.database_url:
            return self.database_url
        return f"sqlite+aiosqlite:///{self.data_dir / 'words.db'}"

    @property
    def llm_configured(self) -> bool:
        """Whether an LLM endpoint can be reached: a key, or a custom base URL (local servers)."""
        return self.openai_api_key is not None or self.openai_base_url is not None

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        config_file = default_config_file()
        sources: list[PydanticBaseSettingsSource] = [init_settings, env_settings, dotenv_settings]
        if config_file.exists():
            sources.append(TomlConfigSettingsSource(settings_cls, toml_file=config_file))
        return tuple(sources)


def _read_config_file(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except OSError as err:
        raise SettingsError(
            key="error.config.unreadable", path=path, reason=str(err.strerror or err)
        ) from None
    except tomllib.TOMLDecodeError as err:
        raise SettingsError(key="error.config.toml", path=path, reason=str(err)) from None


JSON_EXAMPLES = {
    "dictd_paths": '["/usr/share/dictd/freedict-eng-spa.index"]',
    "llm_prices": '{"gpt-4o-mini": [0.15, 0.6]}',
}
"""How to write the settings that are read as JSON, for the message when one is not."""


def _variables(field: str) -> list[str]:
    """The environment variables (and `.env` keys) that set `field`."""
    info = Settings.model_fields[field]
    if isinstance(info.validation_alias, AliasChoices):
        return [str(choice) for choice in info.validation_alias.choices if str(choice).isupper()]
    return [f"{ENV_PREFIX}{field}".upper()]


def setting_origins(
    config: dict[str, Any] | None = None, overrides: Sequence[str] = ()
) -> dict[str, str]:
    """Where each setting's value comes from, asking pydantic-settings' own sources in the order
    `Settings` consults them: "an argument", "environment variable WORDS_X", ".env file <path>
    (WORDS_X)", "config file <path>" or "the default" (`Said`, so a front-end words them in its
    language). Raw names only — no value is parsed, so
    this also explains a value that failed to parse."""
    config_file = default_config_file()
    if config is None:
        config = _read_config_file(config_file)
    environment = EnvSettingsSource(Settings).env_vars
    dotenv = DotEnvSettingsSource(Settings).env_vars
    dotenv_path = Path(str(Settings.model_config.get("env_file"))).resolve()
    origins: dict[str, str] = {}
    for field in Settings.model_fields:
        names = _variables(field)
        in_env = [name for name in names if name.lower() in environment]
        in_dotenv = [name for name in names if name.lower() in dotenv]
        if field in overrides:
            origins[field] = Said("setting.origin.argument")
        elif in_env:
            origins[field] = Said("setting.origin.environment", name=in_env[0])
        elif in_dotenv:
            origins[field] = Said("setting.origin.dotenv", path=dotenv_path, name=in_dotenv[0])
        elif field in config:
            origins[field] = Said("setting.origin.config", path=config_file)
        else:
            origins[field] = Said("setting.origin.default")
    return origins


def load_settings(**overrides: Any) -> Settings:
    """Read and validate the settings; any problem becomes one `SettingsError` line."""
    config = _read_config_file(default_config_file())
    try:
        return Settings(**overrides)
    except UnparsableSetting as err:
        # pydantic-settings reads list and dict settings as JSON and names the field only in
        # its message: 'error parsing value for field "dictd_paths" from source "…"'.
        match = re.search(r'field "(\w+)"', str(err))
        field = match.group(1) if match else "?"
        source = setting_origins(config, tuple(overrides)).get(field, "?")
        example = JSON_EXAMPLES.get(field, '["first", "second"]')
        raise SettingsError(
            key="error.config.json", field=field, source=source, example=example
        ) from None
    except ValidationError as err:
        first = err.errors()[0]
        loc = first.get("loc") or ("?",)
        field = str(loc[0]).lower().removeprefix(ENV_PREFIX.lower())
        source = setting_origins(config, tuple(overrides)).get(field, "?")
        cause = first.get("ctx", {}).get("error")
        problem = cause if isinstance(cause, SettingsError) else first["msg"]
        raise SettingsError(
            key="error.config.invalid", field=field, source=source, problem=problem
        ) from None
