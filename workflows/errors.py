"""Why an event was refused: one exception type per kind of refusal."""


class WorkflowError(Exception):
    """Base of every refusal raised by workflows."""


class UnknownEvent(WorkflowError):
    """The event name is not one of EVENTS."""

    def __init__(self, event):
        self.event = event
        super().__init__(f"unknown event {event!r}")


class EventNotAllowed(WorkflowError):
    """The event cannot happen from the case's current state (HTTP 409 in the app)."""

    def __init__(self, event, state, allowed):
        self.event = event
        self.state = state
        self.allowed = list(allowed)
        super().__init__(f"event {event!r} is not allowed in state {state!r}")


class GuardRefused(WorkflowError):
    """A guard said no; the messages say why, in words a mediator understands."""

    def __init__(self, message_zh, message_en, field=None):
        self.message_zh = message_zh
        self.message_en = message_en
        self.field = field
        super().__init__(message_zh)


class NotPermitted(GuardRefused):
    """The actor's role or assignment does not allow the event (HTTP 403 in the app)."""
