"""The one exception tree of rasd.

Every error names the input it concerns and the stage that raised it, so a
person reading a run summary can act on it without a traceback::

    RasdError
    ├── ConfigError            bad settings or a broken data file
    ├── AcquireError           an input could not be read or decoded
    │   ├── InputTooLarge
    │   ├── EmptyInput
    │   ├── BinaryInput
    │   └── UnknownEncoding
    └── StageError             a pipeline stage failed on a document
        └── MainTextError      no article text could be found
"""

from __future__ import annotations


class RasdError(Exception):
    """Base of all rasd errors; carries the input and stage for reports."""

    stage: str = "rasd"

    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.source = source

    def __str__(self) -> str:
        if self.source:
            return f"{self.source}: {self.message}"
        return self.message


class ConfigError(RasdError):
    stage = "config"


class AcquireError(RasdError):
    stage = "acquire"


class InputTooLarge(AcquireError):
    pass


class EmptyInput(AcquireError):
    pass


class BinaryInput(AcquireError):
    pass


class UnknownEncoding(AcquireError):
    pass


class StageError(RasdError):
    """Raised by a pipeline component; ``stage`` is the component's name."""

    def __init__(self, message: str, *, source: str | None = None, stage: str = "stage") -> None:
        super().__init__(message, source=source)
        self.stage = stage


class MainTextError(StageError):
    def __init__(self, message: str, *, source: str | None = None) -> None:
        super().__init__(message, source=source, stage="main_text")
