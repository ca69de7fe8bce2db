"""A rich Console made on first use: importing rich costs ~30 ms that `--help`, `-q` runs
and cached re-runs need not pay."""
from __future__ import annotations

from typing import Any


class LazyConsole:
    def __init__(self, **options: Any) -> None:
        self._options = options
        self._console: Any = None

    @property
    def real(self) -> Any:
        """The rich Console itself, for APIs that need one (rich.progress)."""
        if self._console is None:
            from rich.console import Console

            self._console = Console(**self._options)
        return self._console

    def __getattr__(self, name: str) -> Any:
        return getattr(self.real, name)


def real(console: Any) -> Any:
    return console.real if isinstance(console, LazyConsole) else console
