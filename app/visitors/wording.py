"""What the visitor's side says in the visitor's language: the assistant's fixed replies and the scripts' texts.

The engine (no Flask) writes its fixed replies in English; `fixed_text(reply)`
gives them in the request's language. Quotes from the policy are never
translated: they are the published text. Texts from intents.yaml (labels,
help, the assistant's handoff lines) are in the catalogue too (babel.cfg
extracts them), and go through `gettext` where they are shown.

    fixed_text(reply)       # "क्या आपका मतलब इनमें से किसी से था?"
    interface_strings()     # {"Ask": "पूछें", ...}: what chat.js and widget.js show
"""

from __future__ import annotations

from flask_babel import get_translations, gettext, lazy_gettext as _l

from ..engine import answering

# The engine's fixed English texts -> the same text in the catalogue (a test checks they are identical).
FIXED = {
    answering.SMALLTALK_REPLIES["greeting"]: _l(
        "Hello! Ask me anything about Blue Messaggio's privacy policy, for example \"What information do you "
        "collect?\" or \"Can I delete my data?\""),
    answering.SMALLTALK_REPLIES["thanks"]: _l(
        "You're welcome. If you have another question about the privacy policy, just ask."),
    answering.SMALLTALK_REPLIES["about"]: _l(
        "I'm Blue Messaggio's privacy policy assistant, an automated helper, not a person. Ask me about the privacy "
        "policy and I answer with its own words, for example \"Do you share my data?\" or \"What cookies do you "
        "use?\" I can also help you ask for a copy of your data, a correction or deletion, or an end to marketing "
        "messages."),
    answering.HUMAN_REPLY: _l(
        "I'm an automated assistant, so I can't put you through to a person. You can reach Blue Messaggio "
        "directly:"),
    answering.CLARIFY_MESSAGE: _l("Did you mean one of these?"),
    answering.OFF_TOPIC_REPLY: _l(
        "The privacy policy doesn't cover that: it looks like a question about Blue Messaggio's products or "
        "services rather than about your personal information. Please contact Blue Messaggio directly:"),
    answering.DEVANAGARI_REPLY: _l(
        "I can only read messages typed in English letters: English, or Hindi typed in English letters (for "
        "example \"kya aap mera data share karte ho?\"). The privacy policy itself is published in English. You "
        "can also write to Blue Messaggio directly:"),
    answering.NOT_COVERED_REPLY: _l("The privacy policy doesn't cover that. Please contact Blue Messaggio directly:"),
    answering.EDITOR_GAP_TOPIC: _l("An editor marked this question as not covered by the policy"),
}


def fixed_text(reply) -> str:
    """`reply.message` in the request's language when it is one of the engine's fixed texts, else unchanged.

    A "not covered" reply is its lead line and then the policy's own contact lines, which stay as published.
    """
    if reply.answered:
        return reply.message  # quoted policy text
    lead, sep, rest = reply.message.partition("\n")
    if lead in FIXED:
        return f"{FIXED[lead]}{sep}{rest}"
    if reply.gap is not None and lead == answering.not_covered_lead(reply.gap):
        return gettext("The privacy policy doesn't cover that (%(topic)s). Please contact Blue Messaggio "
                       "directly:", topic=_topic(reply.gap)) + sep + rest
    return reply.message


def note_text(reply) -> str | None:
    """What is said before the quote, in the request's language: a handoff's line, then the part of the question the
    policy does not cover, if one was set aside ("... (how long data is kept). Here is what it says about the rest:")."""
    said = [gettext(reply.note)] if reply.note else []
    if reply.uncovered is not None:
        said.append(gettext("The privacy policy doesn't cover part of your question (%(topic)s). Here is what it says "
                            "about the rest:", topic=_topic(reply.uncovered)))
    return " ".join(said) or None


def _topic(gap) -> str:
    """A gap's topic as it is shown: topics come from corpus files (English, like the policy); the editors' own marker
    is translated."""
    return str(FIXED[gap.topic]) if gap.topic in FIXED else gap.topic.lower()


def N_(text: str) -> str:
    """Mark `text` for the catalogue (app/translations/babel.cfg's keywords) without translating it here."""
    return text


# What chat.js and widget.js show, by their English text: t("Ask") in the scripts. A test checks that every
# t("...") in the scripts is listed here, so a new text cannot reach visitors untranslated.
SCRIPT_TEXTS = [
    N_("Ask"), N_("Your question"), N_("e.g. Do you sell my data?"), N_("Conversation"), N_("New conversation"),
    N_("Close"), N_("Privacy questions"), N_("Suggested questions"), N_("Language"),
    N_("Hello! Ask me anything about Blue Messaggio's privacy policy. I answer with the policy's own words."),
    N_("Looking in the policy\u2026"), N_("Couldn't reach the assistant. Check your connection and try again."),
    N_("Try again"), N_("Something went wrong. Please try again."),
    N_("Too many requests. Please wait a moment and try again."),
    N_("The service is busy right now. Please try again shortly."),
    N_("Something went wrong (%(status)s). Please try again."),
    N_("Was this helpful?"), N_("Helpful?"), N_("Yes"), N_("No"), N_("Yes, helpful"), N_("Not helpful"),
    N_("Thank you for your feedback."), N_("Sorry, your feedback could not be saved."),
    N_("From"), N_("See also:"), N_("Want to go ahead?"), N_("%(label)s: open the request form"),
    N_("Did you mean one of these?"), N_("Make a request here"), N_("or use the form on our site"),
    N_("Your request"), N_("Choose\u2026"), N_("Send request"), N_("Cancel"),
    N_("Thank you. We have received your request."), N_("Reference"), N_("We will reply by"),
    N_("We will respond by (at the latest)"),
    N_("Reports about a child's data are handled first: our privacy team looks at yours straight away, well "
       "before the latest date above."),
    N_("Keep the reference: quote it if you contact us about this request."),
    N_("The privacy policy is published in English, so answers quote it in English. Ask in English, or in Hindi "
       "typed in English letters (for example \"kya aap mera data bechte ho?\")."),
    # The widget's code form (confirming the e-mail address) and its "policy updated" notice.
    N_("We have e-mailed you a 6-digit code. Enter it here to confirm your address (it works for %(minutes)s "
       "minutes); we start once it is confirmed."),
    N_("Code from the e-mail"), N_("Confirm"), N_("Send a new code"),
    N_("Your e-mail address is confirmed. We have sent you a receipt."), N_("See the status of your request"),
    N_("We have sent a new code. Earlier codes no longer work."),
    N_("Our privacy policy was updated on %(date)s:"), N_("see what changed"),
]


def interface_strings() -> dict[str, str]:
    """{English text: text in the request's language} for the scripts' t()."""
    # Not gettext(): it would apply "%" formatting with no values; the scripts fill in %(status)s themselves.
    translations = get_translations()
    return {text: translations.ugettext(text) for text in SCRIPT_TEXTS}
