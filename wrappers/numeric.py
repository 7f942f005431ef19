"""``NumericAdapter``: ToolGym with numeric observations and a ``Discrete`` action over candidate tool calls,
the spaces stable-baselines3 (and most RL libraries) accept.

``ToolGym-Discrete-v0`` (see :func:`register_numeric`) is ``ToolGym-v0`` (judge reward) inside this adapter.
"""

from __future__ import annotations

import re
from functools import partial
from typing import Any

import gymnasium as gym
import numpy as np
from gymnasium import spaces
from gymnasium.envs.registration import load_env_creator

from toolgym_env.envs.meta import loaded_record
from toolgym_env.wrappers.candidates import CHOICES, DEFAULT_SOURCE, MOVES, Candidate, CandidateSource
from toolgym_env.wrappers.featurize import make_featurizer

#: Per-candidate features: move one-hot, choice one-hot, then the named scalars.
FEATURE_NAMES = (
    *(f"move_{m}" for m in MOVES),
    *(f"choice_{c}" for c in CHOICES),
    "tried",
    "failed",
    "step_pos",
    "step_done",
    "cos_instruction",
    "cos_result",
    "word_overlap",
    "choice_in_instruction",
    "valid",
)
#: The ``progress`` vector.
PROGRESS_NAMES = (
    "step_frac",
    "is_error",
    "message",
    "ok_calls",
    "failed_calls",
    "n_candidates",
    "steps_done",
    "has_facts",
)
NUMERIC_ID = "ToolGym-Discrete-v0"
_WORDS = re.compile(r"[a-z0-9]+")
_INVALID = {"name": "", "arguments": {}}


