"""A small plan with comments for the editing tests, and helpers to write and compare it."""

from __future__ import annotations

from pathlib import Path

PLAN = """\
# Maßnahmenplan Testdorf – von Hand gepflegt
format = 1

[plan]
title = "Testdorf digital"
authority = "Gemeinde Testdorf"   # Kommune

[[fields]]
id = "VW"
name = "Verwaltung"

[[fields]]
id = "BI"
name = "Bildung"

[[fields]]
id = "MO"
name = "Mobilität"

[[owners]]
id = "FB1"
name = "Fachbereich 1"

[[owners]]
id = "IT"
name = "IT-Abteilung"

# --- Verwaltung ---

[[measures]]
id = "VW-01"
title = "E-Akte"
field = "VW"
owner = "FB1"
deadline = 2026-12-31   # beschlossen im Rat
status = "in_progress"  # läuft
progress = 40

[[measures.updates]]
date = 2025-01-10
status = "in_progress"
progress = 40
note = "Pilot läuft."

[[measures]]
id = "VW-02"
title = "Posteingang"
field = "VW"
owner = "IT"
deadline = "2027-H1"
status = "planned"
depends_on = ["VW-01"]

# --- Bildung ---

[[measures]]
id = "BI-01"
title = "WLAN an Schulen"
field = "BI"
owner = "IT"
deadline = "2026-Q4"
status = "planned"
"""

UPDATE_BLOCK = """
[[measures.updates]]
date = 2026-01-15
progress = 60
note = "Rollout begonnen."
"""


def write_plan(folder: Path, text: str = PLAN, *, prefix: bytes = b"") -> Path:
    """Writes `text` as plan.toml in `folder`, byte for byte (no newline translation)."""
    path = folder / "plan.toml"
    path.write_bytes(prefix + text.encode("utf-8"))
    return path


def after_update_of_vw01(text: str = PLAN) -> str:
    """The plan as `update` with UPDATE_VW01 leaves it."""
    return text.replace("progress = 40\n\n", "progress = 60\n\n", 1).replace(
        'note = "Pilot läuft."\n', 'note = "Pilot läuft."\n' + UPDATE_BLOCK, 1
    )


UPDATE_VW01 = ("VW-01", "--progress", "60", "--note", "Rollout begonnen.", "--date", "2026-01-15")
