"""`diff` names changes to attributes, milestones, indicator values and the owner's rating."""

from __future__ import annotations

from pathlib import Path

from massnahmen.load import parse_plan
from massnahmen.model import Plan
from massnahmen.report.diff import diff_plans
from tests.conftest import EXAMPLE, EXAMPLE_AS_OF, run

TEXT = EXAMPLE.read_text(encoding="utf-8")


def changed(text: str) -> str:
    """The example with VW-02's rollout reached, its attributes changed, a new heating value
    for UM-02 and GE-01 rated red."""
    text = text.replace(
        'title = "Rollout in allen Fachbereichen"\ndue = "2025-Q3"\n',
        'title = "Rollout in allen Fachbereichen"\ndue = "2025-Q3"\ndone_on = 2025-03-10\n',
    )
    text = text.replace(
        "  { date = 2024-12-31, value = 137 },\n",
        "  { date = 2024-12-31, value = 137 },\n  { date = 2025-03-01, value = 133.5 },\n",
    )
    text = text.replace(
        'attributes = { personal = "zusätzlich" }',
        'attributes = { personal = "vorhanden", co2 = 12 }',
    )
    return text.replace(
        'rating = "green"\nnote = "Fehlerbehebung', 'rating = "red"\nnote = "Fehlerbehebung'
    )


def plan(text: str) -> Plan:
    loaded = parse_plan(text, "plan.toml")
    assert loaded.plan is not None
    return loaded.plan


def test_each_part_is_a_change_of_its_measure() -> None:
    found = {c.id: c for c in diff_plans(plan(TEXT), plan(changed(TEXT))).changed}
    assert set(found) == {"VW-02", "GE-01", "UM-02"}
    vw = found["VW-02"]
    assert [(a.key, a.old, a.new) for a in vw.attributes] == [
        ("personal", "zusätzlich", "vorhanden"),
        ("co2", None, 12),
    ]
    assert [(m.title, m.kind) for m in vw.milestones] == [
        ("Rollout in allen Fachbereichen", "reached")
    ]
    assert vw.other_keys == []
    [rating] = found["GE-01"].changes
    assert (rating.key, rating.old, rating.new) == ("rating", "green", "red")
    [heating] = found["UM-02"].indicators
    assert heating.kind == "changed" and [v.value for v in heating.new_values] == [133.5]


def test_milestones_added_removed_and_moved() -> None:
    text = changed(TEXT).replace(
        'title = "Altakten übernommen"\ndue = "2025-Q4"',
        'title = "Altakten übernommen"\ndue = "2026-Q1"',
    )
    text = text.replace('title = "Vergabe abgeschlossen"', 'title = "Vergabe erfolgt"')
    [vw] = [c for c in diff_plans(plan(TEXT), plan(text)).changed if c.id == "VW-02"]
    assert sorted((m.title, m.kind) for m in vw.milestones) == [
        ("Altakten übernommen", "moved"),
        ("Rollout in allen Fachbereichen", "reached"),
        ("Vergabe abgeschlossen", "removed"),
        ("Vergabe erfolgt", "added"),
    ]


def test_text_says_it_in_the_readers_words(tmp_path: Path) -> None:
    new = tmp_path / "neu.toml"
    new.write_text(changed(TEXT), encoding="utf-8")
    lines = run("diff", EXAMPLE, new, "--as-of", EXAMPLE_AS_OF).stdout.splitlines()
    assert "    Merkmal Personalbedarf: zusätzlich → vorhanden" in lines
    assert "    Merkmal CO₂-Einsparung: – → 12 t/a" in lines
    assert "    Meilenstein erreicht „Rollout in allen Fachbereichen“ (10.03.2025)" in lines
    assert "    Einschätzung: grün → rot" in lines
    assert "    waerme: neuer Messwert 133,5 kWh/m² (01.03.2025)" in lines


def test_json_gives_the_parts_by_key(tmp_path: Path) -> None:
    import json

    new = tmp_path / "neu.toml"
    new.write_text(changed(TEXT), encoding="utf-8")
    result = run("diff", EXAMPLE, new, "--as-of", EXAMPLE_AS_OF, "-f", "json")
    by_id = {c["id"]: c for c in json.loads(result.stdout)["changed"]}
    assert by_id["VW-02"]["attributes"]["co2"] == {"old": None, "new": 12}
    assert by_id["VW-02"]["milestones"][0]["new"] == {"due": "2025-Q3", "done_on": "2025-03-10"}
    assert by_id["UM-02"]["indicators"][0]["new_values"] == [{"date": "2025-03-01", "value": 133.5}]
    assert by_id["GE-01"]["changes"]["rating"] == {"old": "green", "new": "red"}
