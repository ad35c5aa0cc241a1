"""Start-up stays light: the command line loads heavy libraries only in the commands that use them.

Timing belongs in benchmarks/startup.py; this pins the cause of a slow start, which a test can see.
"""

from __future__ import annotations

import subprocess
import sys

HEAVY = ["pydantic.main", "openpyxl", "rich.console", "massnahmen.model", "toml_rs"]


def test_the_command_line_imports_no_heavy_library_before_a_command_runs() -> None:
    probe = f"import sys, massnahmen.cli; print(','.join(m for m in {HEAVY!r} if m in sys.modules))"
    loaded = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert loaded == ""
