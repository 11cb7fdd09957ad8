"""LoRA fine-tuning of the shared encoder with a linear head, on CPU.

The encoder pipeline reproduced here is exactly sentence-transformers' one for MiniLM
(mean pooling over the attention mask, then L2 normalisation), so the adapter trained
here, merged into the encoder at load time, gives the same embedding the runtime sees.
"""

from __future__ import annotations

import math
import random
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np
import torch
from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn
from torch import nn


@dataclass
class FinetuneConfig:
    epochs: float = 2.0
    batch_size: int = 32
    lr_lora: float = 3e-4
    lr_head: float = 2e-3
    # The embedding is unit-length, so its components are ~0.05: without a scale the head
    # needs huge weights and BCE sits on the label prior (a 3-epoch run collapsed that way).
    # The scale is folded into the saved head weight, so the runtime sees a plain linear head.
    scale: float = 20.0
    rank: int = 16
    alpha: int = 32
    dropout: float = 0.1
    max_length: int = 64
    seed: int = 13
    multilabel: bool = True
    max_steps: int = 0  # 0 = no cap; used by tests and smoke runs


class PooledModel(nn.Module):
    """Transformer + mean pooling + normalisation + linear head."""

    def __init__(self, transformer: nn.Module, dim: int, n_out: int, scale: float = 1.0) -> None:
        super().__init__()
        self.transformer = transformer
        self.head = nn.Linear(dim, n_out)
        self.scale = scale

    def embed(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        out = self.transformer(input_ids=input_ids, attention_mask=attention_mask)
        tokens = out.last_hidden_state
        mask = attention_mask.unsqueeze(-1).to(tokens.dtype)
        pooled = (tokens * mask).sum(1) / mask.sum(1).clamp(min=1e-9)
        return nn.functional.normalize(pooled, p=2, dim=1)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        return self.head(self.scale * self.embed(input_ids, attention_mask))


def build_model(encoder_path: str, n_out: int, cfg: FinetuneConfig):
    """Load the base transformer from the encoder folder and wrap it with LoRA."""
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModel, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(encoder_path)
    base = AutoModel.from_pretrained(encoder_path)
    lora = LoraConfig(
        r=cfg.rank,
        lora_alpha=cfg.alpha,
        lora_dropout=cfg.dropout,
        target_modules=["query", "key", "value", "dense"],
        bias="none",
    )
    transformer = get_peft_model(base, lora)
    return tokenizer, PooledModel(transformer, base.config.hidden_size, n_out, cfg.scale)


def finetune(
    encoder_path: str,
    texts: Sequence[str],
    targets: np.ndarray,
    cfg: FinetuneConfig,
    log: Callable[[str], None] = print,
):
    """Train LoRA + head; returns (tokenizer, model). ``targets``: (n, k) floats for
    multi-label, (n,) ints for single-label."""
    torch.manual_seed(cfg.seed)
    random.seed(cfg.seed)
    n_out = targets.shape[1] if cfg.multilabel else int(targets.max()) + 1
    tokenizer, model = build_model(encoder_path, n_out, cfg)
    if cfg.multilabel:
        # Start from the label prior so early steps learn features, not base rates.
        prior = np.clip(np.asarray(targets, np.float64).mean(0), 1e-4, 1 - 1e-4)
        with torch.no_grad():
            model.head.bias.copy_(torch.as_tensor(np.log(prior / (1 - prior)), dtype=torch.float32))
    lora_params = [p for n, p in model.transformer.named_parameters() if p.requires_grad]
    optim = torch.optim.AdamW(
        [
            {"params": lora_params, "lr": cfg.lr_lora, "weight_decay": 0.01},
            {"params": model.head.parameters(), "lr": cfg.lr_head, "weight_decay": 0.0},
        ],
    )
    steps_per_epoch = math.ceil(len(texts) / cfg.batch_size)
    total = int(steps_per_epoch * cfg.epochs)
    if cfg.max_steps:
        total = min(total, cfg.max_steps)
    warmup = max(1, total // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(
        optim,
        lambda s: min(1.0, (s + 1) / warmup) * max(0.0, (total - s) / max(1, total - warmup)),
    )
    loss_fn = nn.BCEWithLogitsLoss() if cfg.multilabel else nn.CrossEntropyLoss()
    batches: list[list[int]] = []
    rng = random.Random(cfg.seed)
    model.train()
    started = time.time()
    with Progress(
        TextColumn("fine-tuning"), BarColumn(), TextColumn("{task.completed}/{task.total}"),
        TextColumn("loss {task.fields[loss]:.4f}"), TimeRemainingColumn(),
    ) as bar:
        task = bar.add_task("train", total=total, loss=float("nan"))
        running = None
        for step in range(total):
            if not batches:
                batches = length_bucketed_batches([len(t) for t in texts], cfg.batch_size, rng)
            idx = batches.pop()
            enc = tokenizer(
                [texts[i] for i in idx], padding=True, truncation=True,
                max_length=cfg.max_length, return_tensors="pt",
            )
            logits = model(enc["input_ids"], enc["attention_mask"])
            if cfg.multilabel:
                y = torch.as_tensor(targets[idx], dtype=torch.float32)
            else:
                y = torch.as_tensor(targets[idx], dtype=torch.long)
            loss = loss_fn(logits, y)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optim.step()
            sched.step()
            optim.zero_grad()
            running = loss.item() if running is None else 0.98 * running + 0.02 * loss.item()
            bar.update(task, advance=1, loss=running)
            if step % 100 == 0:
                log(f"step {step}/{total} loss {running:.4f} {time.time() - started:.0f}s")
    model.eval()
    return tokenizer, model


def length_bucketed_batches(lengths: Sequence[int], batch_size: int,
                            rng: random.Random) -> list[list[int]]:
    """Shuffled batches of similar-length texts: less padding, same data each epoch."""
    order = list(range(len(lengths)))
    rng.shuffle(order)
    pool = batch_size * 50
    batches = []
    for start in range(0, len(order), pool):
        chunk = sorted(order[start:start + pool], key=lambda i: lengths[i])
        batches += [chunk[i:i + batch_size] for i in range(0, len(chunk), batch_size)]
    rng.shuffle(batches)
    return batches


@torch.no_grad()
def predict_logits(tokenizer, model: PooledModel, texts: Sequence[str], max_length: int = 64,
                   batch_size: int = 128) -> np.ndarray:
    """Logits for held-out texts with the in-training model (used to pick thresholds)."""
    model.eval()
    out = []
    for i in range(0, len(texts), batch_size):
        enc = tokenizer(list(texts[i:i + batch_size]), padding=True, truncation=True,
                        max_length=max_length, return_tensors="pt")
        out.append(model(enc["input_ids"], enc["attention_mask"]).numpy())
    return np.concatenate(out) if out else np.zeros((0, model.head.out_features))


def save_adapter(model: PooledModel, out_dir: Path) -> None:
    """Write the LoRA adapter (peft format) and the head (npz)."""
    out_dir.mkdir(parents=True, exist_ok=True)
    model.transformer.save_pretrained(str(out_dir / "adapter"))
    np.savez(
        out_dir / "head.npz",
        weight=(model.scale * model.head.weight.detach().numpy()).astype(np.float32),
        bias=model.head.bias.detach().numpy().astype(np.float32),
    )
