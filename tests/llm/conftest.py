from tests.support.fake_openai import fake_openai

__all__ = ["fake_openai"]
