"""One error hierarchy and the documented exit codes.

Only the CLI turns these into exit codes; library code raises, never exits.
"""
from __future__ import annotations

from enum import IntEnum


class ExitStatus(IntEnum):
    PASSED = 0
    GATE_FAILED = 1
    BAD_INPUT = 2
    ENGINE_UNAVAILABLE = 3
    INTERRUPTED = 130


class TqcheckError(Exception):
    """Base class: the message says what went wrong and what to do next."""

    exit_status = ExitStatus.BAD_INPUT


class InputError(TqcheckError):
    """An input file is missing, unreadable, empty, binary or undecodable."""


class LanguageError(TqcheckError):
    """The languages of the pair are unusable (same language, unsupported, undetectable)."""


class ConfigError(TqcheckError):
    """A configuration file or option value is invalid."""


class EngineError(TqcheckError):
    """A translation engine or model is not installed or failed."""

    exit_status = ExitStatus.ENGINE_UNAVAILABLE
