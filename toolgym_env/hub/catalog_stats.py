"""Realism statistics of a catalog, comparable with the published statistics of real MCP tools."""

from __future__ import annotations

import re
import statistics
from collections import Counter
from typing import Any

from toolgym_env.apps.naming import name_style

#: Figures measured over 11,680 public MCP tool schemas (see the reference notes), for side-by-side reading.
REAL_MCP = {
    "params_mean": 2.8,
    "params_median": 2,
    "required_mean": 1.25,
    "pct_no_params": 11.5,
    "pct_with_enum": 17,
    "pct_nested": 16,
    "pct_output_schema": 9,
    "pct_annotated": 4,
    "desc_chars_median": 61,
    "pct_verb_first": 79,
    "pct_prop_described": 74,
    "pct_prop_default": 16,
    "tools_per_app_median": 5,
    "name_styles": {"snake": 72, "camel": 12, "kebab": 10},
}

VERBS = frozenset(
    """get list create search update delete add generate set batch remove read manage check execute fetch send
find analyze extract download export upload validate run post edit browse new query retrieve cancel close
open archive assign approve reject publish schedule move transition book reserve refund pay transfer start
stop restart reboot resize attach detach enable disable mark merge invite revoke grant rotate renew import
sync tag untag follow unfollow like comment reply submit grade enroll withdraw deposit place sell buy
convert compute calculate estimate track log record upsert apply release rollback trigger retry
acknowledge resolve escalate snooze mute pin unpin share unshare rename copy duplicate restore preview
summarize count rate review checkin check_in subscribe unsubscribe scan verify register deregister issue
renew lookup resend void finalize pause resume accept decline confirm return ship fulfill complete reopen
promote demote upgrade downgrade clear reset play queue skip save unsave block unblock report flag hide
show watch unwatch vote join leave kick""".split()  # noqa: SIM905
)


def _tokens(name: str) -> list[str]:
    spaced = re.sub(r"([a-z0-9])([A-Z])", r"\1 \2", name).replace("-", " ").replace("_", " ")
    return spaced.lower().split()


def _walk(schema: Any):
    if isinstance(schema, dict):
        yield schema
        for value in schema.values():
            yield from _walk(value)
    elif isinstance(schema, list):
        for value in schema:
            yield from _walk(value)


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _types(schema: Any) -> list[Any]:
    kind = _dict(schema).get("type")
    return kind if isinstance(kind, list) else [kind]


def _is_nested(props: dict[str, Any]) -> bool:
    """Whether a parameter takes an object or an array of objects (any item of a tuple-form ``items``)."""
    for prop in props.values():
        prop = _dict(prop)
        if "object" in _types(prop):
            return True
        items = prop.get("items")
        item_list = items if isinstance(items, list) else [items]
        if "array" in _types(prop) and any("object" in _types(i) for i in item_list):
            return True
        alts = prop.get("anyOf") if isinstance(prop.get("anyOf"), list) else []
        if any(_dict(alt).get("type") == "object" for alt in alts):
            return True
    return False


def catalog_stats(records: list[dict[str, Any]]) -> dict[str, Any]:
    """Counts and shape statistics over MCP tool records (percentages are 0-100, one decimal).

    Any real record is accepted: a missing or ``None`` description or schema, a name without ``app__``,
    tuple-form ``items``. ``domains`` counts the generated domains (one
    :class:`~toolgym_env.apps.kit.Blueprint` module each, with several products); the core apps are counted
    apart (``core_apps``), as each has a domain label of its own.
    """
    from toolgym_env.apps import CORE_APPS

    n = len(records) or 1
    apps: Counter[str] = Counter()
    domains: set[str] = set()
    params, required, styles, verbs = [], [], Counter(), Counter()
    enum = nested = outputs = annotated = no_params = addl_false = 0
    props_total = props_desc = props_default = 0
    desc_chars, desc_words = [], []
    for rec in records:
        app, _, local = str(rec.get("name", "")).partition("__")
        if not local:  # a name without an app prefix
            app, local = "(none)", app
        apps[app] += 1
        meta = _dict(rec.get("_meta"))
        if app not in CORE_APPS:
            domains.add(meta.get("toolgym/domain", app))
        schema = _dict(rec.get("inputSchema"))
        props = _dict(schema.get("properties"))
        params.append(len(props))
        required.append(len(schema["required"]) if isinstance(schema.get("required"), list) else 0)
        no_params += not props
        addl_false += schema.get("additionalProperties") is False
        enum += any("enum" in node for node in _walk(schema))
        nested += _is_nested(props)
        outputs += bool(rec.get("outputSchema"))
        ann = _dict(rec.get("annotations"))
        annotated += all(k in ann for k in ("readOnlyHint", "destructiveHint", "idempotentHint"))
        for prop in map(_dict, props.values()):
            props_total += 1
            props_desc += bool(prop.get("description"))
            props_default += "default" in prop
        desc = rec.get("description") if isinstance(rec.get("description"), str) else ""
        desc_chars.append(len(desc))
        desc_words.append(len(desc.split()))
        styles[name_style(local)] += 1
        words = _tokens(local)
        if len(words) > 1 and words[0] == app:  # a product prefix (``linear_create_issue``) precedes the verb
            words = words[1:]
        verbs[words[0] if words and words[0] in VERBS else "(none)"] += 1
    per_app = list(apps.values()) or [0]

    def pct(k: int) -> float:
        return round(100 * k / n, 1)

    return {
        "apps": len(apps),
        "tools": len(records),
        "domains": len(domains),
        "core_apps": sum(app in CORE_APPS for app in apps),
        "tools_per_app_mean": round(statistics.mean(per_app), 1),
        "tools_per_app_median": statistics.median(per_app),
        "params_mean": round(statistics.mean(params or [0]), 2),
        "params_median": statistics.median(params or [0]),
        "required_mean": round(statistics.mean(required or [0]), 2),
        "pct_no_params": pct(no_params),
        "pct_with_enum": pct(enum),
        "pct_nested": pct(nested),
        "pct_output_schema": pct(outputs),
        "pct_annotated": pct(annotated),
        "pct_additional_properties_false": pct(addl_false),
        "pct_prop_described": round(100 * props_desc / max(props_total, 1), 1),
        "pct_prop_default": round(100 * props_default / max(props_total, 1), 1),
        "desc_chars_median": statistics.median(desc_chars or [0]),
        "desc_words_median": statistics.median(desc_words or [0]),
        "pct_verb_first": pct(n - verbs["(none)"]),
        "top_verbs": dict(verbs.most_common(12)),
        "name_styles": {k: pct(v) for k, v in styles.most_common()},
        "unique_descriptions": len({str(r.get("description") or "") for r in records}) == len(records),
    }
