"""Chat app: real effects on the world, membership errors, output schemas and deterministic seeding."""

from __future__ import annotations

from tests.apps.app_calls import app_calls, assert_resources_alike, check_every_tool, seeded_twice
from toolgym_env.world import diff_world
from toolgym_env.world.seeding import make_cast

APP = "chat"
CAST = make_cast(0)
MESSAGES, CHANNELS, USERS = "chat__messages", "chat__channels", "chat__users"
NOW = "2026-03-02T09:00:00Z"


ok, err = app_calls(APP)


def me(world):
    return world.select(USERS, "email = ?", (CAST.user.email,))[0]["handle"]


def top_message(world, channel_id):
    return world.select(MESSAGES, "channel_id = ? AND parent_id IS NULL", (channel_id,))[0]


def test_post_message(route, world):
    msg = ok(route, "post_message", channel="#general", text="Hello team")
    assert msg["channel_id"] == "ch_general" and msg["author"] == me(world) and msg["ts"] == NOW
    assert msg["thread_ts"] is None and msg["reactions"] == []
    diff = diff_world(world)
    assert diff.summary() == {MESSAGES: {"insert": 1, "update": 0, "delete": 0}}
    assert diff.changes[0].after == msg
    assert "text" in err(route, "post_message", channel="general", text="   ")
    assert "No channel" in err(route, "post_message", channel="#nowhere", text="hi")


def test_membership_rules(route, world):
    text = err(route, "post_message", channel="hiring-committee", text="hi")
    assert "private channel" in text and "not a member" in text
    assert "private" in err(route, "join_channel", channel="hiring-committee")
    assert "private channel" in err(route, "get_channel_history", channel="ch_hiring")
    assert "join it first" in err(route, "post_message", channel="social", text="hi")
    assert len(diff_world(world)) == 0
    # public channels can be read without joining, and joined
    assert ok(route, "get_channel_history", channel="social", limit=3)["messages"]
    joined = ok(route, "join_channel", channel="#social")
    assert me(world) in joined["members"]
    assert ok(route, "join_channel", channel="social") == joined  # joining twice changes nothing
    ok(route, "post_message", channel="social", text="Glad to be here")
    changes = diff_world(world).summary()
    assert changes == {
        CHANNELS: {"insert": 0, "update": 1, "delete": 0},
        MESSAGES: {"insert": 1, "update": 0, "delete": 0},
    }


def test_threads(route, world):
    parent = top_message(world, "ch_engineering")
    reply = ok(route, "reply_in_thread", message_id=parent["id"], text="Looking now")
    assert reply["parent_id"] == parent["id"] and reply["thread_ts"] == parent["ts"]
    assert world.get(MESSAGES, parent["id"])["reply_count"] == parent["reply_count"] + 1
    nested = ok(route, "reply_in_thread", message_id=reply["id"], text="Fixed")
    assert nested["parent_id"] == parent["id"]
    thread = ok(route, "get_thread", message_id=reply["id"])
    assert (
        thread["parent"]["id"] == parent["id"]
        and thread["parent"]["reply_count"] == parent["reply_count"] + 2
    )
    assert [m["id"] for m in thread["replies"]][-2:] == [reply["id"], nested["id"]]
    hiring = top_message(world, "ch_hiring")
    assert "private channel" in err(route, "reply_in_thread", message_id=hiring["id"], text="x")
    history = ok(route, "get_channel_history", channel="engineering", limit=100)
    assert all(m["parent_id"] is None for m in history["messages"])
    full = ok(route, "get_channel_history", channel="engineering", limit=100, include_replies=True)
    assert nested["id"] in [m["id"] for m in full["messages"]]


def test_add_reaction(route, world):
    msg = top_message(world, "ch_general")
    out = ok(route, "add_reaction", message_id=msg["id"], emoji=":Sparkles:")
    assert {"emoji": "sparkles", "users": [me(world)]} in out["reactions"]
    assert "already reacted" in err(route, "add_reaction", message_id=msg["id"], emoji="sparkles")
    assert "not an emoji" in err(route, "add_reaction", message_id=msg["id"], emoji="💥 boom")
    assert diff_world(world).changes[0].after["reactions"] == out["reactions"]
    social = top_message(world, "ch_social")
    assert "join it first" in err(route, "add_reaction", message_id=social["id"], emoji="tada")


