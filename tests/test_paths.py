"""Paths from data and links on disk: a file named after an owner stays in its folder, a planted
link is never followed, and a symlinked plan is edited through the link."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from massnahmen.files import safe_file_name
from massnahmen.model import Owner
from massnahmen.report.remind import file_names, write_digests
from tests.conftest import EXAMPLE, EXAMPLE_AS_OF, run
from tests.editing import UPDATE_VW01, after_update_of_vw01, write_plan
from tests.fuzzing import hostile_id


@given(st.lists(hostile_id, min_size=1, max_size=8))
@settings(max_examples=200, deadline=None)
def test_every_owner_file_is_a_plain_name_inside_the_folder(ids: list[str]) -> None:
    owners = [Owner.model_construct(id=i, name="x") for i in dict.fromkeys(ids)]
    names = file_names(owners, ".txt")
    folder = Path("/srv/erinnerungen")
    for owner in owners:
        name = names[owner.id]
        assert name.startswith(safe_file_name(owner.id)) and not name.startswith(".")
        assert (folder / name).resolve().parent == folder  # no separator, no ..
        assert len(name.encode()) < 255
    assert len({n.casefold() for n in names.values()}) == len(owners)


def test_a_planted_link_in_the_out_dir_is_replaced_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("unberührt")
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "FB1.txt").symlink_to(outside)
    (folder / "FB2.txt").symlink_to(outside)  # stale: its owner has nothing to do
    written = write_digests(folder, {"FB1.txt": "Erinnerung"}, stale=["FB2.txt"])
    assert written == [folder / "FB1.txt"]
    assert (
        not (folder / "FB1.txt").is_symlink() and (folder / "FB1.txt").read_text() == "Erinnerung"
    )
    assert not (folder / "FB2.txt").exists() and outside.read_text() == "unberührt"


def test_a_chain_of_relative_links_is_edited_at_its_end(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    target = write_plan(tmp_path / "real")
    first, second = tmp_path / "plan.toml", tmp_path / "zwischen.toml"
    second.symlink_to(Path("real") / "plan.toml")
    first.symlink_to("zwischen.toml")
    assert run("update", first, *UPDATE_VW01).code == 0
    assert first.is_symlink() and second.is_symlink()
    assert target.read_text() == after_update_of_vw01()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.toml", "real", "zwischen.toml"]
    assert [p.name for p in (tmp_path / "real").iterdir()] == ["plan.toml"]  # lock gone too


def test_a_dangling_link_is_not_turned_into_a_plan(tmp_path: Path) -> None:
    link = tmp_path / "plan.toml"
    link.symlink_to(tmp_path / "gone.toml")
    result = run("update", link, *UPDATE_VW01)
    assert result.code == 2 and "no such file" in result.stderr
    assert link.is_symlink() and not (tmp_path / "gone.toml").exists()


def test_a_link_loop_exits_2_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.toml").symlink_to("b.toml")
    (tmp_path / "b.toml").symlink_to("a.toml")
    for args in (["update", tmp_path / "a.toml", *UPDATE_VW01], ["check", tmp_path / "a.toml"]):
        result = run(*args)
        assert result.code == 2 and len(result.stderr.strip().splitlines()) == 1, result


def test_remind_refuses_an_owner_id_that_climbs_out_of_the_folder(tmp_path: Path) -> None:
    text = EXAMPLE.read_text(encoding="utf-8").replace('"FB1"', '"../../etc/x"')
    plan = tmp_path / "plan.toml"
    plan.write_text(text, encoding="utf-8")
    out = tmp_path / "a" / "b" / "out"
    result = run("remind", plan, "--as-of", EXAMPLE_AS_OF, "--out-dir", out)
    assert result.code == 1
    line = text.splitlines().index('id = "../../etc/x"') + 1
    assert f'{plan}:{line}:1: E002 owner ../../etc/x: key "id"' in result.stderr
    assert sorted(p.name for p in tmp_path.rglob("*")) == ["plan.toml"]
