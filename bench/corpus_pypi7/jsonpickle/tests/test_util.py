# Copyright (C) 2008 John Paulett (john -at- paulett.org)
# Copyright (C) 2009-2018 David Aguilar (davvid -at- gmail.com)
# All rights reserved.
#
# This software is licensed as described in the file COPYING, which
# you should have received as part of this distribution.

import io
import time

from jsonpickle import util


class Thing:
    def __init__(self, name):
        self.name = name
        self.child = None


class DictSubclass(dict):
    pass


class ListSubclass(list):
    pass


class MethodTestClass:
    variable = None

    @staticmethod
    def static_method():
        pass

    @classmethod
    def class_method(cls):
        pass

    def bound_method(self):
        pass


class MethodTestSubclass(MethodTestClass):
    pass


class MethodTestOldStyle:
    def bound_method(self):
        pass


def test_is_primitive_int():
    assert util.is_primitive(0)
    assert util.is_primitive(3)
    assert util.is_primitive(-3)




def test_is_primitive_long():
    assert util.is_primitive(2**64)




def test_is_primitive_None():
    assert util.is_primitive(None)




def test_is_primitive_unicode():
    assert util.is_primitive('')
    assert util.is_primitive('hello')




def test_is_primitive_dict():
    assert not util.is_primitive({'key': 'value'})
    assert not util.is_primitive({})




def test_is_primitive_set():
    assert not util.is_primitive({1, 3})




def test_is_sequence_various():
    assert util.is_sequence([])
    assert util.is_sequence(tuple())
    assert util.is_sequence(set())




def test_is_dictionary_subclass_subclass():
    assert util.is_dictionary_subclass(DictSubclass())




def test_is_sequence_subclass_list():
    assert not util.is_sequence_subclass([])




def test_is_noncomplex_other():
    assert not util.is_noncomplex('a')




def test_is_function_lambda():
    assert util.is_function(lambda: False)




def test_itemgetter():
    expect = '0'
    actual = util.itemgetter((0, 'zero'))
    assert expect == actual




def test_importable_name():
    func_being_tested_obj = util.importable_name
    io_method_obj = io.BytesIO(b'bytes').readline
    assert (
        util.importable_name(func_being_tested_obj) == 'jsonpickle.util.importable_name'
    )
    assert util.importable_name(io_method_obj) == '_io.BytesIO.readline'
    assert util.importable_name(dict) == 'builtins.dict'
