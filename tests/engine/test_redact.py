"""Redaction: personal data goes before a question is stored; numbers that are not personal stay."""

import pytest
from stdnum import luhn
from stdnum.in_ import aadhaar

from app.engine.redact import redact

# A made-up Aadhaar number with a valid Verhoeff check digit, and the same with a wrong one.
AADHAAR = "2341 2341 2346"
AADHAAR_BAD_CHECK = "2341 2341 2345"


def test_sample_numbers_are_what_they_claim():
    """The table below relies on these being (in)valid; a typo here would make its cases meaningless."""
    assert aadhaar.is_valid(AADHAAR.replace(" ", "")) and not aadhaar.is_valid(AADHAAR_BAD_CHECK.replace(" ", ""))
    assert luhn.is_valid("4111111111111111") and not luhn.is_valid("4111111111111112")


@pytest.mark.parametrize("text, expected", [
    # e-mail addresses
    ("mail me at a.b@example.com please", "mail me at [email] please"),
    ("My email is John.Doe+pa@Example.CO.IN.", "My email is [email]."),
    ("two: a@b.io, c@d.org", "two: [email], [email]"),
    # Indian phone numbers, with and without the country code
    ("call 9876543210", "call [phone]"),
    ("call 98765 43210 after 6", "call [phone] after 6"),
    ("call +91 98765 43210", "call [phone]"),
    ("call +91-98765-43210", "call [phone]"),
    ("call (+91) 98765 43210", "call [phone]"),
    ("call 098765 43210", "call [phone]"),
    ("office 022 2345 6789", "office [phone]"),
    ("whatsapp 919876543210", "whatsapp [phone]"),
    ("9876543210 or 9123456789", "[phone] or [phone]"),
    # international numbers
    ("ring +44 20 7946 0958", "ring [phone]"),
    ("ring +44 (0)20 7946 0958", "ring [phone]"),
    ("ring +1 (415) 555-2671", "ring [phone]"),
    ("ring +33 1 42 68 53 00", "ring [phone]"),
    # card numbers that pass the Luhn check
    ("card 4111 1111 1111 1111 was charged", "card [card] was charged"),
    ("card 4111-1111-1111-1111", "card [card]"),
    ("card 4111111111111111", "card [card]"),
    ("card 5500 0000 0000 0004", "card [card]"),
    ("amex 3782 822463 10005", "amex [card]"),
    # Aadhaar numbers (Verhoeff check)
    (f"aadhaar {AADHAAR}", "aadhaar [aadhaar]"),
    (f"aadhaar {AADHAAR.replace(' ', '')}", "aadhaar [aadhaar]"),
    # several kinds at once
    (f"I am a@b.com, +91 98765 43210, card 4111 1111 1111 1111, UID {AADHAAR}",
     "I am [email], [phone], card [card], UID [aadhaar]"),
])
def test_personal_data_is_redacted(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", [
    "Can I delete my account?",
    "what happened in 2023",
    "since 1999 and 2024",
    "what does section 6.2 say",
    "policy clause 2.1.3",
    "s6-correction-and-deletion-2",
    "is my data deleted within 30 days",
    "children under 13",
    "open 9:00 AM - 6:00 PM",
    "ref 2024-05-17",
    "order 1234567",
    "order #12345678",
    "ticket 1234567890123",
    "card 4111111111111112",  # fails the Luhn check: not a card number
    f"id {AADHAAR_BAD_CHECK}",  # fails the Verhoeff check
    "my IP 192.168.0.1",
    "email me @ home",
    "user@localhost",
])
def test_other_text_and_numbers_are_left_alone(text):
    assert redact(text) == text


def test_redaction_is_idempotent():
    once = redact("a@b.com +91 98765 43210 4111 1111 1111 1111")
    assert redact(once) == once
