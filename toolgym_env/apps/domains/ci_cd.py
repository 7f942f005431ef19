"""CI/CD: pipelines, runs with jobs, build artifacts and deployments to environments (five products)."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

from toolgym_env.apps.context import ToolContext
from toolgym_env.apps.kit import Blueprint
from toolgym_env.apps.kit.dates import plus_days
from toolgym_env.errors import ToolError
from toolgym_env.world.seeding import SeedContext, stable_hex

bp = Blueprint("CI/CD")

RunStatus = Literal["queued", "running", "succeeded", "failed", "canceled"]
JobStatus = Literal["pending", "running", "succeeded", "failed", "skipped", "canceled"]
Env = Literal["development", "staging", "production"]
StageName = Literal["lint", "build", "test", "package", "deploy"]
DATE = r"^\d{4}-\d{2}-\d{2}$"
BRANCH = r"^[a-z0-9][a-z0-9/._-]{0,59}$"


class JobTemplate(BaseModel):
    name: str = Field(description="Job name, e.g. 'unit-tests'.", min_length=1, max_length=60)
    stage: StageName = Field("build", description="Stage the job runs in.")
    allow_failure: bool = Field(False, description="A failure of this job does not fail the run.")


class Pipeline(BaseModel):
    id: str = Field(description="Pipeline id.")
    name: str = Field(description="Pipeline name.", min_length=1, max_length=100)
    repository: str = Field(
        description="Repository it builds, as 'owner/name'.", pattern=r"^[a-z0-9-]+/[a-z0-9._-]+$"
    )
    default_branch: str = Field("main", description="Branch built when none is given.", pattern=BRANCH)
    trigger: Literal["push", "manual", "schedule", "tag"] = Field("push", description="What starts a run.")
    enabled: bool = Field(True, description="Disabled pipelines cannot be triggered.")
    timeout_minutes: int = Field(60, ge=1, le=360, description="A run is killed after this many minutes.")
    concurrency_limit: int = Field(2, ge=1, le=10, description="Maximum queued or running runs at once.")
    jobs: list[JobTemplate] = Field(default_factory=list, description="Jobs every run executes.")
    created_at: str = Field("", description="When the pipeline was created (ISO-8601).")


class Run(BaseModel):
    id: str = Field(description="Run id.")
    pipeline_id: str = Field(description="Pipeline of the run.")
    number: int = Field(0, ge=0, description="Run number within the pipeline.")
    branch: str = Field(description="Branch built.")
    commit_sha: str = Field(description="Commit built.")
    commit_message: str = Field("", description="Commit message.")
    status: RunStatus = Field("queued", description="Run status.")
    triggered_by: str = Field("", description="Who or what started the run.")
    started_at: str = Field("", description="When it started (ISO-8601).")
    duration_s: int = Field(0, ge=0, description="Run duration in seconds (0 while unfinished).")


class Job(BaseModel):
    id: str = Field(description="Job id.")
    run_id: str = Field(description="Run the job belongs to.")
    name: str = Field(description="Job name.")
    stage: StageName = Field(description="Stage.")
    status: JobStatus = Field("pending", description="Job status.")
    attempt: int = Field(1, ge=1, description="Attempt number (retries increase it).")
    duration_s: int = Field(0, ge=0, description="Duration in seconds.")
    log_tail: list[str] = Field(default_factory=list, description="Last lines of the job log.")


class Artifact(BaseModel):
    id: str = Field(description="Artifact id.")
    run_id: str = Field(description="Run that produced it.")
    name: str = Field(description="File name.")
    kind: Literal["binary", "container_image", "test_report", "coverage", "logs"] = Field(description="Kind.")
    size_bytes: int = Field(ge=0, description="Size in bytes.")
    expires_on: str = Field(description="Deleted after this date (YYYY-MM-DD).")
    created_at: str = Field("", description="When it was uploaded (ISO-8601).")


class Deployment(BaseModel):
    id: str = Field(description="Deployment id.")
    pipeline_id: str = Field(description="Pipeline deployed.")
    run_id: str = Field(description="Run whose build was deployed.")
    environment: Env = Field(description="Target environment.")
    version: str = Field(description="Deployed version (commit SHA prefix).")
    status: Literal["pending_approval", "succeeded", "rejected", "superseded", "rolled_back"] = Field(
        description="Deployment status; the one 'succeeded' deployment per environment is live."
    )
    deployed_by: str = Field("", description="Email of who started it.")
    created_at: str = Field("", description="When it was started (ISO-8601).")


bp.resource(
    Pipeline,
    name="pipeline",
    id_prefix="pl",
    searchable=("name", "repository"),
    filterable=("trigger", "enabled", "repository"),
    order_by="name",
)
bp.resource(
    Run,
    name="run",
    id_prefix="run",
    searchable=("commit_message", "branch"),
    filterable=("pipeline_id", "status", "branch"),
    refs={"pipeline_id": "pipeline"},
    ops=("search", "list", "get"),
    order_by="started_at DESC",
)
bp.resource(
    Job,
    name="job",
    id_prefix="job",
    filterable=("run_id", "status", "stage"),
    refs={"run_id": "run"},
    ops=("list", "get"),
    order_by="name",
)
bp.resource(
    Artifact,
    name="artifact",
    id_prefix="art",
    searchable=("name",),
    filterable=("run_id", "kind"),
    refs={"run_id": "run"},
    ops=("search", "list", "get", "delete"),
    order_by="created_at DESC",
)
bp.resource(
    Deployment,
    name="deployment",
    id_prefix="dep",
    filterable=("pipeline_id", "environment", "status"),
    refs={"pipeline_id": "pipeline"},
    ops=("list", "get"),
    order_by="created_at DESC",
)


class Variable(BaseModel):
    key: str = Field(description="Variable name.", pattern=r"^[A-Z][A-Z0-9_]{0,39}$")
    value: str = Field("", description="Value.", max_length=500)


class RunWithJobs(BaseModel):
    run: Run = Field(description="The run.")
    jobs: list[Job] = Field(description="Its jobs.")


class JobLog(BaseModel):
    job_id: str = Field(description="The job.")
    status: str = Field(description="Job status.")
    lines: list[str] = Field(description="Last log lines, oldest first.")


class JobList(BaseModel):
    jobs: list[Job] = Field(description="The jobs.")


class PipelineStats(BaseModel):
    pipeline_id: str = Field(description="The pipeline.")
    runs: int = Field(description="Finished runs counted.")
    success_rate: float = Field(description="Succeeded / finished runs, 0-1.")
    avg_duration_s: int = Field(description="Average duration of succeeded runs.")
    last_run_id: str = Field(description="Most recent run; empty when none.")
    slowest_job: str = Field(description="Name of the job with the longest average duration.")


class EnvStatus(BaseModel):
    pipeline_id: str = Field(description="The pipeline.")
    environment: str = Field(description="The environment.")
    live_deployment_id: str = Field(description="Deployment that is live; empty when none.")
    version: str = Field(description="Live version; empty when none.")
    pending_approvals: int = Field(description="Deployments waiting for approval.")


class CleanupResult(BaseModel):
    deleted: int = Field(description="Artifacts deleted.")
    freed_bytes: int = Field(description="Bytes freed.")


class RunComparison(BaseModel):
    run_id: str = Field(description="First run.")
    other_run_id: str = Field(description="Second run.")
    duration_delta_s: int = Field(description="Second run's duration minus the first's.")
    changed_jobs: list[str] = Field(description="Jobs whose status differs, as 'name: a -> b'.")


class BulkCancel(BaseModel):
    canceled: list[Run] = Field(description="Runs that were canceled.")
    skipped: list[str] = Field(description="Ids of runs skipped because they had already finished.")


_ACTIVE = ("queued", "running")


@bp.action()
def trigger_run(
    ctx: ToolContext,
    pipeline_id: str,
    branch: Annotated[str | None, Field(pattern=BRANCH)] = None,
    variables: Annotated[list[Variable], Field(max_length=20)] = [],  # noqa: B006
) -> RunWithJobs:
    """Start an {app} pipeline run on a branch; refused when the pipeline is disabled or at its concurrency
    limit.

    Args:
        pipeline_id: The pipeline to run.
        branch: Branch to build; the pipeline's default branch when omitted.
        variables: Extra environment variables for this run.
    """
    pl = ctx.require("pipeline", pipeline_id)
    if not pl["enabled"]:
        raise ToolError(f"Pipeline {pl['name']} is disabled; enable it first.")
    if not pl["jobs"]:
        raise ToolError(f"Pipeline {pl['name']} defines no jobs.")
    active = ctx.world.count(
        ctx.table("run"), "pipeline_id = ? AND status IN ('queued','running')", (pipeline_id,)
    )
    if active >= pl["concurrency_limit"]:
        raise ToolError(
            f"Pipeline {pl['name']} already has {active} active runs (limit {pl['concurrency_limit']})."
        )
    keys = [v["key"] for v in variables]
    if len(set(keys)) != len(keys):
        raise ToolError("variables: each key may appear only once.")
    number = max((r["number"] for r in ctx.select("run", "pipeline_id = ?", (pipeline_id,))), default=0) + 1
    br = branch or pl["default_branch"]
    run = ctx.insert(
        "run",
        {
            "pipeline_id": pipeline_id,
            "number": number,
            "branch": br,
            "commit_sha": stable_hex("head", pl["repository"], br, length=40),
            "commit_message": f"Manual run #{number}" + (f" ({', '.join(keys)})" if keys else ""),
            "status": "queued",
            "triggered_by": ctx.user.email,
            "started_at": ctx.now(),
        },
    )
    jobs = [
        ctx.insert("job", {"run_id": run["id"], "name": j["name"], "stage": j["stage"]}) for j in pl["jobs"]
    ]
    return {"run": run, "jobs": jobs}


@bp.action()
def cancel_run(ctx: ToolContext, run_id: str) -> RunWithJobs:
    """Cancel a queued or running {app} run; its unfinished jobs are canceled too.

    Args:
        run_id: The run to cancel.
    """
    run = ctx.require("run", run_id)
    if run["status"] not in _ACTIVE:
        raise ToolError(f"Run #{run['number']} is already {run['status']}.")
    jobs = []
    for j in ctx.select("job", "run_id = ?", (run_id,), order_by="rowid"):
        if j["status"] in ("pending", "running"):
            j = ctx.update("job", j["id"], {"status": "canceled"})
        jobs.append(j)
    return {"run": ctx.update("run", run_id, {"status": "canceled"}), "jobs": jobs}


@bp.action()
def retry_failed_jobs(ctx: ToolContext, run_id: str) -> RunWithJobs:
    """Re-queue the failed and canceled jobs of a finished {app} run (next attempt); the run goes back to
    queued.

    Args:
        run_id: The failed or canceled run.
    """
    run = ctx.require("run", run_id)
    if run["status"] not in ("failed", "canceled"):
        raise ToolError(
            f"Run #{run['number']} is {run['status']}; only failed or canceled runs can be retried."
        )
    pl = ctx.require("pipeline", run["pipeline_id"])
    if not pl["enabled"]:
        raise ToolError(f"Pipeline {pl['name']} is disabled; enable it first.")
    jobs = []
    for j in ctx.select("job", "run_id = ?", (run_id,), order_by="rowid"):
        if j["status"] in ("failed", "canceled"):
            j = ctx.update(
                "job",
                j["id"],
                {"status": "pending", "attempt": j["attempt"] + 1, "duration_s": 0, "log_tail": []},
            )
        jobs.append(j)
    return {"run": ctx.update("run", run_id, {"status": "queued", "duration_s": 0}), "jobs": jobs}


@bp.action(read_only=True)
def get_job_log(ctx: ToolContext, job_id: str, tail: Annotated[int, Field(ge=1, le=200)] = 50) -> JobLog:
    """Read the last lines of an {app} job's log; pending jobs have no log yet.

    Args:
        job_id: The job.
        tail: Number of lines from the end.
    """
    job = ctx.require("job", job_id)
    if job["status"] == "pending":
        raise ToolError(f"Job {job['name']} has not started yet; no log is available.")
    return {"job_id": job_id, "status": job["status"], "lines": job["log_tail"][-tail:]}


@bp.action(read_only=True)
def list_failed_jobs(ctx: ToolContext, pipeline_id: str) -> JobList:
    """List the failed jobs of an {app} pipeline's runs, most recent run first.

    Args:
        pipeline_id: The pipeline.
    """
    ctx.require("pipeline", pipeline_id)
    runs = ctx.select("run", "pipeline_id = ?", (pipeline_id,), order_by="started_at DESC, rowid")
    out = []
    for r in runs:
        out += ctx.select("job", "run_id = ? AND status = 'failed'", (r["id"],), order_by="name")
    return {"jobs": out}


@bp.action(read_only=True)
def get_pipeline_stats(ctx: ToolContext, pipeline_id: str) -> PipelineStats:
    """Summarize an {app} pipeline: success rate, average duration, latest run and slowest job.

    Args:
        pipeline_id: The pipeline.
    """
    ctx.require("pipeline", pipeline_id)
    runs = ctx.select("run", "pipeline_id = ?", (pipeline_id,), order_by="started_at DESC, rowid")
    done = [r for r in runs if r["status"] in ("succeeded", "failed")]
    ok = [r for r in done if r["status"] == "succeeded"]
    durations: dict[str, list[int]] = {}
    for r in ok:
        for j in ctx.select("job", "run_id = ?", (r["id"],)):
            durations.setdefault(j["name"], []).append(j["duration_s"])
    slowest = max(sorted(durations), key=lambda k: sum(durations[k]) / len(durations[k]), default="")
    return {
        "pipeline_id": pipeline_id,
        "runs": len(done),
        "success_rate": round(len(ok) / len(done), 4) if done else 0.0,
        "avg_duration_s": sum(r["duration_s"] for r in ok) // len(ok) if ok else 0,
        "last_run_id": runs[0]["id"] if runs else "",
        "slowest_job": slowest,
    }


@bp.action(idempotent=True)
def set_pipeline_enabled(ctx: ToolContext, pipeline_id: str, enabled: bool) -> Pipeline:
    """Enable or disable an {app} pipeline; disabling is refused while runs are queued or running.

    Args:
        pipeline_id: The pipeline.
        enabled: True to enable, false to disable.
    """
    pl = ctx.require("pipeline", pipeline_id)
    if pl["enabled"] == enabled:
        return pl
    if not enabled:
        active = ctx.world.count(
            ctx.table("run"), "pipeline_id = ? AND status IN ('queued','running')", (pipeline_id,)
        )
        if active:
            raise ToolError(f"Pipeline {pl['name']} has {active} active runs; cancel them before disabling.")
    return ctx.update("pipeline", pipeline_id, {"enabled": enabled})


def _live(ctx: ToolContext, pipeline_id: str, env: str) -> dict | None:
    rows = ctx.select(
        "deployment", "pipeline_id = ? AND environment = ? AND status = 'succeeded'", (pipeline_id, env)
    )
    return rows[0] if rows else None


@bp.action()
def deploy_run(ctx: ToolContext, run_id: str, environment: Env) -> Deployment:
    """Deploy a succeeded {app} run to an environment; production needs the same version live on staging first
    and waits for approval.

    Args:
        run_id: The succeeded run whose build to deploy.
        environment: Target environment.
    """
    run = ctx.require("run", run_id)
    if run["status"] != "succeeded":
        raise ToolError(f"Run #{run['number']} is {run['status']}; only succeeded runs can be deployed.")
    version = run["commit_sha"][:12]
    live = _live(ctx, run["pipeline_id"], environment)
    if live and live["version"] == version:
        raise ToolError(f"Version {version} is already live on {environment}.")
    status = "succeeded"
    if environment == "production":
        staging = _live(ctx, run["pipeline_id"], "staging")
        if not staging or staging["version"] != version:
            raise ToolError(f"Version {version} must be live on staging before it can go to production.")
        if ctx.select(
            "deployment",
            "pipeline_id = ? AND environment = 'production' AND status = 'pending_approval'",
            (run["pipeline_id"],),
        ):
            raise ToolError("A production deployment is already waiting for approval.")
        status = "pending_approval"
    elif live:
        ctx.update("deployment", live["id"], {"status": "superseded"})
    return ctx.insert(
        "deployment",
        {
            "pipeline_id": run["pipeline_id"],
            "run_id": run_id,
            "environment": environment,
            "version": version,
            "status": status,
            "deployed_by": ctx.user.email,
            "created_at": ctx.now(),
        },
    )


@bp.action()
def approve_deployment(ctx: ToolContext, deployment_id: str, approve: bool = True) -> Deployment:
    """Approve or reject an {app} production deployment waiting for approval; approval makes it live.

    Args:
        deployment_id: The pending deployment.
        approve: True to approve, false to reject.
    """
    dep = ctx.require("deployment", deployment_id)
    if dep["status"] != "pending_approval":
        raise ToolError(f"Deployment {deployment_id} is '{dep['status']}', not waiting for approval.")
    if not approve:
        return ctx.update("deployment", deployment_id, {"status": "rejected"})
    live = _live(ctx, dep["pipeline_id"], dep["environment"])
    if live:
        ctx.update("deployment", live["id"], {"status": "superseded"})
    return ctx.update("deployment", deployment_id, {"status": "succeeded"})


@bp.action(destructive=True)
def rollback_deployment(ctx: ToolContext, deployment_id: str) -> Deployment:
    """Roll back the live {app} deployment of an environment to the previously live version; returns the
    restored one.

    Args:
        deployment_id: The live deployment to roll back.
    """
    dep = ctx.require("deployment", deployment_id)
    if dep["status"] != "succeeded":
        raise ToolError(
            f"Deployment {deployment_id} is '{dep['status']}'; only the live deployment can be rolled back."
        )
    prev = [
        d
        for d in ctx.select(
            "deployment",
            "pipeline_id = ? AND environment = ? AND status = 'superseded'",
            (dep["pipeline_id"], dep["environment"]),
            order_by="created_at DESC, rowid DESC",
        )
        if d["version"] != dep["version"]
    ]
    if not prev:
        raise ToolError(f"No earlier version was live on {dep['environment']}; nothing to roll back to.")
    ctx.update("deployment", deployment_id, {"status": "rolled_back"})
    return ctx.update("deployment", prev[0]["id"], {"status": "succeeded"})


@bp.action(read_only=True)
def get_environment_status(ctx: ToolContext, pipeline_id: str, environment: Env) -> EnvStatus:
    """Show what an {app} pipeline has live on an environment and how many deployments await approval.

    Args:
        pipeline_id: The pipeline.
        environment: The environment.
    """
    ctx.require("pipeline", pipeline_id)
    live = _live(ctx, pipeline_id, environment)
    pending = ctx.world.count(
        ctx.table("deployment"),
        "pipeline_id = ? AND environment = ? AND status = 'pending_approval'",
        (pipeline_id, environment),
    )
    return {
        "pipeline_id": pipeline_id,
        "environment": environment,
        "live_deployment_id": live["id"] if live else "",
        "version": live["version"] if live else "",
        "pending_approvals": pending,
    }


@bp.action(idempotent=True)
def set_artifact_retention(
    ctx: ToolContext, artifact_id: str, retain_days: Annotated[int, Field(ge=1, le=400)]
) -> Artifact:
    """Keep an unexpired {app} artifact for the given number of days from today (at most 400) and return it.

    Args:
        artifact_id: The artifact.
        retain_days: Days to keep it from today.
    """
    art = ctx.require("artifact", artifact_id)
    if art["expires_on"] < ctx.today():
        raise ToolError(
            f"Artifact {art['name']} already expired on {art['expires_on']} and cannot be retained."
        )
    until = plus_days(ctx.today(), retain_days)
    return ctx.update("artifact", artifact_id, {"expires_on": until})


@bp.action(destructive=True)
def delete_expired_artifacts(ctx: ToolContext, pipeline_id: str) -> CleanupResult:
    """Delete every expired artifact of an {app} pipeline's runs and report how many bytes were freed.

    Args:
        pipeline_id: The pipeline to clean up.
    """
    pl = ctx.require("pipeline", pipeline_id)
    freed, n = 0, 0
    for r in ctx.select("run", "pipeline_id = ?", (pipeline_id,)):
        for a in ctx.select("artifact", "run_id = ? AND expires_on < ?", (r["id"], ctx.today())):
            freed += a["size_bytes"]
            n += 1
            ctx.delete("artifact", a["id"])
    if not n:
        raise ToolError(f"Pipeline {pl['name']} has no expired artifacts.")
    return {"deleted": n, "freed_bytes": freed}


@bp.action(read_only=True)
def compare_runs(ctx: ToolContext, run_id: str, other_run_id: str) -> RunComparison:
    """Compare two finished {app} runs of the same pipeline: duration difference and jobs whose status
    changed.

    Args:
        run_id: The earlier run.
        other_run_id: The run to compare with.
    """
    a, b = ctx.require("run", run_id), ctx.require("run", other_run_id)
    if a["pipeline_id"] != b["pipeline_id"]:
        raise ToolError("The runs belong to different pipelines.")
    ja = {j["name"]: j["status"] for j in ctx.select("job", "run_id = ?", (run_id,))}
    jb = {j["name"]: j["status"] for j in ctx.select("job", "run_id = ?", (other_run_id,))}
    changed = [
        f"{k}: {ja.get(k, 'absent')} -> {jb.get(k, 'absent')}"
        for k in sorted(set(ja) | set(jb))
        if ja.get(k) != jb.get(k)
    ]
    return {
        "run_id": run_id,
        "other_run_id": other_run_id,
        "duration_delta_s": b["duration_s"] - a["duration_s"],
        "changed_jobs": changed,
    }


@bp.action(idempotent=True)
def bulk_cancel_runs(
    ctx: ToolContext, run_ids: Annotated[list[str], Field(min_length=1, max_length=20)]
) -> BulkCancel:
    """Cancel several {app} runs at once with their unfinished jobs; finished runs are skipped and reported.

    Args:
        run_ids: The runs to cancel.
    """
    runs = [ctx.require("run", i) for i in dict.fromkeys(run_ids)]
    active = [r for r in runs if r["status"] in _ACTIVE]
    if not active:
        raise ToolError("None of the given runs is queued or running; nothing to cancel.")
    out = []
    for r in active:
        for j in ctx.select("job", "run_id = ? AND status IN ('pending','running')", (r["id"],)):
            ctx.update("job", j["id"], {"status": "canceled"})
        out.append(ctx.update("run", r["id"], {"status": "canceled"}))
    return {"canceled": out, "skipped": [r["id"] for r in runs if r["status"] not in _ACTIVE]}


_JOBSETS = (
    [("lint", "lint"), ("build", "build"), ("unit-tests", "test"), ("integration-tests", "test")],
    [("build-image", "build"), ("test", "test"), ("push-image", "package")],
    [("lint", "lint"), ("compile", "build"), ("e2e", "test"), ("bundle", "package")],
)
_MSGS = (
    "Fix flaky test",
    "Bump dependencies",
    "Add retry to client",
    "Refactor config loading",
    "Update README",
    "Improve error messages",
    "Speed up build cache",
    "Add metrics endpoint",
)


@bp.seeder
def _seed(ctx: ToolContext, s: SeedContext) -> None:
    rng = s.rng
    org = s.user.company.split()[0].lower().strip(",.'")
    devs = [s.user.email] + [p.email for p in s.people[:5]]
    statuses = ("succeeded", "failed", "running", "succeeded", "canceled", "queued", "succeeded", "failed")
    runs_made = 0
    for n, project in enumerate(
        rng.sample(s.cast.projects, 5)
    ):  # one pipeline per shared project's repository
        repo = project.slug
        jobs = _JOBSETS[n % 3]
        pl = ctx.insert(
            "pipeline",
            {
                "name": f"{repo} CI",
                "repository": f"{org}/{repo}",
                "trigger": ("push", "push", "manual", "tag", "schedule")[n],
                "enabled": n != 4,
                "timeout_minutes": rng.choice((30, 45, 60)),
                "concurrency_limit": 2 if n != 1 else 1,
                "jobs": [{"name": a, "stage": b, "allow_failure": False} for a, b in jobs],
                "created_at": s.at(days=-rng.randint(100, 400)),
            },
        )
        versions = []
        for k in range(6):
            status = statuses[(runs_made + k) % 8]
            if n == 4 and status in _ACTIVE:
                status = "succeeded"
            if n == 1 and status in _ACTIVE and k > 2:
                status = "failed"
            started = -30 + 5 * k + n
            br = "main" if k % 3 else f"feature/{rng.choice(('cache', 'auth', 'ui'))}"
            sha = stable_hex("commit", pl["id"], k, length=40)
            total = 0
            run = ctx.insert(
                "run",
                {
                    "pipeline_id": pl["id"],
                    "number": k + 1,
                    "branch": br,
                    "commit_sha": sha,
                    "commit_message": rng.choice(_MSGS),
                    "status": status,
                    "triggered_by": rng.choice(devs),
                    "started_at": s.at(days=started),
                },
            )
            failed_at = rng.randrange(len(jobs)) if status == "failed" else -1
            for idx, (jname, stage) in enumerate(jobs):
                if status == "succeeded":
                    js = "succeeded"
                elif status == "failed":
                    js = "succeeded" if idx < failed_at else "failed" if idx == failed_at else "skipped"
                elif status == "running":
                    js = "succeeded" if idx == 0 else "running" if idx == 1 else "pending"
                elif status == "canceled":
                    js = "succeeded" if idx == 0 else "canceled"
                else:
                    js = "pending"
                dur = rng.randint(20, 400) if js in ("succeeded", "failed") else 0
                total += dur
                log = (
                    []
                    if js == "pending"
                    else [
                        f"$ run {jname}",
                        f"Step 1/3 : {stage}",
                        "ERROR: assertion failed in test_retry" if js == "failed" else "OK",
                        f"Job {js} in {dur}s",
                    ]
                )
                ctx.insert(
                    "job",
                    {
                        "run_id": run["id"],
                        "name": jname,
                        "stage": stage,
                        "status": js,
                        "attempt": 1,
                        "duration_s": dur,
                        "log_tail": log,
                    },
                )
            if status in ("succeeded", "failed", "canceled"):
                ctx.update("run", run["id"], {"duration_s": total})
            if status == "succeeded":
                versions.append(run)
                for kind, name, size in (
                    ("binary", f"{repo}.tar.gz", 48_000_000),
                    ("test_report", "junit.xml", 120_000),
                ):
                    ctx.insert(
                        "artifact",
                        {
                            "run_id": run["id"],
                            "name": name,
                            "kind": kind,
                            "size_bytes": size + rng.randint(0, 9999),
                            "expires_on": s.date(started + rng.choice((7, 14, 90))),
                            "created_at": s.at(days=started, hours=1),
                        },
                    )
        runs_made += 6
        for i, v in enumerate(versions):
            last = i == len(versions) - 1
            for env in ("staging", "production"):
                if env == "production" and last and n != 1:
                    st = "pending_approval"
                elif env == "production" and last:
                    continue
                else:
                    st = (
                        "succeeded"
                        if (last or (env == "production" and i == len(versions) - 2))
                        else "superseded"
                    )
                ctx.insert(
                    "deployment",
                    {
                        "pipeline_id": pl["id"],
                        "run_id": v["id"],
                        "environment": env,
                        "version": v["commit_sha"][:12],
                        "status": st,
                        "deployed_by": v["triggered_by"],
                        "created_at": s.at(days=-29 + 5 * i + n, hours=3 if env == "staging" else 6),
                    },
                )


bp.product("runwarden", "RunWarden", "Continuous integration and delivery with approvals and environments.")
bp.product(
    "pipefox",
    "Pipefox",
    "Hosted CI pipelines with build artifacts and deploy tracking.",
    style="camel",
    pagination="cursor",
    verbs={"get": "fetch"},
    drop=("compare_runs", "search_artifacts"),
)
bp.product(
    "deploydeck",
    "DeployDeck",
    "Deployment dashboard for staged releases.",
    style="kebab",
    pagination="offset",
    verbs={"list": "browse"},
    drop=("search_runs", "bulk_cancel_runs", "delete_pipeline"),
)
bp.product(
    "buildloop",
    "Buildloop",
    "Simple build runner for small repositories.",
    prefix="buildloop",
    drop=(
        "search_runs",
        "search_artifacts",
        "search_pipelines",
        "delete_pipeline",
        "compare_runs",
        "bulk_cancel_runs",
        "get_environment_status",
        "approve_deployment",
        "rollback_deployment",
        "set_artifact_retention",
    ),
)
bp.product(
    "greenlightci",
    "GreenlightCI",
    "CI service with pipeline analytics and failure triage.",
    verbs={"create": "add"},
    drop=("delete_artifact",),
)
