"""How people ask for the domains and DNS actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "check_domain_availability": Intent(
        (
            "check whether {name} is still available",
            "see if I can register {name} and what it costs",
            "find out if {name} is free to buy",
            "look up {name} and tell me if it is taken",
        ),
        choices={
            "name": ("tidewaterbakery.com", "lanternpress.io", "copperkettle.dev", "greenfieldcoop.org")
        },
        report={"available": "whether it is available", "price_per_year": "yearly price"},
        why=(
            "we are picking a name for the new product",
            "a friend suggested it for my side project",
            "I want to grab it before someone else does",
        ),
    ),
    "register_domain": Intent(
        (
            "register {name} for {years} years",
            "buy the domain {name} for {years} years",
            "sign up {name} with a {years}-year registration",
            "grab {name} and register it for {years} years",
        ),
        choices={
            "name": ("tidewaterbakery.com", "lanternpress.io", "copperkettle.dev", "greenfieldcoop.org"),
            "years": (2, 3, 5),
        },
        why=(
            "we are launching a new brand",
            "I do not want a squatter to take it",
            "the marketing team needs it",
        ),
        past="registered",
    ),
    "renew_domain": Intent(
        (
            "renew {domain} for {years} more years",
            "extend the registration of {domain} by {years} years",
            "add {years} years to {domain}",
            "keep {domain} registered for another {years} years",
        ),
        choices={"years": (2, 3)},
        report={"new_expires_on": "new expiry date", "price": "price paid"},
        why=("it expires soon", "I do not want to lose the name", "renewing for longer saves us the hassle"),
        past="renewed",
    ),
    "set_transfer_lock": Intent(
        (
            "unlock {domain} for transfer",
            "remove the transfer lock on {domain}",
            "turn off the registrar lock for {domain}",
            "take {domain} off transfer lock",
        ),
        args={"locked": False},
        why=("we are moving it to another registrar", "the new registrar says it is still locked"),
        past="unlocked",
    ),
    "initiate_transfer_out": Intent(
        (
            "start the transfer of {domain} to another registrar",
            "get me the auth code to move {domain} away",
            "begin transferring {domain} out",
            "kick off a transfer-out for {domain} and give me the EPP code",
        ),
        report={"auth_code": "transfer authorization code"},
        why=(
            "we are consolidating all our domains at one registrar",
            "the client is taking the domain over",
            "the new registrar is cheaper",
        ),
        past="released for transfer",
    ),
    "set_nameservers": Intent(
        (
            "point {domain} at the nameservers {nameservers}",
            "switch the nameservers of {domain} to {nameservers}",
            "set {nameservers} as the nameservers for {domain}",
            "change {domain} to use {nameservers} for DNS",
        ),
        choices={
            "nameservers": (
                ["ana.ns.cloudflare.com", "bob.ns.cloudflare.com"],
                ["ns-101.awsdns-12.com", "ns-902.awsdns-48.net"],
                ["dns1.p05.nsone.net", "dns2.p05.nsone.net"],
            )
        },
        why=("we moved DNS hosting to a new provider", "the new host asked us to", "we want faster DNS"),
        past="repointed",
    ),
    "bulk_create_records": Intent(
        (
            "add two records to {domain}: an A record for shop pointing to 203.0.113.80 and a CNAME from "
            "blog to blogs.hostedpages.net",
            "create DNS records in {domain} so shop resolves to 203.0.113.80 and blog is a CNAME of "
            "blogs.hostedpages.net",
            "set up shop (A, 203.0.113.80) and blog (CNAME to blogs.hostedpages.net) in the {domain} zone",
            "put an A record shop -> 203.0.113.80 and a CNAME blog -> blogs.hostedpages.net into {domain}",
        ),
        args={
            "records": [
                {"type": "A", "host": "shop", "value": "203.0.113.80"},
                {"type": "CNAME", "host": "blog", "value": "blogs.hostedpages.net"},
            ]
        },
        why=("the online shop and the blog go live tomorrow", "the hosting company sent us these settings"),
        past="added",
    ),
    "delete_records_by_type": Intent(
        (
            "delete all {type} records from {domain}",
            "remove every {type} record in the {domain} zone",
            "clear out the {type} records of {domain}",
            "wipe the {type} records from {domain}",
        ),
        choices={"type": ("MX", "TXT", "A")},
        report={"deleted": "records deleted"},
        why=(
            "they point at a service we no longer use",
            "we are rebuilding the zone from scratch",
            "stale entries are confusing people",
        ),
        past="deleted",
    ),
    "export_zone_file": Intent(
        (
            "export the zone file for {domain}",
            "give me {domain}'s DNS records as a BIND zone file",
            "download the zone of {domain}",
            "dump the DNS zone for {domain}",
        ),
        report={"zone": "zone file"},
        why=(
            "I want a backup before changing anything",
            "the new DNS provider asked for it",
            "I need to review every record",
        ),
    ),
    "request_certificate": Intent(
        (
            "request a TLS certificate for {domain} that also covers {hosts}",
            "order an SSL certificate for {domain} including {hosts}",
            "get a new certificate started for {domain} with {hosts} on it too",
            "ask for a certificate on {domain} plus the hosts {hosts}",
        ),
        choices={"hosts": (["www"], ["www", "api"], ["shop", "www"])},
        report={"validation_token": "validation token"},
        why=(
            "browsers are showing a security warning",
            "the old certificate is about to run out",
            "we are launching the site over HTTPS",
        ),
        past="requested",
    ),
    "validate_certificate": Intent(
        (
            "validate {certificate}",
            "finish validating {certificate} so it gets issued",
            "run the DNS validation for {certificate}",
            "complete the validation of {certificate}",
        ),
        report={"expires_on": "expiry date"},
        why=("the challenge record is in place now", "the site still has no working HTTPS"),
        past="validated",
    ),
    "revoke_certificate": Intent(
        (
            "revoke {certificate}",
            "cancel {certificate} permanently",
            "pull {certificate} by revoking it",
            "invalidate {certificate} for good",
        ),
        why=(
            "its private key may have leaked",
            "the server it was on was decommissioned",
            "it was issued by mistake",
        ),
        past="revoked",
    ),
    "list_expiring_assets": Intent(
        (
            "list the domains and certificates expiring in the next {within_days} days",
            "tell me what is going to expire within {within_days} days",
            "show me everything that runs out in the coming {within_days} days",
            "find domains or certificates due to expire within {within_days} days",
        ),
        choices={"within_days": (30, 60, 90)},
        report={"items.0.name": "soonest to expire", "items.0.expires_on": "its expiry date"},
        why=("I am planning this quarter's renewals", "a site went down last year when a certificate lapsed"),
    ),
}
