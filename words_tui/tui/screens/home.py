"""Home: what is waiting today, the streak, the last 14 days, and the way to every other screen.

Two panels — today's numbers, and the menu — stacked, or side by side on a wide terminal (the
app's `-wide` class); on a short one (`-short`, as 80×24) the blank rows go so all of it fits.

The numbers are read again whenever home comes back, when the terminal regains the focus and
every few minutes, so a quiz left open overnight (or beside a notebook adding words) does not
show yesterday's counts.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Vertical, VerticalScroll
from textual.widgets import Header, OptionList, Sparkline, Static
from textual.widgets.option_list import Option

from words_tui.tui.base import WARM_UP_AFTER_S, WordsScreen
from words_tui.tui.literal import shown
from words_tui.tui.widgets.footer import TranslatedFooter

ACTIVITY_DAYS = 14
REFRESH_S = 300.0
"""How often the counts are read again while home is shown."""
MENU = (
    ("start_lesson", "home.menu.lesson", "Enter"),
    ("lesson_on_tag", "home.menu.lesson_on_tag", "g"),
    ("add_word", "home.menu.add", "a"),
    ("import_file", "home.menu.import", "i"),
    ("browse", "home.menu.browse", "b"),
    ("statistics", "home.menu.statistics", "t"),
    ("settings", "home.menu.settings", "o"),
    ("switch_profile", "home.menu.profile", "p"),
)


class HomeScreen(WordsScreen[None]):
    """The screen every other one returns to."""

    DEFAULT_CSS = """
    HomeScreen #home { padding: 0 2; height: 1fr; }
    HomeScreen .panel { height: auto; }
    HomeScreen #profile { text-style: bold; color: $accent; margin-top: 1; }
    HomeScreen #counts { margin-top: 1; height: auto; grid-size: 3; grid-rows: auto; }
    HomeScreen .count { height: 100%; min-height: 4; border: round $surface-lighten-2; padding: 0 1; }
    HomeScreen #activity-label { color: $text-muted; margin-top: 1; }
    HomeScreen Sparkline { height: 2; margin: 0 0 1 0; }
    HomeScreen #menu { height: auto; max-height: 9; border: none; padding: 0; }
    HomeScreen #llm { color: $text-muted; margin-top: 1; }
    HomeScreen.-short #counts, HomeScreen.-short #activity-label, HomeScreen.-short #llm {
        margin-top: 0;
    }
    HomeScreen.-wide #home { layout: horizontal; }
    HomeScreen.-wide .panel { width: 1fr; }
    HomeScreen.-wide #actions { margin: 1 0 0 4; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("l", "start_lesson", "key.lesson"),
        Binding("g", "lesson_on_tag", "key.lesson_on_tag", show=False),
        Binding("a", "add_word", "key.add"),
        Binding("i", "import_file", "key.import"),
        Binding("b", "browse", "key.browse"),
        Binding("t", "statistics", "key.statistics"),
        Binding("o", "settings", "key.settings"),
        Binding("p", "switch_profile", "key.profile", show=False),
        Binding("ctrl+q", "app.quit", "key.quit", priority=True),
    ]
    PALETTE_ACTIONS = (
        ("lesson", "start_lesson"),
        ("add", "add_word"),
        ("import", "import_file"),
        ("browse", "browse"),
        ("statistics", "statistics"),
        ("settings", "settings"),
        ("profile", "switch_profile"),
    )

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="home", can_focus=False):
            with Vertical(id="today", classes="panel"):
                yield Static("", id="profile", markup=False)
                with Grid(id="counts"):
                    yield Static("", id="due", classes="count")
                    yield Static("", id="new", classes="count")
                    yield Static("", id="streak", classes="count")
                yield Static(self.t("home.activity", count=ACTIVITY_DAYS), id="activity-label")
                yield Sparkline([0] * ACTIVITY_DAYS)
            with Vertical(id="actions", classes="panel"):
                yield OptionList(
                    *(
                        Option(f"{self.t(label)}  [dim]({key})[/]", id=action)
                        for action, label, key in MENU
                    ),
                    id="menu",
                )
                yield Static("", id="llm")
        yield TranslatedFooter()

    def on_mount(self) -> None:
        self.title = "words-tui"
        self.query_one("#llm", Static).update(
            self.t("home.llm_on" if self.core.llm_configured else "home.llm_off")
        )
        menu = self.query_one("#menu", OptionList)
        menu.highlighted = 0
        menu.focus()
        self.set_timer(WARM_UP_AFTER_S, self.load_language_data)
        self.set_interval(REFRESH_S, self.refresh_if_shown)
        self.watch(self.app, "app_focus", self.refresh_if_shown, init=False)

    def on_screen_resume(self) -> None:
        self.show_profile()

    def show_profile(self) -> None:
        """The profile line and today's numbers (again after every lesson, edit or import)."""
        profile = self.words_app.profile
        assert profile is not None
        names = self.words_app.texts.language_name
        self.query_one("#profile", Static).update(
            shown(
                self.t(
                    "home.profile",
                    name=profile.name,
                    native=names(profile.native_lang),
                    target=names(profile.target_lang),
                    level=profile.level,
                )
            )
        )
        self.refresh_counts()

    def refresh_if_shown(self) -> None:
        """Read the counts again while home is in view, unless a reading is under way (a new
        one would cancel it, so a slow database would never show fresh numbers)."""
        reading = any(
            worker.node is self and worker.group == "home" and not worker.is_finished
            for worker in self.app.workers
        )
        if self.is_current and self.app.app_focus and not reading:
            self.refresh_counts()

    @work(exclusive=True, group="home", exit_on_error=False)
    async def refresh_counts(self) -> None:
        """Reload today's numbers and the activity line (after every lesson, edit or import)."""
        profile = self.words_app.profile
        assert profile is not None and profile.id is not None
        today = await self.core.lessons.today(profile.id)
        activity = await self.core.stats.activity(profile.id, ACTIVITY_DAYS)
        self.query_one("#due", Static).update(self.t("home.due", count=today.due))
        self.query_one("#new", Static).update(
            self.t("home.new", done=today.new_done, limit=today.new_limit)
        )
        self.query_one("#streak", Static).update(
            self.t("home.streak", count=activity.streak.current)
        )
        self.query_one(Sparkline).data = [day.count for day in activity.days]

    def load_language_data(self) -> None:
        """Start loading the lemma tables the typed answers need, in the background, so they are
        ready before the first typed card; a lesson started earlier starts them itself."""
        profile = self.words_app.profile
        if profile is not None:
            self.core.lessons.languages.start((profile.native_lang, profile.target_lang))

    @on(OptionList.OptionSelected, "#menu")
    async def menu_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id is not None:
            await self.run_action(event.option.id)

    def action_start_lesson(self) -> None:
        self.start_lesson(self.words_app.lesson_tag)

    @work(exclusive=True, group="home-tags", exit_on_error=False)
    async def action_lesson_on_tag(self) -> None:
        """Pick one of the profile's tags, then a lesson on its words alone."""
        from words_tui.tui.dialogs.tags import TagPicker

        profile = self.words_app.profile
        assert profile is not None and profile.id is not None
        tags = await self.core.vocabulary.tags(profile.id)
        if not tags:
            self.notify(self.t("tags.none"))
            return

        def picked(tag: str | None) -> None:
            if tag is not None:
                self.start_lesson(tag)

        self.app.push_screen(TagPicker(tags), picked)

    @work(exclusive=True, group="home-lesson", exit_on_error=False)
    async def start_lesson(self, tag: str | None = None) -> None:
        """A lesson on the profile's words (only those carrying `tag` when given)."""
        from words_tui.tui.screens.lesson import LessonScreen

        profile = self.words_app.profile
        assert profile is not None and profile.id is not None
        service = self.core.lessons
        lesson = await service.start_lesson(profile.id, tag=tag)
        if not lesson.cards and tag is None:
            await self.offer_next_steps(profile.id, profile.new_per_day)
            return
        if not lesson.cards:
            self.notify(self.t("home.nothing_due"))
            return
        self.app.push_screen(LessonScreen(service, lesson))

    async def offer_next_steps(self, profile_id: int, new_limit: int) -> None:
        """Nothing is due: offer more new words, practice ahead, or say how to add words."""
        from words_tui.tui.dialogs.next_steps import NextStepsDialog

        outlook = await self.core.lessons.outlook(profile_id)

        def chosen(choice: str | None) -> None:
            if choice is not None:
                self.go_on(profile_id, choice, outlook.more_new)

        self.app.push_screen(NextStepsDialog(outlook, new_limit), chosen)

    @work(exclusive=True, group="home-lesson", exit_on_error=False)
    async def go_on(self, profile_id: int, choice: str, more_new: int) -> None:
        """The lesson the learner chose past a dead end: more new words, or practice ahead."""
        from words_tui.tui.dialogs.next_steps import MORE_NEW
        from words_tui.tui.screens.lesson import LessonScreen

        service = self.core.lessons
        if choice == MORE_NEW:
            lesson = await service.start_lesson(profile_id, extra_new=more_new)
        else:
            lesson = await service.practise_ahead(profile_id)
        if lesson.cards:
            self.app.push_screen(LessonScreen(service, lesson))

    def action_add_word(self) -> None:
        from words_tui.tui.screens.add_word import AddWordScreen

        self.app.push_screen(AddWordScreen())

    def action_import_file(self) -> None:
        from words_tui.tui.screens.import_file import ImportScreen

        self.app.push_screen(ImportScreen())

    def action_browse(self) -> None:
        from words_tui.tui.screens.browser import BrowserScreen

        self.app.push_screen(BrowserScreen())

    def action_statistics(self) -> None:
        from words_tui.tui.screens.statistics import StatisticsScreen

        self.app.push_screen(StatisticsScreen())

    def action_settings(self) -> None:
        from words_tui.tui.screens.settings import SettingsScreen

        self.app.push_screen(SettingsScreen())

    def action_switch_profile(self) -> None:
        self.words_app.action_switch_profile()
