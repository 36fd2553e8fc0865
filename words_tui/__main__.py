"""`python -m words_tui` behaves exactly like the `words-tui` command."""

from words_tui.cli import main

raise SystemExit(main())
