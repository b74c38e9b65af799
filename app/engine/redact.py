"""Remove personal data from visitors' text before it is stored.

    >>> redact("mail me at a.b@example.com or call +91 98765 43210")
    'mail me at [email] or call [phone]'

Card numbers are recognised by the Luhn check and Aadhaar numbers by the
Verhoeff check (python-stdnum), phone numbers by libphonenumber's matcher
(Indian numbers without a country code included), so order numbers and dates
are left alone.
"""

from __future__ import annotations

import re

import phonenumbers
from stdnum import luhn
from stdnum.in_ import aadhaar

_EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
# Runs of digits with single spaces or hyphens between groups.
_DIGIT_RUN = re.compile(r"(?<![\w])\+?\d(?:[ \-]?\d){6,22}(?![\w])")


def _digits(text: str) -> str:
    return re.sub(r"\D", "", text)


def _redact_numbers(match: re.Match) -> str:
    raw = match.group(0)
    digits = _digits(raw)
    if len(digits) == 12 and aadhaar.is_valid(digits):
        return "[aadhaar]"
    if 13 <= len(digits) <= 19 and luhn.is_valid(digits):
        return "[card]"
    return raw


def _redact_phones(text: str) -> str:
    # Look for numbers written for India first (the default region), then any
    # number written in international form.
    spans = []
    for match in phonenumbers.PhoneNumberMatcher(text, "IN", leniency=phonenumbers.Leniency.VALID):
        spans.append((match.start, match.end))
    if not spans:
        return text
    out, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            continue
        out.append(text[last:start])
        out.append("[phone]")
        last = end
    out.append(text[last:])
    return "".join(out)


def redact(text: str) -> str:
    """Replace e-mail addresses, card, Aadhaar and phone numbers in `text` with placeholders."""
    text = _EMAIL.sub("[email]", text)
    if sum(ch.isdigit() for ch in text) < 7:
        return text
    text = _DIGIT_RUN.sub(_redact_numbers, text)
    return _redact_phones(text)
