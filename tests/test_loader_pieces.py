"""`load_model`, which reports read plans with: piece by piece, the very model `load_plan` builds,
and None wherever `load_plan` would find a problem in the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from benchmarks.generate import generate_plan

from massnahmen.load import PlanFileError, load_model, load_plan
from tests.conftest import DATA, EXAMPLE

PLANS = [EXAMPLE, *sorted(DATA.glob("*/*.toml"))]


@pytest.fixture(params=[0, 1 << 20], ids=["every-measure-a-piece", "default-pieces"])
def piece_size(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setattr("massnahmen.load.toml.PIECE_SIZE", request.param)
    return int(request.param)


@pytest.mark.parametrize("path", PLANS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_the_same_model_as_load_plan_or_none(path: Path, piece_size: int) -> None:
    expected = load_plan(path)
    found = load_model(path)
    if expected.plan is None:
        assert found is None
    else:
        assert found == expected.plan
        assert found.model_fields_set == expected.plan.model_fields_set


def test_a_generated_plan_in_pieces(tmp_path: Path, piece_size: int) -> None:
    path = generate_plan(tmp_path / "plan.toml", 400, seed=1)
    found = load_model(path)
    assert found is not None and found == load_plan(path).plan
    assert len(found.measures) == 400


@pytest.mark.parametrize(
    "content", [b"", b"  \n", b'format = 1\n[plan]\ntitle = "\xff"\n', b"\xef\xbb\xbf"]
)
def test_files_load_plan_refuses_are_none(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "plan.toml"
    path.write_bytes(content)
    assert load_model(path) is None
    with pytest.raises(PlanFileError):
        load_plan(path)


def test_no_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(PlanFileError):
        load_model(tmp_path / "missing.toml")
