"""Task families of the core suite: each writes one multi-app task by executing its oracle on a scratch world.

A family is ``fn(plan, rng, i) -> Draft``; it picks entities from the world with ``rng``, calls tools
through ``plan`` (reading real results to decide what comes next), and states the goal: the world changes
a correct solution must make (every field the request determines: exact recipients, parent records, amounts)
and the typed facts its final answer must give, each asked for by its key and with the values an agent could
confuse it with as distractors (read from the same world).
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any, get_args

from toolgym_env.apps.core.weather import Condition
from toolgym_env.judge.facts import states
from toolgym_env.tasks.plan import Plan
from toolgym_env.tasks.schema import Fact, FactType, RowExpectation
from toolgym_env.world.clock import format_time, parse_time
from toolgym_env.world.seeding import make_cast

#: Every condition a forecast can give (the distractors of a weather fact).
CONDITIONS: tuple[str, ...] = get_args(Condition)


@dataclass
class Draft:
    """A task before validation."""

    instruction: str
    changes: list[RowExpectation] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    answer: str = ""


Family = Callable[[Plan, random.Random, int], Draft]
FAMILIES: dict[str, Family] = {}


def family(name: str) -> Callable[[Family], Family]:
    """Register a task family."""

    def add(fn: Family) -> Family:
        FAMILIES[name] = fn
        return fn

    return add


def pick(rng: random.Random, *phrasings: str) -> str:
    """One of several phrasings."""
    return rng.choice(phrasings)


def insert(table: str, **where: Any) -> RowExpectation:
    """Expect a new row in ``table`` matching ``where``."""
    return RowExpectation(table=table, op="insert", where=where)


def update(table: str, row_id: str | None = None, **where: Any) -> RowExpectation:
    """Expect an updated row (``row_id`` if given) whose new values match ``where``."""
    return RowExpectation(table=table, op="update", id=row_id, where=where)


def sent_mail(to: str, **where: Any) -> RowExpectation:
    """Expect a sent email to exactly ``to`` (no other recipient, nobody in copy)."""
    return insert("mail__messages", folder="sent", to=[to], cc=[], **where)


def chat_post(channel_id: str, author: str, **where: Any) -> RowExpectation:
    """Expect a top-level chat message by ``author`` in channel ``channel_id`` (a DM's channel included)."""
    return insert("chat__messages", channel_id=channel_id, author=author, parent_id=None, **where)


def fact(
    key: str, value: Any, type: FactType = "text", distractors: Iterable[Any] = (), items: Iterable[str] = ()
) -> Fact:
    """A fact the answer must state as ``key``, with the values it could be confused with.

    A distractor that the value itself states or that states the value ("cloudy" for "partly cloudy", the same
    amount written another way) could never be told apart, so it is left out; duplicates and blanks too. A
    fact left with nothing to confuse it with cannot be graded for precision: that raises ``LookupError`` (the
    draft is rejected).
    """
    items = [str(x) for x in items]
    values = items or [str(value)]
    kind = "text" if type == "list" else type
    kept: list[str] = []
    for d in map(str, distractors):
        if not d.strip() or any(d.casefold() == k.casefold() for k in kept):
            continue
        if any(states(kind, v, d) or states(kind, d, v) or d.casefold() == v.casefold() for v in values):
            continue
        kept.append(d)
    if not kept:
        raise LookupError(f"nothing to confuse the {key} with")
    return Fact(key=key, value=str(value), type=type, distractors=kept, items=items)


def money(x: float) -> str:
    """``1234.5`` → ``"1234.50"``."""
    return f"{x:.2f}"


def _user(plan: Plan):
    return make_cast(plan.world.seed).user


def _people(plan: Plan):
    return make_cast(plan.world.seed).people


@family("forecast_email")
def forecast_email(plan: Plan, rng: random.Random, i: int) -> Draft:
    person = rng.choice(_people(plan))
    city = rng.choice(plan.read("weather__cities"))["name"]
    date = plan.world.clock.now() + timedelta(days=rng.randint(1, 4))
    day = date.strftime("%Y-%m-%d")
    plan.call("contacts__search_contacts", query=person.last_name)
    hits = [j for j, c in enumerate(plan.results[-1]["items"]) if c["email"] == person.email]
    email = plan.ref(f"items.{hits[0]}.email")
    week = plan.call("weather__get_forecast", city=city, days=7)["days"]  # the week ahead, then the asked day
    fc = next(d for d in week if d["date"] == day)
    cond = fc["condition"]
    plan.call(
        "mail__send_email",
        to=[email],
        subject=f"Weather in {city} on {day}",
        body=f"Hi {person.first_name}, the forecast for {city} on {day}: {cond}, high {fc['high']}, "
        f"low {fc['low']}.",
    )
    instruction = pick(
        rng,
        f"{person.first_name} {person.last_name} is going to {city} on {day}. Look up their email in my "
        "contacts and send them the weather forecast for that day, and tell me the weather forecast too.",
        f"Could you email {person.name} the forecast for {city} on {day}? Their address is in my contacts. "
        f"Let me know the weather forecast as well.",
    )
    return Draft(
        instruction,
        [sent_mail(person.email, body={"$icontains": cond})],
        [fact("weather forecast", cond, "enum", CONDITIONS)],
        f"I emailed {person.name} ({person.email}). The weather forecast for {city} on {day}: {cond}.",
    )


@family("invoice_payment")
def invoice_payment(plan: Plan, rng: random.Random, i: int) -> Draft:
    payees = {p["email"]: p for p in plan.read("bank__payees")}
    inbox = plan.read("mail__messages", "folder = 'inbox' AND subject LIKE 'Invoice %'")
    invoices = [m for m in inbox if m["from_address"] in payees]
    msg = rng.choice(invoices)
    number = re.search(r"INV-\d+", msg["subject"]).group(0)
    amount = float(re.search(r"for ([\d.]+) USD", msg["body"]).group(1))
    payee = payees[msg["from_address"]]
    plan.call("mail__search_messages", query=number)
    mid = plan.ref("items.0.id")
    plan.call("bank__list_payees", limit=50)
    k = [j for j, p in enumerate(plan.results[-1]["items"]) if p["id"] == payee["id"]][0]
    payee_id = plan.ref(f"items.{k}.id")
    plan.call("bank__list_accounts", type="checking")
    acct = plan.ref("items.0.id")
    balance = plan.results[-1]["items"][0]["balance"]
    plan.call("bank__send_payment", from_account_id=acct, amount=amount, payee_id=payee_id, memo=number)
    plan.call("mail__reply_to_email", message_id=mid, body=f"Hi, invoice {number} has been paid.")
    others = [m.group(1) for m in (re.search(r"for ([\d.]+) USD", x["body"]) for x in inbox) if m]
    instruction = pick(
        rng,
        f"{payee['name']} sent me invoice {number}. Pay it from my checking account, reply to their email to "
        "let them know it's paid, and tell me the amount paid.",
        f"Please settle invoice {number} from {payee['name']} out of checking, then answer their email "
        "saying the payment went out. What was the amount paid?",
    )
    return Draft(
        instruction,
        [
            insert(
                "bank__transactions",
                account_id=acct.value,
                amount={"$approx": -amount},
                counterparty=payee["name"],
            ),
            update("bank__accounts", acct.value, balance={"$approx": round(balance - amount, 2)}),
            sent_mail(payee["email"], thread_id=msg["thread_id"], subject={"$icontains": number}),
        ],
        [fact("amount paid", money(amount), "money", others)],
        f"I paid invoice {number} to {payee['name']} from checking and replied to their email. "
        f"Amount paid: {money(amount)} USD.",
    )


@family("transfer_then_pay")
def transfer_then_pay(plan: Plan, rng: random.Random, i: int) -> Draft:
    payee = rng.choice(plan.read("bank__payees"))
    x, y = rng.choice((200, 300, 500, 750)), rng.choice((45, 60, 85, 120, 150))
    reason = rng.choice(("concert tickets", "the team lunch", "the birthday gift", "the taxi"))
    plan.call("bank__list_accounts")
    accts = plan.results[-1]["items"]
    sav = plan.ref(f"items.{[a['type'] for a in accts].index('savings')}.id")
    chk = plan.ref(f"items.{[a['type'] for a in accts].index('checking')}.id", step=len(plan.results) - 1)
    plan.call("bank__transfer_between_accounts", from_account_id=sav, to_account_id=chk, amount=float(x))
    plan.call("bank__list_payees", limit=50)
    k = [j for j, p in enumerate(plan.results[-1]["items"]) if p["id"] == payee["id"]][0]
    plan.call(
        "bank__send_payment",
        from_account_id=chk,
        amount=float(y),
        payee_id=plan.ref(f"items.{k}.id"),
        memo=reason,
    )
    last = payee["name"].split()[-1]
    plan.call("chat__search_users", query=last)
    users = plan.results[-1]["items"]
    h = [j for j, u in enumerate(users) if u["display_name"] == payee["name"]][0]
    dm = plan.call(
        "chat__send_direct_message",
        handle=plan.ref(f"items.{h}.handle"),
        text=f"I just sent you ${y} for {reason}.",
    )["channel"]["id"]
    me = _user(plan)
    instruction = pick(
        rng,
        f"Move ${x} from my savings to checking, then pay {payee['name']} ${y} for {reason} from checking "
        "and send them a direct message on chat saying it's on its way.",
        f"I owe {payee['name']} ${y} for {reason}. Top up checking with ${x} from savings first, pay them "
        "from checking, and DM them on chat once it's sent.",
    )
    return Draft(
        instruction,
        [
            insert("bank__transactions", account_id=sav.value, amount={"$approx": -float(x)}),
            insert("bank__transactions", account_id=chk.value, amount={"$approx": float(x)}),
            insert(
                "bank__transactions",
                account_id=chk.value,
                amount={"$approx": -float(y)},
                counterparty=payee["name"],
            ),
            chat_post(dm, me.handle, text={"$mentions": y}),
        ],
        [],
        f"Moved ${x} to checking, paid {payee['name']} ${y} and messaged them.",
    )


@family("free_slot_meeting")
def free_slot_meeting(plan: Plan, rng: random.Random, i: int) -> Draft:
    person = rng.choice(_people(plan))
    day = (plan.world.clock.now() + timedelta(days=rng.randint(1, 6))).strftime("%Y-%m-%d")
    minutes = rng.choice((30, 45, 60))
    topic = rng.choice(
        ("Contract review", "Roadmap sync", "Budget planning", "Hiring debrief", "Vendor call")
    )
    plan.call("contacts__search_contacts", query=f"{person.first_name} {person.last_name}")
    email = plan.ref("items.0.email")
    plan.call("calendar__list_calendars")
    k = [c["kind"] for c in plan.results[-1]["items"]].index("work")
    cal = plan.ref(f"items.{k}.id")
    slots = plan.call("calendar__find_free_slots", date=day, duration_minutes=minutes, calendar_id=cal)[
        "slots"
    ]
    start = slots[0]["start"]
    end = format_time(parse_time(start) + timedelta(minutes=minutes))
    plan.call(
        "calendar__create_event",
        calendar_id=cal,
        title=topic,
        start=plan.ref("slots.0.start"),
        end=end,
        attendees=[email],
    )
    plan.call(
        "mail__send_email",
        to=[email],
        subject=f"{topic} on {day}",
        body=f"Hi {person.first_name}, I booked '{topic}' on {day} from {start[11:16]} to {end[11:16]} UTC.",
    )
    # where a careless agent would put the meeting: the edges of the other free windows and of the day's
    # events in every calendar (the meeting's own end is fair to say)
    events = plan.read("calendar__events", "start LIKE ?", (f"{day}%",))
    edges = [t[11:16] for x in [*slots, *events] for t in (x["start"], x["end"]) if t[11:16] != end[11:16]]
    instruction = pick(
        rng,
        f"Set up a {minutes}-minute '{topic}' meeting with {person.name} on {day} at the earliest time my "
        "work calendar is free, invite them, email them the time, and tell me the meeting time.",
        f"Find the first free {minutes}-minute slot on {day} in my work calendar, book '{topic}' there with "
        f"{person.name} as attendee, and send them an email with the time. What meeting time did you pick?",
    )
    return Draft(
        instruction,
        [
            insert(
                "calendar__events",
                title={"$icontains": topic},
                start=start,
                end=end,
                attendees=[person.email],
                calendar_id=cal.value,
            ),
            sent_mail(person.email),
        ],
        [fact("meeting time", start[11:16], "time", edges)],
        f"I booked '{topic}' with {person.name} on {day} and emailed them. Meeting time: {start[11:16]} UTC.",
    )


@family("overdue_digest")
def overdue_digest(plan: Plan, rng: random.Random, i: int) -> Draft:
    me = _user(plan)
    projects = [p for p in plan.read("tasks__projects") if p["status"] == "active"]
    today = plan.world.clock.today()
    candidates = []
    for p in projects:
        late = plan.read(
            "tasks__tasks", "project_id = ? AND status != 'done' AND due_date < ?", (p["id"], today)
        )
        if 1 <= len(late) <= 4:
            candidates.append(p)
    project = rng.choice(candidates)
    channels = [c for c in plan.read("chat__channels") if not c["is_dm"] and me.handle in c["members"]]
    channel = rng.choice(channels)
    plan.call("tasks__list_projects", status="active")
    k = [p["id"] for p in plan.results[-1]["items"]].index(project["id"])
    pid = plan.ref(f"items.{k}.id")
    plan.call(
        "tasks__list_tasks", project_id=pid, limit=50
    )  # the project's tasks, then which of them are late
    overdue = plan.call("tasks__list_overdue_tasks", project_id=pid)["tasks"]
    step = len(plan.results) - 1
    for j, _ in enumerate(overdue):
        plan.call("tasks__update_task", task_id=plan.ref(f"tasks.{j}.id", step=step), priority="urgent")
    titles = [t["title"] for t in overdue]
    late = {t["id"] for t in overdue}
    on_time = [
        t["title"]
        for t in plan.read("tasks__tasks", "project_id = ?", (project["id"],))
        if t["id"] not in late
    ]
    plan.call(
        "chat__post_message",
        channel=channel["name"],
        text=f"Overdue in {project['name']}: " + "; ".join(titles) + ". All bumped to urgent.",
    )
    instruction = pick(
        rng,
        f"Which tasks in the {project['name']} project are overdue? Raise each of them to urgent priority "
        f"and post the list in #{channel['name']}.",
        f"Bump every overdue task of '{project['name']}' to urgent, then share their titles in the "
        f"#{channel['name']} channel and tell me which overdue tasks there were.",
    )
    # a task already urgent needs no write (the oracle's touch of it is allowed, not required)
    changes = [
        update("tasks__tasks", t["id"], priority="urgent") for t in overdue if t["priority"] != "urgent"
    ]
    changes.append(chat_post(channel["id"], me.handle, text={"$all": [{"$icontains": t} for t in titles]}))
    return Draft(
        instruction,
        changes,
        [fact("overdue tasks", "; ".join(titles), "list", on_time, items=titles)],
        f"Overdue tasks in {project['name']}: "
        + "; ".join(titles)
        + f". All are urgent now, and the list is posted in #{channel['name']}.",
    )


@family("share_file_dm")
def share_file_dm(plan: Plan, rng: random.Random, i: int) -> Draft:
    me = _user(plan)
    files = [
        f
        for f in plan.read("files__files")
        if f["owner"] == me.email and not f["shared_with"] and not f["name"].startswith("IMG")
    ]
    f = rng.choice(files)
    person = rng.choice(_people(plan))
    perm = rng.choice(("view", "edit"))
    plan.call("files__search_files", query=f["name"])
    fid = plan.ref("items.0.id")
    plan.call("contacts__search_contacts", query=f"{person.first_name} {person.last_name}")
    email = plan.ref("items.0.email")
    plan.call("files__share_file", file_id=fid, email=email, permission=perm)
    plan.call("chat__search_users", query=f"{person.first_name} {person.last_name}")
    dm = plan.call(
        "chat__send_direct_message",
        handle=plan.ref("items.0.handle"),
        text=f"I shared {f['name']} with you ({perm} access).",
    )["channel"]["id"]
    verb = "edit" if perm == "edit" else "read (but not change)"
    instruction = pick(
        rng,
        f"Share my file {f['name']} with {person.name} so they can {verb} it, then let them know on chat.",
        f"{person.first_name} {person.last_name} needs to {verb} {f['name']}. Give them access and ping them "
        "in a direct message.",
    )
    return Draft(
        instruction,
        [
            update("files__files", f["id"], shared_with=[{"email": person.email, "permission": perm}]),
            chat_post(dm, me.handle, text={"$icontains": f["name"]}),
        ],
        [],
        f"Shared {f['name']} with {person.name} ({perm}) and messaged them.",
    )


@family("spending_report")
def spending_report(plan: Plan, rng: random.Random, i: int) -> Draft:
    person = rng.choice(_people(plan))
    span = rng.choice((14, 21, 30))
    end = plan.world.clock.now() - timedelta(days=1)
    start = end - timedelta(days=span)
    d1, d2 = start.strftime("%Y-%m-%d"), end.strftime("%Y-%m-%d")
    summary = plan.call("bank__spending_summary", start_date=d1, end_date=d2)
    cats = [
        c for c in summary["categories"] if c["total"] > 0 and c["category"] not in ("transfer", "income")
    ]
    cat = rng.choice(cats)
    total = cat["total"]
    plan.call("notes__list_notebooks")
    notebooks = plan.results[-1]["items"]
    nb = rng.choice(notebooks)
    k = notebooks.index(nb)
    plan.call(
        "notes__create_note",
        notebook_id=plan.ref(f"items.{k}.id"),
        title=f"{cat['category'].title()} spending",
        body=f"From {d1} to {d2} I spent {money(total)} USD on {cat['category']}.",
    )
    plan.call("contacts__search_contacts", query=f"{person.first_name} {person.last_name}")
    plan.call(
        "mail__send_email",
        to=[plan.ref("items.0.email")],
        subject=f"{cat['category'].title()} spending",
        body=f"I spent {money(total)} USD on {cat['category']} between {d1} and {d2}.",
    )
    others = [money(c["total"]) for c in summary["categories"]] + [money(summary["total_spent"])]
    key = f"{cat['category']} spending"
    instruction = pick(
        rng,
        f"What was my {key} from {d1} to {d2}? Write the figure in a note in my '{nb['name']}' notebook and "
        f"email it to {person.name}.",
        f"Work out my {key} between {d1} and {d2}, save it as a note in the {nb['name']} notebook, send the "
        f"number to {person.name} by email, and tell me the {key} too.",
    )
    return Draft(
        instruction,
        [
            insert("notes__notes", notebook_id=nb["id"], body={"$mentions": total}),
            sent_mail(person.email, body={"$mentions": total}),
        ],
        [fact(key, money(total), "money", others)],
        f"Your {key} from {d1} to {d2} was {money(total)} USD; it is in a note in {nb['name']} and emailed "
        f"to {person.name}.",
    )
