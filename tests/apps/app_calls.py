"""``ok``/``err`` helpers for the per-app tests: call ``{app}__{tool}`` and assert success or failure."""


def app_calls(default_app):
    """``(ok, err)`` bound to ``default_app``; ``ok(route, tool, app=..., **args)`` may reach another app."""

    def ok(route, tool, app=default_app, **args):
        res = route.call(f"{app}__{tool}", args)
        assert not res.is_error, res.text
        return res.structured

    def err(route, tool, app=default_app, **args):
        res = route.call(f"{app}__{tool}", args)
        assert res.is_error, res.structured
        return res.text

    return ok, err
