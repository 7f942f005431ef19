"""How people ask for the research-paper index actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "add_citation": Intent(
        (
            "record that {citing_paper} cites {cited_paper}",
            "add a citation from {citing_paper} to {cited_paper}",
            "note that {cited_paper} is cited by {citing_paper}",
            "link {citing_paper} to {cited_paper} as a reference",
        ),
        why=("the citation is missing from the index", "I noticed it in the reference list"),
        past="recorded",
    ),
    "get_citation_graph": Intent(
        (
            "show me what {paper} cites and what cites it",
            "map out the citations around {paper}",
            "pull the references and citing papers of {paper}",
            "list the papers connected to {paper} by citations",
        ),
        report={"cited_by.0.title": "a paper citing it", "cites.0.title": "a paper it cites"},
        why=("I'm writing the related-work section", "I want to trace where the idea came from"),
    ),
    "add_papers_to_reading_list": Intent(
        (
            "add {papers} to {reading_list}",
            "put {papers} on {reading_list}",
            "save {papers} to {reading_list}",
            "queue {papers} up in {reading_list}",
        ),
        why=("they are for next week's journal club", "my student should read them"),
        past="added",
    ),
    "remove_paper_from_reading_list": Intent(
        (
            "take {paper} off {reading_list}",
            "remove {paper} from {reading_list}",
            "drop {paper} from {reading_list}",
            "strike {paper} from {reading_list}",
        ),
        why=("we already discussed it", "it turned out to be off-topic"),
        past="removed",
    ),
    "find_most_cited": Intent(
        (
            "find the {top} most cited {field} papers since {since_year}",
            "tell me the top {top} {field} papers by citations from {since_year} on",
            "list the top {top} {field} papers by citations, published {since_year} or later",
            "rank {field} papers since {since_year} by citations and give me the top {top}",
        ),
        choices={
            "top": (3, 5, 10),
            "since_year": (2015, 2018, 2020),
            "field": ("machine learning", "genomics", "climate science", "neuroscience"),
        },
        report={"papers.0.title": "most cited paper", "papers.0.citation_count": "its citations"},
        why=("I'm new to the field", "I'm preparing a survey talk"),
    ),
    "get_author_metrics": Intent(
        (
            "look up {author}'s h-index",
            "pull the citation metrics for {author}",
            "check how often {author} is cited",
            "give me {author}'s paper count and h-index",
        ),
        report={"h_index": "h-index", "total_citations": "total citations"},
        why=("we are reviewing their grant application", "they are on the hiring shortlist"),
    ),
    "retract_paper": Intent(
        (
            "retract {paper} because {reason}",
            "flag {paper} as retracted: {reason}",
            "pull {paper}, reason: {reason}",
            "mark {paper} retracted with the note {reason}",
        ),
        choices={
            "reason": (
                "data fabrication found by the journal",
                "irreproducible results",
                "duplicate publication",
            )
        },
        why=("the journal issued a retraction notice", "the authors asked for it"),
        past="retracted",
    ),
    "run_alert": Intent(
        (
            "run {alert} now",
            "check {alert} for new papers right away",
            "fire off {alert} without waiting",
            "see what {alert} turns up today",
        ),
        report={"matches.0.title": "newest matching paper"},
        why=("I'm finishing a literature review", "a big conference just published its papers"),
    ),
    "set_alert_active": Intent(
        ("pause {alert}", "stop {alert} for now", "switch off {alert}", "put {alert} on hold"),
        args={"active": False},
        why=("I'm on sabbatical", "it sends too many irrelevant papers"),
        past="paused",
    ),
    "merge_authors": Intent(
        (
            "merge {duplicate_author} into {author}",
            "fold the duplicate profile {duplicate_author} into {author}",
            "combine {duplicate_author} with {author}, keeping {author}",
            "treat {duplicate_author} as the same person as {author} and merge them",
        ),
        why=(
            "it is the same researcher under a different spelling",
            "their papers are split across two profiles",
        ),
        past="merged",
    ),
    "import_papers": Intent(
        (
            (
                "import the 2025 paper “Sparse Attention at Scale” (DOI 10.5555/jml.2025.0917, Journal of "
                "ML, by Ana Ruiz and Ben Okafor)"
            ),
            (
                "add “Sparse Attention at Scale” by Ana Ruiz and Ben Okafor, Journal of ML 2025, DOI "
                "10.5555/jml.2025.0917, to the index"
            ),
            (
                "put the paper “Sparse Attention at Scale” (Ruiz and Okafor, 2025, Journal of ML, "
                "10.5555/jml.2025.0917) into the index"
            ),
            (
                "index “Sparse Attention at Scale”: Ana Ruiz, Ben Okafor, Journal of ML, 2025, DOI "
                "10.5555/jml.2025.0917"
            ),
        ),
        args={
            "papers": [
                {
                    "title": "Sparse Attention at Scale",
                    "year": 2025,
                    "doi": "10.5555/jml.2025.0917",
                    "venue": "Journal of ML",
                    "author_names": ["Ana Ruiz", "Ben Okafor"],
                }
            ]
        },
        why=("it just came out", "we want to cite it"),
        past="imported",
    ),
    "export_reading_list": Intent(
        (
            "export {reading_list} as {format}",
            "give me {reading_list} in {format} format",
            "download the references of {reading_list} as {format}",
            "turn {reading_list} into a {format} file",
        ),
        choices={"format": ("bibtex", "ris", "plain")},
        report={"count": "references exported"},
        why=("I need the references for my paper", "my co-author uses a different reference manager"),
    ),
}
