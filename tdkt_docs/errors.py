"""Errors meant for the user: their message is Vietnamese and shown without a traceback."""


class UserError(Exception):
    """A problem the user can fix; ``str(err)`` is the full Vietnamese message."""


class MissingProgram(UserError):
    """A required external program (LibreOffice) is not installed."""
