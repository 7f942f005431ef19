"""Deterministic randomness for world building: stable sub-seeds, seeded Faker, and a shared cast of people.

Python's ``hash()`` is salted per process, so every seed here is derived with SHA-256 instead: the same
world seed gives the same data in any process.
"""

from __future__ import annotations

import hashlib
import random
import threading
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import lru_cache

from faker import Faker

from toolgym_env.world.clock import EPOCH, format_time


def stable_seed(*parts: object) -> int:
    """A 63-bit seed derived from ``parts``, identical across processes and platforms."""
    digest = hashlib.sha256("\x1f".join(map(str, parts)).encode()).digest()
    return int.from_bytes(digest[:8], "big") >> 1


def stable_hex(*parts: object, length: int = 8) -> str:
    """A short hex token derived from ``parts`` (used for realistic, deterministic ids)."""
    return hashlib.sha256("\x1f".join(map(str, parts)).encode()).hexdigest()[:length]


@dataclass(frozen=True)
class Person:
    """Someone in the shared cast: appears consistently in contacts, mail, chat, calendar and payments."""

    id: str
    first_name: str
    last_name: str
    email: str
    phone: str
    company: str
    job_title: str
    city: str
    handle: str
    iban: str

    @property
    def name(self) -> str:
        """Full name."""
        return f"{self.first_name} {self.last_name}"


@dataclass(frozen=True)
class Cast:
    """The world's owner (``user``) and the people they know (``people``)."""

    user: Person
    people: tuple[Person, ...]


def _make_person(fake: Faker, index: int, used: set[str]) -> Person:
    while True:
        first, last = fake.first_name(), fake.last_name()
        if f"{first} {last}" not in used:
            used.add(f"{first} {last}")
            break
    company = fake.company()
    domain = company.lower().replace(",", "").replace(" ", "").replace("-", "")[:14] + ".com"
    email = f"{first}.{last}@{domain}".lower().replace("'", "")
    return Person(
        id=f"p{index:03d}",
        first_name=first,
        last_name=last,
        email=email,
        phone=fake.numerify("+1-###-555-####"),
        company=company,
        job_title=fake.job(),
        city=fake.city(),
        handle=f"{first[0]}{last}".lower().replace("'", ""),
        iban=fake.iban(),
    )


@lru_cache(maxsize=16)
def make_cast(seed: int, size: int = 40) -> Cast:
    """The shared cast of a world seed: one owner plus ``size`` acquaintances, all distinct."""
    fake = Faker("en_US")
    fake.seed_instance(stable_seed("cast", seed))
    used: set[str] = set()
    user = _make_person(fake, 0, used)
    people = tuple(_make_person(fake, i, used) for i in range(1, size + 1))
    return Cast(user=user, people=people)


_LOCAL = threading.local()


def _faker() -> Faker:
    """One Faker per thread (creating one takes ~35 ms); each SeedContext re-seeds it. Per thread, because
    envs stepping in threads may seed lazily loaded apps at the same time."""
    fake = getattr(_LOCAL, "faker", None)
    if fake is None:
        fake = _LOCAL.faker = Faker("en_US")
    return fake


#: Weekday names (Faker's date helpers read the wall clock, so seeders pick from these instead).
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: Month names, for the same reason (Faker's ``month_name()`` draws a date up to *now*).
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")


@dataclass
class SeedContext:
    """What an app's seed function receives: its own Faker and RNG, the shared cast and the start time.

    Each app gets sub-seeds derived from ``(world seed, app name)``, so adding an app never changes
    another app's data.
    """

    seed: int
    app: str
    fake: Faker = field(init=False)
    rng: random.Random = field(init=False)
    cast: Cast = field(init=False)
    now: datetime = EPOCH

    def __post_init__(self) -> None:
        self.fake = _faker()
        self.fake.seed_instance(stable_seed("app", self.seed, self.app))
        self.rng = random.Random(stable_seed("rng", self.seed, self.app))
        self.cast = make_cast(self.seed)

    @property
    def user(self) -> Person:
        """The world's owner (the person the agent works for)."""
        return self.cast.user

    @property
    def people(self) -> tuple[Person, ...]:
        """Everyone the owner knows."""
        return self.cast.people

    def at(self, days: float = 0, hours: float = 0, minutes: float = 0) -> str:
        """An ISO timestamp offset from the world's start (negative = past)."""
        return format_time(self.now + timedelta(days=days, hours=hours, minutes=minutes))

    def date(self, days: int = 0) -> str:
        """A ``YYYY-MM-DD`` date offset from the world's start."""
        return (self.now + timedelta(days=days)).strftime("%Y-%m-%d")
