"""Academic research: papers, authors, citations, reading lists and search alerts (five products)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext

bp = Blueprint("academic research")

DOI = r"^10\.\d{4,5}/[a-z]{2,8}\.\d{4}\.\d{3,5}$"
ResearchField = Literal[
    "machine learning", "genomics", "climate science", "neuroscience", "economics", "materials"
]


class Paper(BaseModel):
    id: str = Field(description="Paper id.")
    title: str = Field(description="Paper title.", min_length=1, max_length=300)
    abstract: str = Field("", description="Abstract.", max_length=5000)
    year: int = Field(ge=1950, le=2026, description="Publication year.")
    venue: str = Field("", description="Journal or conference, empty for preprints.", max_length=160)
    doi: str = Field("", description="DOI, e.g. '10.1234/jml.2024.0042'; empty when none.", max_length=100)
    field: ResearchField = Field("machine learning", description="Research field.")
    author_ids: list[str] = Field(default_factory=list, description="Authors in byline order.")
    citation_count: int = Field(0, ge=0, description="Times cited by papers in the index.")
    open_access: bool = Field(False, description="Whether the full text is freely available.")
    status: Literal["preprint", "published", "retracted"] = Field(
        "published", description="Publication status."
    )


class Author(BaseModel):
    id: str = Field(description="Author id.")
    name: str = Field(description="Full name.", min_length=1, max_length=120)
    affiliation: str = Field("", description="Institution.", max_length=200)
    email: str = Field("", description="Contact email.", max_length=200)
    orcid: str = Field(
        "", description="ORCID iD, e.g. '0000-0002-1825-0097'; empty when unknown.", max_length=19
    )
    research_field: ResearchField = Field("machine learning", description="Main research field.")


class Citation(BaseModel):
    id: str = Field(description="Citation id.")
    citing_paper_id: str = Field(description="Paper that cites.")
    cited_paper_id: str = Field(description="Paper that is cited.")
    context: str = Field("", description="Sentence in which the citation appears.", max_length=1000)
    created_at: str = Field("", description="When the citation was indexed (ISO-8601).")


class ReadingList(BaseModel):
    id: str = Field(description="Reading list id.")
    name: str = Field(description="List name.", min_length=1, max_length=120)
    description: str = Field("", description="What the list is for.", max_length=1000)
    paper_ids: list[str] = Field(default_factory=list, description="Papers on the list, in reading order.")
    visibility: Literal["private", "shared", "public"] = Field("private", description="Who can see the list.")
    owner_email: str = Field("", description="Owner of the list.", max_length=200)


class Alert(BaseModel):
    id: str = Field(description="Alert id.")
    name: str = Field(description="Alert name.", min_length=1, max_length=120)
    keywords: list[str] = Field(
        default_factory=list, description="Words a title or abstract must contain (any)."
    )
    field: ResearchField | None = Field(None, description="Only papers of this field; null for all fields.")
    min_year: int = Field(2020, ge=1950, le=2026, description="Only papers from this year on.")
    frequency: Literal["daily", "weekly", "monthly"] = Field(
        "weekly", description="How often the alert is sent."
    )
    active: bool = Field(True, description="Whether the alert runs.")
    last_run_at: str = Field("", description="When the alert last ran (ISO-8601).")


bp.resource(
    Paper,
    name="paper",
    id_prefix="ppr",
    searchable=("title", "abstract"),
    filterable=("field", "year", "status", "open_access", "venue"),
    readonly=("citation_count", "status"),
    ops=("search", "list", "get", "create", "update"),
    order_by="year DESC",
)
bp.resource(
    Author,
    name="author",
    id_prefix="aut",
    searchable=("name", "affiliation"),
    filterable=("research_field", "affiliation"),
    ops=("search", "list", "get", "create", "update"),
    order_by="name",
)
bp.resource(
    Citation,
    name="citation",
    id_prefix="cit",
    filterable=("citing_paper_id", "cited_paper_id"),
    refs={"citing_paper_id": "paper", "cited_paper_id": "paper"},
    ops=("list", "get", "delete"),
    order_by="created_at",
)
bp.resource(
    ReadingList,
    name="reading_list",
    id_prefix="rl",
    filterable=("visibility", "owner_email"),
    readonly=("paper_ids", "owner_email"),
    ops=("list", "get", "create", "update", "delete"),
    order_by="name",
)
bp.resource(
    Alert,
    name="alert",
    id_prefix="alr",
    filterable=("active", "frequency"),
    readonly=("last_run_at",),
    ops=("list", "get", "create", "update", "delete"),
    order_by="name",
)


class NewPaper(BaseModel):
    title: str = Field(description="Paper title.", min_length=1, max_length=300)
    year: int = Field(ge=1950, le=2026, description="Publication year.")
    doi: str = Field(description="DOI of the paper.", pattern=DOI)
    venue: str = Field("", description="Journal or conference.", max_length=160)
    author_names: list[str] = Field(
        default_factory=list, max_length=20, description="Author names in byline order."
    )


class PaperList(BaseModel):
    papers: list[Paper] = Field(description="The papers.")


class CitationGraph(BaseModel):
    paper_id: str = Field(description="The paper.")
    cites: list[Paper] = Field(description="Papers this paper cites.")
    cited_by: list[Paper] = Field(description="Papers citing this paper.")


class AuthorMetrics(BaseModel):
    author_id: str = Field(description="The author.")
    papers: int = Field(description="Papers in the index (retracted excluded).")
    total_citations: int = Field(description="Citations over those papers.")
    h_index: int = Field(description="h-index computed over the index.")
    first_year: int | None = Field(description="Year of the earliest paper.")


class AlertRun(BaseModel):
    alert_id: str = Field(description="The alert.")
    ran_at: str = Field(description="When it ran.")
    matches: list[Paper] = Field(description="Matching papers, newest first.")


class Export(BaseModel):
    reading_list_id: str = Field(description="The list.")
    format: str = Field(description="Export format.")
    content: str = Field(description="The exported references.")
    count: int = Field(description="Number of references.")


@bp.action()
def add_citation(
    ctx: ToolContext,
    citing_paper_id: str,
    cited_paper_id: str,
    context: Annotated[str, Field(max_length=1000)] = "",
) -> Citation:
    """Record that one {app} paper cites another (not itself, not a newer or retracted paper); bumps its
    count.

    Args:
        citing_paper_id: The paper that cites.
        cited_paper_id: The paper being cited.
        context: Sentence in which the citation appears.
    """
    citing = ctx.require("paper", citing_paper_id)
    cited = ctx.require("paper", cited_paper_id)
    if citing_paper_id == cited_paper_id:
        raise ToolError("A paper cannot cite itself.")
    if cited["status"] == "retracted":
        raise ToolError(f"Paper '{cited['title']}' is retracted and cannot be cited.")
    if cited["year"] > citing["year"]:
        raise ToolError(
            f"'{citing['title']}' ({citing['year']}) cannot cite a later paper ({cited['year']})."
        )
    if ctx.select(
        "citation", "citing_paper_id = ? AND cited_paper_id = ?", (citing_paper_id, cited_paper_id)
    ):
        raise ToolError("This citation is already recorded.")
    ctx.update("paper", cited_paper_id, {"citation_count": cited["citation_count"] + 1})
    return ctx.insert(
        "citation",
        {
            "citing_paper_id": citing_paper_id,
            "cited_paper_id": cited_paper_id,
            "context": context,
            "created_at": ctx.now(),
        },
    )


@bp.action(read_only=True)
def get_citation_graph(ctx: ToolContext, paper_id: str) -> CitationGraph:
    """Get an {app} paper's neighbourhood in the citation graph: the papers it cites and those citing it.

    Args:
        paper_id: The paper.
    """
    ctx.require("paper", paper_id)
    cites = [
        ctx.get("paper", c["cited_paper_id"])
        for c in ctx.select("citation", "citing_paper_id = ?", (paper_id,))
    ]
    cited_by = [
        ctx.get("paper", c["citing_paper_id"])
        for c in ctx.select("citation", "cited_paper_id = ?", (paper_id,))
    ]
    return {"paper_id": paper_id, "cites": [p for p in cites if p], "cited_by": [p for p in cited_by if p]}


@bp.action(idempotent=True)
def add_papers_to_reading_list(
    ctx: ToolContext,
    reading_list_id: str,
    paper_ids: Annotated[list[str], Field(min_length=1, max_length=50)],
) -> ReadingList:
    """Add papers to an {app} reading list; papers already on it are left in place. At most 100 papers.

    Args:
        reading_list_id: The reading list.
        paper_ids: Papers to add.
    """
    rl = ctx.require("reading_list", reading_list_id)
    for pid in paper_ids:
        p = ctx.require("paper", pid)
        if p["status"] == "retracted":
            raise ToolError(f"Paper '{p['title']}' is retracted and cannot be added.")
    ids = list(dict.fromkeys([*rl["paper_ids"], *paper_ids]))
    if len(ids) > 100:
        raise ToolError(f"Reading list {rl['name']} would hold {len(ids)} papers; the limit is 100.")
    if ids == rl["paper_ids"]:
        return rl
    return ctx.update("reading_list", reading_list_id, {"paper_ids": ids})


@bp.action()
def remove_paper_from_reading_list(ctx: ToolContext, reading_list_id: str, paper_id: str) -> ReadingList:
    """Remove one paper from an {app} reading list and return the list.

    Args:
        reading_list_id: The reading list.
        paper_id: The paper to remove.
    """
    rl = ctx.require("reading_list", reading_list_id)
    if paper_id not in rl["paper_ids"]:
        raise ToolError(f"Paper {paper_id} is not on reading list {rl['name']}.")
    return ctx.update(
        "reading_list", reading_list_id, {"paper_ids": [p for p in rl["paper_ids"] if p != paper_id]}
    )


@bp.action(read_only=True)
def find_most_cited(
    ctx: ToolContext,
    field: ResearchField | None = None,
    since_year: Annotated[int, Field(ge=1950, le=2026)] = 2000,
    top: Annotated[int, Field(ge=1, le=50)] = 10,
) -> PaperList:
    """Find the most cited {app} papers since a year, optionally in one field (retracted papers excluded).

    Args:
        field: Only papers of this field.
        since_year: Earliest publication year.
        top: How many papers to return.
    """
    where, params = "year >= ? AND status != 'retracted'", (since_year,)
    if field:
        where += " AND field = ?"
        params += (field,)
    return {
        "papers": ctx.select("paper", where, params, order_by="citation_count DESC, year DESC, id", limit=top)
    }


@bp.action(read_only=True)
def get_author_metrics(ctx: ToolContext, author_id: str) -> AuthorMetrics:
    """Compute an {app} author's paper count, total citations and h-index over the indexed papers.

    Args:
        author_id: The author.
    """
    ctx.require("author", author_id)
    papers = [p for p in ctx.select("paper", "status != 'retracted'") if author_id in p["author_ids"]]
    counts = sorted((p["citation_count"] for p in papers), reverse=True)
    h = sum(1 for i, c in enumerate(counts) if c >= i + 1)
    return {
        "author_id": author_id,
        "papers": len(papers),
        "total_citations": sum(counts),
        "h_index": h,
        "first_year": min((p["year"] for p in papers), default=None),
    }


@bp.action(destructive=True)
def retract_paper(
    ctx: ToolContext, paper_id: str, reason: Annotated[str, Field(min_length=3, max_length=500)]
) -> Paper:
    """Retract a published {app} paper: it is flagged and taken off every reading list. Cannot be undone.

    Args:
        paper_id: The paper to retract.
        reason: Why it is retracted (appended to the abstract).
    """
    p = ctx.require("paper", paper_id)
    if p["status"] != "published":
        raise ToolError(f"Paper '{p['title']}' is '{p['status']}'; only published papers can be retracted.")
    for rl in ctx.select("reading_list"):
        if paper_id in rl["paper_ids"]:
            ctx.update("reading_list", rl["id"], {"paper_ids": [x for x in rl["paper_ids"] if x != paper_id]})
    return ctx.update(
        "paper",
        paper_id,
        {"status": "retracted", "abstract": (f"[RETRACTED: {reason.strip()}] " + p["abstract"])[:5000]},
    )


@bp.action()
def run_alert(ctx: ToolContext, alert_id: str) -> AlertRun:
    """Run an active {app} search alert now and return matching papers; records the run time.

    Args:
        alert_id: The alert to run.
    """
    a = ctx.require("alert", alert_id)
    if not a["active"]:
        raise ToolError(f"Alert '{a['name']}' is paused; resume it first.")
    kws = [k.lower() for k in a["keywords"]]
    hits = []
    for p in ctx.select(
        "paper", "year >= ? AND status != 'retracted'", (a["min_year"],), order_by="year DESC, id"
    ):
        if a["field"] and p["field"] != a["field"]:
            continue
        text = (p["title"] + " " + p["abstract"]).lower()
        if not kws or any(k in text for k in kws):
            hits.append(p)
    now = ctx.now()
    ctx.update("alert", alert_id, {"last_run_at": now})
    return {"alert_id": alert_id, "ran_at": now, "matches": hits}


@bp.action(idempotent=True)
def set_alert_active(ctx: ToolContext, alert_id: str, active: bool) -> Alert:
    """Pause or resume an {app} search alert; setting the current state again changes nothing.

    Args:
        alert_id: The alert.
        active: True to resume, false to pause.
    """
    a = ctx.require("alert", alert_id)
    if a["active"] == active:
        return a
    return ctx.update("alert", alert_id, {"active": active})


@bp.action(destructive=True)
def merge_authors(ctx: ToolContext, author_id: str, duplicate_author_id: str) -> Author:
    """Merge a duplicate {app} author profile into another: bylines are moved, the duplicate is deleted.

    Args:
        author_id: The profile to keep.
        duplicate_author_id: The profile to merge in and delete.
    """
    keep = ctx.require("author", author_id)
    dup = ctx.get("author", duplicate_author_id)
    if dup is None:
        raise ToolError(f"No author with id '{duplicate_author_id}'.")
    if author_id == duplicate_author_id:
        raise ToolError("An author cannot be merged into itself.")
    for p in ctx.select("paper"):
        if duplicate_author_id in p["author_ids"]:
            ids = list(dict.fromkeys(author_id if a == duplicate_author_id else a for a in p["author_ids"]))
            ctx.update("paper", p["id"], {"author_ids": ids})
    changes = {k: dup[k] for k in ("affiliation", "email", "orcid") if not keep[k] and dup[k]}
    ctx.delete("author", duplicate_author_id)
    return ctx.update("author", author_id, changes) if changes else ctx.get("author", author_id)


@bp.action()
def import_papers(
    ctx: ToolContext, papers: Annotated[list[NewPaper], Field(min_length=1, max_length=20)]
) -> PaperList:
    """Import several papers into the {app} index by DOI (all or none); unknown author names get new profiles.

    Args:
        papers: Papers with title, year, DOI, venue and author names.
    """
    known = {p["doi"].lower() for p in ctx.select("paper") if p["doi"]}
    seen = set()
    for n, p in enumerate(papers):
        doi = p["doi"].lower()
        if doi in known or doi in seen:
            raise ToolError(f"papers[{n}]: DOI {p['doi']} is already in the index.")
        seen.add(doi)
    by_name = {a["name"].lower(): a["id"] for a in ctx.select("author")}
    out = []
    for p in papers:
        ids = []
        for name in p["author_names"]:
            key = name.strip().lower()
            if not key:
                continue
            if key not in by_name:
                by_name[key] = ctx.insert("author", {"name": name.strip()})["id"]
            ids.append(by_name[key])
        out.append(
            ctx.insert(
                "paper",
                {
                    "title": p["title"].strip(),
                    "year": p["year"],
                    "doi": p["doi"].lower(),
                    "venue": p["venue"],
                    "author_ids": list(dict.fromkeys(ids)),
                    "status": "published" if p["venue"] else "preprint",
                },
            )
        )
    return {"papers": out}


@bp.action(read_only=True)
def export_reading_list(
    ctx: ToolContext, reading_list_id: str, format: Literal["bibtex", "ris", "plain"] = "bibtex"
) -> Export:
    """Export an {app} reading list's references as BibTeX, RIS or plain text; empty lists are refused.

    Args:
        reading_list_id: The reading list.
        format: bibtex, ris or plain.
    """
    rl = ctx.require("reading_list", reading_list_id)
    papers = [p for p in (ctx.get("paper", i) for i in rl["paper_ids"]) if p]
    if not papers:
        raise ToolError(f"Reading list {rl['name']} is empty; nothing to export.")
    parts = []
    for p in papers:
        names = [a["name"] for a in (ctx.get("author", i) for i in p["author_ids"]) if a]
        if format == "bibtex":
            parts.append(
                f"@article{{{p['id']},\n  title={{{p['title']}}},\n  author={{{' and '.join(names)}}},\n"
                f"  year={{{p['year']}}},\n  journal={{{p['venue']}}},\n  doi={{{p['doi']}}}\n}}"
            )
        elif format == "ris":
            parts.append(
                "\n".join(
                    [
                        "TY  - JOUR",
                        f"TI  - {p['title']}",
                        *[f"AU  - {n}" for n in names],
                        f"PY  - {p['year']}",
                        f"JO  - {p['venue']}",
                        f"DO  - {p['doi']}",
                        "ER  -",
                    ]
                )
            )
        else:
            parts.append(f"{', '.join(names)} ({p['year']}). {p['title']}. {p['venue']}.")
    return {
        "reading_list_id": reading_list_id,
        "format": format,
        "content": "\n\n".join(parts),
        "count": len(papers),
    }


_TOPICS = {
    "machine learning": (
        "transformer",
        "contrastive learning",
        "graph neural networks",
        "reinforcement learning",
    ),
    "genomics": ("CRISPR screens", "single-cell RNA-seq", "gene regulatory networks", "variant calling"),
    "climate science": ("ocean heat uptake", "aerosol forcing", "permafrost carbon", "extreme rainfall"),
    "neuroscience": (
        "hippocampal replay",
        "cortical oscillations",
        "synaptic plasticity",
        "visual attention",
    ),
    "economics": ("minimum wage", "monetary policy", "labor mobility", "housing supply"),
    "materials": ("perovskite solar cells", "solid-state batteries", "2D materials", "high-entropy alloys"),
}
_VENUES = {
    "machine learning": ("NeurIPS", "ICML", "JMLR"),
    "genomics": ("Genome Research", "Nature Genetics"),
    "climate science": ("Journal of Climate", "GRL"),
    "neuroscience": ("Neuron", "J. Neuroscience"),
    "economics": ("AER", "QJE"),
    "materials": ("Advanced Materials", "Nano Letters"),
}
_UNIS = (
    "Northbridge University",
    "Lakeside Institute of Technology",
    "University of Eastholm",
    "Carrow College",
    "Max Weller Institute",
    "Pinecrest University",
)
#: A seeded paper's title: "<opening> <topic> <ending>".
_TITLE_OPENINGS = ("Scaling", "Revisiting", "Understanding", "Towards", "Measuring")
_TITLE_ENDINGS = ("at scale", "in practice", "with sparse data", "under uncertainty", "revisited")


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    fields = list(_TOPICS)
    authors = []
    for n, person in enumerate(s.people[:24]):
        authors.append(
            ctx.insert(
                "author",
                {
                    "name": f"{person.first_name} {person.last_name}",
                    "affiliation": rng.choice(_UNIS),
                    "email": person.email if n % 3 else "",
                    "orcid": (
                        f"0000-000{rng.randint(1, 3)}-{rng.randint(1000, 9999)}-{rng.randint(1000, 9999)}"
                        if n % 2
                        else ""
                    ),
                    "research_field": fields[n % len(fields)],
                },
            )
        )
    papers = []
    for n in range(48):
        field = fields[n % len(fields)]
        topic = rng.choice(_TOPICS[field])
        year = 2012 + (n * 7) % 15
        status = "preprint" if n % 11 == 5 else "retracted" if n == 40 else "published"
        venue = "" if status == "preprint" else rng.choice(_VENUES[field])
        team = [a["id"] for a in authors if a["research_field"] == field]
        papers.append(
            ctx.insert(
                "paper",
                {
                    "title": f"{rng.choice(_TITLE_OPENINGS)} {topic} {rng.choice(_TITLE_ENDINGS)}",
                    "abstract": f"We study {topic}. " + s.fake.paragraph(nb_sentences=3),
                    "year": year,
                    "venue": venue,
                    "doi": f"10.{rng.randint(1000, 9999)}/{field.split()[0][:6]}.{year}.{1000 + n}",
                    "field": field,
                    "author_ids": rng.sample(team, k=min(len(team), rng.randint(1, 3))),
                    "open_access": rng.random() < 0.4,
                    "status": status,
                },
            )
        )
    counts = {p["id"]: 0 for p in papers}
    made = set()
    for _ in range(60):
        a, b = rng.sample(papers, 2)
        citing, cited = (a, b) if a["year"] >= b["year"] else (b, a)
        if cited["status"] == "retracted" or (citing["id"], cited["id"]) in made:
            continue
        made.add((citing["id"], cited["id"]))
        counts[cited["id"]] += 1
        ctx.insert(
            "citation",
            {
                "citing_paper_id": citing["id"],
                "cited_paper_id": cited["id"],
                "context": f"As shown by prior work on {cited['title'].split()[1]} [{len(made)}].",
                "created_at": s.at(days=-rng.randint(1, 300)),
            },
        )
    for p in papers:
        if counts[p["id"]]:
            ctx.update("paper", p["id"], {"citation_count": counts[p["id"]] + rng.randint(0, 40)})
    live = [p["id"] for p in papers if p["status"] != "retracted"]
    for n, name in enumerate(
        (
            "Thesis background",
            "Reading group - spring",
            "To read",
            "Methods inspiration",
            "Review paper sources",
            "Teaching: intro seminar",
            "Empty shortlist",
            "Grant proposal refs",
            "Climate x ML",
            "Lab journal club",
        )
    ):
        ctx.insert(
            "reading_list",
            {
                "name": name,
                "description": s.fake.sentence(nb_words=8),
                "paper_ids": [] if n == 6 else rng.sample(live, k=rng.randint(3, 8)),
                "visibility": rng.choice(("private", "private", "shared", "public")),
                "owner_email": s.user.email if n % 4 else s.people[n].email,
            },
        )
    for n, (name, kws, field) in enumerate(
        (
            ("New transformer work", ["transformer"], "machine learning"),
            ("CRISPR updates", ["crispr"], "genomics"),
            ("Battery tech", ["batteries", "battery"], None),
            ("Permafrost", ["permafrost"], "climate science"),
            ("Labor econ", ["labor", "wage"], "economics"),
            ("Plasticity", ["plasticity"], "neuroscience"),
            ("Anything on scaling", ["scaling"], None),
            ("Single-cell", ["single-cell"], "genomics"),
        )
    ):
        ctx.insert(
            "alert",
            {
                "name": name,
                "keywords": kws,
                "field": field,
                "min_year": rng.choice((2015, 2018, 2020)),
                "frequency": rng.choice(("daily", "weekly", "weekly", "monthly")),
                "active": n % 4 != 3,
                "last_run_at": s.at(days=-rng.randint(1, 14)),
            },
        )


bp.product("scholarlens", "ScholarLens", "Search and track academic papers, authors and citations.")
bp.product(
    "citeweaver",
    "CiteWeaver",
    "Citation graph explorer with reading lists.",
    style="camel",
    pagination="cursor",
    drop=("merge_authors", "update_author"),
)
bp.product(
    "paperplume",
    "PaperPlume",
    "Reading lists and paper alerts for researchers.",
    style="kebab",
    verbs={"get": "fetch", "create": "add"},
    pagination="offset",
    drop=("delete_citation",),
)
bp.product(
    "arxivora",
    "Arxivora",
    "Compact preprint tracker.",
    prefix="arxivora",
    drop=(
        "create_paper",
        "update_paper",
        "create_author",
        "update_author",
        "search_authors",
        "delete_citation",
        "get_citation",
        "merge_authors",
        "update_reading_list",
        "update_alert",
        "export_reading_list",
    ),
)
bp.product(
    "labshelf",
    "LabShelf",
    "Shared literature library for research labs.",
    verbs={"list": "browse", "search": "find"},
    pagination="page",
    drop=("retract_paper",),
)
