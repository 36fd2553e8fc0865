"""words_tui: learn foreign words in the terminal (Textual) and in Jupyter notebooks."""

__version__ = "0.1.0"
