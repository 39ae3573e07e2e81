from hashids import Hashids
import pytest


class TestConstructor(object):
    def test_small_alphabet_with_no_repeating_characters(self):
        pytest.raises(ValueError, Hashids, alphabet='abcdefghijklmno')

class TestEncoding(object):
    def test_empty_call(self):
        assert Hashids().encode() == ''

    def test_single_number(self):
        h = Hashids()
        assert h.encode(12345) == 'j0gW'
        assert h.encode(1) == 'jR'
        assert h.encode(22) == 'Lw'
        assert h.encode(333) == 'Z0E'
        assert h.encode(9999) == 'w0rR'

    def test_salt(self):
        h = Hashids(salt='Arbitrary string')
        assert h.encode(683, 94108, 123, 5) == 'QWyf8yboH7KT2'
        assert h.encode(1, 2, 3) == 'neHrCa'
        assert h.encode(2, 4, 6) == 'LRCgf2'
        assert h.encode(99, 25) == 'JOMh1'

    def test_short_alphabet(self):
        h = Hashids(alphabet='ABcfhistuCFHISTU')
        assert h.encode(2839, 12, 32, 5) == 'AABAABBBABAAAuBBAAUABBBBBCBAB'
        assert h.encode(1, 2, 3) == 'AAhBAiAA'
        assert h.encode(23832) == 'AABAAABABBBAABBB'
        assert h.encode(99, 25) == 'AAABBBAAHBBAAB'

    def test_all_parameters(self):
        h = Hashids('arbitrary salt', 16, 'abcdefghijklmnopqrstuvwxyz')
        assert h.encode(7452, 2967, 21401) == 'wygqxeunkatjgkrw'
        assert h.encode(1, 2, 3) == 'pnovxlaxuriowydb'
        assert h.encode(60125) == 'jkbgxljrjxmlaonp'
        assert h.encode(99, 25) == 'erdjpwrgouoxlvbx'

    def test_alphabet_with_two_standard_separators(self):
        h = Hashids(alphabet='abdegjklmnopqrvwxyzABDEGJKLMNOPQRVWXYZ1234567890uC')
        assert h.encode(7452, 2967, 21401) == 'GJNNmKYzbPBw'
        assert h.encode(1, 2, 3) == 'DQCXa4'
        assert h.encode(60125) == '38V1D'
        assert h.encode(99, 25) == '373az'

    def test_float_call(self):
        assert Hashids().encode(1, 2.5, 3) == ''

    def test_illegal_hex(self):
        assert Hashids().encode_hex('') == ''
        assert Hashids().encode_hex('1234SGT8') == ''

class TestDecoding(object):
    def test_non_string(self):
        assert Hashids().decode(object()) == ()

    def test_empty_call(self):
        assert Hashids().decode('') == ()

    def test_multiple_numbers(self):
        h = Hashids()
        assert h.decode('vJvi7On9cXGtD') == (683, 94108, 123, 5)
        assert h.decode('o2fXhV') == (1, 2, 3)
        assert h.decode('xGhmsW') == (2, 4, 6)
        assert h.decode('3lKfD') == (99, 25)

    def test_alphabet(self):
        h = Hashids(alphabet='!"#%&\',-/0123456789:;<=>ABCDEFGHIJKLMNOPQRSTUVWXYZ_`abcdefghijklmnopqrstuvwxyz~')
        assert h.decode('_nJUNTVU3') == (2839, 12, 32, 5)
        assert h.decode('7xfYh2') == (1, 2, 3)
        assert h.decode('Z6R>') == (23832,)
        assert h.decode('AYyIB') == (99, 25)

    def test_all_parameters(self):
        h = Hashids('arbitrary salt', 16, 'abcdefghijklmnopqrstuvwxyz')
        assert h.decode('wygqxeunkatjgkrw') == (7452, 2967, 21401)
        assert h.decode('pnovxlaxuriowydb') == (1, 2, 3)
        assert h.decode('jkbgxljrjxmlaonp') == (60125,)
        assert h.decode('erdjpwrgouoxlvbx') == (99, 25)

    def test_alphabet_without_standard_separators(self):
        h = Hashids(alphabet='abdegjklmnopqrvwxyzABDEGJKLMNOPQRVWXYZ1234567890')
        assert h.decode('X50Yg6VPoAO4') == (7452, 2967, 21401)
        assert h.decode('GAbDdR') == (1, 2, 3)
        assert h.decode('5NMPD') == (60125,)
        assert h.decode('yGya5') == (99, 25)

    def test_only_one_valid(self):
        h = Hashids(min_length=6)
        assert h.decode(h.encode(1)[:-1] + '0') == ()

    def test_illegal_decode_hex(self):
        assert Hashids().decode_hex('') == ''
        assert Hashids().decode_hex('WxMLpERDrmh25Lp4L3xEfM6WovWYO3IjkRMKR2ogCMVlqt1WK8jKq7OsEp1Vi2p') == ''
