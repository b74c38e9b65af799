"""What an agent must know and check before acting on a child's-data report.

    >>> guidance = child_guidance({"child_age": 15, "relationship": "Teacher or school"})
    >>> guidance.band
    'dpdp'

Two rules meet here. India's DPDP Act 2023 (s. 2(f)) makes anyone under 18 a child, whose data may only be
processed with a parent's or lawful guardian's verifiable consent (s. 9). Blue Messaggio's policy (§9) is
narrower: its services are not meant for children under 13, and data about one is removed. A report is
about a child whenever the child is under 18; the under-13 rule is shown to agents beside it.
Pure functions: no Flask.
"""

from __future__ import annotations

from dataclasses import dataclass

CHILD_UNDER = 18  # DPDP Act 2023, s. 2(f)
POLICY_UNDER = 13  # the policy, section 9
GUARDIANS = ("Parent", "Legal guardian")

_RULES = {
    "policy": (f"Under {POLICY_UNDER}: the policy (§9) says Blue Messaggio does not knowingly collect data from "
               f"children under {POLICY_UNDER} and will take steps to remove it. Once the account is identified, "
               "remove the child's data; it is also a child under the DPDP Act."),
    "dpdp": (f"{POLICY_UNDER} to {CHILD_UNDER - 1}: a child under India's DPDP Act (anyone under {CHILD_UNDER}). "
             f"The policy's under-{POLICY_UNDER} rule does not apply, but the child's data may only be processed "
             "with a parent's or lawful guardian's verifiable consent: check whether it was given; without it, "
             "stop processing and remove the data."),
    "unknown": (f"Age not given: ask for it. Anyone under {CHILD_UNDER} is a child under the DPDP Act (a parent's "
                f"verifiable consent is needed); under {POLICY_UNDER} the policy (§9) also says the data is removed."),
}


@dataclass(frozen=True)
class ChildGuidance:
    """The rule that applies to a reported child and what to verify before acting."""

    age: int | None
    band: str  # "policy" (under 13), "dpdp" (13 to 17) or "unknown"
    rule: str
    checks: tuple[str, ...]


def _age(value) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.strip().isdigit():
        return int(value.strip())
    return None


def child_guidance(extra: dict) -> ChildGuidance:
    """The rule for the child's age in a report's fields and the checks to make, in order."""
    age = _age(extra.get("child_age"))
    if age is None or age >= CHILD_UNDER:
        band = "unknown"
    else:
        band = "policy" if age < POLICY_UNDER else "dpdp"
    relationship = extra.get("relationship")
    if relationship in GUARDIANS:
        related = (f"The reporter's relationship: they say they are the child's {relationship.lower()}. Ask for "
                   "proof (a document naming them as parent or guardian) before acting on the child's account "
                   "at their request or taking their consent as the parent's.")
    elif isinstance(relationship, str) and relationship:
        related = (f"The reporter's relationship: \u201c{relationship}\u201d, not a parent or guardian. Treat the "
                   "report as notice (review the account, stop processing if it is a child's), but act for the "
                   "child, or take consent, only once a parent or lawful guardian confirms.")
    else:
        related = "The reporter's relationship: not given. Ask how they are related to the child."
    return ChildGuidance(age, band, _RULES[band], (
        "The reporter's identity: reply to the e-mail address given and confirm they control it; never send the "
        "child's data to an address that is not verified.",
        related,
        "The child's account: match the phone number or e-mail in the details to one account before changing or "
        "removing anything.",
    ))
