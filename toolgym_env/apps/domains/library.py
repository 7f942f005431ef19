"""Public library: books, physical copies, members, loans and holds (five products)."""

from __future__ import annotations

from datetime import date
from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.apps.kit.dates import plus_days
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("public library")

Branch = Literal["central", "riverside", "northgate", "hillcrest"]
Genre = Literal["fiction", "mystery", "science", "history", "biography", "children", "fantasy", "cooking"]
_LIMIT = {"standard": 10, "student": 5, "senior": 15}
_FINE_BLOCK = 1000  # cents: members owing this much or more cannot borrow
_LATE_FEE = 25  # cents per day
_LOAN_DAYS = 21


class Book(BaseModel):
    id: str = Field(description="Book (title record) id.")
    title: str = Field(description="Title.", min_length=1, max_length=200)
    author: str = Field(description="Author name.", max_length=120)
    isbn: str = Field(description="ISBN-13.", pattern=r"^97[89]\d{10}$")
    genre: Genre = Field("fiction", description="Genre.")
    published_year: int = Field(2000, ge=1450, le=2026, description="Year of publication.")
    pages: int = Field(300, ge=1, le=5000, description="Page count.")
    replacement_cost_cents: int = Field(2500, ge=0, le=50000, description="Fee charged when a copy is lost.")


class Copy(BaseModel):
    id: str = Field(description="Copy id.")
    book_id: str = Field(description="The book this is a copy of.")
    branch: Branch = Field("central", description="Home branch.")
    barcode: str = Field(description="Barcode on the spine.", pattern=r"^LIB\d{6}$")
    condition: Literal["new", "good", "worn", "damaged"] = Field("good", description="Physical condition.")
    status: Literal["available", "on_loan", "on_hold_shelf", "lost", "in_repair"] = Field(
        "available", description="Circulation status."
    )


class Member(BaseModel):
    id: str = Field(description="Member id.")
    full_name: str = Field(description="Member's name.", min_length=1, max_length=120)
    email: str = Field(description="Contact email.", max_length=200)
    card_number: str = Field(description="Library card number.", pattern=r"^\d{10}$")
    tier: Literal["standard", "student", "senior"] = Field(
        "standard", description="Membership tier (sets loan limit)."
    )
    home_branch: Branch = Field("central", description="Preferred branch.")
    status: Literal["active", "suspended", "expired"] = Field("active", description="Account status.")
    fines_cents: int = Field(0, ge=0, description="Unpaid fines in cents.")
    expires_on: str = Field(description="Card expiry date (YYYY-MM-DD).")


class Loan(BaseModel):
    id: str = Field(description="Loan id.")
    copy_id: str = Field(description="The borrowed copy.")
    member_id: str = Field(description="The borrower.")
    checked_out_at: str = Field(description="Checkout time (ISO-8601).")
    due_on: str = Field(description="Due date (YYYY-MM-DD).")
    returned_at: str = Field("", description="Return time, empty while out.")
    renewals: int = Field(0, ge=0, le=2, description="Renewals used (max 2).")
    status: Literal["active", "returned", "lost"] = Field("active", description="Loan status.")


class Hold(BaseModel):
    id: str = Field(description="Hold id.")
    book_id: str = Field(description="The requested book.")
    member_id: str = Field(description="The member waiting.")
    pickup_branch: Branch = Field("central", description="Where to pick it up.")
    placed_at: str = Field(description="When the hold was placed (ISO-8601).")
    status: Literal["waiting", "ready", "fulfilled", "canceled"] = Field(
        "waiting", description="Hold status."
    )
    copy_id: str = Field("", description="Copy set aside once ready.")


bp.resource(
    Book,
    name="book",
    id_prefix="bk",
    searchable=("title", "author", "isbn"),
    filterable=("genre", "author"),
    order_by="title",
)
bp.resource(
    Copy,
    name="copy",
    plural="copies",
    id_prefix="cpy",
    filterable=("book_id", "branch", "status"),
    refs={"book_id": "book"},
    readonly=("status",),
    ops=("list", "get", "create", "update"),
    order_by="barcode",
)
bp.resource(
    Member,
    name="member",
    id_prefix="mem",
    searchable=("full_name", "email", "card_number"),
    filterable=("status", "tier", "home_branch"),
    readonly=("status", "fines_cents"),
    ops=("search", "list", "get", "create", "update"),
    order_by="full_name",
)
bp.resource(
    Loan,
    name="loan",
    id_prefix="ln",
    filterable=("member_id", "copy_id", "status"),
    refs={"member_id": "member", "copy_id": "copy"},
    ops=("list", "get"),
    order_by="checked_out_at DESC",
)
bp.resource(
    Hold,
    name="hold",
    id_prefix="hld",
    filterable=("member_id", "book_id", "status"),
    refs={"member_id": "member", "book_id": "book"},
    ops=("list", "get"),
    order_by="placed_at",
)


