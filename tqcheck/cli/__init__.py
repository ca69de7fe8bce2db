"""The command line: a thin shell over the library. Commands live one group per module."""
from tqcheck.cli.app import app, main

__all__ = ["app", "main"]
