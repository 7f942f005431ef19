"""Media domains (social media, video, music, podcasts, gaming, design assets): effects and preconditions."""


# --- social media ---------------------------------------------------------------------------------------
def _my_account(app):
    from toolgym_env.world.seeding import make_cast

    return app.rows("account", "email = ?", (make_cast(0).user.email,))[0]


def test_social_follow_private_account_is_pending_then_unfollow(open_app):
    app = open_app("chirpnest")
    me = _my_account(app)
    private = next(
        a
        for a in app.rows("account", "is_private = 1")
        if a["id"] != me["id"]
        and not app.rows("follow", "follower_id = ? AND followee_id = ?", (me["id"], a["id"]))
    )
    res = app.call("follow_account", account_id=private["id"])
    assert not res.is_error and res.structured["status"] == "pending"
    assert app.rows("account", "id = ?", (private["id"],))[0]["followers_count"] == private["followers_count"]
    assert not app.call("unfollow_account", account_id=private["id"]).is_error
    assert not app.rows("follow", "follower_id = ? AND followee_id = ?", (me["id"], private["id"]))


def test_social_only_drafts_can_be_scheduled(open_app):
    app = open_app("chirpnest")
    me = _my_account(app)
    published = app.rows("post", "account_id = ? AND status = 'published'", (me["id"],))[0]
    res = app.call("schedule_post", post_id=published["id"], publish_at="2026-04-01T10:00")
    assert res.is_error and "only drafts can be scheduled" in res.text
    draft = app.rows("post", "account_id = ? AND status = 'draft'", (me["id"],))[0]
    past = app.call("schedule_post", post_id=draft["id"], publish_at="2025-01-01T10:00")
    assert past.is_error and "not in the future" in past.text
    ok = app.call("schedule_post", post_id=draft["id"], publish_at="2026-04-01T10:00")
    assert not ok.is_error
    assert app.rows("post", "id = ?", (draft["id"],))[0]["scheduled_for"] == "2026-04-01T10:00:00Z"


# --- video ------------------------------------------------------------------------------------------------
def test_video_watch_progress_counts_one_view_and_completes(open_app):
    app = open_app("streamvault")
    watched = {w["video_id"] for w in app.rows("watch_entry")}
    video = next(
        v for v in app.rows("video", "status = 'ready' AND visibility = 'public'") if v["id"] not in watched
    )
    assert not app.call("record_watch_progress", video_id=video["id"], position_s=10).is_error
    res = app.call("record_watch_progress", video_id=video["id"], position_s=video["duration_s"] + 500)
    assert res.structured["completed"] and res.structured["position_s"] == video["duration_s"]
    assert app.rows("video", "id = ?", (video["id"],))[0]["view_count"] == video["view_count"] + 1
    assert len(app.rows("watch_entry", "video_id = ?", (video["id"],))) == 1


def test_video_playlist_refuses_duplicates(open_app):
    app = open_app("clipcast")
    pl = next(p for p in app.rows("playlist") if p["video_ids"])
    res = app.call("addVideoToPlaylist", playlist_id=pl["id"], video_id=pl["video_ids"][0])
    assert res.is_error and "already in playlist" in res.text


# --- music ------------------------------------------------------------------------------------------------
def test_music_play_next_pops_queue_and_counts_play(open_app):
    app = open_app("tunewell")
    queue = sorted(app.rows("queue_item"), key=lambda q: q["position"])
    track = app.rows("track", "id = ?", (queue[0]["track_id"],))[0]
    res = app.call("play_next_in_queue")
    assert not res.is_error and res.structured["track"]["id"] == track["id"]
    assert app.rows("track", "id = ?", (track["id"],))[0]["play_count"] == track["play_count"] + 1
    left = sorted(app.rows("queue_item"), key=lambda q: q["position"])
    assert [q["position"] for q in left] == list(range(1, len(queue)))


