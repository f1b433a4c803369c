"""The built-in filters, one per module, and the default pipeline of them;
importing this registers them all (`import textclean` does).

The filter modules compile their patterns (about a hundred) at import; inside
`capturing_regex_programs` those come from the start-up cache of regex programs
when it has them, and are added to it when it does not (see textclean.startup_cache).
"""

from ..pipeline import Pipeline
from ..startup_cache import capturing_regex_programs

with capturing_regex_programs():
    from .appeals import AppealFilter
    from .comments import CommentFilter
    from .consent import ConsentFilter
    from .content import ContentFilter
    from .donation import DonationFilter
    from .error_page import ErrorPageFilter
    from .metadata import MetadataFilter
    from .orphans import OrphanCommentFilter
    from .server_errors import ServerErrorFilter
    from .widgets import WidgetFilter

# Content before comments: the scorer labels article and comment lines together;
# the comment filter then checks the section's structure and parses it.
DEFAULT_ORDER = (
    DonationFilter,
    ServerErrorFilter,
    WidgetFilter,
    ConsentFilter,
    ContentFilter,
    CommentFilter,
    OrphanCommentFilter,
    AppealFilter,
    ErrorPageFilter,
    MetadataFilter,
)


def default_pipeline() -> Pipeline:
    """The pipeline `clean()` uses, a new copy each call.

    >>> default_pipeline().names()  # doctest: +NORMALIZE_WHITESPACE
    ['donation', 'server_errors', 'widgets', 'consent', 'content', 'comments', 'orphans',
     'appeals', 'error_page', 'metadata']
    """
    return Pipeline([cls() for cls in DEFAULT_ORDER])


__all__ = [
    "DEFAULT_ORDER",
    "AppealFilter",
    "CommentFilter",
    "ConsentFilter",
    "ContentFilter",
    "DonationFilter",
    "ErrorPageFilter",
    "MetadataFilter",
    "OrphanCommentFilter",
    "ServerErrorFilter",
    "WidgetFilter",
    "default_pipeline",
]
