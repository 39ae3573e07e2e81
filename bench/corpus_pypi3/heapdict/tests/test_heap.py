#!/usr/bin/python
from __future__ import print_function
import random
import sys
import unittest
from heapdict import heapdict
try:
    # Python 3
    import test.support as test_support
except ImportError:
    # Python 2
    import test.test_support as test_support

N = 100


class TestHeap(unittest.TestCase):

    def check_invariants(self, h):
        # the 3rd entry of each heap entry is the position in the heap
        for i, e in enumerate(h.heap):
            self.assertEqual(e[2], i)
        # the parent of each heap element must not be larger than the element
        for i in range(1, len(h.heap)):
            parent = (i - 1) >> 1
            self.assertLessEqual(h.heap[parent][0], h.heap[i][0])

    def make_data(self):
        pairs = [(random.random(), random.random()) for i in range(N)]
        h = heapdict()
        d = {}
        for k, v in pairs:
            h[k] = v
            d[k] = v

        pairs.sort(key=lambda x: x[1], reverse=True)
        return h, pairs, d

    def test_popitem(self):
        h, pairs, _ = self.make_data()
        while pairs:
            v = h.popitem()
            v2 = pairs.pop(-1)
            self.assertEqual(v, v2)
        self.assertEqual(len(h), 0)


    def test_peek(self):
        h, pairs, _ = self.make_data()
        while pairs:
            v = h.peekitem()[0]
            h.popitem()
            v2 = pairs.pop(-1)
            self.assertEqual(v, v2[0])
        self.assertEqual(len(h), 0)


    def test_keys(self):
        h, _, d = self.make_data()
        self.assertEqual(list(sorted(h.keys())), list(sorted(d.keys())))


    def test_del(self):
        h, pairs, _ = self.make_data()
        k, v = pairs.pop(N//2)
        del h[k]
        while pairs:
            v = h.popitem()
            v2 = pairs.pop(-1)
            self.assertEqual(v, v2)
        self.assertEqual(len(h), 0)


    def test_clear(self):
        h, _, _ = self.make_data()
        h.clear()
        self.assertEqual(len(h), 0)




if __name__ == "__main__":
    test_main(verbose=True)
