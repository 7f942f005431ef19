"""The request grammar: every clause kind the engine writes is declared once, renders from its slots and reads
back to the same slots, and the shipped checklist requests read as the segments that wrote them."""

from __future__ import annotations

import dataclasses
import typing

import pytest

from toolgym_env.tasks import load_suite
from toolgym_env.tasks.engine.segments import SEGMENTS
from toolgym_env.tasks.grammar import (
    BY_KIND,
    CLAUSES,
    Amount,
    Branch,
    Clause,
    Create,
    Criteria,
    Delete,
    DeleteEach,
    DeleteIt,
    EnumChange,
    EqualTo,
    Fanout,
    FindUpdate,
    Flagged,
    ForFirst,
    ForRecord,
    Notify,
    OfNew,
    OfPicked,
    OfRecord,
    Phrase,
    Pick,
    Quoted,
    RecordRef,
    SetEach,
    TextChange,
    Whose,
    alternatives,
    clauses_in,
    read_any,
    read_clause,
)

# One example of every clause kind and of every alternative of every part, with awkward values: commas,
# parentheses and full stops inside quotes, titles with digits, numbers with commas.
SAMPLES: list[Clause] = [
    FindUpdate("Acme CRM", "deal", "Q3, renewal", EnumChange("stage", "won")),
    FindUpdate(
        "DealDesk 2",
        "contact",
        "Ana (old)",
        TextChange("notes", "Linked to Dr. Who", RecordRef("ticket", "T-1")),
        tell="lifecycle stage",
    ),
    FindUpdate("Acme", "deal", "A", TextChange("notes", "Linked to B", RecordRef("account"))),
    Pick("Acme", "sla policies", Whose("status", "open"), Criteria("highest", "amount")),
    Pick(
        "Acme",
        "offers",
        Flagged("archived", False),
        Criteria("lowest", "counter amount", "fee", "1,250.50"),
        then=DeleteIt(),
    ),
    Pick(
        "Acme", "deals", Flagged("pinned", True), Criteria("lowest", "size mb"), then=EnumChange("stage", "x")
    ),
    Fanout("Acme", "contacts", Whose("lifecycle stage", "churned"), SetEach("lifecycle stage", "lead")),
    Fanout("Acme", "questions", Flagged("required", True), DeleteEach()),
    Create(
        "Acme",
        "invoice",
        (
            Quoted("title", "Follow up on Acme, Inc."),
            EqualTo("amount", "total", RecordRef("order", "A-1")),
            EqualTo("amount due", "balance", RecordRef("account")),
            Amount("fee", "12.50"),
            ForRecord("customer", "Bo Li"),
            ForFirst("project", "p_12"),
            Quoted("due date", "2025-03-01"),
        ),
    ),
    Delete("Acme", "deal", "Old lead"),
    Branch("Acme", "ticket", "Login fails", "priority", "high", "status", "open", "closed"),
    Notify("Ana Diaz", "chosen deal"),
]
DETAILS = [OfNew("id", "invoice"), OfPicked("amount", "deal"), OfRecord("stage", "deal", "Q3, renewal")]


def phrase_classes(cls: type) -> set[type]:
    """``cls`` and every phrase class its fields can hold, all the way down."""
    out, todo = set(), [cls]
    while todo:
        c = todo.pop()
        if c in out:
            continue
        out.add(c)
        for hint in typing.get_type_hints(c).values():
            if typing.get_origin(hint) is tuple:
                hint = typing.get_args(hint)[0]
            todo += alternatives(hint)
    return out


def used_classes(value: object) -> set[type]:
    """The phrase classes an example is built from."""
    out = {type(value)}
    for f in dataclasses.fields(value):
        inner = getattr(value, f.name)
        for item in inner if isinstance(inner, tuple) else (inner,):
            if isinstance(item, Phrase):
                out |= used_classes(item)
    return out


def test_every_segment_the_engine_runs_has_a_declared_clause_with_a_reader():
    assert set(BY_KIND) == set(SEGMENTS) | {"notify"}
    declared = {c for c in Clause.__subclasses__()}
    assert declared == set(CLAUSES), "a clause kind is declared but read_clause does not try it"


@pytest.mark.parametrize("clause", SAMPLES, ids=lambda c: f"{c.kind}:{c.text()[:40]}")
def test_a_clause_reads_back_as_the_same_slots(clause):
    text = clause.text()
    assert read_clause(text) == clause
    assert read_clause("Then, " + text) == clause  # after a connector
    assert read_clause(text[0].upper() + text[1:]) == clause  # opening a sentence
    assert clauses_in(f"Hi! {text[0].upper()}{text[1:]}. Thanks.") == [(clause, text[0].upper() + text[1:])]


def test_the_examples_cover_every_kind_and_every_part():
    used = set().union(*(used_classes(c) for c in SAMPLES + DETAILS))
    reachable = set().union(*(phrase_classes(c) for c in CLAUSES)) | {OfNew, OfPicked, OfRecord}
    assert {type(c) for c in SAMPLES} == set(CLAUSES)
    assert reachable <= used, reachable - used


def test_extra_detail_names_read_back():
    for detail in DETAILS:
        assert read_any((OfNew, OfPicked, OfRecord), detail.text()) == detail


def test_text_that_is_not_a_declared_clause_is_not_read():
    assert read_clause("in Acme, find the deal “A” and frobnicate it") is None
    assert read_clause("in Acme, create a deal with nothing to go on") is None  # an item no reader knows
    assert read_clause("I'm writing this in a noisy café, so forgive any typos") is None


def test_shipped_checklist_requests_read_as_their_segments_and_render_back_byte_identically():
    for task in load_suite("checklist-test") + load_suite("checklist-train")[::5]:
        read = clauses_in(task.instruction)
        assert [c.kind for c, _ in read] == task.stats.segments, task.id
        for clause, text in read:
            assert clause.text() == text[0].lower() + text[1:], task.id
