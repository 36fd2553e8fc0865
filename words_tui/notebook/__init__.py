"""The Jupyter front-end. Only this package imports ipywidgets."""
