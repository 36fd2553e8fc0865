"""Modal dialogs: `WordsModal[T]` subclasses that return their answer with `dismiss`."""
