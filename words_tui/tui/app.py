"""The Textual application: one factory (`create_app`) used by `words-tui` and by the tests.

The app receives its `Core` (the services on the database, settings, clock and LLM) in the
constructor, or a coroutine that opens one, and screens reach the services through it; it never
creates engines or reads settings itself. It shows a start-up screen at once and opens the core
and loads the screens in a worker, so the first frame does not wait for SQLAlchemy or
migrations; the LLM client is built in a thread after that. Failures of every worker arrive in
`report_error`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from words_tui.i18n import Texts, base_language
from words_tui.services import Core
from words_tui.tui.base import WARM_UP_AFTER_S
from words_tui.tui.keys import on_any_layout
from words_tui.tui.palette import WordsPalette
from words_tui.tui.screens.startup import StartupScreen

if TYPE_CHECKING:
    from words_tui.services.vocabulary import Profile
    from words_tui.tui.screens.home import HomeScreen

CoreLoader = Callable[[], Awaitable[Core]]
TEXTUAL_THEMES = {"dark": "textual-dark", "light": "textual-light"}
"""Textual's colour theme for each look a profile can choose (`services.vocabulary.THEMES`)."""
NARROW_COLUMNS = 100
"""Below this width every screen carries the class `-narrow` (as at 80 columns): rows of fields
that would squeeze one of them to a few cells wrap instead."""
WIDE_COLUMNS = 140
"""From this width every screen carries the class `-wide` (between the two `-medium`): home and
statistics put their panels side by side, which needs two columns of about 66 cells each."""
SHORT_ROWS = 30
"""Below this height every screen carries the class `-short` (from it `-tall`): home drops its
blank rows so all of it fits an 80×24 terminal in every interface language."""


