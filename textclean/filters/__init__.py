"""The built-in filters, one per module; importing this registers them all.

The filter modules compile their patterns (about a hundred) at import; inside
`capturing_regex_programs` those come from the start-up cache of regex programs
when it has them, and are added to it when it does not (see textclean.startup_cache).
"""

from ..startup_cache import capturing_regex_programs

with capturing_regex_programs():
    from .comments import CommentFilter
    from .content import ContentFilter
    from .donation import DonationFilter
    from .error_page import ErrorPageFilter
    from .metadata import MetadataFilter
    from .orphans import OrphanCommentFilter
    from .widgets import WidgetFilter

__all__ = [
    "CommentFilter",
    "ContentFilter",
    "DonationFilter",
    "ErrorPageFilter",
    "MetadataFilter",
    "OrphanCommentFilter",
    "WidgetFilter",
]