class NewCopy(BaseModel):
    branch: Branch = Field(description="Home branch.")
    barcode: str = Field(description="Barcode on the spine.", pattern=r"^LIB\d{6}$")
    condition: Literal["new", "good", "worn", "damaged"] = Field("new", description="Physical condition.")


class CatalogFilter(BaseModel):
    genre: Genre | None = Field(None, description="Only this genre.")
    author: str | None = Field(None, max_length=120, description="Author name contains this text.")
    year_from: int | None = Field(None, ge=1450, le=2026, description="Published in or after this year.")
    year_to: int | None = Field(None, ge=1450, le=2026, description="Published in or before this year.")
    available_at: Branch | None = Field(None, description="Only books with an available copy at this branch.")


class CopyList(BaseModel):
    copies: list[Copy] = Field(description="The copies.")


class BookList(BaseModel):
    books: list[Book] = Field(description="The books.")


class LoanList(BaseModel):
    loans: list[Loan] = Field(description="The loans.")


class Availability(BaseModel):
    book_id: str = Field(description="The book.")
    available_by_branch: dict[str, int] = Field(description="Available copies per branch.")
    total_copies: int = Field(description="Copies not lost.")
    holds_waiting: int = Field(description="Members in the hold queue.")
    earliest_due: str = Field(description="Earliest due date among copies on loan; empty if none.")


class Account(BaseModel):
    member_id: str = Field(description="The member.")
    status: str = Field(description="Account status.")
    fines_cents: int = Field(description="Unpaid fines.")
    active_loans: list[Loan] = Field(description="Loans not yet returned.")
    overdue: int = Field(description="Active loans past due.")
    holds: list[Hold] = Field(description="Waiting or ready holds.")
    loan_limit: int = Field(description="Most loans the tier allows at once.")


def _can_borrow(ctx: ToolContext, m: dict, extra: int = 1) -> None:
    if m["status"] != "active":
        raise ToolError(f"Member {m['full_name']} is '{m['status']}' and cannot borrow.")
    if m["expires_on"] < ctx.today():
        raise ToolError(f"Member {m['full_name']}'s card expired on {m['expires_on']}.")
    if m["fines_cents"] >= _FINE_BLOCK:
        raise ToolError(
            f"Member {m['full_name']} owes ${m['fines_cents'] / 100:.2f}; borrowing is blocked at "
            f"${_FINE_BLOCK / 100:.2f}."
        )
    n = ctx.world.count(ctx.table("loan"), "member_id = ? AND status = 'active'", (m["id"],))
    if n + extra > _LIMIT[m["tier"]]:
        raise ToolError(
            f"Member {m['full_name']} has {n} loans; the {m['tier']} limit is {_LIMIT[m['tier']]}."
        )


def _lendable(ctx: ToolContext, c: dict, member_id: str) -> dict | None:
    """The ready hold this checkout fulfils, if any; raises when the copy cannot go to this member."""
    if c["status"] == "available":
        return None
    if c["status"] == "on_hold_shelf":
        hold = ctx.select("hold", "copy_id = ? AND status = 'ready'", (c["id"],))
        if hold and hold[0]["member_id"] == member_id:
            return hold[0]
        raise ToolError(f"Copy {c['barcode']} is on the hold shelf for another member.")
    raise ToolError(f"Copy {c['barcode']} is '{c['status']}' and cannot be checked out.")


def _lend(ctx: ToolContext, c: dict, member_id: str, hold: dict | None) -> dict:
    if hold:
        ctx.update("hold", hold["id"], {"status": "fulfilled"})
    ctx.update("copy", c["id"], {"status": "on_loan"})
    due = plus_days(ctx.today(), _LOAN_DAYS)
    return ctx.insert(
        "loan", {"copy_id": c["id"], "member_id": member_id, "checked_out_at": ctx.now(), "due_on": due}
    )


