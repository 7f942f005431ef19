"""How people ask for the security-operations actions."""

from typing import Any

from toolgym_env.tasks.scenarios.intent import Composing, Intent


def review_decisions(seen: Composing) -> tuple[list[dict[str, Any]], str] | None:
    """Keep one pending person's access and revoke another's (or decide the only one pending)."""
    review = seen.records["access_review_id"][0]
    pending = [i for i in review["items"] if i["decision"] == "pending"]
    if review["status"] != "open" or not pending:
        return None
    chosen = seen.rng.sample(pending, min(2, len(pending)))
    verdicts = ["keep", "revoke"] if len(chosen) == 2 else [seen.rng.choice(("keep", "revoke"))]
    value = [{"user_email": i["user_email"], "decision": d} for i, d in zip(chosen, verdicts, strict=True)]
    said = [
        f"{'keep' if d == 'keep' else 'revoke'} {i['user_email']}'s {i['access_level']} access"
        for i, d in zip(chosen, verdicts, strict=True)
    ]
    return value, " and ".join(said)


INTENTS = {
    "triage_vulnerability": Intent(
        (
            "move {vulnerability} to {status}",
            "mark {vulnerability} as {status}",
            "set the status of {vulnerability} to {status}",
            "update {vulnerability} to {status}",
        ),
        choices={"status": ("in_progress", "resolved", "false_positive")},
        why=("the patch went out last night", "the scanner got it wrong", "someone has started on it"),
        past="updated",
    ),
    "assign_vulnerability": Intent(
        (
            "assign {vulnerability} to {assignee_email}",
            "have {assignee_email} fix {vulnerability}",
            "give {vulnerability} to {assignee_email} to remediate",
            "put {assignee_email} on {vulnerability}",
        ),
        pick={"assignee_email": "asset.owner_email"},
        why=("they own that system", "it needs an owner before the audit"),
        past="assigned",
    ),
    "bulk_import_findings": Intent(
        (
            (
                "import the scan results for {asset}: CVE-2026-10234 OpenSSL buffer overflow, high, CVSS "
                "8.1, and an expired TLS certificate, medium, 5.3"
            ),
            (
                "load two findings onto {asset} from the scanner: CVE-2026-10234 (OpenSSL buffer overflow, "
                "high, 8.1) and an expired TLS certificate (medium, 5.3)"
            ),
            (
                "record on {asset} the new OpenSSL buffer overflow CVE-2026-10234 (high, 8.1) plus an "
                "expired TLS certificate (medium, 5.3)"
            ),
            (
                "add the scanner's findings for {asset}: CVE-2026-10234 OpenSSL overflow at 8.1 high and the "
                "expired TLS cert at 5.3 medium"
            ),
        ),
        args={
            "findings": [
                {
                    "cve_id": "CVE-2026-10234",
                    "title": "OpenSSL buffer overflow",
                    "severity": "high",
                    "cvss": 8.1,
                },
                {"title": "Expired TLS certificate", "severity": "medium", "cvss": 5.3},
            ]
        },
        why=("the external scan report just came in", "the pentest found them"),
        past="imported",
    ),
    "scan_asset": Intent(
        (
            "scan {asset} for vulnerabilities",
            "run a vulnerability scan on {asset}",
            "check {asset} for open findings",
            "kick off a security scan of {asset}",
        ),
        report={"open_by_severity": "open findings by severity"},
        why=("it was just patched", "it has not been scanned in weeks"),
        past="scanned",
    ),
    "decommission_asset": Intent(
        (
            "decommission {asset}",
            "retire {asset}",
            "take {asset} out of the inventory",
            "mark {asset} as decommissioned",
        ),
        why=("the hardware was replaced", "the service moved to the new cluster"),
        past="decommissioned",
    ),
    "rotate_secret": Intent(
        (
            "rotate {secret}",
            "generate a new value for {secret}",
            "cycle {secret}",
            "issue a fresh version of {secret}",
        ),
        why=(
            "it is past its rotation date",
            "a contractor who knew it just left",
            "it may have leaked in a log",
        ),
        past="rotated",
    ),
    "revoke_secret": Intent(
        (
            "revoke {secret}",
            "kill {secret} for good",
            "disable {secret} permanently",
            "shut off {secret} so nobody can use it",
        ),
        why=("it was committed to a public repo", "the integration was retired"),
        past="revoked",
    ),
    "grant_secret_access": Intent(
        (
            "give {email} access to {secret}",
            "let {email} read {secret}",
            "add {email} as a reader of {secret}",
            "grant {email} read rights on {secret}",
        ),
        pick={"email": "asset.owner_email"},
        why=("they are on call this week", "they are taking over the service"),
        past="granted access",
    ),
    "revoke_secret_access": Intent(
        (
            "remove access to {secret} for {email}",
            "take {email} off {secret}",
            "stop {email} from reading {secret}",
            "revoke the read rights of {email} on {secret}",
        ),
        pick={"email": "asset.owner_email"},
        why=("they changed teams", "they no longer need it"),
        past="removed",
    ),
    "list_overdue_rotations": Intent(
        (
            "list the secrets that are overdue for rotation",
            "which secrets haven't been rotated on time",
            "find the vault secrets past their rotation period",
            "check for secrets we forgot to rotate",
        ),
        report={
            "secrets.0.name": "most overdue secret",
            "secrets.0.last_rotated_at": "when it was last rotated",
        },
        why=("the audit is next week", "compliance asked for a status"),
    ),
    "decide_pending_items": Intent(
        (
            "revoke access for everyone still undecided in {access_review}",
            "mark everyone left undecided in {access_review} for removal",
            "cut off everyone who is still pending in {access_review}",
            "set every open decision in {access_review} to revoke access",
        ),
        args={"decision": "revoke"},
        why=("nobody vouched for them by the deadline", "least privilege is the default"),
        past="decided",
    ),
    "complete_access_review": Intent(
        (
            "complete {access_review}",
            "sign off {access_review} as done",
            "close out {access_review}",
            "finish {access_review}",
        ),
        why=("every decision is in", "it is due today"),
        past="completed",
    ),
    "list_overdue_vulnerabilities": Intent(
        (
            "list the findings that are past their fix deadline",
            "which vulnerabilities are overdue",
            "find open vulnerabilities we missed the SLA on",
            "show me the overdue security findings",
        ),
        report={
            "vulnerabilities.0.title": "oldest overdue finding",
            "vulnerabilities.0.due_date": "its due date",
        },
        why=("the CISO asked for a status", "the audit starts Monday"),
    ),
    "get_risk_summary": Intent(
        (
            "give me a summary of our security risk",
            "how exposed are we right now",
            "pull the risk overview",
            "summarize open findings and stale secrets",
        ),
        report={"overdue": "overdue findings", "max_cvss": "highest CVSS score"},
        why=("the board meeting is tomorrow", "I need numbers for the quarterly report"),
    ),
    "record_review_decisions": Intent(
        (
            "in {access_review}, {decisions}",
            "record these decisions in {access_review}: {decisions}",
            "for {access_review}, {decisions}",
            "log my calls in {access_review}: {decisions}",
        ),
        compose={"decisions": review_decisions},
        why=("I checked with their managers", "one of them changed teams last month"),
        past="recorded",
    ),
}
