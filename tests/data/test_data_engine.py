"""The data engine: RecordEpisodes in a plain loop, ``toolgym collect`` on run_eval, ``toolgym export-sft``
(verdict filter, dedup, caps, diversity) and the chat fine-tuning format (OpenAI SDK types, TRL, datasets)."""

import json
import warnings

import gymnasium as gym
import pytest
from click.testing import CliRunner
from openai.types.chat import ChatCompletionMessageParam, ChatCompletionToolParam
from pydantic import TypeAdapter

from toolgym_env.agents import NullAgent, OracleAgent, RetryingOracleAgent, run_episode
from toolgym_env.cli.data import collect, export_sft_command
from toolgym_env.data import episode_messages, episode_tools, features, select_episodes, sft_example
from toolgym_env.judge.offline import judge_saved
from toolgym_env.records.record import RECORD_FIELDS
from toolgym_env.records.store import ResultStore
from toolgym_env.wrappers import StateController
from toolgym_env.wrappers.chat import ChatAdapter, default_system_prompt
from toolgym_env.wrappers.recorder import RecordEpisodes


def run_cli(command, args):
    result = CliRunner().invoke(command, args)
    assert result.exit_code == 0, result.output
    return json.loads(result.output.strip().splitlines()[-1])


def lines(path):
    return [json.loads(line) for line in path.read_text().splitlines()]


def check_conversation(messages, record=None):
    """Roles in order, every tool call answered by the next message, the final answer last."""
    assert [m["role"] for m in messages[:2]] == ["system", "user"]
    assert messages[0]["content"] == default_system_prompt()
    for i, message in enumerate(messages[2:], start=2):
        if message["role"] == "assistant" and message.get("tool_calls"):
            (call,) = message["tool_calls"]
            assert messages[i + 1] == {**messages[i + 1], "role": "tool", "tool_call_id": call["id"]}
        elif message["role"] == "tool":
            assert messages[i - 1]["role"] == "assistant" and messages[i - 1]["tool_calls"]
        else:
            assert message["role"] in ("user", "assistant")
    assert messages[-1]["role"] == "assistant" and not messages[-1].get("tool_calls")
    if record is not None:
        assert messages[-1]["content"] == record["final_answer"]
        assert messages[1]["content"] == record["task"]["instruction"]
        calls = [m["tool_calls"][0]["function"] for m in messages if m.get("tool_calls")]
        assert [c["name"] for c in calls] == [s["name"] for s in record["trajectory"][:-1]]


def sdk_roundtrip(items, param_type):
    """``items`` validated as a list of the OpenAI SDK's param type and dumped back (no serializer warning)"""
    adapter = TypeAdapter(list[param_type])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        return adapter.dump_python(adapter.validate_python(items), mode="json", exclude_none=True)


# --- RecordEpisodes ---------------------------------------------------------------------------------------
def test_recorder_writes_records_that_rejudge_to_the_same_verdict(tmp_path):
    path = tmp_path / "episodes.jsonl"
    env = RecordEpisodes(gym.make("ToolGym-v0", suite="core"), path, agent="mixed")
    for index, agent in [(0, OracleAgent()), (5, OracleAgent()), (5, NullAgent())]:
        run_episode(env, agent, seed=index, options={"task_index": index})
    env.reset(seed=1, options={"task_index": 2})  # abandoned by the next reset: not written
    env.step({"name": "search_tools", "arguments": {"query": "send an email"}})
    interrupted = StateController(gym.make("ToolGym-v0", suite="core"), profile="interrupt")
    controlled = RecordEpisodes(interrupted, path, agent="oracle-retry")
    run_episode(controlled, RetryingOracleAgent(), seed=3, options={"task_index": 3})
    truncated = RecordEpisodes(gym.make("ToolGym-v0", suite="core", max_steps=1), path, agent="searcher")
    truncated.reset(seed=0)
    *_, done, _ = truncated.step({"name": "search_tools", "arguments": {"query": "calendar"}})
    assert done and truncated.last_record["steps"] == 1

    records = ResultStore(path).read()
    assert len(records) == 5 and env.episodes == 3 and all(set(RECORD_FIELDS) <= set(r) for r in records)
    assert [r["success"] for r in records] == [True, True, False, True, False]
    assert [r["attempt"] for r in records[:3]] == [0, 0, 1] and records[0]["suite"] == "core"
    assert records[3]["profile"] == "interrupt" and records[0]["profile"] is None
    assert any(s.get("message") for s in records[3]["trajectory"])  # the interruption is in the record
    for record in records:
        verdict = judge_saved(record)
        assert verdict.success == record["success"] == record["judge"]["success"]
        assert verdict.reward == pytest.approx(record["judge"]["reward"]) == pytest.approx(record["reward"])