class NumericAdapter(gym.Wrapper, gym.utils.RecordConstructorArgs):
    """Numeric observations and ``Discrete(K)`` actions for a ToolGym env (possibly wrapped, e.g. by
    :class:`~toolgym_env.wrappers.JudgeReward` and :class:`~toolgym_env.wrappers.StateController`).

    **Action**: the index of one of K candidate calls (by default from the heuristic agent's reading of the
    request, :class:`~toolgym_env.agents.candidates.CandidateBuilder`): slot 0 is always ``final_answer`` with
    an answer composed from the facts found; the others are calls built each step from the tools found by
    ``search_tools`` (made at reset, one query per app and record type the request names), the values the
    request quotes and the records seen (list the filtered records; pick the highest / lowest / first one;
    change or delete it; look a person up; email them the facts). An index whose slot is empty (``mask`` 0)
    sends a malformed call: an error observation, never an exception. ``info["call"]`` is the call sent,
    ``info["candidates"]`` / ``info["candidate_texts"]`` the next candidates'
    tool names and descriptions; :meth:`action_masks` gives the mask (as sb3-contrib's ``MaskablePPO`` wants).

    **Observation**: a flat ``Dict`` of float32 ``Box`` es: ``instruction`` (D,), ``result`` (D,) (the last
    tool, result and any user message), ``candidates`` (K·D,) (their descriptions, flattened: SB3 warns on 2-D
    boxes), embedded with the same featurizer (MiniLM, or feature hashing); ``features``
    (K·F,) (:data:`FEATURE_NAMES`: move and choice one-hots, whether the same call was tried / failed, the
    request step it serves and whether that step is done, cosine similarities to the instruction and to the
    result, word overlap with the instruction, validity); ``mask`` (K,); ``progress``
    (:data:`PROGRESS_NAMES`).

    **Reward, termination**: the wrapped env's (the judge's reward at the end under ``ToolGym-v0``).

    Args:
        env: a ToolGym env (possibly wrapped).
        max_candidates: K.
        featurizer: ``"auto"`` (MiniLM when the ``embed`` extra is installed, else hashing), ``"minilm"``,
            ``"hashing"``, or a featurizer object (``dim``, ``encode(texts)``).
        dim: dimensions of the hashing featurizer.
        presearch: make ``search_tools`` calls at reset (they count as env steps): for each step of the
            request, a query about its record type, then one per operation still lacking a fitting tool;
            without it no tool is known and only the final answer is offered.
        top_k: ``top_k`` of those searches.
        max_searches: most searches at reset (always leaving two steps to the policy).
        source: what builds the candidates: a class (or factory) called as ``source(max_candidates, top_k)``,
            giving a :class:`~toolgym_env.wrappers.candidates.CandidateSource`, or its ``"module:name"``
            string, imported here (default :data:`~toolgym_env.wrappers.candidates.DEFAULT_SOURCE`, the
            heuristic agent's builder).

    Example:
        >>> import gymnasium as gym
        >>> import toolgym_env
        >>> from toolgym_env.wrappers.numeric import NumericAdapter
        >>> env = NumericAdapter(gym.make("ToolGym-v0"), featurizer="hashing", dim=64)
        >>> obs, info = env.reset(seed=0)
        >>> obs["candidates"].shape, info["candidates"][0]
        ((512,), 'final_answer')
        >>> obs, reward, terminated, truncated, info = env.step(0)
        >>> terminated, info["call"]["name"]
        (True, 'final_answer')
    """

    def __init__(
        self,
        env: gym.Env,
        max_candidates: int = 8,
        featurizer: Any = "auto",
        dim: int = 256,
        presearch: bool = True,
        top_k: int = 20,
        max_searches: int = 6,
        source: Any = DEFAULT_SOURCE,
    ) -> None:
        gym.utils.RecordConstructorArgs.__init__(
            self,
            max_candidates=max_candidates,
            featurizer=featurizer,
            dim=dim,
            presearch=presearch,
            top_k=top_k,
            max_searches=max_searches,
            source=source,
            _disable_deepcopy=True,
        )  # a featurizer may hold a model
        super().__init__(env)
        self.max_searches = max_searches
        self.featurizer = make_featurizer(featurizer, dim) if isinstance(featurizer, str) else featurizer
        make_source = load_env_creator(source) if isinstance(source, str) else source
        self.builder: CandidateSource = make_source(max_candidates, top_k)
        self.builder.load = partial(loaded_record, env)  # search results are cards: load the full schemas
        self.presearch = presearch
        k, d, f = max_candidates, int(self.featurizer.dim), len(FEATURE_NAMES)
        self.action_space = spaces.Discrete(k)
        self.observation_space = spaces.Dict(
            {
                "instruction": spaces.Box(-1.0, 1.0, (d,), np.float32),
                "result": spaces.Box(-1.0, 1.0, (d,), np.float32),
                "candidates": spaces.Box(-1.0, 1.0, (k * d,), np.float32),
                "features": spaces.Box(-1.0, 1.0, (k * f,), np.float32),
                "mask": spaces.Box(0.0, 1.0, (k,), np.float32),
                "progress": spaces.Box(0.0, 1.0, (len(PROGRESS_NAMES),), np.float32),
            }
        )
        self.cands: list[Candidate] = []
        self._max_steps = 40

    def reset(self, *, seed: int | None = None, options: dict[str, Any] | None = None):
        """Reset the env, read the request, search tools for it, and offer the first candidates."""
        obs, info = self.env.reset(seed=seed, options=options)
        self._max_steps = int(info.get("max_steps") or getattr(self.env.unwrapped, "max_steps", 40) or 40)
        self.builder.reset(str(obs.get("instruction", "")))
        self.builder.observe(None, obs)
        searched = 0
        while self.presearch and searched < min(self.max_searches, self._max_steps - 2):  # >= 2 steps left
            query = self.builder.next_query()
            if query is None:
                break
            cand = self.builder.search(query)
            obs, _, terminated, truncated, _ = self.env.step(cand.call)
            self.builder.observe(cand, obs)
            searched += 1
            if terminated or truncated:
                break
        self.cands = self.builder.candidates()
        return self._observation(obs), {**info, "presearch": searched, **self._cand_info()}

    def step(self, action: Any):
        """Send the chosen candidate call (a malformed call for an empty slot) to the env."""
        index = int(np.asarray(action).reshape(-1)[0])
        cand = self.cands[index] if 0 <= index < len(self.cands) else None
        call = cand.call if cand is not None else _INVALID
        obs, reward, terminated, truncated, info = self.env.step(call)
        self.builder.observe(cand, obs)
        self.cands = self.builder.candidates()
        info = {**info, "call": call, "invalid_action": cand is None, **self._cand_info()}
        return self._observation(obs), reward, terminated, truncated, info

    def action_masks(self) -> np.ndarray:
        """Which of the K actions are candidates now (bool, shape (K,))."""
        mask = np.zeros(self.action_space.n, dtype=bool)
        mask[: len(self.cands)] = True
        return mask

    def _cand_info(self) -> dict[str, Any]:
        return {
            "candidates": [c.call["name"] for c in self.cands],
            "candidate_texts": [c.text for c in self.cands],
            "action_mask": self.action_masks(),
        }

    def _observation(self, obs: dict[str, Any]) -> dict[str, np.ndarray]:
        k, d = self.action_space.n, int(self.featurizer.dim)
        instruction = str(obs.get("instruction", ""))
        result = f"{obs.get('tool', '')}: {obs.get('result', '')}"
        if obs.get("message"):
            result = f"{obs['message']}\n{result}"
        vecs = self.featurizer.encode([instruction, result, *(c.text for c in self.cands)])
        cand_vecs = np.zeros((k, d), dtype=np.float32)
        cand_vecs[: len(self.cands)] = vecs[2:]
        feats = np.zeros((k, len(FEATURE_NAMES)), dtype=np.float32)
        words = set(_WORDS.findall(instruction.lower()))
        b, n_steps = self.builder, max(1, len(self.builder.steps))
        for j, c in enumerate(self.cands):
            row = feats[j]
            row[MOVES.index(c.move)] = 1.0
            if c.choice in CHOICES:
                row[len(MOVES) + CHOICES.index(c.choice)] = 1.0
            own = _WORDS.findall(c.text.lower())
            row[len(MOVES) + len(CHOICES) :] = (
                min(b.tried[c.move_key], 2) / 2,
                float(c.move_key in b.failed),
                (c.step + 1) / n_steps if c.step >= 0 else 0.0,
                float(c.step in b.done),
                float(vecs[2 + j] @ vecs[0]),
                float(vecs[2 + j] @ vecs[1]),
                sum(w in words for w in own) / max(1, len(own)),
                float(bool(c.choice) and c.choice in words),
                1.0,
            )
        mask = self.action_masks().astype(np.float32)
        steps = max(1, self._max_steps)
        progress = np.array(
            [
                min(int(obs.get("step", 0) or 0), steps) / steps,
                float(bool(obs.get("is_error"))),
                float(bool(obs.get("message"))),
                min(b.ok_calls, steps) / steps,
                min(b.failed_calls, steps) / steps,
                len(self.cands) / k,
                len(b.done & set(range(len(b.steps)))) / n_steps,
                float(bool(b.facts)),
            ],
            dtype=np.float32,
        )
        return {
            "instruction": np.clip(vecs[0], -1, 1),
            "result": np.clip(vecs[1], -1, 1),
            "candidates": np.clip(cand_vecs, -1, 1).ravel(),
            "features": np.clip(feats, -1, 1).ravel(),
            "mask": mask,
            "progress": np.clip(progress, 0, 1),
        }


