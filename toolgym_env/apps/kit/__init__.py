"""Declaring many products per domain: :class:`Blueprint` and :class:`Product`."""

from toolgym_env.apps.kit.blueprint import Blueprint, Product

__all__ = ["Blueprint", "Product"]