# --- collect + export-sft ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """Records of the oracle (k=2: identical attempts), oracle-retry under two profiles and the null agent."""
    path = tmp_path_factory.mktemp("collect") / "trajectories.jsonl"
    base = ["--suite", "train", "--sample", "3", "-o", str(path), "--no-progress"]
    summaries = [
        run_cli(collect, ["--agent", "oracle", "-k", "2", *base]),
        run_cli(collect, ["--agent", "oracle-retry", "--profile", "schema_change,interrupt", *base]),
        run_cli(collect, ["--agent", "null", *base]),
    ]
    return path, summaries


def test_collect_runs_run_eval_once_per_profile_into_one_file(collected):
    path, (oracle, retry, null) = collected
    assert oracle["episodes"] == oracle["successes"] == 6 and oracle["runs"][0]["profile"] is None
    assert [r["profile"] for r in retry["runs"]] == ["schema_change", "interrupt"] and retry["episodes"] == 6
    assert null["successes"] == 0
    records = ResultStore(path).read()
    assert len(records) == 15 and {r["suite"] for r in records} == {"train"}
    assert {(r["agent"], r["profile"]) for r in records} == {
        ("oracle", None),
        ("oracle-retry", "schema_change"),
        ("oracle-retry", "interrupt"),
        ("null", None),
    }
    again = run_cli(
        collect,
        [
            "--agent",
            "oracle",
            "-k",
            "2",
            "--suite",
            "train",
            "--sample",
            "3",
            "-o",
            str(path),
            "--no-progress",
        ],
    )
    assert again["episodes"] == 6 and len(ResultStore(path).read()) == 15  # resumed: nothing run twice
    bad = CliRunner().invoke(collect, ["--agent", "oracle", "--profile", "chaos", "-o", str(path)])
    assert bad.exit_code != 0 and "unknown profile(s) ['chaos']" in bad.output


