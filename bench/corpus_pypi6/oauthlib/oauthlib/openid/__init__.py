"""
oauthlib.openid
~~~~~~~~~~~~~~

"""
from .connect.core.endpoints import Server, UserInfoEndpoint
from .connect.core.request_validator import RequestValidator
