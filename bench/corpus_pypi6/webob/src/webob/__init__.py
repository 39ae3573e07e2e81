from webob.datetime_utils import (  # noqa: F401
    UTC,
    day,
    hour,
    minute,
    month,
    parse_date,
    parse_date_delta,
    second,
    serialize_date,
    serialize_date_delta,
    timedelta_to_seconds,
    week,
    year
)
from webob.request import BaseRequest, LegacyRequest, Request
from webob.response import Response
from webob.util import html_escape

__all__ = [
    'Request', 'LegacyRequest', 'Response', 'UTC', 'day', 'week', 'hour',
    'minute', 'second', 'month', 'year', 'html_escape'
]

BaseRequest.ResponseClass = Response