def test_export_sft_keeps_successes_once_as_valid_openai_chat_data(collected, tmp_path):
    path, _ = collected
    crashed = {**ResultStore(path).read()[0], "attempt": 9, "error": "RuntimeError: boom"}
    source = tmp_path / "all.jsonl"
    source.write_text(path.read_text() + json.dumps(crashed) + "\n")
    out = tmp_path / "sft.jsonl"
    summary = run_cli(export_sft_command, [str(source), "-o", str(out), "--only-success", "--dedup"])
    records = ResultStore(source).read()
    # dropped: the crash, the null agent's failures, the oracle's second attempts (same task, same calls)
    assert summary["records"] == 16 and summary["dropped"] == {"crashed": 1, "failed": 3, "duplicate": 3}
    examples = lines(out)
    assert summary["kept"] == len(examples) == 9 and summary["tasks"] == 3
    assert summary["covered"]["perturbation_kinds"] == 2
    kept = select_episodes(records, only_success=True, dedup=True).kept
    assert not [r for r in kept if r["agent"] == "oracle" and r["attempt"] == 1]
    for example, record in zip(examples, kept, strict=True):
        check_conversation(example["messages"], record)
        assert example == json.loads(json.dumps(sft_example(record)))
        assert example["parallel_tool_calls"] is False
        names = [t["function"]["name"] for t in example["tools"]]
        assert names[:3] == ["search_tools", "final_answer", "wait"] and len(set(names)) == len(names)
        assert {s["name"] for s in record["trajectory"]} <= set(names)
        assert sdk_roundtrip(example["messages"], ChatCompletionMessageParam) == [
            {k: v for k, v in m.items() if v is not None} for m in example["messages"]
        ]
        assert sdk_roundtrip(example["tools"], ChatCompletionToolParam) == example["tools"]
    # a schema change injected mid-episode: the tool is listed with the schema the agent ended up calling
    renames = [
        (event, example)
        for record, example in zip(kept, examples, strict=True)
        for step in record["trajectory"]
        for event in step.get("perturbations", ())
        if event["kind"] == "schema_change" and event["change"] == "rename"
    ]
    assert renames
    for event, example in renames:
        tools = {t["function"]["name"]: t["function"]["parameters"] for t in example["tools"]}
        assert event["new_param"] in tools[event["tool"]]["properties"]
        assert event["old_param"] not in tools[event["tool"]]["properties"]
    # interruptions arrive as user messages between turns
    interrupted = [
        e
        for r, e in zip(kept, examples, strict=True)
        if r["profile"] == "interrupt" and any(s.get("message") for s in r["trajectory"])
    ]
    assert interrupted and all(any(m["role"] == "user" for m in e["messages"][2:]) for e in interrupted)


def test_export_sft_trl_format_and_datasets_loading(collected, tmp_path):
    datasets = pytest.importorskip("datasets")
    path, _ = collected
    openai_out, trl_out = tmp_path / "openai.jsonl", tmp_path / "trl.jsonl"
    run_cli(export_sft_command, [str(path), "-o", str(openai_out), "--dedup"])
    summary = run_cli(export_sft_command, [str(path), "-o", str(trl_out), "--dedup", "--format", "trl"])
    assert summary["kept"] == len(lines(openai_out))
    for plain, trl in zip(lines(openai_out), lines(trl_out), strict=True):
        assert json.loads(trl["tools"]) == plain["tools"] and "parallel_tool_calls" not in trl
        for a, b in zip(plain["messages"], trl["messages"], strict=True):
            if a.get("tool_calls"):
                assert b["content"] == "" and b["tool_calls"][0]["function"]["arguments"] == json.loads(
                    a["tool_calls"][0]["function"]["arguments"]
                )
            elif a["role"] == "tool":
                assert b == {**a, "name": b["name"]} and b["name"]
            else:
                assert a == b
    for out in (openai_out, trl_out):
        data = datasets.load_dataset(
            "json", data_files=str(out), split="train", cache_dir=str(tmp_path / "hf")
        )
        assert {"messages", "tools"} <= set(data.column_names) and len(data) == summary["kept"]
        row = data[0]
        tools = json.loads(row["tools"]) if isinstance(row["tools"], str) else row["tools"]
        assert row["messages"][0]["role"] == "system" and tools[0]["function"]["name"] == "search_tools"


# --- selection --------------------------------------------------------------------------------------------
def fake(task_id, tools, reward=1.0, steps=None, kinds=(), **extra):
    trajectory = [
        {
            "name": t,
            "arguments": {"i": i},
            "is_error": False,
            "perturbations": [{"kind": k} for k in kinds] if i == 0 else [],
        }
        for i, t in enumerate(tools)
    ]
    return {
        "task_id": task_id,
        "judge": {"success": reward > 0, "reward": reward},
        "success": reward > 0,
        "reward": reward,
        "steps": steps or len(tools),
        "trajectory": trajectory,
        "error": None,
        **extra,
    }


