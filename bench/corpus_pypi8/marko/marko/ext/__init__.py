"""
This is the place to put extension classes and mixins.
Also show as examples of extending Marko.
"""
