"""The command-line library's own exception types (Typer vendors Click since 0.25)."""

from __future__ import annotations

try:
    from typer._click import exceptions as library_exceptions
except ImportError:  # an older Typer, with Click installed beside it
    from click import exceptions as library_exceptions  # type: ignore[no-redef,import-not-found]

ClickException = library_exceptions.ClickException
UsageError = library_exceptions.UsageError
NoArgsIsHelpError = library_exceptions.NoArgsIsHelpError

__all__ = ["ClickException", "NoArgsIsHelpError", "UsageError", "library_exceptions"]
