"""Writing scenario tasks: each slot anchors on one domain action (a fixed schedule over every action of every
app, so the suites together exercise them all), tells a story of a family that can use it, adds the implied
constraints of the story's goal category, and keeps the task only if the engine's validator accepts it (oracle
1.0, violating variants caught, the audit's attacks 0 and honest variants 1).

Example:
    >>> gen = ScenarioGenerator("test", seed=7)
    >>> task = next(t for t in map(gen.task, range(3)) if t is not None)
    >>> task.family in FAMILIES and task.tier in ("easy", "medium", "hard")
    True
"""

from __future__ import annotations

import random
import re
from functools import lru_cache, partial

from toolgym_env.judge.footprint import footprint_of
from toolgym_env.tasks.engine import phrasing
from toolgym_env.tasks.engine.compose import WORLD_SEEDS, Composed, attempt, domain_apps
from toolgym_env.tasks.engine.constraint_gen import choose_constraints
from toolgym_env.tasks.engine.generate import (
    Generator,
    _distinct_facts,
    _distinct_tradeoff,
    answer_to,
)
from toolgym_env.tasks.engine.work import Skip, Work
from toolgym_env.tasks.plan import Plan, PlanError
from toolgym_env.tasks.scenarios import housekeeping, prose
from toolgym_env.tasks.scenarios.acts import Act, acts_of
from toolgym_env.tasks.scenarios.families import (
    CATEGORIES,
    CATEGORY_CONSTRAINTS,
    FAMILIES,
    IF_THEN,
    PATTERNS,
    applicable,
)
from toolgym_env.tasks.scenarios.scene import Scene
from toolgym_env.tasks.scenarios.telling import flag
from toolgym_env.tasks.schema import Goal, Task, WorldRecipe
from toolgym_env.tasks.stats import oracle_stats
from toolgym_env.world.diff import diff_world
from toolgym_env.world.seeding import stable_seed

#: Where each split starts in the schedule of anchor actions (train continues where test stops).
SCHEDULE_OFFSET = {"test": 0, "dev": 0, "train": 1000}
#: Share of scenarios that go on with a second errand in the same app (a related job while the user is at it).
SECOND_PART = 0.75
#: Share of scenarios that go on in another app for a person of the shared cast who has a record there (the
#: cross-app join: the same person, found through Contacts, in two products).
CROSS_APP = 0.6
#: Other apps tried for the cross-app part.
PARTNER_APPS = 2
#: Share of scenarios with a small piece of housekeeping in the anchor's app (edit, remove or add a record:
#: the derived tools a story rarely needs otherwise).
HOUSEKEEPING = 0.7
#: How a piece of housekeeping is asked for: ``{ask}`` (lower-case clause).
TIDY = [
    "While you're in there, please also {ask}.",
    "Small cleanup too: {ask}.",
    "Could you also {ask}?",
    "And {ask} while you're at it.",
    "Oh, and {ask}.",
    "One last bit of housekeeping: {ask}.",
    "Before I forget — {ask}.",
    "Also, if you don't mind, {ask}.",
]
#: How the cross-app part joins the story.
ELSEWHERE = [
    "Separately, over in {app}:",
    "Next, something in {app}.",
    "And in {app}:",
    "While we're at it, there's {app} too.",
    "Then there's {app}.",
    "Another thing, this time in {app}.",
]
#: Share of scenarios with a second part that go on with a third job in the same app.
THIRD_PART = 0.35
#: Share of scenarios with housekeeping that do a second piece of it.
MORE_HOUSEKEEPING = 0.3
#: How a third part joins the story.
THEN_AGAIN = [
    "And one last thing in {app}.",
    "Then, still in {app}:",
    "Last job in {app}:",
    "Before you leave {app}:",
    "Finally, in {app}:",
    "While still in {app}, one more.",
]
#: How the second part joins the first.
THEN = [
    "While you're in {app}, there's one more thing.",
    "One more thing in {app}.",
    "Also in {app}:",
    "And since you'll be in {app} anyway:",
    "Something else in {app} while you're there.",
    "There's a second job in {app}.",
]
#: Words a fact's name may start with that take no "the" ("their active tickets", "how many...").
_DETERMINERS = {
    "their",
    "its",
    "his",
    "her",
    "my",
    "our",
    "your",
    "how",
    "which",
    "what",
    "whether",
    "when",
    "where",
    "who",
    "whose",
    "why",
}
#: First words of a sentence that read on after an opener ending in a comma ("Hi, can you...").
_LEADS = {
    "Can",
    "Could",
    "Would",
    "Please",
    "Go",
    "Have",
    "Open",
    "Check",
    "Pull",
    "Look",
    "Among",
    "Of",
    "From",
    "Take",
    "For",
    "All",
    "Handle",
    "Work",
    "Should",
    "Depending",
    "In",
    "When",
    "Anything",
    "Tell",
    "Let",
    "Drop",
    "Then",
    "Once",
    "Afterwards",
    "Finally",
    "Make",
    "Double-check",
    "Failing",
    "If",
}
#: Times each core app's action appears in the schedule. Every action gets the same share of slots, and a core
#: app has few actions (5–11) that often need a record the seeded world lacks, so once each left most core
#: apps in fewer than 10 tasks.
CORE_WEIGHT = 2
#: Fewest anchors an app has in one pass of the schedule (an app with six actions was left in eight tasks).
MIN_SLOTS = 9
#: Drafts of a slot, and how many of them use its scheduled action before drawing another one.
MAX_DRAFTS, ANCHOR_ATTEMPTS = 13, 10


