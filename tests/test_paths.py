"""Paths from data and links on disk: a file named after an owner stays in its folder, a planted
link is never followed, and a symlinked plan is edited through the link."""

from __future__ import annotations

import hashlib
import json
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from massnahmen.files import atomic_write, safe_file_name
from massnahmen.load import load_plan
from massnahmen.model import Owner, Plan
from massnahmen.report.remind import MANIFEST, file_names, write_digests, write_owner_digests
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
    assert (folder / "FB2.txt").is_symlink()  # never written by the tool: not its to remove
    assert outside.read_text() == "unberührt"


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


@pytest.mark.usefixtures("english")
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


@pytest.mark.usefixtures("english")
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


# --- metadata and removals (issue 13, item 2) ------------------------------------------------

needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="only root can give a file away")


def _umask_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


@needs_root
@pytest.mark.parametrize("hops", [1, 2])
def test_a_link_to_a_setuid_file_of_another_user_lends_nothing(tmp_path: Path, hops: int) -> None:
    victim = tmp_path / "victim"
    victim.write_text("x")
    os.chown(victim, 12345, 12345)
    victim.chmod(0o6777)
    link = tmp_path / "FB1.txt"
    if hops == 2:
        (tmp_path / "hop").symlink_to(victim)
        link.symlink_to(tmp_path / "hop")
    else:
        link.symlink_to(victim)
    atomic_write(link, b"Erinnerung")
    info = os.lstat(link)
    assert stat.S_ISREG(info.st_mode) and info.st_mode & 0o7777 == _umask_mode()
    assert (info.st_uid, info.st_gid) == (os.geteuid(), os.getegid())
    assert victim.read_text() == "x" and os.stat(victim).st_mode & 0o7777 == 0o6777


@needs_root
def test_a_hard_linked_file_lends_no_owner_and_no_special_bits(tmp_path: Path) -> None:
    victim = tmp_path / "victim"
    victim.write_text("x")
    os.chown(victim, 12345, 12345)
    victim.chmod(0o6755)
    os.link(victim, tmp_path / "FB1.txt")
    atomic_write(tmp_path / "FB1.txt", b"Erinnerung")
    assert os.stat(tmp_path / "FB1.txt").st_uid == os.geteuid()
    assert victim.read_text() == "x"


@pytest.mark.parametrize("mode", [0o6777, 0o4755, 0o1777, 0o640])
def test_an_own_file_keeps_its_permissions_without_special_bits(tmp_path: Path, mode: int) -> None:
    path = tmp_path / "FB1.txt"
    path.write_text("alt")
    path.chmod(mode)
    atomic_write(path, b"neu")
    assert os.stat(path).st_mode & 0o7777 == mode & 0o777


OWNERS_PLAN = """\
format = 1
[plan]
title = "T"
authority = "A"
[[fields]]
id = "VW"
name = "V"
"""


def _plan_with_owners(tmp_path: Path, *ids: str) -> Path:
    text = OWNERS_PLAN + "".join(f'[[owners]]\nid = "{i}"\nname = "N {i}"\n' for i in ids)
    path = tmp_path / "plan.toml"
    path.write_text(text, encoding="utf-8")
    return path


def _owners_plan(tmp_path: Path, *ids: str) -> Plan:
    plan = load_plan(_plan_with_owners(tmp_path, *ids)).plan
    assert plan is not None
    return plan


@pytest.mark.parametrize(
    ("owner", "suffix", "existing"),
    [
        ("package", ".json", "package.json"),  # the reproduction of the issue
        ("README", ".md", "README.md"),
        ("notes", ".txt", "notes.txt"),
        ("setup.cfg", ".txt", "setup.cfg.txt"),
    ],
)
def test_a_file_the_tool_never_wrote_is_never_removed(
    tmp_path: Path, owner: str, suffix: str, existing: str
) -> None:
    plan = _owners_plan(tmp_path, "FB1", owner)
    out = tmp_path / "out"
    out.mkdir()
    (out / existing).write_text("not ours")
    write_owner_digests(out, plan, {"FB1": "Erinnerung"}, suffix)  # `owner` has nothing to do
    assert (out / existing).read_text() == "not ours"
    write_owner_digests(out, plan, {"FB1": "Erinnerung"}, suffix, owners=[owner])
    assert (out / existing).read_text() == "not ours"


def test_what_the_tool_wrote_goes_when_its_owner_has_nothing_left(tmp_path: Path) -> None:
    plan = _owners_plan(tmp_path, "FB1", "FB2")
    out = tmp_path / "out"
    write_owner_digests(out, plan, {"FB1": "a", "FB2": "b"}, ".txt")
    write_owner_digests(out, plan, {"FB1": "a"}, ".txt")
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, "FB1.txt"]
    assert list(json.loads((out / MANIFEST).read_text())["files"]) == ["FB1.txt"]


