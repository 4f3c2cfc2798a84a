from ui_helpers import _program_translator, approvals, ctx, shop  # noqa: F401 (fixtures)
