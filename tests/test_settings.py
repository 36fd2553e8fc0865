"""Settings: where values come from, how a bad value is reported, and that each one is read."""

from __future__ import annotations

import ast
import os
from pathlib import Path

import pytest

import words_tui
from words_tui.services.vocabulary import SETTING_KNOBS
from words_tui.settings import Settings, SettingsError, load_settings, setting_origins


def test_words_prefixed_environment_variables_set_fields(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORDS_LESSON_SIZE", "12")
    assert load_settings().lesson_size == 12


def test_standard_openai_variables_are_honoured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-123")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:11434/v1")
    settings = load_settings()
    assert settings.openai_api_key is not None
    assert settings.openai_api_key.get_secret_value() == "sk-test-123"
    assert settings.openai_base_url == "http://127.0.0.1:11434/v1"
    assert settings.llm_configured


def test_the_api_key_is_hidden_in_the_settings_repr(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-secret-value")
    assert "sk-secret-value" not in repr(load_settings())


def test_toml_config_file_sets_fields(isolated_settings: Path) -> None:
    config = Path(os.environ["WORDS_CONFIG_FILE"])
    config.parent.mkdir(parents=True)
    config.write_text('lesson_size = 15\nllm_model = "llama3.1"\n', encoding="utf-8")
    settings = load_settings()
    assert (settings.lesson_size, settings.llm_model) == (15, "llama3.1")


def test_environment_overrides_the_config_file(monkeypatch: pytest.MonkeyPatch) -> None:
    config = Path(os.environ["WORDS_CONFIG_FILE"])
    config.parent.mkdir(parents=True)
    config.write_text("lesson_size = 15\n", encoding="utf-8")
    monkeypatch.setenv("WORDS_LESSON_SIZE", "40")
    assert load_settings().lesson_size == 40


def test_dotenv_file_in_the_working_directory_sets_fields(isolated_settings: Path) -> None:
    (isolated_settings / ".env").write_text("WORDS_NEW_PER_DAY=7\n", encoding="utf-8")
    assert load_settings().new_per_day == 7


def test_default_database_is_sqlite_in_the_data_dir(isolated_settings: Path) -> None:
    url = load_settings().effective_database_url
    assert url == f"sqlite+aiosqlite:///{isolated_settings / 'data' / 'words.db'}"


def test_plain_postgres_url_is_mapped_to_asyncpg(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WORDS_DATABASE_URL", "postgresql://postgres@127.0.0.1/words")
    url = load_settings().database_url
    assert url == "postgresql+asyncpg://postgres@127.0.0.1/words"


def test_unknown_url_scheme_names_the_setting_and_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("WORDS_DATABASE_URL", "mysql://localhost/words")
    with pytest.raises(SettingsError) as error:
        load_settings()
    message = str(error.value)
    assert "'database_url'" in message
    assert "WORDS_DATABASE_URL" in message
    assert "mysql" in message
    assert "\n" not in message


def test_negative_lesson_size_names_the_config_file(isolated_settings: Path) -> None:
    config = Path(os.environ["WORDS_CONFIG_FILE"])
    config.parent.mkdir(parents=True)
    config.write_text("lesson_size = -5\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"'lesson_size' \(from config file .*config.toml\)"):
        load_settings()


def test_unparsable_config_file_is_named(isolated_settings: Path) -> None:
    config = Path(os.environ["WORDS_CONFIG_FILE"])
    config.parent.mkdir(parents=True)
    config.write_text("lesson_size = = 3\n", encoding="utf-8")
    with pytest.raises(SettingsError, match=r"config file .*config.toml is not valid TOML"):
        load_settings()


def test_config_file_that_is_a_directory_is_named(isolated_settings: Path) -> None:
    Path(os.environ["WORDS_CONFIG_FILE"]).mkdir(parents=True)
    with pytest.raises(SettingsError, match="cannot read config file"):
        load_settings()


def test_doctor_sources_name_env_dotenv_config_file_and_default(
    isolated_settings: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORDS_LESSON_SIZE", "12")
    monkeypatch.setenv("OPENAI_BASE_URL", "http://127.0.0.1:9/v1")
    (isolated_settings / ".env").write_text("WORDS_NEW_PER_DAY=7\n", encoding="utf-8")
    config = Path(os.environ["WORDS_CONFIG_FILE"])
    config.parent.mkdir(parents=True)
    config.write_text("typing_after = 2\n", encoding="utf-8")
    origins = setting_origins()
    assert origins["lesson_size"] == "environment variable WORDS_LESSON_SIZE"
    assert origins["openai_base_url"] == "environment variable OPENAI_BASE_URL"
    assert origins["new_per_day"] == f".env file {isolated_settings / '.env'} (WORDS_NEW_PER_DAY)"
    assert origins["typing_after"] == f"config file {config}"
    assert origins["leech_lapses"] == "the default"


PRODUCTION = Path(words_tui.__file__).parent
SETTINGS_MODULE = PRODUCTION / "settings.py"


def _is_settings(node: ast.expr) -> bool:
    """`settings`, `self.settings`, `core.settings`, `self._parts.settings` …"""
    if isinstance(node, ast.Name):
        return node.id == "settings"
    return isinstance(node, ast.Attribute) and node.attr == "settings"


def _settings_reads() -> set[str]:
    """Attributes production code reads on a settings object, the fields read through the
    properties it reads, and the profile knobs read by name (`getattr(settings, knob)`)."""
    reads: set[str] = set(SETTING_KNOBS)
    for path in PRODUCTION.rglob("*.py"):
        if path == SETTINGS_MODULE:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and _is_settings(node.value):
                reads.add(node.attr)
    module = ast.parse(SETTINGS_MODULE.read_text(encoding="utf-8"))
    for node in ast.walk(module):
        if not isinstance(node, ast.FunctionDef) or node.name not in reads:
            continue
        if any(isinstance(d, ast.Name) and d.id == "property" for d in node.decorator_list):
            reads |= {
                inner.attr
                for inner in ast.walk(node)
                if isinstance(inner, ast.Attribute)
                and isinstance(inner.value, ast.Name)
                and inner.value.id == "self"
            }
    return reads


def unread_settings(settings_class: type[Settings]) -> list[str]:
    """The fields of `settings_class` no production code reads."""
    reads = _settings_reads()
    return [name for name in settings_class.model_fields if name not in reads]


def test_every_setting_is_read_by_production_code() -> None:
    assert unread_settings(Settings) == []


def test_a_setting_read_nowhere_is_reported() -> None:
    class WithAnUnusedField(Settings):
        never_read_anywhere: int = 1

    assert unread_settings(WithAnUnusedField) == ["never_read_anywhere"]
