"""``RecordEpisodes``: write every finished episode as an episode record to a JSONL file, from any loop."""

from __future__ import annotations

import os
import time
import uuid
from collections import Counter
from typing import Any

import gymnasium as gym

from toolgym_env.records import Outcome, ResultStore, episode_record


class RecordEpisodes(gym.Wrapper, gym.utils.RecordConstructorArgs):
    """Append each finished episode (terminated or truncated) to a JSONL results file as an episode record.

    The record is the one ``toolgym eval``/``toolgym collect`` write (:func:`~toolgym_env.records.record.
    episode_record`): the task, the trajectory, the final answer and the active constraints, so
    :func:`~toolgym_env.judge.offline.judge_saved` can re-judge it and ``toolgym export-sft`` can turn it into
    fine-tuning data. The verdict is ``info["judge"]`` of the last step (present when
    :class:`~toolgym_env.wrappers.JudgeReward` is in the stack, as with ``gym.make``); without one the record
    has an empty ``judge`` and ``success=False``. ``reward`` is the sum of the episode's rewards (shaping
    included), as in :func:`~toolgym_env.agents.run_episode`. Writes go through
    :class:`~toolgym_env.records.store.ResultStore` (one locked, fsynced line each), so several envs, e.g.
    the sub-envs of a vector env, can share one file. An episode abandoned by a new ``reset`` is not written.

    Wrap outside :class:`JudgeReward` (and outside a ``StateController``, whose profile is then recorded);
    ``ChatAdapter`` may sit on either side.

    Args:
        env: a ToolGym env (possibly wrapped).
        path: the JSONL file (appended to; created with its folders when missing).
        agent: the agent name recorded (e.g. the model's).
        run: the run id recorded (default: a timestamp and a random suffix).
        profile: the perturbation profile recorded; ``None`` = the one a ``StateController`` reports, if any.
        suite: the suite recorded; ``None`` = the env's.

    Example:
        >>> import gymnasium as gym, tempfile
        >>> import toolgym_env
        >>> from toolgym_env.wrappers.recorder import RecordEpisodes
        >>> path = f"{tempfile.mkdtemp()}/episodes.jsonl"
        >>> env = RecordEpisodes(gym.make("ToolGym-v0", suite="core"), path, agent="quitter")
        >>> obs, info = env.reset(seed=0)
        >>> obs, reward, terminated, truncated, info = env.step(
        ...     {"name": "final_answer", "arguments": {"answer": "Done."}})
        >>> env.last_record["agent"], env.last_record["success"], env.episodes
        ('quitter', False, 1)
    """

    def __init__(
        self,
        env: gym.Env,
        path: str | os.PathLike[str],
        agent: str = "agent",
        run: str | None = None,
        profile: str | None = None,
        suite: str | None = None,
    ) -> None:
        gym.utils.RecordConstructorArgs.__init__(
            self, path=path, agent=agent, run=run, profile=profile, suite=suite
        )
        super().__init__(env)
        self.store = ResultStore(path)
        self.agent = agent
        self.run = run or f"{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:6]}"
        self.profile = profile
        self.suite = suite
        self.episodes = 0
        self.last_record: dict[str, Any] | None = None
        self._attempts: Counter[str] = Counter()
        self._open = False
        self._seed: int | None = None
        self._profile: str | None = None
        self._task_id = ""
        self._return = 0.0
        self._steps = 0
        self._start = 0.0

    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None):
        """Reset the env and start recording a new episode."""
        obs, info = self.env.reset(seed=seed, options=options)
        self._open = True
        self._seed = seed
        self._profile = self.profile if self.profile is not None else info.get("perturbation_profile")
        self._task_id = str(info.get("task_id", ""))
        self._return, self._steps = 0.0, 0
        self._start = time.perf_counter()
        return obs, info

    def step(self, action: Any):
        """Step; when the episode ends, write its record."""
        obs, reward, terminated, truncated, info = self.env.step(action)
        if self._open:
            self._return += float(reward)
            self._steps += 1
            if terminated or truncated:
                self._write(info)
        return obs, reward, terminated, truncated, info

    def _write(self, info: dict[str, Any]) -> None:
        """Build the finished episode's record and append it."""
        self._open = False
        judge = dict(info.get("judge") or {})
        result = Outcome(bool(judge.get("success", False)), self._return, self._steps, judge)
        attempt = self._attempts[self._task_id]
        self._attempts[self._task_id] += 1
        base = self.env.unwrapped
        suite = self.suite or str(getattr(base, "_init_kwargs", {}).get("suite") or "")
        record = episode_record(
            run=self.run,
            agent=self.agent,
            profile=self._profile,
            suite=suite,
            task_id=self._task_id,
            attempt=attempt,
            seed=self._seed,
            env=self.env,
            result=result,
            latency_s=time.perf_counter() - self._start,
        )
        self.store.append(record)
        self.last_record = record
        self.episodes += 1
