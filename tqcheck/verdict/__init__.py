"""The learned verdict per aligned unit (filled in below)."""
from __future__ import annotations


def apply(units, ctx, info):  # type: ignore[no-untyped-def]
    return list(units)
