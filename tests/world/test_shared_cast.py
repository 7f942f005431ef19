"""The shared cast: pools deterministic across processes, and the same orgs, products, places and projects
seen in many apps of one world."""

import subprocess
import sys
from collections import Counter

import pytest

from toolgym_env.apps.domains import product_index
from toolgym_env.universe import Universe
from toolgym_env.world.seeding import make_cast

DIGEST = (
    "import hashlib; from toolgym_env.world.seeding import make_cast; c = make_cast(3); "
    "print(hashlib.sha256(repr((c.user, c.people, c.orgs, c.products, c.places, c.projects))"
    ".encode()).hexdigest())"
)
DOMAINS = (
    "crm_sales",
    "invoicing",
    "expenses",
    "payments",
    "storefront",
    "budgeting",
    "project_tracking",
    "ci_cd",
    "code_hosting",
    "hotels",
    "dining_reservations",
    "real_estate",
)


def _digest(hash_seed: str) -> str:
    out = subprocess.run(
        [sys.executable, "-c", DIGEST],
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONHASHSEED": hash_seed, "PATH": ""},
    )
    return out.stdout.strip()


def test_pools_are_identical_across_processes():
    assert _digest("1") == _digest("2")


def test_pools_differ_between_seeds_and_have_unique_names():
    a, b = make_cast(0), make_cast(1)
    assert [o.name for o in a.orgs] != [o.name for o in b.orgs]
    assert a.products != b.products and a.projects != b.projects
    for names in (
        [o.name for o in a.orgs],
        [p.name for p in a.products],
        [p.city for p in a.places],
        [v.name for p in a.places for v in p.venues],
        [p.slug for p in a.projects],
    ):
        assert len(names) == len(set(names))


def test_every_person_works_at_a_cast_org_and_orgs_have_staff():
    cast = make_cast(0)
    orgs = {o.name for o in cast.orgs}
    assert cast.user.company == cast.orgs[0].name
    assert all(p.company in orgs for p in cast.people)
    assert all(cast.members(o) for o in cast.orgs)  # everyone's employer, the owner's included (coworkers)
    assert max(Counter(p.company for p in cast.people).values()) >= 2


@pytest.fixture(scope="module")
def seeded_text():
    """``{app: all text of its seeded rows}`` for each product of the domains drawing on the cast (seed 0)."""
    u = Universe.full()
    apps = [name for name, (domain, _) in product_index().items() if domain in DOMAINS]
    return {
        a: "\n".join(" ".join(map(str, row)) for _, rows, _ in u.app_tables(0, a) for row in rows)
        for a in apps
    }


def _spread(names, text):
    return {n: sum(n in t for t in text.values()) for n in names}


def test_cast_orgs_products_places_recur_across_apps(seeded_text):
    cast = make_cast(0)
    orgs = _spread([o.name for o in cast.orgs[1:]], seeded_text)
    products = _spread([p.name for p in cast.products], seeded_text)
    cities = _spread([p.city for p in cast.places], seeded_text)
    projects = _spread([p.slug for p in cast.projects], seeded_text)
    assert len(seeded_text) == 5 * len(DOMAINS)
    assert sum(c >= 3 for c in orgs.values()) >= 20, orgs
    assert sum(c >= 3 for c in products.values()) >= 15, products
    assert sum(c >= 3 for c in cities.values()) >= 12, cities
    assert sum(c >= 3 for c in projects.values()) >= 8, projects


def test_crm_contacts_work_at_their_company():
    u = Universe.full()
    world = u.build_world(0, ["dealforge"])
    companies = {c["id"]: c["name"] for c in world.select("dealforge__companies")}
    people = {p.email: p for p in make_cast(0).people}
    contacts = world.select("dealforge__contacts")
    assert contacts and all(people[c["email"]].company == companies[c["company_id"]] for c in contacts)