@bp.action()
def checkout_copy(ctx: ToolContext, copy_id: str, member_id: str) -> Loan:
    """Lend an {app} copy to a member for 21 days; checks account status, fines, loan limit and hold shelf.

    Args:
        copy_id: The copy to lend.
        member_id: The borrowing member.
    """
    c = ctx.require("copy", copy_id)
    m = ctx.require("member", member_id)
    _can_borrow(ctx, m)
    hold = _lendable(ctx, c, member_id)
    return _lend(ctx, c, member_id, hold)


@bp.action()
def bulk_checkout(
    ctx: ToolContext, member_id: str, copy_ids: Annotated[list[str], Field(min_length=1, max_length=10)]
) -> LoanList:
    """Check out several {app} copies to one member at once (all or none, loan limit counted for all).

    Args:
        member_id: The borrowing member.
        copy_ids: The copies to lend.
    """
    m = ctx.require("member", member_id)
    ids = list(dict.fromkeys(copy_ids))
    copies = [ctx.require("copy", i) for i in ids]
    _can_borrow(ctx, m, extra=len(ids))
    holds = [_lendable(ctx, c, member_id) for c in copies]
    return {"loans": [_lend(ctx, c, member_id, h) for c, h in zip(copies, holds)]}


@bp.action()
def return_copy(ctx: ToolContext, copy_id: str) -> Loan:
    """Check an {app} copy back in: closes its loan, charges late fees and routes it to the next hold.

    Args:
        copy_id: The copy being returned.
    """
    c = ctx.require("copy", copy_id)
    loans = ctx.select("loan", "copy_id = ? AND status = 'active'", (copy_id,))
    if not loans:
        raise ToolError(f"Copy {c['barcode']} is not on loan.")
    loan = loans[0]
    late = (date.fromisoformat(ctx.today()) - date.fromisoformat(loan["due_on"])).days
    if late > 0:
        m = ctx.get("member", loan["member_id"])
        if m:
            ctx.update("member", m["id"], {"fines_cents": m["fines_cents"] + late * _LATE_FEE})
    nxt = ctx.select(
        "hold", "book_id = ? AND status = 'waiting'", (c["book_id"],), order_by="placed_at", limit=1
    )
    if nxt:
        ctx.update("hold", nxt[0]["id"], {"status": "ready", "copy_id": copy_id})
        ctx.update("copy", copy_id, {"status": "on_hold_shelf"})
    else:
        ctx.update("copy", copy_id, {"status": "available"})
    return ctx.update("loan", loan["id"], {"status": "returned", "returned_at": ctx.now()})


@bp.action()
def renew_loan(ctx: ToolContext, loan_id: str) -> Loan:
    """Renew an active {app} loan for another 21 days from its due date; at most 2 renewals, none with holds.

    Args:
        loan_id: The loan to renew.
    """
    loan = ctx.require("loan", loan_id)
    if loan["status"] != "active":
        raise ToolError(f"Loan {loan_id} is '{loan['status']}'; only active loans can be renewed.")
    if loan["renewals"] >= 2:
        raise ToolError(f"Loan {loan_id} was already renewed twice; please return the item.")
    c = ctx.get("copy", loan["copy_id"])
    if c and ctx.world.count(ctx.table("hold"), "book_id = ? AND status = 'waiting'", (c["book_id"],)):
        raise ToolError("Another member is waiting for this book; the loan cannot be renewed.")
    due = plus_days(loan["due_on"], _LOAN_DAYS)
    return ctx.update("loan", loan_id, {"due_on": due, "renewals": loan["renewals"] + 1})


@bp.action()
def place_hold(ctx: ToolContext, book_id: str, member_id: str, pickup_branch: Branch = "central") -> Hold:
    """Join the {app} hold queue for a book; refused for duplicate holds or members who cannot borrow.

    Args:
        book_id: The requested book.
        member_id: The member placing the hold.
        pickup_branch: Branch to pick it up at.
    """
    b = ctx.require("book", book_id)
    m = ctx.require("member", member_id)
    _can_borrow(ctx, m, extra=0)
    if ctx.select(
        "hold", "book_id = ? AND member_id = ? AND status IN ('waiting','ready')", (book_id, member_id)
    ):
        raise ToolError(f"Member {m['full_name']} already has a hold on '{b['title']}'.")
    if not ctx.select("copy", "book_id = ? AND status != 'lost'", (book_id,)):
        raise ToolError(f"The library owns no copies of '{b['title']}'.")
    return ctx.insert(
        "hold",
        {"book_id": book_id, "member_id": member_id, "pickup_branch": pickup_branch, "placed_at": ctx.now()},
    )


