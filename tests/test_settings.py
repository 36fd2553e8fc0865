"""Settings: where values come from, and how a bad value is reported."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from words_tui.settings import SettingsError, load_settings


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
