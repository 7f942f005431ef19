"""How people ask for the CI/CD pipeline actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "trigger_run": Intent(
        (
            "kick off {pipeline} on the branch {branch}",
            "start a build of {pipeline} from {branch}",
            "run {pipeline} against {branch}",
            "trigger a fresh run of {pipeline} for the {branch} branch",
        ),
        choices={"branch": ("main", "develop", "release/2.4")},
        report={"run.number": "run number"},
        why=("I need a fresh build to test", "the last build was flaky", "the release is going out today"),
        past="started",
    ),
    "cancel_run": Intent(
        ("cancel {run}", "stop {run} before it finishes", "abort {run}", "kill {run}, we don't need it"),
        why=("it was started by mistake", "it is building the wrong commit", "it is blocking the queue"),
        past="cancelled",
    ),
    "retry_failed_jobs": Intent(
        (
            "retry the failed jobs of {run}",
            "rerun whatever failed in {run}",
            "give the broken jobs in {run} another go",
            "re-queue the jobs that failed in {run}",
        ),
        why=("the failure looked flaky", "the test server was down at the time", "the fix is merged now"),
        past="retried",
    ),
    "get_job_log": Intent(
        (
            "show me the last {tail} lines of the log for {job}",
            "pull up the log of {job}, last {tail} lines",
            "read the end of {job}'s log ({tail} lines)",
            "get me the final {tail} log lines of {job}",
        ),
        choices={"tail": (20, 50, 100)},
        report={"status": "job status", "lines.0": "first line shown"},
        why=("I want to see why it failed", "the developer asked for the error"),
    ),
    "list_failed_jobs": Intent(
        (
            "list the failed jobs in {pipeline}",
            "tell me which jobs keep failing in {pipeline}",
            "show every job that failed in {pipeline}'s runs",
            "find the failing jobs of {pipeline}",
        ),
        report={"jobs.0.name": "most recent failed job"},
        why=("the build has been red all week", "I am triaging flaky tests"),
    ),
    "get_pipeline_stats": Intent(
        (
            "check how healthy {pipeline} is",
            "pull the stats for {pipeline}",
            "check the success rate of {pipeline}",
            "give me a health summary of {pipeline}",
        ),
        report={"success_rate": "success rate", "slowest_job": "slowest job"},
        why=("the retro is this afternoon", "builds feel slower lately"),
    ),
    "set_pipeline_enabled": Intent(
        (
            "disable {pipeline}",
            "switch off {pipeline} for now",
            "turn {pipeline} off",
            "stop {pipeline} from running",
        ),
        args={"enabled": False},
        why=("we are migrating the repository", "it keeps burning build minutes", "the project is frozen"),
        past="disabled",
    ),
    "deploy_run": Intent(
        (
            "deploy {run} to {environment}",
            "ship the build from {run} to {environment}",
            "push {run} out to {environment}",
            "roll out {run} on {environment}",
        ),
        choices={"environment": ("staging", "development")},
        report={"status": "deployment status", "version": "deployed version"},
        why=("QA needs to test it", "the fix has to go out", "the demo is tomorrow"),
        past="deployed",
    ),
    "approve_deployment": Intent(
        (
            "approve {deployment}",
            "sign off on {deployment} so it goes live",
            "give {deployment} the go-ahead",
            "let {deployment} through to production",
        ),
        why=("staging looked fine", "the release manager said yes"),
        past="approved",
    ),
    "rollback_deployment": Intent(
        (
            "roll back {deployment}",
            "revert {deployment} to the previous version",
            "undo {deployment}",
            "put the previous version back in place of {deployment}",
        ),
        why=(
            "errors spiked after the release",
            "customers are reporting a broken checkout",
            "it has a memory leak",
        ),
        past="rolled back",
    ),
    "get_environment_status": Intent(
        (
            "find out what version of {pipeline} is live on {environment}",
            "check what {pipeline} has running on {environment}",
            "tell me which build of {pipeline} is deployed to {environment}",
            "look up the live version of {pipeline} in {environment}",
        ),
        choices={"environment": ("development", "staging", "production")},
        report={"version": "live version", "pending_approvals": "deployments waiting for approval"},
        why=("a customer reported a bug and I need the version", "I am preparing the release notes"),
    ),
    "set_artifact_retention": Intent(
        (
            "keep {artifact} for {retain_days} more days",
            "extend the retention of {artifact} to {retain_days} days",
            "don't let {artifact} expire for another {retain_days} days",
            "hold on to {artifact} for {retain_days} days",
        ),
        choices={"retain_days": (30, 90, 180)},
        why=("we need it for the audit", "it is the build we shipped to the customer"),
        past="retained",
    ),
    "delete_expired_artifacts": Intent(
        (
            "clean up the expired artifacts of {pipeline}",
            "delete the old expired build files from {pipeline}",
            "purge {pipeline}'s expired artifacts",
            "free up space by removing expired artifacts from {pipeline}",
        ),
        report={"deleted": "artifacts deleted", "freed_bytes": "bytes freed"},
        why=("storage costs went up", "we are near the storage quota"),
        past="cleaned up",
    ),
    "compare_runs": Intent(
        (
            "compare {run} with {other_run}",
            "tell me what changed between {run} and {other_run}",
            "diff {run} against {other_run}",
            "show how {other_run} differs from {run}",
        ),
        report={
            "duration_delta_s": "duration difference (seconds)",
            "changed_jobs": "jobs whose result changed",
        },
        why=("the build suddenly got slower", "a test started failing and I want to see when"),
    ),
    "bulk_cancel_runs": Intent(
        ("cancel {runs}", "stop all of these: {runs}", "abort {runs} in one go", "kill {runs}"),
        why=("they are all building a broken commit", "the queue is jammed"),
        past="cancelled",
    ),
}