@bp.action()
def cancel_hold(ctx: ToolContext, hold_id: str) -> Hold:
    """Cancel a waiting or ready {app} hold; a copy set aside for it goes back on the shelf.

    Args:
        hold_id: The hold to cancel.
    """
    h = ctx.require("hold", hold_id)
    if h["status"] not in ("waiting", "ready"):
        raise ToolError(f"Hold {hold_id} is '{h['status']}' and cannot be canceled.")
    if h["status"] == "ready" and h["copy_id"]:
        ctx.update("copy", h["copy_id"], {"status": "available"})
    return ctx.update("hold", hold_id, {"status": "canceled"})


@bp.action()
def pay_fine(
    ctx: ToolContext, member_id: str, amount_cents: Annotated[int, Field(ge=1, le=100000)] | None = None
) -> Member:
    """Pay an {app} member's fines in cents (the whole balance when no amount is given); overpaying is
    refused.

    Args:
        member_id: The member.
        amount_cents: Amount paid, in cents; omit to pay the full balance.
    """
    m = ctx.require("member", member_id)
    if m["fines_cents"] == 0:
        raise ToolError(f"Member {m['full_name']} owes nothing.")
    amount = m["fines_cents"] if amount_cents is None else amount_cents
    if amount > m["fines_cents"]:
        raise ToolError(f"Member {m['full_name']} owes {m['fines_cents']} cents; {amount} is more than that.")
    return ctx.update("member", member_id, {"fines_cents": m["fines_cents"] - amount})


@bp.action(destructive=True)
def report_copy_lost(ctx: ToolContext, copy_id: str) -> Copy:
    """Mark an {app} copy as lost; if it was on loan the borrower is charged the book's replacement cost.

    Args:
        copy_id: The missing copy.
    """
    c = ctx.require("copy", copy_id)
    if c["status"] == "lost":
        raise ToolError(f"Copy {c['barcode']} is already marked lost.")
    if c["status"] == "on_hold_shelf":
        raise ToolError(f"Copy {c['barcode']} is on the hold shelf; cancel its hold first.")
    for loan in ctx.select("loan", "copy_id = ? AND status = 'active'", (copy_id,)):
        m = ctx.get("member", loan["member_id"])
        book = ctx.get("book", c["book_id"]) or {"replacement_cost_cents": 0}
        if m:
            ctx.update("member", m["id"], {"fines_cents": m["fines_cents"] + book["replacement_cost_cents"]})
        ctx.update("loan", loan["id"], {"status": "lost"})
    return ctx.update("copy", copy_id, {"status": "lost"})


@bp.action()
def add_copies(
    ctx: ToolContext, book_id: str, copies: Annotated[list[NewCopy], Field(min_length=1, max_length=20)]
) -> CopyList:
    """Add several new {app} copies of a book to branches at once (all or none; barcodes must be unique).

    Args:
        book_id: The book.
        copies: Branch, barcode and condition of each copy.
    """
    ctx.require("book", book_id)
    used = {c["barcode"] for c in ctx.select("copy")}
    for n, c in enumerate(copies):
        if c["barcode"] in used:
            raise ToolError(f"copies[{n}]: barcode {c['barcode']} is already in use.")
        used.add(c["barcode"])
    return {
        "copies": [
            ctx.insert(
                "copy",
                {
                    "book_id": book_id,
                    "branch": c["branch"],
                    "barcode": c["barcode"],
                    "condition": c["condition"],
                    "status": "available",
                },
            )
            for c in copies
        ]
    }


@bp.action(read_only=True)
def search_catalog(ctx: ToolContext, filters: CatalogFilter) -> BookList:
    """Search the {app} catalog with filters: genre, author, publication years and availability at a branch.

    Args:
        filters: Catalog filters; all given ones must match.
    """
    books = ctx.select("book", order_by="title")
    f = filters
    if f.get("genre"):
        books = [b for b in books if b["genre"] == f["genre"]]
    if f.get("author"):
        books = [b for b in books if f["author"].lower() in b["author"].lower()]
    if f.get("year_from") is not None:
        books = [b for b in books if b["published_year"] >= f["year_from"]]
    if f.get("year_to") is not None:
        books = [b for b in books if b["published_year"] <= f["year_to"]]
    if f.get("available_at"):
        ok = {
            c["book_id"]
            for c in ctx.select("copy", "branch = ? AND status = 'available'", (f["available_at"],))
        }
        books = [b for b in books if b["id"] in ok]
    return {"books": books}