class WordsApp(App[int]):
    """The terminal quiz."""

    TITLE = "words-tui"
    # Textual declares these as instance variables, which a ClassVar may not override (mypy).
    HORIZONTAL_BREAKPOINTS = [  # noqa: RUF012
        (0, "-narrow"),
        (NARROW_COLUMNS, "-medium"),
        (WIDE_COLUMNS, "-wide"),
    ]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (SHORT_ROWS, "-tall")]  # noqa: RUF012
    CSS = """
    Screen { background: $background; }
    .title { text-style: bold; color: $accent; padding: 0 1; }
    .hint { color: $text-muted; padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = on_any_layout(
        [
            Binding("f1", "help", "key.help"),
            Binding("question_mark", "help", "key.help", show=False),
            Binding("ctrl+t", "toggle_theme", "key.theme", show=False),
            Binding(
                App.COMMAND_PALETTE_BINDING,
                "command_palette",
                "palette",
                show=False,
                key_display=App.COMMAND_PALETTE_DISPLAY,
                priority=True,
            ),
            *App.BINDINGS,
        ]
    )
    """Textual's own keys (quit, the Ctrl+C hint, the palette, which Textual binds only when
    nothing else does) are listed again so that they get their ЙЦУКЕН twins too."""

    def __init__(
        self,
        core: Core | None = None,
        *,
        loader: CoreLoader | None = None,
        language: str = "en",
        lesson_tag: str | None = None,
        after_start: Callable[[], None] | None = None,
    ) -> None:
        super().__init__()
        self.lesson_tag = lesson_tag
        """Lessons started with `l` take only words carrying this tag (`words-tui quiz --tag`)."""
        if (core is None) == (loader is None):
            raise ValueError("give the app either a core or a loader, not both or neither")
        self._core = core
        self._loader = loader
        self._owns_core = core is None
        self._after_start = after_start
        self.texts = Texts(language)
        self.system_language = base_language(language)
        """The language of the user's locale ("fr" for fr_FR.UTF-8), offered first in onboarding."""
        self.profile: Profile | None = None
        self.exit_message = ""
        """Why the app stopped on its own (a database it cannot open), for the CLI and tests."""
        self.theme = TEXTUAL_THEMES["dark"]

    @property
    def core(self) -> Core:
        if self._core is None:
            raise RuntimeError("the core is not open yet")
        return self._core

    def on_mount(self) -> None:
        self.push_screen(StartupScreen())
        self.boot()

    async def on_unmount(self) -> None:
        if self._owns_core and self._core is not None:
            await self._core.close()

    @work(exclusive=True, group="boot", exit_on_error=False)
    async def boot(self) -> None:
        """Open the core, then show onboarding (no profile yet) or the home screen."""
        if self._core is None:
            assert self._loader is not None
            self._core = await self._loader()
        profile = await self.core.profiles.active()
        if profile is None:
            from words_tui.tui.screens.onboarding import OnboardingScreen

            await self.switch_screen(OnboardingScreen(first_run=True))
        else:
            self.show_home(profile)
        self.set_timer(WARM_UP_AFTER_S, self.warm_up)

    def warm_up(self) -> None:
        """Once the first screen has settled: the caller's `after_start`, and the LLM client
        built in the background."""
        if self._after_start is not None:
            self._after_start()
        if not self.core.llm_ready:
            self.connect_llm()

    @work(thread=True, exclusive=True, group="llm", exit_on_error=False)
    def connect_llm(self) -> None:
        """Build the LLM client off the event loop (the openai SDK takes a while to import), so
        the judge and the lookups find it ready (they build it themselves when they come first)."""
        self.core.connect_llm()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.report_error(event.worker.error)

    def report_error(self, error: BaseException) -> None:
        """The one place errors end up: a notification, or exit when the app cannot start.

        Errors go to Textual's log (visible with `textual console`), never to stderr, which
        would scribble over the screen.
        """
        self.log.error(f"{type(error).__name__}: {error}")
        if self._core is None:
            self.exit_message = f"words-tui: {error}"
            self.exit(return_code=1, message=self.exit_message)
            return
        self.notify(
            self.texts("error.body", error=self.texts.error(error)),
            title=self.texts("error.title"),
            severity="error",
            markup=False,
            timeout=8,
        )

    def show_home(self, profile: Profile) -> None:
        """Make `profile` the current one and show its home screen as the only screen.

        Screens call this from their own workers; the navigation runs in the app's worker, so
        it is not cancelled when the calling screen goes away.
        """
        self.profile = profile
        self.texts = self.texts.switched_to(profile.interface_lang)
        self.show_look(profile.theme)
        self.go_home()

    @work(exclusive=True, group="navigation", exit_on_error=False)
    async def go_home(self) -> None:
        from words_tui.tui.screens.home import HomeScreen

        while len(self.screen_stack) > 2:
            await self.pop_screen()
        await self.switch_screen(HomeScreen())

    def action_switch_profile(self) -> None:
        """Pick another profile (its home replaces every screen) or create one (onboarding)."""
        from words_tui.tui.dialogs.profiles import NEW_PROFILE, ProfilePicker
        from words_tui.tui.screens.onboarding import OnboardingScreen

        def picked(choice: int | str | None) -> None:
            if choice == NEW_PROFILE:
                self.push_screen(OnboardingScreen(first_run=False))
            elif isinstance(choice, int):
                self.use_profile(choice)

        self.push_screen(ProfilePicker(), picked)

    @work(exclusive=True, group="profile", exit_on_error=False)
    async def use_profile(self, profile_id: int) -> None:
        self.show_home(await self.core.profiles.use(profile_id))

    def action_help(self) -> None:
        from words_tui.tui.screens.help import HelpScreen

        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    def action_help_quit(self) -> None:
        """Ctrl+C: Textual's hint that ctrl+q quits, in the interface language."""
        for key, active in self.active_bindings.items():
            if active.binding.action in ("quit", "app.quit"):
                self.notify(
                    self.texts("textual.quit_hint", key=key),
                    title=self.texts("textual.quit_title"),
                    markup=False,
                )
                return

    def action_command_palette(self) -> None:
        """Textual's command palette with its prompt and "no matches" in the interface language."""
        if self.use_command_palette and not isinstance(self.screen, CommandPalette):
            self.push_screen(
                WordsPalette(
                    self.texts("textual.palette_placeholder"), self.texts("textual.no_matches")
                )
            )

    @property
    def look(self) -> str:
        """The current theme as a profile stores it ("dark" or "light")."""
        return "light" if self.theme == TEXTUAL_THEMES["light"] else "dark"

    def show_look(self, look: str) -> None:
        self.theme = TEXTUAL_THEMES.get(look, TEXTUAL_THEMES["dark"])

    def action_toggle_theme(self) -> None:
        """Dark ↔ light, kept in the profile so the next start looks the same."""
        look = "dark" if self.look == "light" else "light"
        self.show_look(look)
        if self.profile is not None:
            self.save_look(look)

    @work(exclusive=True, group="theme", exit_on_error=False)
    async def save_look(self, look: str) -> None:
        profile = self.profile
        assert profile is not None and profile.id is not None
        self.profile = await self.core.profiles.set_theme(profile.id, look)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Command palette entries for the main actions, in the interface language."""
        home = self._home_screen()
        if home is not None:
            for key, action in home.PALETTE_ACTIONS:
                yield SystemCommand(
                    self.texts(f"palette.{key}"),
                    self.texts(f"palette.{key}.help"),
                    getattr(home, f"action_{action}"),
                )
        yield SystemCommand(
            self.texts("palette.help"), self.texts("palette.help.help"), self.action_help
        )
        yield SystemCommand(
            self.texts("palette.theme"), self.texts("palette.theme.help"), self.action_toggle_theme
        )
        yield SystemCommand(self.texts("palette.quit"), self.texts("palette.quit.help"), self.exit)

    def _home_screen(self) -> HomeScreen | None:
        from words_tui.tui.screens.home import HomeScreen

        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                return screen
        return None


def create_app(
    core: Core | None = None,
    *,
    loader: CoreLoader | None = None,
    language: str = "en",
    lesson_tag: str | None = None,
    after_start: Callable[[], None] | None = None,
) -> WordsApp:
    """The app for the CLI (with a `loader`) and for tests (with a ready `core`);
    `after_start` is called once the first screen after start-up has been up a moment."""
    return WordsApp(
        core, loader=loader, language=language, lesson_tag=lesson_tag, after_start=after_start
    )