def test_select_caps_per_task_and_in_all_with_a_greedy_diverse_choice():
    t1 = [fake("t1", ["a__x"]), fake("t1", ["a__x", "b__y"], steps=9), fake("t1", ["a__x"], kinds=["rate"])]
    records = [*t1, fake("t2", ["c__z"], reward=0.5), fake("t2", ["c__z"]), fake("t3", ["a__x"])]
    assert features(records[2]) == {"tool:a__x", "app:a", "perturbation:rate"}
    best = select_episodes(records, max_per_task=1)
    assert best.kept == [records[0], records[4], records[5]] and best.dropped == {
        "below_min_reward": 1,
        "over_task_cap": 2,
    }
    diverse = select_episodes(records, max_per_task=2, diversity=True)
    assert diverse.kept == [records[1], records[2], records[4], records[5]]
    assert select_episodes(records, min_reward=0.5, limit=2, diversity=True).kept == [records[1], records[4]]
    assert select_episodes(records, min_reward=0.5, limit=2).kept == [records[0], records[2]]
    assert select_episodes([*records, fake("t1", ["a__x"])], dedup=True).dropped["duplicate"] == 2


def test_malformed_steps_are_left_out_and_a_truncated_episode_ends_on_a_tool_message():
    record = fake("t", ["a__x"])
    record.update(task={"instruction": "Do it."}, final_answer=None)
    record["trajectory"].insert(
        0,
        {
            "name": "",
            "arguments": "{oops",
            "is_error": True,
            "result": "bad JSON",
            "message": "Also, be quick.",
        },
    )
    roles = [m["role"] for m in episode_messages(record, system_prompt="")]
    assert roles == ["user", "user", "assistant", "tool"]


def test_exported_conversation_is_the_one_the_chat_adapter_shows(tmp_path):
    plain = gym.make("ToolGym-v0", suite="core")
    run_episode(plain, OracleAgent(), seed=0, options={"task_index": 1})
    actions = [{"name": s["name"], "arguments": s["arguments"]} for s in plain.unwrapped.trajectory]
    env = RecordEpisodes(ChatAdapter(gym.make("ToolGym-v0", suite="core")), tmp_path / "chat.jsonl")
    env.reset(seed=0, options={"task_index": 1})
    search = {"name": "search_tools", "arguments": {"query": actions[0]["name"].replace("_", " ")}}
    for action in [search, *actions]:
        env.step(action)
    adapter, record = env.env, env.last_record
    assert record["success"] and adapter.history[-2]["tool_calls"][0]["function"]["name"] == "final_answer"
    messages = episode_messages(record)
    assert messages[:-1] == adapter.history[:-2]  # the adapter answers final_answer with a tool message
    assert len(adapter.messages) < len(
        adapter.history
    )  # what the adapter sends is compacted; the export is not
    assert messages[-1] == {"role": "assistant", "content": record["final_answer"]}
    tools = episode_tools(record)
    assert tools[: len(adapter.tools)] == adapter.tools and len(adapter.tools) > 3  # then unsearched calls


def test_trl_arguments_render_once_through_a_chat_template(collected, tmp_path):
    """A template rendering ``arguments | tojson`` (many do) encodes a string twice; TRL rows hold objects."""
    chat_templates = pytest.importorskip("transformers.utils.chat_template_utils")
    path, _ = collected
    template = (
        "{%- for m in messages %}{%- for c in m.tool_calls or [] %}"
        "<call>{{ c.function.arguments | tojson }}</call>{%- endfor %}{%- endfor %}"
    )
    record = ResultStore(path).read()[0]
    rendered = {}
    for fmt in ("openai", "trl"):
        example = sft_example(record, fmt)
        tools = json.loads(example["tools"]) if fmt == "trl" else example["tools"]
        rendered[fmt] = chat_templates.render_jinja_template(
            conversations=[example["messages"]], tools=tools, chat_template=template
        )[0][0]
    first = json.dumps(record["trajectory"][0]["arguments"])
    assert f"<call>{first}</call>" in rendered["trl"] and f"<call>{first}</call>" not in rendered["openai"]