@bp.action(read_only=True)
def check_availability(ctx: ToolContext, book_id: str) -> Availability:
    """Check where an {app} book is on the shelf: available copies per branch, hold queue and earliest due
    date.

    Args:
        book_id: The book.
    """
    ctx.require("book", book_id)
    copies = [c for c in ctx.select("copy", "book_id = ?", (book_id,)) if c["status"] != "lost"]
    avail: dict[str, int] = {}
    for c in copies:
        if c["status"] == "available":
            avail[c["branch"]] = avail.get(c["branch"], 0) + 1
    ids = {c["id"] for c in copies}
    dues = [ln["due_on"] for ln in ctx.select("loan", "status = 'active'") if ln["copy_id"] in ids]
    waiting = ctx.world.count(ctx.table("hold"), "book_id = ? AND status = 'waiting'", (book_id,))
    return {
        "book_id": book_id,
        "available_by_branch": avail,
        "total_copies": len(copies),
        "holds_waiting": waiting,
        "earliest_due": min(dues, default=""),
    }


@bp.action(read_only=True)
def list_overdue_loans(ctx: ToolContext, branch: Branch | None = None) -> LoanList:
    """List active {app} loans past their due date, most overdue first, optionally for one branch.

    Args:
        branch: Only copies from this branch.
    """
    loans = ctx.select("loan", "status = 'active' AND due_on < ?", (ctx.today(),), order_by="due_on")
    if branch:
        loans = [ln for ln in loans if (ctx.get("copy", ln["copy_id"]) or {}).get("branch") == branch]
    return {"loans": loans}


@bp.action(read_only=True)
def get_member_account(ctx: ToolContext, member_id: str) -> Account:
    """Get an {app} member's account: active loans, overdue count, holds, fines and loan limit.

    Args:
        member_id: The member.
    """
    m = ctx.require("member", member_id)
    loans = ctx.select("loan", "member_id = ? AND status = 'active'", (member_id,), order_by="due_on")
    holds = ctx.select(
        "hold", "member_id = ? AND status IN ('waiting','ready')", (member_id,), order_by="placed_at"
    )
    return {
        "member_id": member_id,
        "status": m["status"],
        "fines_cents": m["fines_cents"],
        "active_loans": loans,
        "overdue": sum(1 for ln in loans if ln["due_on"] < ctx.today()),
        "holds": holds,
        "loan_limit": _LIMIT[m["tier"]],
    }


