"""Package discovery over the project's four source roots.

``toolgym_env/`` is the import root; the top-level ``envs/``, ``wrappers/`` and ``tasks/`` folders are mapped
into it as ``toolgym_env.envs``, ``toolgym_env.wrappers`` and ``toolgym_env.tasks`` (they never become
top-level packages). ``[tool.setuptools.packages.find]`` cannot remap several roots, so the package list is
computed here: every folder with an ``__init__.py`` under each root is a package, and a new subpackage ships
without editing a list. Everything else (metadata, dependencies, package data) lives in ``pyproject.toml``.
"""

from setuptools import find_packages, setup

ROOTS = {
    "toolgym_env": "toolgym_env",
    "toolgym_env.envs": "envs",
    "toolgym_env.wrappers": "wrappers",
    "toolgym_env.tasks": "tasks",
}


def discover(roots: dict[str, str]) -> list[str]:
    """Every package under each root, named by its import name."""
    packages = []
    for name, folder in roots.items():
        packages.append(name)
        packages += [f"{name}.{sub}" for sub in find_packages(folder) if f"{name}.{sub}" not in roots]
    return sorted(set(packages))


setup(package_dir=ROOTS, packages=discover(ROOTS))
