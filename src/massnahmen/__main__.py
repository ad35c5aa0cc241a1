"""`python -m massnahmen` runs the command line."""

from massnahmen.cli import main

raise SystemExit(main())
