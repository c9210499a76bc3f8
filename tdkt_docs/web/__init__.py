"""The local web page: the CLI's workflow in a browser, over the same pipeline functions."""
from .app import create_app

__all__ = ["create_app"]
