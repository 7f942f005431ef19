"""How people ask for the design-asset library actions."""

from toolgym_env.tasks.scenarios.intent import Intent

INTENTS = {
    "submit_for_review": Intent(
        (
            "send {asset} for review",
            "submit {asset} for approval",
            "put {asset} up for review",
            "get {asset} into the review queue",
        ),
        why=(
            "it is ready from my side",
            "the campaign launches next week",
            "the art director wants to see it",
        ),
        past="submitted",
    ),
    "approve_asset": Intent(
        (
            "approve {asset}",
            "sign off on {asset}",
            "give {asset} the green light",
            "mark {asset} as approved",
        ),
        why=("it matches the brand guidelines", "the client liked it", "all the feedback was addressed"),
        past="approved",
    ),
    "request_changes": Intent(
        (
            "send {asset} back with the note {body}",
            "ask for changes on {asset}: {body}",
            "bounce {asset} back to the designer saying {body}",
            "reject {asset} for now and tell them {body}",
        ),
        choices={
            "body": (
                "The logo is too close to the edge, please add more padding.",
                "Please use the new brand blue instead of the old one.",
                "The text is hard to read on mobile, make it larger.",
            )
        },
        why=("it does not follow the brand guidelines yet", "the client asked for tweaks"),
        past="sent back",
    ),
    "archive_asset": Intent(
        (
            "archive {asset}",
            "retire {asset}",
            "move {asset} to the archive",
            "take {asset} out of circulation",
        ),
        why=("we rebranded", "it is outdated", "legal asked us to stop using it"),
        past="archived",
    ),
    "move_assets": Intent(
        (
            "move {assets} into {folder}",
            "file {assets} under {folder}",
            "put {assets} in {folder}",
            "relocate {assets} to {folder}",
        ),
        why=("they belong to that campaign", "the folders are a mess", "the team looks for them there"),
        past="moved",
    ),
    "tag_assets": Intent(
        (
            "tag {assets} with {tags}",
            "add the tags {tags} to {assets}",
            "label {assets} as {tags}",
            "put {tags} on {assets}",
        ),
        choices={"tags": (["hero"], ["brand", "spring-campaign"], ["social"])},
        why=("so people can find them", "we are sorting the library for the campaign"),
        past="tagged",
    ),
    "add_assets_to_collection": Intent(
        (
            "add {assets} to {collection}",
            "include {assets} in {collection}",
            "put {assets} into {collection}",
            "collect {assets} in {collection}",
        ),
        why=("the agency needs them for the pitch", "they are the best shots we have"),
        past="added",
    ),
    "remove_asset_from_collection": Intent(
        (
            "take {asset} out of {collection}",
            "remove {asset} from {collection}",
            "drop {asset} from {collection}",
            "pull {asset} from {collection}",
        ),
        why=("it no longer fits the theme", "the client rejected it"),
        past="removed",
    ),
    "export_asset": Intent(
        (
            "export {asset} as a 2x PNG and a 1x WebP",
            "render {asset} in PNG at double size plus a normal-size WebP",
            "give me {asset} as PNG at 2x and WebP at 1x",
            "produce a 2x PNG and a 1x WebP of {asset}",
        ),
        args={"outputs": [{"format": "png", "scale": "2x"}, {"format": "webp", "scale": "1x"}]},
        report={"exports.0.url": "download link"},
        why=("the web team needs it for the landing page", "the developers asked for retina versions"),
        past="exported",
    ),
    "comment_on_asset": Intent(
        (
            "leave a comment on {asset}: {body}",
            "comment on {asset} saying {body}",
            "pin the note {body} on {asset}",
            "add feedback to {asset}: {body}",
        ),
        choices={
            "body": (
                "Love the colors here!",
                "Can we crop this a bit tighter?",
                "Is this the final version of the logo?",
            )
        },
        why=("I reviewed it this morning", "the designer asked for feedback"),
        past="commented on",
    ),
    "resolve_comment": Intent(
        (
            "resolve {comment}",
            "mark {comment} as resolved",
            "close {comment}, it has been dealt with",
            "tick off {comment}",
        ),
        why=("the designer fixed it", "we addressed that feedback"),
        past="resolved",
    ),
    "get_folder_usage": Intent(
        (
            "find out how much space {folder} is taking up",
            "give me a breakdown of what is in {folder}",
            "check the size of {folder}",
            "summarize the contents of {folder}",
        ),
        report={"assets": "number of assets", "total_size_mb": "total size (MB)"},
        why=("we are running out of storage", "I am cleaning up old campaigns"),
    ),
    "find_assets": Intent(
        (
            "find landscape photos at least 1920 pixels wide in {folder}",
            "look for wide photos of 1920 px or more in {folder}",
            "dig up landscape photos from {folder} that are at least 1920 wide",
            "search {folder} for horizontal photos 1920 pixels wide or bigger",
        ),
        args={"filters": {"kind": "photo", "orientation": "landscape", "min_width": 1920}},
        report={"assets.0.name": "largest match"},
        why=("the website needs a new hero image", "I need a banner for the newsletter"),
    ),
}
