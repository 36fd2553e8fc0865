"""Settings: the profile's level, interface language, theme and lesson settings (lesson size, new
words and reviews per day, desired retention, correct choices before typing; mastery and leech
thresholds, which follow the `WORDS_*` settings while left empty); the LLM endpoint and model in
effect, with the key's presence (never its value).

The LLM settings come from the environment or the config file, so they are shown, not edited
here: a key typed into a terminal app would end up in its history or on screen. Leaving with
changes that are not saved asks first.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Literal

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Header, Input, Label, Select, Static

from words_tui.domain.enums import Level
from words_tui.i18n import INTERFACE_LANGUAGES, Texts, interface_language_for
from words_tui.services.vocabulary import THEMES, THRESHOLDS, ProfileError, ProfileKnobs
from words_tui.tui.base import WordsScreen
from words_tui.tui.literal import literal, shown
from words_tui.tui.widgets.footer import TranslatedFooter

if TYPE_CHECKING:
    from words_tui.services.vocabulary import Profile

DEFAULT_ENDPOINT = "https://api.openai.com/v1"
FLOAT_FIELDS = {"mastery_stability_days"}
"""The thresholds typed as numbers with a fraction; the others are whole numbers."""


class SettingsScreen(WordsScreen[None]):
    """The current profile's knobs and the LLM configuration."""

    DEFAULT_CSS = """
    SettingsScreen #settings { padding: 0 2; }
    SettingsScreen Grid {
        grid-size: 2; grid-columns: auto 1fr; grid-rows: 1; grid-gutter: 0 1;
        height: auto; margin-top: 1;
    }
    SettingsScreen Grid Label { padding: 0 1; }
    SettingsScreen Grid Input, SettingsScreen Grid Select { width: 30; }
    SettingsScreen .section { text-style: bold; color: $accent; margin-top: 1; }
    SettingsScreen #save { margin-top: 1; }
    SettingsScreen #llm { margin-top: 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back"),
        Binding("ctrl+s", "save", "key.save"),
        Binding("ctrl+o", "app.switch_profile", "key.profile"),
    ]

    def compose(self) -> ComposeResult:
        profile = self.current_profile
        names = self.words_app.texts.language_name
        yield Header()
        with VerticalScroll(id="settings"):
            yield Static(
                self.t(
                    "settings.profile",
                    name=profile.name,
                    native=names(profile.native_lang),
                    target=names(profile.target_lang),
                ),
                classes="section",
                markup=False,
            )
            with Grid():
                yield Label(self.t("settings.level"))
                yield Select(
                    [(f"{lvl.value} {self.t(f'level.{lvl.value}')}", lvl.value) for lvl in Level],
                    value=profile.level,
                    allow_blank=False,
                    compact=True,
                    id="level",
                )
                for field, value, kind in self.fields(profile):
                    yield Label(self.t(f"settings.{field}"))
                    yield Input(value, self.hint(field), type=kind, compact=True, id=field)
                yield Label(self.t("settings.interface"))
                yield Select(
                    [(Texts(code).language_name(code), code) for code in INTERFACE_LANGUAGES],
                    value=interface_language_for(profile.interface_lang),
                    allow_blank=False,
                    compact=True,
                    id="interface",
                )
                yield Label(self.t("settings.theme"))
                yield Select(
                    [(self.t(f"theme.{look}"), look) for look in THEMES],
                    value=self.words_app.look,
                    allow_blank=False,
                    compact=True,
                    id="theme",
                )
            yield Button(self.t("settings.save"), id="save", variant="primary")
            yield Static(self.t("settings.llm"), classes="section")
            yield Static(self.llm_description(), id="llm")
        yield TranslatedFooter()

    def on_mount(self) -> None:
        self.title = self.t("settings.title")
        self.query_one("#level", Select).focus()
        self.saved_form = self.form()
        self.watch(self.app, "theme", self.theme_switched, init=False)

    def theme_switched(self) -> None:
        """Ctrl+T saved the other theme: the form shows it, and it is not a change to save."""
        self.query_one("#theme", Select).value = self.words_app.look
        self.saved_form = self.form()

    def form(self) -> tuple[object, ...]:
        """Every value in the form, to tell whether the learner changed something."""
        fields = self.query("Grid > Input, Grid > Select")
        return tuple(field.value for field in fields if isinstance(field, Input | Select))

    @property
    def current_profile(self) -> Profile:
        profile = self.words_app.profile
        assert profile is not None
        return profile

    def fields(self, profile: Profile) -> list[tuple[str, str, Literal["integer", "number"]]]:
        """The lesson settings' inputs: id (= the profile's field), value shown, input type.
        A threshold the profile does not override is shown empty."""
        rows: list[tuple[str, str, Literal["integer", "number"]]] = [
            ("lesson_size", str(profile.lesson_size), "integer"),
            ("new_per_day", str(profile.new_per_day), "integer"),
            ("reviews_per_day", str(profile.reviews_per_day), "integer"),
            ("retention", f"{profile.desired_retention:.2f}", "number"),
            ("typing_after", str(profile.typing_after), "integer"),
        ]
        for name in THRESHOLDS:
            own = getattr(profile, name)
            kind: Literal["integer", "number"] = "number" if name in FLOAT_FIELDS else "integer"
            rows.append((name, "" if own is None else f"{own:g}", kind))
        return rows

    def hint(self, field: str) -> str:
        """A threshold's placeholder: the settings' value it follows while left empty."""
        if field not in THRESHOLDS:
            return ""
        default = getattr(self.core.settings, field)
        shown = self.t("settings.off") if default is None else f"{default:g}"
        return self.t("settings.follows", value=shown)

    def llm_description(self) -> Content:
        from words_tui.settings import default_config_file

        settings = self.core.settings
        key = "settings.key_set" if settings.openai_api_key is not None else "settings.key_missing"
        lines = [
            self.t("settings.endpoint", endpoint=settings.openai_base_url or DEFAULT_ENDPOINT),
            self.t("settings.model", model=settings.llm_model),
            self.t(key),
            self.t("settings.llm_where", path=str(default_config_file())),
        ]
        return literal("\n".join(lines))

    def knobs(self) -> ProfileKnobs:
        """The values in the form; a value that is not a number is reported by field."""

        def number(field: str, convert: type[int] | type[float]) -> float:
            text = self.query_one(f"#{field}", Input).value.strip()
            try:
                return convert(text)
            except ValueError:
                raise ProfileError(
                    self.t("settings.not_a_number", field=self.t(f"settings.{field}"), value=text)
                ) from None

        thresholds: dict[str, float | None] = {}
        for name in THRESHOLDS:
            typed = self.query_one(f"#{name}", Input).value.strip()
            thresholds[name] = (
                number(name, float if name in FLOAT_FIELDS else int) if typed else None
            )
        interface = self.query_one("#interface", Select).value
        return ProfileKnobs(
            lesson_size=int(number("lesson_size", int)),
            new_per_day=int(number("new_per_day", int)),
            reviews_per_day=int(number("reviews_per_day", int)),
            desired_retention=float(number("retention", float)),
            typing_after=int(number("typing_after", int)),
            interface_lang=str(interface),
            mastery_stability_days=thresholds["mastery_stability_days"],
            mastery_streak=_whole(thresholds["mastery_streak"]),
            leech_lapses=_whole(thresholds["leech_lapses"]),
            follow_settings=tuple(name for name, value in thresholds.items() if value is None),
            theme=str(self.query_one("#theme", Select).value),
        )

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        try:
            knobs = self.knobs()
        except ProfileError as err:
            self.words_app.report_error(err)
            return
        self.save(knobs, str(self.query_one("#level", Select).value))

    @work(exclusive=True, group="settings", exit_on_error=False)
    async def save(self, knobs: ProfileKnobs, level: str) -> None:
        core, profile = self.core, self.current_profile
        assert profile.id is not None
        updated = await core.profiles.update(profile.id, knobs)
        if level != profile.level:
            updated = await core.profiles.change_level(profile.id, level)
            added = await core.vocabulary.fill_level(profile.id)
            self.notify(self.t("settings.level_words", level=level, count=added.added))
            if added.pending:
                self.notify(
                    shown(self.t("onboarding.pending", count=added.pending, reason=added.reason)),
                    severity="warning",
                    markup=False,
                    timeout=20,
                )
        self.saved_form = self.form()
        if updated.interface_lang != profile.interface_lang:
            self.words_app.show_home(updated)
        else:
            self.words_app.profile = updated
            self.words_app.show_look(updated.theme)
        self.notify(self.t("settings.saved"))

    def action_back(self) -> None:
        """Back to home; with changes not saved, only once the learner agrees to drop them."""
        from words_tui.tui.dialogs.confirm import ConfirmDialog

        if self.form() == self.saved_form:
            self.app.pop_screen()
            return

        def answered(drop: bool | None) -> None:
            if drop:
                self.app.pop_screen()

        self.app.push_screen(
            ConfirmDialog(self.t("settings.unsaved"), self.t("settings.discard")), answered
        )


def _whole(value: float | None) -> int | None:
    return None if value is None else int(value)
