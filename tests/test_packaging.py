"""What ``pip install`` ships: every package (found, not listed), every data file the code reads, and nothing
at the top level but ``toolgym_env``. The fast tests read setup.py and pyproject.toml; the slow one builds the
wheel. ``.ci/run`` goes further: it installs that wheel in a fresh venv outside the checkout and runs it
(``.ci/wheel_smoke.py``).
"""

from __future__ import annotations

import ast
import fnmatch
import shutil
import subprocess
import sys
import tomllib
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
if not (ROOT / "setup.py").exists():
    pytest.skip("not a source checkout (no setup.py beside tests/)", allow_module_level=True)


def package_roots() -> dict[str, str]:
    """setup.py's ``ROOTS``: import name -> folder."""
    tree = ast.parse((ROOT / "setup.py").read_text())
    node = next(n for n in tree.body if isinstance(n, ast.Assign) and n.targets[0].id == "ROOTS")
    return ast.literal_eval(node.value)


def tracked_files() -> list[Path]:
    """The files git tracks under the package roots (what a release is built from)."""
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs a git checkout to know which files are tracked")
    folders = sorted(set(package_roots().values()))
    out = subprocess.run(["git", "ls-files", "-z", "--", *folders], cwd=ROOT, capture_output=True, check=True)
    return [ROOT / p for p in out.stdout.decode().split("\0") if p and (ROOT / p).exists()]


def installed_name(path: Path) -> str:
    """The file's path inside the wheel: ``envs/x.py`` -> ``toolgym_env/envs/x.py``."""
    rel = path.relative_to(ROOT).as_posix()
    for name, folder in sorted(package_roots().items(), key=lambda kv: -len(kv[1])):
        if rel == folder or rel.startswith(folder + "/"):
            return name.replace(".", "/") + rel[len(folder) :]
    raise AssertionError(f"{rel} is outside every package root")


def test_every_folder_with_python_files_is_a_package():
    folders = {p.parent for p in tracked_files() if p.suffix == ".py"}
    assert sorted(str(f.relative_to(ROOT)) for f in folders if not (f / "__init__.py").exists()) == []


def test_every_data_file_matches_a_package_data_pattern():
    data = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["package-data"]
    unshipped = []
    for path in tracked_files():
        if path.suffix == ".py":
            continue
        name = installed_name(path)
        shipped = any(
            name.startswith(pkg.replace(".", "/") + "/") and fnmatch.fnmatch(name[len(pkg) + 1 :], pattern)
            for pkg, patterns in data.items()
            for pattern in patterns
        )
        unshipped += [] if shipped else [name]
    assert unshipped == []


def test_mapped_folders_are_not_top_level_packages():
    roots = package_roots()
    assert set(roots) == {"toolgym_env", "toolgym_env.envs", "toolgym_env.wrappers", "toolgym_env.tasks"}
    assert all(name.startswith("toolgym_env") for name in roots)


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_the_wheel_holds_every_tracked_file_under_its_installed_name(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("toolgym_env-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {installed_name(p) for p in tracked_files()}
    assert sorted(expected - names) == []
    assert {n.split("/")[0] for n in names} == {"toolgym_env", wheel.name.split("-py3")[0] + ".dist-info"}
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    assert "toolgym = toolgym_env.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()