_BOOKS = [
    ("The Glass Orchard", "Mara Quell", "fiction"),
    ("Murder at Wren Lane", "Oskar Dahl", "mystery"),
    ("A Brief History of Salt", "Lena Ortiz", "history"),
    ("The Quiet Cosmos", "Idris Bell", "science"),
    ("Ironwood Crown", "Sable Finch", "fantasy"),
    ("Pip and the Paper Boat", "Rosa Lind", "children"),
    ("Table for Twelve", "Ana Vieira", "cooking"),
    ("A Life in Letters", "Harold Crane", "biography"),
    ("North of Nowhere", "Mara Quell", "fiction"),
    ("The Last Alibi", "Oskar Dahl", "mystery"),
    ("Tides and Empires", "Lena Ortiz", "history"),
    ("Small Wonders: Microbes", "Priya Nair", "science"),
    ("The Ember Road", "Sable Finch", "fantasy"),
    ("Moonlight Moose", "Rosa Lind", "children"),
    ("Weeknight Noodles", "Kenji Mori", "cooking"),
    ("Runner's Heart", "Tomas Reyes", "biography"),
    ("The Lantern Keeper", "June Okafor", "fiction"),
    ("Cold Case Harbour", "Oskar Dahl", "mystery"),
    ("Atlas of Lost Cities", "Nadia Frost", "history"),
    ("Thinking in Fractals", "Idris Bell", "science"),
]


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    branches = ("central", "riverside", "northgate", "hillcrest")
    books = [
        ctx.insert(
            "book",
            {
                "title": t,
                "author": a,
                "genre": g,
                "isbn": f"978{rng.randint(10**9, 10**10 - 1)}",
                "published_year": rng.randint(1960, 2025),
                "pages": rng.randint(32, 720) if g != "children" else rng.randint(24, 60),
                "replacement_cost_cents": rng.choice((1500, 2200, 2800, 3500)),
            },
        )
        for t, a, g in _BOOKS
    ]
    members = []
    for n, p in enumerate([s.user, *s.people[:21]]):
        status = "suspended" if n == 7 else "expired" if n == 13 else "active"
        members.append(
            ctx.insert(
                "member",
                {
                    "full_name": f"{p.first_name} {p.last_name}",
                    "email": p.email,
                    "card_number": f"{2100000000 + n * 7919}",
                    "tier": rng.choice(("standard", "standard", "student", "senior")),
                    "home_branch": rng.choice(branches),
                    "status": status,
                    "fines_cents": rng.choice((0, 0, 75, 250, 600, 1200)) if n else 150,
                    "expires_on": s.date(-5) if status == "expired" else s.date(rng.randint(60, 700)),
                },
            )
        )
    copies = []
    for n in range(50):
        b = books[n % len(books)]
        copies.append(
            ctx.insert(
                "copy",
                {
                    "book_id": b["id"],
                    "branch": branches[(n * 3) % 4],
                    "barcode": f"LIB{100000 + n * 37:06d}",
                    "condition": rng.choice(("new", "good", "good", "worn")),
                    "status": "available",
                },
            )
        )
    borrowers = [m for m in members if m["status"] == "active"]
    for n, c in enumerate(copies):
        if n % 5 in (1, 3):  # two in five copies are out on loan
            m = borrowers[n % len(borrowers)]
            start = -rng.randint(3, 35)
            _seed_loan(ctx, s, c, m, start, renewals=rng.choice((0, 0, 1, 2)))
            ctx.update("copy", c["id"], {"status": "on_loan"})
        elif n % 10 == 4:
            m = borrowers[(n + 3) % len(borrowers)]
            start = -rng.randint(40, 90)
            back = s.at(days=start + rng.randint(5, 20))
            _seed_loan(ctx, s, c, m, start, returned_at=back, status="returned")
        elif n == 49:
            ctx.update("copy", c["id"], {"status": "lost"})
        elif n == 48:
            ctx.update("copy", c["id"], {"status": "in_repair", "condition": "damaged"})
    for n in range(14):
        c = copies[(n * 7) % len(copies)]
        m = borrowers[(n * 5 + 2) % len(borrowers)]
        status = (
            "ready"
            if n in (2, 9) and ctx.get("copy", c["id"])["status"] == "available"
            else rng.choice(("waiting", "waiting", "fulfilled", "canceled"))
        )
        ctx.insert(
            "hold",
            {
                "book_id": c["book_id"],
                "member_id": m["id"],
                "pickup_branch": m["home_branch"],
                "placed_at": s.at(days=-rng.randint(1, 20)),
                "status": status,
                "copy_id": c["id"] if status == "ready" else "",
            },
        )
        if status == "ready":
            ctx.update("copy", c["id"], {"status": "on_hold_shelf"})


def _seed_loan(ctx: ToolContext, s: SeedContext, c: dict, m: dict, start: int, **rest: object) -> None:
    """Seed a loan of copy ``c`` to member ``m`` checked out ``-start`` days ago (``rest``: other fields)."""
    ctx.insert(
        "loan",
        {
            "copy_id": c["id"],
            "member_id": m["id"],
            "checked_out_at": s.at(days=start),
            "due_on": s.date(start + _LOAN_DAYS),
            **rest,
        },
    )


bp.product("tomehaven", "Tomehaven", "Library circulation: catalog, loans, holds and member accounts.")
bp.product(
    "bookbridgeils",
    "BookBridge ILS",
    "Integrated library system for multi-branch public libraries.",
    style="camel",
    pagination="cursor",
    drop=("bulk_checkout", "update_member"),
)
bp.product(
    "readrover",
    "ReadRover",
    "Patron app to find books, place holds and renew loans.",
    style="kebab",
    verbs={"get": "fetch"},
    pagination="offset",
    drop=(
        "create_copy",
        "update_copy",
        "add_copies",
        "create_book",
        "update_book",
        "delete_book",
        "report_copy_lost",
        "list_overdue_loans",
        "bulk_checkout",
        "create_member",
    ),
)
bp.product(
    "stacksy",
    "Stacksy",
    "Self-service checkout kiosks and staff desk.",
    prefix="stacksy",
    verbs={"create": "add"},
    drop=("search_catalog",),
)
bp.product(
    "quillmarkpl",
    "Quillmark Public Library",
    "Catalog and account tools of a city library network.",
    verbs={"list": "browse", "search": "find"},
    pagination="page",
)
