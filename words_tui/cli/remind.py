"""`words-tui remind`: a desktop notification when reviews are waiting, silence otherwise.

Meant for a scheduler; it never creates a database and always exits 0 unless misconfigured.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
from typing import TYPE_CHECKING

from words_tui.cli.language import texts
from words_tui.cli.with_core import run_with_core
from words_tui.services import Core

if TYPE_CHECKING:
    from words_tui.services.stats import Reminder

NOTIFY_TIMEOUT_S = 10.0
CRON_EXAMPLE = """\
  0 * * * * DISPLAY=:0 DBUS_SESSION_BUS_ADDRESS=unix:path=/run/user/$(id -u)/bus words-tui remind
"""
SYSTEMD_EXAMPLE = """\
  ~/.config/systemd/user/words-tui-remind.service
    [Service]
    Type=oneshot
    ExecStart=%h/.local/bin/words-tui remind
  ~/.config/systemd/user/words-tui-remind.timer
    [Timer]
    OnCalendar=hourly
    Persistent=true
    [Install]
    WantedBy=timers.target
  systemctl --user enable --now words-tui-remind.timer
"""
"""How to schedule it: configuration for cron and systemd, the same in every language."""


def register(commands: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    t = texts()
    remind = commands.add_parser(
        "remind",
        help=t("cli.help.remind"),
        description=t("cli.help.remind.description"),
        epilog=f"{t('cli.help.remind.cron')}\n{CRON_EXAMPLE}\n"
        f"{t('cli.help.remind.systemd')}\n{SYSTEMD_EXAMPLE}",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    remind.add_argument(
        "--quiet-hours",
        type=float,
        metavar=t("cli.metavar.hours"),
        help=t("cli.help.remind.quiet_hours"),
    )
    remind.add_argument(
        "--window", metavar=t("cli.metavar.window"), help=t("cli.help.remind.window")
    )
    remind.add_argument("--print", action="store_true", help=t("cli.help.remind.print"))
    remind.set_defaults(handler=run)


def notify(reminder: Reminder, *, printed: bool) -> None:
    """A desktop notification through notify-send when there is one, else a printed line, in
    the profile's interface language."""
    from words_tui.i18n import Texts

    message = Texts(reminder.interface_lang)(
        "remind.due", count=reminder.due, profile=reminder.profile_name
    )
    command = None if printed else shutil.which("notify-send")
    if command is not None:
        try:
            result = subprocess.run(
                [command, "--app-name=words-tui", "words-tui", message],
                check=False,
                timeout=NOTIFY_TIMEOUT_S,
                capture_output=True,
            )
            if result.returncode == 0:
                return
        except (OSError, subprocess.TimeoutExpired):
            pass
    print(message)


def run(args: argparse.Namespace) -> int:
    from words_tui.errors import SettingsError
    from words_tui.services.stats import DaytimeWindow
    from words_tui.settings import load_settings

    settings = load_settings()
    text = args.window or settings.remind_window
    try:
        window = DaytimeWindow.parse(text)
    except ValueError:
        raise SettingsError(key="error.setting.remind_window", value=text) from None
    if not Core.has_database(settings):
        return 0  # nothing learnt yet: nothing to remind of, and no database is created
    due = run_with_core(
        lambda core: core.stats.reminders(quiet_hours=args.quiet_hours, window=window), settings
    )
    for reminder in due:
        notify(reminder, printed=args.print)
    return 0
