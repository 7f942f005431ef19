"""The request grammar of checklist tasks, declared once: each clause the task engine writes is a
:class:`~toolgym_env.tasks.grammar.phrase.Phrase` whose template renders it from typed slots and reads it
back.

The engine (:mod:`toolgym_env.tasks.engine.segments`) writes requests through these declarations; the
heuristic agent reads them with the same declarations (:func:`read_clause`), and the retrieval evaluation
finds each step's clause with :func:`clauses_in` and the shape of its calls in :attr:`Clause.calls`.

- :mod:`~toolgym_env.tasks.grammar.phrase`: the template machinery, sentence and list splitting;
- :mod:`~toolgym_env.tasks.grammar.parts`: changes, filters, criteria, new-record values, extra-detail names;
- :mod:`~toolgym_env.tasks.grammar.clauses`: the seven clauses (one per segment kind) and the readers.

Example:
    >>> from toolgym_env.tasks.grammar import EnumChange, FindUpdate, read_clause
    >>> c = FindUpdate(app="Acme CRM", label="deal", name="Q3", change=EnumChange("stage", "won"))
    >>> c.text()
    'in Acme CRM, find the deal “Q3” and change its stage to “won”'
    >>> read_clause("Then " + c.text()) == c
    True
"""

from toolgym_env.tasks.grammar.clauses import (
    BY_KIND,
    CLAUSES,
    OP_LETTERS,
    Branch,
    Clause,
    Create,
    Delete,
    Fanout,
    FindUpdate,
    Notify,
    Pick,
    clauses_in,
    locate,
    read_clause,
)
from toolgym_env.tasks.grammar.parts import (
    Amount,
    Change,
    Criteria,
    DeleteEach,
    DeleteIt,
    Detail,
    EnumChange,
    EqualTo,
    Filter,
    Flagged,
    ForFirst,
    ForRecord,
    Item,
    OfNew,
    OfPicked,
    OfRecord,
    Quoted,
    RecordRef,
    SetEach,
    TextChange,
    Whose,
)
from toolgym_env.tasks.grammar.phrase import (
    Phrase,
    alternatives,
    read_any,
    show,
    split_items,
    split_sentences,
)

__all__ = [
    "BY_KIND",
    "CLAUSES",
    "OP_LETTERS",
    "Amount",
    "Branch",
    "Change",
    "Clause",
    "Create",
    "Criteria",
    "Delete",
    "DeleteEach",
    "DeleteIt",
    "Detail",
    "EnumChange",
    "EqualTo",
    "Fanout",
    "Filter",
    "FindUpdate",
    "Flagged",
    "ForFirst",
    "ForRecord",
    "Item",
    "Notify",
    "OfNew",
    "OfPicked",
    "OfRecord",
    "Phrase",
    "Pick",
    "Quoted",
    "RecordRef",
    "SetEach",
    "TextChange",
    "Whose",
    "alternatives",
    "clauses_in",
    "locate",
    "read_any",
    "read_clause",
    "show",
    "split_items",
    "split_sentences",
]
