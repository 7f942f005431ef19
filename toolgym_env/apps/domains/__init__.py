"""The generated universe: one module per domain, each a :class:`~toolgym_env.apps.kit.Blueprint` ``bp``
with several products. Every product is an app; apps are built on first use."""

from __future__ import annotations

import importlib
import pkgutil
from functools import cache, lru_cache

from toolgym_env.apps.kit import Blueprint
from toolgym_env.apps.spec import AppSpec
from toolgym_env.cache import cached_json
from toolgym_env.errors import AppSpecError

#: Domain modules under ``toolgym_env.apps.domains`` (every module in this package, sorted).
DOMAINS: tuple[str, ...] = tuple(
    sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))
)


def blueprint(domain: str) -> Blueprint:
    """The blueprint of a domain module."""
    return importlib.import_module(f"{__name__}.{domain}").bp


@lru_cache(maxsize=1)
def product_index() -> dict[str, tuple[str, int]]:
    """``{app name: (domain module, product index)}`` over every domain.

    Read from the on-disk cache when the apps' code is unchanged: building it imports every domain module
    (~0.8 s, ~30 MB), while an episode needs the few domains of its task.
    """
    from toolgym_env.apps import source_hash

    return cached_json(
        "product-index",
        source_hash(),
        _build_product_index,
        lambda data: {name: (str(d), int(i)) for name, (d, i) in data.items()},
    )


def _build_product_index() -> dict[str, tuple[str, int]]:
    index: dict[str, tuple[str, int]] = {}
    for domain in DOMAINS:
        for i, product in enumerate(blueprint(domain).products):
            if product.name in index:
                raise AppSpecError(f"app name {product.name!r} used by {index[product.name][0]} and {domain}")
            index[product.name] = (domain, i)
    return index


@cache
def build_product(name: str) -> AppSpec:
    """The app of one product (built once per process)."""
    domain, i = product_index()[name]
    bp = blueprint(domain)
    return bp.build(bp.products[i])
