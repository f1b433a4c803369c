"""The built-in filters, one per module; importing this registers them all."""

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
