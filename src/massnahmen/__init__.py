"""massnahmen: keeps a municipality's measure plan (Maßnahmenplan) honest."""

__version__ = "0.1.0"
