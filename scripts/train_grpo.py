"""GRPO on ToolGym with TRL: ``GRPOTrainer(environment_factory=...)`` over a suite, the judge as the reward.

    python scripts/train_grpo.py --model Qwen/Qwen3-0.6B --suite train --n-tasks 256 --profile light
    python scripts/train_grpo.py --smoke     # 2 GRPO steps on CPU, tiny model built here, no download

Each rollout is one episode of :class:`~toolgym_env.integrations.ToolGymTRLEnv`: TRL calls its ``reset`` with
the dataset row (the task id), lets the model call ``search_tools`` / ``call_tool`` / ``final_answer``, and
scores the rollout with ``get_reward`` (the judge's reward; the verdict is kept). The last line printed
is JSON: the rewards of every judged episode, how many episodes the env judged, the tool calls the model made,
the trainer's steps.

``--smoke`` proves the wiring offline: the tokenizer is a byte-level BPE trained here on the prompt text, with
a Qwen2.5 chat template from TRL (tool calls as ``<tool_call>{json}</tool_call>``, which TRL can parse), and
the model a 2-layer Qwen2 built from a config. The JSON of one scripted ``search_tools`` call is a single
token of that vocabulary, and 60 teacher-forced warm-up steps teach the model to emit it, so the rollouts
really go through TRL's tool parser into the env; the model does not learn to solve tasks (every reward is 0).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("TRL_EXPERIMENTAL_SILENCE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

SPECIAL_TOKENS = ["<|endoftext|>", "<|im_start|>", "<|im_end|>"]
#: Teacher-forced steps that make the random smoke model emit the scripted call (all 8 rollouts do, measured).
WARM_UP_STEPS = 60
#: Added tokens that stay in decoded text (as in Qwen's tokenizers), so TRL's parser sees the tool-call tags.
TAG_TOKENS = ["<tool_call>", "</tool_call>", "<tool_response>", "</tool_response>", "<think>", "</think>"]
SCRIPTED_CALL = ("search_tools", {"query": "send an email", "top_k": 1})


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--smoke", action="store_true", help="2 GRPO steps on CPU with a tiny local model")
    parser.add_argument("--model", help="a causal LM with a tool-calling chat template (name or path)")
    parser.add_argument("--suite", default="train")
    parser.add_argument("--n-tasks", type=int, default=None, help="first N tasks of the suite (default all)")
    parser.add_argument(
        "--profile", default="none", help="StateController profile (none, light, moderate, ...)"
    )
    parser.add_argument("--shaping", type=float, default=0.0, help="weight of the judge's dense shaping")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-episode-steps", type=int, default=None)
    parser.add_argument("--num-generations", type=int, default=4)
    parser.add_argument("--batch-size", type=int, default=4, help="per-device train batch size (rollouts)")
    parser.add_argument("--max-steps", type=int, default=100)
    parser.add_argument("--max-completion-length", type=int, default=2048)
    parser.add_argument("--max-tool-calls", type=int, default=20, help="TRL's max_tool_calling_iterations")
    parser.add_argument("--learning-rate", type=float, default=1e-6)
    parser.add_argument("--output-dir", default=None)
    parser.add_argument(
        "--log", default=None, help="write every judged episode (verdict included) as JSONL here"
    )
    parser.add_argument(
        "--log-completions", action="store_true", help="TRL prints a table of rollouts per step"
    )
    args = parser.parse_args(argv)
    if not args.smoke and not args.model:
        parser.error("--model is required unless --smoke")
    return args


# --- the smoke run's tiny model (nothing downloaded) --------------------------------------------------------
def chat_template() -> str:
    """TRL's Qwen2.5 chat template: renders tools and tool calls, and TRL knows how to parse its responses."""
    from importlib import resources

    return (resources.files("trl") / "chat_templates" / "qwen2_5.jinja").read_text(encoding="utf-8")


def scripted_conversation(row: dict[str, Any]) -> list[dict[str, Any]]:
    """A conversation the warm-up teaches: the row's prompt and request, then the scripted call."""
    from toolgym_env.integrations import ToolGymTRLEnv

    env = ToolGymTRLEnv({"suite": "core"})
    messages = [dict(m) for m in row["prompt"]]
    messages[-1]["content"] += env.reset(task_id=row["task_id"])
    name, arguments = SCRIPTED_CALL
    return [
        *messages,
        {
            "role": "assistant",
            "content": "",
            "tool_calls": [{"type": "function", "function": {"name": name, "arguments": arguments}}],
        },
    ]


def build_tokenizer(corpus: list[str]) -> Any:
    """A byte-level BPE tokenizer trained on ``corpus``, with Qwen's special tokens and TRL's Qwen2.5
    template."""
    from tokenizers import AddedToken, Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=2048,
        special_tokens=SPECIAL_TOKENS,
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=False,
    )
    tok.train_from_iterator(corpus, trainer)
    tok.add_tokens([AddedToken(tag, special=False, normalized=False) for tag in TAG_TOKENS])
    # the scripted call's JSON, as the chat template renders it, is one token: a few warm-up steps then
    # suffice
    name, arguments = SCRIPTED_CALL
    tok.add_tokens(
        [
            AddedToken(
                f'{{"name": "{name}", "arguments": {json.dumps(arguments)}}}', special=False, normalized=False
            )
        ]
    )
    return PreTrainedTokenizerFast(
        tokenizer_object=tok,
        eos_token="<|im_end|>",
        pad_token="<|endoftext|>",
        chat_template=chat_template(),
        padding_side="left",
    )


