"""Deterministic randomness for world building: stable sub-seeds, seeded Faker, and a shared cast.

The cast of a world seed holds the people the owner knows and the organisations, products, places and
projects that many apps mention, so one name joins rows across apps (a CRM company is the employer of a
contact, the client of an invoice, a merchant of an expense).

Python's ``hash()`` is salted per process, so every seed here is derived with SHA-256 instead: the same
world seed gives the same data in any process.
"""

from __future__ import annotations

import hashlib
import random
import threading
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import cached_property, lru_cache

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
class Org:
    """An organisation of the cast: the employer of some people, a client, vendor or account in many apps."""

    name: str
    domain: str
    industry: str
    city: str


@dataclass(frozen=True)
class Product:
    """A product of the cast, sold in shops and billed on invoices."""

    name: str
    category: str
    price: float


@dataclass(frozen=True)
class Venue:
    """A named place in a city: a ``restaurant``, ``hotel``, ``hall`` or ``office``."""

    name: str
    kind: str
    address: str


@dataclass(frozen=True)
class Place:
    """A city of the cast with a few venues (travel, dining, housing and event apps draw from these)."""

    city: str
    venues: tuple[Venue, ...]

    def venue(self, kind: str) -> Venue:
        """The venue of ``kind`` (each place has one of every kind)."""
        return next(v for v in self.venues if v.kind == kind)


@dataclass(frozen=True)
class Project:
    """A project codename of the cast: a tracker project, a repository, a pipeline, a wiki space."""

    name: str
    slug: str
    description: str


#: Organisation industries (the CRM's vocabulary).
INDUSTRIES = ("software", "finance", "healthcare", "retail", "manufacturing", "education", "media")
#: How many organisations a cast holds; people whose own company falls beyond are hired by one of these.
ORG_COUNT = 25
#: How many of those hired people join the owner's organisation (the owner's coworkers).
COWORKERS = 3

_PRODUCT_LINES = {
    "electronics": (
        ("Headphones", 149),
        ("Smart Speaker", 99),
        ("Webcam", 79),
        ("Power Bank", 39),
        ("Monitor", 249),
        ("Keyboard", 89),
    ),
    "home": (
        ("Desk Lamp", 45),
        ("Coffee Grinder", 65),
        ("Throw Blanket", 35),
        ("Air Purifier", 129),
        ("Kettle", 42),
        ("Cookware Set", 189),
    ),
    "office": (("Notebook Set", 18), ("Standing Desk", 399), ("Ergonomic Chair", 289), ("Whiteboard", 59)),
    "outdoor": (
        ("Daypack", 69),
        ("Water Bottle", 24),
        ("Camping Stove", 55),
        ("Rain Jacket", 119),
        ("Trekking Poles", 75),
    ),
    "apparel": (("Hoodie", 58), ("Running Shoes", 110), ("Beanie", 22), ("Tote Bag", 28), ("Wool Socks", 16)),
    "software": (
        ("Team License", 1200),
        ("Analytics Add-on", 240),
        ("Support Plan", 480),
        ("API Access", 600),
    ),
}
_PRODUCT_BRANDS = (
    "Aurora",
    "Nimbus",
    "Cedar",
    "Vertex",
    "Halcyon",
    "Kestrel",
    "Lumen",
    "Orbit",
    "Summit",
    "Tidal",
    "Juniper",
    "Basalt",
    "Quill",
    "Marlow",
    "Zephyr",
    "Solstice",
    "Ember",
    "Harbor",
)
_CODENAMES = (
    "Atlas",
    "Beacon",
    "Falcon",
    "Granite",
    "Helios",
    "Ironwood",
    "Juno",
    "Kepler",
    "Lighthouse",
    "Meridian",
    "Nova",
    "Obsidian",
    "Polaris",
    "Quasar",
    "Redwood",
    "Sequoia",
    "Tundra",
    "Vega",
    "Willow",
    "Zenith",
)
_PROJECT_AIMS = (
    "customer portal rebuild",
    "billing migration",
    "mobile app relaunch",
    "data warehouse",
    "search revamp",
    "onboarding redesign",
    "payments platform",
    "internal tooling",
    "analytics dashboards",
    "infrastructure upgrade",
    "partner API",
    "design system",
)
_VENUE_NAMES = {
    "restaurant": ("Bistro", "Trattoria", "Kitchen", "Grill", "Brasserie", "Table"),
    "hotel": ("Grand Hotel", "Inn", "Suites", "Lodge", "Hotel"),
    "hall": ("Convention Center", "Hall", "Pavilion", "Arena", "Theater"),
    "office": ("Works", "Exchange", "Commons", "Hub", "Tower"),
}
_VENUE_WORDS = (
    "Harbor",
    "Maple",
    "Juniper",
    "Copper",
    "Lantern",
    "Willow",
    "Granite",
    "Saffron",
    "Oak",
    "Cobalt",
    "Linden",
    "Meridian",
    "Orchard",
    "Ivy",
    "Beacon",
    "Silver",
    "Marigold",
    "Cedar",
    "Riverside",
    "Summit",
)


