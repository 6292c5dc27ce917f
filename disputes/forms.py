"""What every form of the app shares: showing a service's refusals beside the fields they name."""
from __future__ import annotations

from flask_wtf import FlaskForm


class ServiceForm(FlaskForm):
    """A form whose meaning a service checks: ``attach_errors`` puts each of the service's messages
    (keyed by field path, as ``ValidationFailed.errors`` are) beside its field, and the rest in the
    summary at the top (``form_errors``)."""

    def attach_errors(self, errors: dict[str, str]) -> None:
        for path, message in errors.items():
            target = self._field_for(path)
            if target is None:
                self.form_errors.append(message)
            else:
                target.errors = list(target.errors or []) + [message]

    def _field_for(self, path: str):
        """The field a path names (flat forms: the field of that name), or None for the summary."""
        return self._fields.get(path)