def build_tiny_model(tokenizer: Any, seed: int) -> Any:
    """A 2-layer Qwen2 causal LM from a config (random weights)."""
    import torch
    from transformers import Qwen2Config, Qwen2ForCausalLM

    torch.manual_seed(seed)
    config = Qwen2Config(
        vocab_size=len(tokenizer),
        hidden_size=64,
        intermediate_size=128,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=8192,
        tie_word_embeddings=True,
        pad_token_id=tokenizer.pad_token_id,
        eos_token_id=tokenizer.eos_token_id,
        bos_token_id=None,
    )
    return Qwen2ForCausalLM(config)


def warm_up(
    model: Any, tokenizer: Any, conversations: list[list[dict[str, Any]]], tools: list[Any], steps: int
) -> float:
    """Teacher-force the scripted assistant turns (loss on their tokens only); returns the last mean loss."""
    import torch

    ids, labels = [], []
    for conversation, end in ((c, e) for c in conversations for e in range(1, len(c) + 1)):
        if conversation[end - 1]["role"] != "assistant":
            continue
        prefix = tokenizer.apply_chat_template(
            conversation[: end - 1], tools=tools, add_generation_prompt=True, tokenize=True, return_dict=False
        )
        full = tokenizer.apply_chat_template(
            conversation[:end], tools=tools, tokenize=True, return_dict=False
        )
        ids.append(full)
        labels.append([-100] * len(prefix) + full[len(prefix) :])
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-3)
    model.train()
    losses = [0.0]
    for _ in range(steps):
        losses = []
        for seq, lab in zip(ids, labels, strict=True):
            out = model(input_ids=torch.tensor([seq]), labels=torch.tensor([lab]))
            (out.loss / len(ids)).backward()
            losses.append(float(out.loss))
        optimizer.step()
        optimizer.zero_grad()
    return sum(losses) / len(losses)


# --- training -----------------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> dict[str, Any]:
    args = parse_args(argv)
    from trl import GRPOConfig, GRPOTrainer

    from toolgym_env.integrations import ToolGymTRLEnv, trl_env_factory
    from toolgym_env.integrations.trl_data import trl_dataset, trl_rows

    started = time.perf_counter()
    records: list[dict[str, Any]] = []
    config = {
        "suite": "core" if args.smoke else args.suite,
        "profile": args.profile,
        "shaping": args.shaping,
        "seed": args.seed,
        "max_episode_steps": args.max_episode_steps,
    }
    factory = trl_env_factory(config, log=records.append)
    n_tasks = 4 if args.smoke else args.n_tasks
    dataset = trl_dataset(config["suite"], n_tasks)
    output_dir = args.output_dir or tempfile.mkdtemp(prefix="toolgym-grpo-")

    if args.smoke:
        probe = ToolGymTRLEnv({"suite": "core"})
        tools = [probe.search_tools, probe.call_tool, probe.final_answer]
        rows = trl_rows("core", n_tasks)
        conversations = [scripted_conversation(row) for row in rows]
        corpus = [m["content"] for c in conversations for m in c] + [json.dumps(SCRIPTED_CALL)]
        corpus += [(f.__doc__ or "") for f in tools] + [chat_template()] * 2
        tokenizer = build_tokenizer(corpus)
        model = build_tiny_model(tokenizer, args.seed)
        warm_loss = warm_up(model, tokenizer, conversations, tools, steps=WARM_UP_STEPS)
        train_args = {
            "max_steps": 2,
            "per_device_train_batch_size": 4,
            "num_generations": 2,
            "max_completion_length": 1536,
            "max_tool_calling_iterations": 2,
            "learning_rate": 1e-4,
            "use_cpu": True,
            "beta": 0.0,
            "temperature": 0.2,
        }
    else:
        from transformers import AutoModelForCausalLM, AutoTokenizer

        tokenizer = AutoTokenizer.from_pretrained(args.model)
        model = AutoModelForCausalLM.from_pretrained(args.model)
        warm_loss = None
        train_args = {
            "max_steps": args.max_steps,
            "per_device_train_batch_size": args.batch_size,
            "num_generations": args.num_generations,
            "max_completion_length": args.max_completion_length,
            "max_tool_calling_iterations": args.max_tool_calls,
            "learning_rate": args.learning_rate,
        }
    grpo_config = GRPOConfig(
        output_dir=output_dir,
        logging_steps=1,
        report_to=[],
        save_strategy="no",
        seed=args.seed,
        disable_tqdm=True,
        log_completions=args.log_completions,
        **train_args,
    )
    trainer = GRPOTrainer(
        model=model,
        processing_class=tokenizer,
        args=grpo_config,
        train_dataset=dataset,
        environment_factory=factory,
    )
    trainer.train()

    if args.log:
        Path(args.log).write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    logged = [h for h in trainer.state.log_history if f"rewards/{ToolGymTRLEnv.__name__}/mean" in h]
    summary = {
        "trainer_steps": trainer.state.global_step,
        "episodes_judged": len(records),
        "rewards": [r["reward"] for r in records],
        "successes": sum(r["success"] for r in records),
        "tool_calls": sum(r["tool_calls"] for r in records),
        "env_steps": sum(r["steps"] for r in records),
        "logged_reward_means": [h[f"rewards/{ToolGymTRLEnv.__name__}/mean"] for h in logged],
        "warm_up_loss": warm_loss,
        "seconds": round(time.perf_counter() - started, 1),
    }
    print(json.dumps(summary), flush=True)
    return summary


if __name__ == "__main__":
    main(sys.argv[1:])
