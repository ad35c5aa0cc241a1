"""The command line's own words: its options, its refusals, its usage errors."""

from __future__ import annotations

CLI_WORDS: dict[str, tuple[str, str]] = {
    "cli.unknown_language": (
        "--lang: '{value}' ist keine Sprache dieses Programms; de oder en",
        "--lang: '{value}' is not a language of this tool; de or en",
    ),
}
