"""The reward-hacking audit: adversarial agents and honest variants of the oracle run against the judge.

Every attack must score 0 where it applies and every honest variant must score 1.0 (see :mod:`.attacks`,
:mod:`.honest`); :func:`audit_task` runs them all on one task, ``toolgym audit`` over a suite.
"""

from toolgym_env.audit.attacks import ATTACKS, NotApplicable
from toolgym_env.audit.honest import HONEST
from toolgym_env.audit.runner import Auditor, audit_task, failures, make_env
from toolgym_env.audit.table import render_table, summarize

__all__ = [
    "ATTACKS",
    "HONEST",
    "Auditor",
    "NotApplicable",
    "audit_task",
    "failures",
    "make_env",
    "render_table",
    "summarize",
]