def test_a_file_changed_since_the_tool_wrote_it_stays(tmp_path: Path) -> None:
    plan = _owners_plan(tmp_path, "FB1", "FB2")
    out = tmp_path / "out"
    write_owner_digests(out, plan, {"FB1": "a", "FB2": "b"}, ".txt")
    (out / "FB2.txt").write_text("the officer's own notes")
    write_owner_digests(out, plan, {"FB1": "a"}, ".txt")
    assert (out / "FB2.txt").read_text() == "the officer's own notes"


def test_an_owner_removed_from_the_plan_loses_the_file_the_tool_wrote(tmp_path: Path) -> None:
    out = tmp_path / "out"
    write_owner_digests(out, _owners_plan(tmp_path, "FB1", "FB9"), {"FB9": "b"}, ".txt")
    write_owner_digests(out, _owners_plan(tmp_path, "FB1"), {"FB1": "a"}, ".txt")
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST, "FB1.txt"]


@pytest.mark.parametrize(
    "entry", ["../victim", "/tmp/victim", "..", ".bashrc", "a/../../victim", "victim\x00"]
)
def test_a_planted_manifest_removes_nothing_outside_what_the_plan_names(
    tmp_path: Path, entry: str
) -> None:
    victim = tmp_path / "victim"
    victim.write_text("x")
    out = tmp_path / "out"
    out.mkdir()
    digest = hashlib.sha256(b"x").hexdigest()
    (out / MANIFEST).write_text(json.dumps({"format": 1, "files": {entry: digest}}))
    write_owner_digests(out, _owners_plan(tmp_path, "FB1"), {"FB1": "a"}, ".txt")
    assert victim.read_text() == "x"


@pytest.mark.parametrize("planted", ["link", "garbage", "folder"])
def test_a_manifest_that_is_not_ours_is_ignored(tmp_path: Path, planted: str) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "FB2.txt").write_text("b")
    elsewhere = tmp_path / "elsewhere.json"
    digest = hashlib.sha256(b"b").hexdigest()
    elsewhere.write_text(json.dumps({"format": 1, "files": {"FB2.txt": digest}}))
    if planted == "link":
        (out / MANIFEST).symlink_to(elsewhere)
    elif planted == "garbage":
        (out / MANIFEST).write_bytes(b"\xff[{" * 100)
    plan = _owners_plan(tmp_path, "FB1", "FB2")
    if planted == "folder":
        (out / MANIFEST).mkdir()
        with pytest.raises(OSError):
            write_owner_digests(out, plan, {"FB1": "a"}, ".txt")
    else:
        write_owner_digests(out, plan, {"FB1": "a"}, ".txt")
    assert (out / "FB2.txt").read_text() == "b"
    assert json.loads(elsewhere.read_text())["files"] == {"FB2.txt": digest}


@pytest.mark.parametrize(
    ("ids", "chosen"),
    [
        (["FB1", "fb1"], "fb1"),
        (["fb1", "FB1"], "FB1"),
        (["A", "a", "a-2"], "a-2"),
        (["x" * 120 + "1", "x" * 120 + "2"], "x" * 120 + "2"),
        (["a.b", "a_b", "A_B"], "A_B"),
    ],
)
def test_an_owners_file_name_is_the_same_with_or_without_owner(
    tmp_path: Path, ids: list[str], chosen: str
) -> None:
    plan = _owners_plan(tmp_path, *ids)
    full, one = tmp_path / "full", tmp_path / "one"
    everyone = write_owner_digests(full, plan, {i: i for i in ids}, ".txt")
    alone = write_owner_digests(one, plan, {chosen: chosen}, ".txt", owners=[chosen])
    [name] = [p.name for p in everyone if p.read_text() == chosen]
    assert [p.name for p in alone] == [name]
    assert len({p.name.casefold() for p in everyone}) == len(ids)


def test_remind_owner_writes_the_file_a_full_run_writes(tmp_path: Path) -> None:
    plan = _plan_with_owners(tmp_path, "FB1", "fb1")
    text = plan.read_text() + (
        '[[measures]]\nid = "VW-01"\ntitle = "t"\nfield = "VW"\nowner = "fb1"\n'
        'deadline = 2024-01-01\nstatus = "planned"\n'
    )
    plan.write_text(text)
    run("remind", plan, "--as-of", "2025-01-01", "--out-dir", tmp_path / "full")
    run("remind", plan, "--as-of", "2025-01-01", "--out-dir", tmp_path / "one", "--owner", "fb1")
    assert (tmp_path / "full" / "fb1-2.txt").exists()
    assert (tmp_path / "one" / "fb1-2.txt").exists()