def scenario_apps() -> tuple[str, ...]:
    """The apps a scenario may draw: every generated app (by domain), then the core apps."""
    from toolgym_env.apps import CORE_APPS

    return (*(app for domain in sorted(domain_apps()) for app in domain_apps()[domain]), *CORE_APPS)


@lru_cache(maxsize=1)
def _domains() -> dict[str, str]:
    """``{generated app: its domain}``."""
    return {app: domain for domain, apps in domain_apps().items() for app in apps}


@lru_cache(maxsize=1)
def schedule() -> tuple[tuple[str, str], ...]:
    """Every ``(app, action)`` a scenario can anchor on, in a fixed shuffled order."""
    from toolgym_env.apps import CORE_APPS
    from toolgym_env.universe import Universe

    universe = Universe.full()
    pairs = []
    for app in scenario_apps():
        own = [act.name for act in acts_of(universe.app(app)) if applicable(act)]
        own *= CORE_WEIGHT if app in CORE_APPS else 1
        if own:  # an app with few actions has them repeated, so it still anchors MIN_SLOTS scenarios
            pairs += [(app, name) for name in (own * -(-MIN_SLOTS // len(own)))[: max(MIN_SLOTS, len(own))]]
    random.Random(stable_seed("scenario-schedule")).shuffle(pairs)
    return tuple(pairs)


def tier(calls: int) -> str:
    """Difficulty tier by the oracle's length: easy (≤ 9 calls), medium (≤ 15), hard (16 or more: the tail).

    The cuts split the scenario suites into roughly equal thirds (mean 13.7 calls).
    """
    return "easy" if calls <= 9 else "medium" if calls <= 15 else "hard"


class ScenarioGenerator(Generator):
    """Writes and validates scenario tasks for one split and seed (same interface as the engine's
    :class:`~toolgym_env.tasks.engine.generate.Generator`)."""

    def task(self, slot: int) -> Task | None:
        """The task of ``slot``, or ``None`` after ``MAX_DRAFTS`` drafts."""
        for n in range(MAX_DRAFTS):
            rng = random.Random(stable_seed("toolgym-scenarios", self.split, self.seed, slot, n))
            words = prose.SplitRandom(
                stable_seed("scenario-words", self.split, self.seed, slot, n), self.split
            )
            task = self.kept(
                partial(self._scenario, slot, n, rng, words), (Skip, PlanError, LookupError, ValueError)
            )
            if task is not None:
                return task
        return None

    def _anchor(self, slot: int, n: int, rng: random.Random) -> Act:
        plan = schedule()
        app, name = plan[(SCHEDULE_OFFSET.get(self.split, 0) + slot) % len(plan)]
        if n >= ANCHOR_ATTEMPTS:  # another action of the same app (so every app keeps its share), last any
            same = [p for p in plan if p[0] == app and p[1] != name]
            app, name = rng.choice(same if same and n < MAX_DRAFTS - 1 else plan)
        return next(a for a in acts_of(self.universe.app(app)) if a.name == name)

    def _scenario(self, slot: int, n: int, rng: random.Random, words: prose.SplitRandom) -> Task:
        act = self._anchor(slot, n, rng)
        patterns = applicable(act)
        # the scheduled action's drafts take its patterns in turn (from a per-slot start), so an action only
        # one pattern can tell is not left to chance
        start = stable_seed("scenario-pattern", self.split, self.seed, slot)
        pattern = patterns[(start + n) % len(patterns)] if n < ANCHOR_ATTEMPTS else rng.choice(patterns)
        category = rng.choice(CATEGORIES)
        seed = rng.choice(WORLD_SEEDS)
        domain = self._domain_of(act.app.name)
        pool = [a for a in scenario_apps() if self._domain_of(a) != domain and a not in ("contacts", "mail")]
        partners = sorted(rng.sample(pool, PARTNER_APPS)) if rng.random() < CROSS_APP else []
        plan = Plan(self.universe, seed=seed, apps=(act.app.name, *partners))
        work = Work(plan, rng)
        scene = Scene(work, self.split, words, category, apps=[act.app.name])
        with attempt(work):
            PATTERNS[pattern](scene, act)
        if rng.random() < SECOND_PART:
            self._second(scene, act, rng, words)
            if rng.random() < THIRD_PART:
                self._second(scene, act, rng, words, again=True)
        if rng.random() < HOUSEKEEPING:
            self._tidy(scene, act, rng, words)
            if rng.random() < MORE_HOUSEKEEPING:
                self._tidy(scene, act, rng, words)
        if partners:
            self._elsewhere(scene, partners, rng, words)
        if not work.facts:
            raise Skip("nothing to report")
        used = tuple(sorted({c.name.split("__", 1)[0] for c in plan.calls}))
        comp = Composed(plan, work, used, seed)
        constraints = choose_constraints(comp, rng, self.catalog, prefer=CATEGORY_CONSTRAINTS[category])
        phrased = [c.model_copy(update={"phrasing": self._phrase(c, work, words)}) for c in constraints]
        answer, fmt = answer_to(work, phrased)
        instruction = self._request(scene, [c.phrasing for c in phrased if c.phrasing], words, fmt != "json")
        goal = Goal(changes=work.changes, answer_facts=_distinct_facts(work, instruction))
        phrased = [_distinct_tradeoff(c, instruction) for c in phrased]
        world = plan.world
        goal = goal.model_copy(update={"allow": footprint_of(diff_world(world), world.touched(), goal)})
        task = Task(
            id=f"{self.split}-{self.seed}-{slot:05d}",
            split=self.split,
            instruction=instruction,
            apps=list(used),
            world=WorldRecipe(seed=seed),
            family=f"{pattern}-{scene.category}",
            category=scene.category,
            if_then=IF_THEN.get(pattern, ""),
            goal=goal,
            constraints=phrased,
            oracle=plan.calls,
            oracle_answer=answer,
        )
        stats = oracle_stats(task).model_copy(update={"segments": [pattern]})
        assert task.family in FAMILIES
        task = task.model_copy(update={"stats": stats, "tier": tier(stats.calls)})
        return self._paraphrased(task) if self.paraphrase is not None else task

    def _second(
        self, scene: Scene, act: Act, rng: random.Random, words: prose.SplitRandom, again: bool = False
    ) -> None:
        """A second (``again``: a further) related job in the same app (kept only if it works out)."""
        done = {c.name for c in scene.plan.calls}
        others = [
            a for a in acts_of(act.app) if a.name != act.name and applicable(a) and a.qualified not in done
        ]
        rng.shuffle(others)
        category = scene.category
        for other in others[:3]:
            mark = len(scene.sentences)
            asks = list(scene.asks)
            try:
                with attempt(scene.work):
                    PATTERNS[rng.choice(applicable(other))](scene, other)
            except (Skip, PlanError, LookupError, ValueError):
                del scene.sentences[mark:]
                scene.asks = asks
                scene.category = category
                continue
            scene.sentences.insert(
                mark, prose.fill(words.choice(THEN_AGAIN if again else THEN), app=act.app.title)
            )
            scene.category = category
            return

    def _elsewhere(
        self, scene: Scene, partners: list[str], rng: random.Random, words: prose.SplitRandom
    ) -> None:
        """A job in another app for a person of the cast who has a record there (kept only if it works out);
        the person of the first part is preferred, so one person runs through both apps."""
        from toolgym_env.tasks.scenarios.families import requester

        category = scene.category
        for name in partners:
            acts = [a for a in acts_of(self.universe.app(name)) if "requester" in applicable(a)]
            rng.shuffle(acts)
            for other in acts[:3]:
                mark, asks, person = len(scene.sentences), list(scene.asks), scene.person
                try:
                    with attempt(scene.work):
                        requester(scene, other)
                except (Skip, PlanError, LookupError, ValueError):
                    del scene.sentences[mark:]
                    scene.asks, scene.person, scene.category = asks, person, category
                    continue
                scene.sentences.insert(mark, prose.fill(words.choice(ELSEWHERE), app=other.app.title))
                scene.category = category
                return

    def _tidy(self, scene: Scene, act: Act, rng: random.Random, words: prose.SplitRandom) -> None:
        """Edit, remove or add one record of the anchor's app (kept only if it works out)."""
        from toolgym_env.tasks.engine.segments import SEGMENTS
        from toolgym_env.tasks.engine.toolbox import resources

        work = scene.work
        options = [
            (kind, res)
            for res in resources(act.app)
            for kind in (
                ("upkeep:update", "upkeep:delete", "upkeep:get")
                if housekeeping.needs_listing(res)
                else ("find_update", "delete", "create", "upkeep:get")
            )
        ]
        rng.shuffle(options)
        said = {s for s in scene.sentences}
        template = words.choice(TIDY)
        for _ in range(3):  # a second piece of housekeeping is not announced the same way as the first
            if not any(s.startswith(template.split("{", 1)[0]) for s in said):
                break
            template = words.choice(TIDY)
        for kind, res in options[:4]:
            mark, asks = len(work.clauses), list(scene.asks)
            try:
                with attempt(work):
                    if kind.startswith("upkeep:"):
                        kind = kind.split(":", 1)[1]
                        scene.say(prose.fill(template, ask=housekeeping.upkeep(scene, res, kind)))
                        return
                    SEGMENTS[kind](work, res)
            except (Skip, PlanError, LookupError, ValueError):
                del work.clauses[mark:]
                scene.asks = asks
                continue
            clause = (
                work.clauses[-1].split(", ", 1)[1] if work.clauses[-1].startswith("in ") else work.clauses[-1]
            )
            clause = re.sub(r"^find (the .+?) and change its (.+?) to ", r"set the \2 of \1 to ", clause)
            clause = re.sub(r"\ba (?=[aeiou])", "an ", clause)
            scene.say(prose.fill(template, ask=clause))
            return

    @staticmethod
    def _domain_of(app: str) -> str:
        """The domain of a generated app; a core app is its own domain."""
        return _domains().get(app, app)

    def _phrase(self, c, work, words):
        if c.type == "response_content":
            keys = [k for k, v in work.extras if v in c.must_include]
            return words.choice(
                (
                    "In your reply, also tell me the {}.",
                    "Please also include the {} in your answer.",
                    "When you report back, mention the {} too.",
                    "Add the {} to your reply as well.",
                )
            ).format(" and the ".join(keys))
        if c.type == "tool_type_priority" and c.min_ratio >= 1:
            doing = prose.join([phrasing._KIND_DOING[k] for k in c.prefer], "or")
            others = prose.join([phrasing._KIND_DOING[k] for k in c.among if k not in c.prefer], "or")
            return words.choice(
                (
                    f"Stick to {doing}; no {others} at all, please.",
                    f"Only use {doing} for this, never {others}.",
                    f"Please don't resort to {others}; {doing} is the way to go here.",
                    f"I want {doing} only, with no {others}.",
                )
            )
        if c.type == "output_format" and c.format != "json" and c.min_items <= 1:
            kind = "bulleted" if c.format == "bullets" else "numbered"
            return words.choice(
                (
                    f"Write your answer as a {kind} list.",
                    f"Please answer with a {kind} list.",
                    f"Put your answer in a {kind} list.",
                    f"A {kind} list is the format I need.",
                )
            )
        text = phrasing.constraint_phrase(c, words, self.names).replace(" look it up with ", " use ")
        if c.type == "output_format" and len(c.keys) == 1:
            text = text.replace(" as keys.", " as its only key.")
        return text

    def _request(self, scene: Scene, constraints: list[str], words: prose.SplitRandom, recap: bool) -> str:
        body = list(scene.sentences) + constraints
        if recap and scene.work.facts:
            keys = [
                f"whether {flag(f.key, True)}"
                if f.type == "boolean" and not f.key.startswith("whether ")
                else f.key
                if f.key.split()[0] in (*_DETERMINERS, "whether")
                else f"the {f.key}"
                for f in scene.work.facts
            ]
            body.append(prose.fill(words.choice(prose.REPORT), facts=prose.join(keys)))
        opener = words.choice(prose.OPENERS)
        first = " ".join(s for s in body if s)
        if opener.endswith((", ", "— ", ": ")):
            if first.split(" ", 1)[0].strip(",.?!") in _LEADS:
                first = first[:1].lower() + first[1:]
            else:
                opener = opener.rstrip(",:— ") + (
                    "! " if opener.startswith(("Hi", "Hey", "Hello", "Morning")) else ". "
                )
        text = re.sub(r"\bthe the\b", "the", opener + first)
        while len(re.findall(r"\bFinally, ", text)) > 1:  # only the last part is the final one
            text = text.replace("Finally, ", "Then ", 1)
        text = re.sub(r"([.!?])”\.", r"\1”", text)  # a quoted sentence ends the clause: no second full stop
        closing = words.choice(prose.CLOSINGS) if words.random() < prose.SIGN_OFF else ""
        return (text + (" " + closing if closing else "")).strip()
