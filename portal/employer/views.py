"""Routes of the employer area."""

from portal.employer import bp  # noqa: F401
