"""The catalog's compact form: summaries without decoding the rest, full records identical to the tools'."""

import json

import pytest

from toolgym_env.hub.catalog import Catalog
from toolgym_env.hub.catalog_cache import PackedRecords, is_summary_field, pack, unpack
from toolgym_env.universe import Universe


def _dumps(records):
    return json.dumps(records)  # key order included, so field order counts


def test_pack_round_trips_records_in_field_order():
    records = Universe.core().catalog.records()
    assert records and _dumps(unpack(json.loads(json.dumps(pack(records))))) == _dumps(records)
    odd = [
        {"name": "a__x", "inputSchema": {"type": "object"}, "outputSchema": {"b": 1, "a": 2}, "tags": [1]},
        {"name": "a__y", "title": None, "annotations": {"t": 1}, "inputSchema": {"type": "object"}},
    ]
    packed = PackedRecords(json.loads(json.dumps(pack(odd))))
    assert _dumps(packed.records()) == _dumps(odd) and _dumps(packed.record(1)) == _dumps(odd[1])
    assert packed.summaries == [
        {"name": "a__x", "inputSchema": {"type": "object"}, "tags": [1]},
        {"name": "a__y", "title": None, "inputSchema": {"type": "object"}},
    ]
    assert packed.summaries[0]["inputSchema"] is packed.summaries[1]["inputSchema"]  # stored once


@pytest.mark.parametrize(
    "damage",
    [
        lambda d: d.update(format=2),
        lambda d: d.pop("texts"),
        lambda d: d["records"][0].append("extra"),
        lambda d: d["records"][0].__setitem__(3, 99),  # a text reference out of range
        lambda d: d["layouts"][0].__setitem__(0, ["name", "?"]),
    ],
)
def test_malformed_cache_data_is_refused(damage):
    data = pack([{"name": "a__x", "inputSchema": {"type": "object"}, "outputSchema": {"type": "object"}}])
    damage(data)
    with pytest.raises((KeyError, TypeError, ValueError, IndexError)):
        PackedRecords(data)


def test_full_catalog_summaries_are_its_records_without_output_schemas_and_annotations():
    universe = Universe.full()
    fresh = Catalog(names=universe.app_names, loader=universe.app, cache_key="full")
    summaries = fresh.summaries()
    assert fresh._records is None  # summaries come without decoding every record
    name = summaries[100]["name"]
    one = fresh.record(name)
    assert fresh._records is None and fresh.summary(name) is summaries[100]
    records = fresh.records()
    assert len(summaries) == len(records) == len(fresh.names) > 5000
    assert _dumps(one) == _dumps(records[100]) and one["inputSchema"] is records[100]["inputSchema"]
    for summary, record in zip(summaries, records):
        assert summary == {k: v for k, v in record.items() if is_summary_field(k, v)}
        assert set(record) - set(summary) == {"outputSchema", "annotations"}
        assert summary["inputSchema"] is record["inputSchema"]
    assert fresh.record("nope__tool") is None and fresh.summary("nope__tool") is None


def test_uncached_catalog_summaries_share_the_records_schemas():
    catalog = Universe.core().catalog
    assert catalog.cache_key is None
    for summary, record in zip(catalog.summaries(), catalog.records()):
        assert summary["inputSchema"] is record["inputSchema"] and "outputSchema" not in summary
    assert catalog.record("mail__send_email") is catalog.records()[catalog.names.index("mail__send_email")]