def _org_domain(company: str) -> str:
    return company.lower().replace(",", "").replace(" ", "").replace("-", "")[:14] + ".com"


@dataclass(frozen=True)
class Cast:
    """The world's shared cast: its owner (``user``), the people they know (``people``), and pools of
    organisations (``orgs``), products, places and projects that apps draw names from.

    ``orgs`` are built with the people (every person's ``company`` is one of them); the other pools are
    computed on first use, each from its own seeded generator, so reading one never shifts another.

    Example:
        >>> cast = make_cast(0)
        >>> {p.company for p in cast.people} <= {o.name for o in cast.orgs}
        True
        >>> len(cast.orgs), len(cast.products), len(cast.places), len(cast.projects)
        (25, 30, 15, 12)
        >>> cast.members(cast.orgs[1])[0].company == cast.orgs[1].name
        True
    """

    user: Person
    people: tuple[Person, ...]
    orgs: tuple[Org, ...] = ()
    seed: int = 0

    def org(self, name: str) -> Org:
        """The organisation called ``name``."""
        return next(o for o in self.orgs if o.name == name)

    def members(self, org: Org | str) -> tuple[Person, ...]:
        """The people (the owner excluded) who work at ``org``."""
        name = org if isinstance(org, str) else org.name
        return tuple(p for p in self.people if p.company == name)

    @cached_property
    def products(self) -> tuple[Product, ...]:
        """30 products with distinct names (brand + item), a category and a typical price."""
        rng = random.Random(stable_seed("cast-products", self.seed))
        items = [(cat, item, price) for cat, line in _PRODUCT_LINES.items() for item, price in line]
        rng.shuffle(items)
        brands = list(_PRODUCT_BRANDS)
        rng.shuffle(brands)
        out = []
        for n, (cat, item, price) in enumerate(items[:30]):
            factor = rng.choice((0.8, 0.9, 1.0, 1.1, 1.25))
            out.append(Product(f"{brands[n % len(brands)]} {item}", cat, round(price * factor) - 0.01))
        return tuple(out)

    @cached_property
    def places(self) -> tuple[Place, ...]:
        """15 cities (the first distinct home cities of the owner and people), each with a restaurant, a
        hotel, a hall and an office; venue names are unique across the cast."""
        fake = Faker("en_US")
        fake.seed_instance(stable_seed("cast-places", self.seed))
        rng = random.Random(stable_seed("cast-venues", self.seed))
        cities: list[str] = []
        for p in (self.user, *self.people):
            if p.city not in cities:
                cities.append(p.city)
        while len(cities) < 15:
            city = fake.city()
            if city not in cities:
                cities.append(city)
        used: set[str] = set()
        places = []
        for city in cities[:15]:
            venues = []
            for kind, nouns in _VENUE_NAMES.items():
                while True:
                    name = f"{rng.choice(_VENUE_WORDS)} {rng.choice(nouns)}"
                    if name not in used:
                        used.add(name)
                        break
                venues.append(Venue(name, kind, fake.street_address()))
            places.append(Place(city, tuple(venues)))
        return tuple(places)

    @cached_property
    def projects(self) -> tuple[Project, ...]:
        """12 project codenames with a URL-safe slug and a one-line aim."""
        rng = random.Random(stable_seed("cast-projects", self.seed))
        names = rng.sample(_CODENAMES, 12)
        aims = rng.sample(_PROJECT_AIMS, 12)
        return tuple(Project(name, name.lower(), f"Project {name}: {aim}.") for name, aim in zip(names, aims))


def _make_person(fake: Faker, index: int, used: set[str]) -> Person:
    while True:
        first, last = fake.first_name(), fake.last_name()
        if f"{first} {last}" not in used:
            used.add(f"{first} {last}")
            break
    company = fake.company()
    email = f"{first}.{last}@{_org_domain(company)}".lower().replace("'", "")
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
    """The shared cast of a world seed: one owner plus ``size`` acquaintances, all distinct.

    The organisations are the first :data:`ORG_COUNT` distinct companies drawn for the owner and people (their
    names and email domains stay as drawn); anyone whose own company falls beyond joins one of them (the first
    :data:`COWORKERS` join the owner's) and keeps their email address.
    """
    fake = Faker("en_US")
    fake.seed_instance(stable_seed("cast", seed))
    used: set[str] = set()
    user = _make_person(fake, 0, used)
    drawn = [_make_person(fake, i, used) for i in range(1, size + 1)]
    rng = random.Random(stable_seed("cast-orgs", seed))
    orgs: list[Org] = []
    for p in (user, *drawn):
        if len(orgs) < ORG_COUNT and all(o.name != p.company for o in orgs):
            orgs.append(Org(p.company, _org_domain(p.company), rng.choice(INDUSTRIES), p.city))
    names = {o.name for o in orgs}
    hired = [p for p in drawn if p.company not in names]
    employer = {
        p.id: (orgs[0] if k < COWORKERS else rng.choice(orgs[1:] or orgs)).name for k, p in enumerate(hired)
    }
    people = tuple(replace(p, company=employer[p.id]) if p.id in employer else p for p in drawn)
    return Cast(user=user, people=people, orgs=tuple(orgs), seed=seed)


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
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


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