def test_music_private_playlist_of_someone_else_is_not_editable(open_app):
    app = open_app("beatbloom")
    from toolgym_env.world.seeding import make_cast

    other = next(
        p
        for p in app.rows("playlist", "owner_email != ?", (make_cast(0).user.email,))
        if not p["collaborative"]
    )
    track = app.rows("track")[0]
    res = app.call("addTracksToPlaylist", playlist_id=other["id"], track_ids=[track["id"]])
    assert res.is_error and "is not collaborative" in res.text


# --- podcasts ---------------------------------------------------------------------------------------------
def test_podcast_download_uses_storage_and_delete_played_frees_it(open_app):
    app = open_app("podnook")
    have = {d["episode_id"] for d in app.rows("download")}
    ep = next(e for e in app.rows("episode", "played = 0") if e["id"] not in have)
    before = app.call("get_storage_usage").structured["used_mb"]
    res = app.call("download_episode", episode_id=ep["id"])
    assert res.structured["status"] == "completed"
    assert app.call("get_storage_usage").structured["used_mb"] > before
    assert not app.call("mark_episode_played", episode_id=ep["id"]).is_error
    freed = app.call("delete_played_downloads")
    assert not freed.is_error and not app.rows("download", "episode_id = ?", (ep["id"],))


def test_podcast_only_failed_downloads_can_be_retried(open_app):
    app = open_app("earshot")
    done = app.rows("download", "status = 'completed'")[0]
    res = app.call("retryDownload", download_id=done["id"])
    assert res.is_error and "only failed downloads can be retried" in res.text
    failed = app.rows("download", "status = 'failed'")[0]
    assert app.call("retryDownload", download_id=failed["id"]).structured["status"] == "completed"


# --- gaming -----------------------------------------------------------------------------------------------
def test_gaming_claim_free_game_then_install(open_app):
    app = open_app("pixelpeak")
    owned = {e["game_id"] for e in app.rows("library_entry")}
    free = next(g for g in app.rows("game", "price_cents = 0") if g["id"] not in owned)
    assert not app.call("claim_free_game", game_id=free["id"]).is_error
    res = app.call("install_game", game_id=free["id"])
    assert not res.is_error and res.structured["installed"]
    paid = [g for g in app.rows("game", "price_cents > 0") if g["id"] not in owned]
    if paid:
        assert "only free games" in app.call("claim_free_game", game_id=paid[0]["id"]).text


def test_gaming_start_match_needs_two_players(open_app):
    app = open_app("questloft")
    hosted = app.rows("lobby", "status = 'open'")
    solo = next(
        lob
        for lob in hosted
        if len(lob["members"]) == 1
        and lob["host_gamertag"] == lob["members"][0]
        and lob["host_gamertag"].endswith("GG")
    )
    res = app.call("startLobbyMatch", lobby_id=solo["id"])
    assert res.is_error and "at least 2 players" in res.text


# --- design assets ----------------------------------------------------------------------------------------
def test_design_archive_removes_asset_from_collections(open_app):
    app = open_app("pixelcrate")
    col = next(c for c in app.rows("collection") if c["asset_ids"])
    asset_id = col["asset_ids"][0]
    res = app.call("archive_asset", asset_id=asset_id)
    assert not res.is_error and res.structured["status"] == "archived"
    assert all(asset_id not in c["asset_ids"] for c in app.rows("collection"))


def test_design_export_refuses_svg_of_a_photo(open_app):
    app = open_app("glyphvault")
    photo = app.rows("asset", "kind = 'photo'")[0]
    app.world.update(app.app.resources["asset"].table, photo["id"], {"status": "approved"})
    before = len(app.rows("export"))
    res = app.call(
        "export_asset", asset_id=photo["id"], outputs=[{"format": "png"}, {"format": "svg", "scale": "2x"}]
    )
    assert res.is_error and "cannot be exported as svg" in res.text
    assert len(app.rows("export")) == before  # all or none: the png was not rendered either
