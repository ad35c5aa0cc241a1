"""Hypothesis strategies for plan files: any valid plan, as TOML data (dates as date objects)."""

from __future__ import annotations

import datetime as dt

from hypothesis import strategies as st

# Owner addresses are validated (E002 unless one address): valid ones, in several forms.
emails = st.from_regex(
    r"[a-z0-9](?:[a-z0-9_+-]{0,10}[a-z0-9])?(?:\.[a-z0-9]{1,5})?@[a-z0-9]{1,10}\.(?:de|org|eu)",
    fullmatch=True,
)

ids = st.from_regex(r"[A-Za-z0-9][A-Za-z0-9._-]{0,6}", fullmatch=True)
texts = st.text(max_size=40)  # any characters: quotes, backslashes, line breaks, controls
dates = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2100, 12, 31))
years = st.integers(1990, 2100)
periods = st.sampled_from(["H1", "H2", "Q1", "Q2", "Q3", "Q4", "01", "06", "12"])
deadlines = st.one_of(
    dates,
    years.map(str),
    st.tuples(years, periods).map(lambda year_period: f"{year_period[0]}-{year_period[1]}"),
    st.just("ongoing"),
)
# Horizon names: some plans define them, and any deadline may name one (defined or not).
horizon_names = st.sampled_from(["kurzfristig", "mittelfristig", "langfristig", "bis Ende"])
horizon_forms = st.one_of(
    dates,
    years.map(str),
    st.tuples(years, periods).map(lambda year_period: f"{year_period[0]}-{year_period[1]}"),
)
plan_deadlines = st.one_of(deadlines, horizon_names)
numbers = st.one_of(
    st.integers(-(10**9), 10**9), st.floats(-1e9, 1e9, allow_nan=False, allow_infinity=False)
)
statuses = st.sampled_from(["planned", "in_progress", "done", "on_hold", "cancelled"])
updates = st.fixed_dictionaries(
    {"date": dates},
    optional={
        "status": statuses,
        "progress": st.integers(0, 100),
        "deadline": plan_deadlines,
        "rating": st.sampled_from(["green", "yellow", "red"]),
        "note": texts,
    },
)
milestones = st.fixed_dictionaries(
    {"title": texts},
    optional={"due": st.one_of(horizon_forms, horizon_names), "done_on": dates},
)
indicators = st.fixed_dictionaries(
    {"id": ids},
    optional={
        "name": texts,
        "unit": texts,
        "baseline": numbers,
        "baseline_date": dates,
        "target": numbers,
        "target_date": dates,
        "values": st.lists(st.fixed_dictionaries({"date": dates, "value": numbers}), max_size=3),
    },
)
attribute_values = st.one_of(texts, numbers, st.booleans())
attributes = st.one_of(
    st.fixed_dictionaries(
        {
            "id": ids,
            "name": texts,
            "kind": st.just("choice"),
            "choices": st.lists(texts, min_size=1),
        }
    ),
    st.fixed_dictionaries(
        {"id": ids, "name": texts, "kind": st.just("number")}, optional={"unit": texts}
    ),
    st.fixed_dictionaries(
        {"id": ids, "name": texts},
        optional={"kind": st.sampled_from(["text", "flag"]), "description": texts},
    ),
)
measures = st.fixed_dictionaries(
    {"id": ids, "title": texts, "field": ids, "status": statuses},
    optional={
        "owner": ids,
        "contributors": st.lists(ids, max_size=3),
        "description": texts,
        "priority": st.sampled_from(["high", "medium", "low"]),
        "start": dates,
        "deadline": plan_deadlines,
        "progress": st.integers(0, 100),
        "budget_eur": st.floats(0, 1e12, allow_nan=False, allow_infinity=False),
        "budget_reserved": st.booleans(),
        "funding": texts,
        "funding_ends": dates,
        "decision": texts,
        "depends_on": st.lists(ids, max_size=3),
        "services": st.lists(st.from_regex(r"\d{14}", fullmatch=True), max_size=2),
        "tags": st.lists(texts, max_size=3),
        "attributes": st.dictionaries(ids, attribute_values, max_size=3),
        "indicator": texts,
        "notes": texts,
        "milestones": st.lists(milestones, max_size=3),
        "indicators": st.lists(indicators, max_size=2),
        "updates": st.lists(updates, max_size=3),
    },
)
plans = st.fixed_dictionaries(
    {
        "format": st.just(1),
        "plan": st.fixed_dictionaries(
            {"title": texts, "authority": texts},
            optional={
                "version": texts,
                "state": st.sampled_from(["draft", "adopted"]),
                "adopted_on": dates,
                "adopted_by": texts,
            },
        ),
        "fields": st.lists(
            st.fixed_dictionaries(
                {"id": ids, "name": texts}, optional={"goal": texts, "description": texts}
            ),
            max_size=3,
        ),
        "owners": st.lists(
            st.fixed_dictionaries(
                {"id": ids, "name": texts},
                optional={
                    "kind": st.sampled_from(["unit", "person", "external"]),
                    "email": emails,
                    "active": st.booleans(),
                    "parent": ids,
                },
            ),
            max_size=3,
        ),
        "measures": st.lists(measures, max_size=4),
    },
    optional={
        "settings": st.fixed_dictionaries(
            {},
            optional={
                "due_soon_days": st.integers(0, 400),
                "stale_days": st.integers(1, 400),
                "max_open_per_owner": st.integers(1, 50),
                "ignore": st.lists(st.sampled_from(["W201", "W302"]), max_size=2),
                "horizons": st.dictionaries(horizon_names, horizon_forms, max_size=3),
                "indicator_tolerance": st.one_of(st.integers(0, 100), st.floats(0, 100)),
            },
        ),
        "attributes": st.lists(attributes, max_size=3),
        "meetings": st.lists(
            st.fixed_dictionaries({"date": dates}, optional={"committee": texts, "note": texts}),
            max_size=2,
        ),
        "publish": st.fixed_dictionaries(
            {},
            optional={
                "budget": st.booleans(),
                "notes": st.booleans(),
                "person_names": st.booleans(),
                "exclude_fields": st.lists(ids, max_size=2),
                "imprint": texts,
                "imprint_url": st.sampled_from(["https://example.org/impressum", "impressum.html"]),
            },
        ),
    },
)
