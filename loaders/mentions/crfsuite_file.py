"""The weights of a CRFsuite model file (a linear-chain CRF1d model, as python-crfsuite's
Trainer writes it), read as arrays so that tagging can run on whole documents at once.

The format is CRFsuite's own (lib/crf/src/crf1d_model.c and lib/cqdb/src/cqdb.c):
a header of offsets, two constant databases (labels and attributes, each with an array from
id to string) and a chunk of features, each ``type, src, dst`` as uint32 and its weight as a
float64, little-endian. A state feature (type 0) weighs attribute ``src`` for label ``dst``;
a transition feature (type 1) weighs label ``src`` followed by label ``dst``. The weights are
read bit for bit, so scores summed from them equal CRFsuite's.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from kg.errors import InputError

_MAGIC = b"lCRF"
_MODEL_TYPE = b"FOMC"
_HEADER = struct.Struct("<4sI4sIIIIIIIII")
_CQDB_HEADER = struct.Struct("<4sIIIII")
_CHUNK_HEADER_SIZE = struct.calcsize("<4sII")
_FEATURE = np.dtype([("type", "<u4"), ("src", "<u4"), ("dst", "<u4"), ("weight", "<f8")])
_STATE, _TRANSITION = 0, 1


@dataclass(frozen=True)
class CrfsuiteModel:
    """``labels`` and ``attributes`` by id; ``state_attribute``, ``state_label`` and
    ``state_weight`` one entry per state feature; ``transitions[a, b]`` the weight of label
    ``b`` after label ``a`` (0 where the model has no such feature, as in CRFsuite)."""

    labels: tuple[str, ...]
    attributes: tuple[str, ...]
    state_attribute: np.ndarray
    state_label: np.ndarray
    state_weight: np.ndarray
    transitions: np.ndarray


def read_crfsuite_model(path: Path) -> CrfsuiteModel:
    data = path.read_bytes()
    try:
        return _parse(data)
    except (struct.error, ValueError, IndexError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not a CRFsuite model file ({exc})") from exc


def _parse(data: bytes) -> CrfsuiteModel:
    magic, _, model_type, _, _, num_labels, num_attrs, off_features, off_labels, off_attrs, _, _ = _HEADER.unpack_from(
        data, 0
    )
    if magic != _MAGIC or model_type != _MODEL_TYPE:
        raise ValueError("wrong magic or model type")
    labels = _strings(data, off_labels, num_labels)
    attributes = _strings(data, off_attrs, num_attrs)
    # The header's count of features is left 0 by the writer; the chunk's own count is set.
    chunk_id, _, num_features = struct.unpack_from("<4sII", data, off_features)
    if chunk_id != b"FEAT":
        raise ValueError("no feature chunk")
    features = np.frombuffer(data, dtype=_FEATURE, count=num_features, offset=off_features + _CHUNK_HEADER_SIZE)
    state = features[features["type"] == _STATE]
    moves = features[features["type"] == _TRANSITION]
    transitions = np.zeros((num_labels, num_labels), dtype=np.float64)
    transitions[moves["src"], moves["dst"]] = moves["weight"]
    return CrfsuiteModel(
        labels=labels,
        attributes=attributes,
        state_attribute=state["src"].astype(np.int64),
        state_label=state["dst"].astype(np.int64),
        state_weight=state["weight"].astype(np.float64),
        transitions=transitions,
    )


def _strings(data: bytes, base: int, count: int) -> tuple[str, ...]:
    """The ``count`` strings of the constant database at ``base``, by id (its backward array)."""
    chunk_id, _, _, _, bwd_size, bwd_offset = _CQDB_HEADER.unpack_from(data, base)
    if chunk_id != b"CQDB" or bwd_size < count:
        raise ValueError("a string database without its id array")
    offsets = struct.unpack_from(f"<{count}I", data, base + bwd_offset)
    strings = []
    for offset in offsets:
        _, size = struct.unpack_from("<II", data, base + offset)
        start = base + offset + 8
        strings.append(data[start : start + size - 1].decode("utf-8"))  # size counts the final NUL
    return tuple(strings)