#: ``gym.make("ToolGym-Discrete-v0", ...)`` keywords of the adapter (and the perturbation), with their
#: defaults.
NUMERIC_KWARGS = {
    "max_candidates": 8,
    "featurizer": "auto",
    "dim": 256,
    "presearch": True,
    "perturb": None,
    "perturb_seed": 0,
}


def make_numeric(
    max_candidates: int = 8,
    featurizer: Any = "auto",
    dim: int = 256,
    presearch: bool = True,
    shaping: float = 0.0,
    perturb: str | None = None,
    perturb_seed: int = 0,
    **env_kwargs: Any,
) -> NumericAdapter:
    """``ToolGymEnv(**env_kwargs)`` → :class:`JudgeReward` (``shaping``) → :class:`StateController` (when
    ``perturb`` names a profile) → :class:`NumericAdapter`, without ``gym.make``'s wrappers (``gym.make``
    builds the same with its ``TimeLimit`` under the judge: :func:`make_numeric_base`,
    :func:`finish_numeric`)."""
    from toolgym_env.envs import ToolGymEnv
    from toolgym_env.wrappers.judge_reward import JudgeReward

    env: gym.Env = JudgeReward(ToolGymEnv(**env_kwargs), shaping=shaping)
    if perturb:
        from toolgym_env.wrappers.state_controller import StateController

        env = StateController(env, profile=perturb, seed=perturb_seed)
    return NumericAdapter(
        env, max_candidates=max_candidates, featurizer=featurizer, dim=dim, presearch=presearch
    )


def make_numeric_base(**kwargs: Any) -> gym.Env:
    """Entry point of ``ToolGym-Discrete-v0``: the bare env (the adapter's and the judge's keywords are left
    to :func:`finish_numeric`, which reads them from the spec)."""
    from toolgym_env.envs import check_kwargs, make_base

    check_kwargs(kwargs, tuple(NUMERIC_KWARGS))
    return make_base(**{k: v for k, v in kwargs.items() if k not in NUMERIC_KWARGS})


def finish_numeric(env: gym.Env) -> NumericAdapter:
    """The registered additional wrapper of ``ToolGym-Discrete-v0``, applied by ``gym.make`` after its
    ``TimeLimit``: the step limit and the judge as in ``ToolGym-v0``
    (:func:`~toolgym_env.wrappers.judge_reward.finish`), then the :class:`StateController` (``perturb``) and
    the adapter. The limit counts env steps, pre-search included."""
    from toolgym_env.wrappers.judge_reward import finish

    env = finish(env)
    spec = env.unwrapped.spec
    opts = {
        **NUMERIC_KWARGS,
        **{k: v for k, v in (spec.kwargs if spec else {}).items() if k in NUMERIC_KWARGS},
    }
    if opts["perturb"]:
        from toolgym_env.wrappers.state_controller import StateController

        env = StateController(env, profile=opts["perturb"], seed=opts["perturb_seed"])
    return NumericAdapter(
        env,
        max_candidates=opts["max_candidates"],
        featurizer=opts["featurizer"],
        dim=opts["dim"],
        presearch=opts["presearch"],
    )


def register_numeric() -> None:
    """Register ``ToolGym-Discrete-v0`` (idempotent; importing ``toolgym_env`` does it): ``gym.make(
    "ToolGym-Discrete-v0", featurizer="hashing", suite="train", tasks=[...], max_episode_steps=14)``."""
    import toolgym_env  # noqa: F401  (registers the ids)
