"""The words of findings and refusals that guard the edges: e-mail addresses, ignored codes,
cycles, limits of what a file may hold, import remarks. Each entry (German, English)."""

from __future__ import annotations

SAFETY_WORDS: dict[str, tuple[str, str]] = {
    "not_an_email": (
        "{value} ist keine E-Mail-Adresse ({reason})",
        "{value} is not an e-mail address ({reason})",
    ),
    "ignore_error_code": (
        "{pattern} nennt Fehler: nur Warnungen (W…) lassen sich ausblenden",
        "{pattern} names errors: only warnings (W…) can be ignored",
    ),
}
