"""The issuance app's models: awards and their status lists (:mod:`.awards`), bulk
batches (:mod:`.batches`) and the e-mails to learners (:mod:`.outbox`)."""

from .awards import (
    Award,
    AwardAction,
    AwardEvent,
    AwardState,
    StatusList,
    StatusPurpose,
)
from .batches import Batch, BatchChunk, BatchRow, ChunkState, RowState
from .outbox import OutboxKind, OutboxMessage, OutboxState

__all__ = [
    "Award",
    "AwardAction",
    "AwardEvent",
    "AwardState",
    "Batch",
    "BatchChunk",
    "BatchRow",
    "ChunkState",
    "OutboxKind",
    "OutboxMessage",
    "OutboxState",
    "RowState",
    "StatusList",
    "StatusPurpose",
]
