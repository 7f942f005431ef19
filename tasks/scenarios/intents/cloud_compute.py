"""How people ask for the cloud-compute actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "launch_instance": Intent(
        (
            "spin up a {instance_type} server called {name} in {region}",
            "launch a new {instance_type} instance named {name} in {region}",
            "start a fresh {instance_type} VM {name} in the {region} region",
            "get a {instance_type} machine called {name} running in {region}",
        ),
        choices={
            "name": ("api-canary", "batch-worker-7", "ci-runner-3", "staging-web-4", "metrics-collector"),
            "instance_type": ("s1.small", "s1.medium"),
        },
        why=("we are load testing next week", "the team needs a sandbox", "the build queue is too long"),
        past="launched",
    ),
    "stop_instance": Intent(
        (
            "stop {instance}",
            "shut down {instance} but keep its disks",
            "power off {instance}",
            "turn {instance} off for now",
        ),
        why=("nobody is using it this week", "it is costing us money overnight", "we need to resize it"),
        past="stopped",
    ),
    "start_instance": Intent(
        (
            "start {instance}",
            "boot {instance} back up",
            "power {instance} on again",
            "bring {instance} back online",
        ),
        why=("the team needs it again today", "the maintenance window is over"),
        past="started",
    ),
    "terminate_instance": Intent(
        (
            "terminate {instance}",
            "get rid of {instance} for good",
            "permanently delete {instance}",
            "tear down {instance}",
        ),
        why=("the project it served has ended", "it was only a temporary test box", "we replaced it"),
        past="terminated",
    ),
    "resize_instance": Intent(
        (
            "resize {instance} to {instance_type}",
            "change {instance} to a {instance_type}",
            "switch {instance} over to the {instance_type} size",
            "make {instance} a {instance_type} instead",
        ),
        choices={"instance_type": ("s1.small", "s1.medium", "m2.large")},
        why=("it keeps running out of memory", "it is oversized for what it does", "to cut costs"),
        past="resized",
    ),
    "create_volume": Intent(
        (
            "create a {size_gb} GB volume called {name} in {region}",
            "add a new {size_gb} GB disk named {name} in {region}",
            "set up {name}, a {size_gb} GB block volume in {region}",
            "provision {size_gb} GB of storage as a volume {name} in {region}",
        ),
        choices={
            "name": ("scratch-data", "logs-archive", "db-staging", "media-cache"),
            "size_gb": (50, 100, 200),
        },
        why=("the database is running out of space", "we need somewhere to keep the logs"),
        past="created",
    ),
    "attach_volume": Intent(
        (
            "attach {volume} to {instance}",
            "hook {volume} up to {instance}",
            "mount {volume} on {instance}",
            "connect {volume} to {instance}",
        ),
        why=("it needs the extra storage", "the data on it is needed there"),
        past="attached",
    ),
    "detach_volume": Intent(
        (
            "detach {volume}",
            "unhook {volume} from its server",
            "disconnect {volume} from its instance",
            "free up {volume} so it is not attached any more",
        ),
        why=("we want to move it to another server", "the server is being retired"),
        past="detached",
    ),
    "delete_volume": Intent(
        (
            "delete {volume}",
            "get rid of {volume}",
            "remove {volume} permanently",
            "throw away {volume}, we don't need it",
        ),
        why=("it is an old spare nobody uses", "it is costing us for nothing"),
        past="deleted",
    ),
    "create_snapshot": Intent(
        (
            "take a snapshot of {volume} labelled {description}",
            "snapshot {volume} and note it as {description}",
            "back up {volume} with a snapshot described as {description}",
            "make a point-in-time copy of {volume}, description {description}",
        ),
        choices={"description": ("before the OS upgrade", "pre-migration backup", "end of quarter copy")},
        why=("we are about to upgrade it", "just in case the migration goes wrong"),
        past="snapshotted",
    ),
    "restore_snapshot": Intent(
        (
            "restore {snapshot} into a new volume called {name}",
            "create a volume {name} from {snapshot}",
            "bring back {snapshot} as a fresh volume named {name}",
            "spin up volume {name} from {snapshot}",
        ),
        choices={"name": ("restored-data", "db-restore-test", "recovery-disk")},
        why=("someone deleted files by mistake", "we want to test the backup"),
        past="restored",
    ),
    "add_security_group_rules": Intent(
        (
            "open port {rules} to everyone on {security_group}",
            "allow inbound traffic on port {rules} in {security_group}",
            "add a firewall rule to {security_group} letting anyone reach port {rules}",
            "let the internet in on port {rules} through {security_group}",
        ),
        choices={"rules": ([{"port_from": 8443}], [{"port_from": 3000}], [{"port_from": 9090}])},
        why=("the new service listens there", "customers cannot reach the dashboard"),
        past="opened",
    ),
    "delete_security_group": Intent(
        (
            "delete {security_group}",
            "remove {security_group}",
            "clean up {security_group}, it is not needed",
            "get rid of the firewall group {security_group}",
        ),
        why=("nothing uses it any more", "it is left over from an old setup"),
        past="deleted",
    ),
    "get_quota_usage": Intent(
        (
            "how much of our quota are we using in {region}",
            "check the quota usage in {region}",
            "show me what is left of our limits in {region}",
            "see how close we are to our {region} quotas",
        ),
        report={"usage.0.used": "instances in use", "usage.0.available": "instances still allowed"},
        why=("we are planning to launch more servers", "a launch failed earlier"),
    ),
    "estimate_monthly_cost": Intent(
        (
            "estimate what our cloud bill will be this month",
            "how much are we going to pay for servers this month",
            "work out our monthly cloud costs",
            "give me a rough figure for the monthly hosting bill",
        ),
        report={
            "total_monthly": "estimated monthly cost",
            "lines.0.monthly_cost": "cost of the most expensive item",
        },
        why=("finance asked for a forecast", "the last bill was higher than expected"),
    ),
}