def test_send_direct_message_opens_a_conversation_once(route, world):
    dm_handles = {h for c in world.select(CHANNELS, "is_dm = 1") for h in c["members"]}
    other = next(u["handle"] for u in world.select(USERS) if u["handle"] not in dm_handles)
    first = ok(route, "send_direct_message", handle="@" + other, text="Hi!")
    assert first["created_channel"] is True and first["channel"]["is_dm"] is True
    assert sorted(first["channel"]["members"]) == sorted({me(world), other})
    second = ok(route, "send_direct_message", handle=other, text="Again")
    assert second["created_channel"] is False and second["channel"]["id"] == first["channel"]["id"]
    assert diff_world(world).summary() == {
        CHANNELS: {"insert": 1, "update": 0, "delete": 0},
        MESSAGES: {"insert": 2, "update": 0, "delete": 0},
    }
    assert "no user with the handle" in err(route, "send_direct_message", handle="nobody", text="x")


def test_create_channel(route, world):
    ch = ok(
        route,
        "create_channel",
        name="#Launch-Plan",
        topic="Q2 launch",
        is_private=True,
        members=["@" + me(world)],
    )
    assert ch["name"] == "launch-plan" and ch["members"] == [me(world)] and ch["is_private"] is True
    assert "already exists" in err(route, "create_channel", name="general")
    assert "not a valid channel name" in err(route, "create_channel", name="bad name!")
    assert "no user with the handle" in err(route, "create_channel", name="x-team", members=["ghost"])


def test_set_status(route, world):
    out = ok(route, "set_status", status_text="Out sick", status_emoji=":face_with_thermometer:")
    assert (out["status_text"], out["status_emoji"]) == ("Out sick", "face_with_thermometer")
    assert ok(route, "get_my_profile") == out
    change = diff_world(world).changes[0]
    assert change.table == USERS and change.after["email"] == CAST.user.email
    cleared = ok(route, "set_status", status_text="")
    assert cleared["status_text"] == "" and cleared["status_emoji"] == ""


def test_search_messages_skips_private_channels(route, world):
    secret = top_message(world, "ch_hiring")
    word = max(secret["text"].split(), key=len)
    found = ok(route, "search_messages", query=word)
    assert secret["id"] not in [m["id"] for m in found["messages"]]
    visible = top_message(world, "ch_general")
    vword = max(visible["text"].split(), key=len)
    assert visible["id"] in [m["id"] for m in ok(route, "search_messages", query=vword, limit=50)["messages"]]
    assert "private channel" in err(route, "search_messages", query=word, channel="hiring-committee")
    assert len(diff_world(world)) == 0


def test_every_tool_returns_its_output_schema(universe, world, route):
    msg = top_message(world, "ch_general")
    calls = [
        ("list_users", {}),
        ("search_users", {"query": me(world)}),
        ("list_channels", {"is_dm": False}),
        ("get_my_profile", {}),
        ("get_channel_history", {"channel": "general", "limit": 5}),
        ("get_thread", {"message_id": msg["id"]}),
        ("search_messages", {"query": "the"}),
        ("post_message", {"channel": "random", "text": "hi"}),
        ("reply_in_thread", {"message_id": msg["id"], "text": "+1"}),
        ("add_reaction", {"message_id": msg["id"], "emoji": "wave"}),
        ("send_direct_message", {"handle": world.select(USERS)[0]["handle"], "text": "ping"}),
        ("join_channel", {"channel": "marketing"}),
        ("create_channel", {"name": "book-club", "members": []}),
        ("set_status", {"status_text": "Focus time", "status_emoji": "headphones"}),
    ]
    check_every_tool(ok, route, world, universe.apps[APP].tools, calls)


def test_seeding_is_deterministic_and_consistent():
    a, b = seeded_twice(["contacts", APP])
    assert_resources_alike(a, b, APP)
    users = a.select(USERS)
    assert len(users) == len(CAST.people) + 1
    assert {u["email"] for u in users} == {p.email for p in CAST.people} | {CAST.user.email}
    handles = [u["handle"] for u in users]
    assert len(set(handles)) == len(handles)
    channels = {c["id"]: c for c in a.select(CHANNELS)}
    replies: dict[str, int] = {}
    for m in a.select(MESSAGES):
        ch = channels[m["channel_id"]]
        assert m["author"] in ch["members"] and m["ts"] < NOW
        for r in m["reactions"]:
            assert set(r["users"]) <= set(handles)
        if m["parent_id"]:
            parent = a.get(MESSAGES, m["parent_id"])
            assert parent["ts"] == m["thread_ts"] and parent["ts"] < m["ts"]
            replies[parent["id"]] = replies.get(parent["id"], 0) + 1
    for m in a.select(MESSAGES):
        assert m["reply_count"] == replies.get(m["id"], 0)
