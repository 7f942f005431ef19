"""The twelve hand-written core apps, one module each with an :class:`~toolgym_env.apps.spec.AppSpec` named
``app`` (loaded by :func:`toolgym_env.apps.load_app`). The framework they are written in is one folder up
(``spec``, ``crud``, ``context``, ``schema``, ``naming``, ``account``), its shared helpers in ``kit/``."""
