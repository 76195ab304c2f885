"""fouille: who, where, when and what is claimed in French news articles.

``extract(text)`` analyses one article; ``extract_many(records)`` many, in parallel. Both give
the dicts of the fouille/1 contract (docs/json-contract.md), the objects that ``fouille
extract`` writes as JSON Lines.
"""

import datetime
from typing import Any, Iterable, Iterator, Literal, Mapping, overload

from typing_extensions import NotRequired, TypedDict

__version__: str
"""The package's version."""

SCHEMA: str
"""The contract's version, ``"fouille/1"``, the ``schema`` of every result."""

class Offsets(TypedDict):
    """A span: code point offsets (``text[start:end]``) and UTF-8 byte offsets, end exclusive."""

    start: int
    end: int
    byte_start: int
    byte_end: int

class Token(TypedDict):
    start: int
    end: int
    byte_start: int
    byte_end: int
    text: str

MentionType = Literal[
    "person",
    "rank",
    "role",
    "country",
    "nationality",
    "date",
    "time",
    "organization",
    "location",
]

class Mention(TypedDict):
    id: str
    """``m1``, ``m2``, ... in text order."""
    type: MentionType
    text: str
    start: int
    end: int
    byte_start: int
    byte_end: int
    sentence: int
    """Index into ``sentences``."""
    value: str | None
    """ISO 3166-1 alpha-2 code (country, nationality); ISO 8601 date (date, time); else None."""
    entity: str | None

class Entity(TypedDict):
    id: str
    type: Literal["person", "country", "organization", "location"]
    name: str
    code: NotRequired[str]
    """Countries: ISO 3166-1 alpha-2."""
    rank: NotRequired[str | None]
    """Persons only."""
    roles: NotRequired[list[str]]
    """Persons only."""
    nationality: NotRequired[str | None]
    """Persons only."""
    mentions: list[str]

class Argument(TypedDict):
    text: str
    start: int
    end: int
    byte_start: int
    byte_end: int
    entity: str | None

class Predicate(TypedDict):
    text: str
    start: int
    end: int
    byte_start: int
    byte_end: int
    lemma: str
    negated: bool

class Object(TypedDict):
    text: str
    start: int
    end: int
    byte_start: int
    byte_end: int
    entities: list[str]

class Cue(TypedDict):
    text: str
    start: int
    end: int
    byte_start: int
    byte_end: int
    lemma: str

class Time(TypedDict):
    value: str | None
    mention: str

class Claim(TypedDict):
    id: str
    sentence: int
    text: str
    start: int
    end: int
    byte_start: int
    byte_end: int
    kind: str
    """statement, event, decision, announcement, intention, hope, assessment, quote, report."""
    modality: str
    """asserted, certain, uncertain, conditional, negated, hoped, intended."""
    subject: Argument | None
    predicate: Predicate | None
    object: Object | None
    source: Argument | None
    cue: Cue | None
    direct: bool
    content: Offsets | None
    time: Time | None
    place: str | None

class Result(TypedDict):
    """One article's result."""

    id: str
    date: str | None
    schema: str
    title: NotRequired[str]
    """Only when the record gave a str title."""
    sentences: list[Offsets]
    tokens: NotRequired[list[Token]]
    """Only with ``tokens=True``."""
    mentions: list[Mention]
    entities: list[Entity]
    claims: list[Claim]
    meta: NotRequired[dict[Any, Any]]
    """Only in ``extract_many``, when the record had other keys: them, as given."""
    error: None

ErrorKind = Literal[
    "read_error",
    "invalid_utf8",
    "invalid_json",
    "not_an_object",
    "invalid_id",
    "missing_text",
    "invalid_text",
    "empty_text",
    "invalid_date",
    "too_large",
    "invalid_meta",
    "internal",
]

class Source(TypedDict):
    file: str
    line: NotRequired[int]

class ErrorDetail(TypedDict):
    kind: ErrorKind
    message: str
    source: NotRequired[Source]
    """Only from ``parse_record``: the file and line given."""

class Failure(TypedDict):
    """What ``extract_many`` gives at the place of a record that could not be analysed."""

    id: str | None
    schema: str
    error: ErrorDetail

@overload
def extract(
    text: str,
    *,
    id: str | int | None = None,
    date: str | datetime.date | None = None,
    title: str | None = None,
    tokens: bool = False,
    json: Literal[False] = False,
) -> Result: ...
@overload
def extract(
    text: str,
    *,
    id: str | int | None = None,
    date: str | datetime.date | None = None,
    title: str | None = None,
    tokens: bool = False,
    json: Literal[True],
) -> str: ...
@overload
def extract(
    text: str,
    *,
    id: str | int | None = None,
    date: str | datetime.date | None = None,
    title: str | None = None,
    tokens: bool = False,
    json: bool = False,
) -> Result | str:
    """Analyses one article and returns its result as a dict.

    The dict is the object that ``fouille extract`` writes for the same article; with
    ``json=True``, the line itself, as a str.

    Raises TypeError for arguments of the wrong type (a text that is not a str, an id that is
    not a str or a number, a date that is not a str or a date), ValueError for an empty or blank
    text, a text with lone surrogates, or a date that is not YYYY-MM-DD. The GIL is released
    during the analysis.
    """

@overload
def extract_many(
    records: Iterable[Mapping[str, Any]],
    *,
    threads: int | None = None,
    date: str | datetime.date | None = None,
    tokens: bool = False,
    json: Literal[False] = False,
) -> Results: ...
@overload
def extract_many(
    records: Iterable[Mapping[str, Any]],
    *,
    threads: int | None = None,
    date: str | datetime.date | None = None,
    tokens: bool = False,
    json: Literal[True],
) -> Iterator[str]: ...
@overload
def extract_many(
    records: Iterable[Mapping[str, Any]],
    *,
    threads: int | None = None,
    date: str | datetime.date | None = None,
    tokens: bool = False,
    json: bool = False,
) -> Results | Iterator[str]:
    """Analyses many articles in parallel; returns an iterator of their results, in input order.

    Each record is a dict with ``text`` and optionally ``id``, ``date``, ``title``; other keys
    come back under ``meta``. A record that is not an article (not a mapping, no text, a text
    that is not a str, an id or a date of the wrong type, an empty text, a bad date) gives a
    Failure dict at its place, of the kind the command line gives the same record. With
    ``json=True`` each result is the JSON text of that dict (the line ``fouille extract``
    writes), made by the analysis threads rather than the calling one.
    """

class Record(TypedDict):
    """A record read by ``parse_record``, ready for ``extract_many``; its other fields too."""

    id: str
    text: str
    date: NotRequired[str]
    title: NotRequired[str]

def parse_record(record: str | bytes, *, file: str = "-", line: int = 1) -> Record | Failure:
    """Reads one line of a JSON Lines file as ``fouille extract`` reads it: the record, checked,
    or the command line's error object for that line (with ``source``: ``file`` and ``line``).
    An id-less record gets the command line's id, ``"<file stem>:<line>"``.
    """

class Results(Iterator[Result | Failure]):
    """The results of ``extract_many``, in input order."""

    def __iter__(self) -> Results: ...
    def __next__(self) -> Result | Failure: ...
