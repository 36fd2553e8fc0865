"""Pure learning logic: no I/O, no frameworks, no database. Fast to test, safe to reuse."""
