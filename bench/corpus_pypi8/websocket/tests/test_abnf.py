# -*- coding: utf-8 -*-
#
import importlib
import sys
import unittest
from unittest import mock

from websocket._abnf import ABNF, continuous_frame, frame_buffer
from websocket._exceptions import WebSocketPayloadException, WebSocketProtocolException

"""
test_abnf.py
websocket - WebSocket client library for Python

Copyright 2026 engn33r

Licensed under the Apache License, Version 2.0 (the "License");
you may not use this file except in compliance with the License.
You may obtain a copy of the License at

    http://www.apache.org/licenses/LICENSE-2.0

Unless required by applicable law or agreed to in writing, software
distributed under the License is distributed on an "AS IS" BASIS,
WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
See the License for the specific language governing permissions and
limitations under the License.
"""


class ABNFTest(unittest.TestCase):
    def test_init(self):
        a = ABNF(0, 0, 0, 0, opcode=ABNF.OPCODE_PING)
        self.assertEqual(a.fin, 0)
        self.assertEqual(a.rsv1, 0)
        self.assertEqual(a.rsv2, 0)
        self.assertEqual(a.rsv3, 0)
        self.assertEqual(a.opcode, 9)
        self.assertEqual(a.data, "")
        a_bad = ABNF(0, 1, 0, 0, opcode=77)
        self.assertEqual(a_bad.rsv1, 1)
        self.assertEqual(a_bad.opcode, 77)


    def test_validate(self):
        a_invalid_ping = ABNF(0, 0, 0, 0, opcode=ABNF.OPCODE_PING)
        self.assertRaises(
            WebSocketProtocolException,
            a_invalid_ping.validate,
            skip_utf8_validation=False,
        )
        a_bad_rsv_value = ABNF(0, 1, 0, 0, opcode=ABNF.OPCODE_TEXT)
        self.assertRaises(
            WebSocketProtocolException,
            a_bad_rsv_value.validate,
            skip_utf8_validation=False,
        )
        a_bad_opcode = ABNF(0, 0, 0, 0, opcode=77)
        self.assertRaises(
            WebSocketProtocolException,
            a_bad_opcode.validate,
            skip_utf8_validation=False,
        )
        a_bad_close_frame = ABNF(0, 0, 0, 0, opcode=ABNF.OPCODE_CLOSE, data=b"\x01")
        self.assertRaises(
            WebSocketProtocolException,
            a_bad_close_frame.validate,
            skip_utf8_validation=False,
        )
        a_bad_close_frame_2 = ABNF(
            0, 0, 0, 0, opcode=ABNF.OPCODE_CLOSE, data=b"\x01\x8a\xaa\xff\xdd"
        )
        self.assertRaises(
            WebSocketProtocolException,
            a_bad_close_frame_2.validate,
            skip_utf8_validation=False,
        )
        a_bad_close_frame_3 = ABNF(
            0, 0, 0, 0, opcode=ABNF.OPCODE_CLOSE, data=b"\x03\xe7"
        )
        self.assertRaises(
            WebSocketProtocolException,
            a_bad_close_frame_3.validate,
            skip_utf8_validation=True,
        )


    def test_mask(self):
        abnf_none_data = ABNF(
            0, 0, 0, 0, opcode=ABNF.OPCODE_PING, mask_value=1, data=None
        )
        bytes_val = b"aaaa"
        self.assertEqual(abnf_none_data._get_masked(bytes_val), bytes_val)
        abnf_str_data = ABNF(
            0, 0, 0, 0, opcode=ABNF.OPCODE_PING, mask_value=1, data="a"
        )
        self.assertEqual(abnf_str_data._get_masked(bytes_val), b"aaaa\x00")


    def test_frame_buffer(self):
        fb = frame_buffer(0, True)
        self.assertEqual(fb.recv, 0)
        self.assertEqual(fb.skip_utf8_validation, True)
        fb.header = (1, 0, 0, 0, ABNF.OPCODE_TEXT, 1, 10)
        fb.length = 10
        fb.mask_value = b"abcd"
        fb.clear()
        self.assertIsNone(fb.header)
        self.assertIsNone(fb.length)
        self.assertIsNone(fb.mask_value)
        self.assertFalse(fb.has_mask())


    def test_recv_strict_preserves_unconsumed_bytes(self):
        remaining = bytearray(b"abcdef")

        def greedy_recv(_):
            if not remaining:
                raise AssertionError("recv called with empty buffer")
            chunk = bytes(remaining)
            remaining.clear()
            return chunk

        fb = frame_buffer(greedy_recv, skip_utf8_validation=True)
        first = fb.recv_strict(4)
        self.assertEqual(first, b"abcd")
        # The extra bytes should stay buffered for the next strict read
        self.assertEqual(fb.recv_buffer, [b"ef"])

        second = fb.recv_strict(2)
        self.assertEqual(second, b"ef")
        self.assertEqual(fb.recv_buffer, [])



class AbnfPureUnitTests(unittest.TestCase):
    def test_mask_without_wsaccel(self):
        import websocket._abnf as abnf_module

        mask_key = b"\x01\x02\x03\x04"
        data = b"\x05\x06\x07\x08\t"
        expected = bytes(mask_key[i % 4] ^ data[i] for i in range(len(data)))

        with mock.patch.dict(sys.modules, {"wsaccel": None, "wsaccel.xormask": None}):
            reloaded = importlib.reload(abnf_module)
            self.assertEqual(reloaded.ABNF.mask(mask_key, data), expected)

        importlib.reload(reloaded)


    def test_continuous_frame_invalid_utf8_raises(self):
        cont = continuous_frame(fire_cont_frame=False, skip_utf8_validation=False)
        start = ABNF(
            fin=0,
            opcode=ABNF.OPCODE_TEXT,
            data=b"\xf0\x28",
            mask_value=0,
        )
        cont.validate(start)
        cont.add(start)

        end = ABNF(
            fin=1,
            opcode=ABNF.OPCODE_CONT,
            data=b"\x8c\x28",
            mask_value=0,
        )
        cont.validate(end)
        cont.add(end)
        self.assertTrue(cont.is_fire(end))
        with self.assertRaises(WebSocketPayloadException):
            cont.extract(end)


if __name__ == "__main__":
    unittest.main()
