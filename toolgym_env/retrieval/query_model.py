"""One query at a time through MiniLM, fast: the model's forward pass, mean pooling and normalization traced
and frozen into one TorchScript graph, in bfloat16 on a CPU that multiplies bfloat16 natively.

``SentenceTransformer.encode`` is built for batches; for one short query its batching and the Python of
~100 module calls cost as much as the arithmetic. The traced graph gives the same vector (cosine 1.0 in
float32); bfloat16 halves the matrix products' time on a CPU with AVX512-BF16 or AMX and moves a vector by
~1e-4 in cosine (``toolgym bench`` checks the top-5 tools against float32 queries). Tool vectors stay float32.
``$TOOLGYM_QUERY_DTYPE`` (``float32`` or ``bfloat16``) pins the choice, for example to get the same scores on
machines with and without native bfloat16.
"""

from __future__ import annotations

import copy
import os
import threading
import warnings
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np

DTYPES = ("float32", "bfloat16")
_BF16_FLAGS = ("avx512_bf16", "amx_bf16")


def native_bf16(cpuinfo: str = "/proc/cpuinfo") -> bool:
    """Whether this CPU multiplies bfloat16 natively (its flags list AVX512-BF16 or AMX-BF16; ``False`` where
    ``cpuinfo`` cannot be read)."""
    try:
        with open(cpuinfo, encoding="utf-8") as f:
            for line in f:
                if line.startswith("flags"):
                    return any(flag in line.split() for flag in _BF16_FLAGS)
    except OSError:
        return False
    return False


def query_dtype() -> str:
    """The dtype queries are encoded in: ``$TOOLGYM_QUERY_DTYPE`` when set, else ``bfloat16`` where the CPU
    has it natively, else ``float32``."""
    pinned = os.environ.get("TOOLGYM_QUERY_DTYPE", "").strip().lower()
    if pinned:
        if pinned not in DTYPES:
            raise ValueError(f"TOOLGYM_QUERY_DTYPE={pinned!r}: expected one of {', '.join(DTYPES)}")
        return pinned
    return "bfloat16" if native_bf16() else "float32"


def _pooled(torch: Any, bert: Any) -> Any:
    class Pooled(torch.nn.Module):
        """BERT's last hidden states, mean-pooled over the real tokens and L2-normalized, as float32."""

        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any) -> Any:
            hidden = self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state.float()
            mask = attention_mask.unsqueeze(-1).float()
            mean = (hidden * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
            return torch.nn.functional.normalize(mean, dim=1)

    return Pooled().eval()


_LOCK = threading.Lock()


@lru_cache(maxsize=2)
def _encoder(dtype: str) -> Callable[[str], np.ndarray]:
    import torch

    from toolgym_env.retrieval.embedding import load_model

    model = load_model()
    tokenizer, max_length = model.tokenizer, model.max_seq_length
    bert = model[0].auto_model
    if dtype == "bfloat16":
        bert = copy.deepcopy(bert).to(torch.bfloat16)
    pooled = _pooled(torch, bert)
    sample = tokenizer(["find a tool"], return_tensors="pt")
    with torch.inference_mode(), warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            graph = torch.jit.freeze(
                torch.jit.trace(pooled, (sample["input_ids"], sample["attention_mask"]), strict=False)
            )
        except (RuntimeError, TypeError) as err:  # a model TorchScript cannot trace: run it eagerly
            warnings.warn(f"MiniLM query graph not traced ({err}); queries run eagerly", stacklevel=2)
            graph = pooled

    def encode(text: str) -> np.ndarray:
        with torch.inference_mode():
            enc = tokenizer([text.strip()], return_tensors="pt", truncation=True, max_length=max_length)
            return graph(enc["input_ids"], enc["attention_mask"])[0].numpy()

    return encode


def encode_one(text: str) -> np.ndarray:
    """The normalized float32 vector of one query, shape ``(dimension,)``, in :func:`query_dtype`."""
    dtype = query_dtype()
    with _LOCK:
        encode = _encoder(dtype)
    return encode(text)
