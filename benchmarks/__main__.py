"""`python -m benchmarks`: every command against its baseline (see benchmarks/run.py)."""

import sys

from benchmarks.run import main

sys.exit(main())
