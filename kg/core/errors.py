"""One place for the user-facing errors: each has a code and a one-line message.

The CLI turns a `KGError` into `error[CODE]: message` on stderr and exit code 1; anything else
escaping a command is a bug, not a usage error.
"""

from __future__ import annotations


class KGError(Exception):
    """A failure the user can act on (bad input, bad usage, unreachable server)."""

    code = "KG000"

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return f"error[{self.code}]: {self.message}"


class InputNotFound(KGError):
    code = "KG001"


class UnknownFormat(KGError):
    code = "KG002"


class GraphNotFound(KGError):
    code = "KG003"


class BadOption(KGError):
    code = "KG004"


class DataNotFound(KGError):
    """Shared data (gold, SciER, PwC) needed by eval/train/gazetteer builds is missing."""

    code = "KG005"


class UnknownDataset(KGError):
    code = "KG006"


class UnknownMetric(UnknownDataset):
    """A metric that measures no result on the dataset asked for (an unknown name, like a dataset)."""


class StoreUnavailable(KGError):
    """A graph server is down, refused the credentials, or dropped the connection."""

    code = "KG007"


class MissingCredentials(KGError):
    """Server settings (URI, credentials) missing from the environment."""

    code = "KG008"


class PipelineError(KGError):
    """The shipped spaCy pipeline or its data files cannot be loaded."""

    code = "KG009"


class BadDataFile(KGError):
    """A data file (rules, gazetteer, gold, SciER) is malformed: says which file, line and why."""

    code = "KG010"


class BadRecord(KGError):
    """An extraction line (from the cache or a JSON Lines file) that does not follow the record
    schema: says where it came from and which field is wrong."""

    code = "KG020"


class MalformedSetting(MissingCredentials):
    """A server URI, host or port in the environment that cannot be used (shown redacted)."""


class OutputRefused(KGError):
    """An output path PaperKG must not write: a device, FIFO, link, foreign file or directory, or a
    place that cannot be written."""

    code = "KG014"


class OutputBusy(KGError):
    """Another run holds the output directory's lock."""

    code = "KG015"


class NoGoodRecords(KGError):
    """The inputs held no usable record: nothing is built and earlier outputs stay as they were."""

    code = "KG016"
