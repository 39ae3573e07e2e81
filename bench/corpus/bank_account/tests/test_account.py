from account import Account


def test_deposit():
    acct = Account("ada", 100.0)
    assert acct.deposit(50.0) == 150.0


def test_withdraw():
    acct = Account("bob", 100.0, overdraft=50.0)
    assert acct.withdraw(120.0) == -20.0
